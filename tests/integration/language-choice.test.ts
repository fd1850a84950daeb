// A member who picked a language in the header can give the choice back to their browser.
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { users } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { chosenLanguage, resolveLanguage } from "~/platform/locale.server";
import { action } from "~/routes/set-language";
import { createMember } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

const localeOf = (id: number) => getDb().select({ locale: users.locale }).from(users).where(eq(users.id, id)).get()?.locale;

async function choose(user: { id: number } | null, language: string) {
  const answer = await outcome(() => action(routeArgs(requestAs(user, "/set-language", { form: { language, redirectTo: "/honors" } }))));
  return { ...answer, cookie: (answer.body as Response).headers.get("Set-Cookie") ?? "" };
}

describe("/set-language", () => {
  test("a member's choice is kept on the account and in a cookie; 'browser' forgets both", async () => {
    const member = await createMember();
    const chosen = await choose(member, "zh");
    expect(chosen).toMatchObject({ status: 302, location: "/honors" });
    expect(chosen.cookie).toMatch(/^sprout_lang=zh;/);
    expect(localeOf(member.id)).toBe("zh");

    const back = await choose(member, "browser");
    expect(back).toMatchObject({ status: 302, location: "/honors" });
    expect(back.cookie).toMatch(/^sprout_lang=; .*Max-Age=0/);
    expect(localeOf(member.id)).toBeNull();
  });

  test("without a choice the browser's language applies again", () => {
    const request = (cookie: string) => new Request("http://localhost/", { headers: { Cookie: cookie, "Accept-Language": "zh-CN,zh;q=0.9" } });
    expect(resolveLanguage(request("sprout_lang=en"), null)).toBe("en");
    expect(chosenLanguage(request("sprout_lang=en"), null)).toBe("en");
    // The emptied cookie a browser may still send before it drops it.
    expect(resolveLanguage(request("sprout_lang="), { locale: null })).toBe("zh");
    expect(chosenLanguage(request("sprout_lang="), { locale: null })).toBeNull();
  });

  test("an unknown language is refused", async () => {
    expect((await choose(null, "fr")).status).toBe(400);
  });
});
