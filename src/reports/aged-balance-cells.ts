/**
 * The drill-down of the aged balance (issue 11, docs/formulas.md « Aged balance »): the
 * documents behind one cell — the invoices of a bucket, the credit notes not yet applied or
 * the payments not yet applied — of every customer, of one customer, of a collector's or of a
 * risk category's, with what each had open on the as-of date. Their sum per currency is the
 * cell of `agedBalance` with the same date and buckets.
 *
 * The ledger reads the page and the sums in one statement (`listAgedItems`); a collector's
 * or a category's customers are one question to the customers before it, and the page's
 * customers are named with one more.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { listCustomerIdsInGroup, type CustomerGroup } from '../customers/group-members.ts';
import {
  listAgedItems,
  type AgedItem,
  type AgedItemSort,
  type AgedItemsColumn,
  type AgedItemsTotal,
} from '../ledger/aged-items.ts';
import { labelCustomers, type WithCustomerLabel } from '../ledger/customer-labels.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../shared/errors.ts';
import {
  agingBuckets,
  agingThresholds,
  checkAgingBounds,
  daysPastDue,
  DEFAULT_AGING_BOUNDS,
  type AgingBucket,
} from './aging.ts';
import { checkReportRequest } from './report-request.ts';

/**
 * A cell's column: a bucket's index in `agingBuckets` (0: not yet due), every late bucket at
 * once (`overdue`: the « Échu » column, where the dashboard's DSO leads), or a column's name.
 */
export type AgedBalanceCellColumn = number | 'overdue' | 'credit_notes' | 'unapplied_cash';

export type AgedBalanceCellInput = {
  asOf?: CalendarDate | undefined;
  bounds?: readonly number[] | undefined;
  cell: AgedBalanceCellColumn;
  /** The row the cell is on: one customer, a collector (`none`: the customers without one), a category. */
  customerId?: string | undefined;
  collectorId?: string | undefined;
  category?: string | undefined;
  currency?: string | undefined;
  sort?: AgedItemSort | undefined;
  limit: number;
  offset?: number | undefined;
};

/** A document of the cell, with its customer and how late it was on the as-of date. */
export type AgedBalanceCellItem = WithCustomerLabel<AgedItem> & {
  /** An invoice's days past due on the as-of date (0: not yet due); null for the others. */
  daysPastDue: number | null;
};

export type AgedBalanceCell = {
  asOf: CalendarDate;
  buckets: AgingBucket[];
  cell: AgedBalanceCellColumn;
  items: AgedBalanceCellItem[];
  /** Per currency, every document of the cell (not only the page): the cell's figure. */
  totals: AgedItemsTotal[];
};

/**
 * The documents behind a cell of the aged balance as of `input.asOf` (`ledger:read`). 400
 * `report_invalid` with every issue at once: the aged balance's (date, buckets, currency),
 * a bucket index past the last (`aged_balance_cell_out_of_range`), more than one of
 * `customerId`, `collectorId`, `category` (`aged_balance_cell_one_row`).
 */
export async function agedBalanceCell(
  deps: Deps,
  ctx: Ctx,
  input: AgedBalanceCellInput,
): Promise<AgedBalanceCell> {
  requirePermission(ctx, 'ledger:read');
  const bounds = input.bounds ?? DEFAULT_AGING_BOUNDS;
  const boundIssues = checkAgingBounds(bounds);
  const issues: Issue[] = [...boundIssues];
  if (typeof input.cell === 'number' && boundIssues.length === 0) {
    const last = bounds.length + 1;
    if (!Number.isSafeInteger(input.cell) || input.cell < 0 || input.cell > last) {
      issues.push(fieldIssue('bucket', 'aged_balance_cell_out_of_range', { last }));
    }
  }
  const rows = [input.customerId, input.collectorId, input.category].filter(
    (row) => row !== undefined,
  );
  if (rows.length > 1) {
    issues.push(fieldIssue('customerId', 'aged_balance_cell_one_row'));
  }
  const asOf = await checkReportRequest(deps, ctx, input, issues);
  const group = groupOf(input);
  const customerIds =
    input.customerId !== undefined
      ? [input.customerId]
      : group === undefined
        ? undefined
        : await listCustomerIdsInGroup(deps.db, ctx, group);
  const read = await listAgedItems(
    deps.db,
    ctx,
    {
      asOf,
      thresholds: agingThresholds(bounds),
      column: columnOf(input.cell),
      currency: input.currency,
      customerIds,
    },
    { sort: input.sort ?? 'open', limit: input.limit, offset: input.offset ?? 0 },
  );
  const items = await labelCustomers(deps, deps.db, ctx, read.items);
  return {
    asOf,
    buckets: agingBuckets(bounds),
    cell: input.cell,
    items: items.map((item) => ({
      ...item,
      daysPastDue: item.dueDate === null ? null : daysPastDue(item.dueDate, asOf),
    })),
    totals: read.totals,
  };
}

function groupOf(input: AgedBalanceCellInput): CustomerGroup | undefined {
  if (input.collectorId !== undefined) {
    return { collectorId: input.collectorId === 'none' ? null : input.collectorId };
  }
  return input.category === undefined ? undefined : { category: input.category };
}

function columnOf(cell: AgedBalanceCellColumn): AgedItemsColumn {
  return typeof cell === 'number' ? { column: 'bucket', index: cell } : { column: cell };
}
