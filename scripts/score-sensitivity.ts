// `npm run score:sensitivity`: seeds the stage-4 forum, applies every variant of
// scripts/score-variants.ts and prints the sensitivity table (points per realistic change).
// `-- --write` puts it into docs/scoring.md between its markers, so the published table is
// always what the formula does; tests/integration/score-behaviour.test.ts fails when it is not.
import fs from "node:fs";
import path from "node:path";
import { renderSensitivityTable, scoreVariant, seedScenarioFile, SENSITIVITY_END, SENSITIVITY_START, VARIANTS, type VariantId } from "./score-variants";

// A fixed moment, so the table does not change with the day it is generated.
export const SENSITIVITY_NOW = new Date(Date.UTC(2026, 0, 15, 12));

async function main() {
  const file = await seedScenarioFile("stage4", SENSITIVITY_NOW);
  const base = scoreVariant(file, SENSITIVITY_NOW).report;
  const measured = new Map(VARIANTS.map((v) => [v.id, scoreVariant(file, SENSITIVITY_NOW, v).report] as [VariantId, typeof base]));
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  const table = renderSensitivityTable(base, measured);
  if (!process.argv.includes("--write")) {
    console.log(table);
    return;
  }
  const docs = path.join(import.meta.dirname, "..", "docs", "scoring.md");
  const text = fs.readFileSync(docs, "utf8");
  const start = text.indexOf(SENSITIVITY_START);
  const end = text.indexOf(SENSITIVITY_END);
  if (start < 0 || end < start) throw new Error(`docs/scoring.md has no ${SENSITIVITY_START} … ${SENSITIVITY_END} block`);
  fs.writeFileSync(docs, `${text.slice(0, start + SENSITIVITY_START.length)}\n${table}\n${text.slice(end)}`);
  console.log(`Wrote the sensitivity table (${measured.size} changes) to docs/scoring.md.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
