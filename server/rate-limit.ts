// Write rate limits, applied by the server to every POST/PUT/PATCH/DELETE before Remix sees
// it: per member (their session) and per address, in one-minute windows, by
// express-rate-limit. The counters live in the app's SQLite database (table rate_limits),
// not in a worker's memory, so every worker counts against the same budget: a limit is the
// same with one process or sixteen.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { rateLimit, ipKeyGenerator, type ClientRateLimitInfo, type Options, type Store } from "express-rate-limit";
import { writeWhenFree, type Db } from "../db/client";
import { rateLimits } from "../db/schema";
import { readCookie, SESSION_COOKIE } from "../app/platform/cookies.server";
import { isApiRequest } from "./guards";

const WINDOW_MS = 60_000;

// Counts one hit and returns the key's window. Run twice on every write a member sends (their
// key and their address's): compiled once per store.
function incrementStatement(db: Db) {
  const expired = sql`${rateLimits.resetAt} <= ${sql.placeholder("now")}`;
  return db
    .insert(rateLimits)
    .values({ key: sql.placeholder("key"), hits: 1, resetAt: sql.placeholder("resetAt") })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${rateLimits.hits} + 1 end`,
        resetAt: sql`case when ${expired} then excluded.reset_at else ${rateLimits.resetAt} end`,
      },
    })
    .returning()
    .prepare();
}

// A fixed window per key: the first hit opens it, hits count up until it closes. One
// statement increments or restarts the window, so two workers hitting the same key at once
// both count (SQLite runs one writer at a time; the busy timeout queues the other).
export class SqliteRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = WINDOW_MS;
  private sweptAt = 0;

  constructor(
    private readonly db: Db,
    readonly prefix: string,
  ) {}

  init(options: Options) {
    this.windowMs = options.windowMs;
  }

  get(key: string): ClientRateLimitInfo | undefined {
    const row = this.db
      .select()
      .from(rateLimits)
      .where(sql`${rateLimits.key} = ${this.prefix + key} and ${rateLimits.resetAt} > ${Date.now()}`)
      .get();
    return row ? { totalHits: row.hits, resetTime: row.resetAt } : undefined;
  }

  private incrementHit: ReturnType<typeof incrementStatement> | undefined;

  // Counted on every write a member sends, so it waits for another worker's write lock
  // without holding this worker (writeWhenFree in db/client.ts).
  increment(key: string): Promise<ClientRateLimitInfo> {
    return writeWhenFree(this.db.$client, () => {
      const now = Date.now();
      this.sweep(now);
      this.incrementHit ??= incrementStatement(this.db);
      const row = this.incrementHit.get({ key: this.prefix + key, now, resetAt: new Date(now + this.windowMs) })!;
      return { totalHits: row.hits, resetTime: row.resetAt };
    });
  }

  decrement(key: string) {
    this.db
      .update(rateLimits)
      .set({ hits: sql`max(${rateLimits.hits} - 1, 0)` })
      .where(sql`${rateLimits.key} = ${this.prefix + key}`)
      .run();
  }

  resetKey(key: string) {
    this.db.delete(rateLimits).where(sql`${rateLimits.key} = ${this.prefix + key}`).run();
  }

  // Closed windows are forgotten, at most once per window by each worker, so the table holds
  // only the keys active in the last minute.
  private sweep(now: number) {
    if (now - this.sweptAt < this.windowMs) return;
    this.sweptAt = now;
    this.db.delete(rateLimits).where(sql`${rateLimits.resetAt} <= ${now}`).run();
  }
}

// The session token is a credential: the table keeps its hash, as the sessions table does.
function memberKey(req: Request): string | null {
  const token = readCookie(req.get("cookie"), SESSION_COOKIE);
  return token ? createHash("sha256").update(token).digest("hex") : null;
}

// An API call counts against its token (hashed, like the session) as a page's form counts
// against its session.
function apiTokenKey(req: Request): string | null {
  if (!isApiRequest(req)) return null;
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.get("authorization") ?? "")?.[1];
  return bearer ? createHash("sha256").update(bearer).digest("hex") : null;
}

const isRead = (req: Request) => req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS";

function retryAfterSeconds(req: Request, options: Options): number {
  const resetTime = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  return Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + options.windowMs) - Date.now()) / 1000));
}

function refuse(req: Request, res: Response, _next: NextFunction, options: Options) {
  const wait = retryAfterSeconds(req, options);
  res.setHeader("Retry-After", String(wait));
  res
    .status(options.statusCode)
    .type("text/plain; charset=utf-8")
    .send(`Too many changes in a short time. Please wait ${wait} s and try again.\n操作过于频繁，请 ${wait} 秒后再试。\n`);
}

export function writeRateLimits({ db, perMember, perAddress }: { db: Db; perMember: number; perAddress: number }): RequestHandler[] {
  const common = {
    windowMs: WINDOW_MS,
    standardHeaders: false,
    legacyHeaders: false,
    handler: refuse,
    // A counter that cannot be written (the database busy past its timeout under extreme
    // load) lets the write through rather than answering 500: the action's own write meets
    // the same database and answers for itself. express-rate-limit logs the error.
    passOnStoreError: true,
  } as const;
  return [
    // API clients read where they stand in the RateLimit-* header fields, and a refusal is
    // problem+json like the API's other errors.
    rateLimit({
      ...common,
      limit: perMember,
      standardHeaders: "draft-6",
      store: new SqliteRateLimitStore(db, "token:"),
      skip: (req) => isRead(req) || apiTokenKey(req) === null,
      keyGenerator: (req) => apiTokenKey(req)!,
      handler: (req, res, _next, options) => {
        const wait = retryAfterSeconds(req, options);
        res.setHeader("Retry-After", String(wait));
        res
          .status(options.statusCode)
          .type("application/problem+json")
          .send(JSON.stringify({ type: "/api#problem-too_many", title: "Too many requests in a short time. 请求过于频繁。", status: options.statusCode, detail: `retry after ${wait} s` }));
      },
    }),
    rateLimit({
      ...common,
      limit: perMember,
      store: new SqliteRateLimitStore(db, "member:"),
      skip: (req) => isRead(req) || memberKey(req) === null,
      keyGenerator: (req) => memberKey(req)!,
    }),
    rateLimit({
      ...common,
      limit: perAddress,
      store: new SqliteRateLimitStore(db, "address:"),
      skip: isRead,
      // IPv6 addresses count by their /56 network: one machine has many of them.
      keyGenerator: (req) => ipKeyGenerator(req.ip ?? "unknown"),
    }),
  ];
}
