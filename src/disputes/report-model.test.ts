import { describe, expect, it } from 'vitest';
import { calendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import {
  ageBucketIndex,
  ageBucketOf,
  averageDays,
  blockedByCurrency,
  openByAge,
  openByCause,
  openByDepartment,
  resolutionByCause,
  resolutionByDepartment,
  windowStart,
  type OpenDisputeGroup,
  type ResolvedDisputeGroup,
} from './report-model.ts';

describe('the age classes of an open dispute', () => {
  it.each([
    [0, '0-7'],
    [7, '0-7'],
    [8, '8-15'],
    [15, '8-15'],
    [16, '16-30'],
    [30, '16-30'],
    [31, '31-60'],
    [60, '31-60'],
    [61, '61+'],
    [400, '61+'],
  ])('%i days old: %s', (age, bucket) => {
    expect(ageBucketOf(age)).toBe(bucket);
  });

  it('counts the index as width_bucket does (the store asks SQL for it)', () => {
    expect([0, 7, 8, 16, 31, 61].map(ageBucketIndex)).toEqual([0, 0, 1, 2, 3, 4]);
  });
});

describe('the average resolution time, to a tenth of a day, a half tenth up', () => {
  it.each([
    [25, 2, 12.5],
    [1, 3, 0.3],
    [1, 4, 0.3],
    [2, 3, 0.7],
    [49, 4, 12.3],
    [0, 5, 0],
    [7, 1, 7],
    [1, 20, 0.1],
    [1, 21, 0],
  ])('%i days over %i disputes: %d', (total, count, average) => {
    expect(averageDays(total, count)).toBe(average);
  });

  it('refuses to average nothing', () => {
    expect(() => averageDays(0, 0)).toThrow(RangeError);
  });
});

it('looks back 365 days, the day asked included', () => {
  expect(windowStart(calendarDate('2026-12-04'))).toBe('2025-12-05');
});

const SALES = { id: '00000000-0000-4000-8000-000000000001', code: 'sales', name: 'Commercial' };
const LOGISTICS = {
  id: '00000000-0000-4000-8000-000000000002',
  code: 'logistics',
  name: 'Logistique',
};

function open(partial: Partial<OpenDisputeGroup>): OpenDisputeGroup {
  return {
    cause: 'price',
    department: SALES,
    currency: 'EUR',
    bucket: '0-7',
    isOverdue: false,
    count: 1,
    amountCents: cents(10_000),
    ...partial,
  };
}

const GROUPS: OpenDisputeGroup[] = [
  open({ count: 2, amountCents: cents(30_000) }),
  open({ bucket: '16-30', isOverdue: true, count: 1, amountCents: cents(5_000) }),
  open({
    cause: 'not_delivered',
    department: LOGISTICS,
    bucket: '61+',
    isOverdue: true,
    count: 3,
    amountCents: cents(90_000),
  }),
  open({ cause: 'other', department: null, count: 1, amountCents: cents(1_000) }),
  open({ cause: 'price', currency: 'USD', department: null, count: 1, amountCents: cents(700) }),
];

describe('the open disputes', () => {
  it('by cause and currency, most first, then the larger amount', () => {
    expect(openByCause(GROUPS)).toEqual([
      { cause: 'not_delivered', count: 3, amountCents: 90_000, currency: 'EUR' },
      { cause: 'price', count: 3, amountCents: 35_000, currency: 'EUR' },
      { cause: 'other', count: 1, amountCents: 1_000, currency: 'EUR' },
      { cause: 'price', count: 1, amountCents: 700, currency: 'USD' },
    ]);
  });

  it('by department, with those past their deadline; the unrouted after the routed', () => {
    expect(openByDepartment(GROUPS)).toEqual([
      { department: LOGISTICS, count: 3, amountCents: 90_000, currency: 'EUR', overdueCount: 3 },
      { department: SALES, count: 3, amountCents: 35_000, currency: 'EUR', overdueCount: 1 },
      { department: null, count: 1, amountCents: 1_000, currency: 'EUR', overdueCount: 0 },
      { department: null, count: 1, amountCents: 700, currency: 'USD', overdueCount: 0 },
    ]);
  });

  it('by age: the five classes of each currency, the company’s first, empty ones at 0', () => {
    expect(openByAge(GROUPS, 'EUR')).toEqual([
      { bucket: '0-7', count: 3, amountCents: 31_000, currency: 'EUR' },
      { bucket: '8-15', count: 0, amountCents: 0, currency: 'EUR' },
      { bucket: '16-30', count: 1, amountCents: 5_000, currency: 'EUR' },
      { bucket: '31-60', count: 0, amountCents: 0, currency: 'EUR' },
      { bucket: '61+', count: 3, amountCents: 90_000, currency: 'EUR' },
      { bucket: '0-7', count: 1, amountCents: 700, currency: 'USD' },
      { bucket: '8-15', count: 0, amountCents: 0, currency: 'USD' },
      { bucket: '16-30', count: 0, amountCents: 0, currency: 'USD' },
      { bucket: '31-60', count: 0, amountCents: 0, currency: 'USD' },
      { bucket: '61+', count: 0, amountCents: 0, currency: 'USD' },
    ]);
  });

  it('by age with none open: the company currency’s five classes at 0', () => {
    expect(openByAge([], 'EUR').map((row) => [row.bucket, row.count])).toEqual([
      ['0-7', 0],
      ['8-15', 0],
      ['16-30', 0],
      ['31-60', 0],
      ['61+', 0],
    ]);
  });
});

describe('the resolution times', () => {
  const RESOLVED: ResolvedDisputeGroup[] = [
    { cause: 'price', department: SALES, count: 2, totalDays: 9 },
    { cause: 'price', department: null, count: 1, totalDays: 2 },
    { cause: 'quality', department: SALES, count: 1, totalDays: 20 },
    { cause: 'not_delivered', department: LOGISTICS, count: 3, totalDays: 10 },
  ];

  it('by cause: a cause’s departments together, averaged on their summed days', () => {
    expect(resolutionByCause(RESOLVED)).toEqual([
      { cause: 'not_delivered', resolvedCount: 3, averageDays: 3.3 },
      { cause: 'price', resolvedCount: 3, averageDays: 3.7 },
      { cause: 'quality', resolvedCount: 1, averageDays: 20 },
    ]);
  });

  it('by department, by name on equal counts, the never routed last', () => {
    expect(resolutionByDepartment(RESOLVED)).toEqual([
      { department: SALES, resolvedCount: 3, averageDays: 9.7 },
      { department: LOGISTICS, resolvedCount: 3, averageDays: 3.3 },
      { department: null, resolvedCount: 1, averageDays: 2 },
    ]);
  });
});

it('sums what is held back per currency, counting disputes once and invoices each', () => {
  expect(
    blockedByCurrency([
      { disputeId: 'a', currency: 'EUR', heldBackCents: cents(1_000) },
      { disputeId: 'a', currency: 'EUR', heldBackCents: cents(2_500) },
      { disputeId: 'b', currency: 'EUR', heldBackCents: cents(500) },
      { disputeId: 'c', currency: 'CHF', heldBackCents: cents(99) },
    ]),
  ).toEqual([
    { currency: 'CHF', amountCents: 99, disputeCount: 1, invoiceCount: 1 },
    { currency: 'EUR', amountCents: 4_000, disputeCount: 2, invoiceCount: 3 },
  ]);
});
