// `npm run honors:backfill`: evaluates every member of DATABASE_URL against every badge and
// level rule, granting what they earned and were not yet given (each new grant notified
// once). Idempotent: a second run grants nothing. Safe to run from cron, e.g. nightly, so
// levels also drop for members whose grace period ended while they were away.
import { backfillHonors } from "../app/features/honors/honors.server";

const started = performance.now();
const { members, granted } = backfillHonors();
console.log(`Sprout honors: evaluated ${members} members and granted ${granted} new badges in ${Math.round(performance.now() - started)} ms.`);
