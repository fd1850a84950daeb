// Personal access tokens for the REST API. Stored as sessions are (app/features/accounts/sessions.server.ts):
// the token is shown once, only its SHA-256 is kept, so a copy of the database lets nobody in.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, desc, eq, isNull } from "drizzle-orm";
import { API_SCOPES, apiTokens, users, type ApiScope } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { effectiveScopes, scopesForRole, TOKEN_PREFIX } from "~/features/api/scopes";
import { sessionUserColumns, type SessionUser } from "~/features/accounts/sessions.server";

function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

const parseScopes = (stored: string) => stored.split(" ").filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s));

export type CreateTokenResult = { ok: true; id: number; token: string } | { ok: false; reason: "scope_not_allowed" };

export function createApiToken(input: {
  user: Pick<SessionUser, "id" | "role">;
  name: string;
  scopes: readonly ApiScope[];
  expiresAt?: Date | null;
  now?: Date;
}): CreateTokenResult {
  const allowed = scopesForRole(input.user.role);
  if (input.scopes.some((s) => !allowed.includes(s))) return { ok: false, reason: "scope_not_allowed" };
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  const token = TOKEN_PREFIX + encodeBase32LowerCaseNoPadding(bytes);
  const { id } = getDb()
    .insert(apiTokens)
    .values({
      userId: input.user.id,
      name: input.name,
      tokenHash: hashToken(token),
      scopes: [...new Set(input.scopes)].join(" "),
      expiresAt: input.expiresAt ?? null,
      createdAt: input.now ?? new Date(),
    })
    .returning({ id: apiTokens.id })
    .get();
  return { ok: true, id, token };
}

// The member's tokens, newest first; revoked ones stay listed so the member sees what ended.
export function listApiTokens(userId: number) {
  return getDb()
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      createdAt: apiTokens.createdAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .all()
    .map((t) => ({ ...t, scopes: parseScopes(t.scopes) }));
}

// Admins: every live token, with its owner, so a leaked one can be ended at once.
export function listAllLiveApiTokens() {
  return getDb()
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      createdAt: apiTokens.createdAt,
      ownerUsername: users.username,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(isNull(apiTokens.revokedAt))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .all()
    .map((t) => ({ ...t, scopes: parseScopes(t.scopes) }));
}

// A member revokes their own tokens; an admin (anyOwner) any token.
export function revokeApiToken(input: { tokenId: number; userId: number; anyOwner?: boolean; now?: Date }): boolean {
  const owner = input.anyOwner ? undefined : eq(apiTokens.userId, input.userId);
  return (
    getDb()
      .update(apiTokens)
      .set({ revokedAt: input.now ?? new Date() })
      .where(and(eq(apiTokens.id, input.tokenId), isNull(apiTokens.revokedAt), owner))
      .run().changes > 0
  );
}

export type TokenActor = { user: SessionUser; scopes: Set<ApiScope>; tokenId: number };

// The member behind a bearer token, or null for an unknown, revoked or expired one. The
// scopes are narrowed to what the owner's role allows today. Last use is stamped at most once
// a minute: enough for "last used", without a write on every read.
export function authenticateApiToken(token: string, now = new Date()): TokenActor | null {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const db = getDb();
  const row = db
    .select({
      id: apiTokens.id,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      user: sessionUserColumns,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashToken(token)))
    .get();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now.getTime())) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= 60_000) {
    db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id)).run();
  }
  return { user: row.user as SessionUser, scopes: effectiveScopes(parseScopes(row.scopes), row.user.role), tokenId: row.id };
}
