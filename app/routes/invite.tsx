import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Trans } from "~/components/trans";
import { requireUser } from "~/features/accounts/auth.server";
import { FormError } from "~/components/field";
import { RelativeTime } from "~/components/relative-time";
import { createInvitationSchema } from "~/features/invitations/forms";
import { titleMeta } from "~/i18n/meta";
import { ACTIVATION_DAYS, CODE_VALID_DAYS, INVITE_BUDGET_BY_LEVEL } from "~/features/invitations/invitation-rules";
import { createInvitation, invitationOverview } from "~/features/invitations/invitations.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "invitations.title");

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const url = new URL(request.url);
  return {
    ...invitationOverview(user),
    origin: url.origin,
    username: user.username,
    created: url.searchParams.get("created"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: createInvitationSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const created = createInvitation(user.id);
  if (!created.ok) {
    return data({ result: submission.reply({ formErrors: ["invitations.overBudget"] }), budget: created.budget }, { status: 400 });
  }
  return redirect(`/invite?created=${created.code}`);
}

export default function InvitePage() {
  const { budget, invitations, shareStats, origin, username, created } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form] = useForm({ id: "create-invitation", lastResult: actionData?.result });
  const unlimited = budget.budget === null;
  const shareLink = `${origin}/?ref=${encodeURIComponent(username)}`;
  return (
    <section className="invite-page">
      <h1>{t("invitations.title")}</h1>
      <p>{t("invitations.intro", { days: ACTIVATION_DAYS })}</p>

      <div className="card">
        <h2>{t("invitations.codes.title")}</h2>
        <p>
          {unlimited
            ? t("invitations.codes.unlimited")
            : t("invitations.codes.left", { count: budget.left, budget: budget.budget })}{" "}
          <span className="meta">{t("invitations.codes.scarcity", { levels: INVITE_BUDGET_BY_LEVEL.join(" / "), days: CODE_VALID_DAYS })}</span>
        </p>
        <Form method="post" {...getFormProps(form)}>
          <FormError errors={form.errors} values={{ count: actionData && "budget" in actionData ? actionData.budget : budget.budget }} />
          <button type="submit" name="intent" value="create" className="primary" disabled={!unlimited && budget.left === 0}>
            {t("invitations.codes.create")}
          </button>
        </Form>
      </div>

      <div className="card">
        <h2>{t("invitations.share.title")}</h2>
        <p>{t("invitations.share.intro")}</p>
        <label htmlFor="share-link">{t("invitations.share.link")}</label>
        <input id="share-link" type="text" readOnly value={shareLink} className="invite-link" />
        <div className="stats">
          <div>
            <Trans i18nKey="invitations.share.visits" count={shareStats.visits} components={[<strong key="count" />]} />
          </div>
          <div>
            <Trans i18nKey="invitations.share.signups" count={shareStats.signups} components={[<strong key="count" />]} />
          </div>
          <div>
            <Trans i18nKey="invitations.share.active" count={shareStats.active} components={[<strong key="count" />]} />
          </div>
        </div>
        <p className="meta">{t("invitations.share.noReward")}</p>
      </div>

      <h2>{t("invitations.list.title")}</h2>
      {invitations.length === 0 ? (
        <p className="empty">{t("invitations.list.empty")}</p>
      ) : (
        <ul className="invitation-list">
          {invitations.map((invitation) => (
            <li key={invitation.id} className={invitation.code === created ? "card invitation just-created" : "card invitation"}>
              <div className="invitation-head">
                <code className="invite-code">{invitation.code}</code>
                <span className={`status invitation-${invitation.status}`} data-status={invitation.status}>
                  {t(`invitations.statuses.${invitation.status}`)}
                </span>
              </div>
              {(invitation.status === "created" || invitation.status === "opened") && (
                <p>
                  <label htmlFor={`invite-link-${invitation.id}`}>{t("invitations.list.link")}</label>
                  <input
                    id={`invite-link-${invitation.id}`}
                    type="text"
                    readOnly
                    value={`${origin}/i/${invitation.code}`}
                    className="invite-link"
                  />
                </p>
              )}
              <ol className="invitation-steps" aria-label={t("invitations.list.progress")}>
                {(["opened", "joined", "active", "rewarded"] as const).map((step) => (
                  <li key={step} className={invitation.steps[step] ? "done" : undefined}>
                    {invitation.steps[step] ? "✓ " : ""}
                    {t(`invitations.steps.${step}`)}
                  </li>
                ))}
              </ol>
              <div className="meta">
                {invitation.invitee && (
                  <span>
                    {t("invitations.list.joinedAs")} <a href={`/u/${invitation.invitee.username}`}>{invitation.invitee.displayName}</a>
                  </span>
                )}
                {invitation.withheld && <span>{t(`invitations.withheld.${invitation.withheld}`)}</span>}
                <span>
                  {t("invitations.list.created")} <RelativeTime date={invitation.createdAt} />
                </span>
                {invitation.expiresAt && (invitation.status === "created" || invitation.status === "opened") && (
                  <span>
                    {t("invitations.list.expires")} <RelativeTime date={invitation.expiresAt} />
                  </span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
