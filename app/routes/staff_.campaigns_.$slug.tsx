// /staff/campaigns/:slug: once a campaign has ended, staff pick entries (each with a note
// saying why) or take a pick back. The picks show on the public campaign page.
import { getFormProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/features/accounts/auth.server";
import { campaignPicksOf, findCampaign, pickEntry, unpickEntry } from "~/features/campaigns/campaigns.server";
import { CampaignDates, CampaignTiming } from "~/features/campaigns/campaign-banner";
import { Field, FormError, steadyValidation } from "~/components/field";
import { PICK_NOTE_MAX, pickSchema, unpickSchema } from "~/features/campaigns/forms";
import { titleMeta } from "~/i18n/meta";
import { useLocalized } from "~/i18n/use-localized";
import { STAFF_ROLES } from "~/features/roles/permissions";
import { listSuggestions } from "~/features/suggestions/suggestions.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "campaigns.staff.title");

// Picks come from the top of the ranking; a hundred entries is more than any list to choose from.
const ENTRY_CHOICES = 100;

function campaignFor(request: Request, slug: string | undefined) {
  const user = requireRole(request, STAFF_ROLES);
  const campaign = findCampaign(slug ?? "", user);
  if (!campaign) throw new Response("Not found", { status: 404 });
  return { user, campaign };
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const { user, campaign } = campaignFor(request, params.slug);
  const entries =
    campaign.tagId === null
      ? []
      : listSuggestions({ boardId: campaign.boardId, tagId: campaign.tagId, sort: "top", page: 1, pageSize: ENTRY_CHOICES, viewer: user }).items;
  return {
    campaign,
    entries: entries.map((e) => ({ id: e.id, title: e.title, voteCount: e.voteCount })),
    picks: campaignPicksOf(campaign.id, user),
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { campaign } = campaignFor(request, params.slug);
  const formData = await request.formData();
  if (formData.get("intent") === "unpick") {
    const submission = parseWithZod(formData, { schema: unpickSchema });
    if (submission.status !== "success") throw new Response("Bad request", { status: 400 });
    unpickEntry({ campaignId: campaign.id, suggestionId: submission.value.suggestionId });
    return redirect(`/staff/campaigns/${campaign.slug}`);
  }
  const submission = parseWithZod(formData, { schema: pickSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const picked = pickEntry({ campaign, ...submission.value });
  if (!picked.ok) {
    const reply =
      picked.reason === "not_entry"
        ? submission.reply({ fieldErrors: { suggestionId: ["campaigns.errors.notEntry"] } })
        : submission.reply({ formErrors: ["campaigns.errors.notFinished"] });
    return data({ result: reply }, { status: 400 });
  }
  return redirect(`/staff/campaigns/${campaign.slug}`);
}

export default function StaffCampaignPicksPage() {
  const { campaign, picks } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <>
      <p>
        <a href="/staff/campaigns">← {t("campaigns.staff.back")}</a>
      </p>
      <h1>{t("campaigns.staff.pickTitle", { title: localized(campaign.titleEn, campaign.titleZh) })}</h1>
      <p className="meta">
        <span>{t(`campaigns.phase.${campaign.phase}`)}</span>
        <CampaignTiming campaign={campaign} />
        <CampaignDates startsAt={campaign.startsAt} endsAt={campaign.endsAt} />
        <a href={`/campaigns/${campaign.slug}`}>{t("campaigns.staff.viewPublic")}</a>
      </p>
      <div className="layout-2col">
        <section aria-labelledby="picks-heading">
          <h2 id="picks-heading">{t("campaigns.staff.currentPicks")}</h2>
          {picks.length === 0 ? (
            <p className="empty">{t("campaigns.staff.noPicks")}</p>
          ) : (
            <ul className="suggestion-list">
              {picks.map((p) => (
                <li key={p.suggestionId} className="suggestion-item">
                  <div>
                    <h3>
                      <a href={`/s/${p.suggestionId}`}>{p.title}</a>
                    </h3>
                    {p.note && <p>{p.note}</p>}
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="unpick" />
                      <input type="hidden" name="suggestionId" value={p.suggestionId} />
                      <button type="submit">{t("campaigns.staff.unpick")}</button>
                    </Form>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <PickForm />
      </div>
    </>
  );
}

function PickForm() {
  const { campaign, entries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "pick-entry",
    lastResult: actionData?.result,
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: pickSchema }),
  });
  return (
    <section className="card" aria-labelledby="pick-heading">
      <h2 id="pick-heading">{t("campaigns.staff.pickSubmit")}</h2>
      {campaign.phase !== "finished" ? (
        <p className="empty">{t("campaigns.staff.notFinished")}</p>
      ) : (
        <>
          <p className="meta">{t("campaigns.staff.pickIntro")}</p>
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="pick" />
            <FormError errors={form.errors} />
            <Field field={fields.suggestionId} label={t("campaigns.staff.entryLabel")}>
              <select {...getSelectProps(fields.suggestionId)}>
                <option value="">{t("campaigns.staff.chooseEntry")}</option>
                {entries.map((e) => (
                  <option key={e.id} value={e.id}>
                    {`#${e.id} ${e.title} (${t("suggestions.item.votes", { count: e.voteCount })})`}
                  </option>
                ))}
              </select>
            </Field>
            <Field field={fields.note} label={t("campaigns.staff.noteLabel")} hint={t("campaigns.staff.noteHint")}>
              <textarea {...getTextareaProps(fields.note, { ariaDescribedBy: fields.note.descriptionId })} rows={3} maxLength={PICK_NOTE_MAX} />
            </Field>
            <button type="submit" className="primary">
              {t("campaigns.staff.pickSubmit")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
