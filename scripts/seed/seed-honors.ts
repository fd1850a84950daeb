// The demo community's honors: days active, then the same back-fill `npm run honors:backfill`
// runs, so badges and levels come from the demo data by the app's own rules. Run by the
// seed once its rows exist.
import { inArray, sql } from "drizzle-orm";
import { backfillHonors } from "../../app/features/honors/honors.server";
import { addDays, activityDay } from "../../app/features/honors/rules/activity";
import type { Db } from "../../db/client";
import { activityDays, users } from "../../db/schema";

// Regulars who came by every day up to today, so the streak badges and the recent activity
// the top levels ask for are there to see (the demo fan too, for a first look at a streak).
const REGULARS: { username: string; days: number }[] = [
  { username: "zhangwei", days: 120 },
  { username: "mia_k", days: 40 },
  { username: "jonas_photo", days: 14 },
  { username: "fan", days: 9 },
  { username: "alex_chen", days: 8 },
];

// zhangwei's bio says it: a long-standing member of the beta group. An admin placed them in
// the honorary development group (level 4) by hand, which the demo data alone would not earn.
const HONORARY_DEVELOPERS = ["zhangwei"];

export function seedHonors(db: Db, now: Date) {
  // Every day a member did something visible was a day they were active.
  db.run(sql`
    insert or ignore into activity_days (user_id, day)
    select user_id, date(created_at / 1000, 'unixepoch') from votes
    union select author_id, date(created_at / 1000, 'unixepoch') from suggestions
    union select author_id, date(created_at / 1000, 'unixepoch') from comments
    union select user_id, date(created_at / 1000, 'unixepoch') from ratings
    union select user_id, date(created_at / 1000, 'unixepoch') from complaints`);

  const today = activityDay(now);
  const regulars = db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, REGULARS.map((r) => r.username)))
    .all();
  for (const { id, username } of regulars) {
    const { days } = REGULARS.find((r) => r.username === username)!;
    const rows = Array.from({ length: days }, (_, i) => ({ userId: id, day: addDays(today, -i) }));
    db.insert(activityDays).values(rows).onConflictDoNothing().run();
  }

  db.update(users).set({ honorLevelManual: 4 }).where(inArray(users.username, HONORARY_DEVELOPERS)).run();
  // Demo grants are history, not news: nobody's inbox fills with them.
  return backfillHonors({ db, now, notify: false });
}
