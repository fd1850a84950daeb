import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/features/accounts/auth.server";
import { findBoardBySlug, findTagsBySlugs, listBoards, listTags } from "~/features/boards/boards.server";
import { BoardOptions } from "~/components/board-options";
import { Field, steadyValidation } from "~/components/field";
import { ImagePicker } from "~/features/uploads/image-picker";
import { MarkdownField } from "~/components/markdown-field";
import { discardAttachments, recordAttachments, storeAttachments } from "~/features/uploads/attachments.server";
import { IMAGE_LIMITS } from "~/features/uploads/image-rules";
import { StatusBadge } from "~/components/status-badge";
import { suggestionSchema } from "~/features/suggestions/forms";
import { titleMeta } from "~/i18n/meta";
import { useLocalized } from "~/i18n/use-localized";
import type { loader as similarLoader } from "~/routes/search.similar";
import { createSuggestion } from "~/features/suggestions/suggestions.server";
import { filesOf, readFormWithFiles, UnreadableForm } from "~/platform/multipart.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "suggestions.new.title");

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  return { boards: listBoards(user), tags: listTags(user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  let formData: FormData;
  try {
    formData = await readFormWithFiles(request, { maxFileBytes: IMAGE_LIMITS.maxBytes });
  } catch (error) {
    if (!(error instanceof UnreadableForm)) throw error;
    return data({ result: { status: "error" as const, error: { "": ["forms.invalid"] } } }, { status: 400 });
  }
  const submission = parseWithZod(formData, { schema: suggestionSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { title, body, board: boardSlug, tags: tagSlugs } = submission.value;
  const board = findBoardBySlug(boardSlug, user);
  const tags = board ? findTagsBySlugs(tagSlugs, user, board.id) : [];
  if (!board || tags.length !== new Set(tagSlugs).size) {
    return data(
      {
        result: submission.reply({
          fieldErrors: { ...(board ? {} : { board: ["forms.unknownBoard"] }), ...(board && tags.length !== new Set(tagSlugs).size ? { tags: ["forms.unknownTag"] } : {}) },
        }),
      },
      { status: 400 },
    );
  }
  // Images are decoded and stored before the suggestion's transaction (slow work outside
  // the write lock); a refusal stores nothing and keeps the text.
  const images = await storeAttachments(filesOf(formData, "images"));
  if (!images.ok) return data({ result: submission.reply({ fieldErrors: { images: [`uploads.refused.${images.reason}`] } }) }, { status: 400 });
  try {
    const { id } = createSuggestion({
      authorId: user.id,
      boardId: board.id,
      title,
      body,
      tagIds: tags.map((t) => t.id),
      whileCreating: (tx, suggestionId) => recordAttachments(tx, { suggestionId, uploaderId: user.id }, images.stored),
    });
    return redirect(`/s/${id}`);
  } catch (error) {
    await discardAttachments(images.stored);
    throw error;
  }
}

export default function NewSuggestionPage() {
  const { boards, tags } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const localized = useLocalized();
  const [form, fields] = useForm({
    id: "new-suggestion",
    lastResult: actionData?.result,
    defaultValue: { board: searchParams.get("board") ?? "" },
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: suggestionSchema }),
  });
  const chosenTags = new Set([fields.tags.initialValue ?? []].flat());
  return (
    <section className="card">
      <h1>{t("suggestions.new.title")}</h1>
      <p>{t("suggestions.new.intro")}</p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <Field field={fields.title} label={t("suggestions.new.titleLabel")} hint={t("suggestions.new.titleHint")}>
          <input {...getInputProps(fields.title, { type: "text", ariaDescribedBy: fields.title.descriptionId })} maxLength={140} />
        </Field>
        {/* A tampered form can send the title twice (an array): then there is nothing to compare. */}
        <SimilarSuggestions title={typeof fields.title.value === "string" ? fields.title.value : ""} />
        <Field field={fields.board} label={t("suggestions.new.boardLabel")}>
          <select {...getSelectProps(fields.board)}>
            <BoardOptions boards={boards} emptyLabel={t("suggestions.new.chooseBoard")} />
          </select>
        </Field>
        <MarkdownField field={fields.body} label={t("suggestions.new.bodyLabel")} hint={t("suggestions.new.bodyHint")} rows={10} />
        <ImagePicker errors={(form.allErrors.images as string[] | undefined) ?? undefined} />
        <fieldset className="field" aria-describedby={fields.tags.errorId}>
          <legend>{t("suggestions.new.tagsLabel")}</legend>
          <p className="hint">{t("suggestions.new.tagsHint")}</p>
          <div className="filters">
            {tags.map((tag) => (
              <label key={tag.slug} className="checkbox">
                <input type="checkbox" name={fields.tags.name} value={tag.slug} defaultChecked={chosenTags.has(tag.slug)} />
                {localized(tag.nameEn, tag.nameZh)}
              </label>
            ))}
          </div>
          {fields.tags.errors?.length ? (
            <p className="field-error" id={fields.tags.errorId} role="alert">
              {fields.tags.errors.map((e) => t(e)).join(" ")}
            </p>
          ) : null}
        </fieldset>
        <button type="submit" className="primary">
          {t("suggestions.new.submit")}
        </button>
      </Form>
    </section>
  );
}

// While a title is typed, existing suggestions that look alike are offered, so that fans
// vote for an idea that already exists instead of splitting its votes.
function SimilarSuggestions({ title }: { title: string }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<typeof similarLoader>();
  const { load } = fetcher;
  useEffect(() => {
    if (title.trim().length < 4) return;
    const timer = setTimeout(() => load(`/search/similar?title=${encodeURIComponent(title)}`), 300);
    return () => clearTimeout(timer);
  }, [title, load]);
  const similar = title.trim().length >= 4 ? (fetcher.data?.similar ?? []) : [];
  if (similar.length === 0) return null;
  return (
    <div className="similar card" aria-live="polite">
      <strong>{t("suggestions.new.similar")}</strong>
      <ul>
        {similar.map((s) => (
          <li key={s.id}>
            <a href={`/s/${s.id}`} target="_blank" rel="noreferrer">
              {s.title}
            </a>{" "}
            <StatusBadge status={s.status} /> · {t("suggestions.item.votes", { count: s.voteCount })}
          </li>
        ))}
      </ul>
    </div>
  );
}
