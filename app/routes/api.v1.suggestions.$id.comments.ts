// POST a comment, or with "official": true the team's official reply (staff scope), through
// the same addComment as the suggestion page.
import type { ActionFunctionArgs } from "@remix-run/node";
import { idParam, json, methodNotAllowed, problem, readJson, requireToken } from "~/features/api/http.server";
import { commentBody } from "~/features/api/schemas";
import { addComment } from "~/features/comments/comments.server";
import { canPostOfficialReply } from "~/features/roles/permissions";
import { findVisibleSuggestion } from "~/features/suggestions/suggestions.server";

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") throw methodNotAllowed(["POST"]);
  const actor = requireToken(request, "write");
  const id = idParam(request, params.id, actor);
  if (!findVisibleSuggestion(id, actor.user)) throw problem(request, "not_found", { actor });
  const { body, parentId, official } = await readJson(request, commentBody, actor);
  if (official && !(actor.scopes.has("staff") && canPostOfficialReply(actor.user))) throw problem(request, "forbidden", { actor, detail: "scope: staff" });
  const added = addComment({ suggestionId: id, authorId: actor.user.id, body, parentId, official });
  if (!added.ok && added.reason === "not_found") throw problem(request, "not_found", { actor });
  if (!added.ok) throw problem(request, "invalid", { actor, errors: { parentId: ["forms.invalid"] } });
  const url = `${new URL(request.url).origin}/s/${id}?comment=${added.id}`;
  return json({ id: added.id, url }, { status: added.repeated ? 200 : 201 });
}

export function loader() {
  throw methodNotAllowed(["POST"]);
}
