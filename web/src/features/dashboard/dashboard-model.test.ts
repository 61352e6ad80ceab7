import { describe, expect, it } from 'vitest';
import type { TDsoReport } from '../../../../src/reports/dso-schemas.ts';
import type { TAgedBalance } from '../../../../src/reports/schemas.ts';
import {
  agedBars,
  agedSeries,
  chartCents,
  chartDayLabel,
  chartMonthLabel,
  chartValue,
  dashboardCurrencies,
  dsoPoints,
  LAG_CUSTOMERS,
  lagBands,
  latestInvoiced,
  receivableFigures,
  type TInvoicingLag,
} from './dashboard-model.ts';

const total = (currency: string, invoicesOpen: number, overdue: number) => ({
  currency,
  buckets: [invoicesOpen - overdue, overdue, 0],
  invoicesOpen,
  overdue,
  creditNotesOpen: 1_000,
  unappliedCash: 500,
  net: invoicesOpen - 1_500,
});

const BALANCE: TAgedBalance = {
  asOf: '2026-03-15',
  by: 'collector',
  buckets: [
    { minDaysLate: 0, maxDaysLate: 0 },
    { minDaysLate: 1, maxDaysLate: 30 },
    { minDaysLate: 31, maxDaysLate: null },
  ],
  rowCount: 3,
  rows: [
    { group: { id: null, code: null, name: null }, ...total('EUR', 50_000, 20_000) },
    { group: { id: 'u1', code: null, name: 'Léa' }, ...total('EUR', 12_345, 345) },
    { group: { id: 'u1', code: null, name: 'Léa' }, ...total('JPY', 9_000, 0) },
  ],
  totals: [total('JPY', 9_000, 0), total('EUR', 62_345, 20_345), total('CHF', 62_345, 0)],
};

describe('the dashboard model', () => {
  it('puts an amount on the axis in major units and back to the exact minor units', () => {
    expect(chartValue(123_456, 'EUR')).toBe(1_234.56);
    expect(chartValue(1_234, 'JPY')).toBe(1_234);
    expect(chartCents(1_234.56, 'EUR')).toBe(123_456);
    expect(chartCents(0.1 + 0.2, 'EUR')).toBe(30);
  });

  it('opens on the currency with the most open, ties by code', () => {
    expect(dashboardCurrencies(BALANCE.totals)).toEqual(['CHF', 'EUR', 'JPY']);
  });

  it('gives the headline figures of a total, the overdue share of what is open', () => {
    expect(receivableFigures(total('EUR', 40_000, 10_000))).toEqual({
      currency: 'EUR',
      openCents: 40_000,
      overdueCents: 10_000,
      notDueCents: 30_000,
      overdueShare: 0.25,
      creditNotesCents: 1_000,
      unappliedCashCents: 500,
      netCents: 38_500,
    });
    expect(receivableFigures(total('EUR', 0, 0)).overdueShare).toBeNull();
  });

  it('stacks one currency’s rows, a series per bucket, green when not due', () => {
    expect(agedBars(BALANCE, 'EUR', (row) => row.group.name ?? 'Sans chargé')).toEqual([
      { key: '', label: 'Sans chargé', bucket0: 300, bucket1: 200, bucket2: 0 },
      { key: 'u1', label: 'Léa', bucket0: 120, bucket1: 3.45, bucket2: 0 },
    ]);
    expect(agedSeries(BALANCE, (bucket) => String(bucket.minDaysLate))).toEqual([
      { name: 'bucket0', label: '0', color: 'teal.6' },
      { name: 'bucket1', label: '1', color: 'yellow.5' },
      { name: 'bucket2', label: '31', color: 'orange.5' },
    ]);
  });

  it('draws the DSO from the first month with sales or receivables, at each month end', () => {
    const month = (first: string, sales: number, receivables: number, days: number) => ({
      month: first,
      salesCents: sales,
      receivablesCents: receivables,
      notDueCents: 0,
      dso: { days, isExhausted: true },
      simpleDso: null,
      bestPossibleDso: { days: 10, isExhausted: true },
      averageDaysDelinquent: days - 10,
      collectionEffectiveness: null,
    });
    const report: TDsoReport = {
      asOf: '2026-03-15',
      lastMonthEnd: '2026-02-28',
      currencies: [
        {
          currency: 'EUR',
          months: [
            month('2025-12-01', 0, 0, 0),
            month('2026-01-01', 100, 100, 31),
            month('2026-02-01', 0, 100, 59),
          ],
        },
      ],
    };
    expect(dsoPoints(report, 'EUR')).toEqual([
      {
        monthEnd: '2026-01-31',
        dso: 31,
        bestPossibleDso: 10,
        averageDaysDelinquent: 21,
        isExhausted: true,
      },
      {
        monthEnd: '2026-02-28',
        dso: 59,
        bestPossibleDso: 10,
        averageDaysDelinquent: 49,
        isExhausted: true,
      },
    ]);
    expect(dsoPoints(report, 'USD')).toEqual([]);
  });

  it('labels the axes short, in the reader’s language', () => {
    expect(chartDayLabel('2026-12-07', 'fr')).toBe('07/12');
    expect(chartDayLabel('2026-12-07', 'en')).toBe('7 Dec');
    expect(chartMonthLabel('2026-02-28', 'en')).toBe('Feb 26');
  });
});

describe('the invoicing lag card', () => {
  const bands = (counts: number[]) =>
    [2, 7, 15, 30, null].map((upToDays, index) => ({ upToDays, links: counts[index] ?? 0 }));

  it('turns the server’s upper bounds into ranges, the first from day 0, the last open', () => {
    expect(lagBands(bands([2, 0, 1, 1, 3]))).toEqual([
      { fromDays: 0, toDays: 2, links: 2 },
      { fromDays: 3, toDays: 7, links: 0 },
      { fromDays: 8, toDays: 15, links: 1 },
      { fromDays: 16, toDays: 30, links: 1 },
      { fromDays: 31, toDays: null, links: 3 },
    ]);
    expect(lagBands([])).toEqual([]);
  });

  const customer = (code: string, meanDays: number | null) => ({
    customerId: `00000000-0000-4000-8000-0000000000${code.slice(-2)}`,
    code,
    name: `Client ${code}`,
    links: meanDays === null ? 0 : 1,
    meanDays,
    bands: bands([]),
  });
  const lag = (customers: TInvoicingLag['customers']): TInvoicingLag => ({
    from: '2025-12-15',
    to: '2026-03-15',
    overall: { links: customers.length, meanDays: 8, bands: bands([]) },
    customers,
  });

  it.each<[string, (number | null)[], string[]]>([
    [
      'the first five, in the server’s order',
      [26, 20, 15, 9, 4, 2, 1],
      ['C01', 'C02', 'C03', 'C04', 'C05'],
    ],
    ['fewer than five', [10, 0], ['C01', 'C02']],
    ['without a mean, left out', [10, null], ['C01']],
    ['none', [], []],
  ])('names %s', (_, means, expected) => {
    const given = lag(means.map((mean, index) => customer(`C0${index + 1}`, mean)));
    const named = latestInvoiced(given).map((entry) => entry.code);
    expect(named).toEqual(expected);
    expect(named.length).toBeLessThanOrEqual(LAG_CUSTOMERS);
  });
});
