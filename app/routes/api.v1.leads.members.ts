// Leads: the members' loyalty list (advocates, and those going quiet).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, methodNotAllowed, problem, requireToken } from "~/features/api/http.server";
import { membersForApi } from "~/features/api/leads.server";
import { canViewLeadsDashboard } from "~/features/roles/permissions";

export function loader({ request }: LoaderFunctionArgs) {
  const actor = requireToken(request, "leads");
  if (!canViewLeadsDashboard(actor.user)) throw problem(request, "forbidden", { actor });
  return json(membersForApi(actor));
}

export function action() {
  throw methodNotAllowed(["GET"]);
}
