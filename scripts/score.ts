// `npm run score`: recomputes the word-of-mouth score of DATABASE_URL for the current week
// (the community, every board, every member), stores the snapshots and prints the
// community's score with its breakdown. `--json` prints it as JSON instead. A progress bar on
// stderr shows how far a long recomputation is, when stderr is a terminal.
import { recomputeScores, scoreHistory, type RecomputeProgress } from "../app/features/scoring/snapshots.server";
import { translator } from "../app/i18n/i18n";

const json = process.argv.includes("--json");
const started = performance.now();

function drawProgress({ phase, done, total }: RecomputeProgress) {
  if (!process.stderr.isTTY || performance.now() - started < 500) return;
  const width = 30;
  const filled = total === 0 ? width : Math.round((width * done) / total);
  process.stderr.write(`\r${phase.padEnd(9)} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
  if (done === total) process.stderr.write("\n");
}

const { week, snapshots } = recomputeScores(new Date(), { onProgress: drawProgress });
const elapsedMs = Math.round(performance.now() - started);
const community = scoreHistory({ scope: "community" }, 1).at(-1)!;
const { report } = community;

if (json) {
  const { total, satisfaction, achievement, loyalty, terms, notes, confidence, bestAction } = report;
  const lowConfidence = confidence.low;
  console.log(JSON.stringify({ week, total, lowConfidence, satisfaction, achievement, loyalty, confidence, terms, notes, bestAction, snapshots, elapsedMs }, null, 2));
} else {
  const t = translator("en");
  const pad = (text: string, n: number) => text.padEnd(n);
  const num = (x: number) => x.toFixed(1).padStart(6);
  console.log(`Sprout word-of-mouth score, week of ${week}\n`);
  console.log(`${pad("Total", 34)}${num(report.total)} / 100${report.confidence.low ? `  (${t("leads.lowConfidence")})` : ""}`);
  for (const d of ["satisfaction", "achievement", "loyalty"] as const) console.log(`${pad(`  ${t(`scoring.dimensions.${d}`)}`, 34)}${num(report[d])} / 100`);
  console.log(`\n${pad("Term", 34)}${"points".padStart(6)}  ${"of".padStart(4)}  missing`);
  for (const term of [...report.terms].sort((a, b) => b.points - a.points)) {
    console.log(`${pad(t(`scoring.terms.${term.id}.name`), 34)}${num(term.points)}  ${String(term.maxPoints).padStart(4)}  ${num(term.missing)}${term.enoughData ? "" : "  (little data)"}`);
  }
  for (const note of report.notes) console.log(`\n${t(`scoring.${note.key}`, note.values)}`);
  if (report.bestAction) {
    console.log(`\nBest next step: ${t(`scoring.${report.bestAction.action.key}`, report.bestAction.action.values)} (+${report.bestAction.gain})`);
  }
  console.log(`\nStored ${snapshots} snapshots in ${elapsedMs} ms.`);
}
