import { sql } from "drizzle-orm";
import { getDb } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { checkDisk } from "~/platform/disk-health.server";

// Liveness, a real database round trip and a disk that still takes writes, for load
// balancers and the smoke test.
export function loader() {
  const headers = { "Cache-Control": "no-store" };
  try {
    getDb().get(sql`select 1`);
  } catch (error) {
    return Response.json({ status: "error", database: String(error) }, { status: 503, headers });
  }
  const disk = checkDisk(env().DATABASE_URL);
  if (!disk.ok) return Response.json({ status: "error", database: "ok", disk: disk.problem, detail: disk.detail }, { status: 503, headers });
  return Response.json({ status: "ok", database: "ok", disk: "ok" }, { headers });
}
