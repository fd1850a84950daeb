// `npm run db:seed`: fills DATABASE_URL (migrated first) with the demo community, but only
// when it has no users; `--size small|large` makes the benchmark's forum instead and
// `--scenario stage1…stage4` one of the score's calibration stages. The seed modules
// themselves only export functions, so nothing imports this file and nothing forms a cycle.
import { count } from "drizzle-orm";
import { env } from "../../app/platform/env.server";
import { migrateDatabase, openDatabase } from "../../db/client";
import { users } from "../../db/schema";
import { describeSeed, seedDemoDataIfEmpty } from "./seed";

async function main() {
  const file = env().DATABASE_URL;
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    const started = performance.now();
    // `--size small|large`: a forum at scale for the benchmark (seed-large.ts).
    const size = process.argv[process.argv.indexOf("--size") + 1];
    if (process.argv.includes("--size")) {
      const { SEED_SIZES, seedLarge, describeLargeSeed } = await import("./seed-large");
      if (!SEED_SIZES.includes(size as never)) throw new Error(`--size must be one of ${SEED_SIZES.join(", ")}`);
      const { n } = db.select({ n: count() }).from(users).get()!;
      if (n > 0) throw new Error(`${file} already has users; the ${size} data set only goes into an empty database.`);
      const large = await seedLarge(db, { size: size as "small" | "large", progress: true });
      console.log(`Seeded ${file} in ${large.seconds} s: ${describeLargeSeed(large)}.`);
      return;
    }
    // `--scenario stage1…stage4`: the source's stages, for calibrating the score (scenarios.ts).
    if (process.argv.includes("--scenario")) {
      const scenario = process.argv[process.argv.indexOf("--scenario") + 1];
      const { SCENARIOS, seedScenario } = await import("./scenarios");
      if (!SCENARIOS.includes(scenario as never)) throw new Error(`--scenario must be one of ${SCENARIOS.join(", ")}`);
      const { n } = db.select({ n: count() }).from(users).get()!;
      if (n > 0) throw new Error(`${file} already has users; a scenario only goes into an empty database.`);
      await seedScenario(db, scenario as (typeof SCENARIOS)[number]);
      console.log(`Seeded ${file} with ${scenario} in ${Math.round(performance.now() - started)} ms.`);
      return;
    }
    const summary = await seedDemoDataIfEmpty(db);
    if (summary) {
      console.log(`Seeded ${file} in ${Math.round(performance.now() - started)} ms: ${describeSeed(summary)}.`);
    } else {
      console.log(`${file} already has users; demo data only goes into an empty database, so nothing changed.`);
    }
  } finally {
    db.$client.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
