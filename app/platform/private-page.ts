// Pages that are one member's own (their account, notifications, a complaint): no shared
// cache or browser history cache may keep them. Export as a route's `headers`.
import type { HeadersFunction } from "@remix-run/node";

export const PRIVATE_NO_STORE = "private, no-store";

export const privatePageHeaders: HeadersFunction = () => ({ "Cache-Control": PRIVATE_NO_STORE });
