// PUT votes, DELETE takes the vote back: the same castVote the vote buttons call, so the
// daily budget and closed statuses hold, and repeating a request changes nothing.
import type { ActionFunctionArgs } from "@remix-run/node";
import { idParam, json, methodNotAllowed, problem, requireToken } from "~/features/api/http.server";
import { findVisibleSuggestion } from "~/features/suggestions/suggestions.server";
import { castVote } from "~/features/votes/votes.server";

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "PUT" && request.method !== "DELETE") throw methodNotAllowed(["PUT", "DELETE"]);
  const actor = requireToken(request, "write");
  const id = idParam(request, params.id, actor);
  // Nobody acts on what they may not see (early-access boards, hidden suggestions).
  if (!findVisibleSuggestion(id, actor.user)) throw problem(request, "not_found", { actor });
  const vote = await castVote({ suggestionId: id, userId: actor.user.id, voted: request.method === "PUT", voter: actor.user });
  if (vote.ok) return json({ voted: vote.voted, voteCount: vote.voteCount });
  if (vote.reason === "over_budget") throw problem(request, "over_budget", { actor, values: { count: vote.budget } });
  if (vote.reason === "voting_closed") throw problem(request, "voting_closed", { actor });
  throw problem(request, "not_found", { actor });
}

export function loader() {
  throw methodNotAllowed(["PUT", "DELETE"]);
}
