// Votes received that count toward honors, per author and suggestion, by the rules of
// app/features/honors/rules/anti-gaming.ts. Reading every vote an author received as an
// object and applying the rules in JavaScript took about 90 ms for the most voted author of
// the large data set (31,000 votes), after every vote for them. Here the database applies the
// per-vote rules (the voter is not the author, not staff, not a young account when voting)
// and counts; the serial-voter rule needs each vote's time, and can only exclude a vote of a
// voter with more than SERIAL_VOTE_LIMIT votes for the author, so only those voters' votes
// are read, and countedVotes decides them. tests/integration/received-votes.test.ts checks
// the result against countedVotes on every vote.
import type { Db } from "#db/client";
import { preparedQuery } from "~/platform/db.server";
import { countedVotes, SERIAL_VOTE_LIMIT, YOUNG_ACCOUNT_MS, type ReceivedVote } from "~/features/honors/rules/anti-gaming";
import { STAFF_ROLES } from "~/features/roles/permissions";

export type CountedVotes = { authorId: number; suggestionId: number; counted: number };

type Row = { authorId: number; suggestionId: number; n: number } & (
  | { voterId: null; voterRole: null; voterJoinedAt: null; createdAt: null }
  | { voterId: number; voterRole: ReceivedVote["voterRole"]; voterJoinedAt: number; createdAt: number }
);

// Both forms run after votes or on the honor wall: compiled once per database.
const statements = preparedQuery(({ $client: sqlite }) => {
  const query = (where: string) =>
    sqlite.prepare<Record<string, number | string>, Row>(`
      with eligible as materialized (
        select s.author_id as authorId, v.suggestion_id as suggestionId, v.user_id as voterId,
               u.role as voterRole, u.created_at as voterJoinedAt, v.created_at as createdAt
        from suggestions s join votes v on v.suggestion_id = s.id join users u on u.id = v.user_id
        where ${where} and v.user_id <> s.author_id
          and u.role not in (select value from json_each(@staffRoles))
          and v.created_at - u.created_at >= @youngAccountMs),
      repeat as (select authorId, voterId from eligible group by authorId, voterId having count(*) > @serialLimit)
      select authorId, suggestionId, count(*) as n, null as voterId, null as voterRole, null as voterJoinedAt, null as createdAt
      from eligible e where not exists (select 1 from repeat r where r.authorId = e.authorId and r.voterId = e.voterId)
      group by authorId, suggestionId
      union all
      select e.authorId, e.suggestionId, 1, e.voterId, e.voterRole, e.voterJoinedAt, e.createdAt
      from eligible e join repeat r on r.authorId = e.authorId and r.voterId = e.voterId`);
  return { byAuthor: query("s.author_id = @authorId"), since: query("v.created_at >= @since") };
});

const RULES = { staffRoles: JSON.stringify(STAFF_ROLES), youngAccountMs: YOUNG_ACCOUNT_MS, serialLimit: SERIAL_VOTE_LIMIT };

// One author's votes, or every author's votes cast since a time (the serial rule then sees
// only those).
export function countedVotesReceived(db: Db, votes: { authorId: number } | { since: Date }): CountedVotes[] {
  const rows =
    "authorId" in votes
      ? statements(db).byAuthor.all({ ...RULES, authorId: votes.authorId })
      : statements(db).since.all({ ...RULES, since: votes.since.getTime() });

  const counts = new Map<string, CountedVotes>();
  const add = (authorId: number, suggestionId: number, n: number) => {
    const key = `${authorId}:${suggestionId}`;
    const entry = counts.get(key);
    if (entry) entry.counted += n;
    else counts.set(key, { authorId, suggestionId, counted: n });
  };
  const repeated = new Map<number, ReceivedVote[]>();
  for (const row of rows) {
    if (row.voterId === null) add(row.authorId, row.suggestionId, row.n);
    else {
      const vote = {
        suggestionId: row.suggestionId,
        voterId: row.voterId,
        voterRole: row.voterRole,
        voterJoinedAt: new Date(row.voterJoinedAt),
        createdAt: new Date(row.createdAt),
      };
      const list = repeated.get(row.authorId);
      if (list) list.push(vote);
      else repeated.set(row.authorId, [vote]);
    }
  }
  for (const [authorId, list] of repeated) {
    for (const vote of countedVotes(authorId, list).counted) add(authorId, vote.suggestionId, 1);
  }
  return [...counts.values()];
}
