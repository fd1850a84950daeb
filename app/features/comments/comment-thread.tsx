// A thread of the discussion: a top-level comment and its replies, as the suggestion page
// shows them. For a reader who has nothing to change in it (not staff, none of its images
// theirs) a thread reads the same as for every other reader in a language, so its markup is a
// shared fragment (docs/decisions/012-shared-fragments.md): a 300-comment discussion was
// most of the suggestion page's render.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RelativeTime, relativeTimeText } from "~/components/relative-time";
import { isStaff } from "~/features/roles/permissions";
import { AttachedImages, type AttachedImage } from "~/features/uploads/attached-images";
import type { Role } from "#db/enums";
import { objectKey, SharedFragment } from "~/platform/shared-fragments";

// Comments come from the cached thread (getSuggestionPage): the same objects until anything in
// the forum changes, so their identity names their content.
export type ThreadComment = {
  id: number;
  parentId: number | null;
  html: string;
  isOfficial: boolean;
  isHelpful: boolean;
  createdAt: Date | string;
  authorUsername: string;
  authorName: string;
  authorRole: Role;
};

type Context = {
  suggestionId: number;
  images: Readonly<Record<number, AttachedImage[]>>;
  viewer: { loggedIn: boolean; id: number | null; staff: boolean };
};
type ThreadProps = Context & { comment: ThreadComment; childrenOf: ReadonlyMap<number, ThreadComment[]> };

// A page of the discussion (comment-pages.ts): official replies lead, as they are what most
// readers come to see. When every thread on it is shared, so is the page of threads: one
// stored piece of markup instead of forty; when that misses (a new comment, a relative time
// that moved), the threads that did not change are still stored one by one.
export function CommentThreads({ comments, ...context }: Context & { comments: readonly ThreadComment[] }) {
  const { i18n } = useTranslation();
  const { childrenOf, threads: all } = threadsOf(comments);
  const threads = all.map((thread) => ({ comment: thread[0], cacheKey: sharedBy(thread, context, i18n.language) }));
  const items = threads.map(({ comment, cacheKey }) => (
    <CommentThread key={comment.id} comment={comment} childrenOf={childrenOf} cacheKey={cacheKey} {...context} />
  ));
  const keys = threads.map((t) => t.cacheKey);
  if (keys.length === 0 || keys.some((key) => key === null)) return <ul className="comment-list">{items}</ul>;
  return (
    <SharedFragment as="ul" attributes={{ className: "comment-list" }} cacheKey={["comment-threads", ...keys].join("\u0002")}>
      <>{items}</>
    </SharedFragment>
  );
}

// The key of a thread's shared markup, or null when the reader has something to change in it:
// staff mark comments helpful, an image's uploader edits its alt text (both are forms). The
// key names everything the thread shows: each comment, by identity (any write, to a comment,
// its author or its images, makes the thread's comments new objects), its relative time's
// text, and whether the reader may reply.
function sharedBy(thread: ThreadComment[], { images, viewer }: Context, language: string): string | null {
  if (viewer.staff || thread.some((c) => (images[c.id] ?? []).some((image) => image.uploaderId === viewer.id))) return null;
  return ["comment-thread", viewer.loggedIn, ...thread.map((c) => `${objectKey(c)}\u0001${relativeTimeText(c.createdAt, language)}`)].join("\u0000");
}

function CommentThread({ cacheKey, ...props }: ThreadProps & { cacheKey: string | null }) {
  const attributes = { id: `comment-${props.comment.id}`, className: commentClass(props.comment) };
  if (cacheKey === null) {
    return (
      <li {...attributes}>
        <CommentContent {...props} />
      </li>
    );
  }
  return (
    <SharedFragment as="li" attributes={attributes} cacheKey={cacheKey}>
      <CommentContent {...props} />
    </SharedFragment>
  );
}

// On the server a page of the discussion is one array for as long as the cached discussion
// lasts (comment-pages.ts), so its threads are worked out once, not on every view.
type Threads = { childrenOf: ReadonlyMap<number, ThreadComment[]>; threads: ThreadComment[][] };
const knownThreads = new WeakMap<readonly ThreadComment[], Threads>();

function threadsOf(comments: readonly ThreadComment[]): Threads {
  const known = knownThreads.get(comments);
  if (known) return known;
  const childrenOf = new Map<number, ThreadComment[]>();
  for (const c of comments) {
    if (c.parentId === null) continue;
    const replies = childrenOf.get(c.parentId);
    if (replies) replies.push(c);
    else childrenOf.set(c.parentId, [c]);
  }
  const threads = comments
    .filter((c) => c.parentId === null)
    .sort((a, b) => Number(b.isOfficial) - Number(a.isOfficial))
    .map((comment) => threadOf(comment, childrenOf));
  const laidOut = { childrenOf, threads };
  knownThreads.set(comments, laidOut);
  return laidOut;
}

function threadOf(comment: ThreadComment, childrenOf: ReadonlyMap<number, ThreadComment[]>): ThreadComment[] {
  return [comment, ...(childrenOf.get(comment.id) ?? []).flatMap((reply) => threadOf(reply, childrenOf))];
}

const commentClass = (comment: ThreadComment) => `comment${comment.isOfficial ? " official" : ""}`;

function CommentContent({ comment, childrenOf, suggestionId, images, viewer }: ThreadProps) {
  const { t } = useTranslation();
  const replies = childrenOf.get(comment.id) ?? [];
  return (
    <>
      <div className="meta">
        <a href={`/u/${comment.authorUsername}`}>{comment.authorName}</a>
        {comment.isOfficial ? (
          <span className="badge-official">{t("suggestions.view.official")}</span>
        ) : (
          isStaff({ role: comment.authorRole }) && <span className="badge-staff">{t("suggestions.view.staffBadge")}</span>
        )}
        {comment.isHelpful && <span className="badge-helpful">{t("badges.helpful.label")}</span>}
        <RelativeTime date={comment.createdAt} />
        {viewer.loggedIn && <a href={`/s/${suggestionId}?replyTo=${comment.id}#comment-form`}>{t("suggestions.view.reply")}</a>}
        {viewer.staff && !comment.isOfficial && <HelpfulForm suggestionId={suggestionId} comment={comment} />}
      </div>
      <div className="markdown" dangerouslySetInnerHTML={{ __html: comment.html }} />
      <AttachedImages images={images[comment.id] ?? []} suggestionId={suggestionId} editorId={viewer.id} staff={viewer.staff} />
      {replies.length > 0 && (
        <ul className="replies">
          {replies.map((reply) => (
            <li key={reply.id} id={`comment-${reply.id}`} className={commentClass(reply)}>
              <CommentContent comment={reply} childrenOf={childrenOf} suggestionId={suggestionId} images={images} viewer={viewer} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

// Staff mark a member's comment helpful, or take it back.
function HelpfulForm({ suggestionId, comment }: { suggestionId: number; comment: ThreadComment }) {
  const { t } = useTranslation();
  return (
    <Form method="post" action={`/s/${suggestionId}`} className="inline-form">
      <input type="hidden" name="intent" value="helpful" />
      <input type="hidden" name="commentId" value={comment.id} />
      <input type="hidden" name="helpful" value={String(!comment.isHelpful)} />
      <button type="submit" className="link">
        {comment.isHelpful ? t("badges.helpful.unmark") : t("badges.helpful.mark")}
      </button>
    </Form>
  );
}
