// Fifty members press "vote" at the same moment: the count must end exact.
import Database from "better-sqlite3";
import { describe, expect, inject, test } from "vitest";

const baseUrl = () => inject("baseUrl");

async function signUpOverHttp(username: string): Promise<string> {
  const response = await fetch(`${baseUrl()}/signup`, {
    method: "POST",
    body: new URLSearchParams({ username, email: `${username}@example.com`, password: "a-long-enough-password" }),
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error("signup set no session cookie");
  return cookie;
}

const vote = (cookie: string, suggestionId: number, voted: boolean) =>
  fetch(`${baseUrl()}/s/${suggestionId}`, {
    method: "POST",
    headers: { Cookie: cookie },
    body: new URLSearchParams({ intent: "vote", voted: String(voted) }),
    redirect: "manual",
  });

describe("concurrent votes", () => {
  test("50 parallel vote toggles from distinct members end with the exact count", async () => {
    const db = new Database(inject("databaseUrl"), { readonly: true });
    const open = db.prepare("select id, vote_count as votes from suggestions where status = 'open' order by id limit 1").get() as {
      id: number;
      votes: number;
    };
    const tag = Math.random().toString(36).slice(2, 8);
    const cookies = await Promise.all(Array.from({ length: 50 }, (_, i) => signUpOverHttp(`voter_${tag}_${i}`)));

    const responses = await Promise.all(cookies.map((cookie) => vote(cookie, open.id, true)));
    expect(responses.map((r) => r.status)).toEqual(cookies.map(() => 200));
    // Half of them change their minds, all at once, and a few click twice.
    const second = await Promise.all([
      ...cookies.slice(0, 25).map((cookie) => vote(cookie, open.id, false)),
      ...cookies.slice(40).map((cookie) => vote(cookie, open.id, true)),
    ]);
    expect(second.every((r) => r.status === 200)).toBe(true);

    const after = db.prepare("select vote_count as votes from suggestions where id = ?").get(open.id) as { votes: number };
    const rows = db.prepare("select count(*) as n from votes where suggestion_id = ?").get(open.id) as { n: number };
    db.close();
    expect(after.votes).toBe(open.votes + 25);
    expect(rows.n).toBe(after.votes);
  });
});
