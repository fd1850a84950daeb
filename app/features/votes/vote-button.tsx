import { useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SuggestionStatus } from "#db/enums";
import { isVotingOpen } from "~/features/roles/permissions";
import { SharedFragment } from "~/platform/shared-fragments";

// Who is looking at a list and which of its suggestions they voted for (votes.server listVoting).
export type ListVoting = { loggedIn: boolean; voted: number[] };

type VoteReply = { vote: { ok: true; voted: boolean; voteCount: number } | { ok: false; reason: string; budget?: number } | null };

// True once React has taken over the page: from then on the fetcher votes without navigating.
function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

type VoteButtonProps = {
  suggestion: { id: number; title: string; status: SuggestionStatus; voteCount: number };
  voting: ListVoting;
};

// The vote button of a row in any list. It posts the suggestion page's own "vote" intent, so
// the budget by honor level, closed statuses and early-access boards are decided by the same
// code (castVote) as on the suggestion page. Without JavaScript the form carries the list's
// address and the action redirects back to it (same filters, same page, the row's anchor);
// with JavaScript the count moves at once and nothing navigates.
//
// The button reads the same for every member who did (or did not) vote for the suggestion, on
// the same list: its markup is shared (app/platform/shared-fragments.tsx), and only whether
// this member voted is theirs.
export function VoteButton({ suggestion, voting }: VoteButtonProps) {
  const location = useLocation();
  const here = location.pathname + location.search;
  const serverVoted = voting.voted.includes(suggestion.id);
  const shows = ["vote", suggestion.id, suggestion.title, suggestion.status, suggestion.voteCount, voting.loggedIn, serverVoted, here];
  return (
    <SharedFragment cacheKey={shows.join("\u0002")} attributes={{ className: "vote-slot" }}>
      <VoteControl suggestion={suggestion} loggedIn={voting.loggedIn} serverVoted={serverVoted} here={here} />
    </SharedFragment>
  );
}

function VoteControl({
  suggestion,
  loggedIn,
  serverVoted,
  here,
}: Pick<VoteButtonProps, "suggestion"> & { loggedIn: boolean; serverVoted: boolean; here: string }) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const fetcher = useFetcher<VoteReply>({ key: `vote-${suggestion.id}` });
  const settled = fetcher.data?.vote?.ok ? fetcher.data.vote : null;
  const pending = fetcher.formData?.get("voted");
  // The count the server last told us, moved by what is in flight.
  const baseVoted = settled ? settled.voted : serverVoted;
  const baseCount = settled ? settled.voteCount : suggestion.voteCount;
  const voted = pending ? pending === "true" : baseVoted;
  const count = pending ? baseCount + (voted === baseVoted ? 0 : voted ? 1 : -1) : baseCount;
  const refused = fetcher.data?.vote && !fetcher.data.vote.ok ? fetcher.data.vote : null;

  const tally = (
    <>
      <span className="count">{count}</span>
      <small aria-hidden="true">{t("suggestions.item.voteUnit", { count })}</small>
    </>
  );
  if (!isVotingOpen(suggestion.status)) {
    return (
      <div className="vote-pill closed" title={t("suggestions.view.votingClosed")} aria-label={t("suggestions.item.votes", { count })}>
        {tally}
      </div>
    );
  }
  if (!loggedIn) {
    return (
      <a
        className="vote-pill"
        href={`/login?redirectTo=${encodeURIComponent(here)}`}
        aria-label={`${t("suggestions.item.votes", { count })}. ${t("suggestions.view.logInToVote")}`}
      >
        {tally}
      </a>
    );
  }
  return (
    <fetcher.Form method="post" action={`/s/${suggestion.id}`} className="vote-form" preventScrollReset>
      <input type="hidden" name="intent" value="vote" />
      <input type="hidden" name="voted" value={String(!voted)} />
      {/* Only a plain form post comes back to the list; a fetcher call wants the data. */}
      {!hydrated && <input type="hidden" name="returnTo" value={`${here}#suggestion-${suggestion.id}`} />}
      <button
        type="submit"
        className={`vote-pill${voted ? " voted" : ""}`}
        aria-pressed={voted}
        aria-label={t(voted ? "suggestions.item.votedFor" : "suggestions.item.voteFor", { title: suggestion.title, count })}
      >
        <span aria-hidden="true" className="vote-arrow">
          ▲
        </span>
        {tally}
      </button>
      {refused && (
        <span className="field-error vote-refused" role="alert">
          {refused.reason === "over_budget"
            ? t("privileges.vote.overBudget", { count: refused.budget ?? 0 })
            : t("suggestions.view.votingClosed")}
        </span>
      )}
    </fetcher.Form>
  );
}
