import { describe, expect, it } from 'vitest';
import { ageBars, countBars } from './dispute-report-model.ts';

describe('the report’s bars', () => {
  it('adds counts across currencies and keeps each currency’s amount apart', () => {
    const rows = [
      { cause: 'price', count: 3, amountCents: 120_000, currency: 'EUR' },
      { cause: 'quality', count: 1, amountCents: 5_000, currency: 'EUR' },
      { cause: 'price', count: 2, amountCents: 40_000, currency: 'USD' },
      { cause: 'price', count: 1, amountCents: 1_000, currency: 'EUR' },
    ];
    expect(
      countBars(
        rows,
        (row) => row.cause,
        (row) => row.cause.toUpperCase(),
      ),
    ).toEqual([
      {
        key: 'price',
        label: 'PRICE',
        count: 6,
        amounts: [
          { currency: 'EUR', amountCents: 121_000 },
          { currency: 'USD', amountCents: 40_000 },
        ],
      },
      {
        key: 'quality',
        label: 'QUALITY',
        count: 1,
        amounts: [{ currency: 'EUR', amountCents: 5_000 }],
      },
    ]);
  });

  it('shows the five age classes in order, an empty one at zero', () => {
    const bars = ageBars([
      { bucket: '61+', count: 2, amountCents: 30_000, currency: 'EUR' },
      { bucket: '0-7', count: 1, amountCents: 10_000, currency: 'EUR' },
    ]);
    expect(bars.map((bar) => [bar.key, bar.count])).toEqual([
      ['0-7', 1],
      ['8-15', 0],
      ['16-30', 0],
      ['31-60', 0],
      ['61+', 2],
    ]);
  });
});
