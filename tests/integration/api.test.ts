// The REST API (/api/v1) called as Remix calls its resource routes: real Requests carrying a
// bearer token. Each endpoint is tried with the roles and scopes that may use it and with
// those that may not; what a refusal changed is checked in the database.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { comments, statusChanges, suggestions, type ApiScope, type User } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { createApiToken, revokeApiToken } from "~/features/api/tokens.server";
import { createSession } from "~/features/accounts/sessions.server";
import { createSuggestion as createSuggestionNow } from "~/features/suggestions/suggestions.server";
import { loader as listLoader, action as createAction } from "~/routes/api.v1.suggestions._index";
import { loader as detailLoader } from "~/routes/api.v1.suggestions.$id._index";
import { action as voteAction } from "~/routes/api.v1.suggestions.$id.vote";
import { action as commentAction } from "~/routes/api.v1.suggestions.$id.comments";
import { action as statusAction } from "~/routes/api.v1.suggestions.$id.status";
import { action as mergeAction } from "~/routes/api.v1.suggestions.$id.merge";
import { loader as searchLoader } from "~/routes/api.v1.search";
import { loader as scoreLoader } from "~/routes/api.v1.leads.score";
import { loader as membersLoader } from "~/routes/api.v1.leads.members";
import { createBoard, createMember, createStaff, createSuggestion } from "../factories";

type Loader = (args: LoaderFunctionArgs) => unknown;

function tokenFor(user: User, scopes: ApiScope[] = ["read", "write"]) {
  const created = createApiToken({ user, name: "test", scopes });
  if (!created.ok) throw new Error("scope not allowed");
  return created.token;
}

async function call(
  handler: Loader,
  { path, token, method = "GET", body, params = {}, language }: { path: string; token?: string | null; method?: string; body?: unknown; params?: Record<string, string>; language?: string },
) {
  const headers = new Headers();
  if (token) headers.set("Authorization", `Bearer ${token}`);
  if (body !== undefined) headers.set("Content-Type", "application/json");
  if (language) headers.set("Accept-Language", language);
  const request = new Request(new URL(path, "http://localhost"), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let response: Response;
  try {
    response = (await handler({ request, params, context: {} })) as Response;
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    response = thrown;
  }
  const text = await response.text();
  return { status: response.status, type: response.headers.get("Content-Type"), json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

const load = (id: number) => getDb().select().from(suggestions).where(eq(suggestions.id, id)).get()!;

describe("tokens", () => {
  test("no token, an unknown one, a revoked one and an expired one are all 401 problems; a cookie session is never enough", async () => {
    const fan = await createMember();
    const revoked = createApiToken({ user: fan, name: "r", scopes: ["read"] });
    const expired = createApiToken({ user: fan, name: "e", scopes: ["read"], expiresAt: new Date(Date.now() - 1000) });
    if (!revoked.ok || !expired.ok) throw new Error();
    expect(revokeApiToken({ tokenId: revoked.id, userId: fan.id })).toBe(true);
    for (const token of [null, "sprout_nonsense", revoked.token, expired.token]) {
      const answer = await call(listLoader, { path: "/api/v1/suggestions", token });
      expect(answer.status).toBe(401);
      expect(answer.type).toBe("application/problem+json");
    }
    const withCookie = new Request("http://localhost/api/v1/suggestions", { headers: { Cookie: `sprout_session=${createSession(fan.id).token}` } });
    await expect(Promise.resolve().then(() => listLoader({ request: withCookie, params: {}, context: {} }))).rejects.toMatchObject({ status: 401 });
  });

  test("scopes are limited by role, and a demoted member's token loses what the role no longer allows", async () => {
    const fan = await createMember();
    expect(createApiToken({ user: fan, name: "x", scopes: ["staff"] })).toEqual({ ok: false, reason: "scope_not_allowed" });
    expect(createApiToken({ user: fan, name: "x", scopes: ["leads"] })).toEqual({ ok: false, reason: "scope_not_allowed" });
    const staff = await createStaff();
    const token = tokenFor(staff, ["read", "staff"]);
    getDb().update((await import("#db/schema")).users).set({ role: "member" }).where(eq((await import("#db/schema")).users.id, staff.id)).run();
    const s = await createSuggestion();
    const answer = await call(statusAction, { path: `/api/v1/suggestions/${s.id}/status`, token, method: "POST", body: { to: "planned", note: "" }, params: { id: String(s.id) } });
    expect(answer.status).toBe(403);
    expect(load(s.id).status).toBe("open");
  });

  test("a member revokes only their own tokens; an admin revokes anyone's", async () => {
    const owner = await createMember();
    const other = await createMember();
    const admin = await createMember({ role: "admin" });
    const made = createApiToken({ user: owner, name: "x", scopes: ["read"] });
    if (!made.ok) throw new Error();
    expect(revokeApiToken({ tokenId: made.id, userId: other.id })).toBe(false);
    expect((await call(listLoader, { path: "/api/v1/suggestions", token: made.token })).status).toBe(200);
    expect(revokeApiToken({ tokenId: made.id, userId: admin.id, anyOwner: true })).toBe(true);
    expect((await call(listLoader, { path: "/api/v1/suggestions", token: made.token })).status).toBe(401);
  });
});

describe("reading", () => {
  test("a read-only token cannot write; a write-only token cannot read", async () => {
    const fan = await createMember();
    const s = await createSuggestion();
    const readOnly = tokenFor(fan, ["read"]);
    const writeOnly = tokenFor(fan, ["write"]);
    expect((await call(voteAction, { path: `/api/v1/suggestions/${s.id}/vote`, token: readOnly, method: "PUT", params: { id: String(s.id) } })).status).toBe(403);
    expect(load(s.id).voteCount).toBe(1);
    expect((await call(detailLoader, { path: `/api/v1/suggestions/${s.id}`, token: writeOnly, params: { id: String(s.id) } })).status).toBe(403);
    expect((await call(detailLoader, { path: `/api/v1/suggestions/${s.id}`, token: readOnly, params: { id: String(s.id) } })).status).toBe(200);
  });

  test("early access stays invisible to outsiders in the list, one suggestion, and votes", async () => {
    const board = createBoard({ visibility: "early_access" });
    const hidden = await createSuggestion({ board });
    const outsider = tokenFor(await createMember());
    const insider = tokenFor(await createMember({ honorLevel: 4 }));
    const outsiderList = await call(listLoader, { path: `/api/v1/suggestions?board=${board.slug}`, token: outsider });
    expect(outsiderList.status).toBe(400);
    const all = await call(listLoader, { path: `/api/v1/suggestions?sort=new&limit=100`, token: outsider });
    expect((all.json!.items as { id: number }[]).some((i) => i.id === hidden.id)).toBe(false);
    expect((await call(detailLoader, { path: `/api/v1/suggestions/${hidden.id}`, token: outsider, params: { id: String(hidden.id) } })).status).toBe(404);
    expect((await call(voteAction, { path: `/api/v1/suggestions/${hidden.id}/vote`, token: outsider, method: "PUT", params: { id: String(hidden.id) } })).status).toBe(404);
    expect(load(hidden.id).voteCount).toBe(1);
    const insiderList = await call(listLoader, { path: `/api/v1/suggestions?board=${board.slug}`, token: insider });
    expect((insiderList.json!.items as { id: number }[]).map((i) => i.id)).toEqual([hidden.id]);
  });

  test("cursor pages stay stable while suggestions are posted between them", async () => {
    const board = createBoard();
    const author = await createMember();
    const posted = [];
    for (let i = 0; i < 7; i++) posted.push(createSuggestionNow({ authorId: author.id, boardId: board.id, title: `Numbered idea ${i}`, body: "b", now: new Date(Date.now() - (10 - i) * 1000) }).id);
    const token = tokenFor(await createMember());
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof call>> = await call(listLoader, { path: `/api/v1/suggestions?board=${board.slug}&sort=new&limit=3${cursor ? `&cursor=${cursor}` : ""}`, token });
      expect(page.status).toBe(200);
      seen.push(...(page.json!.items as { id: number }[]).map((i) => i.id));
      cursor = page.json!.nextCursor as string | null;
      // Someone posts while the client pages through.
      createSuggestionNow({ authorId: author.id, boardId: board.id, title: "Posted while paging", body: "b" });
    } while (cursor);
    expect(seen).toEqual([...posted].reverse());
  });

  test("one suggestion carries its official replies and status history", async () => {
    const s = await createSuggestion();
    const staff = await createStaff();
    const token = tokenFor(staff, ["read", "write", "staff"]);
    await call(commentAction, { path: `/api/v1/suggestions/${s.id}/comments`, token, method: "POST", body: { body: "We're on it", official: true }, params: { id: String(s.id) } });
    await call(statusAction, { path: `/api/v1/suggestions/${s.id}/status`, token, method: "POST", body: { to: "planned", note: "Next quarter" }, params: { id: String(s.id) } });
    const detail = await call(detailLoader, { path: `/api/v1/suggestions/${s.id}`, token, params: { id: String(s.id) } });
    expect(detail.json!.officialReplies).toMatchObject([{ author: staff.username }]);
    expect(detail.json!.history).toMatchObject([{ from: "open", to: "planned", note: "Next quarter" }]);
  });
});

describe("writing with the pages' rules", () => {
  test("posting: bad input is a problem with the form's message in the caller's language, nothing stored", async () => {
    const fan = await createMember();
    const board = createBoard();
    const token = tokenFor(fan);
    const en = await call(createAction, { path: "/api/v1/suggestions", token, method: "POST", body: { title: "short", body: "x", board: board.slug } });
    expect(en.status).toBe(400);
    expect(en.type).toBe("application/problem+json");
    expect((en.json!.errors as Record<string, string[]>).title[0]).toMatch(/characters/);
    const zh = await call(createAction, { path: "/api/v1/suggestions", token, method: "POST", body: { title: "short", body: "x", board: board.slug }, language: "zh-CN" });
    expect((zh.json!.errors as Record<string, string[]>).title[0]).toMatch(/[\u4e00-\u9fff]/);
    const ok = await call(createAction, { path: "/api/v1/suggestions", token, method: "POST", body: { title: "A real idea worth posting", body: "Body", board: board.slug } });
    expect(ok.status).toBe(201);
    expect(load(ok.json!.id as number)).toMatchObject({ authorId: fan.id, voteCount: 1 });
    const notJson = new Request("http://localhost/api/v1/suggestions", { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "text/plain" }, body: "hi" });
    await expect(createAction({ request: notJson, params: {}, context: {} })).rejects.toMatchObject({ status: 415 });
  });

  test("vote and unvote; closed statuses and the daily budget hold", async () => {
    const s = await createSuggestion();
    const shipped = await createSuggestion({ status: "shipped" });
    const fan = await createMember();
    const token = tokenFor(fan);
    const put = (id: number) => call(voteAction, { path: `/api/v1/suggestions/${id}/vote`, token, method: "PUT", params: { id: String(id) } });
    expect((await put(s.id)).json).toEqual({ voted: true, voteCount: 2 });
    expect((await put(s.id)).json).toEqual({ voted: true, voteCount: 2 });
    expect((await call(voteAction, { path: `/api/v1/suggestions/${s.id}/vote`, token, method: "DELETE", params: { id: String(s.id) } })).json).toEqual({ voted: false, voteCount: 1 });
    expect((await put(shipped.id)).status).toBe(409);
    // A newcomer's budget (app/features/honors/rules/privileges.ts) runs out as on the pages.
    const many = await Promise.all(Array.from({ length: 40 }, () => createSuggestion()));
    const statuses = [];
    for (const one of many) statuses.push((await put(one.id)).status);
    expect(statuses).toContain(429);
    const refused = many[statuses.indexOf(429)];
    expect(load(refused.id).voteCount).toBe(1);
  });

  test("comments: members comment; only a staff token posts officially", async () => {
    const s = await createSuggestion();
    const fan = await createMember();
    const member = tokenFor(fan);
    const c = await call(commentAction, { path: `/api/v1/suggestions/${s.id}/comments`, token: member, method: "POST", body: { body: "Yes please" }, params: { id: String(s.id) } });
    expect(c.status).toBe(201);
    const official = await call(commentAction, { path: `/api/v1/suggestions/${s.id}/comments`, token: member, method: "POST", body: { body: "Officially", official: true }, params: { id: String(s.id) } });
    expect(official.status).toBe(403);
    // A staff member whose token lacks the staff scope cannot either.
    const staffWithout = tokenFor(await createStaff(), ["write"]);
    expect((await call(commentAction, { path: `/api/v1/suggestions/${s.id}/comments`, token: staffWithout, method: "POST", body: { body: "Officially", official: true }, params: { id: String(s.id) } })).status).toBe(403);
    expect(getDb().select().from(comments).where(eq(comments.suggestionId, s.id)).all().map((r) => r.isOfficial)).toEqual([false]);
  });

  test("status and merge: staff scope and role required; the lifecycle's rules answer in problems", async () => {
    const s = await createSuggestion();
    const target = await createSuggestion();
    const member = tokenFor(await createMember());
    const staff = tokenFor(await createStaff(), ["staff"]);
    const status = (token: string, body: unknown) => call(statusAction, { path: `/api/v1/suggestions/${s.id}/status`, token, method: "POST", body, params: { id: String(s.id) } });
    expect((await status(member, { to: "shipped", note: "done" })).status).toBe(403);
    // Declining needs a note, as on the page.
    const noNote = await status(staff, { to: "declined", note: "" });
    expect(noNote.status).toBe(400);
    expect(noNote.json!.errors).toHaveProperty("note");
    // Straight from open to shipped is not a lifecycle step, through the API as on the page.
    expect((await status(staff, { to: "shipped", note: "In 2.1" })).status).toBe(400);
    expect((await status(staff, { to: "planned", note: "" })).status).toBe(201);
    expect(load(s.id).status).toBe("planned");
    expect(getDb().select().from(statusChanges).where(eq(statusChanges.suggestionId, s.id)).all()).toHaveLength(1);

    const source = await createSuggestion();
    const merge = (token: string) => call(mergeAction, { path: `/api/v1/suggestions/${source.id}/merge`, token, method: "POST", body: { targetId: target.id, note: "Same idea" }, params: { id: String(source.id) } });
    expect((await merge(member)).status).toBe(403);
    expect(load(source.id).status).toBe("open");
    expect((await merge(staff)).status).toBe(201);
    expect(load(source.id)).toMatchObject({ status: "duplicate", duplicateOfId: target.id });
  });
});

describe("search and leads", () => {
  test("search finds what the caller may see and nothing on early-access boards", async () => {
    const word = `zebracorn${Date.now()}`;
    const open = await createSuggestion({ title: `Please add ${word} mode` });
    await createSuggestion({ board: createBoard({ visibility: "early_access" }), title: `Secret ${word} plan` });
    const token = tokenFor(await createMember());
    const found = await call(searchLoader, { path: `/api/v1/search?q=${word}`, token });
    expect((found.json!.results as { id: number }[]).map((r) => r.id)).toEqual([open.id]);
    expect((await call(searchLoader, { path: `/api/v1/search?q=`, token })).status).toBe(400);
  });

  test("the score and the loyalty list: leads and admins only, with the leads scope", async () => {
    const lead = tokenFor(await createMember({ role: "lead" }), ["read", "leads"]);
    const admin = tokenFor(await createMember({ role: "admin" }), ["leads"]);
    const leadWithout = tokenFor(await createMember({ role: "lead" }), ["read"]);
    const staff = tokenFor(await createStaff(), ["read", "staff"]);
    const member = tokenFor(await createMember(), ["read"]);
    for (const token of [lead, admin]) {
      const score = await call(scoreLoader, { path: "/api/v1/leads/score", token });
      expect(score.status).toBe(200);
      expect(score.json).toMatchObject({ scope: { kind: "community" }, breakdown: { terms: expect.any(Array) }, history: expect.any(Array) });
      expect((await call(membersLoader, { path: "/api/v1/leads/members", token })).status).toBe(200);
    }
    for (const token of [leadWithout, staff, member]) {
      expect((await call(scoreLoader, { path: "/api/v1/leads/score", token })).status).toBe(403);
      expect((await call(membersLoader, { path: "/api/v1/leads/members", token })).status).toBe(403);
    }
    expect((await call(scoreLoader, { path: "/api/v1/leads/score?board=no-such-board", token: lead })).status).toBe(404);
  });
});
