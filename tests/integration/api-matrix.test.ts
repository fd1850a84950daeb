// The API's authorization matrix: every endpoint of the OpenAPI table × every role, each with a
// token carrying every scope its role allows (and a visitor with none). Allowed answers 2xx;
// refused answers 401 (no token) or 403, and changes nothing the endpoint would have changed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, test } from "vitest";
import type { Role } from "#db/schema";
import { scopesForRole } from "~/features/api/scopes";
import { createApiToken } from "~/features/api/tokens.server";
import { ENDPOINTS } from "~/features/api/openapi";
import { eq } from "drizzle-orm";
import { suggestions } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { createBoard, createMember, createSuggestion } from "../factories";

type Handler = (args: LoaderFunctionArgs) => unknown;
const routes = import.meta.glob<{ loader?: Handler; action?: Handler }>("../../app/routes/api.v1.*.ts");
const fileFor = (path: string) =>
  `../../app/routes/api.v1.${path.slice(1).split("/").map((s) => (s === "{id}" ? "$id" : s)).join(".")}${path.endsWith("}") || path === "/suggestions" ? "._index" : ""}.ts`;

const ACTORS = ["visitor", "member", "staff", "lead", "admin"] as const;
type Actor = (typeof ACTORS)[number];

// Who may call each endpoint: the scope's roles, as the pages decide them.
const ALLOWED: Record<string, readonly Actor[]> = {
  read: ["member", "staff", "lead", "admin"],
  write: ["member", "staff", "lead", "admin"],
  staff: ["staff", "lead", "admin"],
  leads: ["lead", "admin"],
};

// A valid request for each endpoint, on fresh fixtures.
async function requestFor(id: string): Promise<{ path: string; body?: unknown }> {
  const s = await createSuggestion();
  switch (id) {
    case "listSuggestions":
      return { path: "/suggestions?sort=new" };
    case "createSuggestion":
      return { path: "/suggestions", body: { title: "A matrix suggestion", body: "b", board: createBoard().slug } };
    case "search":
      return { path: "/search?q=suggestion" };
    case "getSuggestion":
      return { path: `/suggestions/${s.id}` };
    case "vote":
    case "unvote":
      return { path: `/suggestions/${s.id}/vote` };
    case "comment":
      return { path: `/suggestions/${s.id}/comments`, body: { body: "From the matrix" } };
    case "changeStatus":
      return { path: `/suggestions/${s.id}/status`, body: { to: "planned", note: "" } };
    case "merge":
      return { path: `/suggestions/${s.id}/merge`, body: { targetId: (await createSuggestion()).id, note: "Same" } };
    case "leadsScore":
      return { path: "/leads/score" };
    case "leadsMembers":
      return { path: "/leads/members" };
  }
  throw new Error(`no request for ${id}`);
}

async function tokenFor(actor: Actor): Promise<string | null> {
  if (actor === "visitor") return null;
  const user = await createMember({ role: actor as Role });
  const made = createApiToken({ user, name: "matrix", scopes: scopesForRole(user.role) });
  if (!made.ok) throw new Error();
  return made.token;
}

describe("API authorization matrix", () => {
  const rows = ENDPOINTS.flatMap((e) => ACTORS.map((actor) => [e.id, actor] as const));
  test.each(rows)("%s as %s", async (id, actor) => {
    const endpoint = ENDPOINTS.find((e) => e.id === id)!;
    const module = await routes[fileFor(endpoint.path)]();
    const handler = endpoint.method === "get" ? module.loader! : module.action!;
    const { path, body } = await requestFor(id);
    const token = await tokenFor(actor);
    const headers = new Headers();
    if (token) headers.set("Authorization", `Bearer ${token}`);
    if (body) headers.set("Content-Type", "application/json");
    const request = new Request(`http://localhost/api/v1${path}`, { method: endpoint.method.toUpperCase(), headers, body: body ? JSON.stringify(body) : undefined });
    const suggestionId = path.match(/^\/suggestions\/(\d+)/)?.[1];
    let status: number;
    try {
      status = ((await handler({ request, params: suggestionId ? { id: suggestionId } : {}, context: {} })) as Response).status;
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown;
      status = thrown.status;
    }
    if (ALLOWED[endpoint.scope].includes(actor)) {
      expect(status).toBe(endpoint.status);
    } else {
      expect(status).toBe(actor === "visitor" ? 401 : 403);
      if (suggestionId) expect(getDb().select().from(suggestions).where(eq(suggestions.id, Number(suggestionId))).get()).toMatchObject({ status: "open", voteCount: 1, commentCount: 0 });
    }
  });
});
