/**
 * The aged balance (*balance âgée*, issue 11, docs/formulas.md « Aged balance »): what each
 * customer had open on a date — today or any day in the past, as the ledger stood that day —
 * by bucket of days past due, with credit notes not yet applied and unapplied cash in their
 * own columns; grouped by customer, collector or risk category, one row per currency (never
 * summed across currencies), with the totals of every row.
 *
 * The ledger sums the open items per customer, currency and bucket in one statement
 * (`agedBalanceSums`); the rows are built from those sums by the pure rules of aging.ts.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { findUserDisplayNames } from '../auth/service.ts';
import { listCustomerGroupings } from '../customers/service.ts';
import { agedBalanceSums } from '../ledger/aged-balance.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { addCents, ZERO_CENTS, type Cents } from '../shared/money.ts';
import {
  agingBuckets,
  agingRowsOfSums,
  agingThresholds,
  checkAgingBounds,
  DEFAULT_AGING_BOUNDS,
  type AgingBucket,
  type AgingRow,
} from './aging.ts';
import { checkReportRequest } from './report-request.ts';

/** What the rows of an aged balance stand for. */
export const AGED_BALANCE_GROUPS = ['customer', 'collector', 'category'] as const;
export type AgedBalanceGroup = (typeof AGED_BALANCE_GROUPS)[number];

/** How the rows are ordered: most open first (default), most overdue first, by name. */
export const AGED_BALANCE_SORTS = ['open', 'overdue', 'name'] as const;
export type AgedBalanceSort = (typeof AGED_BALANCE_SORTS)[number];

export type AgedBalanceInput = {
  /** The day the balance is as of; the company's today by default. */
  asOf?: CalendarDate | undefined;
  /** The upper bounds of the late buckets but the last (`[30, 60, 90]` by default). */
  bounds?: readonly number[] | undefined;
  by?: AgedBalanceGroup | undefined;
  /** Only the rows and totals in this currency. */
  currency?: string | undefined;
  sort?: AgedBalanceSort | undefined;
  /** The most rows answered (the totals are those of every row); all when absent. */
  limit?: number | undefined;
};

/** What a row stands for: a customer (its code and name), a collector, a risk category. */
export type AgedBalanceGroupLabel = {
  /** The customer's or the collector's id, the category's code; null: no collector. */
  id: string | null;
  code: string | null;
  name: string | null;
};

export type AgedBalanceRow = AgingRow & { group: AgedBalanceGroupLabel; overdue: Cents };

export type AgedBalance = {
  asOf: CalendarDate;
  by: AgedBalanceGroup;
  buckets: AgingBucket[];
  /** How many rows there are in all, before `limit`. */
  rowCount: number;
  rows: AgedBalanceRow[];
  /** One per currency, over every row. */
  totals: (AgingRow & { overdue: Cents })[];
};

/** What every late bucket (all but "not yet due") adds up to. */
function overdueOf(row: AgingRow): Cents {
  return row.buckets.slice(1).reduce(addCents, ZERO_CENTS);
}

/**
 * The aged balance of the company as of `input.asOf` (`ledger:read`: every role). 400
 * `report_invalid` with every issue: a date in the future or before the first invoice, bucket
 * bounds not whole, positive and increasing, a currency the company has no invoice in. A
 * fixed number of statements whatever the number of customers: the sums, the first
 * document's date, and the labels of the rows shown (all rows' when grouped by collector or
 * category, or sorted by name).
 */
export async function agedBalance(
  deps: Deps,
  ctx: Ctx,
  input: AgedBalanceInput = {},
): Promise<AgedBalance> {
  requirePermission(ctx, 'ledger:read');
  const by = input.by ?? 'customer';
  const bounds = input.bounds ?? DEFAULT_AGING_BOUNDS;
  const asOf = await checkReportRequest(deps, ctx, input, checkAgingBounds(bounds));
  const buckets = agingBuckets(bounds);
  const sort = input.sort ?? 'open';
  // By customer in the order of an amount, the database orders and cuts the page itself:
  // the largest balances of 100,000 customers cost no transfer of the others.
  const isPagedBelow = by === 'customer' && sort !== 'name';
  const read = await agedBalanceSums(deps.db, ctx, {
    asOf,
    thresholds: agingThresholds(bounds),
    currency: input.currency,
    page: isPagedBelow ? { order: sort, limit: input.limit ?? null } : undefined,
  });
  const groupings = await listCustomerGroupings(
    deps.db,
    ctx,
    read.sums.map((sum) => sum.customerId),
  );
  const keyOf = (customerId: string): string => {
    const grouping = groupings.get(customerId);
    switch (by) {
      case 'customer':
        return customerId;
      case 'collector':
        return grouping?.collectorUserId ?? '';
      case 'category':
        return grouping?.riskCategory ?? '';
    }
  };
  const withOverdue = (row: AgingRow) => ({ ...row, overdue: overdueOf(row) });
  const rows = agingRowsOfSums(
    read.sums.map((sum) => ({ ...sum, key: keyOf(sum.customerId) })),
    buckets.length,
  ).map(withOverdue);
  const labels = await labelsOf(deps, ctx, by, rows, groupings);
  const ordered = sortRows(rows, sort, labels);
  const shown = input.limit === undefined ? ordered : ordered.slice(0, input.limit);
  return {
    asOf,
    by,
    buckets,
    rowCount: isPagedBelow ? read.count : rows.length,
    rows: shown.map((row) => ({
      ...row,
      group: labels.get(row.key) ?? { id: row.key || null, code: null, name: null },
    })),
    totals: agingRowsOfSums(
      read.totals.map((total) => ({ ...total, key: '' })),
      buckets.length,
    ).map(withOverdue),
  };
}

/** Each row key's label: a customer's code and name, a collector's name, a category. */
async function labelsOf(
  deps: Deps,
  ctx: Ctx,
  by: AgedBalanceGroup,
  rows: readonly AgingRow[],
  groupings: Map<string, { code: string; name: string }>,
): Promise<Map<string, AgedBalanceGroupLabel>> {
  const keys = [...new Set(rows.map((row) => row.key))];
  switch (by) {
    case 'customer':
      return new Map(
        keys.map((key) => {
          const grouping = groupings.get(key);
          return [key, { id: key, code: grouping?.code ?? null, name: grouping?.name ?? null }];
        }),
      );
    case 'collector': {
      const names = await findUserDisplayNames(
        deps,
        ctx,
        keys.filter((key) => key !== ''),
      );
      return new Map(
        keys.map((key) => [
          key,
          { id: key === '' ? null : key, code: null, name: names.get(key) ?? null },
        ]),
      );
    }
    case 'category':
      return new Map(keys.map((key) => [key, { id: key, code: key, name: null }]));
  }
}

function sortRows<T extends AgingRow & { overdue: Cents }>(
  rows: readonly T[],
  sort: AgedBalanceSort,
  labels: Map<string, AgedBalanceGroupLabel>,
): T[] {
  const nameOf = (row: T) => {
    const label = labels.get(row.key);
    return label?.code ?? label?.name ?? '';
  };
  const byName = (a: T, b: T) =>
    nameOf(a).localeCompare(nameOf(b), 'fr') ||
    a.currency.localeCompare(b.currency) ||
    a.key.localeCompare(b.key);
  switch (sort) {
    case 'open':
      return rows.toSorted((a, b) => b.invoicesOpen - a.invoicesOpen || byName(a, b));
    case 'overdue':
      return rows.toSorted((a, b) => b.overdue - a.overdue || byName(a, b));
    case 'name':
      return rows.toSorted(byName);
  }
}
