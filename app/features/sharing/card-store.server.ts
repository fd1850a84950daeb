// Share cards rendered once and kept on disk next to the database (data/share-cards/), keyed
// by everything drawn on them, so a card is drawn again only when what it shows changes and
// survives restarts; each suggestion keeps only its few most recent pictures.
import fs from "node:fs";
import path from "node:path";
import { env } from "~/platform/env.server";

// Two languages, and an author seeing their own hidden suggestion: a few variants at once.
const KEEP_PER_SUGGESTION = 4;

function storeDir(): string {
  return path.join(path.dirname(path.resolve(env().DATABASE_URL)), "share-cards");
}

const fileFor = (suggestionId: number, hash: string) => path.join(storeDir(), `${suggestionId}-${hash}.png`);

export function readStoredCard(suggestionId: number, hash: string): Buffer | null {
  try {
    return fs.readFileSync(fileFor(suggestionId, hash));
  } catch {
    return null;
  }
}

// Written to a temporary name and renamed, so a reader never sees half a picture. A disk
// that refuses the write only costs a later render.
export function storeCard(suggestionId: number, hash: string, png: Buffer) {
  try {
    fs.mkdirSync(storeDir(), { recursive: true });
    const file = fileFor(suggestionId, hash);
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, png);
    fs.renameSync(temporary, file);
    const older = fs
      .readdirSync(storeDir())
      .filter((name) => name.startsWith(`${suggestionId}-`) && name.endsWith(".png"))
      .map((name) => ({ name, mtime: fs.statSync(path.join(storeDir(), name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime)
      .slice(KEEP_PER_SUGGESTION);
    for (const { name } of older) fs.rmSync(path.join(storeDir(), name), { force: true });
  } catch {
    // Not stored: the next request renders it again.
  }
}
