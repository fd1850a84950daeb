import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseMemberQuery } from "~/features/leads/member-list";
import { memberCsvStream } from "~/features/leads/members.server";
import { requireLead } from "~/features/leads/leads.server";
import { resolveLanguage } from "~/platform/locale.server";

// /leads/members.csv: every member of the list with its current filters and order (all
// pages), with the table's labels in the lead's language, streamed.
export function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireLead(request);
  const query = parseMemberQuery(new URL(request.url).searchParams);
  return new Response(memberCsvStream(query, viewer, resolveLanguage(request, viewer)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="sprout-members${query.cohort ? `-${query.cohort}` : ""}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
