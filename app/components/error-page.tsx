import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function errorKind(status: number) {
  return status === 404 ? "notFound" : status === 403 ? "forbidden" : status === 400 ? "badRequest" : "generic";
}

// Error pages written for people: what happened and where to go next, never a stack trace.
export function ErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = errorKind(status);
  return (
    <section className="error-page">
      <p className="code">{status}</p>
      <h1>{t(`common.errors.${kind}Title`)}</h1>
      <p>{t(`common.errors.${kind}Text`)}</p>
      <p>
        <a href="/">{t("common.errors.backHome")}</a>
      </p>
    </section>
  );
}
