export default {
  subject: "你在新芽的一周",
  intro: "这是新芽上周发生的事。",
  shipped: "本周已上线",
  shippedItem: "{{title}}（来自 {{names}} 的想法）",
  answers: "你关注的建议收到的官方回复",
  topNew: "票数最多的新建议",
  topNewItem_other: "{{title}}（{{count}} 票）",
  honor: "你的荣誉进度",
  honorLevel_other: "你目前是{{level}}，共 {{count}} 分。",
  honorNext_other: "再得 {{count}} 分即可接近{{level}}。",
  why: "你收到这封每周邮件，是因为你在新芽通知设置中开启了每周摘要。",
  unsubscribe: "停止接收每周摘要",
};
