import { describe, expect, test } from "vitest";
import { SUGGESTION_STATUSES, type SuggestionStatus } from "#db/schema";
import {
  NOTE_MAX,
  allowedTransitions,
  canMergeFrom,
  canRevert,
  canTransition,
  errorField,
  isDecision,
  isNoteRequired,
  mergeError,
  revertError,
  transitionError,
} from "~/features/lifecycle/lifecycle";

// The whole machine written out once more, independently of the module's table.
const ALLOWED = new Set([
  "open→under_review",
  "open→planned",
  "open→in_progress",
  "open→declined",
  "under_review→open",
  "under_review→planned",
  "under_review→in_progress",
  "under_review→declined",
  "planned→under_review",
  "planned→in_progress",
  "planned→shipped",
  "planned→declined",
  "in_progress→planned",
  "in_progress→shipped",
  "in_progress→declined",
  "declined→open",
  "declined→under_review",
]);

const PAIRS = SUGGESTION_STATUSES.flatMap((from) => SUGGESTION_STATUSES.map((to) => [from, to] as const));

describe("lifecycle transitions, every (from, to) pair", () => {
  test.each(PAIRS)("%s → %s", (from, to) => {
    const allowed = ALLOWED.has(`${from}→${to}`);
    expect(canTransition(from, to)).toBe(allowed);
    expect(allowedTransitions(from).includes(to)).toBe(allowed);
    const withNote = transitionError(from, to, "Because the team decided so.");
    const withoutNote = transitionError(from, to, "");
    if (from === to) {
      expect(withNote).toBe("lifecycle.errors.sameStatus");
      expect(withoutNote).toBe("lifecycle.errors.sameStatus");
    } else if (!allowed) {
      expect(withNote).toBe("lifecycle.errors.notAllowed");
      expect(withoutNote).toBe("lifecycle.errors.notAllowed");
    } else {
      expect(withNote).toBeNull();
      expect(withoutNote).toBe(to === "declined" ? "lifecycle.errors.noteRequired" : null);
      expect(transitionError(from, to, "x".repeat(NOTE_MAX))).toBeNull();
      expect(transitionError(from, to, "x".repeat(NOTE_MAX + 1))).toBe("lifecycle.errors.noteTooLong");
    }
  });
});

describe("lifecycle rules", () => {
  test("shipped and duplicate are final for manual changes", () => {
    expect(allowedTransitions("shipped")).toEqual([]);
    expect(allowedTransitions("duplicate")).toEqual([]);
  });

  test("duplicate is reached only through a merge", () => {
    for (const from of SUGGESTION_STATUSES) expect(canTransition(from, "duplicate")).toBe(false);
  });

  test("a note of only spaces is no note", () => {
    expect(transitionError("open", "declined", "   \n ")).toBe("lifecycle.errors.noteRequired");
  });

  test.each(SUGGESTION_STATUSES)("decision and note rules for %s", (status: SuggestionStatus) => {
    expect(isDecision(status)).toBe(["planned", "in_progress", "shipped", "declined", "duplicate"].includes(status));
    expect(isNoteRequired(status)).toBe(status === "declined" || status === "duplicate");
  });
});

describe("merge rules", () => {
  const note = "Same idea as the target.";

  test.each(PAIRS)("merging a %s suggestion into a %s one", (from, into) => {
    const error = mergeError({ id: 1, status: from }, { id: 2, status: into }, note);
    if (into === "duplicate") expect(error).toBe("lifecycle.errors.mergeIntoDuplicate");
    else if (from === "shipped" || from === "duplicate") expect(error).toBe("lifecycle.errors.mergeFromFinal");
    else expect(error).toBeNull();
    expect(canMergeFrom(from)).toBe(from !== "shipped" && from !== "duplicate");
  });

  test("a suggestion cannot be merged into itself", () => {
    expect(mergeError({ id: 3, status: "open" }, { id: 3, status: "open" }, note)).toBe("lifecycle.errors.mergeIntoItself");
  });

  test("a merge needs a public note of at most NOTE_MAX characters", () => {
    expect(mergeError({ id: 1, status: "open" }, { id: 2, status: "open" }, "")).toBe("lifecycle.errors.noteRequired");
    expect(mergeError({ id: 1, status: "open" }, { id: 2, status: "open" }, "x".repeat(NOTE_MAX + 1))).toBe(
      "lifecycle.errors.noteTooLong",
    );
  });

  test("errors point at the field that caused them", () => {
    expect(errorField("lifecycle.errors.noteRequired")).toBe("note");
    expect(errorField("lifecycle.errors.noteTooLong")).toBe("note");
    expect(errorField("lifecycle.errors.notAllowed")).toBe("to");
    expect(errorField("lifecycle.errors.sameStatus")).toBe("to");
    expect(errorField("lifecycle.errors.mergeIntoItself")).toBe("targetId");
    expect(errorField("lifecycle.errors.mergeIntoDuplicate")).toBe("targetId");
  });
});

describe("taking back a wrong status change", () => {
  const shipped = { id: 7, fromStatus: "planned", toStatus: "shipped", revertsId: null } as const;
  const latest = { status: "shipped", latestChangeId: 7 } as const;

  test("the latest change, shipped included, can be taken back with a note", () => {
    expect(revertError(shipped, latest, "Shipped by mistake: it is in the next release.")).toBeNull();
    expect(canRevert(shipped, latest)).toBe(true);
  });

  test("the note is required and bounded", () => {
    expect(revertError(shipped, latest, "  ")).toBe("lifecycle.errors.noteRequired");
    expect(revertError(shipped, latest, "x".repeat(NOTE_MAX + 1))).toBe("lifecycle.errors.noteTooLong");
  });

  test("an older change, or one the suggestion has moved on from, cannot be", () => {
    expect(revertError(shipped, { status: "shipped", latestChangeId: 8 }, "why")).toBe("lifecycle.errors.revertNotLatest");
    expect(revertError(shipped, { status: "planned", latestChangeId: 7 }, "why")).toBe("lifecycle.errors.revertNotLatest");
  });

  test("merges are undone from their list, and a correction is not itself corrected", () => {
    expect(revertError({ ...shipped, toStatus: "duplicate" }, { status: "duplicate", latestChangeId: 7 }, "why")).toBe("lifecycle.errors.revertMerge");
    expect(revertError({ ...shipped, revertsId: 3 }, latest, "why")).toBe("lifecycle.errors.revertCorrection");
    expect(canRevert({ ...shipped, revertsId: 3 }, latest)).toBe(false);
  });
});
