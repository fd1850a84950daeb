// Word of mouth passed on: a member makes an invite code, a friend follows the link, signs up
// with the prefilled code and casts a first vote, and both are rewarded: the inviter sees
// "Rewarded" on /invite, the friend a welcome in the inbox.
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { describe, expect, inject, test } from "vitest";
import { consoleErrors, logIn, newPage } from "./browser";

describe("invitations", () => {
  test("invite → signup → first vote → both rewarded", async () => {
    // zhangwei (level 4 in the demo data, reading in Chinese) has codes to spare and signed
    // up from elsewhere, so a friend signing up from this machine is not at the inviter's
    // own address. Statuses are read from data-status, whatever the language.
    const inviter = await newPage();
    await logIn(inviter, "zhangwei", "sprout-member-demo");
    await inviter.goto("/invite");
    await inviter.click('button[name="intent"][value="create"]');
    await inviter.waitForURL(/\/invite\?created=/);
    const code = new URL(inviter.url()).searchParams.get("created")!;
    const card = inviter.locator(".invitation", { hasText: code });
    const status = () => card.locator(".status").getAttribute("data-status");
    expect(await status()).toBe("created");
    const link = await card.locator("input.invite-link").inputValue();
    expect(link).toMatch(new RegExp(`/i/${code}$`));

    const friend = await newPage();
    await friend.goto(link);
    await friend.waitForURL(/\/signup\?invite=/);
    expect(await friend.locator('input[name="invite"]').inputValue()).toBe(code);
    const username = `friend_${randomBytes(3).toString("hex")}`;
    await friend.fill('input[name="username"]', username);
    await friend.fill('input[name="email"]', `${username}@example.com`);
    await friend.fill('input[name="password"]', "a-long-enough-password");
    await friend.click('button[type="submit"]:has-text("Sign up")');
    await friend.waitForURL((url) => url.pathname === "/");

    await inviter.goto("/invite");
    expect(await status()).toBe("joined");
    expect(await card.innerText()).toContain(username);

    const db = new Database(inject("databaseUrl"), { readonly: true });
    const { id } = db.prepare("select s.id from suggestions s join boards b on b.id = s.board_id where s.status = 'open' and b.visibility = 'public' order by s.id limit 1").get() as { id: number };
    db.close();
    await friend.goto(`/s/${id}`);
    const before = Number(await friend.getByTestId("vote-count").innerText());
    // The count moves at once (optimistic UI); the reward follows the server's answer.
    const answered = friend.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith(`/s/${id}`));
    await friend.click('.vote-box button[type="submit"]');
    expect((await answered).ok()).toBe(true);
    await expect.poll(() => friend.getByTestId("vote-count").innerText()).toBe(String(before + 1));

    await inviter.goto("/invite");
    expect(await status()).toBe("rewarded");
    expect(await card.locator(".invitation-steps li.done").count()).toBe(4);
    await inviter.goto("/notifications");
    expect(await inviter.locator(".notification", { hasText: username }).count()).toBe(1);

    await friend.goto("/notifications");
    expect(await friend.locator(".notification", { hasText: "zhangwei’s invitation" }).count()).toBe(1);
    expect(consoleErrors(inviter)).toEqual([]);
    expect(consoleErrors(friend)).toEqual([]);
  }, 60_000);
});
