import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getProfile } from "~/features/accounts/accounts.server";
import { LeadsDashboardView } from "~/features/leads/leads-dashboard";
import { LeadsMemberDetail } from "~/features/leads/member-detail";
import { memberLoyaltyHistory } from "~/features/leads/members.server";
import { badgesOf } from "~/features/honors/honor-wall.server";
import { titleMeta } from "~/i18n/meta";
import { leadsDashboard, requireLead, resolveScope } from "~/features/leads/leads.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleMeta(matches, (t) => (data?.scope.kind === "member" ? t("leads.titleMember", { name: data.scope.displayName }) : t("leads.title")));

// One member: their loyalty's weeks and what moved it, their suggestions and honors, and their
// own satisfaction, achievement and loyalty with their suggestions' figures.
export function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireLead(request);
  const scope = resolveScope(viewer, { member: params.username ?? "" });
  if (scope.kind !== "member") throw new Response("Not found", { status: 404 });
  return {
    scope,
    data: leadsDashboard(scope, viewer),
    history: memberLoyaltyHistory(scope.userId),
    suggestions: getProfile(scope.username, viewer)?.recentSuggestions ?? [],
    badges: badgesOf(scope.userId),
  };
}

export default function LeadsMemberPage() {
  const { scope, data, history, suggestions, badges } = useLoaderData<typeof loader>();
  return (
    <>
      <LeadsDashboardView data={data} scope={scope} />
      <LeadsMemberDetail history={history} suggestions={suggestions} badges={badges} />
    </>
  );
}
