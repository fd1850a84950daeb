import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/features/accounts/auth.server";
import { Field, steadyValidation } from "~/components/field";
import { scopesForRole } from "~/features/api/scopes";
import { createApiToken, listAllLiveApiTokens, listApiTokens, revokeApiToken } from "~/features/api/tokens.server";
import { createTokenSchema, revokeTokenSchema } from "~/features/api/token-form";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "api.tokens.title");

const DAY = 24 * 60 * 60 * 1000;

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  return {
    allowedScopes: scopesForRole(user.role),
    tokens: listApiTokens(user.id),
    // Admins see every live token, to end a leaked one whoever made it.
    allTokens: user.role === "admin" ? listAllLiveApiTokens() : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "create") {
    const submission = parseWithZod(formData, { schema: createTokenSchema });
    if (submission.status !== "success") return data({ result: submission.reply(), token: null }, { status: 400 });
    const { name, scopes, expiresInDays } = submission.value;
    const created = createApiToken({ user, name, scopes, expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * DAY) : null });
    if (!created.ok) return data({ result: submission.reply({ fieldErrors: { scopes: ["api.tokens.errors.scope"] } }), token: null }, { status: 400 });
    // Shown on this answer only: it is never stored in a readable form.
    return data({ result: submission.reply({ resetForm: true }), token: created.token });
  }
  if (intent === "revoke") {
    const submission = parseWithZod(formData, { schema: revokeTokenSchema });
    if (submission.status !== "success") return data({ result: null, token: null }, { status: 400 });
    const revoked = revokeApiToken({ tokenId: submission.value.tokenId, userId: user.id, anyOwner: user.role === "admin" });
    if (!revoked) throw new Response("Not found", { status: 404 });
    return redirect("/account/tokens");
  }
  return data({ result: null, token: null }, { status: 400 });
}

export default function TokensPage() {
  const { allowedScopes, tokens, allTokens } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const [form, fields] = useForm({
    id: "new-token",
    lastResult: actionData?.result,
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createTokenSchema }),
  });
  const when = (d: string | Date | null) => (d ? new Date(d).toLocaleString(i18n.language) : t("api.tokens.never"));
  const chosen = new Set([fields.scopes.initialValue ?? []].flat());
  return (
    <>
      <h1>{t("api.tokens.title")}</h1>
      <p>{t("api.tokens.intro")}</p>
      {actionData?.token && (
        <section className="card" role="status" aria-labelledby="new-token-heading">
          <h2 id="new-token-heading">{t("api.tokens.createdTitle")}</h2>
          <p>{t("api.tokens.createdText")}</p>
          <p>
            <code data-testid="new-token">{actionData.token}</code>
          </p>
        </section>
      )}
      <section className="card" aria-labelledby="create-heading">
        <h2 id="create-heading">{t("api.tokens.createTitle")}</h2>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="create" />
          <Field field={fields.name} label={t("api.tokens.name")} hint={t("api.tokens.nameHint")}>
            <input {...getInputProps(fields.name, { type: "text", ariaDescribedBy: fields.name.descriptionId })} maxLength={60} />
          </Field>
          <fieldset className="field" aria-describedby={fields.scopes.errorId}>
            <legend>{t("api.tokens.scopes")}</legend>
            {allowedScopes.map((scope) => (
              <label key={scope} className="checkbox">
                <input type="checkbox" name={fields.scopes.name} value={scope} defaultChecked={chosen.has(scope)} /> {t(`api.tokens.scope.${scope}`)}
              </label>
            ))}
            {fields.scopes.errors?.length ? (
              <p className="field-error" id={fields.scopes.errorId} role="alert">
                {fields.scopes.errors.map((e) => t(e)).join(" ")}
              </p>
            ) : null}
          </fieldset>
          <Field field={fields.expiresInDays} label={t("api.tokens.expiresInDays")} hint={t("api.tokens.expiresHint")}>
            <input {...getInputProps(fields.expiresInDays, { type: "number", ariaDescribedBy: fields.expiresInDays.descriptionId })} min={1} max={365} />
          </Field>
          <button type="submit">{t("api.tokens.create")}</button>
        </Form>
      </section>
      <section className="card" aria-labelledby="list-heading">
        <h2 id="list-heading">{t("api.tokens.yours")}</h2>
        {tokens.length === 0 ? (
          <p>{t("api.tokens.none")}</p>
        ) : (
          <ul>
            {tokens.map((token) => (
              <li key={token.id}>
                <strong>{token.name}</strong> · {token.scopes.map((s) => t(`api.tokens.scope.${s}`)).join(", ")}
                <br />
                {t("api.tokens.lastUsed", { when: when(token.lastUsedAt) })} · {t("api.tokens.expires", { when: when(token.expiresAt) })}
                {token.revokedAt ? (
                  <> · {t("api.tokens.revoked")}</>
                ) : (
                  <RevokeButton tokenId={token.id} label={t("api.tokens.revoke")} />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {allTokens && (
        <section className="card" aria-labelledby="all-heading">
          <h2 id="all-heading">{t("api.tokens.allTitle")}</h2>
          {allTokens.length === 0 ? (
            <p>{t("api.tokens.none")}</p>
          ) : (
            <ul>
              {allTokens.map((token) => (
                <li key={token.id}>
                  <strong>{token.name}</strong> · @{token.ownerUsername} · {token.scopes.map((s) => t(`api.tokens.scope.${s}`)).join(", ")} ·{" "}
                  {t("api.tokens.lastUsed", { when: when(token.lastUsedAt) })}
                  <RevokeButton tokenId={token.id} label={t("api.tokens.revoke")} />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}

function RevokeButton({ tokenId, label }: { tokenId: number; label: string }) {
  return (
    <Form method="post" style={{ display: "inline" }}>
      <input type="hidden" name="intent" value="revoke" />
      <input type="hidden" name="tokenId" value={tokenId} />{" "}
      <button type="submit" className="secondary">
        {label}
      </button>
    </Form>
  );
}
