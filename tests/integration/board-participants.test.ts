// A board's people (board_participants) are kept by the database's triggers as members post,
// vote, comment and rate; the score's board scope counts them as of its moment.
import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { boardParticipants, ratings } from "#db/schema";
import { addComment } from "~/features/comments/comments.server";
import { getDb } from "~/platform/db.server";
import { gatherSignals } from "~/features/scoring/gather.server";
import { setVote } from "~/features/votes/votes.server";
import { createBoard, createMember, createStaff, createSuggestion } from "../factories";

const DAY = 24 * 3_600_000;

function participantsOf(boardId: number) {
  return getDb()
    .select({ userId: boardParticipants.userId, since: boardParticipants.since })
    .from(boardParticipants)
    .where(eq(boardParticipants.boardId, boardId))
    .orderBy(boardParticipants.userId)
    .all()
    .map((p) => ({ userId: p.userId, since: p.since.getTime() }));
}

describe("board participants", () => {
  test("posting, voting, commenting and rating make a member a participant since their first act", async () => {
    const board = createBoard();
    const other = createBoard();
    const posted = new Date(Date.now() - 10 * DAY);
    const joined = () => createMember({ createdAt: new Date(posted.getTime() - 30 * DAY) });
    const [author, voter, commenter, rater] = await Promise.all([joined(), joined(), joined(), joined()]);
    const staff = await createStaff();
    const suggestion = await createSuggestion({ board, author, createdAt: posted });
    await createSuggestion({ board: other, author: voter });

    setVote({ suggestionId: suggestion.id, userId: voter.id, voted: true, now: new Date(posted.getTime() + 2 * DAY) });
    expect(addComment({ suggestionId: suggestion.id, authorId: commenter.id, body: "Yes please", now: new Date(posted.getTime() + 3 * DAY) }).ok).toBe(true);
    // An official reply is the team's work, not a member taking part.
    expect(addComment({ suggestionId: suggestion.id, authorId: staff.id, body: "On it", official: true }).ok).toBe(true);
    getDb()
      .insert(ratings)
      .values({ suggestionId: suggestion.id, userId: rater.id, score: 5, createdAt: new Date(posted.getTime() + 4 * DAY) })
      .run();
    // The author's later comment does not move their first day.
    addComment({ suggestionId: suggestion.id, authorId: author.id, body: "Thanks!", now: new Date(posted.getTime() + 5 * DAY) });

    expect(participantsOf(board.id)).toEqual(
      [
        { userId: author.id, since: posted.getTime() },
        { userId: voter.id, since: posted.getTime() + 2 * DAY },
        { userId: commenter.id, since: posted.getTime() + 3 * DAY },
        { userId: rater.id, since: posted.getTime() + 4 * DAY },
      ].sort((a, b) => a.userId - b.userId),
    );
    expect(participantsOf(other.id).map((p) => p.userId)).toEqual([voter.id]);

    // Taking part is history: a withdrawn vote does not undo it.
    setVote({ suggestionId: suggestion.id, userId: voter.id, voted: false });
    const kept = getDb()
      .select()
      .from(boardParticipants)
      .where(and(eq(boardParticipants.boardId, board.id), eq(boardParticipants.userId, voter.id)))
      .get();
    expect(kept).toBeDefined();

    // The board's score counts its people as they were at its moment.
    const members = (at: Date) => gatherSignals({ kind: "board", boardId: board.id }, at).activity.members;
    expect(members(new Date(posted.getTime() + DAY))).toBe(1);
    expect(members(new Date(posted.getTime() + 3.5 * DAY))).toBe(3);
    expect(members(new Date())).toBe(4);
  });
});
