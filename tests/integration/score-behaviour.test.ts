// The score responds to real change the way a product lead expects: each row of issue #15's
// table is a variant of the stage-4 forum (scripts/score-variants.ts), seeded, edited,
// gathered and scored, with the direction and the minimum size the lead expects.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { renderSensitivityTable, seedScenarioFile, scoreVariant, SENSITIVITY_END, SENSITIVITY_START, VARIANTS, type VariantId } from "../../scripts/score-variants";

// The moment scripts/score-sensitivity.ts measures at, so the published table can be compared.
const NOW = new Date(Date.UTC(2026, 0, 15, 12));
let file: string;
let base: ReturnType<typeof scoreVariant>["report"];
const measured = new Map<VariantId, ReturnType<typeof scoreVariant>["report"]>();

function variant(id: VariantId) {
  if (!measured.has(id)) measured.set(id, scoreVariant(file, NOW, VARIANTS.find((v) => v.id === id)).report);
  return measured.get(id)!;
}
const delta = (id: VariantId) => variant(id).total - base.total;

beforeAll(async () => {
  file = await seedScenarioFile("stage4", NOW);
  base = scoreVariant(file, NOW).report;
}, 60_000);

describe("the stage-4 forum, varied as real forums vary", () => {
  it("first replies after 2–3 weeks cost at least 4 points, 2.5 more than replies after 25–30 h", () => {
    expect(delta("replies3Weeks")).toBeLessThanOrEqual(-4);
    expect(delta("replies3Weeks")).toBeLessThanOrEqual(delta("replies25To30Hours") - 2.5);
    expect(delta("replies25To30Hours")).toBeLessThan(0);
  });

  it("1–2★ ratings score at least 2 points below no ratings; no ratings score like 3★", () => {
    expect(variant("ratings1To2").total).toBeLessThanOrEqual(variant("noRatings").total - 2);
    expect(Math.abs(variant("ratings3").total - variant("noRatings").total)).toBeLessThan(0.5);
  });

  it("a survey at NPS −70 scores below no survey, and +50 above it", () => {
    expect(variant("npsMinus70").total).toBeLessThan(base.total);
    expect(variant("npsMinus70").loyalty).toBeLessThan(base.loyalty);
    expect(variant("npsPlus50").total).toBeGreaterThan(base.total);
  });

  it("complaints reopened and 30 more left open cost at least 2 points", () => {
    expect(delta("complaintsOpen")).toBeLessThanOrEqual(-2);
  });

  it("90 % of members gone for 60 days puts loyalty below 30", () => {
    expect(variant("gone90").loyalty).toBeLessThan(30);
  });

  it("nobody active in 30 days puts the total below 35, achievement and loyalty collapsing", () => {
    expect(variant("nobody30").total).toBeLessThan(35);
    expect(variant("nobody30").achievement).toBeLessThan(base.achievement - 40);
    expect(variant("nobody30").loyalty).toBeLessThan(20);
  });

  it("no badges and levels lower loyalty by honors and privileges only", () => {
    expect(variant("noHonors").loyalty).toBeLessThan(base.loyalty - 15);
    expect(variant("noHonors").achievement).toBe(base.achievement);
  });

  it("a community twice or five times the size in the same proportions scores about the same", () => {
    expect(Math.abs(delta("community2"))).toBeLessThan(2);
    expect(Math.abs(delta("community5"))).toBeLessThan(2);
  });

  it("a 5-member forum is flagged low confidence once, and shrinks toward the reference, not zero", () => {
    const small = variant("fiveMembers");
    expect(small.confidence.low).toBe(true);
    expect(small.notes).toHaveLength(1);
    expect(small.total).toBeGreaterThan(50);
    expect(base.confidence.low).toBe(false);
  });

  it("30 deleted accounts are counted nowhere", () => {
    const deleted = variant("deleted30");
    const members = (r: typeof base) => r.terms.find((t) => t.id === "usage")!.detail.members;
    expect(members(deleted)).toBe(members(base) - 30);
    expect(deleted.terms.find((t) => t.id === "privileges")!.detail.withPrivileges).toBeLessThanOrEqual(base.terms.find((t) => t.id === "privileges")!.detail.withPrivileges);
  });
});

describe("docs/scoring.md", () => {
  it("publishes the sensitivity table the formula produces (npm run score:sensitivity -- --write)", () => {
    for (const v of VARIANTS) variant(v.id);
    const docs = fs.readFileSync(path.join(__dirname, "../../docs/scoring.md"), "utf8");
    const published = docs.slice(docs.indexOf(SENSITIVITY_START) + SENSITIVITY_START.length, docs.indexOf(SENSITIVITY_END)).trim();
    expect(published).toBe(renderSensitivityTable(base, measured));
  });
});
