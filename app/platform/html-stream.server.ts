import { Writable } from "node:stream";

// React 18.3's Node stream keeps a 2 KB buffer; when a multi-byte character does not fit at
// its end, it writes out the WHOLE buffer, unfilled tail included, so 1 to 3 zero bytes land
// in the page before the character (ReactServerStreamConfigNode writeStringChunk passes
// `currentView` instead of `currentView.subarray(0, writtenBytes)`; React issue 31134, fixed
// in React 19 only).
// Those bytes are always the chunk's trailing zeros: React escapes no text to U+0000 and a
// page never needs a raw NUL (the HTML parser drops or replaces it), so they are cut here.
function withoutReactPadding(chunk: Uint8Array): Uint8Array {
  let end = chunk.length;
  while (end > 0 && chunk[end - 1] === 0) end--;
  return end === chunk.length ? chunk : chunk.subarray(0, end);
}

// Where React's stream is piped to collect the whole document, padding cut from each chunk:
// `page` resolves with its bytes once React ends the stream. React hands over a new buffer
// each time it flushes, so the chunks can be kept as they come.
export function pageCollector(): { sink: Writable; page: Promise<Uint8Array<ArrayBuffer>> } {
  const chunks: Uint8Array[] = [];
  let sink!: Writable;
  const page = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    sink = new Writable({
      write(chunk: Uint8Array, _encoding, done) {
        chunks.push(withoutReactPadding(chunk));
        done();
      },
      final(done) {
        resolve(Buffer.concat(chunks) as Uint8Array<ArrayBuffer>);
        done();
      },
      destroy(error, done) {
        if (error) reject(error);
        done(error);
      },
    });
  });
  return { sink, page };
}
