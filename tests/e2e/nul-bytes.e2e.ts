// No page carries a NUL byte. React 18.3's stream used to write zero bytes where a Chinese
// (or any multi-byte) character met the end of its 2 KB buffer (patches/react-dom+18.3.1.patch);
// share-preview crawlers and mail clients cut pages at the first one. Every page of the URL
// map, in English and Chinese, as a browser (streamed from the shell) and as a crawler (the
// whole page at once, React's onAllReady), as the role that may open it.
import { createHash, randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, describe, expect, inject, test } from "vitest";

const baseUrl = inject("baseUrl");
const db = new Database(inject("databaseUrl"));
db.pragma("busy_timeout = 5000");
afterAll(() => db.close());

const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const CRAWLER_UA = "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)";

const pick = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as T;

// A session of a seeded account, made directly (logging in through the form is not what is tested).
function sessionOf(username: string): string {
  const token = randomBytes(20).toString("hex");
  const id = createHash("sha256").update(token).digest("hex");
  const userId = pick<number>("select id from users where username = ?", username);
  db.prepare("insert into sessions (id, user_id, expires_at, created_at) values (?, ?, ?, ?)").run(id, userId, Date.now() + 86_400_000, Date.now());
  return token;
}

// The URL map (docs: /work/shared/DESIGN.md), with real ids from the seeded demo data. A
// Chinese suggestion and member are included: their text is what met the buffer's end.
function urlMap() {
  const zhSuggestion = pick<number>("select id from suggestions where title glob '*[一-龥]*' order by id limit 1");
  const fanSuggestion = pick<number>("select s.id from suggestions s join users u on u.id = s.author_id where u.username = 'fan' order by s.id limit 1");
  const campaign = pick<string | undefined>("select slug from campaigns order by id limit 1");
  const board = pick<string>("select slug from boards where visibility = 'public' order by position, id limit 1");
  const complaint = pick<number | undefined>("select id from complaints order by id limit 1");
  return {
    visitor: [
      "/",
      `/b/${board}`,
      "/s/1",
      `/s/${zhSuggestion}`,
      "/search?q=dark",
      `/search?q=${encodeURIComponent("夜间")}`,
      "/roadmap",
      "/changelog",
      "/changelog.atom",
      "/honors",
      "/honors/levels",
      "/u/zhangwei",
      "/u/alex_chen",
      "/login",
      "/signup",
      ...(campaign ? [`/campaigns/${campaign}`] : []),
      "/s/999999999",
    ],
    fan: ["/", "/s/new", `/s/${fanSuggestion}`, `/s/${fanSuggestion}/edit`, "/notifications", "/notifications/settings", "/invite", "/complaints", "/complaints/new", "/account", "/u/fan"],
    admin: [
      "/staff",
      "/staff/moderation",
      "/staff/releases",
      "/staff/campaigns",
      "/staff/complaints",
      "/staff/settings",
      ...(complaint ? [`/complaints/${complaint}`] : []),
      "/leads",
      "/leads/members/zhangwei",
      "/admin",
      "/admin/honors",
    ],
  };
}

describe("pages carry no NUL byte", () => {
  test("every page of the URL map, in both languages, as a browser and as a crawler", async () => {
    const map = urlMap();
    const cookies = { visitor: "", fan: `sprout_session=${sessionOf("fan")}; `, admin: `sprout_session=${sessionOf("admin")}; ` };
    const problems: string[] = [];
    let checked = 0;
    for (const [who, paths] of Object.entries(map) as [keyof typeof map, string[]][]) {
      for (const path of paths) {
        for (const language of ["en", "zh"] as const) {
          for (const [agent, userAgent] of [["browser", BROWSER_UA], ["crawler", CRAWLER_UA]] as const) {
            const response = await fetch(`${baseUrl}${path}`, {
              redirect: "manual",
              headers: {
                "User-Agent": userAgent,
                "Accept-Language": language === "zh" ? "zh-CN,zh;q=0.9" : "en-US,en;q=0.9",
                Cookie: `${cookies[who]}sprout_lang=${language}`,
              },
            });
            const body = new Uint8Array(await response.arrayBuffer());
            const where = `${path} (${who}, ${language}, ${agent})`;
            if (response.status >= 300 && response.status < 400) problems.push(`${where} redirected to ${response.headers.get("location")}`);
            if (response.status >= 500) problems.push(`${where} answered ${response.status}`);
            const nuls = body.filter((b) => b === 0).length;
            if (nuls > 0) problems.push(`${where} has ${nuls} NUL bytes`);
            checked += 1;
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBe(Object.values(map).flat().length * 4);
  });
});
