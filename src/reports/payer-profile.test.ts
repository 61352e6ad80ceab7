import { describe, expect, it } from 'vitest';
import { calendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import {
  checkPayerThresholds,
  DEFAULT_PAYER_THRESHOLDS,
  payerCategory,
  payerProfiles,
  payerTrend,
  payerTrendOfSums,
  payerWindowStart,
  paymentBehaviour,
  paymentBehaviourOfSums,
  paymentSums,
  type SettlementRecord,
} from './payer-profile.ts';

const d = calendarDate;
const FROM = d('2025-01-01');
const AS_OF = d('2025-06-30');

function part(
  invoiceId: string,
  dueDate: string,
  amount: number,
  paidOn: string | null,
  currency = 'EUR',
): SettlementRecord {
  return {
    invoiceId,
    currency,
    dueDate: d(dueDate),
    amountCents: cents(amount),
    paidOn: paidOn === null ? null : d(paidOn),
  };
}

const RECORDS: SettlementRecord[] = [
  part('inv1', '2025-02-10', 100_000, '2025-02-05'), // 5 days early: 0
  part('inv2', '2025-03-01', 200_000, '2025-03-21'), // 20 days late
  part('inv3', '2025-04-30', 50_000, '2025-04-30'), // on the due date: 0
  part('inv3', '2025-04-30', 50_000, '2025-05-10'), // its second half: 10 days late
  part('inv4', '2025-06-20', 100_000, null), // open, overdue: 10 days at 30 June
  part('inv5', '2025-07-15', 300_000, null), // not yet due: does not count
  part('inv6', '2024-11-30', 900_000, '2024-12-20'), // paid before the window
  part('inv7', '2025-06-30', 400_000, null), // due on the as-of date: not late, not counted
];

describe('paymentBehaviour', () => {
  it('weighs days late by amount, open overdue items counted to the as-of date', () => {
    // Σ amount = 100 000 + 200 000 + 50 000 + 50 000 + 100 000 = 500 000;
    // Σ amount × days = 200 000 × 20 + 50 000 × 10 + 100 000 × 10 = 5 500 000 → 11,0 days.
    // On time by amount: (100 000 + 50 000) / 500 000 = 30 %;
    // by count: inv1 of inv1–inv4 (inv3 has a late half) = 25 %.
    expect(paymentBehaviour(RECORDS, FROM, AS_OF)).toEqual({
      weightedDaysLate: 11,
      onTimeShareByAmount: 30,
      onTimeShareByCount: 25,
    });
  });

  it('counts early payment as 0 days, not negative', () => {
    const records = [
      part('a', '2025-03-31', 100_000, '2025-03-11'), // 20 days early: 0
      part('b', '2025-03-31', 100_000, '2025-04-20'), // 20 days late
    ];
    // (0 + 100 000 × 20) / 200 000 = 10, not (−20 + 20) / 2 = 0.
    expect(paymentBehaviour(records, FROM, AS_OF).weightedDaysLate).toBe(10);
  });

  it('treats a part paid after the as-of date as open on it', () => {
    const records = [part('a', '2025-06-10', 100_000, '2025-07-05')];
    // Open at 30 June: 20 days late; the payment of 5 July is not known yet.
    expect(paymentBehaviour(records, FROM, AS_OF)).toEqual({
      weightedDaysLate: 20,
      onTimeShareByAmount: 0,
      onTimeShareByCount: 0,
    });
  });

  it('includes payments on both ends of the window', () => {
    const records = [
      part('a', '2024-12-31', 1_000, '2025-01-01'), // 1 day, paid on `from`
      part('b', '2025-06-27', 3_000, '2025-06-30'), // 3 days, paid on `asOf`
      part('c', '2024-12-30', 5_000, '2024-12-31'), // paid the day before `from`
    ];
    // (1 000 × 1 + 3 000 × 3) / 4 000 = 2,5.
    expect(paymentBehaviour(records, FROM, AS_OF).weightedDaysLate).toBe(2.5);
  });

  it('rounds the weighted figure once, to one decimal', () => {
    const records = [
      part('a', '2025-05-31', 2_000, '2025-06-01'),
      part('b', '2025-05-31', 1_000, '2025-05-31'),
    ];
    // 2 000 × 1 / 3 000 = 0,666… → 0,7; on time by amount 1 000 / 3 000 = 33,3 %.
    expect(paymentBehaviour(records, FROM, AS_OF)).toEqual({
      weightedDaysLate: 0.7,
      onTimeShareByAmount: 33.3,
      onTimeShareByCount: 50,
    });
  });

  it('has no figures without history', () => {
    expect(paymentBehaviour([], FROM, AS_OF)).toEqual({
      weightedDaysLate: null,
      onTimeShareByAmount: null,
      onTimeShareByCount: null,
    });
  });

  it('refuses records in two currencies', () => {
    expect(() =>
      paymentBehaviour(
        [part('a', '2025-01-01', 1, null), part('b', '2025-01-01', 1, null, 'USD')],
        FROM,
        AS_OF,
      ),
    ).toThrow(RangeError);
  });
});

describe('payerTrend', () => {
  it('gives the figure of each of the last 6 months, oldest first', () => {
    expect(payerTrend(RECORDS, AS_OF)).toEqual([
      { month: '2025-01-01', weightedDaysLate: null }, // nothing paid, nothing overdue at 31 Jan
      { month: '2025-02-01', weightedDaysLate: 0 }, // inv1, early
      { month: '2025-03-01', weightedDaysLate: 20 }, // inv2
      // inv3's first half on its due date; its second half, due 30 April, is not late that day.
      { month: '2025-04-01', weightedDaysLate: 0 },
      { month: '2025-05-01', weightedDaysLate: 10 }, // inv3's second half
      { month: '2025-06-01', weightedDaysLate: 10 }, // inv4, open 10 days at 30 June
    ]);
  });

  it('stops the as-of month at the as-of date', () => {
    // As of 15 June, inv4 (due 20 June) is not yet due: June has no figure.
    expect(payerTrend(RECORDS, d('2025-06-15')).at(-1)).toEqual({
      month: '2025-06-01',
      weightedDaysLate: null,
    });
  });

  it('counts an invoice open across a month end in that month', () => {
    // Due 10 March, paid 20 April: 21 days late at 31 March, then 41 days when paid.
    const trend = payerTrend([part('a', '2025-03-10', 100, '2025-04-20')], AS_OF);
    expect(trend.map((point) => point.weightedDaysLate)).toEqual([null, null, 21, 41, null, null]);
  });
});

describe('payer categories', () => {
  it.each<[number | null, string | null]>([
    [0, 'A'],
    [5, 'A'],
    [5.1, 'B'],
    [15, 'B'],
    [15.1, 'C'],
    [30, 'C'],
    [30.1, 'D'],
    [400, 'D'],
    [null, null],
  ])('%s days late is %s by default', (days, category) => {
    expect(payerCategory(days)).toBe(category);
  });

  it('follows configured thresholds', () => {
    expect(payerCategory(0, [0, 10, 20])).toBe('A');
    expect(payerCategory(0.1, [0, 10, 20])).toBe('B');
    expect(payerCategory(20.1, [0, 10, 20])).toBe('D');
  });

  it('accepts the defaults and refuses other thresholds with every reason', () => {
    expect(checkPayerThresholds(DEFAULT_PAYER_THRESHOLDS)).toEqual([]);
    expect(checkPayerThresholds([5, 15]).map((issue) => issue.code)).toEqual([
      'payer_thresholds_count',
    ]);
    expect(checkPayerThresholds([-1, 2.5, 2.5]).map((issue) => [issue.field, issue.code])).toEqual([
      ['thresholds.0', 'payer_threshold_not_integer'],
      ['thresholds.1', 'payer_threshold_not_integer'],
      ['thresholds.2', 'payer_threshold_not_integer'],
      ['thresholds.2', 'payer_thresholds_not_increasing'],
    ]);
    expect(checkPayerThresholds([15, 5, 30]).map((issue) => issue.code)).toEqual([
      'payer_thresholds_not_increasing',
    ]);
    expect(() => payerCategory(1, [15, 5, 30])).toThrow(RangeError);
  });
});

describe('payerProfiles', () => {
  it('builds one profile per currency, with its category and trend', () => {
    const profiles = payerProfiles(
      [...RECORDS, part('u1', '2025-05-01', 7_000, '2025-06-10', 'USD')],
      {
        from: FROM,
        asOf: AS_OF,
      },
    );
    expect(
      profiles.map((profile) => [profile.currency, profile.weightedDaysLate, profile.category]),
    ).toEqual([
      ['EUR', 11, 'B'],
      ['USD', 40, 'D'], // 1 May → 10 June: 30 + 10 = 40 days
    ]);
    expect(profiles[0]?.trend).toEqual(payerTrend(RECORDS, AS_OF));
    expect(profiles[1]).toMatchObject({ onTimeShareByAmount: 0, onTimeShareByCount: 0 });
  });

  it('uses configured thresholds', () => {
    const [profile] = payerProfiles(RECORDS, { from: FROM, asOf: AS_OF, thresholds: [10, 20, 40] });
    expect(profile?.category).toBe('B'); // 11 > 10
  });

  it('is empty without records', () => {
    expect(payerProfiles([], { from: FROM, asOf: AS_OF })).toEqual([]);
  });
});

describe('paymentBehaviourOfSums', () => {
  it('gives the worked example from its sums, as paymentBehaviour does from the records', () => {
    const sums = paymentSums(RECORDS, FROM, AS_OF);
    expect(sums).toEqual({
      weightedDaysCents: 5_500_000n,
      amountCents: 500_000n,
      onTimeAmountCents: 150_000n,
      invoiceCount: 4,
      onTimeInvoiceCount: 1,
    });
    expect(paymentBehaviourOfSums(sums)).toEqual({
      weightedDaysLate: 11,
      onTimeShareByAmount: 30,
      onTimeShareByCount: 25,
    });
    expect(paymentBehaviourOfSums(sums)).toEqual(paymentBehaviour(RECORDS, FROM, AS_OF));
  });

  it('rounds once, half away from zero, and keeps sums beyond 2^53 exact', () => {
    expect(
      paymentBehaviourOfSums({
        weightedDaysCents: 25n,
        amountCents: 20n,
        onTimeAmountCents: 1n,
        invoiceCount: 3,
        onTimeInvoiceCount: 2,
      }),
    ).toEqual({ weightedDaysLate: 1.3, onTimeShareByAmount: 5, onTimeShareByCount: 66.7 });
    const huge = 2n ** 60n;
    expect(
      paymentBehaviourOfSums({
        weightedDaysCents: huge * 45n,
        amountCents: huge,
        onTimeAmountCents: 0n,
        invoiceCount: 1,
        onTimeInvoiceCount: 0,
      }).weightedDaysLate,
    ).toBe(45);
  });

  it('has no figures over nothing', () => {
    expect(
      paymentBehaviourOfSums({
        weightedDaysCents: 0n,
        amountCents: 0n,
        onTimeAmountCents: 0n,
        invoiceCount: 0,
        onTimeInvoiceCount: 0,
      }),
    ).toEqual({ weightedDaysLate: null, onTimeShareByAmount: null, onTimeShareByCount: null });
  });
});

describe('payerTrendOfSums', () => {
  it('fills the 6 months, a month without sums having no figure', () => {
    expect(
      payerTrendOfSums(d('2025-06-30'), [
        { month: d('2025-03-01'), sums: { weightedDaysCents: 300n, amountCents: 100n } },
      ]),
    ).toEqual([
      { month: '2025-01-01', weightedDaysLate: null },
      { month: '2025-02-01', weightedDaysLate: null },
      { month: '2025-03-01', weightedDaysLate: 3 },
      { month: '2025-04-01', weightedDaysLate: null },
      { month: '2025-05-01', weightedDaysLate: null },
      { month: '2025-06-01', weightedDaysLate: null },
    ]);
  });
});

describe('payerWindowStart', () => {
  it.each([
    ['2026-12-03', '2025-12-04'],
    ['2026-03-15', '2025-03-16'],
    ['2024-02-29', '2023-03-01'],
    ['2026-12-31', '2026-01-01'],
  ])('starts the 12 months up to %s on %s', (asOf, from) => {
    expect(payerWindowStart(d(asOf))).toBe(from);
  });
});
