/**
 * Seeded randomness for the demo generator. Everything the generator draws comes
 * from here, so the same seed gives the same ledger byte for byte; `Math.random`
 * is never used. mulberry32 is small and fast (the L size draws tens of millions
 * of numbers) and its 2^32 period is ample because every customer gets its own
 * stream, seeded by `mixSeed(seed, customerIndex, stream)`.
 */

/** A seeded stream of pseudo-random numbers. */
export type Rng = {
  /**
   * Restarts the stream at `seed`. The generator keeps one `Rng` per stream and
   * reseeds it for each customer: building four fresh ones per customer costs more
   * than the draws themselves at size L.
   */
  reseed(seed: number): void;
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
  /** Uniform integer in [min, max], both included. */
  between(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One value, with probability proportional to its weight. */
  weighted<T>(table: readonly (readonly [T, number])[]): T;
};

/** The murmur3 32-bit finaliser: a cheap bijective scrambler. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85eb_ca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2_ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Folds a seed (any safe integer, negative or above 2^32) and small integers into
 * one 32-bit seed, so that each (seed, customer, stream) has its own sequence.
 */
export function mixSeed(seed: number, ...parts: readonly number[]): number {
  const high = Math.floor(seed / 0x1_0000_0000);
  let h = fmix32(seed >>> 0) ^ fmix32((high >>> 0) + 0x9e37_79b9);
  for (const part of parts) {
    h = fmix32(h ^ Math.imul((part >>> 0) + 1, 0x9e37_79b1));
  }
  return h >>> 0;
}

/** A mulberry32 stream. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b_79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
  const int = (maxExclusive: number): number => Math.floor(next() * maxExclusive);
  return {
    reseed: (nextSeed) => {
      state = nextSeed >>> 0;
    },
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    normal: () => {
      // 1 - next() is in (0, 1], so the logarithm is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      return radius * Math.cos(2 * Math.PI * next());
    },
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(items.length)];
      if (item === undefined) {
        throw new RangeError('Cannot pick from an empty list');
      }
      return item;
    },
    weighted: <T>(table: readonly (readonly [T, number])[]): T => {
      let total = 0;
      for (const [, weight] of table) {
        total += weight;
      }
      let target = next() * total;
      for (const [value, weight] of table) {
        target -= weight;
        if (target < 0) {
          return value;
        }
      }
      const last = table.at(-1);
      if (last === undefined) {
        throw new RangeError('Cannot pick from an empty table');
      }
      return last[0];
    },
  };
}

/**
 * A keyed permutation of [0, space): distinct indexes give distinct results that
 * look random, so serial numbers (SIRENs, bank references) are unique without
 * showing their counter. An affine map (a + i·b mod n) is unique too, but its
 * last digits march in step. This mixes on the smallest power of two ≥ `space`
 * (xor-shifts, odd multipliers and an addition, all bijective mod 2^k) and walks
 * the cycle until it lands back in range, which keeps it a bijection. `space` must
 * be at most 2^30.
 */
export function permuteIndex(index: number, space: number, key: number): number {
  if (!Number.isSafeInteger(index) || index < 0 || index >= space || space > 2 ** 30) {
    throw new RangeError(`Cannot permute ${index} in [0, ${space})`);
  }
  const bits = Math.max(2, Math.ceil(Math.log2(space)));
  const mask = 2 ** bits - 1;
  const half = bits >>> 1;
  const first = fmix32(key) | 1;
  const added = fmix32(key ^ 0x2545_f491) & mask;
  const second = fmix32(key ^ 0x9e37_79b9) | 1;
  let value = index;
  do {
    value = (value ^ (value >>> half)) & mask;
    value = Math.imul(value, first) & mask;
    value = (value + added) & mask;
    value = (value ^ (value >>> half)) & mask;
    value = Math.imul(value, second) & mask;
  } while (value >= space);
  return value;
}

/**
 * The i-th point of a Kronecker (golden-ratio style) sequence in [0, 1). Used
 * instead of independent draws where the *mix* matters: 300 customers drawn
 * independently would give a profile mix off by several points, whereas
 * `frac(offset + i·α)` covers [0, 1) almost evenly for any count.
 */
export function strataPoint(index: number, alpha: number, offset: number): number {
  const value = offset + index * alpha;
  return value - Math.floor(value);
}

/**
 * `Rng.weighted` for a long, fixed table: cumulated once, then a binary search per
 * draw. The town table has ~170 rows and is drawn from for every customer.
 */
export function createWeightedPicker<T>(table: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const values = table.map(([value]) => value);
  const cumulated: number[] = [];
  let total = 0;
  for (const [, weight] of table) {
    total += weight;
    cumulated.push(total);
  }
  return (rng) => {
    const target = rng.next() * total;
    let low = 0;
    let high = cumulated.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulated[middle] ?? total) <= target) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    const value = values[low];
    if (value === undefined) {
      throw new RangeError('Cannot pick from an empty table');
    }
    return value;
  };
}
