import { describe, expect, test } from "vitest";
import { onDuty } from "~/features/staff/duty";

describe("staff on duty", () => {
  test("those active in the last day", () => {
    expect(onDuty([1, 2, 3], [3, 1, 9])).toEqual([1, 3]);
  });
  test("everyone when nobody was active, so an alert always reaches someone", () => {
    expect(onDuty([1, 2], [])).toEqual([1, 2]);
    expect(onDuty([], [4])).toEqual([]);
  });
});
