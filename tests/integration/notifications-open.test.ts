// Opening a notification (the inbox's link, /notifications/:id) marks it read and leads
// where it points; someone else's notification does not exist for the opener.
import { describe, expect, test } from "vitest";
import { listNotifications, notifyUser, openNotification, unreadCount } from "~/features/notifications/notifications.server";
import { loader } from "~/routes/notifications.$id";
import { createMember } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

async function memberWithBadgeNotification() {
  const member = await createMember();
  notifyUser({ userId: member.id, kind: "badge", eventKey: `badge:open-${member.id}`, payload: { badgeName: "First idea", path: `/u/${member.username}` } });
  const [item] = listNotifications(member.id).items;
  return { member, item };
}

describe("openNotification", () => {
  test("marks the member's notification read and answers where it leads", async () => {
    const { member, item } = await memberWithBadgeNotification();
    expect(unreadCount(member.id)).toBe(1);
    expect(openNotification(member.id, item.id)).toEqual({ path: `/u/${member.username}` });
    expect(unreadCount(member.id)).toBe(0);
    expect(listNotifications(member.id).items[0].read).toBe(true);
  });

  test("someone else's notification is not found and stays unread", async () => {
    const { member, item } = await memberWithBadgeNotification();
    const other = await createMember();
    expect(openNotification(other.id, item.id)).toBeNull();
    expect(unreadCount(member.id)).toBe(1);
  });
});

describe("/notifications/:id", () => {
  test("the owner is redirected where it leads, and it is read", async () => {
    const { member, item } = await memberWithBadgeNotification();
    const answer = await outcome(() => loader(routeArgs(requestAs(member, `/notifications/${item.id}`), { id: String(item.id) })));
    expect(answer).toMatchObject({ status: 302, location: `/u/${member.username}` });
    expect(unreadCount(member.id)).toBe(0);
  });

  test("another member gets 404, a visitor is sent to log in", async () => {
    const { member, item } = await memberWithBadgeNotification();
    const other = await createMember();
    const asOther = await outcome(() => loader(routeArgs(requestAs(other, `/notifications/${item.id}`), { id: String(item.id) })));
    expect(asOther.status).toBe(404);
    const asVisitor = await outcome(() => loader(routeArgs(requestAs(null, `/notifications/${item.id}`), { id: String(item.id) })));
    expect(asVisitor.location).toMatch(/^\/login/);
    expect(unreadCount(member.id)).toBe(1);
  });
});
