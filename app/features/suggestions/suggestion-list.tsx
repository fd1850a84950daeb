import { useTranslation } from "react-i18next";
import type { SuggestionStatus } from "#db/enums";
import { Avatar } from "~/components/avatar";
import { RelativeTime } from "~/components/relative-time";
import { StatusBadge } from "~/components/status-badge";
import { VoteButton, type ListVoting } from "~/features/votes/vote-button";
import { useLocalized } from "~/i18n/use-localized";

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
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <ul className="suggestion-list">
      {items.map((s) => (
        <li key={s.id} id={`suggestion-${s.id}`} className="suggestion-item">
          {voting ? <VoteButton suggestion={s} voting={voting} /> : <VotePill count={s.voteCount} />}
          <div className="suggestion-body">
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
          </div>
        </li>
      ))}
    </ul>
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
