import { describe, expect, it } from 'vitest';
import { calendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import { dsoTable } from './dso-export.ts';
import type { DsoReport } from './dso-report.ts';

/** One month end whose receivables outran every month read: its count-back DSO is a floor. */
const REPORT: DsoReport = {
  asOf: calendarDate('2026-03-15'),
  lastMonthEnd: calendarDate('2026-02-28'),
  currencies: [
    {
      currency: 'JPY',
      months: [
        {
          month: calendarDate('2026-02-01'),
          salesCents: cents(1_000),
          receivablesCents: cents(9_000),
          notDueCents: cents(500),
          dso: { days: 365, isExhausted: false },
          simpleDso: 270,
          bestPossibleDso: { days: 14, isExhausted: true },
          averageDaysDelinquent: 351,
          collectionEffectiveness: null,
        },
      ],
    },
  ],
};

describe('dsoTable', () => {
  it('says which count-back figure is a floor, and writes amounts in the currency’s digits', () => {
    const table = dsoTable(REPORT, 'fr');

    expect(table.rows).toEqual([
      [
        'JPY',
        '2026-02-28',
        '365.0',
        '270.0',
        '14.0',
        '351.0',
        '',
        '1000',
        '9000',
        '500',
        'Au moins (DSO (jours))\u00a0: les créances dépassent les mois lus',
      ],
    ]);
    expect(table.columns.map((column) => column.type)).toEqual([
      'text',
      'date',
      ...Array<string>(8).fill('decimal'),
      'text',
    ]);
    expect(table.totals).toEqual([]);
  });
});
