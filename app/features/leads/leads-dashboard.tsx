import { useTranslation } from "react-i18next";
import { BarChart, TrendChart } from "~/components/charts";
import { useLocalized } from "~/i18n/use-localized";
import type { LeadsTable } from "~/features/leads/leads-tables";
import type { LeadsDashboard } from "~/features/leads/leads.server";
import { DIMENSIONS } from "~/features/scoring/terms";
import { drillDownHref } from "~/features/leads/member-list";
import { objectKey, SharedFragment } from "~/platform/shared-fragments";

type Scope = { kind: "community" } | { kind: "board"; slug: string; nameEn: string; nameZh: string } | { kind: "member"; username: string; displayName: string };

const percent = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);
const one = (x: number | null) => (x === null ? "—" : x.toFixed(1));
const signed = (x: number) => `${x > 0 ? "+" : ""}${x.toFixed(1)}`;

function csvHref(table: LeadsTable, scope: Scope) {
  const query = scope.kind === "board" ? `?board=${encodeURIComponent(scope.slug)}` : scope.kind === "member" ? `?member=${encodeURIComponent(scope.username)}` : "";
  return `/leads/csv/${table}${query}`;
}

function Download({ table, scope }: { table: LeadsTable; scope: Scope }) {
  const { t } = useTranslation();
  return (
    <a className="csv-link" href={csvHref(table, scope)} download data-testid={`csv-${table}`}>
      {t("leads.downloadCsv")}
    </a>
  );
}

function Section({ id, title, table, scope, children }: { id: string; title: string; table?: LeadsTable; scope: Scope; children: React.ReactNode }) {
  return (
    <section className="card leads-section" aria-labelledby={id}>
      <div className="leads-section-head">
        <h2 id={id}>{title}</h2>
        {table && <Download table={table} scope={scope} />}
      </div>
      {children}
    </section>
  );
}

// The dashboard shows its data and nothing of the lead reading it: the server reuses its markup
// for as long as the cached data it was rendered from lives (app/platform/shared-fragments.tsx;
// leadsDashboard keeps one object per scope and visibility until the database changes).
export function LeadsDashboardView({ data, scope }: { data: LeadsDashboard; scope: Scope }) {
  return (
    <SharedFragment cacheKey={`leads-dashboard\u0000${objectKey(data)}\u0000${JSON.stringify(scope)}`} attributes={{ className: "leads-page" }}>
      <Dashboard data={data} scope={scope} />
    </SharedFragment>
  );
}

function Dashboard({ data, scope }: { data: LeadsDashboard; scope: Scope }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { report } = data.current;
  const heading =
    scope.kind === "board"
      ? t("leads.titleBoard", { board: localized(scope.nameEn, scope.nameZh) })
      : scope.kind === "member"
        ? t("leads.titleMember", { name: scope.displayName })
        : t("leads.title");
  const labels = data.trend.map((w) => w.weekStart);
  return (
    <div className="leads">
      <h1>{heading}</h1>
      <p className="meta">
        <span>{t("leads.week", { week: data.current.weekStart })}</span>
        {data.current.live && <span>{t("leads.live")}</span>}
        {data.current.earlierWeek && <span data-testid="earlier-week">{t("leads.earlierWeek")}</span>}
        {scope.kind !== "community" && <a href="/leads">{t("leads.backToCommunity")}</a>}
        <a href="/leads/members" data-testid="members-link">{t("leads.memberList.title")}</a>
      </p>

      <section className="card leads-score" aria-labelledby="score-heading">
        <h2 id="score-heading" className="visually-hidden">
          {t("leads.scoreHeading")}
        </h2>
        <div className="stats">
          <div>
            <strong data-testid="score-total">{one(report.total)}</strong>
            {t("leads.total")}
            {report.confidence.low && (
              <span className="score-confidence" data-testid="low-confidence" title={t("leads.lowConfidenceHint")}>
                {t("leads.lowConfidence")}
              </span>
            )}
            {data.change && <span className="score-change">{t("leads.change", { change: signed(data.change.total) })}</span>}
          </div>
          {DIMENSIONS.map((d) => (
            <div key={d}>
              <strong data-testid={`score-${d}`}>{one(report[d])}</strong>
              {t(`scoring.dimensions.${d}`)}
              {d === "loyalty" && data.loyaltyRank && (
                <span className="meta" data-testid="loyalty-percentile">
                  {t("leads.loyaltyPercentile", { percentile: data.loyaltyRank.percentile, count: data.loyaltyRank.members - 1 })}
                </span>
              )}
              {data.change && <span className="score-change">{t("leads.change", { change: signed(data.change[d]) })}</span>}
            </div>
          ))}
        </div>
        {report.bestAction && (
          <p className="best-action" data-testid="best-action">
            <strong>{t("leads.bestAction")}</strong> {t(`scoring.${report.bestAction.action.key}`, report.bestAction.action.values)}{" "}
            <span className="meta">{t("leads.gain", { gain: report.bestAction.gain.toFixed(1) })}</span>
          </p>
        )}
        {report.notes.length > 0 && (
          <ul className="score-notes">
            {report.notes.map((n, i) => (
              <li key={i}>{t(`scoring.${n.key}`, { ...n.values, term: n.termId ? t(`scoring.terms.${n.termId}.name`) : "" })}</li>
            ))}
          </ul>
        )}
      </section>

      <Section id="breakdown-heading" title={t("leads.breakdown")} table="breakdown" scope={scope}>
        <table className="data-table" data-testid="breakdown">
          <thead>
            <tr>
              <th scope="col">{t("leads.term")}</th>
              <th scope="col">{t("leads.dimension")}</th>
              <th scope="col">{t("leads.points")}</th>
              <th scope="col">{t("leads.missing")}</th>
              <th scope="col">{t("leads.measured")}</th>
            </tr>
          </thead>
          <tbody>
            {report.terms.map((term) => (
              <tr key={term.id}>
                <th scope="row">{t(`scoring.terms.${term.id}.name`)}</th>
                <td>{t(`scoring.dimensions.${term.dimension}`)}</td>
                <td>
                  {term.points.toFixed(1)} / {term.maxPoints}
                </td>
                <td>{term.missing.toFixed(1)}</td>
                <td>
                  {t(`scoring.terms.${term.id}.detail`, term.detail)}
                  {!term.enoughData && <span className="meta"> {t("leads.littleData")}</span>}
                  {scope.kind !== "member" && drillDownHref(term.id, scope.kind === "board" ? scope.slug : undefined) && (
                    <>
                      {" · "}
                      <a href={drillDownHref(term.id, scope.kind === "board" ? scope.slug : undefined)!} data-testid={`drill-${term.id}`}>
                        {t(`leads.drillDown.${term.id}`)}
                      </a>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section id="trend-heading" title={t("leads.trend")} table="trend" scope={scope}>
        {data.trend.some((w) => w.previousFormula) && (
          <p className="meta" data-testid="previous-formula">
            {t("leads.previousFormula", { week: data.trend.filter((w) => w.previousFormula).at(-1)!.weekStart })}
          </p>
        )}
        {data.trend.length === 0 ? (
          <p className="empty">{t("leads.noHistory")}</p>
        ) : (
          <TrendChart
            title={t("leads.trendChartTitle")}
            description={t("leads.trendChartDescription", { weeks: data.trend.length, total: one(data.trend.at(-1)!.total) })}
            labels={labels}
            series={[
              { label: t("leads.total"), values: data.trend.map((w) => w.total), className: "series-total" },
              ...DIMENSIONS.map((d) => ({ label: t(`scoring.dimensions.${d}`), values: data.trend.map((w) => w[d]), className: `series-${d}` })),
            ]}
          />
        )}
      </Section>

      <Section id="responses-heading" title={t("leads.responseTimes")} table="response-times" scope={scope}>
        <div className="stats">
          <div>
            <strong>{one(data.responseTimes.medianHours)}</strong>
            {t("leads.medianHours")}
          </div>
          <div>
            <strong>{one(data.responseTimes.p90Hours)}</strong>
            {t("leads.p90Hours")}
          </div>
          <div>
            <strong>{percent(data.responseTimes.withinTargetShare)}</strong>
            {t("leads.withinTarget", { hours: data.responseTimes.targetHours })}
          </div>
          <div>
            <strong>{data.responseTimes.unanswered}</strong>
            {t("leads.unanswered")}
          </div>
        </div>
        <BarChart
          title={t("leads.responseChartTitle")}
          description={t("leads.responseChartDescription", { answered: data.responseTimes.answered })}
          bars={data.responseTimes.buckets.map((b) => ({
            label: b.upToHours === null ? t("leads.slower") : t("leads.upToHours", { hours: b.upToHours }),
            value: b.count,
            className: b.upToHours !== null && b.upToHours <= data.responseTimes.targetHours ? "bar-ok" : "bar-late",
          }))}
        />
      </Section>

      <Section id="funnel-heading" title={t("leads.funnel")} table="funnel" scope={scope}>
        <ol className="funnel" data-testid="funnel">
          {data.funnel.map((step) => (
            <li key={step.step}>
              <strong>{step.count}</strong> {t(`leads.funnelSteps.${step.step}`)}
              {step.rateFromPrevious !== null && <span className="meta"> {t("leads.ofPrevious", { rate: percent(step.rateFromPrevious) })}</span>}
            </li>
          ))}
        </ol>
      </Section>

      {data.cohorts && (
        <Section id="cohorts-heading" title={t("leads.cohorts")} table="cohorts" scope={scope}>
          <p className="meta">{t("leads.cohortsIntro")}</p>
          <BarChart
            title={t("leads.cohortLoyaltyTitle")}
            description={t("leads.cohortLoyaltyDescription")}
            bars={data.cohorts.filter((c) => c.loyalty !== null).map((c) => ({ label: c.month.slice(2), value: c.loyalty!, className: "bar-loyalty" }))}
          />
          <div className="table-scroll">
            <table className="data-table heat-table" data-testid="cohort-table">
              <thead>
                <tr>
                  <th scope="col">{t("leads.joinMonth")}</th>
                  <th scope="col">{t("leads.members")}</th>
                  <th scope="col">{t("scoring.dimensions.loyalty")}</th>
                  <th scope="col">{t("leads.memberList.status.gone")}</th>
                  {data.cohorts.map((_, age) => (
                    <th scope="col" key={age}>
                      {t("leads.monthN", { n: age })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.cohorts.map((c) => (
                  <tr key={c.month}>
                    <th scope="row">
                      <a href={`/leads/members?cohort=${c.month}`}>{c.month}</a>
                    </th>
                    <td>{c.members}</td>
                    <td>{c.loyalty === null ? "—" : one(c.loyalty)}</td>
                    <td>{c.gone > 0 ? <a href={`/leads/members?cohort=${c.month}&status=gone`}>{c.gone}</a> : c.gone}</td>
                    {data.cohorts!.map((_, age) => {
                      const share = c.retention[age];
                      return (
                        <td key={age} className="heat" style={share === null || share === undefined ? undefined : { ["--heat" as string]: share }}>
                          {share === null || share === undefined ? "" : percent(share)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      )}

      {data.advocates && (
        <Section id="advocates-heading" title={t("leads.advocates")} table="advocates" scope={scope}>
          <MemberTable
            rows={data.advocates.map((a) => ({ username: a.username, name: a.displayName, cells: [one(a.achievement), one(a.loyalty), one(a.total)] }))}
            headers={[t("scoring.dimensions.achievement"), t("scoring.dimensions.loyalty"), t("leads.total")]}
            empty={t("leads.noAdvocates")}
          />
        </Section>
      )}

      {data.atRisk && (
        <Section id="atrisk-heading" title={t("leads.atRisk")} table="at-risk" scope={scope}>
          <p className="meta">{t("leads.atRiskIntro")}</p>
          <MemberTable
            rows={data.atRisk.map((m) => ({ username: m.username, name: m.displayName, cells: [String(m.daysActiveBefore), m.lastActiveDay, String(m.quietDays)] }))}
            headers={[t("leads.daysActiveBefore"), t("leads.lastActive"), t("leads.quietDays")]}
            empty={t("leads.noAtRisk")}
          />
        </Section>
      )}

      {data.boards && (
        <Section id="boards-heading" title={t("leads.boards")} table="boards" scope={scope}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("leads.board")}</th>
                <th scope="col">{t("leads.total")}</th>
                {DIMENSIONS.map((d) => (
                  <th scope="col" key={d}>
                    {t(`scoring.dimensions.${d}`)}
                  </th>
                ))}
                <th scope="col">{t("leads.weekChange")}</th>
              </tr>
            </thead>
            <tbody>
              {data.boards.map((b) => (
                <tr key={b.slug}>
                  <th scope="row">
                    <a href={`/leads?board=${encodeURIComponent(b.slug)}`}>{localized(b.nameEn, b.nameZh)}</a>
                  </th>
                  <td>{one(b.total)}</td>
                  <td>{one(b.satisfaction)}</td>
                  <td>{one(b.achievement)}</td>
                  <td>{one(b.loyalty)}</td>
                  <td>{b.change === null ? "—" : signed(b.change)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      )}

      {data.complaints && (
        <Section id="complaints-heading" title={t("leads.complaints")} table="complaints" scope={scope}>
          <p className="meta">{t("leads.complaintsMedian", { hours: one(data.complaints.medianResolutionHours) })}</p>
          {data.complaints.bySubject.length === 0 ? (
            <p className="empty">{t("leads.noComplaints")}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("leads.subject")}</th>
                  <th scope="col">{t("leads.filed")}</th>
                  <th scope="col">{t("leads.open")}</th>
                  <th scope="col">{t("leads.resolved")}</th>
                  <th scope="col">{t("leads.averageRating")}</th>
                </tr>
              </thead>
              <tbody>
                {data.complaints.bySubject.map((c) => (
                  <tr key={c.subject}>
                    <th scope="row">{t(`leads.subjects.${c.subject}`)}</th>
                    <td>{c.filed}</td>
                    <td>{c.open}</td>
                    <td>{c.resolved}</td>
                    <td>{one(c.averageRating)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
      )}

      <Section id="nps-heading" title={t("leads.nps")} scope={scope}>
        {data.nps.score === null ? (
          <p className="empty">{t("leads.noNps")}</p>
        ) : (
          <p data-testid="nps">
            <strong>{signed(data.nps.score)}</strong>{" "}
            {t("leads.npsDetail", { answers: data.nps.answers, promoters: data.nps.promoters, detractors: data.nps.detractors })}
          </p>
        )}
      </Section>
    </div>
  );
}

function MemberTable({ rows, headers, empty }: { rows: { username: string; name: string; cells: string[] }[]; headers: string[]; empty: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="empty">{empty}</p>;
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t("leads.member")}</th>
          {headers.map((h) => (
            <th scope="col" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.username}>
            <th scope="row">
              <a href={`/leads/members/${encodeURIComponent(r.username)}`}>{r.name}</a>
            </th>
            {r.cells.map((c, i) => (
              <td key={i}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
