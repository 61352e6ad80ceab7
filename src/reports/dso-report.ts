/**
 * The DSO history (issue 11, docs/formulas.md « DSO »): for each of the last month ends, the
 * count-back DSO, the simple DSO, the Best Possible DSO, the average days delinquent and the
 * collection effectiveness index, per currency, for the portfolio or one customer.
 *
 * The ledger gives each month's sales, receivables and receivables not yet due in one
 * statement (`monthFigures`); the figures are the pure rules of dso.ts over them. The
 * months end on the last month end on or before the as-of date (a month still running has
 * no end yet), and a year more of months than asked is read so that the oldest month ends
 * can be exhausted.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { requireCustomer } from '../customers/service.ts';
import { monthFigures } from '../ledger/aged-balance.ts';
import {
  addDays,
  addMonths,
  endOfMonth,
  startOfMonth,
  type CalendarDate,
} from '../shared/calendar-date.ts';
import { fieldIssue } from '../shared/errors.ts';
import { cents } from '../shared/money.ts';
import { DSO_HISTORY_MONTHS, dsoHistory, type DsoFigures, type DsoMonth } from './dso.ts';
import { checkReportRequest } from './report-request.ts';

/** Months read before the first one shown, so that its receivables can be exhausted. */
const EXTRA_MONTHS = 12;
/** The most month ends a history shows: five years. */
export const MAX_DSO_MONTHS = 60;

export type DsoReportInput = {
  /** The day the history is as of; the company's today by default. */
  asOf?: CalendarDate | undefined;
  /** How many month ends (24 by default, 1 to 60). */
  months?: number | undefined;
  currency?: string | undefined;
  /** One customer's history; the portfolio's when absent. */
  customerId?: string | undefined;
};

export type DsoReport = {
  asOf: CalendarDate;
  /** The last month end shown: the last one on or before `asOf`. */
  lastMonthEnd: CalendarDate;
  /** Per currency, the figures of each month end, oldest first, with the month's inputs. */
  currencies: {
    currency: string;
    months: (DsoFigures & Omit<DsoMonth, 'month'>)[];
  }[];
};

/** The last day of the last month that has ended on or before `asOf`. */
export function lastMonthEndOf(asOf: CalendarDate): CalendarDate {
  return endOfMonth(asOf) === asOf ? asOf : addDays(startOfMonth(asOf), -1);
}

/**
 * The DSO history (`ledger:read`); 404 for a customer the company does not have. 400
 * `report_invalid` with every issue: a date in the
 * future or before the first invoice, a number of months outside 1..60
 * (`report_months_out_of_range`), a currency the company has no invoice in. Two statements
 * besides the checks, whatever the size of the ledger.
 */
export async function dsoReport(
  deps: Deps,
  ctx: Ctx,
  input: DsoReportInput = {},
): Promise<DsoReport> {
  requirePermission(ctx, 'ledger:read');
  if (input.customerId !== undefined) {
    await requireCustomer(deps, ctx, input.customerId);
  }
  const count = input.months ?? DSO_HISTORY_MONTHS;
  const asOf = await checkReportRequest(
    deps,
    ctx,
    input,
    Number.isSafeInteger(count) && count >= 1 && count <= MAX_DSO_MONTHS
      ? []
      : [fieldIssue('months', 'report_months_out_of_range', { max: MAX_DSO_MONTHS })],
  );
  const lastMonthEnd = lastMonthEndOf(asOf);
  const lastMonth = startOfMonth(lastMonthEnd);
  const firstMonth = addMonths(lastMonth, -(count + EXTRA_MONTHS - 1));
  const figures = (
    await monthFigures(deps.db, ctx, {
      from: firstMonth,
      to: lastMonth,
      customerId: input.customerId,
    })
  ).filter((row) => input.currency === undefined || row.currency === input.currency);
  const currencies = [...new Set(figures.map((row) => row.currency))].sort();
  return {
    asOf,
    lastMonthEnd,
    currencies: currencies.map((currency) => {
      const months = everyMonth(
        figures.filter((row) => row.currency === currency),
        firstMonth,
        lastMonth,
      );
      const byMonth = new Map(months.map((month) => [month.month, month]));
      return {
        currency,
        months: dsoHistory(months, count).map((figure) => {
          const { salesCents, receivablesCents, notDueCents } = byMonth.get(figure.month) ?? {
            salesCents: cents(0),
            receivablesCents: cents(0),
            notDueCents: cents(0),
          };
          return { ...figure, salesCents, receivablesCents, notDueCents };
        }),
      };
    }),
  };
}

/**
 * Every month from `first` to `last`: a month the ledger gave no row for had no sales and
 * the receivables of the month before (its running sums did not move).
 */
function everyMonth(
  rows: readonly {
    month: CalendarDate;
    salesCents: number;
    receivablesCents: number;
    notDueCents: number;
  }[],
  first: CalendarDate,
  last: CalendarDate,
): DsoMonth[] {
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  const months: DsoMonth[] = [];
  let receivables = cents(0);
  let notDue = cents(0);
  for (let month = first; month <= last; month = addMonths(month, 1)) {
    const row = byMonth.get(month);
    if (row !== undefined) {
      receivables = cents(row.receivablesCents);
      notDue = cents(row.notDueCents);
    }
    months.push({
      month,
      salesCents: cents(row?.salesCents ?? 0),
      receivablesCents: receivables,
      notDueCents: notDue,
    });
  }
  return months;
}
