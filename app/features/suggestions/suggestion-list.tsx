import { useTranslation } from "react-i18next";
import type { SuggestionStatus } from "#db/enums";
import { Avatar } from "~/components/avatar";
import { RelativeTime, relativeTimeText } from "~/components/relative-time";
import { StatusBadge } from "~/components/status-badge";
import { VoteButton, type ListVoting } from "~/features/votes/vote-button";
import { useLocalized } from "~/i18n/use-localized";
import { SharedFragment } from "~/platform/shared-fragments";

export type SuggestionSummary = {
  id: number;
  title: string;
  status: SuggestionStatus;
  voteCount: number;
  commentCount: number;
  answered: boolean;
  createdAt: Date | string;
  boardSlug: string;
  boardNameEn: string;
  boardNameZh: string;
  authorUsername: string;
  authorName: string;
  tags: { slug: string; nameEn: string; nameZh: string }[];
};

// `voting` (votes.server listVoting) puts a vote button on each row; without it the rows show
// the count only.
export function SuggestionList({
  items,
  showBoard = true,
  voting,
}: {
  items: SuggestionSummary[];
  showBoard?: boolean;
  voting?: ListVoting;
}) {
  const { i18n } = useTranslation();
  return (
    <ul className="suggestion-list">
      {items.map((s) => (
        <li key={s.id} id={`suggestion-${s.id}`} className="suggestion-item">
          {voting ? <VoteButton suggestion={s} voting={voting} /> : <VotePill count={s.voteCount} />}
          <SharedFragment cacheKey={rowKey(s, showBoard, i18n.language)} attributes={{ className: "suggestion-body" }}>
            <SuggestionRow suggestion={s} showBoard={showBoard} />
          </SharedFragment>
        </li>
      ))}
    </ul>
  );
}

// Everything a row shows, for its shared markup. Its relative time moves with the clock, so
// the row's markup is reused only while that text stays the same.
function rowKey(s: SuggestionSummary, showBoard: boolean, language: string) {
  const tags = s.tags.map((tag) => `${tag.slug}\u0001${tag.nameEn}\u0001${tag.nameZh}`).join("\u0002");
  const board = showBoard ? `${s.boardNameEn}\u0001${s.boardNameZh}` : "";
  const created = new Date(s.createdAt).getTime();
  return [s.id, s.title, s.status, s.answered, s.authorUsername, s.authorName, s.boardSlug, board, created, relativeTimeText(s.createdAt, language), s.commentCount, tags].join(
    "\u0000",
  );
}

// A row of a list but its vote button: the same for every member reading in a language.
function SuggestionRow({ suggestion: s, showBoard }: { suggestion: SuggestionSummary; showBoard: boolean }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <>
      <h3>
        <a href={`/s/${s.id}`}>{s.title}</a>
      </h3>
      <div className="meta">
        <StatusBadge status={s.status} />
        {s.answered && <span className="badge-official">✓ {t("suggestions.item.answered")}</span>}
        <a className="author" href={`/u/${s.authorUsername}`}>
          <Avatar name={s.authorName} username={s.authorUsername} size={20} />
          {s.authorName}
        </a>
        {showBoard && <a href={`/b/${s.boardSlug}`}>{localized(s.boardNameEn, s.boardNameZh)}</a>}
        <RelativeTime date={s.createdAt} />
        <span>{t("suggestions.item.comments", { count: s.commentCount })}</span>
        {s.tags.map((tag) => (
          <a key={tag.slug} className="tag" href={`/b/${s.boardSlug}?tag=${tag.slug}`}>
            {localized(tag.nameEn, tag.nameZh)}
          </a>
        ))}
      </div>
    </>
  );
}

// The vote count beside a suggestion in any list.
export function VotePill({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <div className="vote-pill" aria-label={t("suggestions.item.votes", { count })}>
      {count}
      <small aria-hidden="true">{t("suggestions.item.voteUnit", { count })}</small>
    </div>
  );
}
