// Staff clear their queue without leaving it: a saved reply answers from a queue row (the next
// waiting one opens by itself), a bulk action settles the rest. Clicks and page loads are
// counted for that and for answering one suggestion the old way, from its page.
import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { describe, expect, inject, test } from "vitest";
import { consoleErrors, logIn, newPage, unique } from "./browser";

// Five waiting suggestions on a board of their own, so the queue can be filtered to them.
function waitingOnNewBoard(count: number) {
  const db = new Database(inject("databaseUrl"));
  try {
    const slug = `clear-${unique()}`;
    const boardId = Number(
      db.prepare("insert into boards (slug, name_en, name_zh, description_en, description_zh, position) values (?, ?, ?, '', '', 90)").run(slug, `Queue ${slug}`, `待办 ${slug}`).lastInsertRowid,
    );
    const fan = db.prepare("select id from users where username = 'fan'").get() as { id: number };
    const ids = Array.from({ length: count }, (_, i) =>
      Number(
        db
          .prepare("insert into suggestions (board_id, author_id, title, body, created_at) values (?, ?, ?, 'It would help.', ?)")
          .run(boardId, fan.id, `Waiting idea ${i + 1} ${slug}`, Date.now() - (count - i) * 3_600_000).lastInsertRowid,
      ),
    );
    return { slug, ids };
  } finally {
    db.close();
  }
}

function suggestionsById(ids: number[]) {
  const db = new Database(inject("databaseUrl"), { readonly: true });
  try {
    return db
      .prepare(`select id, status, first_official_reply_at as answeredAt from suggestions where id in (${ids.map(() => "?").join(",")}) order by id`)
      .all(...ids) as { id: number; status: string; answeredAt: number | null }[];
  } finally {
    db.close();
  }
}

// What a staff member does by hand: clicks (and picks in a list), and the pages they wait for.
function counted(page: Page) {
  // pageLoads: every time the address changes (a whole page fetched or Remix's navigation);
  // documents: whole pages fetched from the server.
  const tally = { clicks: 0, pageLoads: 0, documents: 0, suggestionPages: 0 };
  page.on("request", (request) => {
    if (request.resourceType() === "document" && request.frame() === page.mainFrame()) tally.documents += 1;
  });
  page.on("framenavigated", (frame) => {
    if (frame !== page.mainFrame()) return;
    tally.pageLoads += 1;
    if (/\/s\/\d+/.test(new URL(frame.url()).pathname)) tally.suggestionPages += 1;
  });
  return {
    tally,
    click: async (selector: string) => {
      tally.clicks += 1;
      await page.click(selector);
    },
    pick: async (selector: string, value: string | { label: string }) => {
      tally.clicks += 1;
      await page.selectOption(selector, value);
    },
  };
}

describe("staff working tools", () => {
  test("five waiting suggestions cleared from the queue with a saved reply and a bulk action", async () => {
    const staff = await newPage();
    await logIn(staff, "staff", "sprout-staff-demo");

    // A saved reply, set up once for the whole team.
    const replyTitle = `Planned, thanks ${unique()}`;
    await staff.goto("/staff/replies");
    await staff.fill('#saved-reply-new input[name="title"]', replyTitle);
    await staff.fill('#saved-reply-new textarea[name="bodyEn"]', "Thanks {author}! “{title}” is planned.");
    await staff.fill('#saved-reply-new textarea[name="bodyZh"]', "谢谢{author}！「{title}」已列入计划。");
    await staff.selectOption('#saved-reply-new select[name="status"]', "planned");
    await staff.click('#saved-reply-new button[type="submit"]');
    await staff.waitForURL(/done=saved/);

    const { slug, ids } = waitingOnNewBoard(5);
    const { tally, click, pick } = counted(staff);
    const answered = staff.waitForResponse((r) => r.url().includes("/staff/events"));
    await staff.goto(`/staff?board=${slug}`);
    await answered;
    expect(await staff.locator('[data-testid="queue-item"]').count()).toBe(5);

    // Two answered with the saved reply: the first row opened by hand, the next one by itself.
    await click(`[data-testid="queue-item"][data-id="${ids[0]}"] [data-testid="queue-answer"]`);
    for (const id of ids.slice(0, 2)) {
      const row = `[data-testid="queue-item"][data-id="${id}"]`;
      await staff.locator(`${row} [data-testid="answer-panel"]`).waitFor();
      await pick(`${row} [data-testid="saved-reply-select"]`, { label: replyTitle });
      expect(await staff.locator(`${row} textarea[name="body"]`).inputValue()).toMatch(/^Thanks .+! “Waiting idea \d .+” is planned\.$/);
      expect(await staff.locator(`${row} select[name="to"]`).inputValue()).toBe("planned");
      await click(`${row} button:has-text("Post answer")`);
    }
    await staff.locator(`[data-testid="queue-item"][data-id="${ids[2]}"] [data-testid="answer-panel"]`).waitFor();

    // The other three declined together, with one note.
    for (const id of ids.slice(2)) await click(`[data-testid="queue-item"][data-id="${id}"] [data-testid="queue-select"]`);
    await pick("#bulk-to", "declined");
    await staff.fill('#bulk-form textarea[name="note"]', "Not for this year, thank you.");
    await click('#bulk-form button[value="status"]');
    await staff.getByTestId("bulk-done").waitFor();

    const after = suggestionsById(ids);
    expect(after.slice(0, 2).map((s) => [s.status, s.answeredAt !== null])).toEqual([
      ["planned", true],
      ["planned", true],
    ]);
    expect(after.slice(2).map((s) => s.status)).toEqual(["declined", "declined", "declined"]);
    expect(tally.suggestionPages).toBe(0);
    console.log(`clearing five from the queue: ${tally.clicks} clicks, ${tally.pageLoads} navigations, ${tally.documents} whole pages (answered 2 with a saved reply, declined 3 at once)`);
    expect(consoleErrors(staff)).toEqual([]);
  });

  test("for comparison: answering one suggestion the old way, from its page", async () => {
    const staff = await newPage();
    await logIn(staff, "staff", "sprout-staff-demo");
    const { slug, ids } = waitingOnNewBoard(1);
    const { tally, click, pick } = counted(staff);
    await staff.goto(`/staff?board=${slug}`);
    await click(`[data-testid="queue-item"] h3 a`);
    await staff.waitForURL(new RegExp(`/s/${ids[0]}$`));
    await staff.fill('form#comment-form textarea[name="body"]', "Thanks! This is planned.");
    await click('form#comment-form input[name="official"]');
    await click('form#comment-form button[type="submit"]');
    await staff.waitForURL(/#comment-/);
    await pick('#status-form select[name="to"]', "planned");
    await click('#status-form button[type="submit"]');
    await staff.waitForURL(/#history-heading/);
    await expect.poll(() => suggestionsById(ids)[0]!.status).toBe("planned");
    console.log(`answering one the old way: ${tally.clicks} clicks, ${tally.pageLoads} navigations, ${tally.documents} whole pages`);
  });

  test("without JavaScript the answer page has the form at the top, a saved reply fills it, and the next waiting one follows", async () => {
    const staff = await newPage({ javaScriptEnabled: false });
    await logIn(staff, "staff", "sprout-staff-demo");
    const { ids } = waitingOnNewBoard(1);
    await staff.goto(`/staff/answer/${ids[0]}`);
    // The reply box comes before the suggestion's text.
    const formFirst = await staff.evaluate(() => {
      const box = document.querySelector('[data-testid="answer-panel"] textarea[name="body"]');
      const text = document.querySelector('[data-testid="answer-panel"] .answer-text');
      return !!box && !!text && !!(box.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(formFirst).toBe(true);
    const options = await staff.locator('[data-testid="saved-reply-select"] option').count();
    if (options > 1) {
      await staff.selectOption('[data-testid="saved-reply-select"]', { index: 1 });
      await staff.click('.saved-reply-picker button[type="submit"]');
      await staff.waitForURL(/reply=\d+/);
      expect(await staff.locator('textarea[name="body"]').inputValue()).not.toBe("");
    } else {
      await staff.fill('textarea[name="body"]', "Thanks, we are on it.");
    }
    await staff.selectOption('select[name="to"]', "under_review");
    await staff.click('button:has-text("Post answer")');
    await staff.waitForURL((url) => url.pathname !== `/staff/answer/${ids[0]}` || url.search.includes("answered"));
    expect(suggestionsById(ids)[0]!.answeredAt).not.toBeNull();
  });

  test("keyboard: j/k move, r opens the reply box, s the status, ? the help; keys typed in a field stay in it", async () => {
    const staff = await newPage();
    await logIn(staff, "staff", "sprout-staff-demo");
    const { slug, ids } = waitingOnNewBoard(3);
    const live = staff.waitForResponse((r) => r.url().includes("/staff/events"));
    await staff.goto(`/staff?board=${slug}`);
    await live;
    const focusedRow = () => staff.evaluate(() => document.activeElement?.closest("[data-testid=queue-item]")?.getAttribute("data-id"));
    await staff.keyboard.press("j");
    expect(await focusedRow()).toBe(String(ids[0]));
    await staff.keyboard.press("j");
    await staff.keyboard.press("j");
    await staff.keyboard.press("k");
    expect(await focusedRow()).toBe(String(ids[1]));

    await staff.keyboard.press("r");
    await expect.poll(() => staff.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("body");
    expect(await focusedRow()).toBe(String(ids[1]));
    // Typing in the reply box types; it moves nothing.
    await staff.keyboard.type("just keep typing?");
    expect(await staff.locator(`[data-testid="queue-item"][data-id="${ids[1]}"] textarea[name="body"]`).inputValue()).toBe("just keep typing?");
    expect(await staff.getByTestId("keyboard-help").count()).toBe(0);

    await staff.locator("h1").click();
    await staff.keyboard.press("?");
    await staff.getByTestId("keyboard-help").waitFor();
    await staff.keyboard.press("?");
    await staff.getByTestId("keyboard-help").waitFor({ state: "detached" });
    await staff.keyboard.press("s");
    await expect.poll(() => staff.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("to");
    expect(consoleErrors(staff)).toEqual([]);
  });
});
