// What every /api/v1 route shares: who is calling (a bearer token, never a session cookie, so
// no other site can act through a visitor's browser), errors as RFC 9457 problem details in
// the caller's language, and JSON bodies read with the routes' zod schemas.
import type { z } from "zod";
import type { ApiScope } from "#db/schema";
import { authenticateApiToken, type TokenActor } from "~/features/api/tokens.server";
import { isLanguage, sharedI18n, type Language } from "~/i18n/i18n";
import { resolveLanguage } from "~/platform/locale.server";

export const PROBLEM_TYPE = "application/problem+json";

// The header names the language; else the token owner's saved one; else English.
export function apiLanguage(request: Request, actor?: TokenActor | null): Language {
  if (request.headers.get("Accept-Language")) return resolveLanguage(new Request(request.url, { headers: { "Accept-Language": request.headers.get("Accept-Language")! } }), null);
  return isLanguage(actor?.user.locale) ? actor.user.locale : "en";
}

export type ProblemCode =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "invalid"
  | "voting_closed"
  | "over_budget"
  | "unsupported_media_type";

const TITLES: Record<ProblemCode, { status: number; key: string }> = {
  unauthorized: { status: 401, key: "api.problems.unauthorized" },
  forbidden: { status: 403, key: "api.problems.forbidden" },
  not_found: { status: 404, key: "api.problems.notFound" },
  invalid: { status: 400, key: "api.problems.invalid" },
  voting_closed: { status: 409, key: "suggestions.view.votingClosed" },
  over_budget: { status: 429, key: "privileges.vote.overBudget" },
  unsupported_media_type: { status: 415, key: "api.problems.json" },
};

// A refusal as a thrown Response: routes stop where they are, as page actions do.
export function problem(
  request: Request,
  code: ProblemCode,
  extra: { detail?: string; errors?: Record<string, string[]>; values?: Record<string, unknown>; actor?: TokenActor | null } = {},
): Response {
  const { status, key } = TITLES[code];
  const t = sharedI18n(apiLanguage(request, extra.actor)).t;
  const headers: Record<string, string> = { "Content-Type": PROBLEM_TYPE, "Cache-Control": "no-store" };
  if (status === 401) headers["WWW-Authenticate"] = 'Bearer realm="sprout"';
  return new Response(
    JSON.stringify({
      type: `/api#problem-${code}`,
      title: t(key, extra.values),
      status,
      ...(extra.detail ? { detail: extra.detail } : {}),
      // Field errors in the same words the forms show.
      ...(extra.errors ? { errors: Object.fromEntries(Object.entries(extra.errors).map(([field, keys]) => [field, keys.map((k) => t(k))])) } : {}),
    }),
    { status, headers },
  );
}

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...init.headers },
  });
}

// The caller and their token's scopes. A missing, unknown, revoked or expired token is 401;
// a valid one without the scope is 403. Cookies are never read here.
export function requireToken(request: Request, scope: ApiScope): TokenActor {
  const header = request.headers.get("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const actor = match ? authenticateApiToken(match[1]) : null;
  if (!actor) throw problem(request, "unauthorized");
  if (!actor.scopes.has(scope)) throw problem(request, "forbidden", { actor, detail: `scope: ${scope}` });
  return actor;
}

// A JSON body checked against the route's schema; field errors name the form's messages.
export async function readJson<S extends z.ZodType>(request: Request, schema: S, actor: TokenActor): Promise<z.output<S>> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") throw problem(request, "unsupported_media_type", { actor });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw problem(request, "invalid", { actor, detail: "body is not JSON" });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path.join(".") || "body";
      (errors[field] ??= []).push(issue.message);
    }
    throw problem(request, "invalid", { actor, errors });
  }
  return parsed.data;
}

// Only the methods a route serves; anything else is 405 with the allowed ones named.
export function methodNotAllowed(allow: string[]): Response {
  return new Response(null, { status: 405, headers: { Allow: allow.join(", ") } });
}

export function idParam(request: Request, value: string | undefined, actor: TokenActor): number {
  const id = Number(value);
  if (!value || !/^\d{1,15}$/.test(value) || !Number.isSafeInteger(id) || id <= 0) throw problem(request, "not_found", { actor });
  return id;
}
