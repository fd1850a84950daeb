// The seeds' one source of randomness: seeded, so demo data is the same on every run.
// mulberry32: tiny, fast and good enough to make demo data look random yet repeatable.
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (min: number, max: number) => min + (max - min) * next(),
    chance: (probability: number) => next() < probability,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    weightedPick: <T>(items: readonly T[], weight: (item: T, index: number) => number): T => {
      const weights = items.map(weight);
      let ticket = next() * weights.reduce((sum, w) => sum + w, 0);
      for (let i = 0; i < items.length; i++) {
        ticket -= weights[i];
        if (ticket < 0) return items[i];
      }
      return items[items.length - 1];
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
}

export type Random = ReturnType<typeof createRandom>;
