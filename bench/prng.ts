// A small seeded PRNG (mulberry32) so every generated corpus is reproducible
// from (seed, index) alone: file i has the same content whatever n is.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** Picks an index according to relative weights. */
  weighted(weights: readonly number[]): number;
}

/** FNV-1a over a string, for deriving per-file seeds. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, maxInclusive: number): number => min + Math.floor(next() * (maxInclusive - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  };
  return {
    next,
    int,
    pick,
    chance: (probability) => next() < probability,
    sample<T>(items: readonly T[], count: number): T[] {
      const copy = items.slice();
      const taken: T[] = [];
      while (taken.length < count && copy.length > 0) {
        const index = Math.floor(next() * copy.length);
        taken.push(copy[index] as T);
        copy.splice(index, 1);
      }
      return taken;
    },
    weighted(weights: readonly number[]): number {
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      let roll = next() * total;
      for (let index = 0; index < weights.length; index++) {
        roll -= weights[index] ?? 0;
        if (roll < 0) return index;
      }
      return weights.length - 1;
    },
  };
}

export function fileRng(seed: number, index: number, salt = ''): Rng {
  return createRng(hashString(`${seed}:${index}:${salt}`));
}
