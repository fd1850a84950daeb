// Webhooks: admins register endpoints (/admin/webhooks); the `webhooks` subscriber of the
// domain events (app/subscribers.server.ts) queues a delivery per endpoint
// and event, in the database, so nothing is lost across a restart; deliveries are signed,
// sent with a timeout, and retried with exponential backoff for a day. See README "Webhooks".
import { createHmac, randomBytes } from "node:crypto";
import { lookup } from "node:dns/promises";
import { and, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { settings, suggestions, WEBHOOK_EVENTS, webhookDeliveries, webhookEndpoints, type WebhookEvent } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { isPrivateAddress } from "~/features/api/addresses";
import type { DomainEvent } from "~/platform/events/events";

export const DELIVERY_TIMEOUT_MS = 10_000;
const DAY = 24 * 60 * 60 * 1000;
// A claimed delivery's lease: another process (a second worker) leaves it alone meanwhile.
const CLAIM_MS = 60_000;
const ALLOW_PRIVATE_KEY = "webhooksAllowPrivateAddresses";

// The n-th retry (n from 1) waits 30 s doubling; after a day of failures the delivery is failed.
export function webhookRetryDelayMs(attempts: number): number {
  return 30_000 * 2 ** Math.max(0, attempts - 1);
}

// The Sprout-Signature header: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">, as
// Stripe signs its webhooks. The timestamp lets receivers refuse replays of old deliveries.
export function signWebhook(secret: string, body: string, timestamp: number): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

const parseEvents = (stored: string) => stored.split(" ").filter((e): e is WebhookEvent => (WEBHOOK_EVENTS as readonly string[]).includes(e));

// ---------------------------------------------------------------------------------------
// The admin's side.

export function allowsPrivateAddresses(): boolean {
  const row = getDb().select().from(settings).where(eq(settings.key, ALLOW_PRIVATE_KEY)).get();
  return row?.value === "true";
}

export function setAllowPrivateAddresses(allowed: boolean) {
  getDb()
    .insert(settings)
    .values({ key: ALLOW_PRIVATE_KEY, value: String(allowed) })
    .onConflictDoUpdate({ target: settings.key, set: { value: String(allowed) } })
    .run();
}

export type UrlProblem = "api.webhooks.errors.url" | "api.webhooks.errors.private";

// A URL Sprout may send to: http(s), and (unless allowed) not an address inside the network.
// Checked when registering and again before every delivery (a name can be pointed elsewhere).
export async function checkWebhookUrl(raw: string): Promise<UrlProblem | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "api.webhooks.errors.url";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "api.webhooks.errors.url";
  if (url.username || url.password) return "api.webhooks.errors.url";
  if (allowsPrivateAddresses()) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return "api.webhooks.errors.url";
  }
  return addresses.some(isPrivateAddress) ? "api.webhooks.errors.private" : null;
}

export async function createWebhookEndpoint(input: { url: string; events: readonly WebhookEvent[] }) {
  const problem = await checkWebhookUrl(input.url);
  if (problem) return { ok: false as const, error: problem };
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const { id } = getDb()
    .insert(webhookEndpoints)
    .values({ url: input.url, secret, events: [...new Set(input.events)].join(" ") })
    .returning({ id: webhookEndpoints.id })
    .get();
  return { ok: true as const, id, secret };
}

export function listWebhookEndpoints() {
  return getDb()
    .select()
    .from(webhookEndpoints)
    .orderBy(desc(webhookEndpoints.id))
    .all()
    .map((e) => ({ ...e, events: parseEvents(e.events) }));
}

export function deleteWebhookEndpoint(id: number): boolean {
  return getDb().delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).run().changes > 0;
}

export function listWebhookDeliveries(limit = 50) {
  return getDb()
    .select({
      id: webhookDeliveries.id,
      endpointUrl: webhookEndpoints.url,
      eventType: webhookDeliveries.eventType,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastDurationMs: webhookDeliveries.lastDurationMs,
      lastError: webhookDeliveries.lastError,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      deliveredAt: webhookDeliveries.deliveredAt,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit)
    .all();
}

// Sent again by hand (the same body, a fresh signature), whatever happened before.
export async function redeliverWebhook(deliveryId: number): Promise<boolean> {
  const changed = getDb()
    .update(webhookDeliveries)
    .set({ status: "pending", nextAttemptAt: new Date(0) })
    .where(eq(webhookDeliveries.id, deliveryId))
    .run().changes;
  if (!changed) return false;
  await deliverWebhooks({ ids: [deliveryId] });
  return true;
}

// ---------------------------------------------------------------------------------------
// From domain events to deliveries.

// The webhook a domain event is, if any: an official reply is a comment of its own name.
export function webhookEventOf(event: DomainEvent): WebhookEvent | null {
  switch (event.type) {
    case "suggestion_posted":
    case "status_changed":
    case "shipped":
    case "merged":
    case "complaint_filed":
      return event.type;
    case "comment_posted":
      return event.official ? "official_reply" : null;
    default:
      return null;
  }
}

// What receivers get: ids, the suggestion's title and address; nothing personal beyond ids.
// A complaint's text stays between its filer and staff.
function payloadData(event: DomainEvent): Record<string, unknown> {
  const base = env().APP_URL.replace(/\/$/, "");
  const suggestion = (id: number) => {
    const row = getDb().select({ id: suggestions.id, title: suggestions.title, status: suggestions.status }).from(suggestions).where(eq(suggestions.id, id)).get();
    return row ? { ...row, url: `${base}/s/${row.id}` } : { id };
  };
  switch (event.type) {
    case "suggestion_posted":
      return { suggestion: suggestion(event.suggestionId), authorId: event.authorId };
    case "status_changed":
    case "shipped":
      return { suggestion: suggestion(event.suggestionId), from: event.from, to: event.to, note: event.note, actorId: event.actorId };
    case "comment_posted":
      return { suggestion: suggestion(event.suggestionId), commentId: event.commentId, authorId: event.authorId, url: `${base}/s/${event.suggestionId}?comment=${event.commentId}` };
    case "merged":
      return { source: suggestion(event.sourceId), target: suggestion(event.targetId), note: event.note, actorId: event.actorId };
    case "complaint_filed":
      return { complaintId: event.complaintId, subject: event.subject, suggestionId: event.suggestionId, url: `${base}/complaints/${event.complaintId}` };
    default:
      return {};
  }
}

// Queues the event for every active endpoint that asked for it; returns the new deliveries.
// Keyed by the event itself, so a subscriber run twice (a crash between) queues it once.
export function queueWebhooks(event: DomainEvent, now = new Date()): number[] {
  const type = webhookEventOf(event);
  if (!type) return [];
  const db = getDb();
  const endpoints = db
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.active, true))
    .all()
    .filter((e) => parseEvents(e.events).includes(type));
  if (endpoints.length === 0) return [];
  const eventKey = createHmac("sha256", "sprout-webhook-event").update(JSON.stringify(event)).digest("hex");
  const occurredAt = "at" in event && typeof event.at === "number" ? new Date(event.at) : now;
  const payload = JSON.stringify({ type, occurredAt: occurredAt.toISOString(), data: payloadData(event) });
  return db.transaction((tx) =>
    endpoints.flatMap((endpoint) => {
      const row = tx
        .insert(webhookDeliveries)
        .values({ endpointId: endpoint.id, eventKey, eventType: type, payload, nextAttemptAt: now, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: webhookDeliveries.id })
        .get();
      return row ? [row.id] : [];
    }),
  );
}

// Sends what is due (or the given deliveries). Each is claimed first, so two processes never
// send one together; the outcome is recorded, never thrown: retries are this module's, not
// the outbox's (the event is done once its deliveries are queued).
export async function deliverWebhooks(options: { ids?: number[]; now?: Date } = {}) {
  const db = getDb();
  const now = options.now ?? new Date();
  const due = db
    .select({ id: webhookDeliveries.id, nextAttemptAt: webhookDeliveries.nextAttemptAt })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.status, "pending"),
        lte(webhookDeliveries.nextAttemptAt, now),
        options.ids ? inArray(webhookDeliveries.id, options.ids) : undefined,
      ),
    )
    .limit(100)
    .all();
  await Promise.all(
    due.map(async ({ id, nextAttemptAt }) => {
      const claimed = db
        .update(webhookDeliveries)
        .set({ nextAttemptAt: new Date(Date.now() + CLAIM_MS) })
        .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, "pending"), sql`${webhookDeliveries.nextAttemptAt} is ${nextAttemptAt?.getTime() ?? null}`))
        .run().changes;
      if (claimed) await attempt(id);
    }),
  );
}

async function attempt(deliveryId: number) {
  const db = getDb();
  const row = db
    .select({ delivery: webhookDeliveries, url: webhookEndpoints.url, secret: webhookEndpoints.secret })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, deliveryId))
    .get();
  if (!row) return;
  const { delivery } = row;
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = await checkWebhookUrl(row.url);
  if (!error) {
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const response = await fetch(row.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "User-Agent": "Sprout-Webhooks/1",
          "Sprout-Event": delivery.eventType,
          "Sprout-Delivery": String(delivery.id),
          "Sprout-Signature": signWebhook(row.secret, delivery.payload, timestamp),
        },
        body: delivery.payload,
        // A redirect could lead inside the network: a 3xx counts as a failure.
        redirect: "manual",
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      statusCode = response.status;
      await response.body?.cancel();
      if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
    } catch (thrown) {
      error = thrown instanceof Error ? (thrown.name === "TimeoutError" ? "timeout" : thrown.message).slice(0, 200) : "error";
    }
  }
  const durationMs = Math.round(performance.now() - started);
  const attempts = delivery.attempts + 1;
  const now = Date.now();
  const retryAt = now + webhookRetryDelayMs(attempts);
  const givesUp = retryAt - delivery.createdAt.getTime() > DAY;
  db.update(webhookDeliveries)
    .set({
      attempts,
      lastStatusCode: statusCode,
      lastDurationMs: durationMs,
      lastError: error,
      ...(error
        ? { status: givesUp ? ("failed" as const) : ("pending" as const), nextAttemptAt: givesUp ? null : new Date(retryAt) }
        : { status: "delivered" as const, deliveredAt: new Date(now), nextAttemptAt: null }),
    })
    .where(eq(webhookDeliveries.id, deliveryId))
    .run();
}

// The retries' clock: every 15 s this process sends what has come due (deliveries queued by a
// process that stopped before sending them included).
let retryTimer: ReturnType<typeof setInterval> | undefined;
export function startWebhookRetries(everyMs = 15_000) {
  if (retryTimer) return;
  retryTimer = setInterval(() => void deliverWebhooks().catch((e: unknown) => console.error("webhooks", e)), everyMs);
  retryTimer.unref();
}
