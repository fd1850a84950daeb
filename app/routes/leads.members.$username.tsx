import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LeadsDashboardView } from "~/features/leads/leads-dashboard";
import { titleMeta } from "~/i18n/meta";
import { leadsDashboard, requireLead, resolveScope } from "~/features/leads/leads.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleMeta(matches, (t) => (data?.scope.kind === "member" ? t("leads.titleMember", { name: data.scope.displayName }) : t("leads.title")));

// One member's own satisfaction, achievement and loyalty, with their suggestions' figures.
export function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireLead(request);
  const scope = resolveScope(viewer, { member: params.username ?? "" });
  return { scope, data: leadsDashboard(scope, viewer) };
}

export default function LeadsMemberPage() {
  const { scope, data } = useLoaderData<typeof loader>();
  return <LeadsDashboardView data={data} scope={scope} />;
}
