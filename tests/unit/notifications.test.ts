import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/i18n";
import {
  channelsFor,
  DEFAULT_CHANNELS,
  describeNotification,
  NOTIFICATION_KINDS,
  translateMessage,
  type NotificationKind,
  type NotificationPayload,
} from "~/features/notifications/notifications";

const about = (kind: NotificationKind, payload: NotificationPayload = {}, suggestion = true) =>
  describeNotification({
    kind,
    suggestionId: suggestion ? 7 : null,
    suggestionTitle: suggestion ? "Dark mode" : null,
    payload,
  });

describe("channelsFor", () => {
  it("uses the defaults without a saved choice", () => {
    for (const kind of NOTIFICATION_KINDS) expect(channelsFor(kind, null)).toEqual(DEFAULT_CHANNELS[kind]);
  });

  it("emails by default only what a member would not want to miss", () => {
    const emailed = NOTIFICATION_KINDS.filter((kind) => DEFAULT_CHANNELS[kind].email);
    expect(emailed).toEqual(["official_reply", "status_change", "ship", "complaint", "reply", "mention", "weekly_digest"]);
    // The weekly digest is an email only; everything else is in the inbox.
    expect(NOTIFICATION_KINDS.filter((kind) => !DEFAULT_CHANNELS[kind].inApp)).toEqual(["weekly_digest"]);
  });

  it("lets a saved choice win, switch by switch", () => {
    expect(channelsFor("ship", { inApp: false, email: false })).toEqual({ inApp: false, email: false });
    expect(channelsFor("merge", { email: true })).toEqual({ inApp: true, email: true });
  });
});

describe("describeNotification", () => {
  const en = translator("en");
  const zh = translator("zh");
  const say = (kind: NotificationKind, payload?: NotificationPayload, suggestion?: boolean) =>
    translateMessage(en, about(kind, payload, suggestion));

  it("says each kind in words, linking the suggestion", () => {
    expect(say("official_reply")).toBe("Staff replied officially to “Dark mode”");
    expect(say("status_change", { from: "planned", to: "shipped" })).toBe("“Dark mode” moved from Planned to Shipped");
    expect(say("status_change", {})).toBe("“Dark mode” changed status");
    expect(say("merge", { targetId: 9, targetTitle: "Night theme" })).toBe("“Dark mode” was merged into “Night theme”");
    expect(say("ship")).toBe("“Dark mode” has shipped");
    expect(say("ship", { releaseName: "2.4" })).toBe("“Dark mode” has shipped in 2.4");
    expect(about("official_reply").path).toBe("/s/7");
    expect(about("official_reply", { commentId: 12 }).path).toBe("/s/7?comment=12#comment-12");
  });

  it("links a merge to the suggestion it went into", () => {
    expect(about("merge", { targetId: 9 }).path).toBe("/s/9");
    expect(about("merge", {}).path).toBe("/s/7");
  });

  it("keeps the staff's note apart from the message", () => {
    expect(about("status_change", { from: "open", to: "declined", note: "  Out of scope  " }).note).toBe("Out of scope");
    expect(about("status_change", { from: "open", to: "planned", note: "  " }).note).toBeNull();
    expect(about("official_reply", { note: "ignored" }).note).toBeNull();
  });

  it("describes notifications that are not about a suggestion", () => {
    expect(say("complaint", { title: "Refunds", complaintStatus: "resolved", path: "/complaints/3" }, false)).toBe(
      "Your complaint “Refunds” is now resolved",
    );
    expect(say("complaint", { title: "Refunds" }, false)).toBe("Staff answered your complaint “Refunds”");
    expect(about("complaint", { path: "/complaints/3" }, false).path).toBe("/complaints/3");
    expect(say("badge", { badgeName: "First idea shipped" }, false)).toBe("You earned the badge “First idea shipped”");
    expect(say("invitation", { username: "mi_fan" }, false)).toBe("mi_fan accepted your invitation and joined");
    expect(about("invitation", {}, false).path).toBe("/invite");
  });

  it("never links off-site from a payload", () => {
    for (const path of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)"]) {
      expect(about("badge", { path }, false).path).toBe("/notifications");
    }
  });

  it("ignores payload fields of the wrong type", () => {
    const odd = { from: "nonsense", to: 3, note: 5, targetId: "9", complaintStatus: "closed" } as unknown as NotificationPayload;
    expect(about("status_change", odd)).toMatchObject({ key: "statusChangeUnknown", note: null });
    expect(about("merge", odd).path).toBe("/s/7");
    expect(about("complaint", odd, false).key).toBe("complaint");
  });

  it("has every message in both languages", () => {
    const payloads: Record<NotificationKind, NotificationPayload[]> = {
      official_reply: [{}],
      status_change: [{ from: "open", to: "planned" }, {}, { to: "planned", count: 3 }, { from: "shipped", to: "planned", correction: true }],
      merge: [{ targetTitle: "X" }],
      ship: [{}, { releaseName: "2.4" }, { count: 2 }],
      complaint: [{ title: "T" }, { title: "T", complaintStatus: "acknowledged" }],
      badge: [{ badgeName: "B" }, { badgeName: "B", withdrawn: true, note: "Shipped by mistake." }],
      invitation: [{ username: "u" }, { invitedBy: "u" }],
      reply: [{ authorName: "Ada", commentId: 3 }],
      mention: [{ authorName: "Ada", commentId: 3 }],
      new_comments: [{ count: 1 }, { count: 4, commentId: 3 }],
      weekly_digest: [{}],
      staff_alert: [{ alert: "complaint_new", title: "T" }, { alert: "complaint_overdue", title: "T" }, { alert: "suggestion_overdue" }],
    };
    for (const kind of NOTIFICATION_KINDS) {
      for (const payload of payloads[kind]) {
        const message = about(kind, payload);
        for (const t of [en, zh]) {
          const line = translateMessage(t, message);
          expect(line).not.toMatch(/notifications\.|common\.|\{\{/);
        }
      }
    }
    expect(translateMessage(zh, about("status_change", { from: "planned", to: "shipped" }))).toBe("「Dark mode」已从已采纳变为已上线");
  });
});
