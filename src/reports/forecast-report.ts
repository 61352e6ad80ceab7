/**
 * The cash forecast and its backtest (issue 11, docs/formulas.md « Cash forecast »,
 * « Backtest »): what is expected in each of the next 13 weeks, per currency, from each
 * open invoice's predicted payment date; and the same prediction replayed as of a past
 * date, scored against what was actually paid since and against the due-date baseline.
 *
 * The ledger gives the invoices open on the date, the median delays of the invoices paid in
 * the 24 months before it (computed by the database) and, for the backtest, the day each
 * invoice was settled; the promises give the promised dates live that day. The predictions
 * and the weeks are the pure rules of forecast.ts and backtest.ts over them. Payment plans
 * do not exist yet: their instalments will come in as promises do.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { getCompany } from '../companies/service.ts';
import { openInvoicesOn, paidDelayMedians, settlementDates } from '../ledger/forecast-inputs.ts';
import { promisedDatesOn } from '../promises/promised-dates.ts';
import { addDays, addMonths, type CalendarDate } from '../shared/calendar-date.ts';
import { DomainError, fieldIssue, InvalidError, type Issue } from '../shared/errors.ts';
import { sumCents, type Cents } from '../shared/money.ts';
import { backtestForecast, type BacktestResult } from './backtest.ts';
import {
  cashForecast,
  delayModelOf,
  portfolioMedianDays,
  type DelayModel,
  type ForecastInvoice,
  type WeeklyReceipts,
} from './forecast.ts';
import { checkReportRequest } from './report-request.ts';

/** How far back the model learns: the invoices paid in the 24 months before the date. */
export const FORECAST_HISTORY_MONTHS = 24;

/** What the model was learnt from, as the reports show it. */
export type ForecastModelSummary = {
  /** The first day whose payments count: the day after `asOf` − 24 months. */
  historyFrom: CalendarDate;
  /** Invoices paid in the window, and the customers they belong to. */
  paidInvoices: number;
  customersWithHistory: number;
  /** The portfolio's median delay after the due date, one decimal (negative: early). */
  portfolioDelayDays: number;
  /** The credibility constant k of the shrinkage n / (n + k). */
  credibility: number;
};

/** The forecast in one currency: the 13 weeks, what comes later, and what is open. */
export type ForecastCurrency = Omit<WeeklyReceipts, 'weeks'> & {
  weeks: WeeklyReceipts['weeks'][number][];
  /** All that is open on the date: the weeks and `laterCents` add up to it. */
  openCents: Cents;
  invoiceCount: number;
  /** The part already past due on the date (expected from the date on, in week 1 or later). */
  overdueCents: Cents;
  /** The part under a live promise, expected on the promised date. */
  promisedCents: Cents;
};

export type ForecastReport = {
  asOf: CalendarDate;
  currencies: ForecastCurrency[];
  model: ForecastModelSummary;
};

export type ForecastReportInput = {
  /** The day the forecast is made on; the company's today by default. */
  asOf?: CalendarDate | undefined;
  currency?: string | undefined;
};

/**
 * The cash forecast as of `input.asOf` (`ledger:read`). 400 `report_invalid` with every
 * issue: a date in the future or before the first invoice, a currency the company has no
 * invoice in. Three statements besides the checks, whatever the size of the ledger.
 */
export async function forecastReport(
  deps: Deps,
  ctx: Ctx,
  input: ForecastReportInput = {},
): Promise<ForecastReport> {
  requirePermission(ctx, 'ledger:read');
  const asOf = await checkReportRequest(deps, ctx, input);
  const { invoices, model, summary } = await forecastInputs(deps, ctx, asOf, input.currency);
  const receipts = cashForecast(invoices, model, asOf);
  return {
    asOf,
    currencies: receipts.map((weekly) => {
      const own = invoices.filter((invoice) => invoice.currency === weekly.currency);
      const openOf = (chosen: readonly ForecastInvoice[]) =>
        sumCents(chosen.map((invoice) => invoice.openCents));
      return {
        ...weekly,
        weeks: [...weekly.weeks],
        openCents: openOf(own),
        invoiceCount: own.length,
        overdueCents: openOf(own.filter((invoice) => invoice.dueDate < asOf)),
        promisedCents: openOf(own.filter((invoice) => invoice.promisedOn !== undefined)),
      };
    }),
    model: summary,
  };
}

export type BacktestReportInput = {
  /** The day the forecast is replayed as of. */
  from: CalendarDate;
  /** The last day of what was actually paid; on or before today. */
  to: CalendarDate;
  currency?: string | undefined;
};

type Score = BacktestResult['model'];

export type BacktestReport = Pick<BacktestResult, 'paidInvoices' | 'unpaidInvoices'> & {
  from: CalendarDate;
  to: CalendarDate;
  model: Score & { weeklyErrors: Score['weeklyErrors'][number][] };
  baseline: Score & { weeklyErrors: Score['weeklyErrors'][number][] };
  series: { currency: string; weeks: BacktestResult['series'][number]['weeks'][number][] }[];
  /** What the model was learnt from, as of `from`. */
  history: ForecastModelSummary;
};

/**
 * The forecast's backtest (`ledger:read`): predicted as of `from` with only what was known
 * then (the payments, allocations and promises of that day), compared with the invoices
 * settled in full from then to `to`; an invoice settled later counts as unpaid. 400
 * `report_invalid` with every issue: `from` in the future or before the first invoice, `to`
 * in the future (`backtest_to_in_future`) or not after `from` (`backtest_to_not_after_from`),
 * a currency the company has no invoice in.
 */
export async function backtestReport(
  deps: Deps,
  ctx: Ctx,
  input: BacktestReportInput,
): Promise<BacktestReport> {
  requirePermission(ctx, 'ledger:read');
  const company = await getCompany(deps, ctx.companyId);
  const today = deps.clock.today(company.timeZone);
  const { from, to } = input;
  const ownIssues: Issue[] = [
    ...(to > today ? [fieldIssue('to', 'backtest_to_in_future', { date: to, today })] : []),
    ...(to <= from ? [fieldIssue('to', 'backtest_to_not_after_from', { from, to })] : []),
  ];
  await checkBacktestDate(deps, ctx, input, ownIssues);
  const { invoices, model, summary } = await forecastInputs(deps, ctx, from, input.currency);
  const settled = await settlementDates(deps.db, ctx, { asOf: to, after: from });
  const result = backtestForecast(
    invoices.map((invoice) => ({ ...invoice, actualPaidOn: settled.get(invoice.id) ?? null })),
    model,
    from,
  );
  const scored = (score: Score) => ({ ...score, weeklyErrors: [...score.weeklyErrors] });
  return {
    from,
    to,
    paidInvoices: result.paidInvoices,
    unpaidInvoices: result.unpaidInvoices,
    model: scored(result.model),
    baseline: scored(result.baseline),
    series: result.series.map((entry) => ({ currency: entry.currency, weeks: [...entry.weeks] })),
    history: summary,
  };
}

/**
 * The report's checks on `from`, the backtest's as-of date: its issues are named `from`,
 * the field the caller gave, rather than the reports' usual `asOf`.
 */
async function checkBacktestDate(
  deps: Deps,
  ctx: Ctx,
  input: BacktestReportInput,
  ownIssues: readonly Issue[],
): Promise<void> {
  try {
    await checkReportRequest(deps, ctx, { asOf: input.from, currency: input.currency }, ownIssues);
  } catch (error) {
    if (!(error instanceof DomainError) || error.reason !== 'report_invalid') {
      throw error;
    }
    throw new InvalidError(
      'report_invalid',
      {},
      error.issues.map((issue) => (issue.field === 'asOf' ? { ...issue, field: 'from' } : issue)),
    );
  }
}

/**
 * What a forecast as of `asOf` starts from: the invoices open that day with their promised
 * dates, and the model learnt from the invoices paid in the 24 months up to it.
 */
export async function forecastInputs(
  deps: Deps,
  ctx: Ctx,
  asOf: CalendarDate,
  currency: string | undefined,
): Promise<{ invoices: ForecastInvoice[]; model: DelayModel; summary: ForecastModelSummary }> {
  const after = addMonths(asOf, -FORECAST_HISTORY_MONTHS);
  const medians = await paidDelayMedians(deps.db, ctx, { asOf, after });
  const promised = await promisedDatesOn(deps.db, ctx, asOf);
  const open = await openInvoicesOn(deps.db, ctx, { asOf, currency });
  const model = delayModelOf(medians);
  return {
    invoices: open.map((invoice) => ({
      ...invoice,
      promisedOn: promised.get(invoice.id),
    })),
    model,
    summary: {
      historyFrom: addDays(after, 1),
      paidInvoices: medians.customers.reduce((sum, customer) => sum + customer.paidInvoices, 0),
      customersWithHistory: medians.customers.length,
      portfolioDelayDays: portfolioMedianDays(model),
      credibility: model.credibility,
    },
  };
}
