// Webhooks end to end: a receiver on 127.0.0.1 (allowed by the admin setting) gets signed
// deliveries from the outbox, a 500 is retried, a queued delivery survives a restart, and an
// admin can send one again by hand.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { webhookDeliveries, webhookEndpoints } from "#db/schema";
import { addComment } from "~/features/comments/comments.server";
import { fileComplaint } from "~/features/complaints/complaints.server";
import { getDb } from "~/platform/db.server";
import { isPrivateAddress } from "~/features/api/addresses";
import {
  checkWebhookUrl,
  createWebhookEndpoint,
  deliverWebhooks,
  queueWebhooks,
  redeliverWebhook,
  setAllowPrivateAddresses,
  webhookRetryDelayMs,
} from "~/features/api/webhooks.server";
import { drainOutbox } from "~/platform/events/outbox.server";
import { createSuggestion as postSuggestion } from "~/features/suggestions/suggestions.server";
import { createBoard, createMember, createStaff, createSuggestion } from "../factories";

type Received = { headers: IncomingHttpHeaders; body: string; at: number };

// What a receiver does with the README's recipe: recompute the HMAC over "<t>.<body>".
function verify(secret: string, header: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=") as [string, string]));
  const expected = createHmac("sha256", secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected) && Math.abs(Date.now() / 1000 - Number(parts.t)) < 300;
}

let server: Server;
let received: Received[] = [];
let answers: number[] = [];
let waiting: ((r: Received) => void) | null = null;
let url = "";

beforeEach(async () => {
  received = [];
  answers = [];
  getDb().delete(webhookEndpoints).run();
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const one = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: performance.now() };
      received.push(one);
      res.statusCode = answers.shift() ?? 200;
      res.end("ok");
      waiting?.(one);
      waiting = null;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  setAllowPrivateAddresses(true);
});

afterEach(async () => {
  setAllowPrivateAddresses(false);
  await new Promise((resolve) => server.close(resolve));
});

const nextDelivery = () => new Promise<Received>((resolve) => (waiting = resolve));
const deliveryRows = () => getDb().select().from(webhookDeliveries).all();

describe("webhook endpoints", () => {
  test("loopback and private addresses are refused unless the admin setting allows them", async () => {
    setAllowPrivateAddresses(false);
    expect(await createWebhookEndpoint({ url, events: ["shipped"] })).toEqual({ ok: false, error: "api.webhooks.errors.private" });
    expect(await checkWebhookUrl("ftp://example.com/x")).toBe("api.webhooks.errors.url");
    expect(await checkWebhookUrl("http://169.254.169.254/latest")).toBe("api.webhooks.errors.private");
    for (const ip of ["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "0.0.0.0"]) expect(isPrivateAddress(ip)).toBe(true);
    for (const ip of ["93.184.216.34", "2606:4700::1111", "172.32.0.1"]) expect(isPrivateAddress(ip)).toBe(false);
    setAllowPrivateAddresses(true);
    expect((await createWebhookEndpoint({ url, events: ["shipped"] })).ok).toBe(true);
  });
});

describe("deliveries", () => {
  test("a posted suggestion reaches the receiver signed, from the outbox, without anyone draining it", async () => {
    const endpoint = await createWebhookEndpoint({ url, events: ["suggestion_posted"] });
    if (!endpoint.ok) throw new Error();
    const author = await createMember();
    const arrived = nextDelivery();
    const committed = performance.now();
    const { id } = postSuggestion({ authorId: author.id, boardId: createBoard().id, title: "Webhooks for everyone", body: "b" });
    const delivery = await arrived;
    const latencyMs = delivery.at - committed;
    expect(delivery.headers["sprout-event"]).toBe("suggestion_posted");
    expect(verify(endpoint.secret, String(delivery.headers["sprout-signature"]), delivery.body)).toBe(true);
    expect(verify("whsec_wrong", String(delivery.headers["sprout-signature"]), delivery.body)).toBe(false);
    expect(JSON.parse(delivery.body)).toMatchObject({ type: "suggestion_posted", data: { suggestion: { id, title: "Webhooks for everyone" } } });
    await drainOutbox();
    expect(deliveryRows()).toMatchObject([{ status: "delivered", attempts: 1, lastStatusCode: 200 }]);
    // The figure for the closing note: the median of 20 more, warm.
    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const next = nextDelivery();
      const at = performance.now();
      postSuggestion({ authorId: author.id, boardId: createBoard().id, title: `Latency sample ${i}`, body: "b" });
      latencies.push((await next).at - at);
    }
    latencies.sort((a, b) => a - b);
    console.info(`webhook latency, commit to receiver: first ${latencyMs.toFixed(1)} ms, median ${latencies[10].toFixed(1)} ms, max ${latencies[19].toFixed(1)} ms`);
  });

  test("only the events an endpoint asked for; official replies and complaints have their own names", async () => {
    await createWebhookEndpoint({ url, events: ["official_reply", "complaint_filed"] });
    const s = await createSuggestion();
    const staff = await createStaff();
    addComment({ suggestionId: s.id, authorId: (await createMember()).id, body: "me too" });
    addComment({ suggestionId: s.id, authorId: staff.id, body: "We hear you", official: true });
    const filer = await createMember();
    fileComplaint({ userId: filer.id, viewer: filer, subject: "reply", title: "Slow answers", body: "private words" });
    await drainOutbox();
    expect(received.map((r) => r.headers["sprout-event"]).sort()).toEqual(["complaint_filed", "official_reply"]);
    const complaint = received.find((r) => r.headers["sprout-event"] === "complaint_filed")!;
    expect(complaint.body).not.toContain("private words");
  });

  test("a 500 is retried later with backoff, and then delivered", async () => {
    await createWebhookEndpoint({ url, events: ["suggestion_posted"] });
    answers = [500];
    const author = await createMember();
    postSuggestion({ authorId: author.id, boardId: createBoard().id, title: "Retry me please", body: "b" });
    await drainOutbox();
    const [failed] = deliveryRows();
    expect(failed).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500, lastError: "HTTP 500" });
    expect(failed.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + webhookRetryDelayMs(1) - 5_000);
    // Not yet due: nothing is sent.
    await deliverWebhooks();
    expect(received).toHaveLength(1);
    await deliverWebhooks({ now: new Date(Date.now() + webhookRetryDelayMs(1) + 1000) });
    expect(received).toHaveLength(2);
    expect(received[1].body).toBe(received[0].body);
    expect(deliveryRows()).toMatchObject([{ status: "delivered", attempts: 2, lastStatusCode: 200 }]);
  });

  test("a delivery queued by a process that stopped before sending is sent by the next one, once", async () => {
    await createWebhookEndpoint({ url, events: ["shipped"] });
    const event = { type: "shipped", statusChangeId: 1, suggestionId: (await createSuggestion()).id, actorId: 1, from: "in_progress", to: "shipped", note: "v2" } as const;
    // The first process queued it (in the database) and died.
    expect(queueWebhooks(event)).toHaveLength(1);
    // Its outbox retry runs the subscriber again: nothing is queued twice.
    expect(queueWebhooks(event)).toHaveLength(0);
    expect(received).toHaveLength(0);
    // The next process's retry clock.
    await deliverWebhooks();
    await deliverWebhooks();
    expect(received).toHaveLength(1);
    expect(deliveryRows()).toMatchObject([{ status: "delivered" }]);
  });

  test("gives up after a day, and an admin can redeliver by hand", async () => {
    await createWebhookEndpoint({ url, events: ["suggestion_posted"] });
    answers = Array(50).fill(503);
    postSuggestion({ authorId: (await createMember()).id, boardId: createBoard().id, title: "Never answered well", body: "b" });
    await drainOutbox();
    let day = Date.now();
    for (let i = 0; i < 20 && deliveryRows()[0].status === "pending"; i++) {
      day = Math.max(day, deliveryRows()[0].nextAttemptAt!.getTime());
      // Pretend the row was queued long enough ago for its attempts so far.
      await deliverWebhooks({ now: new Date(day + 1) });
    }
    const [gaveUp] = deliveryRows();
    expect(gaveUp.status).toBe("failed");
    expect(gaveUp.attempts).toBeLessThan(20);
    answers = [];
    expect(await redeliverWebhook(gaveUp.id)).toBe(true);
    expect(deliveryRows()).toMatchObject([{ status: "delivered", lastStatusCode: 200 }]);
  });
});
