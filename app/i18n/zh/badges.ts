export default {
  tiers: {
    bronze: "铜",
    silver: "银",
    gold: "金",
  },
  helpful: {
    label: "有帮助",
    mark: "标记为有帮助",
    unmark: "取消“有帮助”标记",
  },
  admin: {
    title: "手动授予荣誉",
    intro: "为规则无法识别的贡献授予徽章，或手动设置会员的荣誉等级。在此设置的等级会一直保留，直到你改回“自动”。",
    username: "用户名",
    grant: {
      heading: "授予徽章",
      badge: "徽章",
      suggestion: "建议编号（可选）",
      suggestionHint: "仅用于每条建议可获得一次的徽章，例如“{{badge}}”。",
      submit: "授予徽章",
    },
    level: {
      heading: "设置荣誉等级",
      level: "等级",
      auto: "自动（按贡献计算）",
      option: "{{level}} 级 · {{name}}",
      submit: "设置等级",
    },
    done: {
      granted: "{{username}} 已获得“{{badge}}”。",
      alreadyHeld: "{{username}} 已拥有“{{badge}}”，未作更改。",
      level: "{{username}} 现在是 {{level}} 级。",
    },
    errors: {
      unknownBadge: "没有这个徽章。",
      unknownMember: "没有使用这个用户名的会员。",
    },
  },
};
