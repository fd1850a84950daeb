// Which badges to take back after a mistake is corrected (a ship undone): those granted since
// the mistaken change that the member's facts no longer earn. Older grants stay whatever
// happens: a badge earned before the mistake was not caused by it.
import type { EarnedBadge } from "~/features/honors/rules/badges";

export type Grant = EarnedBadge & { id: number; grantedAt: Date };

export function badgesToWithdraw(grants: readonly Grant[], stillEarned: readonly EarnedBadge[], since: Date): Grant[] {
  const earned = new Set(stillEarned.map((b) => `${b.badgeId}:${b.suggestionId}`));
  return grants.filter((g) => g.grantedAt.getTime() >= since.getTime() && !earned.has(`${g.badgeId}:${g.suggestionId}`));
}
