// At most `limit` tasks at a time; the rest wait in order, up to `maxWaiting`, after which
// run() refuses at once (BusyError), so a burst cannot pile up unbounded work.
export class BusyError extends Error {}

export function concurrencyLimit(limit: number, maxWaiting: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  // The next task starts on a later turn of the event loop, not in this one's microtasks:
  // CPU-bound tasks (share cards) would otherwise run back to back and no request could be
  // read in between.
  const release = () => {
    const next = waiting.shift();
    if (!next) {
      running -= 1;
      return;
    }
    setImmediate(next);
  };
  return {
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running >= limit) {
        if (waiting.length >= maxWaiting) throw new BusyError("too many tasks waiting");
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        running += 1;
      }
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
