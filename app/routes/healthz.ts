import { sql } from "drizzle-orm";
import { getDb } from "~/db.server";

// Liveness and a real database round trip, for load balancers and the smoke test.
export function loader() {
  try {
    getDb().get(sql`select 1`);
    return Response.json({ status: "ok", database: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return Response.json({ status: "error", database: String(error) }, { status: 503 });
  }
}
