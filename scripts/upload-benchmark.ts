// How long storing one uploaded photo takes (decode, re-encode at most 2048 px as WebP,
// thumbnail, write): a JPEG of noise close to 5 MB, the worst case the limit allows.
// Usage: node --import tsx scripts/upload-benchmark.ts [runs]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { noisePhoto } from "../tests/images";

const runs = Number(process.argv[2] ?? 5);
process.env.UPLOADS_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "sprout-upload-bench-"));
const { storeAttachmentImage } = await import("~/features/uploads/images.server");

let photo = await noisePhoto(2600, 1950);
// Quality up until the file is just under 5 MB.
for (const quality of [95, 97, 98]) {
  const bigger = await noisePhoto(2600, 1950, quality);
  if (bigger.length <= 5 * 1024 * 1024) photo = bigger;
}
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const result = await storeAttachmentImage(photo);
  times.push(performance.now() - started);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
}
times.sort((a, b) => a - b);
console.log(
  `${(photo.length / 1024 / 1024).toFixed(2)} MB 2600x1950 JPEG, ${runs} runs: median ${times[Math.floor(runs / 2)].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms`,
);
fs.rmSync(process.env.UPLOADS_DIR, { recursive: true, force: true });
