// The API's endpoints in one table, and the OpenAPI 3.1 document generated from it and the
// zod schemas the routes parse with (z.toJSONSchema). tests/integration/api-openapi.test.ts
// fails when a route and this table disagree.
import { z } from "zod";
import type { ApiScope } from "#db/enums";
import {
  commentBody,
  created,
  createSuggestionBody,
  leadsMembers,
  leadsQuerySchema,
  leadsScore,
  listQuerySchema,
  mergeBody,
  merged,
  problemSchema,
  searchPage,
  searchQuerySchema,
  statusBody,
  statusChanged,
  suggestionDetail,
  suggestionList,
  voteState,
} from "~/features/api/schemas";

export type Method = "get" | "post" | "put" | "delete";

export type Endpoint = {
  // The operationId, and the key of its description on the /api page (api.reference.ops.*).
  id: string;
  method: Method;
  // OpenAPI form: /suggestions/{id}
  path: string;
  scope: ApiScope;
  // Besides the scope, the role the pages require (staff: staff, lead, admin; leads: lead, admin).
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  status: 200 | 201;
  // The refusals this endpoint can answer, besides 401 and 429.
  errors: number[];
};

export const ENDPOINTS: Endpoint[] = [
  { id: "listSuggestions", method: "get", path: "/suggestions", scope: "read", summary: "List suggestions as the boards do: filters, sorts, cursor pages", query: listQuerySchema, response: suggestionList, status: 200, errors: [400, 403] },
  { id: "createSuggestion", method: "post", path: "/suggestions", scope: "write", summary: "Post a suggestion (its author's vote included)", body: createSuggestionBody, response: created, status: 201, errors: [400, 403, 415] },
  { id: "search", method: "get", path: "/search", scope: "read", summary: "Full-text search", query: searchQuerySchema, response: searchPage, status: 200, errors: [400, 403] },
  { id: "getSuggestion", method: "get", path: "/suggestions/{id}", scope: "read", summary: "One suggestion with its official replies and status history", response: suggestionDetail, status: 200, errors: [403, 404] },
  { id: "vote", method: "put", path: "/suggestions/{id}/vote", scope: "write", summary: "Vote (repeating changes nothing; the daily budget holds)", response: voteState, status: 200, errors: [403, 404, 409, 429] },
  { id: "unvote", method: "delete", path: "/suggestions/{id}/vote", scope: "write", summary: "Take the vote back", response: voteState, status: 200, errors: [403, 404, 409] },
  { id: "comment", method: "post", path: "/suggestions/{id}/comments", scope: "write", summary: "Comment; with official: true, the team's official reply (staff scope)", body: commentBody, response: created, status: 201, errors: [400, 403, 404, 415] },
  { id: "changeStatus", method: "post", path: "/suggestions/{id}/status", scope: "staff", summary: "Staff: change the status, with a note", body: statusBody, response: statusChanged, status: 201, errors: [400, 403, 404, 415] },
  { id: "merge", method: "post", path: "/suggestions/{id}/merge", scope: "staff", summary: "Staff: merge into another suggestion (this one becomes its duplicate)", body: mergeBody, response: merged, status: 201, errors: [400, 403, 404, 415] },
  { id: "leadsScore", method: "get", path: "/leads/score", scope: "leads", summary: "Leads: the word-of-mouth score with its breakdown and weekly history", query: leadsQuerySchema, response: leadsScore, status: 200, errors: [400, 403, 404] },
  { id: "leadsMembers", method: "get", path: "/leads/members", scope: "leads", summary: "Leads: the members' loyalty list (advocates, members going quiet)", response: leadsMembers, status: 200, errors: [403] },
];

// JSON Schema of what a request sends (input) or a response carries (output).
const schemaOf = (schema: z.ZodType, io: "input" | "output") => z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });

const PROBLEM = { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } };

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of ENDPOINTS) {
    const parameters: unknown[] = [];
    if (e.path.includes("{id}")) parameters.push({ name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } });
    if (e.query) {
      const shape = e.query.shape as Record<string, z.ZodType>;
      for (const [name, field] of Object.entries(shape)) {
        parameters.push({ name, in: "query", required: !field.safeParse(undefined).success, schema: schemaOf(field, "input") });
      }
    }
    const responses: Record<string, unknown> = {
      [e.status]: { description: "OK", content: { "application/json": { schema: schemaOf(e.response, "output") } } },
      401: { description: "No valid token", content: PROBLEM },
      429: { description: "Rate limit or vote budget reached", content: PROBLEM },
    };
    for (const status of e.errors) responses[status] ??= { description: "Refused", content: PROBLEM };
    (paths[e.path] ??= {})[e.method] = {
      operationId: e.id,
      summary: e.summary,
      security: [{ bearer: [] }],
      "x-scope": e.scope,
      ...(parameters.length ? { parameters } : {}),
      ...(e.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(e.body, "input") } } } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Sprout API",
      version: "1",
      description:
        "Personal access tokens are created at /account/tokens. Errors are RFC 9457 problem details in the language of Accept-Language (en, zh). Writes count against the token's rate limit (RateLimit headers).",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: { Problem: schemaOf(problemSchema, "output") },
    },
    paths,
  };
}
