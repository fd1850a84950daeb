// Variants of the stage-4 forum, as a real forum varies: each is a few SQL edits on a copy of
// `--scenario stage4`, then gathered and scored like any forum. The behavioural tests
// (tests/integration/score-behaviour.test.ts) require a direction and a size of each, and
// `npm run score:sensitivity` prints them as docs/scoring.md's sensitivity table.
// Two rows scale the gathered signals instead (a community twice or a twenty-fifth its size
// with the same proportions): copying a forum's rows would only re-test the same counts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase, type Db } from "../db/client";
import { seedScenario, type Scenario } from "./seed/scenarios";
import { gatherSignals } from "../app/features/scoring/gather.server";
import { sproutScore, type ScoreSignals } from "../app/features/scoring/index";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type VariantId =
  | "replies3Weeks"
  | "replies25To30Hours"
  | "ratings1To2"
  | "ratings3"
  | "noRatings"
  | "npsMinus70"
  | "npsPlus50"
  | "complaintsOpen"
  | "gone90"
  | "nobody30"
  | "noHonors"
  | "community2"
  | "community5"
  | "fiveMembers"
  | "deleted30";

export type Variant = {
  id: VariantId;
  /** The change, in a lead's words (the sensitivity table's first column). */
  label: string;
  edit?: (db: Db, now: number) => void;
  scale?: number;
};

const run = (db: Db, sql: string, params: Record<string, unknown> = {}) => db.$client.prepare(sql).run(params);
const members = (db: Db) => db.$client.prepare("select id from users where role = 'member' order by id").pluck().all() as number[];

// Members of the forum go quiet: their visits and contributions of the last `days` days are
// removed (their posts of that time moved before it, so the forum keeps its suggestions).
function goQuiet(db: Db, now: number, days: number, who: string) {
  const since = now - days * DAY;
  const firstDay = new Date(since).toISOString().slice(0, 10);
  run(db, `delete from activity_days where day >= @firstDay and user_id in (${who})`, { firstDay });
  for (const [table, column] of [["votes", "user_id"], ["ratings", "user_id"]] as const) {
    run(db, `delete from ${table} where created_at > @since and ${column} in (${who})`, { since });
  }
  run(db, `delete from comments where created_at > @since and is_official = 0 and author_id in (${who})`, { since });
  run(db, `update suggestions set created_at = created_at - @shift where created_at > @since and author_id in (${who})`, { since, shift: days * DAY });
}

export const VARIANTS: readonly Variant[] = [
  {
    id: "replies3Weeks",
    label: "staff's first replies after 2–3 weeks instead of hours",
    edit: (db) => run(db, `update suggestions set first_official_reply_at = created_at + (14 + id % 8) * ${DAY} where first_official_reply_at is not null`),
  },
  {
    id: "replies25To30Hours",
    label: "every first reply after 25–30 h (target 24 h)",
    edit: (db) => run(db, `update suggestions set first_official_reply_at = created_at + (25 + id % 6) * ${HOUR} where first_official_reply_at is not null`),
  },
  { id: "ratings1To2", label: "all shipped features rated 1–2★", edit: (db) => run(db, "update ratings set score = 1 + rowid % 2") },
  { id: "ratings3", label: "all shipped features rated 3★", edit: (db) => run(db, "update ratings set score = 3") },
  { id: "noRatings", label: "no ratings of shipped features", edit: (db) => run(db, "delete from ratings") },
  {
    id: "npsMinus70",
    label: "recommendation survey at NPS −70 (100 answers)",
    edit: (db, now) => {
      members(db).slice(0, 100).forEach((userId, i) => {
        const score = i < 10 ? 10 : i < 20 ? 7 : 3;
        run(db, "insert into recommendation_answers (user_id, score, comment, created_at) values (@userId, @score, '', @at)", { userId, score, at: now - 5 * DAY });
      });
    },
  },
  {
    id: "npsPlus50",
    label: "recommendation survey at NPS +50 (100 answers)",
    edit: (db, now) => {
      members(db).slice(0, 100).forEach((userId, i) => {
        const score = i < 60 ? 10 : i < 90 ? 8 : 3;
        run(db, "insert into recommendation_answers (user_id, score, comment, created_at) values (@userId, @score, '', @at)", { userId, score, at: now - 5 * DAY });
      });
    },
  },
  {
    id: "complaintsOpen",
    label: "complaints reopened, 30 more left open",
    edit: (db, now) => {
      run(db, "update complaints set status = 'open', resolved_at = null, resolved_by_id = null, resolution_rating = null, rated_at = null");
      members(db).slice(10, 40).forEach((userId, i) => {
        run(
          db,
          `insert into complaints (user_id, subject, title, body, status, created_at) values (@userId, 'product', 'It keeps crashing', 'Since the update.', 'open', @at)`,
          { userId, at: now - (2 + i) * DAY },
        );
      });
    },
  },
  {
    id: "gone90",
    label: "90 % of members gone for 60 days",
    edit: (db, now) => goQuiet(db, now, 60, "select id from users where role = 'member' and id % 10 != 0"),
  },
  { id: "nobody30", label: "nobody active in 30 days", edit: (db, now) => goQuiet(db, now, 30, "select id from users where role = 'member'") },
  {
    id: "noHonors",
    label: "no badges and levels",
    edit: (db) => {
      run(db, "delete from badge_grants");
      run(db, "update users set honor_level = 0, honor_level_manual = null, honor_level_since = null");
    },
  },
  { id: "community2", label: "community ×2, same proportions", scale: 2 },
  { id: "community5", label: "community ×5, same proportions", scale: 5 },
  { id: "fiveMembers", label: "a 5-member forum with stage-4 proportions", scale: 5 / 127 },
  {
    id: "deleted30",
    label: "30 members delete their accounts",
    edit: (db, now) => {
      const ids = members(db).slice(0, 30);
      run(db, `update users set deleted_at = @at, honor_level = 0, honor_level_manual = null, honor_level_since = null where id in (${ids.join(",")})`, { at: now - DAY });
    },
  },
];

/** Every count of the signals multiplied by `factor` (rounded), keeping the proportions. */
export function scaleSignals(signals: ScoreSignals, factor: number): ScoreSignals {
  const scale = (value: unknown): unknown => {
    if (typeof value === "number") return Math.round(value * factor);
    if (Array.isArray(value)) return value.map(scale);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "targetHours" || k === "medianHours" || k === "medianResolutionHours" ? v : scale(v)]));
    return value;
  };
  const scaled = scale(signals) as ScoreSignals;
  return { ...scaled, scope: signals.scope };
}

/** Seeds a scenario once into a temporary file; returns the file (copy it per variant). */
export async function seedScenarioFile(scenario: Scenario, now: Date, dir = fs.mkdtempSync(path.join(os.tmpdir(), "sprout-score-"))): Promise<string> {
  const file = path.join(dir, `${scenario}.db`);
  const db = openDatabase(file);
  migrateDatabase(db);
  await seedScenario(db, scenario, { now });
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  return file;
}

/** Scores a copy of `file` with the variant applied (none: the file as seeded). */
export function scoreVariant(file: string, now: Date, variant?: Variant) {
  const copy = `${file}.${variant?.id ?? "base"}.${process.pid}.db`;
  fs.copyFileSync(file, copy);
  const db = openDatabase(copy);
  try {
    if (variant?.edit) variant.edit(db, now.getTime());
    let signals = gatherSignals({ kind: "community" }, now, db);
    if (variant?.scale) signals = scaleSignals(signals, variant.scale);
    return { signals, report: sproutScore(signals) };
  } finally {
    db.$client.close();
    for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(f, { force: true });
  }
}

type Scored = ReturnType<typeof scoreVariant>["report"];

const fmt = (x: number) => x.toFixed(1);
const signed = (x: number) => `${x > 0 ? "+" : x < 0 ? "−" : "±"}${Math.abs(x).toFixed(1)}`;

/** The sensitivity table of docs/scoring.md: every variant's total and dimensions against stage 4. */
export function renderSensitivityTable(base: Scored, measured: ReadonlyMap<VariantId, Scored>): string {
  const rows = [
    "| change to the stage-4 forum | total | Δ total | satisfaction | achievement | loyalty | confidence |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    `| none (stage 4 as seeded) | ${fmt(base.total)} | | ${fmt(base.satisfaction)} | ${fmt(base.achievement)} | ${fmt(base.loyalty)} | ${base.confidence.low ? "low" : "ok"} |`,
  ];
  for (const variant of VARIANTS) {
    const r = measured.get(variant.id);
    if (!r) continue;
    rows.push(
      `| ${variant.label} | ${fmt(r.total)} | ${signed(r.total - base.total)} | ${fmt(r.satisfaction)} | ${fmt(r.achievement)} | ${fmt(r.loyalty)} | ${r.confidence.low ? "low" : "ok"} |`,
    );
  }
  return rows.join("\n");
}

export const SENSITIVITY_START = "<!-- sensitivity:start (npm run score:sensitivity -- --write) -->";
export const SENSITIVITY_END = "<!-- sensitivity:end -->";
