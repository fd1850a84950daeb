// A long discussion is shown a page of threads at a time: a thread is a top-level comment with
// all its replies, official replies lead, the others follow in the order they were posted.
// Pages split between threads, never inside one, so a reply is always next to what it answers.
// A link to one comment (`?comment=`, or replying to it) opens the page that holds it.

export const THREADS_PER_PAGE = 40;

type ThreadComment = { id: number; parentId: number | null; isOfficial: boolean };

type Layout<C> = { pages: C[][]; pageOf: Map<number, number> };

// A discussion is the cached list of suggestions.server (the same array until something
// changes), so it is laid out once rather than on every view of every page. Lists are
// read-only: one that changed would be a new array.
const layouts = new WeakMap<readonly ThreadComment[], Layout<ThreadComment>>();

function layoutOf<C extends ThreadComment>(comments: readonly C[]): Layout<C> {
  const known = layouts.get(comments);
  if (known) return known as Layout<C>;
  const byId = new Map(comments.map((c) => [c.id, c]));
  // A comment whose parent is not in the list starts its own thread.
  const rootOf = (comment: C) => {
    let current = comment;
    for (let depth = 0; current.parentId !== null && byId.has(current.parentId) && depth < comments.length; depth++) {
      current = byId.get(current.parentId)!;
    }
    return current.id;
  };
  const roots = comments.filter((c) => c.parentId === null || !byId.has(c.parentId));
  const ordered = [...roots.filter((c) => c.isOfficial), ...roots.filter((c) => !c.isOfficial)];
  const pageOfRoot = new Map(ordered.map((c, i) => [c.id, Math.floor(i / THREADS_PER_PAGE) + 1]));
  const layout: Layout<C> = { pages: Array.from({ length: Math.max(1, Math.ceil(ordered.length / THREADS_PER_PAGE)) }, () => []), pageOf: new Map() };
  for (const comment of comments) {
    const page = pageOfRoot.get(rootOf(comment))!;
    layout.pageOf.set(comment.id, page);
    layout.pages[page - 1].push(comment);
  }
  layouts.set(comments, layout);
  return layout;
}

export function commentPage<C extends ThreadComment>(comments: readonly C[], options: { page?: number; focus?: number | null }) {
  const layout = layoutOf(comments);
  const pages = layout.pages.length;
  const focused = options.focus ? layout.pageOf.get(options.focus) : undefined;
  const requested = options.page && Number.isSafeInteger(options.page) ? options.page : undefined;
  const page = Math.min(Math.max(1, requested ?? focused ?? 1), pages);
  return { comments: layout.pages[page - 1], page, pages };
}

// Where a link to one comment points.
export const commentPath = (suggestionId: number, commentId: number) => `/s/${suggestionId}?comment=${commentId}#comment-${commentId}`;
