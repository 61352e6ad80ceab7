import { describe, expect, it } from 'vitest';
import { calendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import {
  agingBucketIndex,
  agingBuckets,
  agingCellOf,
  agingRows,
  agingRowsOfSums,
  agingThresholds,
  agingTotals,
  checkAgingBounds,
  daysPastDue,
  DEFAULT_AGING_BOUNDS,
  openAmountAsOf,
  type AgingItem,
} from './aging.ts';

const d = calendarDate;
const AS_OF = d('2025-03-31');

type Item = AgingItem & { customer: string; collector: string };

function invoice(customer: string, dueDate: string, open: number, currency = 'EUR'): Item {
  return {
    kind: 'invoice',
    customer,
    collector: 'alice',
    currency,
    dueDate: d(dueDate),
    openCents: cents(open),
  };
}

describe('checkAgingBounds', () => {
  it('accepts the default bounds and any strictly increasing whole days', () => {
    expect(checkAgingBounds(DEFAULT_AGING_BOUNDS)).toEqual([]);
    expect(checkAgingBounds([1])).toEqual([]);
    expect(checkAgingBounds([15, 30, 45, 60, 120])).toEqual([]);
  });

  it('refuses an empty list', () => {
    expect(checkAgingBounds([])).toEqual([
      expect.objectContaining({ field: 'buckets', code: 'aging_buckets_empty' }),
    ]);
  });

  it('reports every broken rule at once, on its bound', () => {
    const issues = checkAgingBounds([30, 30, 20.5, 0, -5]);
    expect(issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['buckets.1', 'aging_buckets_not_increasing'],
      ['buckets.2', 'aging_bucket_not_integer'],
      ['buckets.2', 'aging_buckets_not_increasing'],
      ['buckets.3', 'aging_bucket_not_positive'],
      ['buckets.3', 'aging_buckets_not_increasing'],
      ['buckets.4', 'aging_bucket_not_positive'],
      ['buckets.4', 'aging_buckets_not_increasing'],
    ]);
  });

  it('names the field the caller gives', () => {
    expect(checkAgingBounds([60, 30], 'query.buckets')[0]?.field).toBe('query.buckets.1');
  });
});

describe('agingBuckets', () => {
  it('makes "not yet due", 1–30, 31–60, 61–90 and over 90 from the defaults', () => {
    expect(agingBuckets(DEFAULT_AGING_BOUNDS)).toEqual([
      { minDaysLate: 0, maxDaysLate: 0 },
      { minDaysLate: 1, maxDaysLate: 30 },
      { minDaysLate: 31, maxDaysLate: 60 },
      { minDaysLate: 61, maxDaysLate: 90 },
      { minDaysLate: 91, maxDaysLate: null },
    ]);
  });

  it('follows configured bounds', () => {
    expect(agingBuckets([15])).toEqual([
      { minDaysLate: 0, maxDaysLate: 0 },
      { minDaysLate: 1, maxDaysLate: 15 },
      { minDaysLate: 16, maxDaysLate: null },
    ]);
  });

  it('throws on bounds the check refuses', () => {
    expect(() => agingBuckets([60, 30])).toThrow(RangeError);
    expect(() => agingBuckets([])).toThrow(RangeError);
  });
});

describe('days past due and the bucket of an invoice, as of 2025-03-31', () => {
  it.each<[string, number, number]>([
    ['2025-04-15', 0, 0], // not yet due
    ['2025-03-31', 0, 0], // due on the as-of date: not yet late
    ['2025-03-30', 1, 1],
    ['2025-03-01', 30, 1], // exactly 30 days late: 1–30
    ['2025-02-28', 31, 2], // 31 days: 31–60
    ['2025-01-30', 60, 2], // 1 (31 Jan) + 28 (Feb) + 31 (Mar) = 60
    ['2025-01-29', 61, 3],
    ['2024-12-31', 90, 3], // 31 + 28 + 31
    ['2024-12-30', 91, 4], // over 90
    ['2023-03-31', 731, 4], // 365 + 366 (2024 is a leap year)
  ])('due %s: %i days past due, bucket %i', (due, days, bucket) => {
    expect(daysPastDue(d(due), AS_OF)).toBe(days);
    expect(agingBucketIndex(d(due), AS_OF, DEFAULT_AGING_BOUNDS)).toBe(bucket);
  });

  it('uses configured bounds on their boundaries', () => {
    const bounds = [15, 45];
    expect(agingBucketIndex(d('2025-03-16'), AS_OF, bounds)).toBe(1); // 15 days
    expect(agingBucketIndex(d('2025-03-15'), AS_OF, bounds)).toBe(2); // 16 days
    expect(agingBucketIndex(d('2025-02-14'), AS_OF, bounds)).toBe(2); // 14 + 31 = 45 days
    expect(agingBucketIndex(d('2025-02-13'), AS_OF, bounds)).toBe(3); // 46 days
  });

  it('crosses a leap February', () => {
    // 2024-02-01 → 2024-03-02: 29 (February 2024) + 1 = 30 days: still 1–30.
    expect(agingBucketIndex(d('2024-02-01'), d('2024-03-02'), DEFAULT_AGING_BOUNDS)).toBe(1);
    // A year later February has 28 days: 2025-02-01 → 2025-03-02 is 28 + 1 = 29 days.
    expect(daysPastDue(d('2025-02-01'), d('2025-03-02'))).toBe(29);
  });
});

describe('agingCellOf', () => {
  it('puts invoices in their bucket and credits in their own columns', () => {
    expect(agingCellOf(invoice('c1', '2025-02-28', 100), AS_OF, DEFAULT_AGING_BOUNDS)).toEqual({
      column: 'bucket',
      index: 2,
    });
    const credit: AgingItem = { kind: 'credit_note', currency: 'EUR', openCents: cents(5) };
    const cash: AgingItem = { kind: 'unapplied_cash', currency: 'EUR', openCents: cents(5) };
    expect(agingCellOf(credit, AS_OF, DEFAULT_AGING_BOUNDS)).toEqual({ column: 'credit_notes' });
    expect(agingCellOf(cash, AS_OF, DEFAULT_AGING_BOUNDS)).toEqual({ column: 'unapplied_cash' });
  });
});

describe('agingRows', () => {
  const items: Item[] = [
    invoice('c1', '2025-04-30', 100_000), // not yet due
    invoice('c1', '2025-03-31', 25_050), // due today: not yet due
    invoice('c1', '2025-03-01', 30_000), // 30 days
    invoice('c1', '2025-02-28', 12_345), // 31 days
    invoice('c1', '2024-12-30', 7_000), // 91 days
    {
      kind: 'credit_note',
      customer: 'c1',
      collector: 'alice',
      currency: 'EUR',
      openCents: cents(4_000),
    },
    {
      kind: 'unapplied_cash',
      customer: 'c1',
      collector: 'alice',
      currency: 'EUR',
      openCents: cents(50_000),
    },
    invoice('c2', '2025-01-29', 80_000), // 61 days
    invoice('c2', '2025-01-29', 9_900, 'USD'),
    invoice('c2', '2025-01-01', 0), // paid: left out
  ];

  it('builds one row per key and currency, credits in their own columns, and the net', () => {
    expect(agingRows(items, (item) => item.customer, AS_OF)).toEqual([
      {
        key: 'c1',
        currency: 'EUR',
        // 100 000 + 25 050 = 125 050 not yet due; 30 000 in 1–30; 12 345 in 31–60; 7 000 over 90.
        buckets: [125_050, 30_000, 12_345, 0, 7_000],
        invoicesOpen: 174_395,
        creditNotesOpen: 4_000,
        unappliedCash: 50_000,
        net: 120_395, // 174 395 − 4 000 − 50 000
      },
      {
        key: 'c2',
        currency: 'EUR',
        buckets: [0, 0, 0, 80_000, 0],
        invoicesOpen: 80_000,
        creditNotesOpen: 0,
        unappliedCash: 0,
        net: 80_000,
      },
      {
        key: 'c2',
        currency: 'USD',
        buckets: [0, 0, 0, 9_900, 0],
        invoicesOpen: 9_900,
        creditNotesOpen: 0,
        unappliedCash: 0,
        net: 9_900,
      },
    ]);
  });

  it("groups by the caller's key, never across currencies", () => {
    const rows = agingRows(items, (item) => item.collector, AS_OF);
    expect(rows.map((row) => [row.key, row.currency, row.invoicesOpen])).toEqual([
      ['alice', 'EUR', 254_395], // 174 395 + 80 000
      ['alice', 'USD', 9_900],
    ]);
  });

  it('shows a credit balance as a negative net, not as a negative bucket', () => {
    const rows = agingRows(
      [
        invoice('c3', '2025-03-10', 1_000),
        {
          kind: 'credit_note',
          customer: 'c3',
          collector: 'bob',
          currency: 'EUR',
          openCents: cents(3_000),
        },
      ],
      (item) => item.customer,
      AS_OF,
    );
    expect(rows[0]).toMatchObject({
      buckets: [0, 1_000, 0, 0, 0],
      creditNotesOpen: 3_000,
      net: -2_000,
    });
  });

  it('follows configured buckets', () => {
    const rows = agingRows(items, (item) => item.customer, AS_OF, [45]);
    expect(rows[0]?.buckets).toEqual([125_050, 42_345, 7_000]);
  });

  it('is empty without items and refuses a negative open amount', () => {
    expect(agingRows([], () => 'x', AS_OF)).toEqual([]);
    expect(() => agingRows([invoice('c1', '2025-03-01', -1)], () => 'x', AS_OF)).toThrow(
      RangeError,
    );
  });
});

describe('agingThresholds and agingRowsOfEntries (the database counts the buckets)', () => {
  it('gives the first day past due of each late bucket, so width_bucket finds the same bucket', () => {
    expect(agingThresholds(DEFAULT_AGING_BOUNDS)).toEqual([1, 31, 61, 91]);
    expect(agingThresholds([15, 45])).toEqual([1, 16, 46]);
    // width_bucket(d, thresholds) is the number of thresholds ≤ d: the same as agingBucketIndex.
    const widthBucket = (days: number, thresholds: number[]) =>
      thresholds.filter((threshold) => threshold <= days).length;
    for (const days of [-5, 0, 1, 30, 31, 60, 61, 90, 91, 400]) {
      const due = d('2025-03-31');
      const asOf = d(
        new Date(Date.parse(`${due}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10),
      );
      expect(widthBucket(days, agingThresholds(DEFAULT_AGING_BOUNDS))).toBe(
        agingBucketIndex(due, asOf, DEFAULT_AGING_BOUNDS),
      );
    }
    expect(() => agingThresholds([30, 30])).toThrow(RangeError);
  });

  it('adds sums already in their buckets into rows by key and currency, empty groups left out', () => {
    const sum = (key: string, currency: string, buckets: number[], credit = 0, cash = 0) => ({
      key,
      currency,
      buckets: buckets.map(cents),
      creditNotesOpen: cents(credit),
      unappliedCash: cents(cash),
    });
    const rows = agingRowsOfSums(
      [
        sum('alice', 'EUR', [10_000, 0, 2_500, 0, 0], 1_000),
        sum('alice', 'EUR', [0, 0, 500, 0, 300]),
        sum('alice', 'USD', [0, 0, 0, 0, 0], 0, 700),
        sum('bob', 'EUR', [0, 0, 0, 0, 0]),
      ],
      5,
    );
    expect(rows).toEqual([
      {
        key: 'alice',
        currency: 'EUR',
        buckets: [10_000, 0, 3_000, 0, 300],
        invoicesOpen: 13_300,
        creditNotesOpen: 1_000,
        unappliedCash: 0,
        net: 12_300,
      },
      {
        key: 'alice',
        currency: 'USD',
        buckets: [0, 0, 0, 0, 0],
        invoicesOpen: 0,
        creditNotesOpen: 0,
        unappliedCash: 700,
        net: -700,
      },
    ]);
    expect(() => agingRowsOfSums([sum('bob', 'EUR', [1, 2])], 5)).toThrow(RangeError);
  });
});

describe('agingTotals', () => {
  it('sums the rows per currency, column by column', () => {
    const rows = agingRows(
      [
        invoice('c1', '2025-03-01', 30_000),
        invoice('c2', '2025-03-20', 5_000),
        invoice('c2', '2025-05-01', 1_000),
        {
          kind: 'unapplied_cash',
          customer: 'c2',
          collector: 'a',
          currency: 'EUR',
          openCents: cents(700),
        },
        invoice('c3', '2024-01-01', 2_500, 'USD'),
      ],
      (item) => item.customer,
      AS_OF,
    );
    expect(agingTotals(rows)).toEqual([
      {
        key: '',
        currency: 'EUR',
        buckets: [1_000, 35_000, 0, 0, 0],
        invoicesOpen: 36_000,
        creditNotesOpen: 0,
        unappliedCash: 700,
        net: 35_300,
      },
      {
        key: '',
        currency: 'USD',
        buckets: [0, 0, 0, 0, 2_500],
        invoicesOpen: 2_500,
        creditNotesOpen: 0,
        unappliedCash: 0,
        net: 2_500,
      },
    ]);
  });

  it('refuses rows with different buckets', () => {
    const short = agingRows([invoice('c1', '2025-03-01', 1)], () => 'a', AS_OF, [30]);
    const long = agingRows([invoice('c1', '2025-03-01', 1)], () => 'b', AS_OF);
    expect(() => agingTotals([...short, ...long])).toThrow(RangeError);
  });
});

describe('openAmountAsOf (the ledger as it stood that day)', () => {
  const document = { date: d('2025-01-10'), amountCents: cents(120_000) };
  const allocations = [
    { amountCents: cents(50_000), allocatedOn: d('2025-02-15'), undoneOn: null },
    { amountCents: cents(20_000), allocatedOn: d('2025-03-01'), undoneOn: d('2025-03-05') },
  ];

  it.each<[string, number | undefined]>([
    ['2025-01-09', undefined], // not yet issued
    ['2025-01-10', 120_000], // issued that day
    ['2025-02-14', 120_000], // the day before the partial payment
    ['2025-02-15', 70_000], // the partial payment's day
    ['2025-03-01', 50_000], // a second allocation…
    ['2025-03-04', 50_000],
    ['2025-03-05', 70_000], // …undone on 5 March: no longer live that day
  ])('as of %s: %s', (asOf, expected) => {
    expect(openAmountAsOf(document, allocations, d(asOf))).toBe(expected);
  });
});
