// Whether the database's disk can still take writes. A read-only remount or a full disk lets
// every read succeed while every vote fails, so /healthz must notice it, not just `select 1`.
import fs from "node:fs";
import path from "node:path";

// SQLite needs room for its journal and for pages a write touches; below this, say so
// before writes start failing.
export const MIN_FREE_BYTES = 64 * 1024 * 1024;

export type DiskHealth = { ok: true; freeBytes: number } | { ok: false; problem: "read_only" | "full"; detail: string };

export function checkDisk(databaseFile: string): DiskHealth {
  const dir = path.dirname(path.resolve(databaseFile));
  // A real write (as root, access() says yes even where write() will not).
  const probe = path.join(dir, `.healthz-${process.pid}`);
  try {
    fs.writeFileSync(probe, "ok");
    fs.rmSync(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    return { ok: false, problem: code === "ENOSPC" || code === "EDQUOT" ? "full" : "read_only", detail: code || String(error) };
  }
  const stats = fs.statfsSync(dir);
  const freeBytes = stats.bavail * stats.bsize;
  if (freeBytes < MIN_FREE_BYTES) return { ok: false, problem: "full", detail: `${freeBytes} bytes free` };
  return { ok: true, freeBytes };
}
