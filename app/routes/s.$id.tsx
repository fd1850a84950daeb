import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Trans } from "~/components/trans";
import { z } from "zod";
import { forbidden, getOptionalUser, requireUser } from "~/auth.server";
import { commentPage, commentPath } from "~/comment-pages";
import { addComment, markCommentHelpful } from "~/comments.server";
import { CoAuthors } from "~/components/co-authors";
import { Field } from "~/components/field";
import { HiddenNotice, MemberTools } from "~/components/member-tools";
import { ExperienceReport } from "~/components/rating-form";
import { Pagination } from "~/components/pagination";
import { RelativeTime } from "~/components/relative-time";
import { ShareSection } from "~/components/share-kit";
import { ResponseTimes } from "~/components/response-times";
import { StaffControls, type StaffForm } from "~/components/staff-controls";
import { StatusBadge } from "~/components/status-badge";
import { ratingSchema } from "~/forms/rating";
import { helpfulSchema } from "~/forms/honors";
import { mergeSchema, statusChangeSchema, undoMergeSchema } from "~/forms/lifecycle";
import { commentSchema } from "~/forms/suggestion";
import { titleMeta } from "~/i18n/meta";
import { useLocalized } from "~/i18n/use-localized";
import { allowedTransitions, canMergeFrom, errorField } from "~/lifecycle";
import { changeStatus, listMerges, mergeSuggestion, undoMerge } from "~/lifecycle.server";
import { resolveLanguage } from "~/locale.server";
import { parseId } from "~/route-params";
import { canEditSuggestion, canPostOfficialReply, isStaff, isVotingOpen } from "~/permissions";
import { experienceReport, rateSuggestion } from "~/ratings.server";
import { creditsFor } from "~/releases.server";
import { socialMetaTags } from "~/share-links";
import { suggestionSharing } from "~/sharing.server";
import { privilegeAction, privilegesView } from "~/suggestion-privileges.server";
import { findVisibleSuggestion, getSuggestionPage } from "~/suggestions.server";
import { setVote } from "~/votes.server";

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
  return {
    ...page,
    comments: thread.comments,
    commentPages: { page: thread.page, pages: thread.pages },
    replyTo: replyTo && { id: replyTo.id, authorName: replyTo.authorName },
    experience: page.suggestion.status === "shipped" ? experienceReport(id, user?.id ?? null) : null,
    coAuthors: (creditsFor([id]).get(id) ?? []).filter((c) => c.role === "co_author"),
    staff: isStaff(user)
      ? {
          allowed: allowedTransitions(page.suggestion.status),
          canMerge: canMergeFrom(page.suggestion.status),
          merges: listMerges(id),
        }
      : null,
    privileges: privilegesView(user, page.suggestion),
    share: await suggestionSharing(page.suggestion, user, resolveLanguage(request, user)),
    viewer: {
      loggedIn: !!user,
      canEdit: canEditSuggestion(user, page.suggestion),
      canReplyOfficially: canPostOfficialReply(user),
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  ...titleMeta(matches, (t) => data?.suggestion.title ?? t("common.errors.notFoundTitle")),
  ...(data ? socialMetaTags(data.share.meta) : []),
];

const staffReply = (form: StaffForm, reply: SubmissionResult<string[]>) =>
  data({ vote: null, result: undefined, staff: { form, reply } }, { status: 400 });

const voteSchema = z.object({ voted: z.enum(["true", "false"]).transform((v) => v === "true") });

export async function action({ params, request }: ActionFunctionArgs) {
  const id = parseId(params.id);
  const user = requireUser(request);
  // Nobody acts on what they may not see (early-access boards, hidden suggestions).
  const target = findVisibleSuggestion(id, user);
  if (!target) throw new Response("Not found", { status: 404 });
  const formData = await request.formData();
  const intent = formData.get("intent");
  const privileged = privilegeAction(intent, formData, user, target);
  if (privileged) return privileged;

  if (intent === "vote") {
    const parsed = voteSchema.safeParse({ voted: formData.get("voted") });
    if (!parsed.success) return data({ vote: null, result: null }, { status: 400 });
    const vote = setVote({ suggestionId: id, userId: user.id, voted: parsed.data.voted, voter: user });
    if (!vote.ok && vote.reason === "not_found") throw new Response("Not found", { status: 404 });
    return data({ vote, result: null }, { status: vote.ok ? 200 : vote.reason === "over_budget" ? 429 : vote.reason === "unverified" ? 403 : 409 });
  }

  if (intent === "comment") {
    const submission = parseWithZod(formData, { schema: commentSchema });
    if (submission.status !== "success") return data({ vote: null, result: submission.reply() }, { status: 400 });
    const { body, parentId, official } = submission.value;
    if (official && !canPostOfficialReply(user)) throw new Response("Forbidden", { status: 403 });
    const added = addComment({ suggestionId: id, authorId: user.id, body, parentId, official });
    if (!added.ok && added.reason === "not_found") throw new Response("Not found", { status: 404 });
    if (!added.ok) return data({ vote: null, result: submission.reply({ formErrors: ["forms.invalid"] }) }, { status: 400 });
    return redirect(commentPath(id, added.id));
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
  if ((intent === "status" || intent === "merge" || intent === "undo-merge" || intent === "helpful") && !isStaff(user)) throw forbidden();

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

  if (intent === "undo-merge") {
    const submission = parseWithZod(formData, { schema: undoMergeSchema });
    if (submission.status !== "success") return staffReply("undo-merge", submission.reply());
    const undone = undoMerge({ mergeId: submission.value.mergeId, actorId: user.id });
    if (!undone.ok) return staffReply("undo-merge", submission.reply({ formErrors: ["lifecycle.errors.mergeGone"] }));
    return redirect(`/s/${id}`);
  }

  return data({ vote: null, result: null }, { status: 400 });
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;
type CommentView = PageData["comments"][number];

export default function SuggestionPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { suggestion, board, author, tags, history, revisions, duplicateOf, viewer } = page;
  const { t } = useTranslation();
  const localized = useLocalized();
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
        view={page.privileges}
        result={actionData && "privilege" in actionData ? actionData.privilege : null}
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
              <li key={h.id}>
                <div>
                  {t("suggestions.view.statusChange", {
                    name: h.actorName,
                    from: t(`common.status.${h.fromStatus}`),
                    to: t(`common.status.${h.toStatus}`),
                  })}{" "}
                  · <RelativeTime date={h.createdAt} />
                </div>
                {h.note && <p>{h.note}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>

      {page.staff && (
        <StaffControls
          suggestionId={suggestion.id}
          status={suggestion.status}
          {...page.staff}
          result={actionData && "staff" in actionData ? actionData.staff : null}
        />
      )}

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
  const { comments, commentPages } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const childrenOf = new Map<number, CommentView[]>();
  for (const c of comments) {
    if (c.parentId !== null) childrenOf.set(c.parentId, [...(childrenOf.get(c.parentId) ?? []), c]);
  }
  // Official replies lead: they are what most readers come to see.
  const topLevel = comments
    .filter((c) => c.parentId === null)
    .sort((a, b) => Number(b.isOfficial) - Number(a.isOfficial));
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t("suggestions.view.comments")}</h2>
      {topLevel.length === 0 ? (
        <p>{t("suggestions.view.noComments")}</p>
      ) : (
        <ul className="comment-list">
          {topLevel.map((c) => (
            <CommentItem key={c.id} comment={c} childrenOf={childrenOf} />
          ))}
        </ul>
      )}
      <Pagination page={commentPages.page} pages={commentPages.pages} drop={["comment", "replyTo"]} anchor="comments-heading" />
      <CommentForm />
    </section>
  );
}

function CommentItem({ comment, childrenOf }: { comment: CommentView; childrenOf: Map<number, CommentView[]> }) {
  const { suggestion, viewer, staff } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const replies = childrenOf.get(comment.id) ?? [];
  return (
    <li id={`comment-${comment.id}`} className={`comment${comment.isOfficial ? " official" : ""}`}>
      <div className="meta">
        <a href={`/u/${comment.authorUsername}`}>{comment.authorName}</a>
        {comment.isOfficial ? (
          <span className="badge-official">{t("suggestions.view.official")}</span>
        ) : (
          isStaff({ role: comment.authorRole }) && <span className="badge-staff">{t("suggestions.view.staffBadge")}</span>
        )}
        {comment.isHelpful && <span className="badge-helpful">{t("badges.helpful.label")}</span>}
        <RelativeTime date={comment.createdAt} />
        {viewer.loggedIn && (
          <a href={`/s/${suggestion.id}?replyTo=${comment.id}#comment-form`}>{t("suggestions.view.reply")}</a>
        )}
        {staff && !comment.isOfficial && (
          <Form method="post" action={`/s/${suggestion.id}`} className="inline-form">
            <input type="hidden" name="intent" value="helpful" />
            <input type="hidden" name="commentId" value={comment.id} />
            <input type="hidden" name="helpful" value={String(!comment.isHelpful)} />
            <button type="submit" className="link">
              {comment.isHelpful ? t("badges.helpful.unmark") : t("badges.helpful.mark")}
            </button>
          </Form>
        )}
      </div>
      <div className="markdown" dangerouslySetInnerHTML={{ __html: comment.html }} />
      {replies.length > 0 && (
        <ul className="replies">
          {replies.map((r) => (
            <CommentItem key={r.id} comment={r} childrenOf={childrenOf} />
          ))}
        </ul>
      )}
    </li>
  );
}

function CommentForm() {
  const { suggestion, viewer, replyTo: parent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "comment-form",
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: commentSchema }),
  });
  if (!viewer.loggedIn) {
    return (
      <p>
        <a href={`/login?redirectTo=/s/${suggestion.id}`}>{t("suggestions.view.logInToComment")}</a>
      </p>
    );
  }
  return (
    <Form method="post" {...getFormProps(form)} className="card" action={`/s/${suggestion.id}`}>
      <h3>{t("suggestions.view.addComment")}</h3>
      <input type="hidden" name="intent" value="comment" />
      {parent && (
        <p className="meta">
          <input type="hidden" name="parentId" value={parent.id} />
          {t("suggestions.view.replyingTo", { name: parent.authorName })} ·{" "}
          <a href={`/s/${suggestion.id}#comment-form`}>{t("suggestions.view.cancel")}</a>
        </p>
      )}
      <Field field={fields.body} label={t("suggestions.view.commentLabel")}>
        <textarea {...getTextareaProps(fields.body)} rows={5} />
      </Field>
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
