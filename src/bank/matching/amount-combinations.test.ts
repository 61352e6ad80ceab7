import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCombination, type CombinableItem } from './amount-combinations.ts';

/** Items named by their position, oldest first: `i0`, `i1`, … */
function itemsOf(amounts: readonly number[]): CombinableItem[] {
  return amounts.map((amountCents, index) => ({ id: `i${index}`, amountCents }));
}

describe('findCombination', () => {
  it('finds the three invoices a payment settles', () => {
    const items = [
      { id: 'FA-101', amountCents: 100_000 },
      { id: 'FA-102', amountCents: 250_000 },
      { id: 'FA-103', amountCents: 50_000 },
      { id: 'FA-104', amountCents: 70_000 },
    ];
    // 1 000 + 2 500 + 700 €; no two of them make 4 200 €.
    expect(findCombination(items, 420_000)).toEqual({
      ids: ['FA-101', 'FA-102', 'FA-104'],
      ambiguous: false,
    });
  });

  it('finds invoices less the credit note the payer deducted', () => {
    const items = [
      { id: 'FA-201', amountCents: 120_000 },
      { id: 'FA-202', amountCents: 30_000 },
      { id: 'AV-17', amountCents: -20_000 },
    ];
    expect(findCombination(items, 100_000)).toEqual({ ids: ['FA-201', 'AV-17'], ambiguous: false });
    expect(findCombination(items, 130_000)).toEqual({
      ids: ['FA-201', 'FA-202', 'AV-17'],
      ambiguous: false,
    });
  });

  it('prefers fewer items', () => {
    // 300 is i0 + i1 + i2, and i3 + i4.
    expect(findCombination(itemsOf([100, 100, 100, 150, 150]), 300)).toEqual({
      ids: ['i3', 'i4'],
      ambiguous: false,
    });
  });

  it('prefers the oldest among the same size, and says another one exists', () => {
    // 300 = i0 + i1 = i0 + i3 = i1 + i2 = i2 + i3: [0, 1] comes first.
    expect(findCombination(itemsOf([100, 200, 100, 200]), 300)).toEqual({
      ids: ['i0', 'i1'],
      ambiguous: true,
    });
    // [0, 3] before [1, 2]: index lists compared lexicographically.
    expect(findCombination(itemsOf([100, 150, 150, 200]), 300)).toEqual({
      ids: ['i0', 'i3'],
      ambiguous: true,
    });
  });

  it('calls two invoices of the same amount ambiguous: nothing tells which one was paid', () => {
    const items = [
      { id: 'FA-1', amountCents: 50_000 },
      { id: 'FA-2', amountCents: 50_000 },
      { id: 'FA-3', amountCents: 25_000 },
    ];
    expect(findCombination(items, 75_000)).toEqual({ ids: ['FA-1', 'FA-3'], ambiguous: true });
  });

  it('is not ambiguous when the other combinations are larger', () => {
    // 600 = i0 + i1, and i2 + i3 + i4 (3 items).
    expect(findCombination(itemsOf([400, 200, 100, 250, 250]), 600)).toEqual({
      ids: ['i0', 'i1'],
      ambiguous: false,
    });
  });

  it('leaves a single item of the exact amount to the other rule', () => {
    expect(findCombination(itemsOf([500, 200, 300]), 500)).toEqual({
      ids: ['i1', 'i2'],
      ambiguous: false,
    });
    expect(findCombination(itemsOf([500, 700]), 500)).toBeUndefined();
  });

  it('needs a positive item: credit notes alone pay nothing', () => {
    expect(findCombination(itemsOf([-100, -200, 50]), -300)).toBeUndefined();
    // A refund of a credit note net of an invoice is still a combination.
    expect(findCombination(itemsOf([-100, -200, 50]), -150)).toEqual({
      ids: ['i1', 'i2'],
      ambiguous: false,
    });
  });

  it('never uses an item of 0 cents', () => {
    expect(findCombination(itemsOf([500, 0]), 500)).toBeUndefined();
    expect(findCombination(itemsOf([300, 0, 200]), 500)).toEqual({
      ids: ['i0', 'i2'],
      ambiguous: false,
    });
  });

  it('finds nothing in no items, or in items that cannot make the sum', () => {
    expect(findCombination([], 100)).toBeUndefined();
    expect(findCombination(itemsOf([100]), 100)).toBeUndefined();
    expect(findCombination(itemsOf([100, 200, 300]), 50)).toBeUndefined();
  });

  describe('bounds', () => {
    it('considers only the first `maxItems` items (20 by default)', () => {
      const amounts = [...Array.from({ length: 20 }, () => 1_000), 77];
      expect(findCombination(itemsOf(amounts), 1_077)).toBeUndefined();
      expect(findCombination(itemsOf(amounts), 1_077, { maxItems: 21 })).toEqual({
        ids: ['i0', 'i20'],
        ambiguous: true,
      });
      expect(findCombination(itemsOf([100, 200, 300]), 300, { maxItems: 2 })).toEqual({
        ids: ['i0', 'i1'],
        ambiguous: false,
      });
    });

    it('combines at most `maxSize` items (4 by default)', () => {
      const amounts = [1, 2, 4, 8, 16];
      expect(findCombination(itemsOf(amounts), 31)).toBeUndefined();
      expect(findCombination(itemsOf(amounts), 31, { maxSize: 5 })).toEqual({
        ids: ['i0', 'i1', 'i2', 'i3', 'i4'],
        ambiguous: false,
      });
      expect(findCombination(itemsOf(amounts), 15, { maxSize: 3 })).toBeUndefined();
      expect(findCombination(itemsOf(amounts), 3, { maxSize: 1 })).toBeUndefined();
    });

    it('gives up after `maxSteps` nodes, even when a combination lies beyond', () => {
      // Even amounts from 2 to 38 and one odd, 1, last: an odd target needs the 1. For 101
      // the rest must be three evens making 100 (two make at most 74), the first being
      // 26 + 36 + 38, so the search walks most of the 4-item combinations to get there.
      const amounts = [...Array.from({ length: 19 }, (_, n) => 2 * (n + 1)), 1];
      const items = itemsOf(amounts);
      expect(findCombination(items, 101)).toEqual({
        ids: ['i12', 'i17', 'i18', 'i19'],
        ambiguous: true,
      });
      expect(findCombination(items, 101, { maxSteps: 500 })).toBeUndefined();
    });

    it('returns undefined within the step bound when many items have no solution', () => {
      // 60 even amounts, an odd target in the middle of their sums: no solution, and more
      // than ten million nodes to prove it up to 6 items. The bound stops at 20 000.
      const evens = Array.from({ length: 60 }, (_, n) => ({
        id: `e${n}`,
        amountCents: 2 * (n + 1),
      }));
      const options = { maxItems: 61, maxSize: 6 };
      expect(findCombination(evens, 367, options)).toBeUndefined();
      // With an odd item last, a solution exists, but past the first 20 000 nodes.
      const withOdd = [...evens, { id: 'odd', amountCents: 1 }];
      expect(findCombination(withOdd, 367, options)).toBeUndefined();
      expect(findCombination(withOdd, 367, { ...options, maxSteps: 1_000_000 })?.ids).toEqual([
        'e5',
        'e57',
        'e58',
        'e59',
        'odd',
      ]);
    });

    it('calls the answer ambiguous when the steps run out before it could tell', () => {
      // i0 + i1 = 300 is found first; telling whether another pair exists means trying them all.
      const amounts = [100, 200, ...Array.from({ length: 18 }, () => 1_000)];
      expect(findCombination(itemsOf(amounts), 300)).toEqual({
        ids: ['i0', 'i1'],
        ambiguous: false,
      });
      expect(findCombination(itemsOf(amounts), 300, { maxSteps: 3 })).toEqual({
        ids: ['i0', 'i1'],
        ambiguous: true,
      });
    });
  });

  it.each([
    ['an amount that is not an integer', itemsOf([100.5, 200]), 300, {}],
    ['a target that is not an integer', itemsOf([100, 200]), 300.5, {}],
    ['amounts that could sum past the safe integers', itemsOf([Number.MAX_SAFE_INTEGER, 1]), 2, {}],
    [
      'two items with one id',
      [
        { id: 'FA-1', amountCents: 100 },
        { id: 'FA-1', amountCents: 200 },
      ],
      300,
      {},
    ],
    ['a negative bound', itemsOf([100, 200]), 300, { maxSize: -1 }],
    ['a bound that is not an integer', itemsOf([100, 200]), 300, { maxSteps: 1.5 }],
  ])('refuses %s', (_, items, target, options) => {
    expect(() => findCombination(items, target, options)).toThrow(RangeError);
  });

  it('checks only the items it considers', () => {
    const items = [...itemsOf([100, 200]), { id: 'late', amountCents: 0.5 }];
    expect(findCombination(items, 300, { maxItems: 2 })).toEqual({
      ids: ['i0', 'i1'],
      ambiguous: false,
    });
  });

  const amount = fc.integer({ min: -50_000, max: 200_000 });
  const options = fc.record({
    maxItems: fc.integer({ min: 0, max: 12 }),
    maxSize: fc.integer({ min: 0, max: 5 }),
  });

  it('property: whatever it returns sums to the target, with distinct ids, 2 to `maxSize` items and a positive one', () => {
    fc.assert(
      fc.property(
        fc.array(amount, { maxLength: 15 }),
        fc.integer({ min: -100_000, max: 600_000 }),
        options,
        fc.integer({ min: 0, max: 3_000 }),
        (amounts, target, bounds, maxSteps) => {
          const items = itemsOf(amounts);
          const found = findCombination(items, target, { ...bounds, maxSteps });
          expect(brokenInvariants(found, amounts, target, bounds)).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: without the step bound, it finds what an exhaustive search finds', () => {
    // Few distinct amounts, and targets made of them, so that combinations (and ties) abound.
    const amounts = fc.array(fc.constantFrom(-300, 100, 200, 300, 450, 500, 0), {
      maxLength: 9,
    });
    fc.assert(
      fc.property(
        amounts,
        fc.array(fc.nat({ max: 8 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 5 }),
        (values, picks, maxSize) => {
          const target = picks.reduce((sum, pick) => sum + (values[pick] ?? 100), 0);
          const expected = exhaustiveSearch(values, target, maxSize);
          const found = findCombination(itemsOf(values), target, { maxSize, maxSteps: 1_000_000 });
          expect(found).toEqual(expected);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

/** What is wrong with a combination found (nothing when none is). */
function brokenInvariants(
  found: { ids: string[] } | undefined,
  amounts: readonly number[],
  target: number,
  bounds: { maxItems: number; maxSize: number },
): string[] {
  if (found === undefined) {
    return [];
  }
  const indices = found.ids.map((id) => Number(id.slice(1)));
  const chosen = indices.map((index) => amounts[index] ?? Number.NaN);
  const broken: string[] = [];
  if (new Set(found.ids).size !== found.ids.length) {
    broken.push('an id twice');
  }
  if (found.ids.length < 2 || found.ids.length > bounds.maxSize) {
    broken.push(`${found.ids.length} items`);
  }
  if (chosen.reduce((sum, value) => sum + value, 0) !== target) {
    broken.push('another sum');
  }
  if (!chosen.some((value) => value > 0)) {
    broken.push('no positive item');
  }
  if (indices.some((index) => index >= bounds.maxItems)) {
    broken.push('an item past maxItems');
  }
  if (indices.some((index, at) => at > 0 && index <= (indices[at - 1] ?? -1))) {
    broken.push('not oldest first');
  }
  return broken;
}

/**
 * The oracle: every subset of 2 to `maxSize` items, smallest first, then in lexicographic
 * order of indices; the first valid one, ambiguous when another of its size is valid.
 */
function exhaustiveSearch(
  amounts: readonly number[],
  target: number,
  maxSize: number,
): { ids: string[]; ambiguous: boolean } | undefined {
  for (let size = 2; size <= maxSize; size += 1) {
    const valid = subsetsOf(amounts.length, size).filter((subset) => {
      const chosen = subset.map((index) => amounts[index] ?? 0);
      return (
        chosen.every((value) => value !== 0) &&
        chosen.some((value) => value > 0) &&
        chosen.reduce((sum, value) => sum + value, 0) === target
      );
    });
    const [first] = valid;
    if (first !== undefined) {
      return { ids: first.map((index) => `i${index}`), ambiguous: valid.length > 1 };
    }
  }
  return undefined;
}

/** Every set of `size` indices below `count`, in lexicographic order. */
function subsetsOf(count: number, size: number, start = 0): number[][] {
  if (size === 0) {
    return [[]];
  }
  const subsets: number[][] = [];
  for (let index = start; index <= count - size; index += 1) {
    for (const rest of subsetsOf(count, size - 1, index + 1)) {
      subsets.push([index, ...rest]);
    }
  }
  return subsets;
}
