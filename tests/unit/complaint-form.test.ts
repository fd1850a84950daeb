import { describe, expect, test } from "vitest";
import { complaintSchema, rateResolutionSchema } from "~/features/complaints/forms";

const valid = { subject: "decision", title: "Please reconsider this", body: "Why was it declined?" };

describe("the complaint form", () => {
  test.each([
    ["42", 42],
    ["#42", 42],
    ["/s/42", 42],
    ["https://sprout.example/s/42", 42],
    ["https://sprout.example/s/42#comment-3", 42],
  ])("takes the suggestion %s as #%i", (suggestion, id) => {
    expect(complaintSchema.parse({ ...valid, suggestion }).suggestion).toBe(id);
  });

  test.each(["abc", "0", "-4", "/b/42", "https://sprout.example/s/", "4.2", "99999999999999999999"])("refuses %s as a suggestion", (suggestion) => {
    const result = complaintSchema.safeParse({ ...valid, suggestion });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(["complaints.errors.suggestionFormat"]);
  });

  test("a suggestion is optional", () => {
    expect(complaintSchema.parse(valid).suggestion).toBeUndefined();
  });

  test.each([
    [{ subject: "weather" }, "subject", "complaints.errors.subjectRequired"],
    [{ title: "short" }, "title", "forms.titleLength"],
    [{ title: "x".repeat(141) }, "title", "forms.titleLength"],
    [{ body: "   " }, "body", "forms.required"],
    [{ body: "x".repeat(5001) }, "body", "complaints.errors.bodyLength"],
  ])("refuses %o", (change, path, message) => {
    const result = complaintSchema.safeParse({ ...valid, ...change });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([[path, message]]);
  });

  test.each([0, 6, 2.5])("a rating of %s is refused", (rating) => {
    expect(rateResolutionSchema.safeParse({ rating }).success).toBe(false);
  });
});
