import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Trans } from "~/components/trans";
import { z } from "zod";
import type { SuggestionStatus } from "#db/enums";
import { forbidden, getOptionalUser, requireUser, safeRedirect } from "~/features/accounts/auth.server";
import { commentPage, commentPath } from "~/features/comments/comment-pages";
import { addComment, markCommentHelpful } from "~/features/comments/comments.server";
import { AttachedImages } from "~/features/uploads/attached-images";
import { CommentThreads } from "~/features/comments/comment-thread";
import { CoAuthors } from "~/features/lifecycle/co-authors";
import { steadyValidation } from "~/components/field";
import { ImagePicker } from "~/features/uploads/image-picker";
import { MarkdownField } from "~/components/markdown-field";
import { discardAttachments, recordAttachments, setAltText, storeAttachments } from "~/features/uploads/attachments.server";
import { IMAGE_LIMITS } from "~/features/uploads/image-rules";
import { altTextSchema } from "~/features/uploads/upload-forms";
import { filesOf, readFormWithFiles, UnreadableForm } from "~/platform/multipart.server";
import { HiddenNotice, MemberTools, replyFor as privilegeReply, TagEditor } from "~/routes/s.$id/member-tools";
import { ExperienceReport } from "~/features/ratings/rating-form";
import { Pagination } from "~/components/pagination";
import { RelativeTime } from "~/components/relative-time";
import { ShareSection } from "~/features/sharing/share-kit";
import { ResponseTimes } from "~/features/lifecycle/response-times-view";
import { RevertForm, StaffControls, type StaffForm } from "~/features/staff/staff-controls";
import { StatusBadge } from "~/components/status-badge";
import { revertSchema } from "~/features/staff/forms";
import { mergePicker } from "~/features/staff/merge-picker.server";
import { ratingSchema } from "~/features/ratings/forms";
import { helpfulSchema } from "~/features/honors/forms";
import { mergeSchema, statusChangeSchema, undoMergeSchema } from "~/features/lifecycle/forms";
import { commentSchema } from "~/features/suggestions/forms";
import { titleMeta } from "~/i18n/meta";
import { SharedFragment } from "~/platform/shared-fragments";
import { useLocalized } from "~/i18n/use-localized";
import { allowedTransitions, canRevert, errorField } from "~/features/lifecycle/lifecycle";
import { changeStatus, listMerges, mergeSuggestion, revertStatusChange, undoMerge } from "~/features/lifecycle/lifecycle.server";
import { resolveLanguage } from "~/platform/locale.server";
import { parseId } from "~/platform/route-params";
import { canEditSuggestion, canPostOfficialReply, isStaff, isVotingOpen } from "~/features/roles/permissions";
import { experienceReport, rateSuggestion } from "~/features/ratings/ratings.server";
import { creditsOf } from "~/features/lifecycle/releases.server";
import { socialMetaTags } from "~/features/sharing/share-links";
import { suggestionSharing } from "~/features/sharing/sharing.server";
import { privilegeAction, privilegesView } from "~/routes/s.$id/privileges.server";
import { findVisibleSuggestion, getSuggestionPage } from "~/features/suggestions/suggestions.server";
import { castVote } from "~/features/votes/votes.server";
import { FollowButton } from "~/components/follow-button";
import { MentionSuggestions } from "~/features/comments/mention-suggestions";
import { isFollowing, setFollowing } from "~/features/notifications/follows.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  const user = getOptionalUser(request);
  const page = getSuggestionPage(id, user);
  if (!page) throw new Response("Not found", { status: 404 });
  const search = new URL(request.url).searchParams;
  const replyTo = page.comments.find((c) => c.id === Number(search.get("replyTo"))) ?? null;
  // A page of the discussion: the one asked for, else the one holding the linked comment.
  const thread = commentPage(page.comments, {
    page: Number(search.get("page")) || undefined,
    focus: Number(search.get("comment")) || replyTo?.id,
  });
  const { images, ...shown } = page;
  const credits = creditsOf(id);
  // The Markdown source serves the share kit's description; the page shows its HTML.
  const { body: _source, ...suggestion } = page.suggestion;
  return {
    ...shown,
    suggestion,
    images: { suggestion: images.suggestion, byComment: Object.fromEntries(thread.comments.map((c) => [c.id, images.byComment.get(c.id) ?? []])) },
    comments: thread.comments,
    commentPages: { page: thread.page, pages: thread.pages },
    replyTo: replyTo && { id: replyTo.id, authorName: replyTo.authorName },
    experience: page.suggestion.status === "shipped" ? experienceReport(id, user?.id ?? null) : null,
    coAuthors: credits.filter((c) => c.role === "co_author"),
    staff: isStaff(user)
      ? {
          allowed: allowedTransitions(page.suggestion.status),
          merges: listMerges(id),
          picker: mergePicker(page.suggestion, search, user),
          revertableId: revertableChange(page.history, page.suggestion.status),
        }
      : null,
    privileges: privilegesView(user, page.suggestion),
    following: user ? isFollowing(id, user.id) : false,
    share: await suggestionSharing({ ...page.suggestion, credits }, user, resolveLanguage(request, user)),
    viewer: {
      loggedIn: !!user,
      id: user?.id ?? null,
      staff: isStaff(user),
      canEdit: canEditSuggestion(user, page.suggestion),
      canReplyOfficially: canPostOfficialReply(user),
    },
  };
}

// The history is oldest first: only its last entry may be taken back.
function revertableChange(history: { id: number; fromStatus: SuggestionStatus; toStatus: SuggestionStatus; revertsId: number | null }[], status: SuggestionStatus) {
  const last = history.at(-1);
  return last && canRevert(last, { status, latestChangeId: last.id }) ? last.id : null;
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  ...titleMeta(matches, (t) => data?.suggestion.title ?? t("common.errors.notFoundTitle")),
  ...(data ? socialMetaTags(data.share.meta) : []),
];

const staffReply = (form: StaffForm, reply: SubmissionResult<string[]>) =>
  data({ vote: null, result: undefined, staff: { form, reply } }, { status: 400 });

// `returnTo` comes from a list's vote button posted without JavaScript: back to that list.
const voteSchema = z.object({
  voted: z.enum(["true", "false"]).transform((v) => v === "true"),
  returnTo: z.string().max(2048).optional(),
});

const followSchema = z.object({ following: z.enum(["true", "false"]).transform((v) => v === "true") });

export async function action({ params, request }: ActionFunctionArgs) {
  const id = parseId(params.id);
  const user = requireUser(request);
  // Nobody acts on what they may not see (early-access boards, hidden suggestions).
  const target = findVisibleSuggestion(id, user);
  if (!target) throw new Response("Not found", { status: 404 });
  // The comment form may carry images (multipart); every other form here is url-encoded.
  let formData: FormData;
  try {
    formData = await readFormWithFiles(request, { maxFileBytes: IMAGE_LIMITS.maxBytes });
  } catch (error) {
    if (!(error instanceof UnreadableForm)) throw error;
    return data({ vote: null, result: null }, { status: 400 });
  }
  const intent = formData.get("intent");
  const privileged = privilegeAction(intent, formData, user, target);
  if (privileged) return privileged;

  if (intent === "vote") {
    const parsed = voteSchema.safeParse({ voted: formData.get("voted"), returnTo: formData.get("returnTo") ?? undefined });
    if (!parsed.success) return data({ vote: null, result: null }, { status: 400 });
    const vote = await castVote({ suggestionId: id, userId: user.id, voted: parsed.data.voted, voter: user });
    if (!vote.ok && vote.reason === "not_found") throw new Response("Not found", { status: 404 });
    // A refusal (budget, closed, unconfirmed email) is explained on this suggestion's page, next to its vote box.
    if (vote.ok && parsed.data.returnTo) return redirect(safeRedirect(parsed.data.returnTo));
    return data({ vote, result: null }, { status: vote.ok ? 200 : vote.reason === "over_budget" ? 429 : vote.reason === "unverified" ? 403 : 409 });
  }

  if (intent === "follow") {
    const parsed = followSchema.safeParse({ following: formData.get("following") });
    if (!parsed.success) return data({ vote: null, result: null }, { status: 400 });
    const follow = setFollowing({ suggestionId: id, userId: user.id, following: parsed.data.following });
    return data({ vote: null, result: null, follow });
  }

  if (intent === "comment") {
    const submission = parseWithZod(formData, { schema: commentSchema });
    if (submission.status !== "success") return data({ vote: null, result: submission.reply() }, { status: 400 });
    const { body, parentId, official } = submission.value;
    if (official && !canPostOfficialReply(user)) throw new Response("Forbidden", { status: 403 });
    const images = await storeAttachments(filesOf(formData, "images"));
    if (!images.ok) return data({ vote: null, result: submission.reply({ fieldErrors: { images: [`uploads.refused.${images.reason}`] } }) }, { status: 400 });
    let added: ReturnType<typeof addComment>;
    try {
      added = addComment({
        suggestionId: id,
        authorId: user.id,
        body,
        parentId,
        official,
        whileCreating: (tx, commentId) => recordAttachments(tx, { suggestionId: id, commentId, uploaderId: user.id }, images.stored),
      });
    } catch (error) {
      await discardAttachments(images.stored);
      throw error;
    }
    if (!added.ok) await discardAttachments(images.stored);
    if (!added.ok && added.reason === "not_found") throw new Response("Not found", { status: 404 });
    if (!added.ok) return data({ vote: null, result: submission.reply({ formErrors: ["forms.invalid"] }) }, { status: 400 });
    return redirect(commentPath(id, added.id));
  }

  // The uploader (or staff) describes an image for people who cannot see it.
  if (intent === "alt") {
    const parsed = altTextSchema.safeParse({ attachmentId: formData.get("attachmentId"), alt: formData.get("alt") ?? undefined });
    if (!parsed.success) return data({ vote: null, result: null }, { status: 400 });
    const saved = setAltText(parsed.data.attachmentId, user, parsed.data.alt ?? "");
    if (!saved.ok && saved.reason === "forbidden") throw forbidden();
    if (!saved.ok || saved.suggestionId !== id) throw new Response("Not found", { status: 404 });
    return redirect(`/s/${id}`);
  }

  // The rating form reads `rating`; `result` (the comment form's) is left undefined.
  if (intent === "rate") {
    const submission = parseWithZod(formData, { schema: ratingSchema });
    if (submission.status !== "success") return data({ vote: null, result: undefined, rating: submission.reply() }, { status: 400 });
    const rated = rateSuggestion({ suggestionId: id, userId: user.id, ...submission.value });
    if (!rated.ok && rated.reason === "not_found") throw new Response("Not found", { status: 404 });
    if (!rated.ok && rated.reason === "not_involved") throw forbidden();
    if (!rated.ok) {
      const error = rated.reason === "not_shipped" ? "ratings.errors.notShipped" : "ratings.errors.score";
      return data({ vote: null, result: undefined, rating: submission.reply({ formErrors: [error] }) }, { status: 400 });
    }
    return redirect(`/s/${id}#rating`);
  }

  // Staff intents: refused for everyone else on the server, whatever the page showed.
  if ((intent === "status" || intent === "merge" || intent === "undo-merge" || intent === "revert" || intent === "helpful") && !isStaff(user)) throw forbidden();

  if (intent === "helpful") {
    const submission = parseWithZod(formData, { schema: helpfulSchema });
    if (submission.status !== "success") return data({ vote: null, result: null }, { status: 400 });
    const marked = markCommentHelpful({ suggestionId: id, ...submission.value });
    if (!marked.ok) throw new Response("Not found", { status: 404 });
    return redirect(commentPath(id, submission.value.commentId));
  }

  if (intent === "status") {
    const submission = parseWithZod(formData, { schema: statusChangeSchema });
    if (submission.status !== "success") return staffReply("status", submission.reply());
    const changed = changeStatus({ suggestionId: id, actorId: user.id, ...submission.value });
    if (changed.ok) return redirect(`/s/${id}#history-heading`);
    if (changed.reason !== "invalid") throw new Response("Not found", { status: 404 });
    return staffReply("status", submission.reply({ fieldErrors: { [errorField(changed.error)]: [changed.error] } }));
  }

  if (intent === "merge") {
    const submission = parseWithZod(formData, { schema: mergeSchema });
    if (submission.status !== "success") return staffReply("merge", submission.reply());
    const merged = mergeSuggestion({ sourceId: id, actorId: user.id, ...submission.value });
    if (merged.ok) return redirect(`/s/${id}`);
    if (merged.reason === "source_not_found") throw new Response("Not found", { status: 404 });
    const [field, error] =
      merged.reason === "target_not_found" ? ["targetId", "lifecycle.errors.targetNotFound"] : [errorField(merged.error), merged.error];
    return staffReply("merge", submission.reply({ fieldErrors: { [field]: [error] } }));
  }

  if (intent === "revert") {
    const submission = parseWithZod(formData, { schema: revertSchema });
    if (submission.status !== "success") return staffReply("revert", submission.reply());
    const reverted = revertStatusChange({ suggestionId: id, actorId: user.id, ...submission.value });
    if (reverted.ok) return redirect(`/s/${id}#history-heading`);
    const error = reverted.reason === "not_found" ? "lifecycle.errors.revertNotLatest" : reverted.error;
    return staffReply("revert", submission.reply({ fieldErrors: { [error === "lifecycle.errors.noteRequired" || error === "lifecycle.errors.noteTooLong" ? "note" : "statusChangeId"]: [error] } }));
  }

  if (intent === "undo-merge") {
    const submission = parseWithZod(formData, { schema: undoMergeSchema });
    if (submission.status !== "success") return staffReply("undo-merge", submission.reply());
    const undone = undoMerge({ mergeId: submission.value.mergeId, actorId: user.id });
    if (!undone.ok) return staffReply("undo-merge", submission.reply({ formErrors: ["lifecycle.errors.mergeGone"] }));
    return redirect(`/s/${id}`);
  }

  return data({ vote: null, result: null }, { status: 400 });
}

export default function SuggestionPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { suggestion, board, author, tags, history, revisions, duplicateOf, viewer, images } = page;
  const { t } = useTranslation();
  const localized = useLocalized();
  const privilegeResult = actionData && "privilege" in actionData ? actionData.privilege : null;
  return (
    <article>
      <HiddenNotice suggestionId={suggestion.id} view={page.privileges} result={actionData && "privilege" in actionData ? actionData.privilege : null} />
      <div className="suggestion-head">
        <VoteBox />
        <div>
          <h1>{suggestion.title}</h1>
          <div className="meta">
            <StatusBadge status={suggestion.status} />
            <span>
              <Trans
                i18nKey="suggestions.view.postedBy"
                values={{ name: author.displayName, board: localized(board.nameEn, board.nameZh) }}
                components={[<a key="author" href={`/u/${author.username}`} />, <a key="board" href={`/b/${board.slug}`} />]}
              />
            </span>
            <CoAuthors people={page.coAuthors} />
            <RelativeTime date={suggestion.createdAt} />
            <ResponseTimes suggestion={suggestion} />
            {suggestion.updatedAt && <span>({t("suggestions.view.edited")})</span>}
            {viewer.canEdit && <a href={`/s/${suggestion.id}/edit`}>{t("suggestions.view.edit")}</a>}
            {!viewer.canEdit && page.privileges.canEditTitle && <a href={`/s/${suggestion.id}/edit`}>{t("privileges.editTitle")}</a>}
            {viewer.loggedIn && <FollowButton suggestionId={suggestion.id} following={page.following} />}
          </div>
          {tags.length > 0 && (
            <p className="meta">
              <span>{t("suggestions.view.tags")}:</span>
              {tags.map((tag) => (
                <a key={tag.slug} className="tag" href={`/b/${board.slug}?tag=${tag.slug}`}>
                  {localized(tag.nameEn, tag.nameZh)}
                </a>
              ))}
            </p>
          )}
        </div>
      </div>
      {page.staff && (
        // At the top, where staff look first: the page below is long once a thread grows.
        <StaffControls
          suggestionId={suggestion.id}
          status={suggestion.status}
          {...page.staff}
          tags={
            page.privileges.canTag && (
              <TagEditor
                action={`/s/${suggestion.id}`}
                allTags={page.privileges.allTags}
                current={tags}
                lastResult={privilegeReply(privilegeResult, "tags")}
              />
            )
          }
          result={actionData && "staff" in actionData ? actionData.staff : null}
        />
      )}
      {duplicateOf && (
        <p className="card">
          {t("suggestions.view.duplicateOf")} <a href={`/s/${duplicateOf.id}`}>{duplicateOf.title}</a>
        </p>
      )}
      {(suggestion.status === "declined" || suggestion.status === "duplicate") && (
        <p className="meta">
          <a href={`/complaints/new?suggestion=${suggestion.id}&subject=decision`}>{t("complaints.aboutDecision")}</a>
        </p>
      )}
      <div className="markdown card" dangerouslySetInnerHTML={{ __html: suggestion.html }} />
      <AttachedImages images={images.suggestion} suggestionId={suggestion.id} editorId={viewer.id} staff={viewer.staff} />
      {page.experience && (
        <ExperienceReport
          suggestionId={suggestion.id}
          report={page.experience}
          loggedIn={viewer.loggedIn}
          lastResult={actionData && "rating" in actionData ? actionData.rating : null}
        />
      )}

      <MemberTools
        suggestionId={suggestion.id}
        currentTags={tags}
        // Staff tag from their panel at the top.
        view={page.staff ? { ...page.privileges, canTag: false } : page.privileges}
        result={privilegeResult}
      />

      <ShareSection kit={page.share.kit} />

      <Comments />

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("suggestions.view.history")}</h2>
        {history.length === 0 ? (
          <p>{t("suggestions.view.noHistory")}</p>
        ) : (
          <ol className="timeline">
            {history.map((h) => (
              <li key={h.id} className={h.revertsId ? "correction" : undefined}>
                <div>
                  {h.revertsId && <strong>{t("suggestions.view.correction")} </strong>}
                  {t("suggestions.view.statusChange", {
                    name: h.actorName,
                    from: t(`common.status.${h.fromStatus}`),
                    to: t(`common.status.${h.toStatus}`),
                  })}{" "}
                  · <RelativeTime date={h.createdAt} />
                </div>
                {h.note && <p>{h.note}</p>}
                {page.staff?.revertableId === h.id && (
                  <RevertForm
                    suggestionId={suggestion.id}
                    change={h}
                    lastResult={actionData && "staff" in actionData && actionData.staff.form === "revert" ? actionData.staff.reply : undefined}
                  />
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      {revisions.length > 0 && (
        <section aria-labelledby="revisions-heading">
          <h2 id="revisions-heading">{t("suggestions.view.revisions")}</h2>
          {revisions.map((r) => (
            <details key={r.id} className="card">
              <summary>
                {t("suggestions.view.revisionBy", { name: r.editorName })} · <RelativeTime date={r.createdAt} />
              </summary>
              <h3>{r.title}</h3>
              <pre style={{ whiteSpace: "pre-wrap" }}>{r.body}</pre>
            </details>
          ))}
        </section>
      )}
    </article>
  );
}

// With JavaScript the count changes the moment the button is pressed; without, the same
// form posts and the page comes back with the new count.
function VoteBox() {
  const { suggestion, viewerVoted, viewer, privileges } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  // Without JavaScript the refusal comes back as the page's action data.
  const refused = (fetcher.data ?? actionData)?.vote;
  const pending = fetcher.formData?.get("voted");
  const voted = pending ? pending === "true" : viewerVoted;
  const count = pending ? suggestion.voteCount + (voted === viewerVoted ? 0 : voted ? 1 : -1) : suggestion.voteCount;
  const open = isVotingOpen(suggestion.status);
  return (
    <div className="vote-box card">
      <span className="count" aria-live="polite" data-testid="vote-count">
        {count}
      </span>
      <span>{t("suggestions.item.voteUnit", { count })}</span>
      {!open ? (
        <small>{t("suggestions.view.votingClosed")}</small>
      ) : viewer.loggedIn ? (
        <fetcher.Form method="post">
          <input type="hidden" name="intent" value="vote" />
          <input type="hidden" name="voted" value={String(!voted)} />
          <button type="submit" aria-pressed={voted}>
            {voted ? t("suggestions.view.voted") : t("suggestions.view.vote")}
          </button>
          {refused && !refused.ok && refused.reason === "over_budget" ? (
            <p className="field-error" role="alert">
              {t("privileges.vote.overBudget", { count: refused.budget })}
            </p>
          ) : refused && !refused.ok && refused.reason === "unverified" ? (
            <p className="field-error" role="alert">
              <a href="/account">{t("privileges.vote.unverified")}</a>
            </p>
          ) : (
            privileges.votesLeft !== null && <small>{t("privileges.vote.left", { count: privileges.votesLeft })}</small>
          )}
        </fetcher.Form>
      ) : (
        <a href={`/login?redirectTo=/s/${suggestion.id}`}>{t("suggestions.view.logInToVote")}</a>
      )}
    </div>
  );
}

function Comments() {
  const { comments, commentPages, suggestion, images, viewer } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t("suggestions.view.comments")}</h2>
      {comments.length === 0 ? (
        <p className="empty">{t("suggestions.view.noComments")}</p>
      ) : (
        <CommentThreads comments={comments} suggestionId={suggestion.id} images={images.byComment} viewer={viewer} />
      )}
      <Pagination page={commentPages.page} pages={commentPages.pages} drop={["comment", "replyTo"]} anchor="comments-heading" />
      <CommentForm />
    </section>
  );
}

// The form reads the same for every member who may post here (and reply to the same comment),
// until one of them posts it with a mistake: until then its markup is shared
// (app/platform/shared-fragments.tsx).
function CommentForm() {
  const { suggestion, viewer, replyTo: parent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  if (!viewer.loggedIn) {
    return (
      <p>
        <a href={`/login?redirectTo=/s/${suggestion.id}`}>{t("suggestions.view.logInToComment")}</a>
      </p>
    );
  }
  const shows = ["comment-form", suggestion.id, viewer.canReplyOfficially, parent?.id, parent?.authorName].join("\u0002");
  return (
    <SharedFragment cacheKey={actionData?.result ? null : shows}>
      <CommentFields />
    </SharedFragment>
  );
}

function CommentFields() {
  const { suggestion, viewer, replyTo: parent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "comment-form",
    lastResult: actionData?.result,
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: commentSchema }),
  });
  const formRef = useRef<HTMLFormElement>(null);
  // A posted comment leaves an empty box (and "official" unticked), so a second click cannot
  // post it again. Success is the redirect: it comes back without action data.
  const navigation = useNavigation();
  const posting = navigation.state !== "idle" && navigation.formData?.get("intent") === "comment";
  const wasPosting = useRef(false);
  useEffect(() => {
    if (wasPosting.current && !posting && !actionData?.result) formRef.current?.reset();
    wasPosting.current = posting;
  }, [posting, actionData]);
  // "Reply" leads here: the box takes the focus, so the reply can be typed at once.
  const replyToId = parent?.id;
  useEffect(() => {
    if (replyToId) document.getElementById(fields.body.id)?.focus();
  }, [replyToId, fields.body.id]);
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} ref={formRef} className="card" action={`/s/${suggestion.id}`}>
      <h3>{t("suggestions.view.addComment")}</h3>
      <input type="hidden" name="intent" value="comment" />
      {parent && (
        <p className="meta">
          <input type="hidden" name="parentId" value={parent.id} />
          {t("suggestions.view.replyingTo", { name: parent.authorName })} ·{" "}
          <a href={`/s/${suggestion.id}#comment-form`}>{t("suggestions.view.cancel")}</a>
        </p>
      )}
      <MarkdownField field={fields.body} label={t("suggestions.view.commentLabel")} rows={5} />
      <MentionSuggestions textareaId={fields.body.id} />
      <ImagePicker errors={(form.allErrors.images as string[] | undefined) ?? undefined} />
      {viewer.canReplyOfficially && (
        <p className="field">
          <label className="checkbox">
            <input type="checkbox" name="official" /> {t("suggestions.view.markOfficial")}
          </label>
        </p>
      )}
      <button type="submit" className="primary">
        {t("suggestions.view.postComment")}
      </button>
    </Form>
  );
}
