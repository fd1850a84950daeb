import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { boards, users } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { action, loader } from "~/routes/admin._index";
import { createSession, validateSessionToken } from "~/features/accounts/sessions.server";
import { createBoard, createMember } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

const post = (user: { id: number } | null, form: Record<string, string>) => outcome(() => action(routeArgs(requestAs(user, "/admin", { form }))));

describe("/admin", () => {
  it("is for admins only: visitors log in, everyone else gets 403 and changes nothing", async () => {
    expect((await outcome(() => loader(routeArgs(requestAs(null, "/admin"))))).status).toBe(302);
    for (const role of ["member", "staff", "lead"] as const) {
      const user = await createMember({ role });
      expect((await outcome(() => loader(routeArgs(requestAs(user, "/admin"))))).status).toBe(403);
      const attempt = await post(user, { intent: "board", slug: `nope-${role}`, nameEn: "x", nameZh: "x", visibility: "public", position: "0" });
      expect(attempt.status).toBe(403);
      expect(getDb().select().from(boards).where(eq(boards.slug, `nope-${role}`)).get()).toBeUndefined();
    }
  });

  it("creates and edits boards, refusing a taken address", async () => {
    const admin = await createMember({ role: "admin" });
    expect((await post(admin, { intent: "board", slug: "wearables", nameEn: "Wearables", nameZh: "穿戴设备", visibility: "early_access", position: "5" })).status).toBe(302);
    const created = getDb().select().from(boards).where(eq(boards.slug, "wearables")).get()!;
    expect(created).toMatchObject({ nameZh: "穿戴设备", visibility: "early_access", position: 5 });

    const other = createBoard();
    const clash = await post(admin, { intent: "board", boardId: String(other.id), slug: "wearables", nameEn: "Clash", nameZh: "冲突", visibility: "public", position: "0" });
    expect(clash.status).toBe(400);
    expect(getDb().select().from(boards).where(eq(boards.id, other.id)).get()?.slug).toBe(other.slug);

    const bad = await post(admin, { intent: "board", slug: "Not A Slug!", nameEn: "", nameZh: "x", visibility: "secret", position: "-1" });
    expect(bad.status).toBe(400);
  });

  it("changes a role and ends that member's sessions; the last admin stays", async () => {
    const admin = await createMember({ role: "admin" });
    const fan = await createMember();
    const session = createSession(fan.id);
    expect((await post(admin, { intent: "role", username: fan.username.toUpperCase(), role: "staff" })).status).toBe(302);
    expect(getDb().select({ role: users.role }).from(users).where(eq(users.id, fan.id)).get()?.role).toBe("staff");
    expect(validateSessionToken(session.token)).toBeNull();

    expect((await post(admin, { intent: "role", username: "nobody-here", role: "staff" })).status).toBe(400);
    // Demote every admin but one; the last one cannot be demoted.
    const admins = getDb().select({ id: users.id, username: users.username }).from(users).where(eq(users.role, "admin")).all();
    for (const other of admins.filter((a) => a.id !== admin.id)) await post(admin, { intent: "role", username: other.username, role: "member" });
    expect((await post(admin, { intent: "role", username: admin.username, role: "member" })).status).toBe(400);
    expect(getDb().select({ role: users.role }).from(users).where(eq(users.id, admin.id)).get()?.role).toBe("admin");
  });
});
