// The pages around the API: /account/tokens (every member, their own tokens; admins revoke
// any) and /admin/webhooks (admins only).
import { describe, expect, test } from "vitest";
import { apiTokens, webhookEndpoints } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { authenticateApiToken } from "~/features/api/tokens.server";
import { setAllowPrivateAddresses } from "~/features/api/webhooks.server";
import { action as tokensAction, loader as tokensLoader } from "~/routes/account_.tokens";
import { action as webhooksAction, loader as webhooksLoader } from "~/routes/admin.webhooks";
import { createMember, createStaff } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

const postTokens = (user: { id: number } | null, form: Record<string, string>) =>
  outcome(() => tokensAction(routeArgs(requestAs(user, "/account/tokens", { form }))));

describe("/account/tokens", () => {
  test("a member creates a token shown once, with only the scopes their role allows, and revokes it", async () => {
    const fan = await createMember();
    const form = new URLSearchParams([["intent", "create"], ["name", "release script"], ["scopes", "read"], ["scopes", "write"], ["expiresInDays", "30"]]);
    const request = new Request("http://localhost/account/tokens", { method: "POST", headers: requestAs(fan, "/").headers, body: form });
    const created = await outcome(() => tokensAction(routeArgs(request)));
    const token = (created.body as { token: string }).token;
    expect(token).toMatch(/^sprout_/);
    expect(authenticateApiToken(token)?.user.id).toBe(fan.id);
    // Only a fingerprint is stored.
    expect(JSON.stringify(getDb().select().from(apiTokens).all())).not.toContain(token);
    const staffScope = await postTokens(fan, { intent: "create", name: "x", scopes: "staff" });
    expect(staffScope.status).toBe(400);
    const listed = (await outcome(() => tokensLoader(routeArgs(requestAs(fan, "/account/tokens"))))).body as { tokens: { id: number; name: string }[] };
    expect(listed.tokens.map((t) => t.name)).toEqual(["release script"]);
    // Another member cannot revoke it; its owner can.
    expect((await postTokens(await createMember(), { intent: "revoke", tokenId: String(listed.tokens[0].id) })).status).toBe(404);
    expect(authenticateApiToken(token)).not.toBeNull();
    expect((await postTokens(fan, { intent: "revoke", tokenId: String(listed.tokens[0].id) })).status).toBe(302);
    expect(authenticateApiToken(token)).toBeNull();
  });

  test("an admin sees and revokes anyone's live token; a visitor is sent to log in", async () => {
    const fan = await createMember();
    await postTokens(fan, { intent: "create", name: "leaky", scopes: "read" });
    const admin = await createMember({ role: "admin" });
    const seen = (await outcome(() => tokensLoader(routeArgs(requestAs(admin, "/account/tokens"))))).body as { allTokens: { id: number; name: string }[] };
    const leaky = seen.allTokens.find((t) => t.name === "leaky")!;
    expect((await postTokens(admin, { intent: "revoke", tokenId: String(leaky.id) })).status).toBe(302);
    expect(getDb().select().from(apiTokens).all().find((t) => t.id === leaky.id)?.revokedAt).not.toBeNull();
    expect((await postTokens(null, { intent: "create", name: "x", scopes: "read" })).location).toMatch(/^\/login/);
  });
});

describe("/admin/webhooks", () => {
  const post = (user: { id: number } | null, form: Record<string, string>) => outcome(() => webhooksAction(routeArgs(requestAs(user, "/admin/webhooks", { form }))));

  test("admins only; a loopback address is refused next to the field until allowed", async () => {
    const admin = await createMember({ role: "admin" });
    for (const user of [await createMember(), await createStaff(), await createMember({ role: "lead" })]) {
      expect((await outcome(() => webhooksLoader(routeArgs(requestAs(user, "/admin/webhooks"))))).status).toBe(403);
      expect((await post(user, { intent: "create", url: "https://192.0.2.1/hook", events: "shipped" })).status).toBe(403);
    }
    expect(getDb().select().from(webhookEndpoints).all()).toHaveLength(0);
    setAllowPrivateAddresses(false);
    const refused = await post(admin, { intent: "create", url: "http://127.0.0.1:9/hook", events: "shipped" });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain("api.webhooks.errors.private");
    expect((await post(admin, { intent: "private", allowPrivate: "on" })).status).toBe(302);
    expect((await post(admin, { intent: "create", url: "http://127.0.0.1:9/hook", events: "shipped" })).status).toBe(302);
    expect(getDb().select().from(webhookEndpoints).all()).toMatchObject([{ url: "http://127.0.0.1:9/hook", events: "shipped" }]);
    expect((await post(admin, { intent: "private" })).status).toBe(302);
  });
});
