import { useTranslation } from "react-i18next";
import type { SuggestionStatus } from "#db/enums";
import { RelativeTime } from "~/components/relative-time";
import { StatusBadge } from "~/components/status-badge";
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

export function SuggestionList({ items, showBoard = true }: { items: SuggestionSummary[]; showBoard?: boolean }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <ul className="suggestion-list">
      {items.map((s) => (
        <li key={s.id} className="suggestion-item">
          <VotePill count={s.voteCount} />
          <div>
            <h3>
              <a href={`/s/${s.id}`}>{s.title}</a>
            </h3>
            <div className="meta">
              <StatusBadge status={s.status} />
              {s.answered && <span className="badge-official">{t("suggestions.item.answered")}</span>}
              {showBoard && <a href={`/b/${s.boardSlug}`}>{localized(s.boardNameEn, s.boardNameZh)}</a>}
              <span>{t("suggestions.item.by", { name: s.authorName })}</span>
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
