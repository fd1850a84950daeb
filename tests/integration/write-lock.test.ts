// writeWhenFree (db/client.ts): a write on a request's path that finds another worker holding
// SQLite's write lock waits for it without holding the event loop, where SQLite's own busy
// handler sleeps the whole thread; the outbox's deliveries after such a write wait the same way.
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase, writeWhenFree } from "#db/client";
import { outbox, outboxDeliveries } from "#db/schema";
import { getDb } from "~/platform/db.server";
import type { DomainEvent } from "~/platform/events/events";
import { deliverEvents, recordEvent, registerSubscribers, stopOutbox } from "~/platform/events/outbox.server";
import { SUBSCRIBERS } from "~/subscribers.server";

// Another worker: its own connection to the same file, holding the write lock until released.
function anotherWorkerHoldsTheLock() {
  const other = openDatabase(process.env.DATABASE_URL!).$client;
  other.prepare("begin immediate").run();
  return () => {
    other.prepare("commit").run();
    other.close();
  };
}

// Counts the event loop's turns while a write waits.
function loopTurns() {
  let turns = 0;
  const ticker = setInterval(() => turns++, 1);
  return () => {
    clearInterval(ticker);
    return turns;
  };
}

const probeCount = () => getDb().$client.prepare("select count(*) as n from rate_limits where key like 'lock-probe:%'").pluck().get();

afterEach(() => {
  getDb().$client.exec("delete from rate_limits where key like 'lock-probe:%'");
  stopOutbox();
  getDb().delete(outbox).run();
  registerSubscribers(SUBSCRIBERS);
});

describe("a write while another worker holds the lock", () => {
  it("waits with the event loop free, then writes once", async () => {
    const client = getDb().$client;
    const release = anotherWorkerHoldsTheLock();
    setTimeout(release, 30);
    const turns = loopTurns();
    let tries = 0;
    await writeWhenFree(client, () => {
      tries++;
      client.prepare("insert into rate_limits (key, hits, reset_at) values ('lock-probe:1', 1, 0)").run();
    });
    // SQLite's busy handler would have held the loop until the lock was free, and the lock is
    // released by a timer on this very loop.
    expect(turns()).toBeGreaterThan(5);
    expect(tries).toBeGreaterThan(1);
    expect(probeCount()).toBe(1);
    // Every other write on the connection still waits in SQLite as before.
    expect(client.pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  it("throws what is not the lock at once, leaving the busy timeout as it was", async () => {
    const client = getDb().$client;
    let tries = 0;
    await expect(
      writeWhenFree(client, () => {
        tries++;
        client.prepare("insert into no_such_table values (1)").run();
      }),
    ).rejects.toThrow(/no such table/);
    expect(tries).toBe(1);
    expect(client.pragma("busy_timeout", { simple: true })).toBe(5000);
  });
});

describe("a delivery after a write, the lock taken in between", () => {
  it("is handled once the lock is free, once, with nothing logged", async () => {
    const handled: DomainEvent[] = [];
    registerSubscribers([{ name: "probe", handles: ["vote_cast"], when: "after_commit", handle: (event) => void handled.push(event) }]);
    const event: DomainEvent = { type: "vote_cast", suggestionId: 1, userId: 1, at: 1 };
    const client = getDb().$client;
    await writeWhenFree(client, () => {
      getDb().transaction(() => recordEvent(event), { behavior: "immediate" });
      // Between the commit and the delivery, the other worker writes.
      const release = anotherWorkerHoldsTheLock();
      setTimeout(release, 20);
      deliverEvents();
    });
    expect(handled).toEqual([]);
    await vi.waitFor(() => expect(handled).toEqual([event]), { timeout: 2000, interval: 5 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(handled).toHaveLength(1);
    expect(getDb().select().from(outboxDeliveries).all()).toEqual([]);
    // (tests/setup/setup-test-env.ts fails any test that logs an error.)
  });
});
