/**
 * The cash forecast and its backtest over HTTP (issue 11, docs/api.md « Cash forecast »).
 * Thin: parse, call the use case, answer its figures.
 */
import type { Deps } from '../app/deps.ts';
import { answer, problems } from '../http/openapi.ts';
import type { App } from '../http/types.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { backtestReport, forecastReport } from './forecast-report.ts';
import { forecastWeek } from './forecast-week.ts';
import {
  ZBacktestQuery,
  ZBacktestReport,
  ZForecastQuery,
  ZForecastReport,
  ZForecastWeek,
  ZForecastWeekQuery,
  type TBacktestReport,
  type TForecastReport,
  type TForecastWeek,
} from './forecast-schemas.ts';

const tags = ['reports'];

/** `GET /api/reports/forecast` and `/backtest`, for every staff role (`ledger:read`). */
export function registerForecastRoutes(app: App, deps: Deps): void {
  app.get(
    '/reports/forecast',
    {
      schema: {
        operationId: 'getCashForecast',
        tags,
        summary:
          'The cash forecast: what each of the next 13 weeks should bring in, per currency, from each open invoice’s predicted payment date',
        description:
          'Each open invoice is expected on its live promise’s date, else on its due date plus its customer’s typical delay (the median of its payments of the last 24 months, shrunk toward the portfolio’s), never before `asOf`. 400 `report_invalid` with every issue at once: `asOf` after the company’s today (`report_as_of_in_future`) or before its first document (`report_as_of_before_first_document`), a `currency` the company has no invoice in (`report_currency_unused`).',
        querystring: ZForecastQuery,
        response: { 200: answer('The cash forecast', ZForecastReport), ...problems(400, 401, 403) },
      },
    },
    async (request): Promise<TForecastReport> =>
      forecastReport(deps, request.ctx, {
        asOf: request.query.asOf as CalendarDate | undefined,
        currency: request.query.currency,
      }),
  );
  app.get(
    '/reports/forecast/invoices',
    {
      schema: {
        operationId: 'getCashForecastWeek',
        tags,
        summary: 'The invoices the forecast expects in one of its weeks, or later, largest first',
        description:
          'The predictions of `getCashForecast` (a promise’s date, else the due date plus the customer’s typical delay); `totals` count and sum every invoice of the week: its bar. 400 `report_invalid`: the refusals of `getCashForecast`, then a `week` that is not one of the forecast’s Mondays (`forecast_week_unknown`).',
        querystring: ZForecastWeekQuery,
        response: {
          200: answer('The invoices of the week', ZForecastWeek),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request): Promise<TForecastWeek> =>
      forecastWeek(deps, request.ctx, {
        asOf: request.query.asOf as CalendarDate | undefined,
        currency: request.query.currency,
        week: request.query.week as CalendarDate | 'later',
        limit: request.query.limit,
        offset: request.query.offset,
      }),
  );
  app.get(
    '/reports/backtest',
    {
      schema: {
        operationId: 'getForecastBacktest',
        tags,
        summary:
          'The forecast’s backtest: predicted as of `from` with what was known then, compared with what was paid up to `to`, against the due-date baseline',
        description:
          'The mean absolute error in days over the invoices paid since, the weekly error in money per currency, and the weekly series forecast vs actual. 400 `report_invalid` with every issue at once: `from` after the company’s today (`report_as_of_in_future`) or before its first document (`report_as_of_before_first_document`), `to` after today (`backtest_to_in_future`) or not after `from` (`backtest_to_not_after_from`), a `currency` the company has no invoice in (`report_currency_unused`).',
        querystring: ZBacktestQuery,
        response: {
          200: answer('The backtest', ZBacktestReport),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request): Promise<TBacktestReport> =>
      backtestReport(deps, request.ctx, {
        from: request.query.from as CalendarDate,
        to: request.query.to as CalendarDate,
        currency: request.query.currency,
      }),
  );
}
