/**
 * Where a click on a dashboard chart leads: the page of the invoices behind an aged-balance
 * cell (`/dashboard/invoices?…`) or a week of the forecast (`/dashboard/forecast?…`), its
 * address carrying the mark so that it can be shared, reloaded and printed. `collectorId` `none` is the row of the customers without one.
 */
import { parseIsoDate } from '../../../../src/shared/calendar-date.ts';
import type { QueryParams } from '../../api.ts';

/** A cell: its day, its column (a bucket's index, or every late bucket), its row, its currency. */
export type AgedCell = {
  asOf: string;
  bucket: number | 'overdue';
  /** A collector's id, `none` for the customers without one; absent: every collector. */
  collectorId?: string | undefined;
  currency: string;
};

export const AGED_CELL_PATH = '/dashboard/invoices';

export function agedCellPath(cell: AgedCell): string {
  const search = new URLSearchParams({ asOf: cell.asOf, bucket: String(cell.bucket) });
  if (cell.collectorId !== undefined) {
    search.set('collectorId', cell.collectorId === '' ? 'none' : cell.collectorId);
  }
  search.set('currency', cell.currency);
  return `${AGED_CELL_PATH}?${search.toString()}`;
}

/** The cell an address names, or `undefined` when it names none. */
export function parseAgedCell(search: URLSearchParams): AgedCell | undefined {
  const asOf = parseIsoDate(search.get('asOf') ?? '');
  const bucket = search.get('bucket') ?? '';
  const currency = search.get('currency') ?? '';
  if (
    asOf === undefined ||
    !/^(?:\d{1,3}|overdue)$/u.test(bucket) ||
    !/^[A-Z]{3}$/u.test(currency)
  ) {
    return undefined;
  }
  const collectorId = search.get('collectorId') ?? undefined;
  return {
    asOf,
    bucket: bucket === 'overdue' ? 'overdue' : Number(bucket),
    collectorId,
    currency,
  };
}

/** The drill-down's query for a page of the cell. */
export function agedCellQuery(cell: AgedCell, offset: number, limit: number): QueryParams {
  return {
    asOf: cell.asOf,
    bucket: String(cell.bucket),
    collectorId: cell.collectorId,
    currency: cell.currency,
    offset,
    limit,
  };
}

/** A bar of the forecast: a week's Monday (or `later`) and its currency. */
export type ForecastBar = { week: string; currency: string };

export const FORECAST_WEEK_PATH = '/dashboard/forecast';

export function forecastWeekPath(bar: ForecastBar): string {
  return `${FORECAST_WEEK_PATH}?${new URLSearchParams({ week: bar.week, currency: bar.currency }).toString()}`;
}

/** The bar an address names, or `undefined` when it names none. */
export function parseForecastBar(search: URLSearchParams): ForecastBar | undefined {
  const week = search.get('week') ?? '';
  const currency = search.get('currency') ?? '';
  const isWeek = week === 'later' || parseIsoDate(week) !== undefined;
  return isWeek && /^[A-Z]{3}$/u.test(currency) ? { week, currency } : undefined;
}
