// Leads: the word-of-mouth score with its breakdown and weekly history.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, methodNotAllowed, problem, requireToken } from "~/features/api/http.server";
import { scoreForApi } from "~/features/api/leads.server";
import { leadsQuerySchema } from "~/features/api/schemas";
import { canViewLeadsDashboard } from "~/features/roles/permissions";

export function loader({ request }: LoaderFunctionArgs) {
  const actor = requireToken(request, "leads");
  if (!canViewLeadsDashboard(actor.user)) throw problem(request, "forbidden", { actor });
  const parsed = leadsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw problem(request, "invalid", { actor });
  const score = scoreForApi(actor, parsed.data);
  if (!score) throw problem(request, "not_found", { actor });
  return json(score);
}

export function action() {
  throw methodNotAllowed(["GET"]);
}
