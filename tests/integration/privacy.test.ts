import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { suggestions, users, votes } from "#db/schema";
import { logIn } from "~/features/accounts/accounts.server";
import { getDb } from "~/platform/db.server";
import { deleteAccount, exportMemberData } from "~/features/accounts/privacy.server";
import { createSession, validateSessionToken } from "~/features/accounts/sessions.server";
import { setVote } from "~/features/votes/votes.server";
import { createMember, createSuggestion, MEMBER_PASSWORD } from "../factories";

const voteCount = (id: number) => getDb().select({ n: suggestions.voteCount }).from(suggestions).where(eq(suggestions.id, id)).get()!.n;
const voteRows = (id: number) => getDb().get<{ n: number }>(sql`select count(*) as n from votes where suggestion_id = ${id}`)!.n;

describe("exporting one's data", () => {
  it("includes what the member wrote and did, never the password hash", async () => {
    const member = await createMember();
    const own = await createSuggestion({ author: member });
    const other = await createSuggestion();
    setVote({ suggestionId: other.id, userId: member.id, voted: true });
    const exported = exportMemberData(member.id)!;
    expect(exported.profile.username).toBe(member.username);
    expect(JSON.stringify(exported)).not.toContain(member.passwordHash);
    expect(exported.suggestions.map((s) => s.id)).toEqual([own.id]);
    expect(exported.votes.map((v) => v.suggestionId).sort()).toEqual([own.id, other.id].sort());
  });
});

describe("deleting an account", () => {
  it("keeps suggestions, removes votes from the counts, and ends every session and the login", async () => {
    const member = await createMember();
    const own = await createSuggestion({ author: member });
    const other = await createSuggestion();
    setVote({ suggestionId: other.id, userId: member.id, voted: true });
    const session = createSession(member.id);
    expect(voteCount(other.id)).toBe(2);

    deleteAccount(member.id);

    expect(voteCount(other.id)).toBe(1);
    expect(voteRows(other.id)).toBe(1);
    expect(voteCount(own.id)).toBe(voteRows(own.id));
    expect(getDb().select().from(suggestions).where(eq(suggestions.id, own.id)).get()?.authorId).toBe(member.id);
    expect(getDb().select().from(votes).where(eq(votes.userId, member.id)).all()).toEqual([]);
    const row = getDb().select().from(users).where(eq(users.id, member.id)).get()!;
    expect(row.deletedAt).not.toBeNull();
    expect(row.email).not.toBe(member.email);
    expect(validateSessionToken(session.token)).toBeNull();
    expect(await logIn(member.username, MEMBER_PASSWORD, "10.9.0.1", { wait: async () => undefined })).toEqual({ ok: false, reason: "invalid" });
  });
});
