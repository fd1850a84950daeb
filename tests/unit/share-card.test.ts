import { describe, expect, test } from "vitest";
import { renderShareCard } from "~/features/sharing/share-cards.server";
import { cardTitle, type ShareCardData } from "~/features/sharing/share-card";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// Width and height are the first two fields of the IHDR chunk, right after the signature.
function pngSize(png: Buffer) {
  expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const card = (overrides: Partial<ShareCardData> = {}): ShareCardData => ({
  forum: "Sprout",
  board: "Camera & Gallery",
  title: "Night mode for the front camera",
  status: "open",
  statusLabel: "Open",
  votesLabel: "12 votes",
  credit: "Suggested by Alex Chen",
  shippedIn: null,
  ...overrides,
});

// The first card of a process parses the fonts (seconds on a busy machine).
describe("the share card picture", { timeout: 60_000 }, () => {
  test("is a 1200×630 PNG with something drawn on it", async () => {
    const png = await renderShareCard(card());
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(png.length).toBeGreaterThan(10_000);
  });

  test("draws Chinese titles with real glyphs: different titles give different pictures", async () => {
    // Missing glyphs would all be drawn as the same empty box, making both cards identical.
    const chinese = { board: "相机与相册", statusLabel: "已上线", status: "shipped" as const, votesLabel: "128 票", credit: "张伟 提出" };
    const [first, second, again] = await Promise.all([
      renderShareCard(card({ ...chinese, title: "希望锁屏可以显示农历日期" })),
      renderShareCard(card({ ...chinese, title: "建议相册支持按人物分类整理" })),
      renderShareCard(card({ ...chinese, title: "希望锁屏可以显示农历日期" })),
    ]);
    expect(pngSize(first)).toEqual({ width: 1200, height: 630 });
    expect(first.equals(second)).toBe(false);
    expect(first.equals(again)).toBe(true);
  });
});

describe("cardTitle", () => {
  test("keeps titles that fit and cuts long ones at a character, with an ellipsis", () => {
    expect(cardTitle("  Short title ")).toBe("Short title");
    const long = "长".repeat(120);
    expect(cardTitle(long)).toBe(`${"长".repeat(89)}…`);
    expect([...cardTitle("😀".repeat(100))].length).toBe(90);
  });
});
