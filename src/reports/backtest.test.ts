import { describe, expect, it } from 'vitest';
import { addDays, calendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import { backtestForecast, type BacktestInvoice } from './backtest.ts';
import { buildDelayModel, type PaidInvoice } from './forecast.ts';

const d = calendarDate;
const AS_OF = d('2025-06-04'); // Wednesday; weeks from Monday 2, 9, 16, 23 June…

function paid(customerId: string, delays: readonly number[]): PaidInvoice[] {
  return delays.map((delay) => ({
    customerId,
    dueDate: d('2025-03-01'),
    paidOn: addDays(d('2025-03-01'), delay),
  }));
}

// A pays 10 days late, B on the due date, 5 invoices each: the portfolio median is
// (0 + 10) / 2 = 5. A: (5 × 10 + 5 × 5) / 10 = 7,5 → 8 days; B: (0 + 5 × 5) / 10 = 2,5 → 3.
// A payment of 1 July (after the as-of date) was not known then and must not count: with
// it, the portfolio median would be 10 and B's delay 5.
const HISTORY: PaidInvoice[] = [
  ...paid('A', [10, 10, 10, 10, 10]),
  ...paid('B', [0, 0, 0, 0, 0]),
  { customerId: 'A', dueDate: d('2025-06-01'), paidOn: d('2025-07-01') },
];

/** The model as it could be learnt on `AS_OF`: from the invoices paid by then only. */
function modelKnown(credibility?: number) {
  return buildDelayModel(
    HISTORY.filter((invoice) => invoice.paidOn <= AS_OF),
    credibility,
  );
}
const MODEL = modelKnown();

function invoice(
  id: string,
  customerId: string,
  dueDate: string,
  amount: number,
  actual: string | null,
  currency = 'EUR',
): BacktestInvoice {
  return {
    id,
    customerId,
    currency,
    dueDate: d(dueDate),
    openCents: cents(amount),
    actualPaidOn: actual === null ? null : d(actual),
  };
}

const INVOICES = [
  // model 10 + 8 = 18 June (error 0); baseline 10 June (error 8)
  invoice('a1', 'A', '2025-06-10', 1_000, '2025-06-18'),
  // model 30 May + 8 = 7 June (error 2); baseline 30 May moved to 4 June (error 5)
  invoice('a2', 'A', '2025-05-30', 2_000, '2025-06-09'),
  // model 20 + 3 = 23 June (error 3); baseline 20 June (error 0)
  invoice('b1', 'B', '2025-06-20', 500, '2025-06-20'),
  // unpaid: no error in days; predicted money that never came counts in the weeks
  invoice('b2', 'B', '2025-06-20', 800, null),
  // model 10 + 3 = 13 June (error 0); baseline 10 June (error 3); same week either way
  invoice('u1', 'B', '2025-06-10', 900, '2025-06-13', 'USD'),
];

describe('backtestForecast', () => {
  it('scores the model and the due-date baseline on the same invoices', () => {
    // Actually received, EUR: week 2 (9 June) 2 000; week 3 (16 June) 1 000 + 500 = 1 500.
    // Model, EUR: week 1 2 000 (7 June); week 3 1 000; week 4 500 + 800 = 1 300.
    //   |2 000 − 0| + |0 − 2 000| + |1 000 − 1 500| + |1 300 − 0| = 5 800.
    // Baseline, EUR: week 1 2 000 (4 June); week 2 1 000; week 3 500 + 800 = 1 300.
    //   |2 000 − 0| + |1 000 − 2 000| + |1 300 − 1 500| = 3 200.
    const { series, ...scores } = backtestForecast(INVOICES, MODEL, AS_OF);
    expect(series.map((entry) => entry.currency)).toEqual(['EUR', 'USD']);
    expect(scores).toEqual({
      asOf: '2025-06-04',
      paidInvoices: 4,
      unpaidInvoices: 1,
      model: {
        meanAbsoluteErrorDays: 1.3, // (0 + 2 + 3 + 0) / 4 = 1,25 → 1,3
        weeklyErrors: [
          { currency: 'EUR', errorCents: 5_800 },
          { currency: 'USD', errorCents: 0 },
        ],
      },
      baseline: {
        meanAbsoluteErrorDays: 4, // (8 + 5 + 0 + 3) / 4
        weeklyErrors: [
          { currency: 'EUR', errorCents: 3_200 },
          { currency: 'USD', errorCents: 0 },
        ],
      },
    });
  });

  it('gives the weekly series « forecast vs actual » per currency', () => {
    const { series } = backtestForecast(INVOICES, MODEL, AS_OF);
    const [eur, usd] = series;
    const weeks = (entry: typeof eur, key: 'modelCents' | 'baselineCents' | 'actualCents') =>
      entry?.weeks.slice(0, 5).map((week) => week[key]);
    expect(eur?.weeks).toHaveLength(13);
    expect(eur?.weeks.map((week) => week.monday).slice(0, 3)).toEqual([
      '2025-06-02',
      '2025-06-09',
      '2025-06-16',
    ]);
    // The weeks of the amounts worked above.
    expect(weeks(eur, 'modelCents')).toEqual([2_000, 0, 1_000, 1_300, 0]);
    expect(weeks(eur, 'baselineCents')).toEqual([2_000, 1_000, 1_300, 0, 0]);
    expect(weeks(eur, 'actualCents')).toEqual([0, 2_000, 1_500, 0, 0]);
    expect(weeks(usd, 'modelCents')).toEqual([0, 900, 0, 0, 0]);
    expect(weeks(usd, 'actualCents')).toEqual([0, 900, 0, 0, 0]);
    // A currency with nothing received yet still has its weeks, actually 0.
    const [unpaid] = backtestForecast(
      [invoice('b2', 'B', '2025-06-20', 800, null)],
      MODEL,
      AS_OF,
    ).series;
    expect(weeks(unpaid, 'actualCents')).toEqual([0, 0, 0, 0, 0]);
    expect(weeks(unpaid, 'baselineCents')).toEqual([0, 0, 800, 0, 0]);
  });

  it('gives the worked example of docs/formulas.md', () => {
    // model (0 + 2 + 3) / 3 = 1,67 → 1,7; baseline (8 + 5 + 0) / 3 = 4,33 → 4,3.
    const result = backtestForecast(INVOICES.slice(0, 3), MODEL, AS_OF);
    expect([result.model.meanAbsoluteErrorDays, result.baseline.meanAbsoluteErrorDays]).toEqual([
      1.7, 4.3,
    ]);
  });

  it('uses the credibility constant it is given', () => {
    // k = 1: A (5 × 10 + 1 × 5) / 6 = 9,17 → 9 days: a1 predicted 19 June, 1 day off.
    const result = backtestForecast(INVOICES.slice(0, 1), modelKnown(1), AS_OF);
    expect(result.model.meanAbsoluteErrorDays).toBe(1);
  });

  it('has no error in days when nothing was paid since', () => {
    const result = backtestForecast([invoice('b2', 'B', '2025-06-20', 800, null)], MODEL, AS_OF);
    expect(result).toMatchObject({ paidInvoices: 0, unpaidInvoices: 1 });
    expect(result.model).toEqual({
      meanAbsoluteErrorDays: null,
      weeklyErrors: [{ currency: 'EUR', errorCents: 800 }], // expected in week 4, never came
    });
  });

  it('is empty without invoices', () => {
    expect(backtestForecast([], MODEL, AS_OF)).toEqual({
      asOf: '2025-06-04',
      paidInvoices: 0,
      unpaidInvoices: 0,
      model: { meanAbsoluteErrorDays: null, weeklyErrors: [] },
      baseline: { meanAbsoluteErrorDays: null, weeklyErrors: [] },
      series: [],
    });
  });

  it('refuses an invoice paid before the as-of date', () => {
    expect(() =>
      backtestForecast([invoice('x', 'A', '2025-05-01', 1, '2025-06-03')], MODEL, AS_OF),
    ).toThrow(RangeError);
  });
});
