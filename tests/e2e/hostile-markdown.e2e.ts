// Over a hundred known XSS payloads are posted as suggestions (title and body) and as
// comments; every page that shows them is opened in Chromium: no script may run (no
// dialog, no injected global), and the text people typed is still shown, escaped.
import Database from "better-sqlite3";
import { describe, expect, inject, test } from "vitest";
import { TRANS_MARKUP_PAYLOADS, XSS_PAYLOADS } from "../fixtures/xss-payloads";
import { isCleanText } from "~/platform/text-hygiene";
import { logIn, newPage } from "./browser";

const base = () => inject("baseUrl");

async function signUp(username: string, displayName = "") {
  const response = await fetch(`${base()}/signup`, {
    method: "POST",
    body: new URLSearchParams({ username, email: `${username}@example.com`, password: "a-long-enough-password", displayName }),
    redirect: "manual",
  });
  return response.headers.get("set-cookie")!.split(";")[0];
}

async function post(cookie: string, path: string, form: Record<string, string>) {
  const response = await fetch(`${base()}${path}`, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(form), redirect: "manual" });
  expect(response.status, `${path} answered ${response.status}`).toBe(302);
  return response.headers.get("location")!;
}

describe("hostile Markdown", () => {
  test(`${XSS_PAYLOADS.length} payloads posted as suggestions and comments run nowhere`, async () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(100);
    const db = new Database(inject("databaseUrl"), { readonly: true });
    const { slug } = db.prepare("select slug from boards where visibility = 'public' order by id limit 1").get() as { slug: string };
    db.close();
    const cookie = await signUp(`xss_${Date.now().toString(36)}`);

    const posted: { id: number; title: string }[] = [];
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      const title = `Probe ${i}: ${payload.replace(/\s+/g, " ").trim()}`.slice(0, 140).trim();
      // Text the forms refuse (a right-to-left override) is never stored: refused next to its field.
      if (!isCleanText(payload)) {
        const response = await fetch(`${base()}/s/new`, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams({ title, body: payload, board: slug }), redirect: "manual" });
        expect(response.status).toBe(400);
        continue;
      }
      const location = await post(cookie, "/s/new", { title, body: payload, board: slug });
      const id = Number(location.split("/").pop());
      await post(cookie, `/s/${id}`, { intent: "comment", body: payload });
      posted.push({ id, title });
    }

    const page = await newPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const ranScript = () => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss !== undefined);

    for (const { id, title } of posted) {
      await page.goto(`/s/${id}`, { waitUntil: "load" });
      expect(await ranScript(), `script ran on /s/${id}`).toBe(false);
      // What the member typed is shown as text, not swallowed.
      expect((await page.locator("h1").innerText()).replace(/\s+/g, " ")).toBe(title.replace(/\s+/g, " "));
    }
    for (const path of ["/", `/b/${slug}?sort=new`, "/search?q=Probe", `/b/${slug}?sort=new&page=2`, "/changelog", "/roadmap"]) {
      await page.goto(path, { waitUntil: "load" });
      expect(await ranScript(), `script ran on ${path}`).toBe(false);
    }
    expect(dialogs).toEqual([]);
  }, 600_000); // some 220 posts and 110 page loads
});

// Translations with markup ("Posted by <0>{{name}}</0>") used to be parsed after the name was
// put in, so a display name or title could add links and bold text (issue 18, item 7).
describe("hostile display names and titles in translated sentences", () => {
  test("stay text on suggestion, complaint, merge-proposal and staff pages", async () => {
    const [name, titlePayload] = [TRANS_MARKUP_PAYLOADS[0], TRANS_MARKUP_PAYLOADS[3]];
    const db = new Database(inject("databaseUrl"));
    const { slug } = db.prepare("select slug from boards where visibility = 'public' order by id limit 1").get() as { slug: string };
    const username = `trans_${Date.now().toString(36)}`;
    const cookie = await signUp(username, name);
    const title = `Merge me ${titlePayload} <strong>B</strong>`;
    const sourceId = Number((await post(cookie, "/s/new", { title, body: "Same idea.", board: slug })).split("/").pop());
    const targetId = Number((await post(cookie, "/s/new", { title: `Target ${titlePayload}`, body: "The idea.", board: slug })).split("/").pop());
    const complaint = await post(cookie, "/complaints/new", { subject: "decision", suggestion: String(sourceId), title: "About my idea", body: "Why?" });
    db.prepare("update users set honor_level = 2 where username = ?").run(username);
    db.close();
    await post(cookie, `/s/${sourceId}`, { intent: "propose-merge", target: String(targetId) });

    const member = await newPage();
    await member.context().addCookies([{ name: cookie.split("=")[0], value: cookie.split("=").slice(1).join("="), url: base() }]);
    const staff = await newPage();
    await logIn(staff, "staff", "sprout-staff-demo");
    const visits: [typeof member, string][] = [
      [member, `/s/${sourceId}`],
      [member, complaint],
      [staff, `/s/${sourceId}`],
      [staff, complaint],
      [staff, "/staff/moderation"],
    ];
    for (const [page, path] of visits) {
      await page.goto(path, { waitUntil: "load" });
      const injected = await page.evaluate(() =>
        [...document.querySelectorAll("main strong, main a, main b")]
          .map((el) => el.textContent?.trim())
          .filter((text) => text === "B" || text === "link" || text === "one"),
      );
      expect(injected, `markup from user text on ${path}`).toEqual([]);
      const text = await page.locator("main").innerText();
      expect(text.includes(name) || text.includes(titlePayload), `user text shown on ${path}`).toBe(true);
    }
  }, 120_000);
});
