// The leads' figures for the API: the same dashboard the /leads page draws (leadsDashboard),
// for the community, a board (?board=) or a member (?member=).
import type { z } from "zod";
import type { TokenActor } from "~/features/api/tokens.server";
import type { leadsMembers, leadsScore } from "~/features/api/schemas";
import { leadsDashboard, resolveScope } from "~/features/leads/leads.server";

// null: the board or member is unknown (resolveScope answers the page with a 404).
export function scoreForApi(actor: TokenActor, query: { board?: string; member?: string }): z.infer<typeof leadsScore> | null {
  let scope;
  try {
    scope = resolveScope(actor.user, query);
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 404) return null;
    throw thrown;
  }
  const data = leadsDashboard(scope, actor.user);
  const { report } = data.current;
  return {
    scope: { kind: scope.kind, name: scope.kind === "board" ? scope.slug : scope.kind === "member" ? scope.username : null },
    weekStart: data.current.weekStart,
    live: data.current.live,
    total: report.total,
    satisfaction: report.satisfaction,
    achievement: report.achievement,
    loyalty: report.loyalty,
    breakdown: { terms: report.terms, confidence: report.confidence, bestAction: report.bestAction, notes: report.notes },
    change: data.change,
    history: data.trend.map((t) => ({ weekStart: t.weekStart, total: t.total, satisfaction: t.satisfaction, achievement: t.achievement, loyalty: t.loyalty, previousFormula: t.previousFormula })),
  };
}

// The community's most loyal members and those going quiet, as the dashboard lists them.
export function membersForApi(actor: TokenActor): z.infer<typeof leadsMembers> {
  const data = leadsDashboard({ kind: "community" }, actor.user);
  return {
    advocates: (data.advocates ?? []).map((a) => ({ username: a.username, total: a.total, achievement: a.achievement, loyalty: a.loyalty })),
    atRisk: (data.atRisk ?? []).map((m) => ({ username: m.username, daysActiveBefore: m.daysActiveBefore, lastActiveDay: m.lastActiveDay, quietDays: m.quietDays })),
  };
}
