// Trending reads a few hundred candidates instead of the whole board (app/features/suggestions/suggestions.server.ts):
// its pages must be exactly what counting every suggestion's recent votes gives.
import { expect, test } from "vitest";
import { getDb } from "~/platform/db.server";
import { listSuggestions } from "~/features/suggestions/suggestions.server";
import { createBoard, createMember } from "../factories";

const DAY = 24 * 60 * 60 * 1000;

test("trending pages equal the full count of last week's votes, with and without filters", async () => {
  const now = Date.now();
  const board = createBoard();
  const members = await Promise.all(Array.from({ length: 60 }, () => createMember()));
  const db = getDb().$client;
  // mulberry32, so a failure can be replayed.
  let state = 42;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const insertSuggestion = db.prepare("insert into suggestions (board_id, author_id, title, body, status, created_at) values (?, ?, ?, 'Body', ?, ?)");
  const insertVote = db.prepare("insert into votes (suggestion_id, user_id, created_at) values (?, ?, ?)");
  db.transaction(() => {
    for (let i = 0; i < 700; i++) {
      const createdAt = now - Math.floor(random() * 60 * DAY);
      const status = random() < 0.3 ? "planned" : "open";
      const id = Number(insertSuggestion.run(board.id, members[0].id, `Suggestion ${i}`, status, createdAt).lastInsertRowid);
      // Popularity is skewed, and old favourites get few votes lately.
      const voters = Math.floor(60 * random() ** 4);
      for (let k = 0; k < voters; k++) insertVote.run(id, members[k].id, createdAt + Math.floor(random() * (now - createdAt)));
    }
    db.prepare("update suggestions set vote_count = (select count(*) from votes where suggestion_id = suggestions.id) where board_id = ?").run(board.id);
  })();

  const expected = (status: string | null, page: number) =>
    db
      .prepare(
        `select id from suggestions s where board_id = ? and (? is null or status = ?)
         order by (select count(*) from votes v where v.suggestion_id = s.id and v.created_at > ?) desc, hot_score desc, id desc limit 20 offset ?`,
      )
      .pluck()
      .all(board.id, status, status, now - 7 * DAY, (page - 1) * 20);
  for (const status of [null, "planned"] as const) {
    for (const page of [1, 2, 5, 10]) {
      const { items } = listSuggestions({ boardId: board.id, sort: "trending", status: status ?? undefined, page, now });
      expect(items.map((s) => s.id)).toEqual(expected(status, page));
    }
  }
});
