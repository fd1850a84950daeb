// The roadmap: what the team has promised (planned) and is building (in progress), by board.
import type { SuggestionStatus } from "#db/schema";
import { listBoards, type Viewer } from "~/features/boards/boards.server";
import { listSuggestions, type SuggestionListItem } from "~/features/suggestions/suggestions.server";

export const ROADMAP_STATUSES = ["planned", "in_progress"] as const satisfies readonly SuggestionStatus[];

// A roadmap longer than this per status is a backlog, not a roadmap; the most wanted lead.
const ROADMAP_LIMIT = 200;

export function roadmapItems(viewer: Viewer = null): SuggestionListItem[] {
  return ROADMAP_STATUSES.flatMap(
    (status) => listSuggestions({ status, sort: "top", page: 1, pageSize: ROADMAP_LIMIT, viewer }).items,
  );
}

// Boards in their usual order, each with its planned and in-progress suggestions (most
// votes first); boards with neither are left out.
export function roadmap(viewer: Viewer = null) {
  const items = roadmapItems(viewer);
  return listBoards(viewer)
    .map((board) => {
      const onBoard = items.filter((s) => s.boardSlug === board.slug);
      return {
        board: { slug: board.slug, nameEn: board.nameEn, nameZh: board.nameZh },
        planned: onBoard.filter((s) => s.status === "planned"),
        inProgress: onBoard.filter((s) => s.status === "in_progress"),
      };
    })
    .filter((column) => column.planned.length + column.inProgress.length > 0);
}
