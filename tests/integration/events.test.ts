// Domain events through the outbox (app/platform/events): a subscriber's failure never fails
// the write and is retried until it succeeds; what a dying process left is handled by the next
// one; several processes draining at once handle each delivery exactly once.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { badgeGrants, comments, emails, notifications, outbox, outboxDeliveries, users } from "#db/schema";
import { changeStatus } from "~/features/lifecycle/lifecycle.server";
import { getDb } from "~/platform/db.server";
import type { DomainEvent } from "~/platform/events/events";
import { drainOutbox, recordEvent, registerSubscribers, stopOutbox, type Subscriber } from "~/platform/events/outbox.server";
import { SUBSCRIBERS } from "~/subscribers.server";
import { action as suggestionAction } from "~/routes/s.$id/route";
import { createSuggestion as postSuggestion } from "~/features/suggestions/suggestions.server";
import { setVote } from "~/features/votes/votes.server";
import { createBoard, createMember, createStaff, createSuggestion } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

const run = promisify(execFile);
const badgesOf = (userId: number) =>
  getDb().select({ badgeId: badgeGrants.badgeId }).from(badgeGrants).where(eq(badgeGrants.userId, userId)).all().map((g) => g.badgeId);
const pointsOf = (userId: number) => getDb().select({ points: users.honorPoints }).from(users).where(eq(users.id, userId)).get()!.points;
const deliveries = () => getDb().select().from(outboxDeliveries).all();

// The real subscribers, with honors failing the first `failures` times it is called.
function withFlakyHonors(failures: number) {
  const honors = SUBSCRIBERS.find((s) => s.name === "honors") as Subscriber & { when: "after_commit" };
  let calls = 0;
  const flaky: Subscriber = {
    ...honors,
    handle(event: DomainEvent) {
      calls++;
      if (calls <= failures) throw new Error("SQLITE_BUSY: database is locked");
      honors.handle(event);
    },
  };
  registerSubscribers(SUBSCRIBERS.map((s) => (s === honors ? flaky : s)));
  return { calls: () => calls };
}

// Each test starts from an empty outbox, with no retry of an earlier test's failure pending.
afterEach(() => {
  stopOutbox();
  getDb().delete(outbox).run();
  registerSubscribers(SUBSCRIBERS);
  vi.useRealTimers();
});

describe("recording", () => {
  it("stores an event with one delivery per interested subscriber, inside its write's transaction only", async () => {
    const voter = await createMember();
    const suggestion = await createSuggestion();
    stopOutbox();
    const event: DomainEvent = { type: "vote_cast", suggestionId: suggestion.id, userId: voter.id, at: 1 };
    // Outside a transaction the event could exist without its change, or the change without it.
    expect(() => recordEvent(event)).toThrow(/inside the transaction/);
    expect(getDb().select().from(outbox).all()).toEqual([]);

    getDb().transaction(() => recordEvent(event));
    const [stored] = getDb().select().from(outbox).all();
    expect(JSON.parse(stored.payload)).toEqual(event);
    expect(stored).toMatchObject({ type: "vote_cast", fannedOut: true });
    const interested = SUBSCRIBERS.filter((s) => s.handles.includes("vote_cast")).map((s) => s.name);
    expect(interested.length).toBeGreaterThan(0);
    expect(deliveries().map((d) => [d.eventId, d.subscriber]).sort()).toEqual(interested.map((name) => [stored.id, name]).sort());
  });
});

describe("a subscriber that throws", () => {
  it("does not fail the write, leaves the other subscribers' work done, and succeeds when retried", async () => {
    vi.mocked(console.error).mockImplementation(() => {});
    const flaky = withFlakyHonors(1);
    // Month-old members: votes from brand-new accounts earn their author nothing.
    const monthOld = { createdAt: new Date(Date.now() - 30 * 24 * 60 * 60 * 1000) };
    const author = await createMember(monthOld);
    const voter = await createMember(monthOld);
    const suggestion = await createSuggestion({ author });
    const before = pointsOf(author.id);

    // The vote is stored and answered as usual.
    expect(setVote({ suggestionId: suggestion.id, userId: voter.id, voted: true })).toMatchObject({ ok: true, voteCount: 2 });
    expect(flaky.calls()).toBe(1);
    expect(pointsOf(author.id)).toBe(before);
    // Only the honors delivery waits, with its error and a later due time; the failure was logged.
    const [waiting] = deliveries();
    expect(deliveries()).toHaveLength(1);
    expect(waiting).toMatchObject({ subscriber: "honors", attempts: 1, lastError: "SQLITE_BUSY: database is locked" });
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(vi.mocked(console.error)).toHaveBeenCalledWith(expect.stringContaining('"honors" failed on vote_cast'), expect.any(Error));

    // Not before it is due...
    await drainOutbox();
    expect(flaky.calls()).toBe(1);
    // ...and then once, successfully: the author's points follow the vote, the outbox is empty.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(waiting.nextAttemptAt.getTime() + 1);
    await drainOutbox();
    expect(flaky.calls()).toBe(2);
    expect(pointsOf(author.id)).toBeGreaterThan(before);
    expect(deliveries()).toEqual([]);
    expect(getDb().select().from(outbox).all()).toEqual([]);
  });

  it("is rolled back whole: what it wrote before throwing is not kept, and the retry writes it once", async () => {
    vi.mocked(console.error).mockImplementation(() => {});
    // Honors grants the badge, then something after it fails: the grant goes with the failure.
    const honors = SUBSCRIBERS.find((s) => s.name === "honors") as Subscriber & { when: "after_commit" };
    let fail = true;
    registerSubscribers(
      SUBSCRIBERS.map((s) =>
        s !== honors
          ? s
          : {
              ...honors,
              handle(event: DomainEvent) {
                honors.handle(event);
                if (fail) throw new Error("failed after granting");
              },
            },
      ),
    );
    const author = await createMember();
    postSuggestion({ authorId: author.id, boardId: createBoard().id, title: "Dark mode", body: "Please." });
    expect(badgesOf(author.id)).not.toContain("first_suggestion");

    fail = false;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 60_000);
    await drainOutbox();
    expect(badgesOf(author.id).filter((b) => b === "first_suggestion")).toHaveLength(1);
    const notices = getDb().select().from(notifications).where(and(eq(notifications.userId, author.id), eq(notifications.kind, "badge"))).all();
    expect(notices.map((n) => n.eventKey)).toContain("badge:first_suggestion:0");
  });
});

describe("every subscriber failing", () => {
  it("still answers the member's request as usual, and the comment is stored once", async () => {
    vi.mocked(console.error).mockImplementation(() => {});
    registerSubscribers(
      SUBSCRIBERS.map((s) => ({
        ...s,
        handle: () => {
          throw new Error(`${s.name} is down`);
        },
      })) as Subscriber[],
    );
    const staff = await createStaff();
    const suggestion = await createSuggestion();
    const post = () =>
      outcome(() =>
        suggestionAction(
          routeArgs(requestAs(staff, `/s/${suggestion.id}`, { form: { intent: "comment", body: "We are on it.", official: "on" } }), {
            id: String(suggestion.id),
          }),
        ),
      );
    expect((await post()).status).toBeLessThan(400);
    expect(getDb().select().from(comments).where(eq(comments.suggestionId, suggestion.id)).all()).toHaveLength(1);
    // The failed deliveries wait for their retry.
    expect(deliveries().map((d) => [d.subscriber, d.attempts]).sort()).toEqual([
      ["invitations", 1],
      ["notifications", 1],
      // A background subscriber's turn comes after the answer.
      ["webhooks", 0],
    ]);
  });
});

describe("emails", () => {
  it("are sent after the write, not inside it", async () => {
    const author = await createMember();
    const staff = await createStaff();
    const suggestion = await createSuggestion({ author });
    expect(changeStatus({ suggestionId: suggestion.id, actorId: staff.id, to: "planned", note: "Next sprint" }).ok).toBe(true);
    // The notification is there at once (the next page shows it); its email is still to come.
    const told = getDb().select().from(notifications).where(and(eq(notifications.userId, author.id), eq(notifications.kind, "status_change")));
    expect(told.all()).toHaveLength(1);
    expect(getDb().select().from(emails).where(eq(emails.userId, author.id)).all()).toHaveLength(0);
    expect(deliveries().map((d) => d.subscriber).sort()).toEqual(["email", "webhooks"]);
    await drainOutbox();
    expect(getDb().select().from(emails).where(eq(emails.userId, author.id)).all()).toHaveLength(1);
    expect(deliveries()).toEqual([]);
  });
});

// Other processes, each with its own connection to this test's database file.
function inAnotherProcess(script: string) {
  return run("npx", ["tsx", "-e", script], { env: process.env, cwd: process.cwd() });
}

describe("a process that dies between the commit and handling", () => {
  it("loses nothing: the next process to start handles the event", async () => {
    const author = await createMember();
    const board = createBoard();
    // The write commits; the process exits before anything handles its event (its writer is
    // inside an outer transaction, so delivery waits for work that never comes).
    await inAnotherProcess(`
      import { getDb } from "~/platform/db.server";
      import { startDomainEvents } from "~/subscribers.server";
      import { createSuggestion } from "~/features/suggestions/suggestions.server";
      startDomainEvents({ sweep: false });
      getDb().transaction(() => createSuggestion({ authorId: ${author.id}, boardId: ${board.id}, title: "Offline mode", body: "On the train." }));
      process.exit(0);`);
    expect(badgesOf(author.id)).toEqual([]);
    expect(deliveries().map((d) => d.subscriber).sort()).toEqual(["honors", "invitations", "webhooks"]);

    // What start-up does (startOutbox): handle what is left.
    await drainOutbox();
    expect(badgesOf(author.id)).toContain("first_suggestion");
    expect(getDb().select().from(notifications).where(eq(notifications.userId, author.id)).all().map((n) => n.kind)).toContain("badge");
    expect(deliveries()).toEqual([]);
  }, 60_000);
});

describe("several processes draining at once", () => {
  it("handle each delivery exactly once per subscriber", async () => {
    const voter = await createMember();
    const suggestion = await createSuggestion();
    const EVENTS = 150;
    // A probe table the probe subscribers write to: a row per handling.
    getDb().run(sql`create table event_probe (subscriber text not null, mark integer not null)`);
    // Events as a script would leave them: recorded, no deliveries yet.
    getDb()
      .insert(outbox)
      .values(
        Array.from({ length: EVENTS }, (_, i) => ({
          type: "vote_cast",
          payload: JSON.stringify({ type: "vote_cast", suggestionId: suggestion.id, userId: voter.id, at: i }),
        })),
      )
      .run();
    const drainer = `
      import { getDb } from "~/platform/db.server";
      import { drainOutbox, registerSubscribers } from "~/platform/events/outbox.server";
      import { SUBSCRIBERS } from "~/subscribers.server";
      const probe = (subscriber, event) => getDb().$client.prepare("insert into event_probe values (?, ?)").run(subscriber, event.at);
      registerSubscribers([
        ...SUBSCRIBERS,
        { name: "probe_now", when: "after_commit", handles: ["vote_cast"], handle: (event) => probe("probe_now", event) },
        { name: "probe_later", when: "background", handles: ["vote_cast"], handle: async (event) => { await new Promise((r) => setTimeout(r, 1)); probe("probe_later", event); } },
      ]);
      void drainOutbox();`;
    await Promise.all([inAnotherProcess(drainer), inAnotherProcess(drainer), inAnotherProcess(drainer)]);

    const handled = getDb().all<{ subscriber: string; mark: number; n: number }>(
      sql`select subscriber, mark, count(*) as n from event_probe group by subscriber, mark`,
    );
    expect(handled.filter((h) => h.subscriber === "probe_now")).toHaveLength(EVENTS);
    expect(handled.filter((h) => h.subscriber === "probe_later")).toHaveLength(EVENTS);
    expect(handled.filter((h) => h.n !== 1)).toEqual([]);
    expect(deliveries()).toEqual([]);
    expect(getDb().select().from(outbox).all()).toEqual([]);
  }, 120_000);
});
