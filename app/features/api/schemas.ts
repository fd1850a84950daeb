// The API's request and response shapes. Request bodies reuse the page forms' schemas, so a
// value a form refuses is refused here with the same message; the OpenAPI document
// (openapi.ts) is generated from these.
import { z } from "zod";
import { SUGGESTION_STATUSES } from "#db/enums";
import { mergeSchema, statusChangeSchema } from "~/features/lifecycle/forms";
import { commentSchema, suggestionSchema } from "~/features/suggestions/forms";

export const API_SORTS = ["hot", "top", "new"] as const;
export const API_PAGE_MAX = 100;

export const listQuerySchema = z.object({
  board: z.string().max(64).optional(),
  sort: z.enum(API_SORTS).default("hot"),
  status: z.enum(SUGGESTION_STATUSES).optional(),
  tag: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(API_PAGE_MAX).default(20),
  cursor: z.string().max(200).optional(),
});

export const createSuggestionBody = suggestionSchema;
export const commentBody = commentSchema;
export const statusBody = statusChangeSchema;
export const mergeBody = mergeSchema;

const tag = z.object({ slug: z.string(), nameEn: z.string(), nameZh: z.string() });

export const suggestionSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  status: z.enum(SUGGESTION_STATUSES),
  voteCount: z.number().int(),
  commentCount: z.number().int(),
  answered: z.boolean(),
  createdAt: z.string(),
  board: z.string(),
  author: z.string(),
  tags: z.array(tag),
  url: z.string(),
});

export const suggestionList = z.object({ items: z.array(suggestionSummary), nextCursor: z.string().nullable() });

export const suggestionDetail = z.object({
  id: z.number().int(),
  title: z.string(),
  body: z.string(),
  status: z.enum(SUGGESTION_STATUSES),
  voteCount: z.number().int(),
  commentCount: z.number().int(),
  createdAt: z.string(),
  board: z.string(),
  author: z.string(),
  tags: z.array(tag),
  duplicateOf: z.number().int().nullable(),
  viewerVoted: z.boolean(),
  officialReplies: z.array(z.object({ id: z.number().int(), author: z.string(), html: z.string(), createdAt: z.string() })),
  history: z.array(
    z.object({ from: z.enum(SUGGESTION_STATUSES), to: z.enum(SUGGESTION_STATUSES), note: z.string(), by: z.string(), at: z.string() }),
  ),
  url: z.string(),
});

export const created = z.object({ id: z.number().int(), url: z.string() });
export const voteState = z.object({ voted: z.boolean(), voteCount: z.number().int() });
export const statusChanged = z.object({ statusChangeId: z.number().int() });
export const merged = z.object({ mergeId: z.number().int() });

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.record(z.string(), z.array(z.string())).optional(),
});

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1).max(100),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const searchPage = z.object({
  results: z.array(
    z.object({ id: z.number().int(), title: z.string(), status: z.enum(SUGGESTION_STATUSES), voteCount: z.number().int(), board: z.string(), createdAt: z.string(), url: z.string() }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
});

export const leadsQuerySchema = z.object({ board: z.string().max(64).optional(), member: z.string().max(64).optional() });

const dimensions = { total: z.number(), satisfaction: z.number(), achievement: z.number(), loyalty: z.number() };

export const leadsScore = z.object({
  scope: z.object({ kind: z.enum(["community", "board", "member"]), name: z.string().nullable() }),
  weekStart: z.string(),
  live: z.boolean(),
  ...dimensions,
  // The score's terms, confidence and best next action, as the dashboard's breakdown shows them.
  breakdown: z.object({ terms: z.array(z.looseObject({})), confidence: z.unknown(), bestAction: z.unknown(), notes: z.array(z.unknown()) }),
  change: z.object(dimensions).nullable(),
  history: z.array(z.object({ weekStart: z.string(), ...dimensions, previousFormula: z.boolean() })),
});

export const leadsMembers = z.object({
  advocates: z.array(z.object({ username: z.string(), total: z.number(), achievement: z.number(), loyalty: z.number() })),
  atRisk: z.array(z.object({ username: z.string(), daysActiveBefore: z.number(), lastActiveDay: z.string(), quietDays: z.number() })),
});
