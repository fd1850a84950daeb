// patches/react-dom+18.3.1.patch changes how React's Node stream turns text into bytes: text is
// gathered as one string and encoded once per 8 KB. The page must be byte for byte what React
// means to write (its string renderer, which the patch leaves alone, says what that is), with
// no zero bytes where a Chinese character meets the end of a buffer (React 18.3 wrote them).
// Both builds are checked: development (tests, `npm run dev`) and production (the server).
import { createRequire } from "node:module";
import path from "node:path";
import { createElement, type ReactElement } from "react";
import { renderToPipeableStream as developmentStream, renderToString } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { pageCollector } from "~/platform/html-stream.server";

const require = createRequire(import.meta.url);
const productionBuild = path.join(path.dirname(require.resolve("react-dom/server.node")), "cjs/react-dom-server.node.production.min.js");
const productionStream = (require(productionBuild) as typeof import("react-dom/server")).renderToPipeableStream;

// Short pieces of text, as member names on the honor wall, and one long piece (a comment's
// rendered Markdown), which the stream encodes on its own.
const NAMES = Array.from({ length: 300 }, (_, i) => `种子社区${i}号`);
const LONG = `<p>${"新芽社区的建议 & ideas. ".repeat(200)}</p>`;

// A page whose Chinese text starts `asciiBefore` bytes in: shifting it a byte at a time meets
// every way a three-byte character can miss a 2 KB buffer's end.
const page = (asciiBefore: number): ReactElement =>
  createElement(
    "main",
    { className: "page" },
    createElement("p", null, "x".repeat(asciiBefore)),
    ...NAMES.map((name, i) => createElement("span", { key: i, title: name }, name, " ", i)),
    createElement("div", { dangerouslySetInnerHTML: { __html: LONG } }),
    createElement("input", { name: "title", defaultValue: "建议" }),
  );

function streamed(stream: typeof developmentStream, element: ReactElement): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const { pipe } = stream(element, {
      onAllReady() {
        const { sink, page } = pageCollector();
        page.then((bytes) => resolve(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)), reject);
        pipe(sink);
      },
      onShellError: reject,
    });
  });
}

describe.each([
  ["development", developmentStream],
  ["production", productionStream],
])("React's Node stream, %s build", (_build, stream) => {
  test.each([0, 1, 2, 3, 4, 5])("writes the markup React's string renderer writes, without a NUL byte (%i ASCII bytes first)", async (asciiBefore) => {
    const bytes = await streamed(stream, page(asciiBefore));
    expect(bytes.includes(0)).toBe(false);
    expect(bytes.toString("utf8")).toBe(renderToString(page(asciiBefore)));
  });
});
