// Staff: move a suggestion through its lifecycle with a note (a release script marks it
// shipped here), through the same changeStatus as the staff form.
import type { ActionFunctionArgs } from "@remix-run/node";
import { idParam, json, methodNotAllowed, problem, readJson, requireToken } from "~/features/api/http.server";
import { statusBody } from "~/features/api/schemas";
import { errorField } from "~/features/lifecycle/lifecycle";
import { changeStatus } from "~/features/lifecycle/lifecycle.server";
import { isStaff } from "~/features/roles/permissions";
import { findVisibleSuggestion } from "~/features/suggestions/suggestions.server";

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") throw methodNotAllowed(["POST"]);
  const actor = requireToken(request, "staff");
  if (!isStaff(actor.user)) throw problem(request, "forbidden", { actor });
  const id = idParam(request, params.id, actor);
  if (!findVisibleSuggestion(id, actor.user)) throw problem(request, "not_found", { actor });
  const value = await readJson(request, statusBody, actor);
  const changed = changeStatus({ suggestionId: id, actorId: actor.user.id, ...value });
  if (changed.ok) return json({ statusChangeId: changed.statusChangeId }, { status: 201 });
  if (changed.reason === "invalid") throw problem(request, "invalid", { actor, errors: { [errorField(changed.error)]: [changed.error] } });
  throw problem(request, "not_found", { actor });
}

export function loader() {
  throw methodNotAllowed(["POST"]);
}
