import type { LoaderFunctionArgs } from "@remix-run/node";
import { LEADS_TABLES, leadsTableCsv, type LeadsTable, type Translate } from "~/features/leads/leads-tables";
import { leadsDashboard, requireLead, resolveScope } from "~/features/leads/leads.server";
import { translator } from "~/i18n/i18n";
import { resolveLanguage } from "~/platform/locale.server";

const notFound = () => new Response("Not found", { status: 404 });

// /leads/csv/<table>[?board=slug|?member=username]: one of the dashboard's tables as CSV,
// with the table's labels in the lead's language.
export function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireLead(request);
  const name = params.table as LeadsTable;
  if (!LEADS_TABLES.includes(name)) throw notFound();
  const query = new URL(request.url).searchParams;
  const scope = resolveScope(viewer, { board: query.get("board"), member: query.get("member") });
  const language = resolveLanguage(request, viewer);
  const csv = leadsTableCsv(name, leadsDashboard(scope, viewer), translator(language) as Translate, language);
  if (csv === null) throw notFound();
  const suffix = scope.kind === "board" ? `-${scope.slug}` : scope.kind === "member" ? `-${scope.username}` : "";
  // A byte-order mark so spreadsheet programs read the UTF-8 (Chinese names) correctly.
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="sprout-${name}${suffix.replace(/[^\w-]/g, "_")}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
