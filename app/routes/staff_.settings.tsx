import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/features/accounts/auth.server";
import { Field, steadyValidation } from "~/components/field";
import { settingsSchema } from "~/platform/settings-form";
import { titleMeta } from "~/i18n/meta";
import { getSettings, saveSettings } from "~/platform/settings.server";

// Admins only: staff see the response target on the queue but do not set it.
export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, ["admin"]);
  return { settings: getSettings(), saved: new URL(request.url).searchParams.has("saved") };
}

export async function action({ request }: ActionFunctionArgs) {
  requireRole(request, ["admin"]);
  const submission = parseWithZod(await request.formData(), { schema: settingsSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  saveSettings(submission.value);
  return redirect("/staff/settings?saved");
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => titleMeta(matches, "staff.settings.title");

export default function StaffSettings() {
  const { settings, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "settings",
    lastResult: actionData?.result,
    defaultValue: {
      responseTargetHours: String(settings.responseTargetHours),
      recommendationSurveyEnabled: settings.recommendationSurveyEnabled ? "on" : "",
      inviteOnly: settings.inviteOnly ? "on" : "",
      requireEmailVerification: settings.requireEmailVerification ? "on" : "",
    },
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: settingsSchema }),
  });
  return (
    <section className="card form-narrow">
      <h1>{t("staff.settings.title")}</h1>
      {saved && !actionData && (
        <p role="status" className="meta">
          {t("staff.settings.saved")}
        </p>
      )}
      <Form method="post" {...getFormProps(form)}>
        <Field
          field={fields.responseTargetHours}
          label={t("staff.settings.responseTarget")}
          hint={t("staff.settings.responseTargetHint")}
        >
          <input
            {...getInputProps(fields.responseTargetHours, { type: "number", ariaDescribedBy: fields.responseTargetHours.descriptionId })}
            min={1}
            max={720}
            step={1}
          />
        </Field>
        <div className="field">
          <label>
            <input {...getInputProps(fields.recommendationSurveyEnabled, { type: "checkbox" })} />{" "}
            {t("leads.survey.settingLabel")}
          </label>
          <p className="hint">{t("leads.survey.settingHint")}</p>
        </div>
        <div className="field">
          <label>
            <input {...getInputProps(fields.inviteOnly, { type: "checkbox" })} /> {t("invitations.settings.inviteOnly")}
          </label>
          <p className="hint">{t("invitations.settings.inviteOnlyHint")}</p>
        </div>
        <div className="field">
          <label>
            <input {...getInputProps(fields.requireEmailVerification, { type: "checkbox" })} /> {t("account.verify.settingLabel")}
          </label>
          <p className="hint">{t("account.verify.settingHint")}</p>
        </div>
        <button type="submit" className="primary">
          {t("staff.settings.save")}
        </button>{" "}
        <a href="/staff">{t("staff.settings.back")}</a>
      </Form>
    </section>
  );
}
