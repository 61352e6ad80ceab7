/**
 * The forecast's backtest: replay the past, predict as of a date with only what was known
 * then, and compare with what was actually paid, for the model and for the naive baseline
 * "paid on the due date", which the model must beat (docs/formulas.md, "Backtest").
 *
 * Pure (HOUSE_STYLE §3).
 */
import { daysBetween, maxDate, type CalendarDate } from '../shared/calendar-date.ts';
import { cents, ZERO_CENTS, type Cents } from '../shared/money.ts';
import {
  paymentDatePredictor,
  weeklyReceipts,
  type DelayModel,
  type ForecastInvoice,
  type WeeklyReceipts,
} from './forecast.ts';
import { roundRatio } from './rounding.ts';

/**
 * An invoice open at the backtest's as-of date, with its open amount then and the date it
 * was actually settled in full (`null`: still unpaid when the backtest runs).
 */
export type BacktestInvoice = ForecastInvoice & { readonly actualPaidOn: CalendarDate | null };

/**
 * How far one way of predicting was from what happened:
 * - `meanAbsoluteErrorDays`: the mean of |predicted date − actual date| over the invoices
 *   paid since, one decimal (`null` when none was);
 * - `weeklyErrors`: per currency, Σ over the 13 weeks of |predicted − actually received|
 *   that week, in money (what came in, or was expected, after week 13 is left out).
 */
export type BacktestScore = {
  readonly meanAbsoluteErrorDays: number | null;
  readonly weeklyErrors: readonly { readonly currency: string; readonly errorCents: Cents }[];
};

/**
 * « Forecast vs actual » in one currency, week by week from `asOf`'s Monday (the 13 weeks
 * of the forecast): what the model and the baseline expected, and what actually came in.
 */
export type BacktestSeries = {
  readonly currency: string;
  readonly weeks: readonly {
    readonly monday: CalendarDate;
    readonly modelCents: Cents;
    readonly baselineCents: Cents;
    readonly actualCents: Cents;
  }[];
};

/** The backtest's result: the model and the baseline scored on the same invoices. */
export type BacktestResult = {
  readonly asOf: CalendarDate;
  /** Invoices paid since `asOf`, on which the errors in days are measured. */
  readonly paidInvoices: number;
  /** Invoices still unpaid: in no week of what was actually received. */
  readonly unpaidInvoices: number;
  readonly model: BacktestScore;
  readonly baseline: BacktestScore;
  /** One per currency of the invoices (sorted). */
  readonly series: readonly BacktestSeries[];
};

/**
 * Backtests the forecast as of `asOf` with `model`, which the caller learns from the
 * invoices paid on or before `asOf` only (a later payment was not known then); promises
 * are used as the caller gives them (those live on `asOf`). The baseline predicts the due
 * date, moved to `asOf` when it is past, as the model's predictions are. Throws on an
 * invoice said to be paid before `asOf`: it was not open then.
 */
export function backtestForecast(
  invoices: readonly BacktestInvoice[],
  model: DelayModel,
  asOf: CalendarDate,
): BacktestResult {
  for (const invoice of invoices) {
    if (invoice.actualPaidOn !== null && invoice.actualPaidOn < asOf) {
      throw new RangeError(`Invoice ${invoice.id} was paid before ${asOf}: it was not open then`);
    }
  }
  const actual = weeklyReceipts(
    invoices.flatMap((invoice) =>
      invoice.actualPaidOn === null
        ? []
        : [
            {
              currency: invoice.currency,
              date: invoice.actualPaidOn,
              amountCents: invoice.openCents,
            },
          ],
    ),
    asOf,
  );
  const paidInvoices = invoices.filter((invoice) => invoice.actualPaidOn !== null).length;
  const byModel = score(invoices, actual, asOf, paymentDatePredictor(model, asOf));
  const byBaseline = score(invoices, actual, asOf, (invoice) => maxDate(invoice.dueDate, asOf));
  return {
    asOf,
    paidInvoices,
    unpaidInvoices: invoices.length - paidInvoices,
    model: byModel.score,
    baseline: byBaseline.score,
    // Every invoice is predicted, so the model's currencies are all of them.
    series: byModel.predicted.map((predicted) => {
      const baseline = byBaseline.predicted.find((entry) => entry.currency === predicted.currency);
      const received = actual.find((entry) => entry.currency === predicted.currency);
      return {
        currency: predicted.currency,
        weeks: predicted.weeks.map((week, index) => ({
          monday: week.monday,
          modelCents: week.amountCents,
          baselineCents: baseline?.weeks[index]?.amountCents ?? ZERO_CENTS,
          actualCents: received?.weeks[index]?.amountCents ?? ZERO_CENTS,
        })),
      };
    }),
  };
}

/** One way of predicting scored, with the weekly receipts it predicted. */
function score(
  invoices: readonly BacktestInvoice[],
  actual: readonly WeeklyReceipts[],
  asOf: CalendarDate,
  predict: (invoice: BacktestInvoice) => CalendarDate,
): { score: BacktestScore; predicted: WeeklyReceipts[] } {
  const predictions = invoices.map((invoice) => ({ invoice, date: predict(invoice) }));
  const errors = predictions.flatMap(({ invoice, date }) =>
    invoice.actualPaidOn === null ? [] : [Math.abs(daysBetween(invoice.actualPaidOn, date))],
  );
  const totalError = errors.reduce((sum, error) => sum + BigInt(error), 0n);
  const predicted = weeklyReceipts(
    predictions.map(({ invoice, date }) => ({
      currency: invoice.currency,
      date,
      amountCents: invoice.openCents,
    })),
    asOf,
  );
  return {
    score: {
      meanAbsoluteErrorDays:
        errors.length === 0 ? null : roundRatio(totalError, BigInt(errors.length), 1),
      weeklyErrors: predicted.map((receipts) => ({
        currency: receipts.currency,
        errorCents: weeklyError(
          receipts,
          actual.find((entry) => entry.currency === receipts.currency),
        ),
      })),
    },
    predicted,
  };
}

/** Σ over the weeks of |predicted − actual|; no actual receipts in a currency is 0 each week. */
function weeklyError(predicted: WeeklyReceipts, actual: WeeklyReceipts | undefined): Cents {
  return cents(
    predicted.weeks.reduce(
      (sum, week, index) =>
        sum + Math.abs(week.amountCents - (actual?.weeks[index]?.amountCents ?? 0)),
      0,
    ),
  );
}
