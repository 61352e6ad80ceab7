import { describe, expect, it } from 'vitest';
import { calendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import {
  collectionEffectivenessIndex,
  countBackDso,
  dsoFigures,
  dsoHistory,
  simpleDso,
  type DsoMonth,
  type MonthSales,
} from './dso.ts';

const d = calendarDate;

/** Monthly sales in euros (×100 for cents), the first month given by its first day. */
function sales(firstMonth: string, euros: readonly number[]): MonthSales[] {
  return euros.map((amount, index) => {
    const [year = 0, month = 0] = firstMonth.split('-').map(Number);
    const monthIndex = year * 12 + (month - 1) + index;
    const text = `${Math.floor(monthIndex / 12)}-${String((monthIndex % 12) + 1).padStart(2, '0')}-01`;
    return { month: d(text), salesCents: cents(amount * 100) };
  });
}

const eur = (euros: number) => cents(euros * 100);

describe('countBackDso', () => {
  // January 2025 (31 days), February 2025 (28), March 2025 (31).
  const q1of2025 = sales('2025-01', [30_000, 40_000, 50_000]);

  it('exhausts the receivables month by month, the last month pro rata', () => {
    // 100 000 − 50 000 (March, 31 d) = 50 000; − 40 000 (February, 28 d) = 10 000;
    // January: 31 × 10 000 / 30 000 = 10,333… → 31 + 28 + 10,333 = 69,333 → 69,3.
    expect(countBackDso(eur(100_000), q1of2025)).toEqual({ days: 69.3, isExhausted: true });
  });

  it('counts 29 days for a leap February', () => {
    // The same sales in 2024: 31 + 29 + 10,333 = 70,333 → 70,3.
    expect(countBackDso(eur(100_000), sales('2024-01', [30_000, 40_000, 50_000]))).toEqual({
      days: 70.3,
      isExhausted: true,
    });
  });

  it('crosses months of 30, 31, 29 and 31 days', () => {
    // At 2024-04-30. 250 000 − 100 000 (April, 30 d) = 150 000; − 80 000 (March, 31 d)
    // = 70 000; − 60 000 (February 2024, 29 d) = 10 000; January: 31 × 10 000 / 90 000
    // = 3,444… → 30 + 31 + 29 + 3,444 = 93,444 → 93,4.
    const months = sales('2024-01', [90_000, 60_000, 80_000, 100_000]);
    expect(countBackDso(eur(250_000), months)).toEqual({ days: 93.4, isExhausted: true });
  });

  it('ends on a whole month when the receivables are exactly its sales', () => {
    // 90 000 = March + February: 31 + 28 × 40 000 / 40 000 = 59.
    expect(countBackDso(eur(90_000), q1of2025)).toEqual({ days: 59, isExhausted: true });
  });

  it('counts within the month end’s own month when it is enough', () => {
    // 31 × 20 000 / 50 000 = 12,4.
    expect(countBackDso(eur(20_000), q1of2025)).toEqual({ days: 12.4, isExhausted: true });
  });

  it('rounds the exact ratio once, half away from zero', () => {
    // April 2025, 30 days: 30 × 1 000 / 40 000 = 0,75 → 0,8.
    expect(countBackDso(eur(1_000), sales('2025-04', [40_000]))).toEqual({
      days: 0.8,
      isExhausted: true,
    });
  });

  it('counts all the days given, not exhausted, when receivables pass all the sales', () => {
    // 150 000 > 120 000 of sales: 31 + 28 + 31 = 90 days, and the DSO is at least that.
    expect(countBackDso(eur(150_000), q1of2025)).toEqual({ days: 90, isExhausted: false });
    // Exactly all the sales is exhausted: 90 days.
    expect(countBackDso(eur(120_000), q1of2025)).toEqual({ days: 90, isExhausted: true });
  });

  it('walks through a month without sales, all its days counted', () => {
    // 60 000 − 50 000 (March, 31 d) = 10 000; February has no sales: 28 d;
    // January: 31 × 10 000 / 30 000 = 10,333 → 69,333 → 69,3.
    const months = sales('2025-01', [30_000, 0, 50_000]);
    expect(countBackDso(eur(60_000), months)).toEqual({ days: 69.3, isExhausted: true });
    // Negative net sales (more credit notes than invoices) count as none.
    const negative = [
      ...months.slice(0, 1),
      { month: d('2025-02-01'), salesCents: eur(-5_000) },
      ...months.slice(2),
    ];
    expect(countBackDso(eur(60_000), negative)).toEqual({ days: 69.3, isExhausted: true });
  });

  it('is 0 days for no receivables or a credit balance', () => {
    expect(countBackDso(eur(0), q1of2025)).toEqual({ days: 0, isExhausted: true });
    expect(countBackDso(eur(-500), q1of2025)).toEqual({ days: 0, isExhausted: true });
    expect(countBackDso(eur(0), [])).toEqual({ days: 0, isExhausted: true });
  });

  it('is not exhausted without any month', () => {
    expect(countBackDso(eur(1), [])).toEqual({ days: 0, isExhausted: false });
  });

  it('refuses months that do not follow each other or are not first days', () => {
    expect(() => countBackDso(eur(1), sales('2025-01', [1, 2]).toReversed())).toThrow(RangeError);
    expect(() => countBackDso(eur(1), [{ month: d('2025-01-31'), salesCents: eur(1) }])).toThrow(
      RangeError,
    );
  });
});

describe('simpleDso (last 3 months)', () => {
  it('is receivables / the sales of the 3 months × their days', () => {
    // 100 000 / 120 000 × (31 + 28 + 31 = 90) = 75.
    expect(simpleDso(eur(100_000), sales('2025-01', [30_000, 40_000, 50_000]))).toBe(75);
    // 2024: 100 000 / 120 000 × 91 = 75,833… → 75,8.
    expect(simpleDso(eur(100_000), sales('2024-01', [30_000, 40_000, 50_000]))).toBe(75.8);
  });

  it('looks at the last 3 months only', () => {
    // December 2024 is left out: the same 75 as above.
    expect(simpleDso(eur(100_000), sales('2024-12', [999_999, 30_000, 40_000, 50_000]))).toBe(75);
  });

  it('is null with fewer than 3 months or no sales', () => {
    expect(simpleDso(eur(100), sales('2025-02', [40_000, 50_000]))).toBeNull();
    expect(simpleDso(eur(100), sales('2025-01', [0, 0, 0]))).toBeNull();
  });
});

describe('collectionEffectivenessIndex', () => {
  it('is collected ÷ collectable × 100', () => {
    // (90 000 + 50 000 − 100 000) / (90 000 + 50 000 − 60 000) = 40 000 / 80 000 = 50 %.
    expect(
      collectionEffectivenessIndex({
        openingCents: eur(90_000),
        salesCents: eur(50_000),
        closingCents: eur(100_000),
        closingNotDueCents: eur(60_000),
      }),
    ).toBe(50);
  });

  it('is 100 % when only the not-yet-due is left', () => {
    expect(
      collectionEffectivenessIndex({
        openingCents: eur(10_000),
        salesCents: eur(20_000),
        closingCents: eur(15_000),
        closingNotDueCents: eur(15_000),
      }),
    ).toBe(100);
  });

  it('rounds to one decimal', () => {
    // (30 000 + 0 − 20 000) / (30 000 − 0) = 33,33… %.
    expect(
      collectionEffectivenessIndex({
        openingCents: eur(30_000),
        salesCents: eur(0),
        closingCents: eur(20_000),
        closingNotDueCents: eur(0),
      }),
    ).toBe(33.3);
  });

  it('is null when nothing was collectable', () => {
    expect(
      collectionEffectivenessIndex({
        openingCents: eur(0),
        salesCents: eur(10_000),
        closingCents: eur(10_000),
        closingNotDueCents: eur(10_000),
      }),
    ).toBeNull();
  });
});

function month(
  text: string,
  salesEuros: number,
  receivablesEuros: number,
  notDueEuros: number,
): DsoMonth {
  return {
    month: d(text),
    salesCents: eur(salesEuros),
    receivablesCents: eur(receivablesEuros),
    notDueCents: eur(notDueEuros),
  };
}

describe('dsoFigures', () => {
  const months = [
    month('2025-01-01', 30_000, 70_000, 30_000),
    month('2025-02-01', 40_000, 90_000, 50_000),
    month('2025-03-01', 50_000, 100_000, 60_000),
  ];

  it('gives DSO, simple DSO, BPDSO, ADD and CEI at the last month end', () => {
    expect(dsoFigures(months)).toEqual({
      month: '2025-03-01',
      dso: { days: 69.3, isExhausted: true }, // as in countBackDso
      simpleDso: 75, // 100 000 / 120 000 × 90
      // 60 000 − 50 000 (March, 31 d) = 10 000; February: 28 × 10 000 / 40 000 = 7 → 38.
      bestPossibleDso: { days: 38, isExhausted: true },
      averageDaysDelinquent: 31.3, // 69,3 − 38,0
      collectionEffectiveness: 50, // (90 000 + 50 000 − 100 000) / (140 000 − 60 000)
    });
  });

  it('subtracts the figures as shown, so the three add up', () => {
    // DSO 31 × 1/3 = 10,333 → 10,3; BPDSO 31 × 1/6 = 5,1666 → 5,2; ADD 10,3 − 5,2 = 5,1
    // (the exact 10,333 − 5,167 = 5,166 would show 5,2 and not add up).
    const figures = dsoFigures([month('2025-03-01', 60_000, 20_000, 10_000)]);
    expect([figures.dso.days, figures.bestPossibleDso.days, figures.averageDaysDelinquent]).toEqual(
      [10.3, 5.2, 5.1],
    );
  });

  it('has no CEI for the first month and refuses no month', () => {
    expect(dsoFigures(months.slice(0, 1)).collectionEffectiveness).toBeNull();
    expect(() => dsoFigures([])).toThrow(RangeError);
  });
});

describe('dsoHistory', () => {
  it('gives the figures of each of the last months, each on the months up to it', () => {
    const months = [
      month('2024-12-01', 20_000, 30_000, 10_000),
      month('2025-01-01', 30_000, 70_000, 30_000),
      month('2025-02-01', 40_000, 90_000, 50_000),
      month('2025-03-01', 50_000, 100_000, 60_000),
    ];
    const history = dsoHistory(months, 3);
    expect(history.map((figures) => figures.month)).toEqual([
      '2025-01-01',
      '2025-02-01',
      '2025-03-01',
    ]);
    // January 2025: 70 000 − 30 000 (31 d) = 40 000; December: 40 000 > 20 000 → 31 d;
    // nothing before: 62 days, not exhausted.
    expect(history[0]?.dso).toEqual({ days: 62, isExhausted: false });
    // February 2025: 90 000 − 40 000 (28 d) = 50 000; − 30 000 (January, 31 d) = 20 000;
    // December: 31 × 20 000 / 20 000 = 31 → 90, exhausted.
    expect(history[1]?.dso).toEqual({ days: 90, isExhausted: true });
    expect(history[2]).toEqual(dsoFigures(months));
  });

  it('shows 24 months by default, all of them when fewer are given', () => {
    const months = Array.from({ length: 30 }, (_, index) => {
      const monthIndex = 2023 * 12 + index;
      const text = `${Math.floor(monthIndex / 12)}-${String((monthIndex % 12) + 1).padStart(2, '0')}-01`;
      return month(text, 10_000, 10_000, 5_000);
    });
    const history = dsoHistory(months);
    expect(history).toHaveLength(24);
    expect(history[0]?.month).toBe('2023-07-01');
    expect(history[23]?.month).toBe('2025-06-01');
    // June 2025: 10 000 of June's 10 000 sales → 30 days; BPDSO 15; ADD 15.
    expect(history[23]).toMatchObject({
      dso: { days: 30, isExhausted: true },
      bestPossibleDso: { days: 15, isExhausted: true },
      averageDaysDelinquent: 15,
      simpleDso: 30.3, // 10 000 / 30 000 × (30 + 31 + 30 = 91) = 30,333…
      collectionEffectiveness: 66.7, // (10 000 + 10 000 − 10 000) / (20 000 − 5 000) = 66,66…
    });
    expect(dsoHistory(months.slice(0, 2))).toHaveLength(2);
  });
});
