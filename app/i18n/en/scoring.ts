// The word-of-mouth score's words: dimensions, terms (name, what they measure, the measured
// figures), the low-confidence flag, and the best action. Keys match app/features/scoring/terms.ts.
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
    loyalty: "Members who come back",
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
      detail: "{{withinTarget}} of {{due}} suggestions of the last 180 days answered within {{hours}} h, {{fewDays}} within 3 days, {{week}} within a week, {{weeks}} later, {{overdue}} still waiting",
    },
    replyReception: {
      name: "Well-received replies",
      detail: "{{wellReceived}} of {{due}} suggestions answered without a complaint about the reply",
    },
    complaintHandling: {
      name: "Complaints resolved",
      detail: "{{resolved}} of {{filed}} complaints resolved, resolutions rated {{averageRating}} of 5; {{open}} open for {{activeMembers}} active members",
    },
    featureRatings: {
      name: "Shipped features rated well",
      detail: "{{ratings}} ratings in the last 180 days, {{averageStars}} stars on average (with the prior; 3 is neutral)",
    },
    recommendation: {
      name: "Would recommend",
      detail: "Net Promoter Score {{nps}} (shrunk toward 0) from {{answers}} answers ({{promoters}} promoters, {{detractors}} detractors)",
    },
    participation: {
      name: "Members taking part",
      detail: "{{contributors}} of {{members}} members posted, voted, commented or rated in the last 30 days ({{percent}}%, {{counted}}% counted); {{campaigners}} of them through a campaign",
    },
    decisions: {
      name: "Suggestions decided",
      detail: "{{decided}} of {{posted}} suggestions of the last 180 days got a decision ({{percent}}%, {{counted}}% counted)",
    },
    adoption: {
      name: "Suggestions adopted",
      detail: "{{adopted}} of {{posted}} suggestions of the last 180 days planned, in progress or shipped ({{percent}}%, {{counted}}% counted)",
    },
    shipping: {
      name: "Suggestions shipped",
      detail: "{{shipped}} of {{posted}} suggestions of the last 180 days shipped ({{percent}}%, {{counted}}% counted)",
    },
    returning: {
      name: "Members who come back",
      detail: "Still active: {{back30}} of {{cohort30}} who joined 30+ days ago, {{back90}} of {{cohort90}} 90+ days ago, {{back180}} of {{cohort180}} 180+ days ago ({{counted30}}%, {{counted90}}%, {{counted180}}% counted)",
    },
    activeWeeks: {
      name: "Active weeks",
      detail: "{{activeWeeks}} active weeks of {{possibleWeeks}} possible in the last 12 weeks ({{percent}}%, {{counted}}% counted)",
    },
    repeatContribution: {
      name: "Contributing again",
      detail: "{{contributionWeeks}} weeks with a post, vote, comment or rating in the last 12 weeks, {{perMember}} per member ({{counted}} counted)",
    },
    honors: {
      name: "Honored members who stay active",
      detail: "{{activeHolders}} of {{members}} members hold an earned badge and are active ({{holdingBadges}} hold one; automatic badges not counted)",
    },
    privileges: {
      name: "Privileged members who stay active",
      detail: "{{activePrivileged}} of {{members}} members at honor level 1 or above are active ({{withPrivileges}} hold a level)",
    },
    invitations: {
      name: "Friends who stay",
      detail: "{{staying}} members who came by invitation or share link are active ({{joined}} joined, {{shareSignups}} by share link; {{sent}} invitations sent)",
    },
  },
  notes: {
    lowConfidence_one: "Low confidence: {{count}} member (fewer than {{needed}} is a small sample), and {{percent}}% of the points come from the neutral reference, not from data.",
    lowConfidence_other: "Low confidence: {{count}} members (fewer than {{needed}} is a small sample), and {{percent}}% of the points come from the neutral reference, not from data.",
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
    returning_one: "Win back {{count}} member who joined over a month ago",
    returning_other: "Win back {{count}} members who joined over a month ago, the oldest first",
    activeWeeks_one: "Give active members a reason to come back {{count}} more week (a weekly release note, a digest)",
    activeWeeks_other: "Give active members a reason to come back {{count}} more weeks (a weekly release note, a digest)",
    repeatContribution_one: "Ask {{count}} more contribution of this month's contributors in another week (rate the new build, vote on the roadmap)",
    repeatContribution_other: "Ask {{count}} more contributions of this month's contributors in other weeks (rate the new build, vote on the roadmap)",
    honors_one: "Recognise {{count}} more active contributor with a badge",
    honors_other: "Recognise {{count}} more active contributors with a badge",
    privileges_one: "Bring {{count}} more active badge holder to honor level 1",
    privileges_other: "Bring {{count}} more active badge holders to honor level 1",
    invitations_one: "Welcome the {{count}} invited friend who has not stayed",
    invitations_other: "Welcome the {{count}} invited friends who have not stayed",
  },
  gain: "+{{gain}}",
};
