import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LeadsDashboardView } from "~/features/leads/leads-dashboard";
import { titleMeta } from "~/i18n/meta";
import { leadsDashboard, requireLead, resolveScope } from "~/features/leads/leads.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "leads.title");

// The community's dashboard, or one board's with ?board=slug.
export function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireLead(request);
  const scope = resolveScope(viewer, { board: new URL(request.url).searchParams.get("board") });
  return { scope, data: leadsDashboard(scope, viewer) };
}

export default function LeadsPage() {
  const { scope, data } = useLoaderData<typeof loader>();
  return <LeadsDashboardView data={data} scope={scope} />;
}
