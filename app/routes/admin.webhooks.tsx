import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { WEBHOOK_EVENTS } from "#db/enums";
import { requireRole } from "~/features/accounts/auth.server";
import { Field, steadyValidation } from "~/components/field";
import {
  allowsPrivateAddresses,
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  redeliverWebhook,
  setAllowPrivateAddresses,
} from "~/features/api/webhooks.server";
import { allowPrivateSchema, webhookEndpointSchema, webhookIdSchema } from "~/features/api/webhook-form";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "api.webhooks.title");

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, ["admin"]);
  return { endpoints: listWebhookEndpoints(), deliveries: listWebhookDeliveries(), allowPrivate: allowsPrivateAddresses() };
}

export async function action({ request }: ActionFunctionArgs) {
  requireRole(request, ["admin"]);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "create") {
    const submission = parseWithZod(formData, { schema: webhookEndpointSchema });
    if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
    const created = await createWebhookEndpoint(submission.value);
    if (!created.ok) return data({ result: submission.reply({ fieldErrors: { url: [created.error] } }) }, { status: 400 });
    return redirect("/admin/webhooks");
  }
  if (intent === "delete" || intent === "redeliver") {
    const submission = parseWithZod(formData, { schema: webhookIdSchema });
    if (submission.status !== "success") return data({ result: null }, { status: 400 });
    const done = intent === "delete" ? deleteWebhookEndpoint(submission.value.id) : await redeliverWebhook(submission.value.id);
    if (!done) throw new Response("Not found", { status: 404 });
    return redirect("/admin/webhooks");
  }
  if (intent === "private") {
    const submission = parseWithZod(formData, { schema: allowPrivateSchema });
    if (submission.status !== "success") return data({ result: null }, { status: 400 });
    setAllowPrivateAddresses(submission.value.allowPrivate);
    return redirect("/admin/webhooks");
  }
  return data({ result: null }, { status: 400 });
}

export default function WebhooksPage() {
  const { endpoints, deliveries, allowPrivate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const [form, fields] = useForm({
    id: "new-webhook",
    lastResult: actionData?.result,
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: webhookEndpointSchema }),
  });
  const chosen = new Set([fields.events.initialValue ?? []].flat());
  const when = (d: string | Date | null) => (d ? new Date(d).toLocaleString(i18n.language) : "—");
  return (
    <>
      <h1>{t("api.webhooks.title")}</h1>
      <p>{t("api.webhooks.intro")}</p>
      <section className="card" aria-labelledby="new-webhook-heading">
        <h2 id="new-webhook-heading">{t("api.webhooks.createTitle")}</h2>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="create" />
          <Field field={fields.url} label={t("api.webhooks.url")} hint={t("api.webhooks.urlHint")}>
            <input {...getInputProps(fields.url, { type: "url", ariaDescribedBy: fields.url.descriptionId })} />
          </Field>
          <fieldset className="field" aria-describedby={fields.events.errorId}>
            <legend>{t("api.webhooks.events")}</legend>
            {WEBHOOK_EVENTS.map((event) => (
              <label key={event} className="checkbox">
                <input type="checkbox" name={fields.events.name} value={event} defaultChecked={chosen.has(event)} /> {t(`api.webhooks.event.${event}`)}
              </label>
            ))}
            {fields.events.errors?.length ? (
              <p className="field-error" id={fields.events.errorId} role="alert">
                {fields.events.errors.map((e) => t(e)).join(" ")}
              </p>
            ) : null}
          </fieldset>
          <button type="submit">{t("api.webhooks.create")}</button>
        </Form>
      </section>
      <section className="card" aria-labelledby="endpoints-heading">
        <h2 id="endpoints-heading">{t("api.webhooks.endpointsTitle")}</h2>
        {endpoints.length === 0 ? (
          <p>{t("api.webhooks.none")}</p>
        ) : (
          <ul>
            {endpoints.map((e) => (
              <li key={e.id}>
                <code>{e.url}</code> · {e.events.map((ev) => t(`api.webhooks.event.${ev}`)).join(", ")}
                <br />
                {t("api.webhooks.secret")}: <code>{e.secret}</code>
                <Form method="post" style={{ display: "inline" }}>
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="id" value={e.id} />{" "}
                  <button type="submit" className="secondary">
                    {t("api.webhooks.delete")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <Form method="post">
          <input type="hidden" name="intent" value="private" />
          <label className="checkbox">
            <input type="checkbox" name="allowPrivate" value="on" defaultChecked={allowPrivate} /> {t("api.webhooks.allowPrivate")}
          </label>
          <p className="hint">{t("api.webhooks.allowPrivateHint")}</p>
          <button type="submit" className="secondary">
            {t("api.webhooks.save")}
          </button>
        </Form>
      </section>
      <section className="card" aria-labelledby="log-heading">
        <h2 id="log-heading">{t("api.webhooks.logTitle")}</h2>
        {deliveries.length === 0 ? (
          <p>{t("api.webhooks.noDeliveries")}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>{t("api.webhooks.when")}</th>
                  <th>{t("api.webhooks.events")}</th>
                  <th>{t("api.webhooks.url")}</th>
                  <th>{t("api.webhooks.status")}</th>
                  <th>{t("api.webhooks.response")}</th>
                  <th>{t("api.webhooks.attempts")}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {deliveries.map((d) => (
                  <tr key={d.id}>
                    <td>{when(d.createdAt)}</td>
                    <td>{t(`api.webhooks.event.${d.eventType}`)}</td>
                    <td>
                      <code>{d.endpointUrl}</code>
                    </td>
                    <td>
                      {t(`api.webhooks.state.${d.status}`)}
                      {d.status === "pending" && d.nextAttemptAt ? ` · ${t("api.webhooks.nextAttempt", { when: when(d.nextAttemptAt) })}` : ""}
                    </td>
                    <td>
                      {d.lastStatusCode ?? d.lastError ?? "—"}
                      {d.lastDurationMs !== null ? ` · ${t("api.webhooks.ms", { count: d.lastDurationMs })}` : ""}
                    </td>
                    <td>{d.attempts}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="redeliver" />
                        <input type="hidden" name="id" value={d.id} />
                        <button type="submit" className="secondary">
                          {t("api.webhooks.redeliver")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
