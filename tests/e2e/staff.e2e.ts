// The staff side of the loop: the queue (live with JavaScript, a plain page without), and
// moving a suggestion through the lifecycle from its page.
import { describe, expect, test } from "vitest";
import { consoleErrors, logIn, newPage, postSuggestion, unique } from "./browser";

describe("staff queue", () => {
  test("a new suggestion appears in an open queue without reloading", async () => {
    const staff = await newPage();
    await logIn(staff, "staff", "sprout-staff-demo");
    // The live feed is open once the page has hydrated and its EventSource got its headers.
    const live = staff.waitForResponse((r) => r.url().includes("/staff/events"));
    await staff.goto("/staff");
    await live;
    // Unanswered first: the first row's clock is still running.
    expect(await staff.locator('[data-testid="queue-item"] .queue-clock').first().getAttribute("data-clock")).not.toBe("answered");
    const unanswered = Number(await staff.getByTestId("queue-unanswered").innerText());

    const fan = await newPage();
    await logIn(fan, "fan", "sprout-fan-demo");
    const title = `Let me snooze alarms by shaking the phone ${unique()}`;
    await postSuggestion(fan, title, "It would help a lot.");

    // The feed polls every 2 s; a loaded machine is slow. The newcomer waits longest of none,
    // so after other tests' posts its place in the queue may be pages away: the arrivals
    // line links it, and the figures above the queue count it once the data has reloaded.
    const arrivals = staff.getByTestId("queue-arrivals");
    await arrivals.locator(`a:has-text("${title}")`).waitFor({ timeout: 60_000 });
    expect(await arrivals.innerText()).toContain("1 new suggestion arrived.");
    await expect.poll(async () => Number(await staff.getByTestId("queue-unanswered").innerText()), { timeout: 30_000 }).toBe(unanswered + 1);
    expect(consoleErrors(staff)).toEqual([]);
  });

  test("without JavaScript the queue is a page with working filters, and members are refused", async () => {
    const staff = await newPage({ javaScriptEnabled: false });
    await logIn(staff, "staff", "sprout-staff-demo");
    await staff.goto("/staff");
    expect(await staff.locator('[data-testid="queue-item"]').count()).toBeGreaterThan(0);
    await staff.selectOption("#queue-status", "declined");
    await staff.click('button:has-text("Filter")');
    await staff.waitForURL(/status=declined/);
    const badges = await staff.locator('[data-testid="queue-item"] .status').allInnerTexts();
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(["Declined"]));

    const fan = await newPage({ javaScriptEnabled: false });
    await logIn(fan, "fan", "sprout-fan-demo");
    const response = await fan.goto("/staff");
    expect(response?.status()).toBe(403);
  });
});

describe.each([true, false])("lifecycle on a suggestion (JavaScript enabled: %s)", (javaScriptEnabled) => {
  test("staff plan a suggestion with a note, are told when a decline lacks one, and merge a duplicate", async () => {
    const fan = await newPage({ javaScriptEnabled });
    await logIn(fan, "fan", "sprout-fan-demo");
    const code = unique();
    const target = await postSuggestion(fan, `Show upcoming alarms on the lock screen ${code}`, "It would help a lot.");
    const duplicate = await postSuggestion(fan, `Next alarm on the lock screen please ${unique()}`, "It would help a lot.");

    const staff = await newPage({ javaScriptEnabled });
    await logIn(staff, "staff", "sprout-staff-demo");
    await staff.goto(`/s/${target}`);
    await staff.selectOption('#status-form select[name="to"]', "declined");
    await staff.click('#status-form button[type="submit"]');
    await staff.locator('#status-form .field-error:has-text("Write a public note")').waitFor();

    await staff.selectOption('#status-form select[name="to"]', "planned");
    await staff.fill('#status-form textarea[name="note"]', "Coming in the next release.");
    await staff.click('#status-form button[type="submit"]');
    await staff.locator('.timeline li:has-text("Coming in the next release.")').waitFor();
    expect(await staff.locator(".suggestion-head .status").innerText()).toBe("Planned");

    // The merge target is found by title and compared side by side; nobody types its number.
    await staff.goto(`/s/${duplicate}`);
    await staff.click("#merge summary");
    await staff.fill("#merge-search", code);
    await staff.click('.merge-search button[type="submit"]');
    await staff.click(`[data-testid="merge-candidates"] a[href*="mergeInto=${target}"]`);
    await staff.getByTestId("merge-compare").waitFor();
    await staff.fill('#merge-form textarea[name="note"]', "Same idea, let's keep the votes together.");
    await staff.click('#merge-form button[type="submit"]');
    await staff.locator(`.merge-list a[href="/s/${target}"]`).waitFor();
    expect(await staff.locator(".suggestion-head .status").innerText()).toBe("Duplicate");

    // Both were posted by the same fan, so nobody new is credited; the fan's page shows the note.
    await fan.goto(`/s/${duplicate}`);
    expect(await fan.locator(".timeline").innerText()).toContain("Same idea, let's keep the votes together.");
    expect(await fan.locator(".staff-controls").count()).toBe(0);

    await staff.goto(`/s/${target}`);
    await staff.click('.merge-list button:has-text("Undo merge")');
    await staff.locator(".merge-list").waitFor({ state: "detached" });
    await staff.goto(`/s/${duplicate}`);
    expect(await staff.locator(".suggestion-head .status").innerText()).toBe("Open");
    // Without JavaScript the refused decline came back as a 400 page, which Chromium logs.
    if (javaScriptEnabled) expect(consoleErrors(staff)).toEqual([]);
  });
});
