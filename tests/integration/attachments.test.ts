// Images in suggestions and comments, through the routes' own actions: stored re-encoded,
// shown with the post, served only to who may see the post, and gone with their uploader.
import { drainOutbox } from "~/platform/events/outbox.server";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments, boards, suggestions } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { resetEnv } from "~/platform/env.server";
import { removeSuggestionUploads } from "~/features/uploads/attachments.server";
import { storeAttachmentImage } from "~/features/uploads/images.server";
import { action as newSuggestionAction } from "~/routes/s.new";
import { action as suggestionAction, loader as suggestionLoader } from "~/routes/s.$id/route";
import { loader as uploadLoader } from "~/routes/uploads.$name";
import { createBoard, createMember, createStaff, createSuggestion, MEMBER_PASSWORD } from "../factories";
import { fileOf, HTML_PAGE, jpegWithGps, pngBomb, pngImage, SVG_WITH_SCRIPT } from "../images";
import { outcome, requestAs, routeArgs } from "../route-requests";
import { exportMemberData } from "~/features/accounts/privacy.server";
import { action as accountAction } from "~/routes/account";

const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "sprout-attachments-"));
beforeAll(() => {
  process.env.UPLOADS_DIR = uploads;
  resetEnv();
});
afterAll(() => {
  delete process.env.UPLOADS_DIR;
  resetEnv();
  fs.rmSync(uploads, { recursive: true, force: true });
});

const storedFiles = () => fs.readdirSync(uploads);
const rowsOf = (suggestionId: number) => getDb().select().from(attachments).where(eq(attachments.suggestionId, suggestionId)).all();

function multipart(user: { id: number }, pathname: string, fields: Record<string, string>, files: File[]) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of files) form.append("images", file);
  const base = requestAs(user, pathname);
  return new Request(base.url, { method: "POST", headers: base.headers, body: form });
}

async function postSuggestion(user: { id: number }, board: string, files: File[], title = "Screenshots of the camera bug") {
  return outcome(() => newSuggestionAction(routeArgs(multipart(user, "/s/new", { title, body: "See the pictures.", board }, files))));
}

function serve(name: string, viewer: { id: number } | null) {
  return uploadLoader(routeArgs(requestAs(viewer, `/uploads/${name}`), { name })) as Promise<Response>;
}

describe("images on a new suggestion", () => {
  it("stores each image re-encoded (no EXIF/GPS, at most 2048 px) with a thumbnail, and shows them on the page", async () => {
    const member = await createMember();
    const board = createBoard();
    const posted = await postSuggestion(member, board.slug, [fileOf(await jpegWithGps(3000, 1000), "photo.jpg", "image/jpeg"), fileOf(await pngImage(), "shot.png", "image/png")]);
    expect(posted.status).toBe(302);
    const id = Number(posted.location!.split("/").pop());
    const rows = rowsOf(id);
    expect(rows.map((r) => [r.width, r.height, r.commentId, r.uploaderId])).toEqual([
      [2048, 683, null, member.id],
      [64, 48, null, member.id],
    ]);
    const full = await sharp(path.join(uploads, rows[0].name)).metadata();
    expect(full).toMatchObject({ format: "webp", width: 2048 });
    expect(full.exif).toBeUndefined();
    const thumb = await sharp(path.join(uploads, rows[0].name.replace(".webp", "-thumb.webp"))).metadata();
    expect(thumb.width).toBe(480);

    const page = await outcome(() => suggestionLoader(routeArgs(requestAs(null, `/s/${id}`), { id: String(id) })));
    expect((page.body as { images: { suggestion: { name: string }[] } }).images.suggestion.map((i) => i.name)).toEqual(rows.map((r) => r.name));
    const served = await serve(rows[0].name, null);
    expect(served.headers.get("Content-Type")).toBe("image/webp");
    expect(served.headers.get("Content-Security-Policy")).toBe("default-src 'none'; sandbox");
    expect(served.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
  });

  it.each([
    ["an SVG named .png", async () => [fileOf(SVG_WITH_SCRIPT, "x.png", "image/png")], "uploads.refused.not_image"],
    ["an HTML page named .jpg", async () => [fileOf(HTML_PAGE, "x.jpg", "image/jpeg")], "uploads.refused.not_image"],
    ["a decompression bomb", async () => [fileOf(await pngBomb(), "bomb.png", "image/png")], "uploads.refused.too_many_pixels"],
    ["a file over 5 MB", async () => [fileOf(Buffer.concat([await pngImage(), Buffer.alloc(5 * 1024 * 1024)]), "big.png", "image/png")], "uploads.refused.too_large"],
    ["five images", async () => Promise.all([1, 2, 3, 4, 5].map(async (n) => fileOf(await pngImage(), `${n}.png`, "image/png"))), "uploads.refused.too_many_files"],
    ["a good image before a bad one", async () => [fileOf(await pngImage(), "ok.png", "image/png"), fileOf(HTML_PAGE, "bad.png", "image/png")], "uploads.refused.not_image"],
  ])("refuses %s next to the field, keeps the text, stores nothing", async (_label, files, message) => {
    const member = await createMember();
    const board = createBoard();
    const before = storedFiles().length;
    const title = `Refused upload ${Math.random()}`;
    const refused = await postSuggestion(member, board.slug, await files(), title);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ result: { error: { images: [message] }, initialValue: { title } } });
    expect(storedFiles().length).toBe(before);
    expect(getDb().select().from(suggestions).where(eq(suggestions.title, title)).all()).toHaveLength(0);
  });
});

describe("images on comments, alt text, visibility and removal", () => {
  it("attaches to a comment; the uploader edits the alt text, others may not", async () => {
    const member = await createMember();
    const other = await createMember();
    const suggestion = await createSuggestion();
    const image = fileOf(await pngImage(), "s.png", "image/png");
    const commented = await outcome(() =>
      suggestionAction(routeArgs(multipart(member, `/s/${suggestion.id}`, { intent: "comment", body: "Same here" }, [image]), { id: String(suggestion.id) })),
    );
    expect(commented.status).toBe(302);
    const [row] = rowsOf(suggestion.id);
    expect(row.commentId).not.toBeNull();

    const altBy = (user: { id: number }, alt: string) =>
      outcome(() => suggestionAction(routeArgs(requestAs(user, `/s/${suggestion.id}`, { form: { intent: "alt", attachmentId: String(row.id), alt } }), { id: String(suggestion.id) })));
    expect((await altBy(other, "Not mine")).status).toBe(403);
    expect((await altBy(member, "The settings screen, crashing")).status).toBe(302);
    expect((await altBy(member, "x".repeat(201))).status).toBe(400);
    expect(rowsOf(suggestion.id)[0].alt).toBe("The settings screen, crashing");
    expect((await altBy(await createStaff(), "Described by staff")).status).toBe(302);
  });

  it("serves an early-access suggestion's images only to those who may see it", async () => {
    const insider = await createMember({ honorLevel: 4, honorLevelManual: 4 });
    const outsider = await createMember();
    const board = createBoard({ visibility: "early_access" });
    const suggestion = await createSuggestion({ board, author: insider });
    const stored = await storeAttachmentImage(await pngImage());
    if (!stored.ok) throw new Error("not stored");
    getDb().insert(attachments).values({ name: stored.image.name, suggestionId: suggestion.id, uploaderId: insider.id, width: 64, height: 48, bytes: stored.image.bytes }).run();
    expect((await serve(stored.image.name, null)).status).toBe(404);
    expect((await serve(stored.image.name, outsider)).status).toBe(404);
    const seen = await serve(stored.image.name, insider);
    expect(seen.status).toBe(200);
    expect(seen.headers.get("Cache-Control")).toBe("private, max-age=3600");
    expect((await serve(stored.image.name.replace(".webp", "-thumb.webp"), outsider)).status).toBe(404);
    expect(getDb().select().from(boards).where(eq(boards.id, board.id)).get()!.visibility).toBe("early_access");
  });

  it("refuses names that are not stored files", async () => {
    for (const name of ["../sprout.db", "x.svg", "a".repeat(32) + ".html", "A".repeat(32) + ".webp"]) expect((await serve(name, null)).status).toBe(404);
  });

  it("removes the files when the suggestion goes, and the uploader's images when they leave", async () => {
    const member = await createMember();
    const board = createBoard();
    const first = await postSuggestion(member, board.slug, [fileOf(await pngImage(), "a.png", "image/png")]);
    const second = await postSuggestion(member, board.slug, [fileOf(await pngImage(), "b.png", "image/png")]);
    const [firstId, secondId] = [first, second].map((p) => Number(p.location!.split("/").pop()));
    const firstName = rowsOf(firstId)[0].name;
    await removeSuggestionUploads(firstId);
    expect(storedFiles()).not.toContain(firstName);
    expect(rowsOf(firstId)).toHaveLength(0);

    const secondName = rowsOf(secondId)[0].name;
    // Their data export lists the images they attached.
    expect(exportMemberData(member.id)!.images.map((i) => i.name)).toEqual([secondName]);
    await outcome(() => accountAction(routeArgs(requestAs(member, "/account", { form: { intent: "delete", password: MEMBER_PASSWORD } }))));
    // The pictures leave through the member_deleted event's background subscriber.
    await drainOutbox();
    expect(storedFiles()).not.toContain(secondName);
    expect(storedFiles()).not.toContain(secondName.replace(".webp", "-thumb.webp"));
    expect((await serve(secondName, null)).status).toBe(404);
  });
});
