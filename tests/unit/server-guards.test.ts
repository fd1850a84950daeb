// The form guard (server/guards.ts): what reaches an action, and the upload paths' own
// content type and limit.
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readForms, refuseCrossSite } from "../../server/guards";

let base = "";
let close: () => void;
beforeAll(async () => {
  const app = express();
  app.use(refuseCrossSite);
  app.use(readForms([{ path: /^\/s\/new$/, limitBytes: 1024 }]));
  // What Remix would be handed: the body as read.
  app.all("*", (req, res) => void res.send(`${Buffer.isBuffer(req.body) ? req.body.length : "none"}`));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const post = (path: string, type: string | null, body: string, origin?: string) =>
  fetch(base + path, { method: "POST", headers: { ...(type ? { "Content-Type": type } : {}), ...(origin ? { Origin: origin } : {}) }, body });
const multipart = "multipart/form-data; boundary=x";
const part = (size: number) => `--x\r\nContent-Disposition: form-data; name="f"\r\n\r\n${"a".repeat(size)}\r\n--x--\r\n`;

describe("the form guard", () => {
  test("hands a url-encoded form to the app whole, and refuses other bodies with 415", async () => {
    const form = await post("/login", "application/x-www-form-urlencoded", "a=1&b=2");
    expect(form.status).toBe(200);
    expect(await form.text()).toBe("7");
    expect((await post("/login", "application/json", "{}")).status).toBe(415);
    expect((await post("/login", multipart, part(10))).status).toBe(415);
  });

  test("refuses a form beyond 512 KB with 413 in both languages", async () => {
    const refused = await post("/login", "application/x-www-form-urlencoded", `a=${"b".repeat(600 * 1024)}`);
    expect(refused.status).toBe(413);
    expect(await refused.text()).toContain("at most 512 KB");
  });

  test("takes multipart/form-data on an upload path, up to that path's own limit", async () => {
    const upload = await post("/s/new", multipart, part(100));
    expect(upload.status).toBe(200);
    expect(Number(await upload.text())).toBe(part(100).length);
    expect((await post("/s/new", "application/x-www-form-urlencoded", "a=1")).status).toBe(200);
    expect((await post("/s/new", multipart, part(2000))).status).toBe(413);
    expect((await post("/s/new", "text/plain", "x")).status).toBe(415);
  });

  test("refuses cross-site posts but lets reads and one-click unsubscribe through", async () => {
    expect((await post("/login", "application/x-www-form-urlencoded", "a=1", "http://evil.example")).status).toBe(403);
    expect((await post("/notifications/unsubscribe", "application/x-www-form-urlencoded", "a=1", "http://evil.example")).status).toBe(200);
    expect((await fetch(`${base}/`, { headers: { Origin: "http://evil.example" } })).status).toBe(200);
  });
});
