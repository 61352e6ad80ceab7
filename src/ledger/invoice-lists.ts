/** The invoice list, its totals and one invoice, as the API and the CLI read them. */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { NotFoundError } from '../shared/errors.ts';
import { normalizeCustomerCode } from '../shared/identifiers.ts';
import { daysLate } from './balances.ts';
import { labelCustomers, resolveCustomerCode, type WithCustomerLabel } from './customer-labels.ts';
import { presentTotal } from './list-totals.ts';
import type { Invoice } from './model.ts';
import type {
  TInvoice,
  TInvoiceListTotals,
  TInvoicePage,
  TInvoiceTotalsQuery,
  TListInvoicesQuery,
} from './schemas.ts';
import { companyToday } from './service.ts';
import { countInvoiceRows, listInvoiceRows, sumInvoiceRows } from './store.ts';

function presentInvoice(row: WithCustomerLabel<Invoice>, today: CalendarDate): TInvoice {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    customerId: row.customerId,
    customerCode: row.customerCode,
    customerName: row.customerName,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    amount: row.amountCents,
    openAmount: row.openCents,
    currency: row.currency,
    status: row.status,
    daysLate: daysLate(row, today),
  };
}

export type InvoiceFilter = Omit<TListInvoicesQuery, 'page' | 'pageSize' | 'status'> & {
  /**
   * `undefined` and `all`: every status. The API and the CLI parse their query with
   * `ZListInvoicesQuery`, whose default is `DEFAULT_INVOICE_STATUS_FILTER`.
   */
  status?: TListInvoicesQuery['status'] | undefined;
  page: number;
  /** `undefined` returns every matching row (CLI without `--limit`). */
  pageSize: number | undefined;
};

/**
 * A list's filters, normalized: the customer code in its stored form (capitals, ADR 12),
 * which `resolveCustomerCode` then turns into the customer's id for the store, an empty
 * search as none, and the day overdue is measured on.
 */
export function toInvoiceListFilter<T extends Pick<TListInvoicesQuery, 'customerCode' | 'search'>>(
  query: T,
  today: CalendarDate,
): T & { today: CalendarDate } {
  return {
    ...query,
    customerCode:
      query.customerCode === undefined || query.customerCode === ''
        ? undefined
        : normalizeCustomerCode(query.customerCode),
    search: query.search || undefined,
    today,
  };
}

/** A page of invoices and credit notes, and how many rows the filters match. */
export async function listInvoices(
  deps: Deps,
  ctx: Ctx,
  query: InvoiceFilter,
): Promise<TInvoicePage> {
  requirePermission(ctx, 'ledger:read');
  const today = await companyToday(deps, ctx);
  const filter = await resolveCustomerCode(deps, deps.db, ctx, toInvoiceListFilter(query, today));
  if (filter === undefined) {
    return { items: [], total: 0, page: query.page, pageSize: query.pageSize ?? 0 };
  }
  const [rows, total] = await Promise.all([
    listInvoiceRows(deps.db, ctx.companyId, {
      ...filter,
      limit: query.pageSize,
      offset: query.pageSize === undefined ? 0 : (query.page - 1) * query.pageSize,
    }).then((page) => labelCustomers(deps, deps.db, ctx, page)),
    countInvoiceRows(deps.db, ctx.companyId, filter),
  ]);
  return {
    items: rows.map((row) => presentInvoice(row, today)),
    total,
    page: query.page,
    pageSize: query.pageSize ?? total,
  };
}

/**
 * The totals of every row the filters match (all pages), per currency: amount, open and
 * overdue, credit notes counted negative. One aggregate statement, whatever the rows.
 */
export async function summarizeInvoices(
  deps: Deps,
  ctx: Ctx,
  query: TInvoiceTotalsQuery,
): Promise<TInvoiceListTotals> {
  requirePermission(ctx, 'ledger:read');
  const filter = await resolveCustomerCode(
    deps,
    deps.db,
    ctx,
    toInvoiceListFilter(query, await companyToday(deps, ctx)),
  );
  if (filter === undefined) {
    return { totals: [] };
  }
  const totals = await sumInvoiceRows(deps.db, ctx.companyId, filter);
  return { totals: totals.map(presentTotal) };
}

export async function getInvoice(deps: Deps, ctx: Ctx, id: string): Promise<TInvoice> {
  requirePermission(ctx, 'ledger:read');
  const today = await companyToday(deps, ctx);
  const rows = await listInvoiceRows(deps.db, ctx.companyId, {
    id,
    sort: 'number',
    order: 'asc',
    limit: 1,
    offset: 0,
    today,
  });
  const [row] = await labelCustomers(deps, deps.db, ctx, rows);
  if (!row) {
    throw new NotFoundError('invoice', id);
  }
  return presentInvoice(row, today);
}
