import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/features/accounts/auth.server";
import { Field, steadyValidation } from "~/components/field";
import { grantBadgeSchema, setLevelSchema } from "~/features/honors/forms";
import { grantBadge, setManualHonorLevel } from "~/features/honors/honors.server";
import { BADGE_IDS, BADGES, isBadgeId } from "~/features/honors/rules/badges";
import { HONOR_LEVELS, type HonorLevel } from "~/features/honors/rules/levels";
import { titleMeta } from "~/i18n/meta";
import { useLocalized } from "~/i18n/use-localized";

// Admins only, on the server: a badge given by hand and a member's level set by hand.
export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, ["admin"]);
  const params = new URL(request.url).searchParams;
  const done = params.get("done");
  const username = params.get("username") ?? "";
  const badge = params.get("badge");
  const level = params.get("level");
  return {
    done:
      done === "granted" || done === "alreadyHeld"
        ? { kind: done, username, badgeId: isBadgeId(badge) ? badge : null }
        : done === "level"
          ? { kind: done, username, level: level ?? "" }
          : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => titleMeta(matches, "badges.admin.title");

const done = (params: Record<string, string>) => redirect(`/admin/honors?${new URLSearchParams(params)}`);

export async function action({ request }: ActionFunctionArgs) {
  requireRole(request, ["admin"]);
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "grant-badge") {
    const submission = parseWithZod(formData, { schema: grantBadgeSchema });
    if (submission.status !== "success") return data({ grant: submission.reply(), level: undefined }, { status: 400 });
    const result = grantBadge(submission.value);
    if (!result.ok) {
      const [field, error] =
        result.reason === "user_not_found" ? ["username", "badges.admin.errors.unknownMember"] : ["badgeId", "badges.admin.errors.unknownBadge"];
      return data({ grant: submission.reply({ fieldErrors: { [field]: [error] } }), level: undefined }, { status: 400 });
    }
    const { username, badgeId } = submission.value;
    return done({ done: result.granted ? "granted" : "alreadyHeld", username, badge: badgeId });
  }

  if (intent === "set-level") {
    const submission = parseWithZod(formData, { schema: setLevelSchema });
    if (submission.status !== "success") return data({ grant: undefined, level: submission.reply() }, { status: 400 });
    const result = setManualHonorLevel({ username: submission.value.username, level: submission.value.level as HonorLevel | null });
    if (!result.ok) {
      return data({ grant: undefined, level: submission.reply({ fieldErrors: { username: ["badges.admin.errors.unknownMember"] } }) }, { status: 400 });
    }
    return done({ done: "level", username: submission.value.username, level: String(result.level) });
  }

  return data({ grant: undefined, level: undefined }, { status: 400 });
}

export default function AdminHonors() {
  const { t } = useTranslation();
  return (
    <section className="form-narrow">
      <h1>{t("badges.admin.title")}</h1>
      <p>{t("badges.admin.intro")}</p>
      <Done />
      <GrantBadgeForm />
      <SetLevelForm />
    </section>
  );
}

function Done() {
  const { done } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localized = useLocalized();
  if (!done) return null;
  const message =
    done.kind === "level"
      ? t("badges.admin.done.level", { username: done.username, level: done.level })
      : t(`badges.admin.done.${done.kind}`, {
          username: done.username,
          badge: done.badgeId ? localized(BADGES[done.badgeId].name.en, BADGES[done.badgeId].name.zh) : "",
        });
  return (
    <p role="status" className="card">
      {message}
    </p>
  );
}

function GrantBadgeForm() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const localized = useLocalized();
  const [form, fields] = useForm({
    id: "grant-badge",
    lastResult: actionData?.grant,
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: grantBadgeSchema }),
  });
  const example = BADGE_IDS.map((id) => BADGES[id]).find((badge) => badge.repeatable)!;
  return (
    <Form method="post" {...getFormProps(form)} className="card">
      <h2>{t("badges.admin.grant.heading")}</h2>
      <input type="hidden" name="intent" value="grant-badge" />
      <Field field={fields.username} label={t("badges.admin.username")}>
        <input {...getInputProps(fields.username, { type: "text" })} autoComplete="off" />
      </Field>
      <Field field={fields.badgeId} label={t("badges.admin.grant.badge")}>
        <select {...getSelectProps(fields.badgeId)}>
          {BADGE_IDS.map((id) => (
            <option key={id} value={id}>
              {localized(BADGES[id].name.en, BADGES[id].name.zh)} · {t(`badges.tiers.${BADGES[id].tier}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        field={fields.suggestionId}
        label={t("badges.admin.grant.suggestion")}
        hint={t("badges.admin.grant.suggestionHint", { badge: localized(example.name.en, example.name.zh) })}
      >
        <input {...getInputProps(fields.suggestionId, { type: "number", ariaDescribedBy: fields.suggestionId.descriptionId })} min={1} />
      </Field>
      <button type="submit" className="primary">
        {t("badges.admin.grant.submit")}
      </button>
    </Form>
  );
}

function SetLevelForm() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const localized = useLocalized();
  const [form, fields] = useForm({
    id: "set-level",
    lastResult: actionData?.level,
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: setLevelSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card">
      <h2>{t("badges.admin.level.heading")}</h2>
      <input type="hidden" name="intent" value="set-level" />
      <Field field={fields.username} label={t("badges.admin.username")}>
        <input {...getInputProps(fields.username, { type: "text" })} autoComplete="off" />
      </Field>
      <Field field={fields.level} label={t("badges.admin.level.level")}>
        <select {...getSelectProps(fields.level)}>
          <option value="auto">{t("badges.admin.level.auto")}</option>
          {HONOR_LEVELS.map((l) => (
            <option key={l.level} value={l.level}>
              {t("badges.admin.level.option", { level: l.level, name: localized(l.name.en, l.name.zh) })}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="primary">
        {t("badges.admin.level.submit")}
      </button>
    </Form>
  );
}
