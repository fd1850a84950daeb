// 口碑分的文案：维度、各项（名称、测量内容、实测数据）、数据不足的说明和最佳行动。
export default {
  dimensions: {
    satisfaction: "满意度",
    achievement: "成就感",
    loyalty: "忠诚度",
  },
  groups: {
    product: "产品本身",
    team: "团队回复",
    achievement: "参与与采纳",
    loyalty: "荣誉与回访",
    delight: "惊喜",
  },
  terms: {
    usage: {
      name: "在用产品的成员",
      detail: "近 30 天 {{members}} 名成员中有 {{active}} 名活跃（{{percent}}%，计入 {{counted}}%）",
    },
    stickiness: {
      name: "经常回来",
      detail: "近 30 天人均活跃 {{daysPerMember}} 天（计入 {{counted}} 天）",
    },
    responseTime: {
      name: "官方回复及时",
      detail: "{{due}} 条建议中 {{withinTarget}} 条在 {{hours}} 小时内得到回复，{{late}} 条超时回复，{{overdue}} 条仍在等待",
    },
    replyReception: {
      name: "回复受欢迎",
      detail: "{{due}} 条建议中 {{wellReceived}} 条的回复没有收到投诉",
    },
    complaintHandling: {
      name: "投诉得到解决",
      detail: "{{filed}} 条投诉中已解决 {{resolved}} 条，解决评分 {{averageRating}}/5",
    },
    featureRatings: {
      name: "上线功能评价优秀",
      detail: "{{ratings}} 条评分，平均 {{averageStars}} 星（含先验）",
    },
    recommendation: {
      name: "愿意推荐",
      detail: "净推荐值 {{nps}}，共 {{answers}} 份回答（推荐者 {{promoters}}，贬损者 {{detractors}}）",
    },
    participation: {
      name: "参与的成员",
      detail: "近 30 天 {{members}} 名成员中有 {{contributors}} 名发帖、投票、评论或评分（{{percent}}%，计入 {{counted}}%），其中 {{campaigners}} 名通过活动参与",
    },
    decisions: {
      name: "建议得到决定",
      detail: "{{posted}} 条建议中 {{decided}} 条已有决定（{{percent}}%，计入 {{counted}}%）",
    },
    adoption: {
      name: "建议被采纳",
      detail: "{{posted}} 条建议中 {{adopted}} 条已计划、开发中或已上线（{{percent}}%，计入 {{counted}}%）",
    },
    shipping: {
      name: "建议已上线",
      detail: "{{posted}} 条建议中 {{shipped}} 条已上线（{{percent}}%，计入 {{counted}}%）",
    },
    retention: {
      name: "留下来的成员",
      detail: "2–12 个月前加入的 {{cohort}} 名成员中仍有 {{retained}} 名活跃（{{percent}}%，计入 {{counted}}%）",
    },
    honors: {
      name: "获得荣誉",
      detail: "{{members}} 名成员中 {{holdingBadges}} 名拥有徽章（{{percent}}%，计入 {{counted}}%）",
    },
    privileges: {
      name: "获得特权",
      detail: "{{members}} 名成员中 {{withPrivileges}} 名达到 1 级及以上荣誉等级（{{percent}}%，计入 {{counted}}%）",
    },
    invitations: {
      name: "受邀好友留下来",
      detail: "{{activeInvitees}} 名受邀成员已活跃（{{sent}} 份邀请中 {{joined}} 人加入）",
    },
  },
  notes: {
    noMembers: "还没有成员：分数从先验值开始，随真实数据上升。",
    notEnoughData: "{{term}}：只有 {{sample}} 个观测值，需要 {{needed}} 个；已向先验值收缩。",
  },
  actions: {
    usage_other: "把 {{count}} 名 30 天未访问的成员请回来",
    stickiness: "让活跃成员每月多来 {{days}} 天（每人约 {{perActiveMember}} 天）",
    responseTime_other: "在 {{hours}} 小时响应时限内回复这 {{count}} 条建议",
    replyReception_other: "跟进 {{count}} 条回复被投诉的建议",
    complaintHandling_other: "解决 {{count}} 条未结投诉",
    featureRatings_other: "跟进 {{count}} 条 3 星及以下的评分，直到评为 4 星",
    recommendation_other: "与 {{count}} 名不愿推荐的成员沟通",
    participation_other: "邀请 {{count}} 名常来看看的成员投票、评论或提建议",
    decisions_other: "再为 {{count}} 条等待中的建议做出决定",
    adoption_other: "再计划 {{count}} 条建议",
    shipping_other: "上线 {{count}} 条已计划的建议",
    retention_other: "请回 {{count}} 名 2–12 个月前加入的成员",
    honors_other: "再为 {{count}} 名贡献者颁发徽章",
    privileges_other: "让 {{count}} 名徽章持有者达到 1 级荣誉",
    invitations_other: "欢迎 {{count}} 名尚未活跃的受邀成员",
  },
  gain: "+{{gain}}",
};
