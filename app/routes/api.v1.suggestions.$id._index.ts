// One suggestion with its official replies and status history, as its page shows them.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { idParam, json, methodNotAllowed, problem, requireToken } from "~/features/api/http.server";
import { detailForApi } from "~/features/api/suggestions.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  const actor = requireToken(request, "read");
  const detail = detailForApi(idParam(request, params.id, actor), actor, new URL(request.url).origin);
  if (!detail) throw problem(request, "not_found", { actor });
  return json(detail);
}

export function action() {
  throw methodNotAllowed(["GET"]);
}
