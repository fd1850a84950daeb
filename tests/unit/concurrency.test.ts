import { describe, expect, test } from "vitest";
import { BusyError, concurrencyLimit } from "~/platform/concurrency";

describe("concurrencyLimit", () => {
  test("runs at most `limit` tasks at once, the rest in order, and refuses beyond the queue", async () => {
    const limiter = concurrencyLimit(2, 3);
    const gates: (() => void)[] = [];
    let peak = 0;
    const order: number[] = [];
    const task = (n: number) => () =>
      new Promise<number>((resolve) => {
        peak = Math.max(peak, limiter.running);
        gates.push(() => {
          order.push(n);
          resolve(n);
        });
      });
    const accepted = [1, 2, 3, 4, 5].map((n) => limiter.run(task(n)));
    await expect(limiter.run(task(6))).rejects.toBeInstanceOf(BusyError);
    expect(limiter.running).toBe(2);
    expect(limiter.waiting).toBe(3);
    while (order.length < 5) {
      await new Promise((r) => setTimeout(r, 0));
      gates.shift()?.();
    }
    expect(await Promise.all(accepted)).toEqual([1, 2, 3, 4, 5]);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBeLessThanOrEqual(2);
    expect(limiter.running).toBe(0);
  });
});
