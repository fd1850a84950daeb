// The badge engine's own words: helpful marks on comments and the admin's grants by hand.
// Badge and level names live with their definitions (app/features/honors/rules/badges.ts, levels.ts).
export default {
  tiers: {
    bronze: "Bronze",
    silver: "Silver",
    gold: "Gold",
  },
  helpful: {
    label: "Helpful",
    mark: "Mark helpful",
    unmark: "Remove helpful mark",
  },
  admin: {
    title: "Honors by hand",
    intro: "Give a badge for what no rule sees, or set a member's honor level. A level set here stays until you set it back to automatic.",
    username: "Username",
    grant: {
      heading: "Grant a badge",
      badge: "Badge",
      suggestion: "Suggestion number (optional)",
      suggestionHint: "Only for badges earned once per suggestion, such as “{{badge}}”.",
      submit: "Grant badge",
    },
    level: {
      heading: "Set an honor level",
      level: "Level",
      auto: "Automatic (from contribution)",
      option: "Level {{level}} · {{name}}",
      submit: "Set level",
    },
    done: {
      granted: "{{username}} now holds “{{badge}}”.",
      alreadyHeld: "{{username}} already held “{{badge}}”: nothing changed.",
      level: "{{username}} is now at level {{level}}.",
    },
    errors: {
      unknownBadge: "There is no such badge.",
      unknownMember: "No member has this username.",
    },
  },
};
