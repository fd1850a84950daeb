import fs from "node:fs";
import { decode } from "turbo-stream";
const bytes = fs.readFileSync(process.argv[2]);
const stream = new ReadableStream({ start(c) { c.enqueue(bytes); c.close(); } });
const { value } = await decode(stream);
const sizes = (o: unknown, prefix: string, depth: number) => {
  if (!o || typeof o !== "object" || depth === 0) return;
  for (const [k, v] of Object.entries(o)) {
    const n = JSON.stringify(v ?? null)?.length ?? 0;
    if (n > 300) console.log(String(n).padStart(7), prefix + k);
    sizes(v, prefix + k + ".", depth - 1);
  }
};
sizes(value, "", 4);
const c = (value as any)["routes/s.$id"].data.comments;
console.log(JSON.stringify(c).slice(0, 2500));
