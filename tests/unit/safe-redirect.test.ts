import { describe, expect, test } from "vitest";
import { safeRedirect } from "~/features/accounts/auth.server";

describe("safeRedirect", () => {
  test.each([
    ["/s/12", "/s/12"],
    ["/b/camera?sort=top&status=planned", "/b/camera?sort=top&status=planned"],
    ["/s/12#comment-3", "/s/12#comment-3"],
    ["/search?q=%E7%9B%B8%E6%9C%BA", "/search?q=%E7%9B%B8%E6%9C%BA"],
  ])("keeps the same-site path %s", (to, expected) => {
    expect(safeRedirect(to)).toBe(expected);
  });

  test.each([
    "//evil.example",
    "//evil.example/login",
    "https://evil.example",
    "http://sprout.local.evil.example/",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
  ])("refuses %j and falls back to /", (to) => {
    expect(safeRedirect(to)).toBe("/");
  });

  test("uses the fallback when there is nothing to go back to", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined, "/notifications")).toBe("/notifications");
    expect(safeRedirect("", "/notifications")).toBe("/notifications");
    expect(safeRedirect("https://evil.example", "/notifications")).toBe("/notifications");
  });
});
