/**
 * The cash forecast (*prévision d'encaissements*): when each open invoice will be paid,
 * and how much comes in each week of the next 13 (docs/formulas.md, "Cash forecast").
 *
 * - A customer's **typical delay** is the **median** of its paid invoices' delays
 *   (payment date − due date, in days, **negative when paid early**: we predict a date, so
 *   early payers are predicted early). The median, not an amount-weighted mean, so one
 *   invoice held up by a dispute does not move every prediction, and no amounts in
 *   different currencies are ever weighed together.
 * - With little history it is **shrunk toward the portfolio's** median delay, by the
 *   credibility weight n / (n + k), n the customer's paid invoices, k = 5:
 *   delay = (n × customer median + k × portfolio median) / (n + k), rounded once, half
 *   away from zero, to whole days. No history at all: the portfolio's; none in the
 *   portfolio either: 0 (paid on the due date).
 *
 * Pure (HOUSE_STYLE §3).
 */
import {
  addDays,
  daysBetween,
  maxDate,
  toDayNumber,
  type CalendarDate,
} from '../shared/calendar-date.ts';
import { addCents, ZERO_CENTS, type Cents } from '../shared/money.ts';
import { roundRatio } from './rounding.ts';

/** The credibility constant k: a customer with 5 paid invoices is trusted half. */
export const CREDIBILITY_PAID_INVOICES = 5;

/** A paid invoice of the history: its customer, due date and the date it was paid. */
export type PaidInvoice = {
  readonly customerId: string;
  readonly dueDate: CalendarDate;
  readonly paidOn: CalendarDate;
};

/**
 * The delays learnt from the history: each median kept exactly as twice its value (the
 * median of an even count is half-way between two days).
 */
export type DelayModel = {
  readonly portfolioTwiceMedian: number;
  readonly customers: ReadonlyMap<
    string,
    { readonly twiceMedian: number; readonly paidInvoices: number }
  >;
  readonly credibility: number;
};

/**
 * The medians a delay model is made of, each kept as twice its value: the portfolio's, and
 * each customer's with its number of paid invoices. What `buildDelayModel` computes from
 * the paid invoices, and what the ledger computes in SQL at size (src/ledger/forecast-inputs.ts:
 * the lower and the upper middle added, `percentile_disc(0.5)` both ways, is `twiceMedian`).
 */
export type DelayMedians = {
  readonly portfolioTwiceMedian: number;
  readonly customers: readonly {
    readonly customerId: string;
    readonly twiceMedian: number;
    readonly paidInvoices: number;
  }[];
};

/** The delay model of `medians`, with the credibility constant `credibility` (k). */
export function delayModelOf(
  medians: DelayMedians,
  credibility = CREDIBILITY_PAID_INVOICES,
): DelayModel {
  if (!Number.isSafeInteger(credibility) || credibility <= 0) {
    throw new RangeError(`The credibility constant is a whole number above 0: ${credibility}`);
  }
  return {
    portfolioTwiceMedian: medians.portfolioTwiceMedian,
    customers: new Map(
      medians.customers.map(({ customerId, twiceMedian, paidInvoices }) => [
        customerId,
        { twiceMedian, paidInvoices },
      ]),
    ),
    credibility,
  };
}

/** Learns the median delays of the customers and of the whole portfolio from `history`. */
export function buildDelayModel(
  history: readonly PaidInvoice[],
  credibility = CREDIBILITY_PAID_INVOICES,
): DelayModel {
  const delays = new Map<string, number[]>();
  for (const invoice of history) {
    const own = delays.get(invoice.customerId) ?? [];
    own.push(daysBetween(invoice.dueDate, invoice.paidOn));
    delays.set(invoice.customerId, own);
  }
  const all = history.map((invoice) => daysBetween(invoice.dueDate, invoice.paidOn));
  return delayModelOf(
    {
      portfolioTwiceMedian: all.length === 0 ? 0 : twiceMedian(all),
      customers: [...delays].map(([customerId, own]) => ({
        customerId,
        twiceMedian: twiceMedian(own),
        paidInvoices: own.length,
      })),
    },
    credibility,
  );
}

/** The portfolio's median delay in days, one decimal (4.5: half-way between 4 and 5). */
export function portfolioMedianDays(model: DelayModel): number {
  return roundRatio(BigInt(model.portfolioTwiceMedian), 2n, 1);
}

/**
 * The typical delay of `customerId`, in whole days after the due date (negative: before):
 * its median shrunk toward the portfolio's by n / (n + k).
 */
export function typicalDelayDays(model: DelayModel, customerId: string): number {
  const customer = model.customers.get(customerId);
  const n = BigInt(customer?.paidInvoices ?? 0);
  const k = BigInt(model.credibility);
  const customerTwice = BigInt(customer?.twiceMedian ?? 0);
  const portfolioTwice = BigInt(model.portfolioTwiceMedian);
  return roundRatio(n * customerTwice + k * portfolioTwice, 2n * (n + k), 0);
}

/** What the forecast needs of an open invoice; `promisedOn` is a payment promise's date. */
export type ForecastInvoice = {
  readonly id: string;
  readonly customerId: string;
  readonly currency: string;
  readonly dueDate: CalendarDate;
  readonly openCents: Cents;
  readonly promisedOn?: CalendarDate | undefined;
};

/**
 * The date an invoice is expected to be paid, seen at `asOf`: the promise's date when there
 * is one, else due date + the customer's typical delay; never before `asOf` (money still
 * open does not arrive in the past: an overdue prediction, or a broken promise, moves to
 * `asOf`). The predictor works each customer's typical delay out once, for the many
 * invoices of a forecast.
 */
export function paymentDatePredictor(
  model: DelayModel,
  asOf: CalendarDate,
): (invoice: ForecastInvoice) => CalendarDate {
  const delays = new Map<string, number>();
  const delayOf = (customerId: string) => {
    const known = delays.get(customerId);
    if (known !== undefined) {
      return known;
    }
    const delay = typicalDelayDays(model, customerId);
    delays.set(customerId, delay);
    return delay;
  };
  return (invoice) =>
    maxDate(invoice.promisedOn ?? addDays(invoice.dueDate, delayOf(invoice.customerId)), asOf);
}

export const FORECAST_WEEKS = 13;

/** An amount expected (or received) on a date, in a currency. */
export type DatedAmount = {
  readonly currency: string;
  readonly date: CalendarDate;
  readonly amountCents: Cents;
};

/**
 * Receipts per week in one currency: `weeks[0]` is the week of the as-of date, from its
 * Monday (*semaine du lundi au dimanche*), then 12 more; `laterCents` is what comes after
 * the 13th week's Sunday, so the weeks and `laterCents` add up to all that is expected.
 * `invoiceCount` counts the amounts summed (one per invoice).
 */
export type WeeklyReceipts = {
  readonly currency: string;
  readonly weeks: readonly {
    readonly monday: CalendarDate;
    readonly amountCents: Cents;
    readonly invoiceCount: number;
  }[];
  readonly laterCents: Cents;
  readonly laterInvoiceCount: number;
};

/**
 * Sums `amounts` per week for the 13 weeks from `asOf`'s week, one `WeeklyReceipts` per
 * currency (sorted). An amount dated before `asOf`'s Monday is a bug and throws.
 */
export function weeklyReceipts(
  amounts: readonly DatedAmount[],
  asOf: CalendarDate,
): WeeklyReceipts[] {
  const firstMonday = mondayOf(asOf);
  const weekOf = forecastWeekIndexer(asOf);
  const currencies = [...new Set(amounts.map((amount) => amount.currency))].sort();
  return currencies.map((currency) => {
    const weeks = Array.from({ length: FORECAST_WEEKS }, (_, index) => ({
      monday: addDays(firstMonday, index * 7),
      amountCents: ZERO_CENTS,
      invoiceCount: 0,
    }));
    let laterCents = ZERO_CENTS;
    let laterInvoiceCount = 0;
    for (const amount of amounts.filter((entry) => entry.currency === currency)) {
      const index = weekOf(amount.date);
      if (index < 0) {
        throw new RangeError(`A receipt on ${amount.date} is before the forecast of ${asOf}`);
      }
      const week = weeks[index];
      if (week === undefined) {
        laterCents = addCents(laterCents, amount.amountCents);
        laterInvoiceCount += 1;
      } else {
        week.amountCents = addCents(week.amountCents, amount.amountCents);
        week.invoiceCount += 1;
      }
    }
    return { currency, weeks, laterCents, laterInvoiceCount };
  });
}

/** The cash forecast at `asOf`: each open invoice at its predicted date, summed per week. */
export function cashForecast(
  invoices: readonly ForecastInvoice[],
  model: DelayModel,
  asOf: CalendarDate,
): WeeklyReceipts[] {
  const predict = paymentDatePredictor(model, asOf);
  return weeklyReceipts(
    invoices.map((invoice) => ({
      currency: invoice.currency,
      date: predict(invoice),
      amountCents: invoice.openCents,
    })),
    asOf,
  );
}

/**
 * The week of the forecast as of `asOf` that a date falls in: 0 for `asOf`'s own week (from
 * its Monday), up to 12; `FORECAST_WEEKS` or more is later; below 0, before the forecast.
 * The Monday is worked out once, for the many dates of a forecast.
 */
export function forecastWeekIndexer(asOf: CalendarDate): (date: CalendarDate) => number {
  const firstDay = toDayNumber(mondayOf(asOf));
  return (date) => Math.floor((toDayNumber(date) - firstDay) / 7);
}

/** The Monday on or before `date`; 1970-01-01, day 0, was a Thursday (day 4 a Monday). */
export function mondayOf(date: CalendarDate): CalendarDate {
  const sinceMonday = (((toDayNumber(date) - 4) % 7) + 7) % 7;
  return addDays(date, -sinceMonday);
}

/** Twice the median of `values` (not empty): the middle one × 2, or the two middle ones added. */
function twiceMedian(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper * 2 : (sorted[middle - 1] ?? 0) + upper;
}
