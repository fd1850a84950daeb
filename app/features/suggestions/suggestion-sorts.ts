// The ways a list of suggestions can be ordered (shared by the loader and the sort tabs).
export const SORTS = ["hot", "top", "new", "trending"] as const;
export type Sort = (typeof SORTS)[number];
