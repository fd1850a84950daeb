import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LeadsMemberList } from "~/features/leads/member-list-view";
import { parseMemberQuery } from "~/features/leads/member-list";
import { listMembers } from "~/features/leads/members.server";
import { titleMeta } from "~/i18n/meta";
import { requireLead } from "~/features/leads/leads.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "leads.memberList.title");

// Every member with their stored loyalty, filtered, sorted and paged by the query string.
export function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireLead(request);
  return listMembers(parseMemberQuery(new URL(request.url).searchParams), viewer);
}

export default function LeadsMembersPage() {
  return <LeadsMemberList list={useLoaderData<typeof loader>()} />;
}
