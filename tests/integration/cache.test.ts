// The in-process cache (app/platform/cache.server.ts): served from memory while the database is
// unchanged, recomputed after any write, by this process or by another one (a second
// server worker), and after its maximum age.
import Database from "better-sqlite3";
import { afterEach, describe, expect, test, vi } from "vitest";
import { cached, memoryCache } from "~/platform/cache.server";
import { getDb } from "~/platform/db.server";
import { listSuggestions } from "~/features/suggestions/suggestions.server";
import { setVote } from "~/features/votes/votes.server";
import { createBoard, createMember, createStaff, createSuggestion } from "../factories";

afterEach(() => vi.useRealTimers());

describe("cached", () => {
  test("computes once while nothing is written", () => {
    const compute = vi.fn(() => ({ n: 1 }));
    const first = cached("test:once", compute);
    expect(cached("test:once", compute)).toBe(first);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  test("recomputes after a write through the app's own connection", () => {
    const compute = vi.fn(() => Math.random());
    const before = cached("test:own-write", compute);
    createBoard();
    expect(cached("test:own-write", compute)).not.toBe(before);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  test("recomputes after a write by another process's connection", () => {
    const compute = vi.fn(() => Math.random());
    cached("test:other-write", compute);
    const other = new Database(getDb().$client.name);
    try {
      other.prepare("insert into settings (key, value) values ('cache-test', '1')").run();
    } finally {
      other.close();
    }
    cached("test:other-write", compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  test("recomputes after the maximum age even without writes", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const compute = vi.fn(() => 1);
    cached("test:age", compute, { maxAgeMs: 1_000 });
    vi.advanceTimersByTime(999);
    cached("test:age", compute, { maxAgeMs: 1_000 });
    expect(compute).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2);
    cached("test:age", compute, { maxAgeMs: 1_000 });
    expect(compute).toHaveBeenCalledTimes(2);
  });
});

describe("memoryCache", () => {
  test("a cache of its own never pushes out the shared cache's entries, and is emptied by the same writes", () => {
    const sessions = memoryCache(3);
    const list = vi.fn(() => ({ rows: [] }));
    cached("test:kept", list);
    const session = vi.fn((n: number) => ({ n }));
    for (let n = 0; n < 1_500; n++) sessions(`test:session:${n}`, () => session(n));
    cached("test:kept", list);
    expect(list).toHaveBeenCalledTimes(1);
    // Its own bound: the oldest of its entries went, the latest stayed.
    sessions("test:session:1499", () => session(-1));
    sessions("test:session:0", () => session(-2));
    expect(session).toHaveBeenCalledTimes(1_501);
    createBoard();
    sessions("test:session:1499", () => session(-3));
    expect(session).toHaveBeenCalledTimes(1_502);
  });
});

describe("cached lists", () => {
  test("a vote shows in the next list, and visitors and staff get their own entries", async () => {
    const board = createBoard();
    const voter = await createMember();
    const suggestion = await createSuggestion({ board });
    const top = () => listSuggestions({ boardId: board.id, sort: "top", page: 1 }).items[0].voteCount;
    expect(top()).toBe(1);
    setVote({ suggestionId: suggestion.id, userId: voter.id, voted: true });
    expect(top()).toBe(2);

    getDb().$client.prepare("update suggestions set hidden_at = 1 where id = ?").run(suggestion.id);
    const staff = await createStaff();
    expect(listSuggestions({ boardId: board.id, sort: "top", page: 1 }).items).toHaveLength(0);
    expect(listSuggestions({ boardId: board.id, sort: "top", page: 1, viewer: staff }).items).toHaveLength(1);
  });
});
