/** The payment list, its totals and one payment, as the API reads them. */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { NotFoundError } from '../shared/errors.ts';
import { labelCustomers, type WithCustomerLabel } from './customer-labels.ts';
import { presentTotal } from './list-totals.ts';
import type { Payment } from './model.ts';
import type {
  TListPaymentsQuery,
  TPayment,
  TPaymentListTotals,
  TPaymentPage,
  TPaymentTotalsQuery,
} from './schemas.ts';
import {
  countPaymentRows,
  listPaymentRows,
  sumPaymentRows,
  type PaymentListFilter,
} from './store.ts';

function presentPayment(row: WithCustomerLabel<Payment>): TPayment {
  return {
    id: row.id,
    reference: row.reference,
    customerId: row.customerId,
    customerCode: row.customerCode,
    customerName: row.customerName,
    receivedOn: row.receivedOn,
    amount: row.amountCents,
    unappliedAmount: row.unappliedCents,
    currency: row.currency,
    method: row.method,
  };
}

/**
 * A payment list's filters as the store reads them: `hasUnapplied` from the query's
 * `true`/`false` to a boolean.
 */
export function toPaymentListFilter(query: TPaymentTotalsQuery): PaymentListFilter {
  return {
    customerId: query.customerId,
    receivedFrom: query.receivedFrom,
    receivedTo: query.receivedTo,
    hasUnapplied: query.hasUnapplied === undefined ? undefined : query.hasUnapplied === 'true',
  };
}

export async function listPayments(
  deps: Deps,
  ctx: Ctx,
  query: TListPaymentsQuery,
): Promise<TPaymentPage> {
  requirePermission(ctx, 'ledger:read');
  const filter = toPaymentListFilter(query);
  const [rows, total] = await Promise.all([
    listPaymentRows(deps.db, ctx.companyId, {
      ...filter,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    }).then((page) => labelCustomers(deps, deps.db, ctx, page)),
    countPaymentRows(deps.db, ctx.companyId, filter),
  ]);
  return { items: rows.map(presentPayment), total, page: query.page, pageSize: query.pageSize };
}

/**
 * The totals of every payment the filters match (all pages), per currency: received and
 * still unapplied. One aggregate statement, whatever the rows.
 */
export async function summarizePayments(
  deps: Deps,
  ctx: Ctx,
  query: TPaymentTotalsQuery,
): Promise<TPaymentListTotals> {
  requirePermission(ctx, 'ledger:read');
  const totals = await sumPaymentRows(deps.db, ctx.companyId, toPaymentListFilter(query));
  return { totals: totals.map(presentTotal) };
}

export async function getPayment(deps: Deps, ctx: Ctx, id: string): Promise<TPayment> {
  requirePermission(ctx, 'ledger:read');
  const rows = await listPaymentRows(deps.db, ctx.companyId, { id, limit: 1, offset: 0 });
  const [row] = await labelCustomers(deps, deps.db, ctx, rows);
  if (!row) {
    throw new NotFoundError('payment', id);
  }
  return presentPayment(row);
}
