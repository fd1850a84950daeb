// The transactional outbox. A write calls recordEvent(event) inside its transaction, so
// the event exists exactly when the change does; once committed, the writer calls
// deliverEvents() and each subscriber handles the event at once, in-process (the member sees
// their badge or notification on the very next page). The outbox is the safety net:
//
// - Each subscriber has its own delivery row per event, handled in isolation: a failure is
//   logged, rolled back and retried with exponential backoff; it never reaches the writer.
// - An "after_commit" subscriber's effects and the removal of its delivery row commit together
//   (a savepoint of the event's IMMEDIATE transaction, which first checks the row is still
//   there): exactly once, however many processes (cluster workers) try at the same moment.
// - A "background" subscriber (email: slow, asynchronous) claims its row with a lease in one
//   UPDATE, works outside any transaction, then removes the row; its work is idempotent, since
//   a process may die between the work and the removal.
// - Rows left by a process that died are handled when a process starts (startOutbox) and by
//   a periodic sweep; drainOutbox() handles everything due, for graceful shutdown and tests.
//
// Which subscribers exist is known only to the wiring module (subscribers.server.ts), which
// registers them at start-up. An event recorded where none are registered (a script) waits
// with fanned_out = 0 until a process that knows them starts.
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { lockTakenNow, RETRY_FOR_MS, writeWhenFree, type Db } from "#db/client";
import { outbox, outboxDeliveries } from "#db/schema";
import { getDb, preparedQuery } from "~/platform/db.server";
import { retryDelayMs, type DomainEvent, type DomainEventType } from "./events";

export type Subscriber =
  | { name: string; handles: readonly DomainEventType[]; when: "after_commit"; handle: (event: DomainEvent) => void }
  | { name: string; handles: readonly DomainEventType[]; when: "background"; handle: (event: DomainEvent) => Promise<void> };

// How long a background claim holds before another process may take the delivery over.
const LEASE_MS = 5 * 60 * 1000;
const SWEEP_MS = 30 * 1000;
const BATCH = 100;

let subscribers: readonly Subscriber[] | null = null;
// Events recorded by this process and not yet handled after their commit, oldest first.
const recordedHere: number[] = [];
let delivering = false;
let safetyNet: ReturnType<typeof setImmediate> | undefined;
let backgroundDue = false;
let backgroundRun: Promise<void> | undefined;
let sweep: ReturnType<typeof setInterval> | undefined;
const retryTimers = new Set<ReturnType<typeof setTimeout>>();
// Deliveries that met the write lock taken while tried without waiting (writeWhenFree): since
// when, and the timer that tries them again.
let lockedSince: number | undefined;
let lockRetry: ReturnType<typeof setTimeout> | undefined;

export function registerSubscribers(list: readonly Subscriber[]) {
  const names = new Set(list.map((s) => s.name));
  if (names.size !== list.length) throw new Error("Two event subscribers share a name");
  subscribers = list;
}

export function registeredSubscribers(): readonly Subscriber[] {
  return subscribers ?? [];
}

// Every write with an event (every vote) runs these: compiled once. They belong to the app's
// database and run inside whatever transaction is open on it, the writer's.
const outboxStatements = preparedQuery((db) => ({
  event: db
    .insert(outbox)
    .values({ type: sql.placeholder("type"), payload: sql.placeholder("payload"), fannedOut: sql.placeholder("fannedOut") })
    .returning({ id: outbox.id })
    .prepare(),
  delivery: db
    .insert(outboxDeliveries)
    .values({ eventId: sql.placeholder("eventId"), subscriber: sql.placeholder("subscriber"), nextAttemptAt: sql.placeholder("at") })
    .prepare(),
}));

// Called inside the writer's transaction, so the event exists exactly when the change does.
// With subscribers registered, the deliveries are added here too; an event no subscriber
// handles is not stored at all.
export function recordEvent(event: DomainEvent): void {
  const db = getDb();
  if (!db.$client.inTransaction) throw new Error(`The ${event.type} event must be recorded inside the transaction of its write`);
  const interested = subscribers?.filter((s) => s.handles.includes(event.type));
  if (interested?.length === 0) return;
  const q = outboxStatements(db);
  const { id } = q.event.get({ type: event.type, payload: JSON.stringify(event), fannedOut: !!interested })!;
  if (interested) {
    const now = new Date();
    for (const s of interested) q.delivery.run({ eventId: id, subscriber: s.name, at: now });
    if (interested.some((s) => s.when === "background")) backgroundDue = true;
  } else return; // a process without subscribers (a script) leaves it to the next start-up
  recordedHere.push(id);
  // A writer inside someone else's transaction cannot deliver yet: its events are handled
  // right after the current synchronous work instead.
  safetyNet ??= setImmediate(() => {
    safetyNet = undefined;
    deliverEvents();
  });
}

// Called by a writer right after its transaction commits: every subscriber handles what this
// process recorded, including what the subscribers record in turn (an invitation activated
// by a first vote). Never throws.
export function deliverEvents(): void {
  const db = getDb();
  // While a retry waits for another worker's lock, it delivers the queue (this call's events too).
  if (!subscribers || delivering || lockRetry || db.$client.inTransaction) return;
  delivering = true;
  try {
    for (let eventId = recordedHere.shift(); eventId !== undefined; eventId = recordedHere.shift()) {
      const event = loadEvent(db, eventId);
      if (!event) continue; // rolled back, or already handled by another process
      const list = subscribers.filter((s): s is AfterCommit => s.when === "after_commit" && s.handles.includes(event.type));
      if (list.length && handleNow(db, eventId, event, list) === "locked") {
        recordedHere.unshift(eventId);
        retryWhenUnlocked(db);
        break;
      }
      lockedSince = undefined;
    }
  } finally {
    delivering = false;
  }
  if (backgroundDue) {
    backgroundDue = false;
    runBackground();
  }
}

// Another worker holds the write lock: the events wait in this process's queue and are tried
// again a millisecond later, still without holding the event loop, for as long as writeWhenFree
// would; then as any write, waiting in SQLite.
function retryWhenUnlocked(db: Db) {
  lockedSince ??= Date.now();
  lockRetry ??= setTimeout(() => {
    lockRetry = undefined;
    if (Date.now() - lockedSince! < RETRY_FOR_MS) void writeWhenFree(db.$client, deliverEvents);
    else {
      lockedSince = undefined;
      deliverEvents();
    }
  }, 1);
}

// The few statements run after every write, prepared once per database: drizzle builds and
// prepares a query on each call, which cost more than running these.
const statements = preparedQuery(({ $client: client }) => ({
  payload: client.prepare("select payload from outbox where id = ?"),
  pending: client.prepare("select attempts from outbox_deliveries where event_id = ? and subscriber = ?"),
  done: client.prepare("delete from outbox_deliveries where event_id = ? and subscriber = ?"),
  doneIfClaimed: client.prepare("delete from outbox_deliveries where event_id = ? and subscriber = ? and claimed_until = ?"),
  dropHandled: client.prepare("delete from outbox where id = ? and not exists (select 1 from outbox_deliveries where event_id = ?)"),
}));

function loadEvent(db: Db, eventId: number): DomainEvent | null {
  const row = statements(db).payload.get(eventId) as { payload: string } | undefined;
  return row ? (JSON.parse(row.payload) as DomainEvent) : null;
}

const deliveryOf = (eventId: number, subscriber: string) =>
  and(eq(outboxDeliveries.eventId, eventId), eq(outboxDeliveries.subscriber, subscriber));

// The delivery is done: its row goes, and the event with its last delivery. Runs inside the
// transaction (or savepoint) that holds the subscriber's own writes.
function markDone(db: Db, eventId: number, subscriber: string, claimedUntil?: Date) {
  const run = statements(db);
  if (claimedUntil) run.doneIfClaimed.run(eventId, subscriber, claimedUntil.getTime());
  else run.done.run(eventId, subscriber);
  run.dropHandled.run(eventId, eventId);
}

// An event's after_commit deliveries, in one IMMEDIATE transaction (one commit per event, not
// per subscriber): each subscriber's writes and its done mark in a savepoint of their own, so
// each happens once or not at all, and one subscriber's failure rolls back only its own work.
// The delivery row is checked first: another process may have handled it meanwhile.
type AfterCommit = Subscriber & { when: "after_commit" };

function handleNow(db: Db, eventId: number, event: DomainEvent, list: readonly AfterCommit[]): "locked" | undefined {
  try {
    const run = statements(db);
    db.$client
      .transaction(() => {
        for (const subscriber of list) {
          if (!run.pending.get(eventId, subscriber.name)) continue;
          try {
            // Nested: a savepoint.
            db.$client.transaction(() => {
              subscriber.handle(event);
              markDone(db, eventId, subscriber.name);
            })();
          } catch (error) {
            failed(db, eventId, event, subscriber.name, error);
          }
        }
      })
      .immediate();
  } catch (error) {
    if (lockTakenNow(db.$client, error)) return "locked";
    // Not even the transaction could run (the database busy past its timeout): the rows stay
    // due, and the next sweep or start-up handles them.
    console.error(`Handling ${event.type} #${eventId} failed; it will be retried`, error);
  }
}

// Logged and pushed back; a timer in this process retries when it is due (the sweep and
// start-up cover a process that stops before).
function failed(db: Db, eventId: number, event: DomainEvent, subscriber: string, error: unknown) {
  console.error(`Event subscriber "${subscriber}" failed on ${event.type} #${eventId}; it will be retried`, error);
  try {
    const row = db
      .update(outboxDeliveries)
      .set({
        attempts: sql`${outboxDeliveries.attempts} + 1`,
        lastError: error instanceof Error ? error.message : String(error),
        claimedUntil: null,
      })
      .where(deliveryOf(eventId, subscriber))
      .returning({ attempts: outboxDeliveries.attempts })
      .get();
    if (!row) return;
    const delay = retryDelayMs(row.attempts);
    db.update(outboxDeliveries).set({ nextAttemptAt: new Date(Date.now() + delay) }).where(deliveryOf(eventId, subscriber)).run();
    const timer = setTimeout(() => {
      retryTimers.delete(timer);
      void drainOutbox();
    }, delay);
    timer.unref();
    retryTimers.add(timer);
  } catch (bookkeeping) {
    // The row keeps its old due time, so the next sweep tries again.
    console.error("Recording an event subscriber's failure failed", bookkeeping);
  }
}

// Adds the deliveries of events recorded where no subscribers were registered.
function fanOutWaiting(db: Db) {
  const list = subscribers ?? [];
  db.transaction(
    (tx) => {
      const waiting = tx.select({ id: outbox.id, type: outbox.type }).from(outbox).where(eq(outbox.fannedOut, false)).limit(1000).all();
      const now = new Date();
      for (const event of waiting) {
        const interested = list.filter((s) => s.handles.includes(event.type as DomainEventType));
        if (interested.length === 0) tx.delete(outbox).where(eq(outbox.id, event.id)).run();
        else {
          tx.insert(outboxDeliveries)
            .values(interested.map((s) => ({ eventId: event.id, subscriber: s.name, nextAttemptAt: now })))
            .onConflictDoNothing()
            .run();
          tx.update(outbox).set({ fannedOut: true }).where(eq(outbox.id, event.id)).run();
        }
      }
    },
    { behavior: "immediate" },
  );
}

// One pass over the deliveries due now, oldest event first. Returns how many it looked at.
async function handleDue(db: Db): Promise<number> {
  const list = subscribers ?? [];
  const now = new Date();
  const due = db
    .select({ eventId: outboxDeliveries.eventId, subscriber: outboxDeliveries.subscriber, payload: outbox.payload })
    .from(outboxDeliveries)
    .innerJoin(outbox, eq(outbox.id, outboxDeliveries.eventId))
    .where(
      and(
        lte(outboxDeliveries.nextAttemptAt, now),
        or(isNull(outboxDeliveries.claimedUntil), lt(outboxDeliveries.claimedUntil, now)),
        inArray(
          outboxDeliveries.subscriber,
          list.map((s) => s.name),
        ),
      ),
    )
    .orderBy(asc(outboxDeliveries.eventId))
    .limit(BATCH)
    .all();
  for (const row of due) {
    const subscriber = list.find((s) => s.name === row.subscriber)!;
    const event = JSON.parse(row.payload) as DomainEvent;
    if (subscriber.when === "after_commit") handleNow(db, row.eventId, event, [subscriber]);
    else await handleInBackground(db, row.eventId, event, subscriber);
    // Other requests get the event loop between deliveries of a long replay.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return due.length;
}

async function handleInBackground(db: Db, eventId: number, event: DomainEvent, subscriber: Subscriber & { when: "background" }) {
  const now = Date.now();
  const claimedUntil = new Date(now + LEASE_MS);
  // One statement: of several processes, exactly one gets the claim.
  const claimed = db
    .update(outboxDeliveries)
    .set({ claimedUntil })
    .where(
      and(
        deliveryOf(eventId, subscriber.name),
        lte(outboxDeliveries.nextAttemptAt, new Date(now)),
        or(isNull(outboxDeliveries.claimedUntil), lt(outboxDeliveries.claimedUntil, new Date(now))),
      ),
    )
    .run().changes;
  if (!claimed) return;
  try {
    await subscriber.handle(event);
    db.$client.transaction(() => markDone(db, eventId, subscriber.name, claimedUntil)).immediate();
  } catch (error) {
    failed(db, eventId, event, subscriber.name, error);
  }
}

// Handles everything due: what this process recorded, events from scripts, deliveries left
// by a process that died, retries whose time has come. Resolves when none is left due (a
// failure pushes its delivery into the future, so this always ends). For graceful shutdown:
// stop accepting requests, let in-flight ones finish, then `await drainOutbox()`.
export async function drainOutbox(): Promise<void> {
  if (!subscribers) return;
  deliverEvents();
  const db = getDb();
  for (;;) {
    // One pass at a time per process; a caller arriving meanwhile waits for it, then looks again.
    if (backgroundRun) {
      await backgroundRun;
      continue;
    }
    const pass = (async () => {
      fanOutWaiting(db);
      return handleDue(db);
    })();
    backgroundRun = pass.then(
      () => undefined,
      () => undefined,
    );
    let seen = 0;
    try {
      seen = await pass;
    } catch (error) {
      console.error("Handling the outbox failed", error);
    } finally {
      backgroundRun = undefined;
    }
    if (seen < BATCH) return;
  }
}

// Background work starts on a later turn of the event loop, never inside the writer's call.
function runBackground() {
  setImmediate(() => void drainOutbox());
}

// At start-up: handles what is left over (a previous process died, a script recorded
// events) and sweeps periodically for deliveries whose lease or retry time has come.
export function startOutbox(options: { sweepMs?: number } = {}) {
  void drainOutbox();
  sweep ??= setInterval(() => void drainOutbox(), options.sweepMs ?? SWEEP_MS);
  sweep.unref();
}

export function stopOutbox() {
  if (sweep) clearInterval(sweep);
  sweep = undefined;
  for (const timer of retryTimers) clearTimeout(timer);
  retryTimers.clear();
  if (lockRetry) clearTimeout(lockRetry);
  lockRetry = lockedSince = undefined;
}
