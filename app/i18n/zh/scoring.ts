// 口碑分的文案：维度、各项（名称、测量内容、实测数据）、低可信度提示和最佳行动。
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
    loyalty: "持续回来的成员",
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
      detail: "近 180 天 {{due}} 条建议中 {{withinTarget}} 条在 {{hours}} 小时内得到回复，{{fewDays}} 条在 3 天内，{{week}} 条在一周内，{{weeks}} 条更晚，{{overdue}} 条仍在等待",
    },
    replyReception: {
      name: "回复受欢迎",
      detail: "{{due}} 条建议中 {{wellReceived}} 条的回复没有收到投诉",
    },
    complaintHandling: {
      name: "投诉得到解决",
      detail: "{{filed}} 条投诉中已解决 {{resolved}} 条，解决评分 {{averageRating}}/5；{{activeMembers}} 名活跃成员面对 {{open}} 条未结投诉",
    },
    featureRatings: {
      name: "上线功能评价良好",
      detail: "近 180 天 {{ratings}} 条评分，平均 {{averageStars}} 星（含先验；3 星为中性）",
    },
    recommendation: {
      name: "愿意推荐",
      detail: "净推荐值 {{nps}}（向 0 收缩），共 {{answers}} 份回答（推荐者 {{promoters}}，贬损者 {{detractors}}）",
    },
    participation: {
      name: "参与的成员",
      detail: "近 30 天 {{members}} 名成员中有 {{contributors}} 名发帖、投票、评论或评分（{{percent}}%，计入 {{counted}}%），其中 {{campaigners}} 名通过活动参与",
    },
    decisions: {
      name: "建议得到决定",
      detail: "近 180 天 {{posted}} 条建议中 {{decided}} 条已有决定（{{percent}}%，计入 {{counted}}%）",
    },
    adoption: {
      name: "建议被采纳",
      detail: "近 180 天 {{posted}} 条建议中 {{adopted}} 条已计划、开发中或已上线（{{percent}}%，计入 {{counted}}%）",
    },
    shipping: {
      name: "建议已上线",
      detail: "近 180 天 {{posted}} 条建议中 {{shipped}} 条已上线（{{percent}}%，计入 {{counted}}%）",
    },
    returning: {
      name: "持续回来的成员",
      detail: "仍然活跃：加入 30 天以上的 {{cohort30}} 人中 {{back30}} 人，90 天以上的 {{cohort90}} 人中 {{back90}} 人，180 天以上的 {{cohort180}} 人中 {{back180}} 人（计入 {{counted30}}%、{{counted90}}%、{{counted180}}%）",
    },
    activeWeeks: {
      name: "活跃周数",
      detail: "近 12 周可活跃的 {{possibleWeeks}} 周中活跃了 {{activeWeeks}} 周（{{percent}}%，计入 {{counted}}%）",
    },
    repeatContribution: {
      name: "反复贡献",
      detail: "近 12 周有发帖、投票、评论或评分的周共 {{contributionWeeks}} 个，人均 {{perMember}} 周（计入 {{counted}}）",
    },
    honors: {
      name: "仍然活跃的荣誉成员",
      detail: "{{members}} 名成员中 {{activeHolders}} 名拥有凭贡献获得的徽章且仍活跃（共 {{holdingBadges}} 名拥有；自动徽章不计入）",
    },
    privileges: {
      name: "仍然活跃的特权成员",
      detail: "{{members}} 名成员中 {{activePrivileged}} 名达到 1 级及以上荣誉等级且仍活跃（共 {{withPrivileges}} 名有等级）",
    },
    invitations: {
      name: "留下来的好友",
      detail: "通过邀请或分享链接加入的成员中 {{staying}} 名仍活跃（加入 {{joined}} 名，其中分享链接 {{shareSignups}} 名；发出 {{sent}} 份邀请）",
    },
  },
  notes: {
    lowConfidence_one: "可信度低：只有 {{count}} 名成员（少于 {{needed}} 名即为小样本），{{percent}}% 的分数来自中性参考值而非数据。",
    lowConfidence_other: "可信度低：只有 {{count}} 名成员（少于 {{needed}} 名即为小样本），{{percent}}% 的分数来自中性参考值而非数据。",
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
    returning_other: "请回 {{count}} 名加入一个月以上的成员，先从最早加入的开始",
    activeWeeks_other: "给活跃成员一个每周回来的理由（每周更新说明、摘要），多 {{count}} 个活跃周",
    repeatContribution_other: "请本月的贡献者在其他周再贡献 {{count}} 次（为新版本评分、为路线图投票）",
    honors_other: "再为 {{count}} 名活跃贡献者颁发徽章",
    privileges_other: "让 {{count}} 名活跃的徽章持有者达到 1 级荣誉",
    invitations_other: "欢迎 {{count}} 名尚未留下来的受邀好友",
  },
  gain: "+{{gain}}",
};
