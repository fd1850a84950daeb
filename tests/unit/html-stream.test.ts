import { PassThrough, type Readable } from "node:stream";
import { createElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { withoutReactPadding } from "~/platform/html-stream.server";

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

// Short pieces of text, as member names on the honor wall: React copies each into its buffer.
const NAMES = Array.from({ length: 300 }, (_, i) => `种子社区${i}号`);

// Renders a paragraph whose Chinese text starts `asciiBefore` bytes into the page, then pipes
// React's stream through `through`.
function render(asciiBefore: number, through: () => PassThrough | ReturnType<typeof withoutReactPadding>) {
  return new Promise<Buffer>((resolve, reject) => {
    const { pipe } = renderToPipeableStream(
      createElement("main", null, createElement("p", null, "x".repeat(asciiBefore)), ...NAMES.map((name, i) => createElement("span", { key: i }, name))),
      {
        onAllReady() {
          const body = through();
          bytesOf(body).then(resolve, reject);
          pipe(body);
        },
        onShellError: reject,
      },
    );
  });
}

describe("withoutReactPadding", () => {
  // Every offset within a 3-byte character, so each way a character can miss the buffer's end.
  // Shifting the text by one byte at a time meets every way a character can miss the buffer's end.
  test.each([0, 1, 2, 3, 4, 5])("a page whose Chinese text crosses React's 2 KB buffers has no NUL byte (%i ASCII bytes first)", async (asciiBefore) => {
    const fixed = await render(asciiBefore, withoutReactPadding);
    expect(fixed.includes(0)).toBe(false);
    const html = fixed.toString("utf8");
    for (const name of NAMES) expect(html).toContain(`<span>${name}</span>`);
  });

  test("React 18.3 alone does write NUL bytes there (the reason for the filter)", async () => {
    const counts = await Promise.all([0, 1, 2, 3, 4, 5].map(async (n) => [...(await render(n, () => new PassThrough()))].filter((b) => b === 0).length));
    expect(counts.some((n) => n > 0)).toBe(true);
  });
});
