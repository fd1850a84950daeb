// Profile settings at /account: display name, Markdown bio, picture, and an email change
// confirmed from the new mailbox (a real loopback SMTP server receives the link).
import { drainOutbox } from "~/platform/events/outbox.server";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { resetEnv } from "~/platform/env.server";
import { pendingMail } from "~/platform/mail.server";
import { action as accountAction } from "~/routes/account";
import { action as confirmAction } from "~/routes/account.confirm-email.$token";
import { loader as profileLoader } from "~/routes/u.$username";
import { loader as uploadLoader } from "~/routes/uploads.$name";
import { createMember, MEMBER_PASSWORD } from "../factories";
import { fileOf, HTML_PAGE, jpegWithGps, pngBomb, pngImage, SVG_WITH_SCRIPT } from "../images";
import { outcome, requestAs, routeArgs } from "../route-requests";
import { startMailbox } from "../smtp";

let mailbox: Awaited<ReturnType<typeof startMailbox>>;
const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "sprout-uploads-"));
beforeAll(async () => {
  process.env.UPLOADS_DIR = uploads;
  mailbox = await startMailbox();
});
afterAll(async () => {
  await mailbox.close();
  delete process.env.UPLOADS_DIR;
  resetEnv();
  fs.rmSync(uploads, { recursive: true, force: true });
});

const userRow = (id: number) => getDb().select().from(users).where(eq(users.id, id)).get()!;
const storedFiles = () => fs.readdirSync(uploads);

function postAccount(user: { id: number }, form: Record<string, string>) {
  return outcome(() => accountAction(routeArgs(requestAs(user, "/account", { form }))));
}

function postAvatar(user: { id: number }, file: File | null) {
  const form = new FormData();
  form.set("intent", "avatar");
  if (file) form.set("avatar", file);
  const request = requestAs(user, "/account");
  return outcome(() => accountAction(routeArgs(new Request(request.url, { method: "POST", headers: request.headers, body: form }))));
}

describe("display name and bio", () => {
  it("saves them, and the profile shows the bio as sanitized Markdown", async () => {
    const member = await createMember();
    const saved = await postAccount(member, { intent: "profile", displayName: "  Xiao Mi Fan ", bio: "I **love** dark mode <script>alert(1)</script> [site](javascript:alert(1))" });
    expect(saved.location).toBe("/account?done=profile");
    expect(userRow(member.id)).toMatchObject({ displayName: "Xiao Mi Fan" });
    const profile = await outcome(() => profileLoader(routeArgs(requestAs(null, `/u/${member.username}`), { username: member.username })));
    const bioHtml = (profile.body as { bioHtml: string }).bioHtml;
    expect(bioHtml).toContain("<strong>love</strong>");
    expect(bioHtml).not.toContain("<script");
    expect(bioHtml).not.toContain("javascript:");
  });

  it("refuses an empty name or a long bio next to the field, keeps the text, stores nothing", async () => {
    const member = await createMember({ displayName: "Before" });
    const empty = await postAccount(member, { intent: "profile", displayName: "  ", bio: "kept" });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ result: { error: { displayName: ["forms.required"] }, initialValue: { bio: "kept" } } });
    const long = await postAccount(member, { intent: "profile", displayName: "After", bio: "x".repeat(501) });
    expect(long.body).toMatchObject({ result: { error: { bio: ["account.profile.bioLength"] } } });
    expect(userRow(member.id)).toMatchObject({ displayName: "Before", bio: "" });
  });
});

describe("email change", () => {
  it("changes the address only once the link sent to the new address is followed, once", async () => {
    const member = await createMember();
    const newEmail = `new_${member.username}@example.org`;
    const asked = await postAccount(member, { intent: "email", newEmail, currentPassword: MEMBER_PASSWORD });
    expect(asked.location).toBe("/account?done=email");
    expect(userRow(member.id).email).toBe(member.email);
    await pendingMail();
    const message = mailbox.to(newEmail).at(-1);
    expect(message).toBeDefined();
    expect(mailbox.to(member.email)).toHaveLength(0);
    const token = /\/account\/confirm-email\/([a-z2-7]+)/.exec(message!.text)![1];

    const confirm = () => outcome(() => confirmAction({ request: new Request(`http://localhost/account/confirm-email/${token}`, { method: "POST" }), params: { token }, context: {} }));
    expect((await confirm()).location).toBe("/account?done=emailConfirmed");
    expect(userRow(member.id).email).toBe(newEmail);
    expect((await confirm()).body).toEqual({ reason: "invalid" });
  });

  it("needs the password, a free address and a valid one", async () => {
    const member = await createMember();
    const other = await createMember();
    const wrong = await postAccount(member, { intent: "email", newEmail: "fresh@example.org", currentPassword: "not it" });
    expect(wrong.body).toMatchObject({ result: { error: { currentPassword: ["forms.invalidPassword"] }, initialValue: { newEmail: "fresh@example.org" } } });
    const taken = await postAccount(member, { intent: "email", newEmail: other.email.toUpperCase(), currentPassword: MEMBER_PASSWORD });
    expect(taken.body).toMatchObject({ result: { error: { newEmail: ["account.email.taken"] } } });
    const invalid = await postAccount(member, { intent: "email", newEmail: "not-an-address", currentPassword: MEMBER_PASSWORD });
    expect(invalid.body).toMatchObject({ result: { error: { newEmail: ["forms.emailInvalid"] } } });
    expect(userRow(member.id).email).toBe(member.email);
  });
});

describe("picture", () => {
  it("re-encodes an upload as a 256 px WebP without EXIF, serves it safely, replaces and removes it", async () => {
    const member = await createMember();
    const uploaded = await postAvatar(member, fileOf(await jpegWithGps(), "me.jpg", "image/jpeg"));
    expect(uploaded.location).toBe("/account?done=avatar");
    const name = userRow(member.id).avatar!;
    expect(name).toMatch(/^[a-z2-7]{32}\.webp$/);
    const meta = await sharp(path.join(uploads, name)).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 256, height: 256 });
    expect(meta.exif).toBeUndefined();

    const served = (await uploadLoader(routeArgs(requestAs(null, `/uploads/${name}`), { name }))) as Response;
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/webp");
    expect(served.headers.get("Content-Security-Policy")).toBe("default-src 'none'; sandbox");
    expect(served.headers.get("Cache-Control")).toContain("immutable");

    await postAvatar(member, fileOf(await pngImage(), "other.png", "image/png"));
    expect(userRow(member.id).avatar).not.toBe(name);
    expect(storedFiles()).not.toContain(name);

    await postAccount(member, { intent: "remove-avatar" });
    expect(userRow(member.id).avatar).toBeNull();
  });

  it.each([
    ["an SVG with a script", fileOf(SVG_WITH_SCRIPT, "cat.png", "image/png"), "uploads.refused.not_image"],
    ["an HTML page", fileOf(HTML_PAGE, "page.jpg", "image/jpeg"), "uploads.refused.not_image"],
    ["a truncated PNG", null, "uploads.refused.not_image"],
    ["a decompression bomb", "bomb", "uploads.refused.too_many_pixels"],
    ["no file", "none", "account.avatar.pick"],
  ] as const)("refuses %s next to the field and stores nothing", async (_label, given, message) => {
    const member = await createMember();
    const before = storedFiles().length;
    const file =
      given === null
        ? fileOf((await pngImage(400, 400)).subarray(0, 200), "cut.png", "image/png")
        : given === "bomb"
          ? fileOf(await pngBomb(), "bomb.png", "image/png")
          : given === "none"
            ? null
            : given;
    const refused = await postAvatar(member, file);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ result: { error: { avatar: [message] } } });
    expect(userRow(member.id).avatar).toBeNull();
    expect(storedFiles().length).toBe(before);
  });

  it("leaves with the account", async () => {
    const member = await createMember();
    await postAvatar(member, fileOf(await pngImage(), "me.png", "image/png"));
    const name = userRow(member.id).avatar!;
    await postAccount(member, { intent: "delete", password: MEMBER_PASSWORD });
    // The pictures leave through the member_deleted event's background subscriber.
    await drainOutbox();
    expect(storedFiles()).not.toContain(name);
    const served = (await uploadLoader(routeArgs(requestAs(null, `/uploads/${name}`), { name }))) as Response;
    expect(served.status).toBe(404);
  });
});
