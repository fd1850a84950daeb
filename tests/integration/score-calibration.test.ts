// Calibration to the source: each of the four stage scenarios, built into its own database and
// measured by the real signal gathering, scores about 30, 75, 80 and 90 (within 3 points), and
// each stage adds only what the source says it adds.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { migrateDatabase, openDatabase } from "../../db/client";
import type { Scenario } from "../../scripts/seed/scenarios";

const NOW = new Date(Date.UTC(2026, 0, 15, 12));
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "sprout-stages-"));
const originalDatabase = process.env.DATABASE_URL;

afterAll(() => {
  process.env.DATABASE_URL = originalDatabase;
  vi.resetModules();
  fs.rmSync(tmpDir, { recursive: true, force: true });
});

// The app opens DATABASE_URL once per module graph: a fresh graph per scenario database.
async function scoreScenario(scenario: Scenario) {
  const file = path.join(tmpDir, `${scenario}.db`);
  const db = openDatabase(file);
  migrateDatabase(db);
  process.env.DATABASE_URL = file;
  vi.resetModules();
  const { seedScenario } = await import("../../scripts/seed/scenarios");
  await seedScenario(db, scenario, { now: NOW });
  db.$client.close();
  const { gatherSignals } = await import("~/features/scoring/gather.server");
  const { sproutScore } = await import("~/features/scoring");
  const signals = gatherSignals({ kind: "community" }, NOW);
  return { signals, report: sproutScore(signals) };
}

describe("the four stages, seeded and gathered", () => {
  const totals = new Map<Scenario, number>();

  it.each([
    ["stage1", 30],
    ["stage2", 75],
    ["stage3", 80],
    ["stage4", 90],
  ] as const)("%s scores %i ± 3", async (scenario, expected) => {
    const { signals, report } = await scoreScenario(scenario);
    totals.set(scenario, report.total);
    expect(Math.abs(report.total - expected), `${scenario}: ${report.total}`).toBeLessThanOrEqual(3);
    // What makes each stage what it is, as the gatherer saw it.
    const stage = Number(scenario.slice(-1));
    expect(signals.activity.activeMembers).toBeGreaterThanOrEqual(80);
    expect(signals.adoption.adopted > 0).toBe(stage >= 2);
    expect(signals.responses.withinTarget > 0).toBe(stage >= 3);
    expect(signals.honors.activeHolders > 0).toBe(stage >= 4);
    expect(signals.honors.activePrivileged > 0).toBe(stage >= 4);
    // Stage 4 adds the return of the older members who hold honors; no stage has invitations
    // or a survey, so delight beyond 90 is left to forums that earn it.
    expect(signals.retention.back90 > 20).toBe(stage >= 4);
    expect(signals.invitations.joined).toBe(0);
    expect(signals.survey.answers).toBe(0);
    expect(report.confidence.low).toBe(false);
  }, 60_000);

  it("rises with every stage", () => {
    const ordered = ["stage1", "stage2", "stage3", "stage4"].map((s) => totals.get(s as Scenario));
    expect(ordered.every((t) => t !== undefined)).toBe(true);
    expect([...ordered].sort((a, b) => a! - b!)).toEqual(ordered);
  });
});
