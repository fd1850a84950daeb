// The word-of-mouth score's words: dimensions, terms (name, what they measure, the measured
// figures), notes on thin data, and the best action. Keys match app/scoring/terms.ts.
export default {
  dimensions: {
    satisfaction: "Satisfaction",
    achievement: "Achievement",
    loyalty: "Loyalty",
  },
  groups: {
    product: "The product itself",
    team: "The team's replies",
    achievement: "Participation and adoption",
    loyalty: "Honors and returning members",
    delight: "Delight",
  },
  terms: {
    usage: {
      name: "Members using the product",
      detail: "{{active}} of {{members}} members active in the last 30 days ({{percent}}%, {{counted}}% counted)",
    },
    stickiness: {
      name: "Coming back",
      detail: "{{daysPerMember}} active days per member in the last 30 days ({{counted}} counted)",
    },
    responseTime: {
      name: "Fast official replies",
      detail: "{{withinTarget}} of {{due}} suggestions answered within {{hours}} h, {{late}} later, {{overdue}} still waiting",
    },
    replyReception: {
      name: "Well-received replies",
      detail: "{{wellReceived}} of {{due}} suggestions answered without a complaint about the reply",
    },
    complaintHandling: {
      name: "Complaints resolved",
      detail: "{{resolved}} of {{filed}} complaints resolved, resolutions rated {{averageRating}} of 5",
    },
    featureRatings: {
      name: "Shipped features rated excellent",
      detail: "{{ratings}} ratings, {{averageStars}} stars on average (with the prior)",
    },
    recommendation: {
      name: "Would recommend",
      detail: "Net Promoter Score {{nps}} from {{answers}} answers ({{promoters}} promoters, {{detractors}} detractors)",
    },
    participation: {
      name: "Members taking part",
      detail: "{{contributors}} of {{members}} members posted, voted, commented or rated in the last 30 days ({{percent}}%, {{counted}}% counted); {{campaigners}} of them through a campaign",
    },
    decisions: {
      name: "Suggestions decided",
      detail: "{{decided}} of {{posted}} suggestions got a decision ({{percent}}%, {{counted}}% counted)",
    },
    adoption: {
      name: "Suggestions adopted",
      detail: "{{adopted}} of {{posted}} suggestions planned, in progress or shipped ({{percent}}%, {{counted}}% counted)",
    },
    shipping: {
      name: "Suggestions shipped",
      detail: "{{shipped}} of {{posted}} suggestions shipped ({{percent}}%, {{counted}}% counted)",
    },
    retention: {
      name: "Members who stay",
      detail: "{{retained}} of {{cohort}} members who joined 2–12 months ago are still active ({{percent}}%, {{counted}}% counted)",
    },
    honors: {
      name: "Honors held",
      detail: "{{holdingBadges}} of {{members}} members hold a badge ({{percent}}%, {{counted}}% counted)",
    },
    privileges: {
      name: "Privileges earned",
      detail: "{{withPrivileges}} of {{members}} members at honor level 1 or above ({{percent}}%, {{counted}}% counted)",
    },
    invitations: {
      name: "Invited friends who stay",
      detail: "{{activeInvitees}} active invited members ({{joined}} joined from {{sent}} invitations)",
    },
  },
  notes: {
    noMembers: "No members yet: the score starts at its priors and rises with real data.",
    notEnoughData: "{{term}}: only {{sample}} of the {{needed}} observations needed; shrunk toward the prior.",
  },
  actions: {
    usage_one: "Bring back {{count}} member who has not visited in 30 days",
    usage_other: "Bring back {{count}} members who have not visited in 30 days",
    stickiness: "Get active members back {{days}} more days a month (about {{perActiveMember}} each)",
    responseTime_one: "Answer the {{count}} suggestion within the {{hours}}-hour response target",
    responseTime_other: "Answer the {{count}} suggestions within the {{hours}}-hour response target",
    replyReception_one: "Follow up on the {{count}} suggestion whose replies drew a complaint",
    replyReception_other: "Follow up on the {{count}} suggestions whose replies drew a complaint",
    complaintHandling_one: "Resolve the {{count}} open complaint",
    complaintHandling_other: "Resolve the {{count}} open complaints",
    featureRatings_one: "Follow up on the {{count}} rating of 3 stars or fewer until it rates 4",
    featureRatings_other: "Follow up on the {{count}} ratings of 3 stars or fewer until they rate 4",
    recommendation_one: "Talk to the {{count}} member who would not recommend the product",
    recommendation_other: "Talk to the {{count}} members who would not recommend the product",
    participation_one: "Invite {{count}} visiting member to vote, comment or suggest",
    participation_other: "Invite {{count}} visiting members to vote, comment or suggest",
    decisions_one: "Decide on {{count}} more waiting suggestion",
    decisions_other: "Decide on {{count}} more waiting suggestions",
    adoption_one: "Plan {{count}} more suggestion",
    adoption_other: "Plan {{count}} more suggestions",
    shipping_one: "Ship {{count}} of the planned suggestions",
    shipping_other: "Ship {{count}} of the planned suggestions",
    retention_one: "Win back {{count}} member who joined 2–12 months ago",
    retention_other: "Win back {{count}} members who joined 2–12 months ago",
    honors_one: "Recognise {{count}} more contributor with a badge",
    honors_other: "Recognise {{count}} more contributors with a badge",
    privileges_one: "Bring {{count}} more badge holder to honor level 1",
    privileges_other: "Bring {{count}} more badge holders to honor level 1",
    invitations_one: "Welcome the {{count}} invited member who has not become active yet",
    invitations_other: "Welcome the {{count}} invited members who have not become active yet",
  },
  gain: "+{{gain}}",
};
