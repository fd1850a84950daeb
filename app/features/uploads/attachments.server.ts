// Images attached to suggestions and comments: stored first (decoding is slow and must not
// hold the write lock), then recorded in the same transaction as the post they belong to.
// A refusal or a failed post leaves no file behind.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { attachments, boards, suggestions, users } from "#db/schema";
import { visibleSuggestions, type Viewer } from "~/features/boards/boards.server";
import { getDb, preparedQuery } from "~/platform/db.server";
import { IMAGE_LIMITS, type ImageRefusal } from "~/features/uploads/image-rules";
import { removeStoredFiles, storeAttachmentImage, type StoredImage } from "~/features/uploads/images.server";
import { isStaff } from "~/features/roles/permissions";
import { TOO_LARGE_TYPE } from "~/platform/multipart.server";

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

export type StoredAttachment = StoredImage & { alt: string };
export type AttachmentsResult = { ok: true; stored: StoredAttachment[] } | { ok: false; reason: ImageRefusal; fileName: string | null };

// Decodes, re-encodes and writes every picked file, or none: the first refusal removes the
// files already written and names the file that was refused.
export async function storeAttachments(files: File[], alts: string[] = []): Promise<AttachmentsResult> {
  if (files.length > IMAGE_LIMITS.perPost) return { ok: false, reason: "too_many_files", fileName: null };
  const stored: StoredAttachment[] = [];
  for (const [index, file] of files.entries()) {
    const result =
      file.type === TOO_LARGE_TYPE || file.size > IMAGE_LIMITS.maxBytes
        ? ({ ok: false, reason: "too_large" } as const)
        : await storeAttachmentImage(new Uint8Array(await file.arrayBuffer()));
    if (!result.ok) {
      await discardAttachments(stored);
      return { ok: false, reason: result.reason, fileName: file.name };
    }
    stored.push({ ...result.image, alt: (alts[index] ?? "").trim().slice(0, IMAGE_LIMITS.maxAltLength) });
  }
  return { ok: true, stored };
}

// For a post that was refused after its images were stored.
export async function discardAttachments(stored: readonly StoredAttachment[]) {
  await removeStoredFiles(stored.map((s) => s.name));
}

export function recordAttachments(
  tx: Tx,
  owner: { suggestionId: number; commentId?: number | null; uploaderId: number },
  stored: readonly StoredAttachment[],
) {
  for (const [position, image] of stored.entries()) {
    tx.insert(attachments)
      .values({
        name: image.name,
        suggestionId: owner.suggestionId,
        commentId: owner.commentId ?? null,
        uploaderId: owner.uploaderId,
        alt: image.alt,
        width: image.width,
        height: image.height,
        bytes: image.bytes,
        position,
      })
      .run();
  }
}

export type AttachmentView = { id: number; name: string; alt: string; width: number; height: number; uploaderId: number };

// A suggestion's images and its comments' images, in the order they were attached.
const attachmentsOfSuggestion = preparedQuery((db) =>
  db
    .select({ id: attachments.id, name: attachments.name, alt: attachments.alt, width: attachments.width, height: attachments.height, uploaderId: attachments.uploaderId, commentId: attachments.commentId })
    .from(attachments)
    .where(eq(attachments.suggestionId, sql.placeholder("suggestionId")))
    .orderBy(asc(attachments.commentId), asc(attachments.position))
    .prepare(),
);

export function attachmentsOf(suggestionId: number): { suggestion: AttachmentView[]; byComment: Map<number, AttachmentView[]> } {
  const rows = attachmentsOfSuggestion().all({ suggestionId });
  const byComment = new Map<number, AttachmentView[]>();
  const suggestion: AttachmentView[] = [];
  for (const { commentId, ...view } of rows) {
    if (commentId === null) suggestion.push(view);
    else byComment.set(commentId, [...(byComment.get(commentId) ?? []), view]);
  }
  return { suggestion, byComment };
}

export type AltTextResult = { ok: true; suggestionId: number } | { ok: false; reason: "not_found" | "forbidden" };

// The uploader (or staff) describes an image for people who cannot see it.
export function setAltText(attachmentId: number, actor: NonNullable<Viewer>, alt: string): AltTextResult {
  const row = getDb().select({ uploaderId: attachments.uploaderId, suggestionId: attachments.suggestionId }).from(attachments).where(eq(attachments.id, attachmentId)).get();
  if (!row) return { ok: false, reason: "not_found" };
  if (row.uploaderId !== actor.id && !isStaff(actor)) return { ok: false, reason: "forbidden" };
  getDb().update(attachments).set({ alt: alt.trim() }).where(eq(attachments.id, attachmentId)).run();
  return { ok: true, suggestionId: row.suggestionId };
}

// "public": anyone may see it (and any cache keep it); "restricted": this viewer may, not
// everyone; "hidden": not this viewer (or no such attachment).
export function attachmentVisibleTo(name: string, viewer: Viewer): "public" | "restricted" | "hidden" {
  const db = getDb();
  const row = db
    .select({ visibility: boards.visibility, hiddenAt: suggestions.hiddenAt })
    .from(attachments)
    .innerJoin(suggestions, eq(suggestions.id, attachments.suggestionId))
    .innerJoin(boards, eq(boards.id, suggestions.boardId))
    .where(and(eq(attachments.name, name), visibleSuggestions(viewer, { ownHidden: true })))
    .get();
  if (!row) return "hidden";
  return row.visibility === "public" && row.hiddenAt === null ? "public" : "restricted";
}

// When a member leaves: their picture and the images they uploaded go, files and rows (the
// posts stay, as the rest of their contributions do).
export async function removeMemberUploads(userId: number) {
  const db = getDb();
  const names = db.select({ name: attachments.name }).from(attachments).where(eq(attachments.uploaderId, userId)).all().map((r) => r.name);
  const avatar = db.select({ avatar: users.avatar }).from(users).where(eq(users.id, userId)).get()?.avatar;
  db.transaction(
    (tx) => {
      if (names.length) tx.delete(attachments).where(inArray(attachments.name, names)).run();
      tx.update(users).set({ avatar: null }).where(eq(users.id, userId)).run();
    },
    { behavior: "immediate" },
  );
  await removeStoredFiles(avatar ? [...names, avatar] : names);
}

// A suggestion removed for good takes its images (and its comments' images) with it.
export async function removeSuggestionUploads(suggestionId: number) {
  const db = getDb();
  const names = db.select({ name: attachments.name }).from(attachments).where(eq(attachments.suggestionId, suggestionId)).all().map((r) => r.name);
  if (names.length) db.delete(attachments).where(eq(attachments.suggestionId, suggestionId)).run();
  await removeStoredFiles(names);
}

