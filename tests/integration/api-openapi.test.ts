// The OpenAPI document against the routes: every /api/v1 route file's methods (those not
// answered 405) are exactly the document's, and what the endpoints answer matches the
// response schemas the document was generated from.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, test } from "vitest";
import { createApiToken } from "~/features/api/tokens.server";
import { ENDPOINTS, openApiDocument, type Method } from "~/features/api/openapi";
import { loader as documentLoader } from "~/routes/api.v1.openapi[.]json";
import { createMember, createSuggestion } from "../factories";

type Handler = (args: LoaderFunctionArgs) => unknown;
type RouteModule = { loader?: Handler; action?: Handler };

const METHODS: Method[] = ["get", "post", "put", "delete"];

// api.v1.suggestions.$id.vote.ts -> /suggestions/{id}/vote
function pathOf(file: string): string {
  const segments = file.replace(/\.tsx?$/, "").split(".").slice(2).filter((s) => s !== "_index");
  return "/" + segments.map((s) => (s.startsWith("$") ? `{${s.slice(1)}}` : s)).join("/");
}

async function answer(module: RouteModule, method: Method, path: string, token: string) {
  const handler = method === "get" ? module.loader : module.action;
  if (!handler) return { status: 405, body: null };
  const request = new Request(`http://localhost/api/v1${path}`, { method: method.toUpperCase(), headers: { Authorization: `Bearer ${token}` } });
  const id = path.match(/^\/suggestions\/(\d+)/)?.[1];
  let response: Response;
  try {
    response = (await handler({ request, params: id ? { id } : {}, context: {} })) as Response;
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    response = thrown;
  }
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

describe("OpenAPI document", () => {
  test("lists exactly the methods the /api/v1 routes serve, and their answers match its schemas", async () => {
    const admin = await createMember({ role: "admin" });
    const made = createApiToken({ user: admin, name: "doc", scopes: ["read", "write", "staff", "leads"] });
    if (!made.ok) throw new Error();
    const s = await createSuggestion();
    const routes = import.meta.glob<RouteModule>("../../app/routes/api.v1.*.ts");
    const files = Object.keys(routes).filter((f) => !f.includes("openapi"));
    expect(files.length).toBeGreaterThan(0);
    const served = new Set<string>();
    for (const file of files) {
      const module = await routes[file]();
      const path = pathOf(file.split("/").at(-1)!);
      for (const method of METHODS) {
        const concrete = path.replace("{id}", String(s.id)) + (path === "/search" ? "?q=worth" : "");
        const { status, body } = await answer(module, method, concrete, made.token);
        if (status === 405) continue;
        served.add(`${method} ${path}`);
        const endpoint = ENDPOINTS.find((e) => e.method === method && e.path === path);
        // A body-less call of a write endpoint is refused before anything (415); reads answer.
        if (endpoint && status === endpoint.status) {
          const parsed = endpoint.response.safeParse(body);
          expect(parsed.success, `${method} ${path}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
        }
      }
    }
    const documented = new Set(ENDPOINTS.map((e) => `${e.method} ${e.path}`));
    expect([...served].sort()).toEqual([...documented].sort());
    const document = openApiDocument("http://localhost");
    const inDocument = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
    expect(inDocument.sort()).toEqual([...documented].sort());
  });

  test("is served as JSON with a schema for every request body and response", async () => {
    const response = documentLoader({ request: new Request("http://localhost/api/v1/openapi.json"), params: {}, context: {} });
    const document = (await response.json()) as ReturnType<typeof openApiDocument>;
    expect(document.openapi).toBe("3.1.0");
    const post = document.paths["/suggestions"].post as { requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown>; required: string[] } } } } };
    expect(Object.keys(post.requestBody.content["application/json"].schema.properties)).toEqual(expect.arrayContaining(["title", "body", "board", "tags"]));
    expect(post.requestBody.content["application/json"].schema.required).toEqual(expect.arrayContaining(["title", "body", "board"]));
  });
});
