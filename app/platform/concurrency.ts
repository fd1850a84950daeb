// At most `limit` tasks at a time; the rest wait in order, up to `maxWaiting`, after which
// run() refuses at once (BusyError), so a burst cannot pile up unbounded work.
export class BusyError extends Error {}

export function concurrencyLimit(limit: number, maxWaiting: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running -= 1;
    const next = waiting.shift();
    if (next) {
      running += 1;
      next();
    }
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
