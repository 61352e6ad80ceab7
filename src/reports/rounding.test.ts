import { describe, expect, it } from 'vitest';
import { roundRatio, sharePercent } from './rounding.ts';

describe('roundRatio', () => {
  it.each<[bigint, bigint, 0 | 1, number]>([
    [453n, 10n, 1, 45.3],
    [1225n, 100n, 1, 12.3], // 12,25: the half goes away from zero
    [-1225n, 100n, 1, -12.3],
    [1224n, 100n, 1, 12.2],
    [5n, 2n, 0, 3], // 2,5 → 3
    [-5n, 2n, 0, -3],
    [7n, 3n, 0, 2],
    [1n, 3n, 1, 0.3],
    [2n, 3n, 1, 0.7],
    [0n, 7n, 1, 0],
    [10n, -4n, 0, -3], // −2,5 → −3: the sign may sit on the denominator
  ])('%i / %i to %i decimal(s) is %d', (numerator, denominator, decimals, expected) => {
    expect(roundRatio(numerator, denominator, decimals)).toBe(expected);
  });

  it('never returns a negative zero', () => {
    expect(Object.is(roundRatio(-1n, 100n, 1), 0)).toBe(true);
  });

  it('refuses a zero denominator', () => {
    expect(() => roundRatio(1n, 0n, 1)).toThrow(RangeError);
  });
});

describe('sharePercent', () => {
  it('is a percentage with one decimal', () => {
    expect(sharePercent(2n, 3n)).toBe(66.7);
    expect(sharePercent(1n, 8n)).toBe(12.5);
    expect(sharePercent(3n, 3n)).toBe(100);
  });

  it('is null for a share of nothing', () => {
    expect(sharePercent(0n, 0n)).toBeNull();
  });
});
