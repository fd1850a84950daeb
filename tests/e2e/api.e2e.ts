// The REST API through the real server: a bearer token with a JSON body passes the guards that
// refuse cross-site and non-form posts (the API never reads the session cookie), answers carry
// the RateLimit headers, and the same request without a token meets the usual guards.
import { createHash, randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, describe, expect, inject, test } from "vitest";

const url = (path: string) => `${inject("baseUrl")}${path}`;
const db = new Database(inject("databaseUrl"));
afterAll(() => db.close());

// A token as /account/tokens makes it: only its SHA-256 is stored.
function tokenFor(role: string, scopes: string): string {
  const user = db.prepare("select id from users where role = ? order by id limit 1").get(role) as { id: number };
  const token = `sprout_${randomBytes(20).toString("hex")}`;
  const hash = createHash("sha256").update(token).digest("hex");
  db.prepare("insert into api_tokens (user_id, name, token_hash, scopes, created_at) values (?, 'e2e', ?, ?, ?)").run(user.id, hash, scopes, Date.now());
  return token;
}

const openSuggestion = () => (db.prepare("select s.id from suggestions s join boards b on b.id = s.board_id where s.status = 'open' and b.visibility = 'public' order by s.id limit 1").get() as { id: number }).id;

describe("the API over HTTP", () => {
  test("a bearer token with a JSON body passes the cross-site and form-only guards; RateLimit headers come back", async () => {
    const token = tokenFor("member", "read write");
    const id = openSuggestion();
    const response = await fetch(url(`/api/v1/suggestions/${id}/comments`), {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", Origin: "http://evil.example" },
      body: JSON.stringify({ body: "Posted from a script." }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("ratelimit-limit")).toBeTruthy();
    expect(Number(response.headers.get("ratelimit-remaining"))).toBeGreaterThanOrEqual(0);
    const vote = await fetch(url(`/api/v1/suggestions/${id}/vote`), { method: "PUT", headers: { Authorization: `Bearer ${token}` } });
    expect(vote.status).toBe(200);
    expect(await vote.json()).toMatchObject({ voted: true });
  });

  test("without a token the usual guards answer, and a session cookie is never enough", async () => {
    const id = openSuggestion();
    const crossSite = await fetch(url(`/api/v1/suggestions/${id}/vote`), { method: "PUT", headers: { Origin: "http://evil.example" } });
    expect(crossSite.status).toBe(403);
    const json = await fetch(url(`/api/v1/suggestions/${id}/comments`), { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(json.status).toBe(415);
    const read = await fetch(url("/api/v1/suggestions"), { headers: { Cookie: "sprout_session=whatever" } });
    expect(read.status).toBe(401);
    expect(read.headers.get("content-type")).toBe("application/problem+json");
  });

  test("reads are never served from the visitors' page cache, and the document is public", async () => {
    const member = await (await fetch(url("/api/v1/suggestions?limit=1"), { headers: { Authorization: `Bearer ${tokenFor("member", "read")}` } })).json();
    expect(member).toHaveProperty("items");
    expect((await fetch(url("/api/v1/suggestions?limit=1"), { headers: { Authorization: "Bearer sprout_nobody" } })).status).toBe(401);
    const document = await (await fetch(url("/api/v1/openapi.json"))).json();
    expect(document.openapi).toBe("3.1.0");
    expect((await fetch(url("/api"))).status).toBe(200);
  });
});
