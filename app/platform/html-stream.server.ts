import { Transform, type TransformCallback } from "node:stream";

// React 18.3's Node stream keeps a 2 KB buffer; when a multi-byte character does not fit at
// its end, it writes out the WHOLE buffer, unfilled tail included, so 1 to 3 zero bytes land
// in the page before the character (ReactServerStreamConfigNode writeStringChunk passes
// `currentView` instead of `currentView.subarray(0, writtenBytes)`; React issue 31134, fixed
// in React 19 only).
// Those bytes are always the chunk's trailing zeros: React escapes no text to U+0000 and a
// page never needs a raw NUL (the HTML parser drops or replaces it), so they are cut here.
export function withoutReactPadding(): Transform {
  return new Transform({
    transform(chunk: Uint8Array, _encoding: BufferEncoding, callback: TransformCallback) {
      let end = chunk.length;
      while (end > 0 && chunk[end - 1] === 0) end--;
      callback(null, end === chunk.length ? chunk : chunk.subarray(0, end));
    },
  });
}
