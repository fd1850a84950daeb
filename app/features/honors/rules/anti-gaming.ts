// Which votes count toward a member's honors. Pure: the honors engine loads the votes an
// author received and keeps the ones this module counts. The vote itself still stands
// (it still ranks the suggestion); it just earns its author nothing.
//
// A vote earns nothing when it comes from:
// - the author themself (self votes; the forum adds one to every new suggestion);
// - staff (staff, lead, admin): the team's interest is not the community's recognition;
// - an account younger than YOUNG_ACCOUNT_MS when it voted: fresh sock puppets;
// - a serial voter: a voter's votes for one author beyond SERIAL_VOTE_LIMIT within any
//   SERIAL_VOTE_WINDOW_MS (counting every vote they cast for that author in the window
//   ending at this one, so a steady stream of votes keeps being excluded).
import type { Role } from "#db/enums";
import { isStaff } from "~/features/roles/permissions";

export const YOUNG_ACCOUNT_MS = 24 * 60 * 60 * 1000;
export const SERIAL_VOTE_LIMIT = 5;
export const SERIAL_VOTE_WINDOW_MS = 60 * 60 * 1000;

export type ReceivedVote = {
  suggestionId: number;
  voterId: number;
  voterRole: Role;
  voterJoinedAt: Date;
  createdAt: Date;
};

export type VoteExclusion = "self" | "staff" | "young_account" | "serial";

export function voteExclusion(authorId: number, vote: ReceivedVote): Exclude<VoteExclusion, "serial"> | null {
  if (vote.voterId === authorId) return "self";
  if (isStaff({ role: vote.voterRole })) return "staff";
  if (vote.createdAt.getTime() - vote.voterJoinedAt.getTime() < YOUNG_ACCOUNT_MS) return "young_account";
  return null;
}

// Splits one author's received votes into those that count and those excluded, with why.
export function countedVotes(
  authorId: number,
  votes: readonly ReceivedVote[],
): { counted: ReceivedVote[]; excluded: { vote: ReceivedVote; reason: VoteExclusion }[] } {
  const counted: ReceivedVote[] = [];
  const excluded: { vote: ReceivedVote; reason: VoteExclusion }[] = [];
  const byVoter = new Map<number, ReceivedVote[]>();
  for (const vote of votes) {
    const reason = voteExclusion(authorId, vote);
    if (reason) excluded.push({ vote, reason });
    else {
      // Appended, not copied per vote: this runs over a popular author's 30,000 votes.
      const voterVotes = byVoter.get(vote.voterId);
      if (voterVotes) voterVotes.push(vote);
      else byVoter.set(vote.voterId, [vote]);
    }
  }
  for (const voterVotes of byVoter.values()) {
    // Lists of this call's own making: sorted in place.
    const inOrder = voterVotes.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.suggestionId - b.suggestionId);
    let windowStart = 0;
    inOrder.forEach((vote, i) => {
      while (vote.createdAt.getTime() - inOrder[windowStart].createdAt.getTime() >= SERIAL_VOTE_WINDOW_MS) windowStart++;
      // i - windowStart earlier votes by this voter for this author fall in the window.
      if (i - windowStart >= SERIAL_VOTE_LIMIT) excluded.push({ vote, reason: "serial" });
      else counted.push(vote);
    });
  }
  return { counted, excluded };
}
