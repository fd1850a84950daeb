import { describe, expect, it } from "vitest";
import { ACCOUNT_LINKS, afterRequest, linkUsable, withinLimit } from "~/features/accounts/account-links";

const HOUR = 60 * 60 * 1000;

describe("request windows", () => {
  it("allows up to the limit within a window, then refuses until the window ends", () => {
    let state = undefined as ReturnType<typeof afterRequest> | undefined;
    for (let i = 0; i < ACCOUNT_LINKS.perAccount; i++) {
      expect(withinLimit(state, 1000 + i, ACCOUNT_LINKS.perAccount)).toBe(true);
      state = afterRequest(state, 1000 + i);
    }
    expect(withinLimit(state, 1000 + HOUR - 1, ACCOUNT_LINKS.perAccount)).toBe(false);
    expect(withinLimit(state, 1000 + HOUR, ACCOUNT_LINKS.perAccount)).toBe(true);
    expect(afterRequest(state, 1000 + HOUR)).toEqual({ count: 1, startedAt: 1000 + HOUR });
  });
});

describe("linkUsable", () => {
  const link = { usedAt: null, expiresAt: new Date(10 * HOUR), passwordFingerprint: "a" };
  it("is usable while unused, unexpired and under the same password", () => {
    expect(linkUsable(link, "a", 10 * HOUR - 1)).toBe(true);
  });
  it("dies at expiry, after use, or when the password changed", () => {
    expect(linkUsable(link, "a", 10 * HOUR)).toBe(false);
    expect(linkUsable({ ...link, usedAt: new Date(1) }, "a", 0)).toBe(false);
    expect(linkUsable(link, "b", 0)).toBe(false);
  });
});
