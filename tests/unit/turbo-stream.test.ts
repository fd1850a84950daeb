// patches/turbo-stream+2.4.1.patch rewrites how turbo-stream (Remix's encoding of loader data
// for the browser) writes an object's properties and an array's items: a value met before is
// written as its index directly, instead of through a one-item array made into text. The text
// sent to the browser must stay exactly what turbo-stream 2.4.1 writes, or hydration reads the
// wrong values.
import fs from "node:fs";
import { createRequire } from "node:module";
import { decode, encode } from "turbo-stream";
import { describe, expect, test } from "vitest";

async function encoded(value: unknown): Promise<string> {
  return new Response(encode(value)).text();
}

const roundTrip = async (value: unknown) => (await decode(encode(value))).value;

const author = { username: "lin_yu", name: "林雨" };
const page = {
  suggestions: [
    { id: 1, title: "深色模式", author, voted: true, tags: ["ui", "ui"] },
    // A hole is encoded apart from undefined.
    { id: 2, title: "Dark mode", author, voted: false, tags: [, "ui"] },
  ],
  total: 2,
  at: new Date(0),
  missing: undefined,
};

describe("turbo-stream's encoding of loader data", () => {
  test("runs patched on the server (npm install applies patches/)", () => {
    const flatten = createRequire(import.meta.url).resolve("turbo-stream").replace(/turbo-stream\.js$/, "flatten.js");
    expect(fs.readFileSync(flatten, "utf8")).toContain("function indexOf(input)");
  });

  test("writes the text turbo-stream 2.4.1 writes, repeated keys, values and objects referred to by index", async () => {
    // Written by turbo-stream 2.4.1 as published, before the patch.
    expect(await encoded(page)).toBe(
      '[{"_1":2,"_24":20,"_25":26,"_27":-7},"suggestions",[3,19],{"_4":5,"_6":7,"_8":9,"_14":15,"_16":17},"id",1,"title","深色模式","author",{"_10":11,"_12":13},"username","lin_yu","name","林雨","voted",true,"tags",[18,18],"ui",{"_4":20,"_6":21,"_8":9,"_14":22,"_16":23},2,"Dark mode",false,[-1,18],"total","at",["D",0],"missing"]\n',
    );
  });

  test("reads back as the same values, an object met twice as one object", async () => {
    const value = (await roundTrip(page)) as typeof page;
    expect(value).toEqual(page);
    expect(value.suggestions[0].author).toBe(value.suggestions[1].author);
    expect(0 in value.suggestions[1].tags).toBe(false);
  });

  test("encodes every kind of value it knows, nested in objects and arrays", async () => {
    const shared = { a: 1 };
    const value = {
      nothing: null,
      numbers: [-0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
      text: ["", '"quoted" </script>', "种子"],
      big: 10n,
      map: new Map([[shared, [shared]]]),
      pattern: /a+/g,
      url: new URL("https://sprout.example/s/1"),
      bare: Object.assign(Object.create(null) as object, { shared }),
      shared,
      again: [shared, { shared }],
    };
    const back = (await roundTrip({ ...value, set: new Set([shared, 2]) })) as typeof value & { set: Set<unknown> };
    expect(back).toMatchObject(value);
    expect(Object.is(back.numbers[0], -0)).toBe(true);
    expect(back.again[0]).toBe(back.shared);
    expect(back.map.get(back.shared)).toEqual([back.shared]);
    expect([...back.set].sort()).toEqual([2, back.shared].sort());
    expect(back.set.has(back.shared)).toBe(true);
  });
});
