// Write rate limits, applied by the server to every POST/PUT/PATCH/DELETE before Remix
// sees it: per member (their session cookie) and per address. Sliding one-minute windows
// kept in memory; with several worker processes each keeps its own, so the effective
// limit is at most workers × the configured one (documented in the README).

export class RateLimiter {
  constructor({ limit, windowMs = 60_000, maxKeys = 100_000 }) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.maxKeys = maxKeys;
    this.hits = new Map(); // key -> timestamps of recent hits, oldest first
  }

  // Records a hit for key at now; returns 0 when allowed, else the seconds to wait.
  hit(key, now = Date.now()) {
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil((recent[0] + this.windowMs - now) / 1000));
    }
    recent.push(now);
    this.hits.delete(key); // re-insert: the Map stays ordered by last use
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value);
    return 0;
  }

  // What is left in key's window and the seconds until its oldest hit leaves it.
  status(key, now = Date.now()) {
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    return {
      remaining: Math.max(0, this.limit - recent.length),
      reset: recent.length ? Math.max(1, Math.ceil((recent[0] + this.windowMs - now) / 1000)) : 0,
    };
  }
}

const SESSION_COOKIE = /(?:^|;\s*)sprout_session=([^;]+)/;

export function writeRateLimits({ perMember, perAddress }) {
  const members = new RateLimiter({ limit: perMember });
  const addresses = new RateLimiter({ limit: perAddress });
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    // An API call counts against its token as a page's form counts against its session, and
    // says where it stands in the IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers).
    const bearer = req.path.startsWith("/api/") ? /^Bearer\s+(\S+)$/i.exec(req.get("authorization") ?? "")?.[1] : undefined;
    const session = bearer ? `token:${bearer}` : req.get("cookie")?.match(SESSION_COOKIE)?.[1];
    const wait = Math.max(session ? members.hit(session) : 0, addresses.hit(req.ip ?? "unknown"));
    if (bearer) {
      const status = members.status(session);
      res.setHeader("RateLimit-Policy", `${perMember};w=60`);
      res.setHeader("RateLimit", `limit=${perMember}, remaining=${status.remaining}, reset=${status.reset}`);
      res.setHeader("RateLimit-Limit", String(perMember));
      res.setHeader("RateLimit-Remaining", String(status.remaining));
      res.setHeader("RateLimit-Reset", String(status.reset));
    }
    if (wait === 0) return next();
    res.setHeader("Retry-After", String(wait));
    if (bearer) {
      res
        .status(429)
        .type("application/problem+json")
        .send(JSON.stringify({ type: "/api#problem-too_many", title: "Too many requests in a short time. 请求过于频繁。", status: 429, detail: `retry after ${wait} s` }));
      return;
    }
    res
      .status(429)
      .type("text/plain; charset=utf-8")
      .send(`Too many changes in a short time. Please wait ${wait} s and try again.\n操作过于频繁，请 ${wait} 秒后再试。\n`);
  };
}
