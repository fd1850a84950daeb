import { Writable } from "node:stream";

// Where React's stream is piped to collect the whole document: `page` resolves with its bytes
// once React ends the stream. React hands over a new buffer each time it writes, so the chunks
// can be kept as they come.
//
// React 18.3's own stream wrote text piece by piece into 2 KB views and, when a multi-byte
// character did not fit at a view's end, wrote the whole view, zero bytes included (React issue
// 31134, fixed in React 19 only). patches/react-dom+18.3.1.patch gathers text as one string
// instead, which both ends those bytes and costs less (docs/decisions/013-react-stream-text.md).
export function pageCollector(): { sink: Writable; page: Promise<Uint8Array<ArrayBuffer>> } {
  const chunks: Uint8Array[] = [];
  let sink!: Writable;
  const page = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    sink = new Writable({
      write(chunk: Uint8Array, _encoding, done) {
        chunks.push(chunk);
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
