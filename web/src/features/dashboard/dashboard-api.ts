/**
 * The dashboard's requests (issue 11): each chart asks its own report, so the quick ones
 * draw while the slow ones still compute. Every answer is parsed with the server's schemas.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ZInvoicingLag } from '../../../../src/credit/schemas.ts';
import { ZDsoReport } from '../../../../src/reports/dso-schemas.ts';
import {
  ZBacktestReport,
  ZForecastReport,
  ZForecastWeek,
} from '../../../../src/reports/forecast-schemas.ts';
import { ZAgedBalanceCell, ZPareto } from '../../../../src/reports/insight-schemas.ts';
import { ZPayerReport } from '../../../../src/reports/payer-schemas.ts';
import { ZAgedBalance } from '../../../../src/reports/schemas.ts';
import { addDays, calendarDate } from '../../../../src/shared/calendar-date.ts';
import { apiGet, type QueryParams } from '../../api.ts';

export const dashboardKeys = {
  all: ['dashboard'] as const,
  report: (path: string, query: QueryParams) => ['dashboard', path, query] as const,
};

/** The aged balance by collector, every currency (the totals cover every row). */
export function useAgedBalanceByCollector() {
  const query = { by: 'collector', limit: 1_000 } as const;
  return useQuery({
    queryKey: dashboardKeys.report('aged-balance', query),
    queryFn: ({ signal }) => apiGet('/api/reports/aged-balance', ZAgedBalance, query, signal),
  });
}

/** The DSO history of the last 12 month ends, every currency. */
export function useDsoTrend() {
  const query = { months: 12 } as const;
  return useQuery({
    queryKey: dashboardKeys.report('dso', query),
    queryFn: ({ signal }) => apiGet('/api/reports/dso', ZDsoReport, query, signal),
  });
}

/** The cash forecast of the next 13 weeks, one currency. */
export function useForecast(currency: string) {
  const query = { currency } as const;
  return useQuery({
    queryKey: dashboardKeys.report('forecast', query),
    queryFn: ({ signal }) => apiGet('/api/reports/forecast', ZForecastReport, query, signal),
    enabled: currency !== '',
  });
}

/**
 * The forecast replayed as of 13 weeks before `today` (91 days), compared week by week with
 * what came in since: « forecast vs actual ».
 */
export function useForecastVsActual(today: string, currency: string) {
  const from = today === '' ? '' : addDays(calendarDate(today), -91);
  const query = { from, to: today, currency } as const;
  return useQuery({
    queryKey: dashboardKeys.report('backtest', query),
    queryFn: ({ signal }) => apiGet('/api/reports/backtest', ZBacktestReport, query, signal),
    enabled: currency !== '' && today !== '',
    // A ledger younger than 13 weeks has no past to replay: the chart says so, no retry.
    retry: false,
  });
}

/** The 10 customers who pay the latest, weighted by amount, one currency. */
export function useWorstPayers(currency: string) {
  const query = { currency, sort: 'days_late', limit: 10 } as const;
  return useQuery({
    queryKey: dashboardKeys.report('payers', query),
    queryFn: ({ signal }) => apiGet('/api/reports/payers', ZPayerReport, query, signal),
    enabled: currency !== '',
  });
}

/**
 * The 10 largest overdue invoices, one currency: the first lines of the Pareto set of all
 * (100 %) the overdue amount, largest first.
 */
export function useLargestOverdue(currency: string) {
  const query = { currency, of: 'invoices', share: 100, limit: 10 } as const;
  return useQuery({
    queryKey: dashboardKeys.report('pareto', query),
    queryFn: ({ signal }) => apiGet('/api/reports/pareto', ZPareto, query, signal),
    enabled: currency !== '',
  });
}

/**
 * The days from delivery to invoice over the last 90 days (the server's default period):
 * overall, by band, and the customers invoiced the latest (issue 12).
 */
export function useInvoicingLag() {
  const query = {} as const;
  return useQuery({
    queryKey: dashboardKeys.report('invoicing-lag', query),
    queryFn: ({ signal }) => apiGet('/api/reports/invoicing-lag', ZInvoicingLag, query, signal),
  });
}

/** A page of the invoices behind an aged-balance cell. */
export function useAgedCell(query: QueryParams) {
  return useQuery({
    queryKey: dashboardKeys.report('aged-cell', query),
    queryFn: ({ signal }) =>
      apiGet('/api/reports/aged-balance/invoices', ZAgedBalanceCell, query, signal),
    placeholderData: keepPreviousData,
  });
}

/** A page of the invoices the forecast expects in a week (or later). */
export function useForecastWeek(query: QueryParams) {
  return useQuery({
    queryKey: dashboardKeys.report('forecast-week', query),
    queryFn: ({ signal }) => apiGet('/api/reports/forecast/invoices', ZForecastWeek, query, signal),
    placeholderData: keepPreviousData,
  });
}
