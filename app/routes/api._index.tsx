import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ENDPOINTS } from "~/features/api/openapi";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "api.reference.title");

// The reference drawn from the same table as the OpenAPI document, so the two cannot differ.
export function loader() {
  return { endpoints: ENDPOINTS.map(({ id, method, path, scope, status, errors }) => ({ id, method, path, scope, status, errors })) };
}

export default function ApiReferencePage() {
  const { endpoints } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("api.reference.title")}</h1>
      <p>{t("api.reference.intro")}</p>
      <section className="card" aria-labelledby="auth-heading">
        <h2 id="auth-heading">{t("api.reference.authTitle")}</h2>
        <p>{t("api.reference.auth")}</p>
        <h2>{t("api.reference.errorsTitle")}</h2>
        <p>{t("api.reference.errors")}</p>
        <p>
          <a href="/api/v1/openapi.json">{t("api.reference.document")}</a>
        </p>
        <h2>{t("api.reference.webhooksTitle")}</h2>
        <p>{t("api.reference.webhooks")}</p>
      </section>
      <section className="card" aria-labelledby="endpoints-heading">
        <h2 id="endpoints-heading">{t("api.reference.endpointsTitle")}</h2>
        {endpoints.map((e) => (
          <div key={e.id} id={e.id}>
            <h3>
              <code>
                {e.method.toUpperCase()} /api/v1{e.path}
              </code>
            </h3>
            <p>{t(`api.reference.ops.${e.id}`)}</p>
            <p className="hint">
              {t("api.reference.scope", { scope: e.scope })} · {e.status} · {t("api.reference.refusals", { statuses: [401, ...e.errors].join(", ") })}
            </p>
          </div>
        ))}
      </section>
    </>
  );
}
