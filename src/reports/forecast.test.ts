import { describe, expect, it } from 'vitest';
import { addDays, calendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import {
  buildDelayModel,
  cashForecast,
  delayModelOf,
  portfolioMedianDays,
  paymentDatePredictor,
  typicalDelayDays,
  weeklyReceipts,
  type ForecastInvoice,
  type PaidInvoice,
} from './forecast.ts';

const d = calendarDate;
const AS_OF = d('2025-06-04'); // a Wednesday: its week starts on Monday 2 June

/** Paid invoices of `customerId`, each paid `delay` days after a due date of 1 March 2025. */
function paid(customerId: string, delays: readonly number[]): PaidInvoice[] {
  return delays.map((delay) => ({
    customerId,
    dueDate: d('2025-03-01'),
    paidOn: addDays(d('2025-03-01'), delay),
  }));
}

// Portfolio: −3, 2, 4 (×12), 5, 10, 30: 17 delays, the 9th is 4 → portfolio median 4.
const MODEL = buildDelayModel([
  ...paid('A', [10, 2, 30]), // median 10, n = 3
  ...paid('B', [-3, 5]), // median 1, n = 2
  ...paid(
    'C',
    Array.from({ length: 12 }, () => 4),
  ), // median 4, n = 12
]);

function open(
  id: string,
  customerId: string,
  dueDate: string,
  amount: number,
  extra: Partial<ForecastInvoice> = {},
): ForecastInvoice {
  return {
    id,
    customerId,
    currency: 'EUR',
    dueDate: d(dueDate),
    openCents: cents(amount),
    ...extra,
  };
}

describe('typicalDelayDays', () => {
  it.each<[string, number]>([
    ['A', 6], // (3 × 10 + 5 × 4) / (3 + 5) = 50 / 8 = 6,25 → 6
    ['B', 3], // (2 × 1 + 5 × 4) / 7 = 22 / 7 = 3,14 → 3
    ['C', 4], // (12 × 4 + 5 × 4) / 17 = 4
    ['unknown', 4], // no history: the portfolio's median
  ])('customer %s: %i days', (customer, days) => {
    expect(typicalDelayDays(MODEL, customer)).toBe(days);
  });

  it('takes the half-way median of an even count, and rounds half away from zero', () => {
    // E pays on the due date, F 2 days late, 5 invoices each: the portfolio median is
    // (0 + 2) / 2 = 1. E: (5 × 0 + 5 × 1) / 10 = 0,5 → 1; F: (5 × 2 + 5 × 1) / 10 = 1,5 → 2.
    const model = buildDelayModel([...paid('E', [0, 0, 0, 0, 0]), ...paid('F', [2, 2, 2, 2, 2])]);
    expect(typicalDelayDays(model, 'E')).toBe(1);
    expect(typicalDelayDays(model, 'F')).toBe(2);
  });

  it('predicts early payers early', () => {
    // Portfolio median (−4 − 2) / 2 = −3; H: (5 × −4 + 5 × −3) / 10 = −3,5 → −4.
    const model = buildDelayModel([
      ...paid('H', [-4, -4, -4, -4, -4]),
      ...paid('I', [-2, -2, -2, -2, -2]),
    ]);
    expect(typicalDelayDays(model, 'H')).toBe(-4);
  });

  it('trusts a customer more as its history grows, and uses a given constant', () => {
    // One invoice 40 days late in a portfolio of on-time payers (median 0 of 21 delays):
    // (1 × 40 + 5 × 0) / 6 = 6,67 → 7; with k = 1: 40 / 2 = 20.
    const history = [
      ...paid('late', [40]),
      ...paid(
        'others',
        Array.from({ length: 20 }, () => 0),
      ),
    ];
    expect(typicalDelayDays(buildDelayModel(history), 'late')).toBe(7);
    expect(typicalDelayDays(buildDelayModel(history, 1), 'late')).toBe(20);
  });

  it('is 0 without any history, and refuses a constant that is not a whole number above 0', () => {
    expect(typicalDelayDays(buildDelayModel([]), 'A')).toBe(0);
    expect(() => buildDelayModel([], 0)).toThrow(RangeError);
    expect(() => buildDelayModel([], 2.5)).toThrow(RangeError);
  });
});

describe('delayModelOf', () => {
  it('is the model of the medians as the ledger computes them', () => {
    // MODEL's medians, doubled: portfolio 4; A 10 (n 3), B (−3 + 5) = 2 (n 2), C 4 (n 12).
    const model = delayModelOf({
      portfolioTwiceMedian: 8,
      customers: [
        { customerId: 'A', twiceMedian: 20, paidInvoices: 3 },
        { customerId: 'B', twiceMedian: 2, paidInvoices: 2 },
        { customerId: 'C', twiceMedian: 8, paidInvoices: 12 },
      ],
    });
    expect(model).toEqual(MODEL);
    expect(() => delayModelOf({ portfolioTwiceMedian: 0, customers: [] }, -1)).toThrow(RangeError);
  });

  it('says the portfolio median with one decimal', () => {
    expect(portfolioMedianDays(MODEL)).toBe(4);
    expect(portfolioMedianDays(buildDelayModel([...paid('E', [0]), ...paid('F', [3])]))).toBe(1.5);
    expect(portfolioMedianDays(buildDelayModel([...paid('G', [-4, -3])]))).toBe(-3.5);
  });
});

describe('paymentDatePredictor', () => {
  it('is the due date plus the typical delay', () => {
    expect(paymentDatePredictor(MODEL, AS_OF)(open('1', 'A', '2025-06-20', 1))).toBe('2025-06-26');
  });

  it('moves a date before the as-of date to the as-of date', () => {
    // 20 May + 6 = 26 May, already past: the money is expected from 4 June.
    expect(paymentDatePredictor(MODEL, AS_OF)(open('1', 'A', '2025-05-20', 1))).toBe('2025-06-04');
  });

  it("takes a promise's date over the prediction, never in the past", () => {
    const promised = open('1', 'A', '2025-06-20', 1, { promisedOn: d('2025-07-15') });
    expect(paymentDatePredictor(MODEL, AS_OF)(promised)).toBe('2025-07-15');
    const broken = open('1', 'A', '2025-06-20', 1, { promisedOn: d('2025-06-01') });
    expect(paymentDatePredictor(MODEL, AS_OF)(broken)).toBe('2025-06-04');
  });
});

describe('weeklyReceipts', () => {
  it('starts on the Monday of the as-of week, whatever the day', () => {
    const mondayOf = (asOf: string) =>
      weeklyReceipts([{ currency: 'EUR', date: d(asOf), amountCents: cents(1) }], d(asOf))[0]
        ?.weeks[0]?.monday;
    expect(mondayOf('2025-06-04')).toBe('2025-06-02'); // Wednesday
    expect(mondayOf('2025-06-08')).toBe('2025-06-02'); // Sunday
    expect(mondayOf('2025-06-09')).toBe('2025-06-09'); // Monday
    expect(mondayOf('2024-03-01')).toBe('2024-02-26'); // across a leap February
  });

  it('puts a Sunday in its week, and the day after the 13th Sunday in "later"', () => {
    // Week 13 runs from Monday 25 August to Sunday 31 August 2025 (2 June + 12 × 7).
    const [receipts] = weeklyReceipts(
      [
        { currency: 'EUR', date: d('2025-06-08'), amountCents: cents(10) },
        { currency: 'EUR', date: d('2025-06-09'), amountCents: cents(20) },
        { currency: 'EUR', date: d('2025-08-31'), amountCents: cents(30) },
        { currency: 'EUR', date: d('2025-09-01'), amountCents: cents(40) },
        { currency: 'EUR', date: d('2026-01-01'), amountCents: cents(50) },
      ],
      AS_OF,
    );
    expect(receipts?.weeks).toHaveLength(13);
    expect(receipts?.weeks[12]?.monday).toBe('2025-08-25');
    expect(receipts?.weeks.map((week) => week.amountCents)).toEqual([
      10, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 30,
    ]);
    expect(receipts?.laterCents).toBe(90);
    expect(receipts?.weeks.map((week) => week.invoiceCount).slice(0, 2)).toEqual([1, 1]);
    expect(receipts?.laterInvoiceCount).toBe(2);
  });

  it('refuses a receipt before the as-of week', () => {
    expect(() =>
      weeklyReceipts([{ currency: 'EUR', date: d('2025-06-01'), amountCents: cents(1) }], AS_OF),
    ).toThrow(RangeError);
  });
});

describe('cashForecast', () => {
  it('sums each invoice at its predicted date, per week and currency', () => {
    const forecast = cashForecast(
      [
        open('a1', 'A', '2025-06-20', 1_000), // 26 June: week 4 (Monday 23 June)
        open('a2', 'A', '2025-05-20', 2_000), // overdue: 4 June, week 1
        open('b1', 'B', '2025-06-01', 300), // 1 + 3 = 4 June, week 1
        open('c1', 'C', '2025-08-27', 4_000), // 31 August: week 13, its Sunday
        open('c2', 'C', '2025-08-28', 5_000), // 1 September: later
        open('d1', 'new', '2025-06-10', 600, { promisedOn: d('2025-06-16') }), // week 3
        open('d2', 'new', '2025-06-10', 700, { promisedOn: d('2025-06-01') }), // broken: week 1
        { ...open('u1', 'B', '2025-06-10', 900), currency: 'USD' }, // 13 June: week 2
      ],
      MODEL,
      AS_OF,
    );
    expect(
      forecast.map((receipts) => [
        receipts.currency,
        receipts.weeks.map((week) => week.amountCents),
        receipts.laterCents,
      ]),
    ).toEqual([
      ['EUR', [3_000, 0, 600, 1_000, 0, 0, 0, 0, 0, 0, 0, 0, 4_000], 5_000],
      ['USD', [0, 900, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0],
    ]);
  });

  it('is empty without open invoices', () => {
    expect(cashForecast([], MODEL, AS_OF)).toEqual([]);
  });
});
