/**
 * Days sales outstanding (*délai moyen de paiement clients*, DSO), month by month, with
 * the figures that explain it: Best Possible DSO, average days delinquent and the
 * collection effectiveness index (docs/formulas.md, "DSO").
 *
 * All amounts of one call are in **one currency** (the caller splits by currency), sales
 * include tax (*chiffre d'affaires TTC*, as receivables do). Days are exact ratios of
 * integers rounded once, half away from zero, to one decimal (`roundRatio`).
 *
 * Pure (HOUSE_STYLE §3).
 */
import {
  addMonths,
  daysInMonth,
  startOfMonth,
  toParts,
  type CalendarDate,
} from '../shared/calendar-date.ts';
import type { Cents } from '../shared/money.ts';
import { roundRatio, sharePercent } from './rounding.ts';

/** One month's sales including tax (*CA TTC*); `month` is the first day of the month. */
export type MonthSales = { readonly month: CalendarDate; readonly salesCents: Cents };

/**
 * A count-back DSO: `days` with one decimal, and whether the receivables were exhausted
 * by the months given. When they were not (`isExhausted: false`), `days` is every day of
 * the months given: a floor, the true DSO is longer.
 */
export type CountBackDso = { readonly days: number; readonly isExhausted: boolean };

/**
 * The count-back DSO (*méthode par épuisement du chiffre d'affaires*) at the end of the
 * last month of `sales` (chronological, consecutive months): from the receivables,
 * subtract each month's sales, most recent month first, adding that month's real number
 * of days (28, 29, 30 or 31); the month that exhausts them counts pro rata,
 * days × what was left / that month's sales.
 *
 * - Receivables of zero or less (a credit balance) give 0 days.
 * - A month with no sales (or negative net sales, counted as none) cannot absorb any
 *   receivables: all its days count and the walk goes on to the month before.
 * - Receivables larger than all the months given: all their days, `isExhausted: false`.
 */
export function countBackDso(receivables: Cents, sales: readonly MonthSales[]): CountBackDso {
  assertConsecutiveMonths(sales);
  let remaining = BigInt(Math.max(0, receivables));
  let fullDays = 0n;
  for (const month of sales.toReversed()) {
    if (remaining === 0n) {
      break;
    }
    const days = BigInt(monthDays(month.month));
    const monthSales = BigInt(Math.max(0, month.salesCents));
    if (remaining <= monthSales) {
      // days + full days so far, as one exact ratio: (fullDays × sales + days × left) / sales.
      const exact = roundRatio(fullDays * monthSales + days * remaining, monthSales, 1);
      return { days: exact, isExhausted: true };
    }
    remaining -= monthSales;
    fullDays += days;
  }
  return { days: Number(fullDays), isExhausted: remaining === 0n };
}

/** The months the simple DSO looks at: the last 3, the month end's own included. */
export const SIMPLE_DSO_MONTHS = 3;

/**
 * The simple DSO, for comparison with the count-back one: receivables ÷ sales of the last
 * `SIMPLE_DSO_MONTHS` (3) months × the days of those months (89 to 92), one decimal.
 * `null` when fewer than 3 months are given or they have no sales.
 */
export function simpleDso(receivables: Cents, sales: readonly MonthSales[]): number | null {
  assertConsecutiveMonths(sales);
  const period = sales.slice(-SIMPLE_DSO_MONTHS);
  if (period.length < SIMPLE_DSO_MONTHS) {
    return null;
  }
  const periodSales = period.reduce((sum, month) => sum + BigInt(month.salesCents), 0n);
  const periodDays = period.reduce((sum, month) => sum + BigInt(monthDays(month.month)), 0n);
  if (periodSales <= 0n) {
    return null;
  }
  return roundRatio(BigInt(Math.max(0, receivables)) * periodDays, periodSales, 1);
}

/**
 * The collection effectiveness index (CEI), in percent with one decimal, for one month:
 *
 *     (opening receivables + sales − closing receivables)
 *   ÷ (opening receivables + sales − closing receivables not yet due) × 100
 *
 * Convention: opening = all receivables at the previous month end, sales = the month's
 * sales incl. tax, closing = all receivables at the month end, "not yet due" = the part
 * of them whose due date is on or after the month end. 100 % means everything that
 * could be collected was. `null` when the denominator is zero or less (nothing collectable).
 */
export function collectionEffectivenessIndex(figures: {
  readonly openingCents: Cents;
  readonly salesCents: Cents;
  readonly closingCents: Cents;
  readonly closingNotDueCents: Cents;
}): number | null {
  const available = BigInt(figures.openingCents) + BigInt(figures.salesCents);
  const collectable = available - BigInt(figures.closingNotDueCents);
  if (collectable <= 0n) {
    return null;
  }
  return sharePercent(available - BigInt(figures.closingCents), collectable);
}

/**
 * What the DSO history needs of a month: its sales incl. tax, and the receivables at its
 * end with the part of them not yet due. `month` is the first day of the month.
 */
export type DsoMonth = MonthSales & {
  readonly receivablesCents: Cents;
  readonly notDueCents: Cents;
};

/**
 * The DSO figures of one month end:
 * - `dso`: count-back DSO of all receivables;
 * - `simpleDso`: the simple method, for comparison;
 * - `bestPossibleDso` (BPDSO): the same count-back on the receivables not yet due;
 * - `averageDaysDelinquent` (ADD): `dso.days − bestPossibleDso.days`, the two figures as
 *   shown (one decimal each), so the three figures on screen add up;
 * - `collectionEffectiveness`: the CEI, `null` for the first month given (no opening).
 */
export type DsoFigures = {
  readonly month: CalendarDate;
  readonly dso: CountBackDso;
  readonly simpleDso: number | null;
  readonly bestPossibleDso: CountBackDso;
  readonly averageDaysDelinquent: number;
  readonly collectionEffectiveness: number | null;
};

/** The DSO figures at the end of the last month of `months` (chronological, consecutive). */
export function dsoFigures(months: readonly DsoMonth[]): DsoFigures {
  const last = months.at(-1);
  if (last === undefined) {
    throw new RangeError('The DSO needs at least one month');
  }
  const previous = months.at(-2);
  const dso = countBackDso(last.receivablesCents, months);
  const bestPossibleDso = countBackDso(last.notDueCents, months);
  return {
    month: last.month,
    dso,
    simpleDso: simpleDso(last.receivablesCents, months),
    bestPossibleDso,
    averageDaysDelinquent: (Math.round(dso.days * 10) - Math.round(bestPossibleDso.days * 10)) / 10,
    collectionEffectiveness:
      previous === undefined
        ? null
        : collectionEffectivenessIndex({
            openingCents: previous.receivablesCents,
            salesCents: last.salesCents,
            closingCents: last.receivablesCents,
            closingNotDueCents: last.notDueCents,
          }),
  };
}

/** How many month ends the DSO history shows by default: two years. */
export const DSO_HISTORY_MONTHS = 24;

/**
 * The DSO figures of each of the last `count` (24) months of `months`, oldest first, each
 * computed on the months up to its own. Give a year more than `count` so the oldest month
 * ends can be exhausted too; those that are not say so (`isExhausted: false`).
 */
export function dsoHistory(months: readonly DsoMonth[], count = DSO_HISTORY_MONTHS): DsoFigures[] {
  const first = Math.max(0, months.length - count);
  return months.slice(first).map((_, offset) => dsoFigures(months.slice(0, first + offset + 1)));
}

function monthDays(month: CalendarDate): number {
  const { year, month: number } = toParts(month);
  return daysInMonth(year, number);
}

function assertConsecutiveMonths(sales: readonly MonthSales[]): void {
  sales.forEach((month, index) => {
    if (startOfMonth(month.month) !== month.month) {
      throw new RangeError(`A month is given by its first day: ${month.month}`);
    }
    const previous = sales[index - 1];
    if (previous !== undefined && addMonths(previous.month, 1) !== month.month) {
      throw new RangeError(`Months must follow each other: ${previous.month} then ${month.month}`);
    }
  });
}
