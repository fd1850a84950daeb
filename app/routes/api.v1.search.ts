// Full-text search over the suggestions the caller may see, as /search answers it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, methodNotAllowed, problem, requireToken } from "~/features/api/http.server";
import { searchQuerySchema } from "~/features/api/schemas";
import { searchSuggestions } from "~/features/search/search.server";

export function loader({ request }: LoaderFunctionArgs) {
  const actor = requireToken(request, "read");
  const url = new URL(request.url);
  const parsed = searchQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw problem(request, "invalid", { actor, errors: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), ["forms.invalid"]])) });
  const found = searchSuggestions({ query: parsed.data.q, page: parsed.data.page, viewer: actor.user });
  return json({
    results: found.results.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      voteCount: r.voteCount,
      board: r.boardSlug,
      createdAt: new Date(r.createdAt).toISOString(),
      url: `${url.origin}/s/${r.id}`,
    })),
    total: found.total,
    page: found.page,
    pages: found.pages,
  });
}

export function action() {
  throw methodNotAllowed(["GET"]);
}
