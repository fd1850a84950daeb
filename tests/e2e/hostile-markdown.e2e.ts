// Over a hundred known XSS payloads are posted as suggestions (title and body) and as
// comments; every page that shows them is opened in Chromium: no script may run (no
// dialog, no injected global), and the text people typed is still shown, escaped.
import Database from "better-sqlite3";
import { describe, expect, inject, test } from "vitest";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads";
import { newPage } from "./browser";

const base = () => inject("baseUrl");

async function signUp(username: string) {
  const response = await fetch(`${base()}/signup`, {
    method: "POST",
    body: new URLSearchParams({ username, email: `${username}@example.com`, password: "a-long-enough-password" }),
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
