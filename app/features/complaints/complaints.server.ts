// Complaints: filed by a member, private between them and staff, handled in the open for
// them (acknowledged, answered, resolved with a note) and rated when resolved. Every write
// goes through decideComplaintAction (complaint-rules.ts), so rights hold whatever the UI
// shows. Times are recorded for the staff clock and the word-of-mouth score.
import { and, asc, desc, eq, gte, ne, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { complaintMessages, complaints, suggestions, users, type ComplaintStatus } from "#db/schema";
import {
  decideComplaintAction,
  isResolutionRating,
  summarizeComplaints,
  type ComplaintAction,
  type ComplaintActor,
  type ComplaintDecision,
  type ComplaintQueueStats,
} from "~/features/complaints/complaint-rules";
import { visibleSuggestions, type Viewer } from "~/features/boards/boards.server";
import { getDb } from "~/platform/db.server";
import { renderMarkdown } from "~/platform/markdown.server";
import { notifyUser } from "~/features/notifications/notifications.server";
import type { EventOf } from "~/platform/events/events";
import { deliverEvents, recordEvent } from "~/platform/events/outbox.server";
import { clockState, WEEK_MS } from "~/features/lifecycle/response-times";
import { getSetting } from "~/platform/settings.server";
import { isStaff } from "~/features/roles/permissions";

type Subject = (typeof complaints.$inferInsert)["subject"];
type Actor = NonNullable<ComplaintActor>;

// Complaints share the admin's response target with suggestions.
export function complaintResponseTargetMs(): number {
  return getSetting("responseTargetHours") * 60 * 60 * 1000;
}

export type FileComplaintResult = { ok: true; id: number } | { ok: false; reason: "unknown_suggestion" };

// The filer must be able to see the suggestion the complaint is about, by the same rule as
// every list (an early-access or flag-hidden suggestion is as unknown as a missing id), or
// the complaint page would show its title.
export function fileComplaint(input: {
  userId: number;
  viewer: Viewer;
  subject: Subject;
  suggestionId?: number;
  title: string;
  body: string;
  now?: Date;
}): FileComplaintResult {
  const db = getDb();
  if (input.suggestionId !== undefined) {
    const exists = db
      .select({ id: suggestions.id })
      .from(suggestions)
      .where(and(eq(suggestions.id, input.suggestionId), visibleSuggestions(input.viewer, { ownHidden: true })))
      .get();
    if (!exists) return { ok: false, reason: "unknown_suggestion" };
  }
  const createdAt = input.now ?? new Date();
  const id = db.transaction((tx) => {
    const filed = tx
      .insert(complaints)
      .values({
        userId: input.userId,
        subject: input.subject,
        suggestionId: input.suggestionId ?? null,
        title: input.title,
        body: input.body,
        createdAt,
      })
      .returning({ id: complaints.id })
      .get();
    // The staff on duty and integrations (webhooks) hear of it; the body stays between the
    // filer and staff.
    recordEvent({
      type: "complaint_filed",
      complaintId: filed.id,
      filerId: input.userId,
      subject: input.subject,
      suggestionId: input.suggestionId ?? null,
      title: input.title,
      at: createdAt.getTime(),
    });
    return filed.id;
  }, { behavior: "immediate" });
  deliverEvents();
  return { ok: true, id };
}

export function listMemberComplaints(userId: number) {
  return getDb()
    .select({
      id: complaints.id,
      subject: complaints.subject,
      title: complaints.title,
      status: complaints.status,
      createdAt: complaints.createdAt,
      acknowledgedAt: complaints.acknowledgedAt,
      resolvedAt: complaints.resolvedAt,
      resolutionRating: complaints.resolutionRating,
    })
    .from(complaints)
    .where(eq(complaints.userId, userId))
    .orderBy(desc(complaints.createdAt), desc(complaints.id))
    .all();
}

const filer = alias(users, "filer");
const resolver = alias(users, "resolver");

// The whole complaint with its conversation, or null when it does not exist or the viewer
// may not know that it does.
export function getComplaint(id: number, viewer: ComplaintActor) {
  const db = getDb();
  const row = db
    .select({
      complaint: complaints,
      filer: { username: filer.username, displayName: filer.displayName },
      resolverName: resolver.displayName,
      suggestion: { id: suggestions.id, title: suggestions.title, status: suggestions.status },
    })
    .from(complaints)
    .innerJoin(filer, eq(filer.id, complaints.userId))
    .leftJoin(resolver, eq(resolver.id, complaints.resolvedById))
    // What the suggestion became since (moved to early access, hidden by flags) decides
    // whether this viewer still sees its title.
    .leftJoin(suggestions, and(eq(suggestions.id, complaints.suggestionId), visibleSuggestions(viewer, { ownHidden: true })))
    .where(eq(complaints.id, id))
    .get();
  if (!row || !decideComplaintAction(viewer, row.complaint, "view").ok) return null;
  const messages = db
    .select({
      id: complaintMessages.id,
      body: complaintMessages.body,
      createdAt: complaintMessages.createdAt,
      authorId: complaintMessages.authorId,
      authorName: users.displayName,
      authorUsername: users.username,
      authorRole: users.role,
    })
    .from(complaintMessages)
    .innerJoin(users, eq(users.id, complaintMessages.authorId))
    .where(eq(complaintMessages.complaintId, id))
    .orderBy(asc(complaintMessages.createdAt), asc(complaintMessages.id))
    .all()
    .map(({ body, ...m }) => ({ ...m, fromStaff: m.authorId !== row.complaint.userId && isStaff({ role: m.authorRole }), html: renderMarkdown(body) }));
  const { body, resolutionNote, ...complaint } = row.complaint;
  return {
    complaint: {
      ...complaint,
      html: renderMarkdown(body),
      resolutionHtml: resolutionNote === null ? null : renderMarkdown(resolutionNote),
    },
    filer: row.filer,
    resolverName: row.resolverName,
    suggestion: row.suggestion,
    messages,
  };
}

// Loads the facts the rules need and runs `write` only when they allow the action, in one
// immediate transaction, so two staff members pressing "resolve" at once cannot both win.
function act<T>(
  complaintId: number,
  actor: Actor,
  action: ComplaintAction,
  write: (current: { status: ComplaintStatus; userId: number; title: string }) => T,
): { ok: true; value: T; complaint: { userId: number; title: string } } | Refusal {
  return getDb().transaction(
    (tx) => {
      const current = tx
        .select({ status: complaints.status, userId: complaints.userId, title: complaints.title })
        .from(complaints)
        .where(eq(complaints.id, complaintId))
        .get();
      if (!current) return { ok: false, reason: "not_found" } as const;
      const decision = decideComplaintAction(actor, current, action);
      if (!decision.ok) return decision;
      return { ok: true, value: write(current), complaint: current } as const;
    },
    { behavior: "immediate" },
  );
}

// The filer hears of everything staff do on their complaint, once per event.
function tellFiler(
  complaintId: number,
  complaint: { userId: number; title: string },
  event: string,
  details: { complaintStatus?: ComplaintStatus; note?: string },
) {
  notifyUser({
    userId: complaint.userId,
    kind: "complaint",
    eventKey: `complaint:${complaintId}:${event}`,
    payload: { title: complaint.title, path: `/complaints/${complaintId}`, ...details },
  });
}

// Subscriber to complaint_replied, complaint_acknowledged and complaint_resolved.
export function tellFilerOf(event: EventOf<"complaint_replied" | "complaint_acknowledged" | "complaint_resolved">) {
  const complaint = { userId: event.filerId, title: event.title };
  if (event.type === "complaint_replied") tellFiler(event.complaintId, complaint, `message:${event.messageId}`, { note: event.body });
  else if (event.type === "complaint_acknowledged") tellFiler(event.complaintId, complaint, "acknowledged", { complaintStatus: "acknowledged" });
  else tellFiler(event.complaintId, complaint, "resolved", { complaintStatus: "resolved", note: event.note });
}

export type ComplaintActionResult = ComplaintDecision;
type Refusal = Exclude<ComplaintDecision, { ok: true }>;

const done = (result: { ok: true } | Refusal): ComplaintActionResult => (result.ok ? { ok: true } : result);

// A staff reply to an open complaint is the team's first response, so it acknowledges it.
export function addComplaintMessage(input: { complaintId: number; actor: Actor; body: string; now?: Date }) {
  const now = input.now ?? new Date();
  const result = act(input.complaintId, input.actor, "reply", (current) => {
    const db = getDb();
    const { id } = db
      .insert(complaintMessages)
      .values({ complaintId: input.complaintId, authorId: input.actor.id, body: input.body, createdAt: now })
      .returning({ id: complaintMessages.id })
      .get();
    if (current.status === "open" && decideComplaintAction(input.actor, current, "acknowledge").ok) {
      db.update(complaints).set({ status: "acknowledged", acknowledgedAt: now }).where(eq(complaints.id, input.complaintId)).run();
    }
    if (current.userId !== input.actor.id) {
      const event = { complaintId: input.complaintId, filerId: current.userId, title: current.title, messageId: id, body: input.body };
      recordEvent({ type: "complaint_replied", ...event });
    }
    return id;
  });
  deliverEvents();
  if (!result.ok) return result;
  return { ok: true as const, messageId: result.value };
}

export function acknowledgeComplaint(input: { complaintId: number; actor: Actor; now?: Date }): ComplaintActionResult {
  const now = input.now ?? new Date();
  const result = act(input.complaintId, input.actor, "acknowledge", (current) => {
    const db = getDb();
    db.update(complaints).set({ status: "acknowledged", acknowledgedAt: now }).where(eq(complaints.id, input.complaintId)).run();
    recordEvent({ type: "complaint_acknowledged", complaintId: input.complaintId, filerId: current.userId, title: current.title });
  });
  deliverEvents();
  return done(result);
}

// Resolving an open complaint is also the first response: acknowledged_at then equals
// resolved_at, so response times never have a hole.
export function resolveComplaint(input: { complaintId: number; actor: Actor; note: string; now?: Date }): ComplaintActionResult {
  const now = input.now ?? new Date();
  const result = act(input.complaintId, input.actor, "resolve", (current) => {
    const db = getDb();
    db.update(complaints)
      .set({
        status: "resolved",
        resolvedAt: now,
        resolvedById: input.actor.id,
        resolutionNote: input.note,
        ...(current.status === "open" ? { acknowledgedAt: now } : {}),
      })
      .where(eq(complaints.id, input.complaintId))
      .run();
    // The filer hears of it; the "turned around" badge waits for them to still be here a month later.
    const event = { complaintId: input.complaintId, filerId: current.userId, title: current.title, note: input.note, at: now.getTime() };
    recordEvent({ type: "complaint_resolved", ...event });
  });
  deliverEvents();
  return done(result);
}

// Changeable: rating again replaces the rating and its time (see complaint-rules.ts).
export function rateComplaintResolution(input: { complaintId: number; actor: Actor; rating: number; now?: Date }): ComplaintActionResult {
  if (!isResolutionRating(input.rating)) throw new RangeError(`not a resolution rating: ${input.rating}`);
  const now = input.now ?? new Date();
  return done(
    act(input.complaintId, input.actor, "rate", () => {
      getDb()
        .update(complaints)
        .set({ resolutionRating: input.rating, ratedAt: now })
        .where(eq(complaints.id, input.complaintId))
        .run();
    }),
  );
}

// Unresolved complaints, oldest first, each with its age and clock against the target.
export function listComplaintQueue(now = Date.now(), targetMs = complaintResponseTargetMs()) {
  return getDb()
    .select({
      id: complaints.id,
      subject: complaints.subject,
      title: complaints.title,
      status: complaints.status,
      createdAt: complaints.createdAt,
      acknowledgedAt: complaints.acknowledgedAt,
      filerName: users.displayName,
      filerUsername: users.username,
    })
    .from(complaints)
    .innerJoin(users, eq(users.id, complaints.userId))
    .where(ne(complaints.status, "resolved"))
    .orderBy(asc(complaints.createdAt), asc(complaints.id))
    .all()
    .map((c) => {
      const ageMs = now - c.createdAt.getTime();
      return { ...c, ageMs, clock: clockState(ageMs, targetMs) };
    });
}

export function complaintQueueStats(now = Date.now(), targetMs = complaintResponseTargetMs()): ComplaintQueueStats {
  const rows = getDb()
    .select({ status: complaints.status, createdAt: complaints.createdAt, resolvedAt: complaints.resolvedAt })
    .from(complaints)
    .where(or(ne(complaints.status, "resolved"), gte(complaints.resolvedAt, new Date(now - WEEK_MS))))
    .all();
  return summarizeComplaints(rows, now, targetMs);
}
