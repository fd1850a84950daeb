// /staff/releases (the trailing underscore keeps it out of any /staff layout): staff create
// releases and ship suggestions into them.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { SuggestionStatus } from "#db/enums";
import { requireRole } from "~/features/accounts/auth.server";
import { Field, FormError, steadyValidation } from "~/components/field";
import { MarkdownField } from "~/components/markdown-field";
import { ReleaseDate } from "~/features/lifecycle/release-date";
import { addToReleaseSchema, releaseSchema, RELEASE_NAME_MAX, shipIntoReleaseSchema } from "~/features/lifecycle/release-form";
import { titleMeta } from "~/i18n/meta";
import { errorField } from "~/features/lifecycle/lifecycle";
import { changeStatus, type ChangeStatusResult } from "~/features/lifecycle/lifecycle.server";
import { STAFF_ROLES } from "~/features/roles/permissions";
import { addToRelease, createRelease, type AddToReleaseResult, listReleases, shippedWithoutRelease } from "~/features/lifecycle/releases.server";
import { roadmapItems } from "~/features/lifecycle/roadmap.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "releases.staff.title");

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireRole(request, STAFF_ROLES);
  return {
    releases: listReleases({ viewer: user }),
    shippable: roadmapItems(user).map((s) => ({ id: s.id, title: s.title, status: s.status, voteCount: s.voteCount })),
    unreleased: shippedWithoutRelease(user).map((s) => ({ id: s.id, title: s.title, status: "shipped" as const, voteCount: s.voteCount })),
    // The server's today, so the form's default date is the same before and after hydration.
    today: new Date().toISOString().slice(0, 10),
  };
}

type Intent = "create" | "ship" | "add";
const failed = (intent: Intent, result: SubmissionResult<string[]>) => data({ intent, result }, { status: 400 });

// Which field of the form each refusal belongs to, and what it says.
function shipError(failure: Exclude<ChangeStatusResult, { ok: true }>) {
  if (failure.reason === "invalid") {
    return { field: errorField(failure.error) === "note" ? "note" : "suggestionId", error: failure.error };
  }
  return failure.reason === "not_found"
    ? { field: "suggestionId", error: "releases.errors.suggestionNotFound" }
    : { field: "releaseId", error: "releases.errors.releaseNotFound" };
}

const ADD_ERRORS: Record<Exclude<AddToReleaseResult, { ok: true }>["reason"], { field: string; error: string }> = {
  not_found: { field: "suggestionId", error: "releases.errors.suggestionNotFound" },
  release_not_found: { field: "releaseId", error: "releases.errors.releaseNotFound" },
  not_shipped: { field: "suggestionId", error: "releases.errors.notShipped" },
  already_released: { field: "suggestionId", error: "releases.errors.alreadyReleased" },
};

export async function action({ request }: ActionFunctionArgs) {
  const user = requireRole(request, STAFF_ROLES);
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "create") {
    const submission = parseWithZod(formData, { schema: releaseSchema });
    if (submission.status !== "success") return failed(intent, submission.reply());
    const release = createRelease({ ...submission.value, createdById: user.id });
    return redirect(`/staff/releases#release-${release.id}`);
  }

  if (intent === "ship") {
    const submission = parseWithZod(formData, { schema: shipIntoReleaseSchema });
    if (submission.status !== "success") return failed(intent, submission.reply());
    const { suggestionId, releaseId, note } = submission.value;
    const shipped = changeStatus({ suggestionId, actorId: user.id, to: "shipped", note, releaseId });
    if (!shipped.ok) {
      const { field, error } = shipError(shipped);
      return failed(intent, submission.reply({ fieldErrors: { [field]: [error] } }));
    }
    return redirect(`/staff/releases#release-${releaseId}`);
  }

  if (intent === "add") {
    const submission = parseWithZod(formData, { schema: addToReleaseSchema });
    if (submission.status !== "success") return failed(intent, submission.reply());
    const added = addToRelease(submission.value);
    if (!added.ok) {
      const { field, error } = ADD_ERRORS[added.reason];
      return failed(intent, submission.reply({ fieldErrors: { [field]: [error] } }));
    }
    return redirect(`/staff/releases#release-${submission.value.releaseId}`);
  }

  throw new Response("Bad request", { status: 400 });
}

export default function StaffReleasesPage() {
  const { releases, shippable, unreleased } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("releases.staff.title")}</h1>
      <p>
        {t("releases.staff.intro")} <a href="/changelog">{t("releases.staff.viewChangelog")}</a>
      </p>
      <div className="layout-2col">
        <div>
          <section className="card" aria-labelledby="ship-heading">
            <h2 id="ship-heading">{t("releases.staff.ship")}</h2>
            <p className="meta">{t("releases.staff.shipIntro")}</p>
            {shippable.length === 0 ? (
              <p className="empty">{t("releases.staff.nothingToShip")}</p>
            ) : releases.length === 0 ? (
              <p className="empty">{t("releases.staff.needRelease")}</p>
            ) : (
              <ReleaseAssignmentForm intent="ship" suggestions={shippable} />
            )}
          </section>
          {unreleased.length > 0 && releases.length > 0 && (
            <section className="card" aria-labelledby="unreleased-heading">
              <h2 id="unreleased-heading">{t("releases.staff.unreleased")}</h2>
              <p className="meta">{t("releases.staff.unreleasedIntro")}</p>
              <ReleaseAssignmentForm intent="add" suggestions={unreleased} />
            </section>
          )}
          <section aria-labelledby="releases-heading">
            <h2 id="releases-heading">{t("releases.staff.releases")}</h2>
            {releases.length === 0 ? (
              <p className="empty">{t("releases.staff.noReleases")}</p>
            ) : (
              <ul className="suggestion-list">
                {releases.map((r) => (
                  <li key={r.id} id={`release-${r.id}`} className="suggestion-item">
                    <div>
                      <h3>
                        <a href={`/changelog#release-${r.id}`}>{r.name}</a>
                      </h3>
                      <div className="meta">
                        <ReleaseDate date={r.releasedAt} />
                        <span>{t("releases.staff.featureCount", { count: r.features.length })}</span>
                      </div>
                      {r.features.length > 0 && (
                        <ul>
                          {r.features.map((f) => (
                            <li key={f.id}>
                              <a href={`/s/${f.id}`}>{f.title}</a>
                            </li>
                          ))}
                        </ul>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <CreateReleaseForm />
      </div>
    </>
  );
}

function useLastResult(intent: Intent) {
  const actionData = useActionData<typeof action>();
  return actionData?.intent === intent ? actionData.result : undefined;
}

function CreateReleaseForm() {
  const { today } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "create-release",
    lastResult: useLastResult("create"),
    defaultValue: { releasedAt: today },
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: releaseSchema }),
  });
  return (
    <section className="card" aria-labelledby="create-heading">
      <h2 id="create-heading">{t("releases.staff.create")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="create" />
        <FormError errors={form.errors} />
        <Field field={fields.name} label={t("releases.staff.nameLabel")} hint={t("releases.staff.nameHint")}>
          <input
            {...getInputProps(fields.name, { type: "text", ariaDescribedBy: fields.name.descriptionId })}
            maxLength={RELEASE_NAME_MAX}
          />
        </Field>
        <Field field={fields.releasedAt} label={t("releases.staff.dateLabel")}>
          <input {...getInputProps(fields.releasedAt, { type: "date" })} />
        </Field>
        <MarkdownField field={fields.notes} label={t("releases.staff.notesLabel")} hint={t("releases.staff.notesHint")} rows={8} />
        <button type="submit" className="primary">
          {t("releases.staff.createSubmit")}
        </button>
      </Form>
    </section>
  );
}

// Ship a roadmap suggestion into a release ("ship", with a public note), or add one that
// already shipped ("add"): the same two choices either way.
function ReleaseAssignmentForm({
  intent,
  suggestions,
}: {
  intent: "ship" | "add";
  suggestions: { id: number; title: string; status: SuggestionStatus; voteCount: number }[];
}) {
  const { releases } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const schema = intent === "ship" ? shipIntoReleaseSchema : addToReleaseSchema;
  // Typed by the larger (ship) schema; the add form simply has no note.
  const [form, fields] = useForm<z.input<typeof shipIntoReleaseSchema>>({
    id: `${intent}-into-release`,
    lastResult: useLastResult(intent),
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      <Field field={fields.suggestionId} label={t("releases.staff.suggestionLabel")}>
        <select {...getSelectProps(fields.suggestionId)}>
          <option value="">{t("releases.staff.chooseSuggestion")}</option>
          {suggestions.map((s) => (
            <option key={s.id} value={s.id}>
              {`#${s.id} ${s.title} (${t(`common.status.${s.status}`)}, ${t("suggestions.item.votes", { count: s.voteCount })})`}
            </option>
          ))}
        </select>
      </Field>
      <Field field={fields.releaseId} label={t("releases.staff.releaseLabel")}>
        <select {...getSelectProps(fields.releaseId)}>
          <option value="">{t("releases.staff.chooseRelease")}</option>
          {releases.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </Field>
      {intent === "ship" && (
        <Field field={fields.note} label={t("releases.staff.noteLabel")}>
          <textarea {...getTextareaProps(fields.note)} rows={3} />
        </Field>
      )}
      <button type="submit" className="primary">
        {intent === "ship" ? t("releases.staff.shipSubmit") : t("releases.staff.addSubmit")}
      </button>
    </Form>
  );
}
