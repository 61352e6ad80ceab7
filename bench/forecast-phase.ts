/**
 * The cash forecast at size (issue 11: the backtest on the demo ledger, the model's mean
 * absolute error in days beating the due-date baseline's, both printed): the use case
 * `forecastReport` as of the demo's today, timed, and `backtestReport` from 13 weeks before
 * today to today, timed, with its two errors.
 */
import { cliContext } from '../src/app/context.ts';
import type { Deps } from '../src/app/deps.ts';
import type { DemoResult } from '../src/demo/load-demo.ts';
import { backtestReport, forecastReport } from '../src/reports/forecast-report.ts';
import { addDays, type CalendarDate } from '../src/shared/calendar-date.ts';
import { measure, type Sample } from './timing.ts';

/** How far back the backtest replays the forecast: the 13 weeks it shows. */
const BACKTEST_DAYS = 13 * 7;

export type ForecastBench = {
  today: CalendarDate;
  /** Invoices open today, the forecast's input. */
  openInvoices: number;
  /** `forecastReport` as of today, every currency. */
  forecastMs: Sample;
  from: CalendarDate;
  /** Invoices open on `from` paid since, on which the errors in days are measured. */
  paidInvoices: number;
  unpaidInvoices: number;
  /** The mean absolute errors in days (null: nothing paid since). */
  modelMaeDays: number | null;
  baselineMaeDays: number | null;
  /** `backtestReport` from `from` to today. */
  backtestMs: Sample;
};

/** Times the forecast and the backtest of the demo company, and scores the backtest. */
export async function benchForecast(
  deps: Deps,
  demo: DemoResult,
  options: { runs: number; warmup: number },
): Promise<ForecastBench> {
  const ctx = cliContext(demo.company.id, 'bench');
  const today = deps.clock.today(demo.company.timeZone);
  const from = addDays(today, -BACKTEST_DAYS);
  const forecast = () => forecastReport(deps, ctx, { asOf: today });
  const backtest = () => backtestReport(deps, ctx, { from, to: today });
  const [current, result] = [await forecast(), await backtest()];
  return {
    today,
    openInvoices: current.currencies.reduce((sum, entry) => sum + entry.invoiceCount, 0),
    forecastMs: await measure(forecast, options),
    from,
    paidInvoices: result.paidInvoices,
    unpaidInvoices: result.unpaidInvoices,
    modelMaeDays: result.model.meanAbsoluteErrorDays,
    baselineMaeDays: result.baseline.meanAbsoluteErrorDays,
    backtestMs: await measure(backtest, options),
  };
}
