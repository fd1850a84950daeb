// /staff/campaigns: staff start a time-boxed campaign on a board and see every campaign with
// its entries and picks (picks are made on each campaign's own staff page).
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { requireRole } from "~/features/accounts/auth.server";
import { findBoardBySlug, listBoards } from "~/features/boards/boards.server";
import { createCampaign, listCampaigns } from "~/features/campaigns/campaigns.server";
import { BoardOptions } from "~/components/board-options";
import { CampaignDates, CampaignTiming } from "~/features/campaigns/campaign-banner";
import { Field, steadyValidation } from "~/components/field";
import { CAMPAIGN_BANNER_MAX, CAMPAIGN_TITLE_MAX, campaignSchema } from "~/features/campaigns/forms";
import { titleMeta } from "~/i18n/meta";
import { useLocalized } from "~/i18n/use-localized";
import { STAFF_ROLES } from "~/features/roles/permissions";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "campaigns.staff.title");

const DAY = 24 * 60 * 60 * 1000;
// The value of a datetime-local input, in UTC (see campaignSchema).
const inputMoment = (date: Date) => date.toISOString().slice(0, 16);

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireRole(request, STAFF_ROLES);
  // Defaults from the server's clock, so the form is the same before and after hydration.
  const nextHour = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
  return {
    campaigns: listCampaigns(),
    boards: listBoards(user).map((b) => ({ slug: b.slug, nameEn: b.nameEn, nameZh: b.nameZh })),
    defaults: { startsAt: inputMoment(nextHour), endsAt: inputMoment(new Date(nextHour.getTime() + 14 * DAY)) },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireRole(request, STAFF_ROLES);
  const submission = parseWithZod(await request.formData(), { schema: campaignSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { board: boardSlug, ...campaign } = submission.value;
  const board = findBoardBySlug(boardSlug, user);
  if (!board) return data({ result: submission.reply({ fieldErrors: { board: ["forms.unknownBoard"] } }) }, { status: 400 });
  const created = createCampaign({ ...campaign, boardId: board.id, createdById: user.id });
  return redirect(`/campaigns/${created.slug}`);
}

export default function StaffCampaignsPage() {
  const { campaigns } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <>
      <h1>{t("campaigns.staff.title")}</h1>
      <p>{t("campaigns.staff.intro")}</p>
      <div className="layout-2col">
        <section aria-labelledby="campaigns-heading">
          <h2 id="campaigns-heading">{t("campaigns.staff.list")}</h2>
          {campaigns.length === 0 ? (
            <p className="empty">{t("campaigns.staff.none")}</p>
          ) : (
            <ul className="suggestion-list">
              {campaigns.map((c) => (
                <li key={c.id} id={`campaign-${c.slug}`} className="suggestion-item">
                  <div>
                    <h3>
                      <a href={`/staff/campaigns/${c.slug}`}>{localized(c.titleEn, c.titleZh)}</a>
                    </h3>
                    <div className="meta">
                      <span className={`status campaign-phase-${c.phase}`}>{t(`campaigns.phase.${c.phase}`)}</span>
                      <CampaignTiming campaign={c} />
                      <a href={`/b/${c.boardSlug}`}>{localized(c.boardNameEn, c.boardNameZh)}</a>
                      <CampaignDates startsAt={c.startsAt} endsAt={c.endsAt} />
                      <span>{t("campaigns.staff.stats", { entries: c.entries, picks: c.picks })}</span>
                      <a href={`/campaigns/${c.slug}`}>{t("campaigns.staff.viewPublic")}</a>
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <CreateCampaignForm />
      </div>
    </>
  );
}

function CreateCampaignForm() {
  const { boards, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof campaignSchema>, z.output<typeof campaignSchema>>({
    id: "create-campaign",
    lastResult: actionData?.result,
    defaultValue: defaults,
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: campaignSchema }),
  });
  return (
    <section className="card" aria-labelledby="create-campaign-heading">
      <h2 id="create-campaign-heading">{t("campaigns.staff.create")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <Field field={fields.board} label={t("campaigns.staff.boardLabel")}>
          <select {...getSelectProps(fields.board)}>
            <BoardOptions boards={boards} emptyLabel={t("campaigns.staff.chooseBoard")} />
          </select>
        </Field>
        <Field field={fields.titleEn} label={t("campaigns.staff.titleEnLabel")} hint={t("campaigns.staff.titleHint")}>
          <input {...getInputProps(fields.titleEn, { type: "text", ariaDescribedBy: fields.titleEn.descriptionId })} maxLength={CAMPAIGN_TITLE_MAX} />
        </Field>
        <Field field={fields.titleZh} label={t("campaigns.staff.titleZhLabel")}>
          <input {...getInputProps(fields.titleZh, { type: "text" })} lang="zh-CN" maxLength={CAMPAIGN_TITLE_MAX} />
        </Field>
        <Field field={fields.bannerEn} label={t("campaigns.staff.bannerEnLabel")} hint={t("campaigns.staff.bannerHint")}>
          <textarea {...getTextareaProps(fields.bannerEn, { ariaDescribedBy: fields.bannerEn.descriptionId })} rows={3} maxLength={CAMPAIGN_BANNER_MAX} />
        </Field>
        <Field field={fields.bannerZh} label={t("campaigns.staff.bannerZhLabel")}>
          <textarea {...getTextareaProps(fields.bannerZh)} lang="zh-CN" rows={3} maxLength={CAMPAIGN_BANNER_MAX} />
        </Field>
        <Field field={fields.startsAt} label={t("campaigns.staff.startsAtLabel")}>
          <input {...getInputProps(fields.startsAt, { type: "datetime-local" })} />
        </Field>
        <Field field={fields.endsAt} label={t("campaigns.staff.endsAtLabel")}>
          <input {...getInputProps(fields.endsAt, { type: "datetime-local" })} />
        </Field>
        <button type="submit" className="primary">
          {t("campaigns.staff.createSubmit")}
        </button>
      </Form>
    </section>
  );
}
