/**
 * The payer profiles (*profils payeurs*, issue 11, docs/formulas.md « Payer profile »): for
 * each customer and currency, its weighted days late over the 12 months up to the as-of
 * date, its on-time shares, its category A–D and its 6-month trend; for the portfolio (the
 * worst payers first) or for one customer's page.
 *
 * The ledger sums the parts per customer and currency in one statement (`payerWindowSums`),
 * the figures are the pure rule's over the sums (payer-profile.ts); the trend is read in a
 * second statement for the rows shown only, so that 100,000 customers cost six months of
 * sums for the hundred on the page, not for all.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { listCustomerGroupings, requireCustomer } from '../customers/service.ts';
import {
  payerTrendSums,
  payerWindowSums,
  type PayerSumsScope,
  type PayerTrendSums,
} from '../ledger/payer-sums.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../shared/errors.ts';
import {
  checkPayerThresholds,
  DEFAULT_PAYER_THRESHOLDS,
  payerCategory,
  payerProfileOfBehaviour,
  payerTrendMonthEnd,
  payerTrendMonths,
  payerTrendOfSums,
  payerWindowStart,
  paymentBehaviourOfSums,
  type PayerCategory,
  type PayerProfile,
  type PayerTrendPoint,
  type PaymentBehaviour,
} from './payer-profile.ts';
import { checkReportRequest } from './report-request.ts';

/** How the rows are ordered: the worst payers first (default), or by customer name. */
export const PAYER_REPORT_SORTS = ['days_late', 'name'] as const;
export type PayerReportSort = (typeof PAYER_REPORT_SORTS)[number];

/** The rows a report holds by default, and at most. */
export const DEFAULT_PAYER_REPORT_LIMIT = 100;
export const MAX_PAYER_REPORT_LIMIT = 1000;
/** The most customers a report is asked for by id (a page of the customer list). */
export const MAX_PAYER_REPORT_CUSTOMERS = 200;

export type PayerReportInput = {
  /** The day the profiles are as of; the company's today by default. */
  asOf?: CalendarDate | undefined;
  currency?: string | undefined;
  /** Only the rows of this category. */
  category?: PayerCategory | undefined;
  /** The upper bounds of categories A, B and C, in days (5, 15, 30 by default). */
  thresholds?: readonly number[] | undefined;
  sort?: PayerReportSort | undefined;
  limit?: number | undefined;
  /** Only these customers (ids, 200 at most); every customer when absent. */
  customerIds?: readonly string[] | undefined;
};

/** A customer's profile in one currency, with its code and name. */
export type PayerReportRow = PayerProfile & { customerId: string; code: string; name: string };

/** How many rows of a currency fall in each category (`none`: no figure in the window). */
export type PayerCategoryCounts = {
  currency: string;
} & Record<PayerCategory | 'none', number>;

export type PayerReport = {
  asOf: CalendarDate;
  /** The window's first day: 12 months before `asOf`, plus a day. */
  from: CalendarDate;
  thresholds: number[];
  /** Per currency, over every row before the category filter and `limit`. */
  categoryCounts: PayerCategoryCounts[];
  /** How many rows there are after the category filter, before `limit`. */
  rowCount: number;
  rows: PayerReportRow[];
};

export type CustomerPayerProfile = {
  asOf: CalendarDate;
  from: CalendarDate;
  thresholds: number[];
  customerId: string;
  code: string;
  name: string;
  /** One per currency the customer has parts in, sorted; empty without history. */
  profiles: PayerProfile[];
};

/** A row's window figures before its label and trend are read. */
type Ranked = PaymentBehaviour & {
  customerId: string;
  currency: string;
  category: PayerCategory | null;
};

/**
 * The payer profiles of the company's customers (`ledger:read`: every role), one row per
 * customer and currency with a part in the window, the worst payers first (weighted days
 * late, the customers without a figure last) or by name; at most `limit` rows (100, 1,000
 * at most), the category counts over every row. 400 `report_invalid` with every issue: a
 * date in the future or before the first invoice, a currency the company has no invoice in,
 * thresholds `checkPayerThresholds` refuses, more than 200 customer ids
 * (`payer_customers_too_many`), a limit outside 1..1000 (`payer_limit_out_of_range`). Three
 * statements besides the checks: the window's sums, the labels, the trend of the rows shown.
 */
export async function payerReport(
  deps: Deps,
  ctx: Ctx,
  input: PayerReportInput = {},
): Promise<PayerReport> {
  requirePermission(ctx, 'ledger:read');
  const thresholds = [...(input.thresholds ?? DEFAULT_PAYER_THRESHOLDS)];
  const limit = input.limit ?? DEFAULT_PAYER_REPORT_LIMIT;
  const asOf = await checkReportRequest(deps, ctx, input, [
    ...checkPayerThresholds(thresholds),
    ...payerRequestIssues(limit, input.customerIds),
  ]);
  const scope: PayerSumsScope = {
    asOf,
    from: payerWindowStart(asOf),
    customerIds: input.customerIds,
    currency: input.currency,
  };
  const sums = await payerWindowSums(deps.db, ctx, scope);
  const ranked = sums.map((sum): Ranked => {
    const behaviour = paymentBehaviourOfSums(sum);
    return {
      customerId: sum.customerId,
      currency: sum.currency,
      ...behaviour,
      category: payerCategory(behaviour.weightedDaysLate, thresholds),
    };
  });
  const chosen = ranked.filter(
    (row) => input.category === undefined || row.category === input.category,
  );
  const sort = input.sort ?? 'days_late';
  // Worst first needs no names: only the rows shown are labelled. By name, every row is.
  const groupings = await listCustomerGroupings(
    deps.db,
    ctx,
    (sort === 'name' ? chosen : sortByDaysLate(chosen).slice(0, limit)).map(
      (row) => row.customerId,
    ),
  );
  const labelled = (row: Ranked) => {
    const grouping = groupings.get(row.customerId);
    return { ...row, code: grouping?.code ?? '', name: grouping?.name ?? '' };
  };
  const shown =
    sort === 'name'
      ? sortByName(chosen.map(labelled)).slice(0, limit)
      : sortByDaysLate(chosen).slice(0, limit).map(labelled);
  const trends = await trendsOf(deps, ctx, {
    ...scope,
    customerIds: [...new Set(shown.map((row) => row.customerId))],
  });
  return {
    asOf,
    from: scope.from,
    thresholds,
    categoryCounts: countCategories(ranked),
    rowCount: chosen.length,
    rows: shown.map(({ customerId, code, name, currency, ...behaviour }) => ({
      customerId,
      code,
      name,
      ...payerProfileOfBehaviour(
        currency,
        behaviour,
        trends.get(trendKey(customerId, currency)) ?? payerTrendOfSums(asOf, []),
        thresholds,
      ),
    })),
  };
}

/**
 * One customer's payer profiles, one per currency (`ledger:read`); 404 for a customer the
 * company does not have; 400 `report_invalid` as `payerReport`. Two statements besides the
 * checks: the window's sums and the trend's.
 */
export async function customerPayerProfile(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
  input: { asOf?: CalendarDate | undefined; thresholds?: readonly number[] | undefined } = {},
): Promise<CustomerPayerProfile> {
  requirePermission(ctx, 'ledger:read');
  await requireCustomer(deps, ctx, customerId);
  const thresholds = [...(input.thresholds ?? DEFAULT_PAYER_THRESHOLDS)];
  const asOf = await checkReportRequest(deps, ctx, input, checkPayerThresholds(thresholds));
  const scope: PayerSumsScope = { asOf, from: payerWindowStart(asOf), customerIds: [customerId] };
  const sums = await payerWindowSums(deps.db, ctx, scope);
  const trends = await trendsOf(deps, ctx, scope);
  const grouping = (await listCustomerGroupings(deps.db, ctx, [customerId])).get(customerId);
  return {
    asOf,
    from: scope.from,
    thresholds,
    customerId,
    code: grouping?.code ?? '',
    name: grouping?.name ?? '',
    profiles: sums.map((sum) =>
      payerProfileOfBehaviour(
        sum.currency,
        paymentBehaviourOfSums(sum),
        trends.get(trendKey(customerId, sum.currency)) ?? payerTrendOfSums(asOf, []),
        thresholds,
      ),
    ),
  };
}

function payerRequestIssues(limit: number, customerIds: readonly string[] | undefined): Issue[] {
  return [
    ...(Number.isSafeInteger(limit) && limit >= 1 && limit <= MAX_PAYER_REPORT_LIMIT
      ? []
      : [fieldIssue('limit', 'payer_limit_out_of_range', { max: MAX_PAYER_REPORT_LIMIT })]),
    ...(customerIds !== undefined && customerIds.length > MAX_PAYER_REPORT_CUSTOMERS
      ? [
          fieldIssue('customerIds', 'payer_customers_too_many', {
            max: MAX_PAYER_REPORT_CUSTOMERS,
            given: customerIds.length,
          }),
        ]
      : []),
  ];
}

function trendKey(customerId: string, currency: string): string {
  return `${customerId} ${currency}`;
}

/** The 6-month trend of each customer and currency of the scope, read in one statement. */
async function trendsOf(
  deps: Deps,
  ctx: Ctx,
  scope: PayerSumsScope,
): Promise<Map<string, PayerTrendPoint[]>> {
  if (scope.customerIds?.length === 0) {
    return new Map();
  }
  const months = payerTrendMonths(scope.asOf).map((month) => ({
    month,
    end: payerTrendMonthEnd(month, scope.asOf),
  }));
  const sums = await payerTrendSums(deps.db, ctx, scope, months);
  const byKey = new Map<string, { month: CalendarDate; sums: PayerTrendSums }[]>();
  for (const sum of sums) {
    const key = trendKey(sum.customerId, sum.currency);
    byKey.set(key, [...(byKey.get(key) ?? []), { month: sum.month, sums: sum }]);
  }
  return new Map([...byKey].map(([key, months]) => [key, payerTrendOfSums(scope.asOf, months)]));
}

function countCategories(rows: readonly Ranked[]): PayerCategoryCounts[] {
  const counts = new Map<string, PayerCategoryCounts>();
  for (const row of rows) {
    const count = counts.get(row.currency) ?? {
      currency: row.currency,
      A: 0,
      B: 0,
      C: 0,
      D: 0,
      none: 0,
    };
    count[row.category ?? 'none'] += 1;
    counts.set(row.currency, count);
  }
  return [...counts.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** Worst first: most days late, the rows without a figure last; then by id and currency. */
function sortByDaysLate(rows: readonly Ranked[]): Ranked[] {
  return rows.toSorted(
    (a, b) =>
      (b.weightedDaysLate ?? -1) - (a.weightedDaysLate ?? -1) ||
      compareText(a.customerId, b.customerId) ||
      compareText(a.currency, b.currency),
  );
}

const nameOrder = new Intl.Collator('fr');

function sortByName<T extends Ranked & { code: string; name: string }>(rows: readonly T[]): T[] {
  return rows.toSorted(
    (a, b) =>
      nameOrder.compare(a.name, b.name) ||
      compareText(a.code, b.code) ||
      compareText(a.currency, b.currency),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
