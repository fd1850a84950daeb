// GET: suggestions as the boards list them (filters, sorts, cursor pages). POST: post one,
// exactly as /s/new does.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { findBoardBySlug, findTagsBySlugs } from "~/features/boards/boards.server";
import { json, methodNotAllowed, problem, readJson, requireToken } from "~/features/api/http.server";
import { createSuggestionBody, listQuerySchema } from "~/features/api/schemas";
import { listForApi } from "~/features/api/suggestions.server";
import { createSuggestion } from "~/features/suggestions/suggestions.server";

export function loader({ request }: LoaderFunctionArgs) {
  const actor = requireToken(request, "read");
  const url = new URL(request.url);
  const parsed = listQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    throw problem(request, "invalid", { actor, errors: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), ["forms.invalid"]])) });
  }
  const outcome = listForApi(parsed.data, actor, url.origin);
  if (!outcome.ok) {
    const key = outcome.field === "board" ? "forms.unknownBoard" : outcome.field === "tag" ? "forms.unknownTag" : "forms.invalid";
    throw problem(request, "invalid", { actor, errors: { [outcome.field]: [key] } });
  }
  return json(outcome.list);
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") throw methodNotAllowed(["GET", "POST"]);
  const actor = requireToken(request, "write");
  const user = actor.user;
  const { title, body, board: boardSlug, tags: tagSlugs } = await readJson(request, createSuggestionBody, actor);
  const board = findBoardBySlug(boardSlug, user);
  const tags = board ? findTagsBySlugs(tagSlugs, user, board.id) : [];
  if (!board) throw problem(request, "invalid", { actor, errors: { board: ["forms.unknownBoard"] } });
  if (tags.length !== new Set(tagSlugs).size) throw problem(request, "invalid", { actor, errors: { tags: ["forms.unknownTag"] } });
  const { id } = createSuggestion({ authorId: user.id, boardId: board.id, title, body, tagIds: tags.map((t) => t.id) });
  const url = `${new URL(request.url).origin}/s/${id}`;
  return json({ id, url }, { status: 201, headers: { Location: url } });
}
