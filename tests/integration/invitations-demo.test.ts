// The demo data passes word of mouth on: invitations in every status a member can see, with
// rewards, honors and share-link statistics that agree with the rules.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { badgeGrants, users } from "#db/schema";
import { seedDemoData } from "../../scripts/seed/seed";
import { getDb } from "~/platform/db.server";
import { INVITATION_STATUSES } from "~/features/invitations/invitation-rules";
import { invitationOverview, invitationSignals } from "~/features/invitations/invitations.server";

const NOW = new Date(Date.UTC(2026, 0, 15, 12));
const member = (username: string) => getDb().select().from(users).where(eq(users.username, username)).get()!;

beforeAll(async () => {
  await seedDemoData(getDb(), { now: NOW });
}, 60_000);

describe("demo invitations", () => {
  test("cover every status but the fleeting 'active', with the reason for a withheld reward", () => {
    const seen = ["fan", "zhangwei"].flatMap((username) => invitationOverview(member(username), NOW).invitations);
    expect(new Set(seen.map((i) => i.status))).toEqual(new Set(INVITATION_STATUSES.filter((s) => s !== "active")));
    expect(seen.find((i) => i.status === "withheld")?.withheld).toBe("inviter_address");
    expect(seen.filter((i) => i.invitee).every((i) => member(i.invitee!.username).invitedById !== null)).toBe(true);
  });

  test("reward both sides in honors, and show the demo fan's share-link statistics", () => {
    const fan = member("fan");
    expect(getDb().select().from(badgeGrants).where(eq(badgeGrants.userId, fan.id)).all().map((g) => g.badgeId)).toContain("inviter");
    expect(member("kai_newbie").honorPoints).toBeGreaterThanOrEqual(10);
    expect(invitationOverview(fan, NOW).shareStats).toEqual({ visits: 23, signups: 2, active: 1 });
    expect(invitationSignals({ until: NOW })).toMatchObject({ joined: 5, activeInvitees: 2, shareSignups: 2, shareSignupsActive: 1 });
  });
});
