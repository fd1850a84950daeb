import { describe, expect, test } from "vitest";
import { COMPLAINT_STATUSES, ROLES, type ComplaintStatus, type Role } from "#db/schema";
import {
  COMPLAINT_ACTIONS,
  canDoComplaintAction,
  canMoveComplaint,
  decideComplaintAction,
  isResolutionRating,
  summarizeComplaints,
  type ComplaintAction,
  type ComplaintDecision,
} from "~/features/complaints/complaint-rules";

const FILER_ID = 1;
const HOUR = 60 * 60 * 1000;

describe("complaint states", () => {
  const allowed: [ComplaintStatus, ComplaintStatus][] = [
    ["open", "acknowledged"],
    ["open", "resolved"],
    ["acknowledged", "resolved"],
  ];
  for (const from of COMPLAINT_STATUSES) {
    for (const to of COMPLAINT_STATUSES) {
      const expected = allowed.some(([f, t]) => f === from && t === to);
      test(`${from} → ${to} is ${expected ? "allowed" : "refused"}`, () => {
        expect(canMoveComplaint(from, to)).toBe(expected);
      });
    }
  }
});

// Every kind of actor × every state × every action, against a table written out by hand.
type ActorKind = "visitor" | "filer" | "other member" | `${Role} (not filer)` | `${Role} filer`;

function actorFor(kind: ActorKind) {
  if (kind === "visitor") return null;
  if (kind === "filer") return { id: FILER_ID, role: "member" as const };
  if (kind === "other member") return { id: 2, role: "member" as const };
  const [role, who] = kind.split(" ") as [Role, string];
  return { id: who === "filer" ? FILER_ID : 3, role };
}

const ok: ComplaintDecision = { ok: true };
const notFound: ComplaintDecision = { ok: false, reason: "not_found" };
const forbidden: ComplaintDecision = { ok: false, reason: "forbidden" };
const badState: ComplaintDecision = { ok: false, reason: "invalid_state" };

type Table = Record<ComplaintAction, Record<ComplaintStatus, ComplaintDecision>>;

const strangerTable: Table = Object.fromEntries(
  COMPLAINT_ACTIONS.map((a) => [a, { open: notFound, acknowledged: notFound, resolved: notFound }]),
) as Table;

const filerTable: Table = {
  view: { open: ok, acknowledged: ok, resolved: ok },
  reply: { open: ok, acknowledged: ok, resolved: badState },
  acknowledge: { open: forbidden, acknowledged: forbidden, resolved: forbidden },
  resolve: { open: forbidden, acknowledged: forbidden, resolved: forbidden },
  rate: { open: badState, acknowledged: badState, resolved: ok },
};

const handlerTable: Table = {
  view: { open: ok, acknowledged: ok, resolved: ok },
  reply: { open: ok, acknowledged: ok, resolved: badState },
  acknowledge: { open: ok, acknowledged: badState, resolved: badState },
  resolve: { open: ok, acknowledged: ok, resolved: badState },
  rate: { open: forbidden, acknowledged: forbidden, resolved: forbidden },
};

const expectedTables: [ActorKind, Table][] = [
  ["visitor", strangerTable],
  ["other member", strangerTable],
  ["filer", filerTable],
  ["member filer", filerTable],
  ...(["staff", "lead", "admin"] as const).flatMap((role): [ActorKind, Table][] => [
    [`${role} (not filer)`, handlerTable],
    // Staff who filed a complaint are its member, not its handler.
    [`${role} filer`, filerTable],
  ]),
];

describe("who may do what to a complaint", () => {
  test("every role is covered", () => {
    for (const role of ROLES.filter((r) => r !== "member")) {
      expect(expectedTables.some(([kind]) => kind.startsWith(role))).toBe(true);
    }
  });
  for (const [kind, table] of expectedTables) {
    for (const action of COMPLAINT_ACTIONS) {
      for (const status of COMPLAINT_STATUSES) {
        const expected = table[action][status];
        test(`${kind} · ${action} · ${status} → ${expected.ok ? "ok" : expected.reason}`, () => {
          const complaint = { userId: FILER_ID, status };
          expect(decideComplaintAction(actorFor(kind), complaint, action)).toEqual(expected);
          expect(canDoComplaintAction(actorFor(kind), complaint, action)).toBe(expected.ok);
        });
      }
    }
  }
});

describe("resolution ratings", () => {
  test.each([1, 2, 3, 4, 5])("%i is a rating", (n) => expect(isResolutionRating(n)).toBe(true));
  test.each([0, 6, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])("%s is not", (n) => expect(isResolutionRating(n)).toBe(false));
});

describe("queue statistics", () => {
  const now = Date.UTC(2025, 5, 15, 12);
  const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR);
  const target = 24 * HOUR;

  test("nothing filed: zeros and no median", () => {
    expect(summarizeComplaints([], now, target)).toEqual({
      open: 0,
      acknowledged: 0,
      overTarget: 0,
      medianResolutionMs: null,
      resolvedThisWeek: 0,
    });
  });

  test("counts states, complaints over target, and resolutions of the past seven days", () => {
    const stats = summarizeComplaints(
      [
        { status: "open", createdAt: at(1), resolvedAt: null },
        { status: "open", createdAt: at(24), resolvedAt: null }, // exactly at target: over
        { status: "acknowledged", createdAt: at(23), resolvedAt: null },
        { status: "acknowledged", createdAt: at(50), resolvedAt: null },
        { status: "resolved", createdAt: at(10), resolvedAt: at(8) }, // 2 h
        { status: "resolved", createdAt: at(40), resolvedAt: at(30) }, // 10 h
        { status: "resolved", createdAt: at(100), resolvedAt: at(94) }, // 6 h
        { status: "resolved", createdAt: at(300), resolvedAt: at(200) }, // older than a week: left out
      ],
      now,
      target,
    );
    expect(stats).toEqual({ open: 2, acknowledged: 2, overTarget: 2, medianResolutionMs: 6 * HOUR, resolvedThisWeek: 3 });
  });

  test("a shorter target puts more complaints over it", () => {
    const rows = [
      { status: "open" as const, createdAt: at(3), resolvedAt: null },
      { status: "acknowledged" as const, createdAt: at(5), resolvedAt: null },
    ];
    expect(summarizeComplaints(rows, now, 24 * HOUR).overTarget).toBe(0);
    expect(summarizeComplaints(rows, now, 4 * HOUR).overTarget).toBe(1);
    expect(summarizeComplaints(rows, now, 2 * HOUR).overTarget).toBe(2);
  });
});
