import { describe, expect, it } from 'vitest';
import { cents } from '../shared/money.ts';
import { paretoSets, type ParetoItem } from './pareto.ts';

const item = (id: string, amount: number, currency = 'EUR'): ParetoItem => ({
  id,
  currency,
  amountCents: cents(amount),
});

const ids = (items: readonly ParetoItem[]) => items.map((entry) => entry.id);

describe('paretoSets', () => {
  it('takes the largest items first until they reach 80 %', () => {
    // Total 1 000: 500 (50 %), + 200 (70 %), + 150 (85 % ≥ 80 %): three items.
    const [set] = paretoSets([
      item('d', 100),
      item('a', 500),
      item('c', 150),
      item('b', 200),
      item('e', 50),
    ]);
    expect(set).toMatchObject({
      currency: 'EUR',
      coveredCents: 850,
      totalCents: 1_000,
      sharePercent: 85,
    });
    expect(ids(set?.items ?? [])).toEqual(['a', 'b', 'c']);
  });

  it('stops on exactly 80 %', () => {
    // 600 + 200 = 800 of 1 000: exactly 80 %, the 200 left are not needed.
    const [set] = paretoSets([item('a', 600), item('b', 200), item('c', 100), item('d', 100)]);
    expect(ids(set?.items ?? [])).toEqual(['a', 'b']);
    expect(set?.sharePercent).toBe(80);
  });

  it('needs the next item one cent short of 80 %', () => {
    // 79 999 of 100 000 is 79,999 %: one more item.
    const [set] = paretoSets([item('a', 79_999), item('b', 10_001), item('c', 10_000)]);
    expect(ids(set?.items ?? [])).toEqual(['a', 'b']);
    expect(set?.sharePercent).toBe(90); // 90 000 / 100 000
  });

  it('breaks ties by id, whatever the input order', () => {
    // Four of 250 each, 70 % asked: 500 (50 %) is short, 750 (75 %) is enough: three of
    // the four, chosen by id.
    const items = [item('k', 250), item('b', 250), item('z', 250), item('a', 250)];
    const [set] = paretoSets(items, 7_000);
    expect(ids(set?.items ?? [])).toEqual(['a', 'b', 'k']);
    expect(ids(paretoSets(items.toReversed(), 7_000)[0]?.items ?? [])).toEqual(['a', 'b', 'k']);
  });

  it('reports the share reached with one decimal', () => {
    // 2 of 3: 66,7 % < 80 %, so all 3: 100 %; with 60 %: 2 of 3 → 66,7 %.
    expect(paretoSets([item('a', 1), item('b', 1), item('c', 1)])[0]?.sharePercent).toBe(100);
    expect(paretoSets([item('a', 1), item('b', 1), item('c', 1)], 6_000)[0]?.sharePercent).toBe(
      66.7,
    );
  });

  it('makes one set per currency, never adding them', () => {
    const sets = paretoSets([
      item('a', 900),
      item('b', 100),
      item('x', 100, 'USD'),
      item('y', 300, 'USD'),
    ]);
    expect(sets.map((set) => [set.currency, ids(set.items), set.totalCents])).toEqual([
      ['EUR', ['a'], 1_000], // 900 / 1 000 = 90 %
      ['USD', ['y', 'x'], 400], // 300 / 400 = 75 %, then 100 %
    ]);
  });

  it('leaves out items with nothing overdue, and currencies with nothing at all', () => {
    expect(paretoSets([item('a', 0), item('b', -50)])).toEqual([]);
    expect(ids(paretoSets([item('a', 0), item('b', 10)])[0]?.items ?? [])).toEqual(['b']);
    expect(paretoSets([])).toEqual([]);
  });

  it('keeps the caller’s item shape', () => {
    const [set] = paretoSets([{ ...item('a', 5), customerName: 'Dupont SARL' }]);
    expect(set?.items[0]?.customerName).toBe('Dupont SARL');
  });

  it('refuses a share outside 1–10 000 basis points', () => {
    expect(() => paretoSets([], 0)).toThrow(RangeError);
    expect(() => paretoSets([], 10_001)).toThrow(RangeError);
    expect(() => paretoSets([], 80.5)).toThrow(RangeError);
    expect(paretoSets([item('a', 1), item('b', 1)], 10_000)[0]?.items).toHaveLength(2);
  });
});
