import type { LoaderFunctionArgs } from "@remix-run/node";
import { getOptionalUser } from "~/features/accounts/auth.server";
import { findSimilarSuggestions } from "~/features/search/search.server";

// Feeds the "similar suggestions" hint on the new-suggestion form.
export function loader({ request }: LoaderFunctionArgs) {
  const title = (new URL(request.url).searchParams.get("title") ?? "").slice(0, 140);
  return { similar: findSimilarSuggestions(title, { viewer: getOptionalUser(request) }) };
}
