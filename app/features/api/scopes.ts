// What an access token may be allowed to do. A token never grants more than its owner's role:
// the scopes a member may choose follow the same role lists the pages check.
import type { ApiScope, Role } from "#db/enums";
import { canViewLeadsDashboard, isStaff } from "~/features/roles/permissions";

export function scopesForRole(role: Role): ApiScope[] {
  const scopes: ApiScope[] = ["read", "write"];
  if (isStaff({ role })) scopes.push("staff");
  if (canViewLeadsDashboard({ role })) scopes.push("leads");
  return scopes;
}

// A token's scopes are read again on every request against the owner's current role: a
// member demoted since the token was made loses what the role no longer allows.
export function effectiveScopes(stored: readonly ApiScope[], role: Role): Set<ApiScope> {
  const allowed = new Set(scopesForRole(role));
  return new Set(stored.filter((s) => allowed.has(s)));
}

export const TOKEN_PREFIX = "sprout_";
