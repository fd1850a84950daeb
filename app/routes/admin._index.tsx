import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ROLES } from "#db/enums";
import { setRole } from "~/features/accounts/accounts.server";
import { requireRole } from "~/features/accounts/auth.server";
import { listAllBoards, saveBoard } from "~/features/boards/boards.server";
import { Field, steadyValidation } from "~/components/field";
import { boardSchema, roleSchema } from "~/features/boards/admin-forms";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "admin.title");

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, ["admin"]);
  return { boards: listAllBoards(), done: new URL(request.url).searchParams.get("done") };
}

export async function action({ request }: ActionFunctionArgs) {
  requireRole(request, ["admin"]);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "board") {
    const submission = parseWithZod(formData, { schema: boardSchema });
    if (submission.status !== "success") return data({ intent, formId: String(formData.get("formId")), result: submission.reply() }, { status: 400 });
    const saved = saveBoard(submission.value);
    if (!saved.ok) {
      const fieldErrors: Record<string, string[]> = { slug: [saved.reason === "slug_taken" ? "admin.errors.slugTaken" : "forms.invalid"] };
      return data({ intent, formId: String(formData.get("formId")), result: submission.reply({ fieldErrors }) }, { status: 400 });
    }
    return redirect("/admin?done=board");
  }
  if (intent === "role") {
    const submission = parseWithZod(formData, { schema: roleSchema });
    if (submission.status !== "success") return data({ intent, formId: "role", result: submission.reply() }, { status: 400 });
    const changed = setRole(submission.value.username, submission.value.role);
    if (!changed.ok) {
      const fieldErrors: Record<string, string[]> =
        changed.reason === "no_member" ? { username: ["admin.errors.noMember"] } : { role: ["admin.errors.lastAdmin"] };
      return data({ intent, formId: "role", result: submission.reply({ fieldErrors }) }, { status: 400 });
    }
    return redirect("/admin?done=role");
  }
  return data({ intent: null, formId: "", result: null }, { status: 400 });
}

export default function AdminPage() {
  const { boards, done } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("admin.title")}</h1>
      {done && (
        <p className="card" role="status">
          {t(done === "role" ? "admin.roleSaved" : "admin.boardSaved")}
        </p>
      )}
      <nav className="card" aria-label={t("admin.more")}>
        <a href="/admin/honors">{t("admin.honorsLink")}</a> · <a href="/staff/settings">{t("admin.settingsLink")}</a> ·{" "}
        <a href="/staff">{t("admin.staffLink")}</a> · <a href="/admin/webhooks">{t("api.webhooks.title")}</a> · <a href="/api">{t("api.reference.title")}</a>
      </nav>
      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading">{t("admin.rolesTitle")}</h2>
        <RoleForm />
      </section>
      <section aria-labelledby="boards-heading">
        <h2 id="boards-heading">{t("admin.boardsTitle")}</h2>
        {boards.map((board) => (
          <details key={board.id} className="card">
            <summary>
              {board.nameEn} / {board.nameZh} <code>/b/{board.slug}</code> · {t(`admin.visibility.${board.visibility}`)}
            </summary>
            <BoardForm board={board} />
          </details>
        ))}
        <div className="card">
          <h3>{t("admin.newBoard")}</h3>
          <BoardForm />
        </div>
      </section>
    </>
  );
}

type BoardValues = ReturnType<typeof useLoaderData<typeof loader>>["boards"][number];

function BoardForm({ board }: { board?: BoardValues }) {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const formId = board ? `board-${board.id}` : "board-new";
  const [form, fields] = useForm({
    id: formId,
    lastResult: actionData?.formId === formId ? actionData.result : undefined,
    defaultValue: board
      ? { slug: board.slug, nameEn: board.nameEn, nameZh: board.nameZh, descriptionEn: board.descriptionEn, descriptionZh: board.descriptionZh, visibility: board.visibility, position: String(board.position) }
      : { visibility: "public", position: "0" },
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: boardSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="board" />
      <input type="hidden" name="formId" value={formId} />
      {board && <input type="hidden" name="boardId" value={board.id} />}
      <Field field={fields.slug} label={t("admin.slug")}>
        <input {...getInputProps(fields.slug, { type: "text" })} />
      </Field>
      <Field field={fields.nameEn} label={t("admin.nameEn")}>
        <input {...getInputProps(fields.nameEn, { type: "text" })} />
      </Field>
      <Field field={fields.nameZh} label={t("admin.nameZh")}>
        <input {...getInputProps(fields.nameZh, { type: "text" })} />
      </Field>
      <Field field={fields.descriptionEn} label={t("admin.descriptionEn")}>
        <textarea {...getTextareaProps(fields.descriptionEn)} rows={2} />
      </Field>
      <Field field={fields.descriptionZh} label={t("admin.descriptionZh")}>
        <textarea {...getTextareaProps(fields.descriptionZh)} rows={2} />
      </Field>
      <Field field={fields.visibility} label={t("admin.visibilityLabel")}>
        <select {...getSelectProps(fields.visibility)}>
          <option value="public">{t("admin.visibility.public")}</option>
          <option value="early_access">{t("admin.visibility.early_access")}</option>
        </select>
      </Field>
      <Field field={fields.position} label={t("admin.position")}>
        <input {...getInputProps(fields.position, { type: "number" })} min={0} max={1000} />
      </Field>
      <button type="submit" className="primary">
        {t("admin.saveBoard")}
      </button>
    </Form>
  );
}

function RoleForm() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "role",
    lastResult: actionData?.formId === "role" ? actionData.result : undefined,
    defaultValue: { role: "staff" },
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: roleSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card">
      <input type="hidden" name="intent" value="role" />
      <p className="hint">{t("admin.rolesHint")}</p>
      <Field field={fields.username} label={t("admin.username")}>
        <input {...getInputProps(fields.username, { type: "text" })} />
      </Field>
      <Field field={fields.role} label={t("admin.role")}>
        <select {...getSelectProps(fields.role)}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`common.roles.${role}`)}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="primary">
        {t("admin.saveRole")}
      </button>
    </Form>
  );
}
