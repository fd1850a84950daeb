// In-process caching of what many requests read and few requests change: hot lists, board
// totals, search results, rendered comment threads (`cached`), and apart from them, what every
// page reads per member: the session, the bell's count (`memoryCache`). Each server process
// (each node:cluster worker) has its own.
//
// Invalidation needs no calls from the domain modules: an entry is served only while the
// database is exactly as it was when the entry was computed. SQLite tells us both ways it can
// change: `total_changes()` counts every row this connection (this worker) has written, and
// `PRAGMA data_version` moves whenever another connection (another worker, a script) commits.
// So a vote, a post, a comment or a status change in any worker makes every entry stale at
// once, and a stretch of reads is served from memory. Any write empties the cache, which is
// coarse but cannot be forgotten by the next feature that writes.
//
// `maxAgeMs` additionally bounds entries that depend on the clock (trending counts the votes
// of the last seven days): they are recomputed after that long even without writes.
import { preparedQuery } from "~/platform/db.server";

// Most entries are a page of a list (a few kB); a 300-comment thread is about 100 kB.
const MAX_ENTRIES = 1_000;
const DEFAULT_MAX_AGE_MS = 10 * 60_000;

type Entry = { value: unknown; computedAt: number };

// Every cache made by memoryCache; all are emptied together when the database changes.
const stores: Map<string, Entry>[] = [];
let version = "";
// Tests open a new database per file, and preparedQuery prepares per database.
const versionStatements = preparedQuery((db) => ({
  changes: db.$client.prepare("select total_changes()").pluck(),
  dataVersion: db.$client.prepare("pragma data_version").pluck(),
}));

function databaseVersion(): string {
  const { changes, dataVersion } = versionStatements();
  return `${dataVersion.get()}:${changes.get()}`;
}

type Cached = <T>(key: string, compute: () => T, options?: { maxAgeMs?: number }) => T;

/**
 * A cache of its own, holding at most `maxEntries`: entries of one kind (a session per member)
 * then never push out the lists everyone reads. Its entries are dropped on the same writes.
 */
export function memoryCache(maxEntries: number): Cached {
  const entries = new Map<string, Entry>();
  stores.push(entries);
  return <T>(key: string, compute: () => T, { maxAgeMs = DEFAULT_MAX_AGE_MS }: { maxAgeMs?: number } = {}): T => {
    const current = databaseVersion();
    if (current !== version) {
      for (const store of stores) store.clear();
      version = current;
    }
    const now = Date.now();
    const entry = entries.get(key);
    if (entry && now - entry.computedAt < maxAgeMs) return entry.value as T;
    const value = compute();
    entries.delete(key);
    entries.set(key, { value, computedAt: now });
    // Oldest first in insertion order: trim what was computed longest ago.
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    return value;
  };
}

/**
 * The value computed for `key` while nothing in the database has changed since (and at most
 * `maxAgeMs` ago), or a freshly computed one. Keys must name everything the value depends
 * on besides the database: the query, and the viewer's visibility class (visibilityKey).
 * Callers must not mutate what they get: it is shared with the next request.
 */
export const cached = memoryCache(MAX_ENTRIES);
