import { describe, expect, it } from 'vitest';
import {
  agedCellPath,
  agedCellQuery,
  forecastWeekPath,
  parseAgedCell,
  parseForecastBar,
} from './drill-down.ts';

describe('the drill-down address', () => {
  it('carries a cell there and back, « no collector » as none', () => {
    const path = agedCellPath({ asOf: '2026-03-15', bucket: 4, collectorId: '', currency: 'EUR' });
    expect(path).toBe('/dashboard/invoices?asOf=2026-03-15&bucket=4&collectorId=none&currency=EUR');
    const cell = parseAgedCell(new URL(path, 'http://x').searchParams);
    expect(cell).toEqual({ asOf: '2026-03-15', bucket: 4, collectorId: 'none', currency: 'EUR' });
    expect(cell === undefined ? undefined : agedCellQuery(cell, 50, 50)).toEqual({
      asOf: '2026-03-15',
      bucket: '4',
      collectorId: 'none',
      currency: 'EUR',
      offset: 50,
      limit: 50,
    });
  });

  it('names every late bucket of a month end, every collector', () => {
    const path = agedCellPath({ asOf: '2026-02-28', bucket: 'overdue', currency: 'USD' });
    expect(parseAgedCell(new URL(path, 'http://x').searchParams)).toEqual({
      asOf: '2026-02-28',
      bucket: 'overdue',
      collectorId: undefined,
      currency: 'USD',
    });
  });

  it('names no cell for a bad day, column or currency', () => {
    for (const search of [
      'asOf=2026-02-30&bucket=1&currency=EUR',
      'asOf=2026-02-28&bucket=late&currency=EUR',
      'asOf=2026-02-28&bucket=1&currency=euro',
    ]) {
      expect(parseAgedCell(new URLSearchParams(search))).toBeUndefined();
    }
  });

  it('carries a week of the forecast, or what comes later', () => {
    for (const week of ['2026-03-23', 'later']) {
      const path = forecastWeekPath({ week, currency: 'EUR' });
      expect(parseForecastBar(new URL(path, 'http://x').searchParams)).toEqual({
        week,
        currency: 'EUR',
      });
    }
    expect(parseForecastBar(new URLSearchParams('week=soon&currency=EUR'))).toBeUndefined();
  });
});
