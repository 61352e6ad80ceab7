/**
 * A customer's payer profile (*profil payeur*): how late it pays, weighted by amount, how
 * much it pays on time, how that moves month by month, and a category A/B/C/D
 * (docs/formulas.md, "Payer profile").
 *
 * Early payment counts as **0 days late**, not negative: paying one invoice 20 days early
 * must not hide another paid 20 days late, as in most credit tools. (The cash forecast,
 * which predicts dates, counts early payment as negative: src/reports/forecast.ts.)
 *
 * Pure (HOUSE_STYLE §3).
 */
import {
  addDays,
  addMonths,
  endOfMonth,
  minDate,
  startOfMonth,
  type CalendarDate,
} from '../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../shared/errors.ts';
import type { Cents } from '../shared/money.ts';
import { daysPastDue } from './aging.ts';
import { roundRatio, sharePercent } from './rounding.ts';

/**
 * A part of an invoice and when it was settled: `paidOn` is the date of the payment or
 * credit note that settled `amountCents` (an invoice paid in two goes is two records), or
 * `null` while it is still open. A part settled after the as-of date was open on it.
 */
export type SettlementRecord = {
  readonly invoiceId: string;
  readonly currency: string;
  readonly dueDate: CalendarDate;
  readonly amountCents: Cents;
  readonly paidOn: CalendarDate | null;
};

/**
 * The payment behaviour in one currency over a window, as of a date:
 * - `weightedDaysLate`: Σ(amount × days late) ÷ Σ amount, one decimal, over the parts
 *   settled in the window (days late = payment date − due date, 0 when paid early or on
 *   the due date) and the parts still open and overdue at the as-of date, counted to it;
 * - `onTimeShareByAmount`: the share of that amount with 0 days late, in percent;
 * - `onTimeShareByCount`: the share of those invoices whose every part was on time;
 * each `null` when nothing was paid in the window and nothing is overdue.
 */
export type PaymentBehaviour = {
  readonly weightedDaysLate: number | null;
  readonly onTimeShareByAmount: number | null;
  readonly onTimeShareByCount: number | null;
};

/**
 * What the payment behaviour is computed from, summed over the parts that count (the ledger
 * sums them in SQL, src/ledger/payer-sums.ts): Σ(amount × days late), Σ amount, Σ amount of
 * the parts 0 days late, the invoices that have a part counted, and those whose every
 * counted part was 0 days late. Amounts in minor units, as BigInt: Σ amount × days
 * outgrows 2^53 on a large ledger.
 */
export type PaymentSums = {
  readonly weightedDaysCents: bigint;
  readonly amountCents: bigint;
  readonly onTimeAmountCents: bigint;
  readonly invoiceCount: number;
  readonly onTimeInvoiceCount: number;
};

/** The sums of nothing: no part counted. */
export const NO_PAYMENT_SUMS: PaymentSums = {
  weightedDaysCents: 0n,
  amountCents: 0n,
  onTimeAmountCents: 0n,
  invoiceCount: 0,
  onTimeInvoiceCount: 0,
};

/**
 * The behaviour of `records` (one customer, one currency) from `from` to `asOf`, both
 * included. Parts not yet due at `asOf` do not count: they are neither late nor paid.
 */
export function paymentBehaviour(
  records: readonly SettlementRecord[],
  from: CalendarDate,
  asOf: CalendarDate,
): PaymentBehaviour {
  return paymentBehaviourOfSums(paymentSums(records, from, asOf));
}

/**
 * The sums `paymentBehaviourOfSums` takes, over the `records` (one currency) that count from
 * `from` to `asOf`: what the ledger's statement gives for the same parts.
 */
export function paymentSums(
  records: readonly SettlementRecord[],
  from: CalendarDate,
  asOf: CalendarDate,
): PaymentSums {
  assertOneCurrency(records);
  let weightedDays = 0n;
  let amount = 0n;
  let onTimeAmount = 0n;
  const isInvoiceOnTime = new Map<string, boolean>();
  for (const record of records) {
    const days = daysLateOf(record, from, asOf);
    if (days === undefined) {
      continue;
    }
    weightedDays += BigInt(record.amountCents) * BigInt(days);
    amount += BigInt(record.amountCents);
    onTimeAmount += days === 0 ? BigInt(record.amountCents) : 0n;
    isInvoiceOnTime.set(
      record.invoiceId,
      (isInvoiceOnTime.get(record.invoiceId) ?? true) && days === 0,
    );
  }
  return {
    weightedDaysCents: weightedDays,
    amountCents: amount,
    onTimeAmountCents: onTimeAmount,
    invoiceCount: isInvoiceOnTime.size,
    onTimeInvoiceCount: [...isInvoiceOnTime.values()].filter(Boolean).length,
  };
}

/**
 * The payment behaviour of its sums: each ratio rounded once to one decimal (rounding.ts),
 * `null` over nothing (no amount, no invoice).
 */
export function paymentBehaviourOfSums(sums: PaymentSums): PaymentBehaviour {
  return {
    weightedDaysLate: weightedDaysLateOf(sums),
    onTimeShareByAmount: sharePercent(sums.onTimeAmountCents, sums.amountCents),
    onTimeShareByCount: sharePercent(BigInt(sums.onTimeInvoiceCount), BigInt(sums.invoiceCount)),
  };
}

/** Σ(amount × days late) ÷ Σ amount, one decimal; `null` over no amount. */
function weightedDaysLateOf(sums: Pick<PaymentSums, 'weightedDaysCents' | 'amountCents'>) {
  return sums.amountCents === 0n ? null : roundRatio(sums.weightedDaysCents, sums.amountCents, 1);
}

/** How many months the window of a profile covers: the 12 up to the as-of date. */
export const PAYER_WINDOW_MONTHS = 12;

/**
 * The first day of a profile's window as of `asOf`: 12 months before it, plus a day (as of
 * 3 December 2026, from 4 December 2025), so that the window holds exactly 12 months.
 */
export function payerWindowStart(asOf: CalendarDate): CalendarDate {
  return addDays(addMonths(asOf, -PAYER_WINDOW_MONTHS), 1);
}

/** How many months the trend shows: the as-of date's month and the 5 before it. */
export const PAYER_TREND_MONTHS = 6;

/** The weighted days late of one month of the trend; `month` is its first day. */
export type PayerTrendPoint = {
  readonly month: CalendarDate;
  readonly weightedDaysLate: number | null;
};

/** The first day of each month of the trend as of `asOf`, oldest first. */
export function payerTrendMonths(asOf: CalendarDate): CalendarDate[] {
  return Array.from({ length: PAYER_TREND_MONTHS }, (_, index) =>
    addMonths(startOfMonth(asOf), index - PAYER_TREND_MONTHS + 1),
  );
}

/** The last day a trend month counts to: its end, or `asOf` for the as-of date's own month. */
export function payerTrendMonthEnd(month: CalendarDate, asOf: CalendarDate): CalendarDate {
  return minDate(endOfMonth(month), asOf);
}

/**
 * The trend over the last 6 months, oldest first: for each month, `paymentBehaviour`'s
 * weighted days late of the parts settled in that month and those overdue at its end (at
 * `asOf` for the as-of date's own month, which is not over).
 */
export function payerTrend(
  records: readonly SettlementRecord[],
  asOf: CalendarDate,
): PayerTrendPoint[] {
  return payerTrendOfSums(
    asOf,
    payerTrendMonths(asOf).map((month) => ({
      month,
      sums: paymentSums(records, month, payerTrendMonthEnd(month, asOf)),
    })),
  );
}

/**
 * The trend of each month's sums (`paymentSums` from the month's first day to its end): a
 * month absent from `months` had nothing that counts.
 */
export function payerTrendOfSums(
  asOf: CalendarDate,
  months: readonly {
    month: CalendarDate;
    sums: Pick<PaymentSums, 'weightedDaysCents' | 'amountCents'>;
  }[],
): PayerTrendPoint[] {
  const byMonth = new Map(months.map(({ month, sums }) => [month, sums]));
  return payerTrendMonths(asOf).map((month) => ({
    month,
    weightedDaysLate: weightedDaysLateOf(byMonth.get(month) ?? NO_PAYMENT_SUMS),
  }));
}

/** A payer's category: A pays on time or nearly, D is the worst. */
export type PayerCategory = 'A' | 'B' | 'C' | 'D';

/**
 * The upper bounds, in weighted days late, of categories A, B and C (D is above the
 * last): A ≤ 5 days, B ≤ 15, C ≤ 30, D over 30 by default.
 */
export const DEFAULT_PAYER_THRESHOLDS: readonly number[] = [5, 15, 30];

/**
 * Checks the category thresholds, returning every broken rule at once: not exactly 3
 * (`payer_thresholds_count`), a threshold that is not a whole number of days 0 or more
 * (`payer_threshold_not_integer`), or not above the one before it
 * (`payer_thresholds_not_increasing`). Empty when they are valid.
 */
export function checkPayerThresholds(thresholds: readonly number[], field = 'thresholds'): Issue[] {
  const issues: Issue[] = [];
  if (thresholds.length !== 3) {
    issues.push(fieldIssue(field, 'payer_thresholds_count', { given: thresholds.length }));
  }
  thresholds.forEach((threshold, index) => {
    const path = `${field}.${index}`;
    if (!Number.isSafeInteger(threshold) || threshold < 0) {
      issues.push(fieldIssue(path, 'payer_threshold_not_integer', { threshold }));
    }
    const previous = thresholds[index - 1];
    if (previous !== undefined && !(threshold > previous)) {
      issues.push(fieldIssue(path, 'payer_thresholds_not_increasing', { threshold, previous }));
    }
  });
  return issues;
}

/**
 * The category of a weighted days late (one decimal, as `paymentBehaviour` gives it): A up
 * to the first threshold included, B to the second, C to the third, D above; `null` for
 * no figure. With the defaults 5,0 is A and 5,1 is B. Throws on thresholds the check refuses.
 */
export function payerCategory(
  weightedDaysLate: number | null,
  thresholds: readonly number[] = DEFAULT_PAYER_THRESHOLDS,
): PayerCategory | null {
  const issues = checkPayerThresholds(thresholds);
  if (issues.length > 0) {
    throw new RangeError(issues.map((issue) => issue.message).join('; '));
  }
  if (weightedDaysLate === null) {
    return null;
  }
  const [a = 0, b = 0, c = 0] = thresholds;
  if (weightedDaysLate <= a) {
    return 'A';
  }
  if (weightedDaysLate <= b) {
    return 'B';
  }
  return weightedDaysLate <= c ? 'C' : 'D';
}

/** A customer's payer profile in one currency: its behaviour, category and 6-month trend. */
export type PayerProfile = PaymentBehaviour & {
  readonly currency: string;
  readonly category: PayerCategory | null;
  readonly trend: readonly PayerTrendPoint[];
};

/**
 * The payer profiles of one customer's `records`, one per currency (sorted), over the
 * window `from`–`asOf`: amounts in two currencies are never weighed together.
 */
export function payerProfiles(
  records: readonly SettlementRecord[],
  options: {
    readonly from: CalendarDate;
    readonly asOf: CalendarDate;
    readonly thresholds?: readonly number[];
  },
): PayerProfile[] {
  const currencies = [...new Set(records.map((record) => record.currency))].sort();
  return currencies.map((currency) => {
    const own = records.filter((record) => record.currency === currency);
    return payerProfileOfBehaviour(
      currency,
      paymentBehaviour(own, options.from, options.asOf),
      payerTrend(own, options.asOf),
      options.thresholds,
    );
  });
}

/** A profile from its behaviour and trend: the category is the thresholds' (`payerCategory`). */
export function payerProfileOfBehaviour(
  currency: string,
  behaviour: PaymentBehaviour,
  trend: readonly PayerTrendPoint[],
  thresholds?: readonly number[],
): PayerProfile {
  return {
    currency,
    ...behaviour,
    category: payerCategory(behaviour.weightedDaysLate, thresholds),
    trend,
  };
}

/** Days late of a record that counts in the window, `undefined` when it does not count. */
function daysLateOf(
  record: SettlementRecord,
  from: CalendarDate,
  asOf: CalendarDate,
): number | undefined {
  if (record.paidOn !== null && record.paidOn <= asOf) {
    return record.paidOn >= from ? daysPastDue(record.dueDate, record.paidOn) : undefined;
  }
  return record.dueDate < asOf ? daysPastDue(record.dueDate, asOf) : undefined;
}

function assertOneCurrency(records: readonly SettlementRecord[]): void {
  if (new Set(records.map((record) => record.currency)).size > 1) {
    throw new RangeError('A payment behaviour is in one currency: use payerProfiles');
  }
}
