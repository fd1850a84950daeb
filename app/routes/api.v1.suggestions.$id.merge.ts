// Staff: merge this suggestion into another (it becomes the duplicate), through the same
// mergeSuggestion as the staff form; the target must be visible to the caller too.
import type { ActionFunctionArgs } from "@remix-run/node";
import { idParam, json, methodNotAllowed, problem, readJson, requireToken } from "~/features/api/http.server";
import { mergeBody } from "~/features/api/schemas";
import { errorField } from "~/features/lifecycle/lifecycle";
import { mergeSuggestion } from "~/features/lifecycle/lifecycle.server";
import { isStaff } from "~/features/roles/permissions";
import { findVisibleSuggestion } from "~/features/suggestions/suggestions.server";

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") throw methodNotAllowed(["POST"]);
  const actor = requireToken(request, "staff");
  if (!isStaff(actor.user)) throw problem(request, "forbidden", { actor });
  const id = idParam(request, params.id, actor);
  if (!findVisibleSuggestion(id, actor.user)) throw problem(request, "not_found", { actor });
  const value = await readJson(request, mergeBody, actor);
  if (!findVisibleSuggestion(value.targetId, actor.user)) throw problem(request, "invalid", { actor, errors: { targetId: ["lifecycle.errors.targetNotFound"] } });
  const merged = mergeSuggestion({ sourceId: id, actorId: actor.user.id, ...value });
  if (merged.ok) return json({ mergeId: merged.mergeId }, { status: 201 });
  if (merged.reason === "source_not_found") throw problem(request, "not_found", { actor });
  if (merged.reason === "target_not_found") throw problem(request, "invalid", { actor, errors: { targetId: ["lifecycle.errors.targetNotFound"] } });
  throw problem(request, "invalid", { actor, errors: { [errorField(merged.error)]: [merged.error] } });
}

export function loader() {
  throw methodNotAllowed(["POST"]);
}
