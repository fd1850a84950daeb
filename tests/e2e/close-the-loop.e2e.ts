// The whole loop in Chromium: staff answer the oldest suggestion in their queue, plan it,
// ship it in a new release; the fan who posted it sees the notifications, the changelog
// credit, and rates what shipped.
import Database from "better-sqlite3";
import { describe, expect, inject, test } from "vitest";
import { consoleErrors, logIn, newPage } from "./browser";

describe("closing the loop", () => {
  test("answered, planned, shipped in a release, credited and rated", async () => {
    const staff = await newPage();
    await logIn(staff, "staff", "sprout-staff-demo");
    await staff.goto("/staff");
    // The queue's first item is the oldest suggestion still without an official reply.
    const first = staff.locator('[data-testid="queue-item"] h3 a').first();
    const title = (await first.innerText()).trim();
    await first.click();
    await staff.waitForURL(/\/s\/\d+$/);
    const id = Number(new URL(staff.url()).pathname.split("/").pop());

    const db = new Database(inject("databaseUrl"), { readonly: true });
    const author = db.prepare("select u.username, u.display_name as name from suggestions s join users u on u.id = s.author_id where s.id = ?").get(id) as { username: string; name: string };
    db.close();

    await staff.fill('form#comment-form textarea[name="body"]', "Thank you! We'll build this.");
    await staff.check('form#comment-form input[name="official"]');
    await staff.click('form#comment-form button[type="submit"]');
    await staff.waitForURL(/#comment-/);

    const statusForm = staff.locator('form:has(input[name="intent"][value="status"])');
    await statusForm.locator('select[name="to"]').selectOption("planned");
    await statusForm.locator('textarea[name="note"]').fill("Planned for the next release.");
    await statusForm.locator('button[type="submit"]').click();
    await expect.poll(() => staff.locator(".suggestion-head .status").first().innerText()).toBe("Planned");

    const release = `Sprout OS loop ${Date.now().toString(36)}`;
    await staff.goto("/staff/releases");
    const createForm = staff.locator('form:has(input[name="intent"][value="create"])');
    await createForm.locator('input[name="name"]').fill(release);
    await createForm.locator('textarea[name="notes"]').fill("Ideas from our fans.");
    await createForm.locator('button[type="submit"]').click();
    await expect.poll(() => staff.locator(`select[name="releaseId"] option:has-text("${release}")`).count()).toBeGreaterThan(0);
    const shipForm = staff.locator('form:has(input[name="intent"][value="ship"])');
    await shipForm.locator('select[name="suggestionId"]').selectOption(String(id));
    await shipForm.locator('select[name="releaseId"]').selectOption({ label: release });
    // Leaving the page before the action has answered would cancel it.
    const shipped = staff.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/staff/releases"));
    await shipForm.locator('button[type="submit"]').click();
    expect((await shipped).ok()).toBe(true);
    await staff.goto(`/s/${id}`);
    expect(await staff.locator(".suggestion-head .status").first().innerText()).toBe("Shipped");

    // The author (a demo member) sees it all.
    const fan = await newPage();
    await logIn(fan, author.username, "sprout-member-demo");
    await fan.goto("/notifications");
    const inbox = await fan.locator("main").innerText();
    expect(inbox).toContain(title);
    expect(inbox).toMatch(/replied officially|official reply/i);
    expect(inbox).toMatch(/shipped/i);

    await fan.goto("/changelog");
    const entry = fan.locator("section, article, li").filter({ hasText: release }).first();
    expect(await entry.innerText()).toContain(title);
    expect(await entry.innerText()).toContain(author.name);

    await fan.goto(`/s/${id}`);
    const rateForm = fan.locator('form:has(input[name="intent"][value="rate"])');
    await rateForm.locator('input[name="score"][value="5"]').check();
    await rateForm.locator('button[type="submit"]').click();
    const storedRating = () => {
      const check = new Database(inject("databaseUrl"), { readonly: true });
      const row = check.prepare("select r.score from ratings r join users u on u.id = r.user_id where r.suggestion_id = ? and u.username = ?").get(id, author.username) as { score: number } | undefined;
      check.close();
      return row?.score;
    };
    await expect.poll(storedRating).toBe(5);
    expect(consoleErrors(fan)).toEqual([]);
  });
});
