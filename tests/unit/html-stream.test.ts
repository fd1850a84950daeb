import { PassThrough, type Readable } from "node:stream";
import { createElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { pageCollector } from "~/platform/html-stream.server";

async function bytesOf(stream: Readable): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks) as Uint8Array<ArrayBuffer>;
}

// Short pieces of text, as member names on the honor wall: React copies each into its buffer.
const NAMES = Array.from({ length: 300 }, (_, i) => `种子社区${i}号`);

// React's bytes as they are.
function unfiltered(): ReturnType<typeof pageCollector> {
  const sink = new PassThrough();
  return { sink, page: bytesOf(sink) };
}

// Renders a paragraph whose Chinese text starts `asciiBefore` bytes into the page, then pipes
// React's stream into `collector`.
function render(asciiBefore: number, collector: typeof pageCollector) {
  return new Promise<Buffer>((resolve, reject) => {
    const { pipe } = renderToPipeableStream(
      createElement("main", null, createElement("p", null, "x".repeat(asciiBefore)), ...NAMES.map((name, i) => createElement("span", { key: i }, name))),
      {
        onAllReady() {
          const { sink, page } = collector();
          page.then((bytes) => resolve(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)), reject);
          pipe(sink);
        },
        onShellError: reject,
      },
    );
  });
}

describe("pageCollector", () => {
  // Every offset within a 3-byte character, so each way a character can miss the buffer's end.
  // Shifting the text by one byte at a time meets every way a character can miss the buffer's end.
  test.each([0, 1, 2, 3, 4, 5])("a page whose Chinese text crosses React's 2 KB buffers has no NUL byte (%i ASCII bytes first)", async (asciiBefore) => {
    const fixed = await render(asciiBefore, pageCollector);
    expect(fixed.includes(0)).toBe(false);
    const html = fixed.toString("utf8");
    for (const name of NAMES) expect(html).toContain(`<span>${name}</span>`);
  });

  test("React 18.3 alone does write NUL bytes there (the reason for the filter)", async () => {
    const counts = await Promise.all([0, 1, 2, 3, 4, 5].map(async (n) => [...(await render(n, unfiltered))].filter((b) => b === 0).length));
    expect(counts.some((n) => n > 0)).toBe(true);
  });
});
