import type { Ctx } from '../app/context.ts';
import type { RowSink } from '../db/bulk-copy.ts';
import type { Deps } from '../app/deps.ts';
import { readEntityEvents, recordEvents } from '../audit/service.ts';
import { requirePermission } from '../app/permissions.ts';
import { getCompany } from '../companies/service.ts';
import { normalizeCustomerCode } from '../shared/identifiers.ts';
import type { TTimelineEvent } from '../audit/schemas.ts';
import { timelineUserIds, toTimelineEvents } from '../audit/timeline.ts';
import { findUserDisplayNames } from '../auth/service.ts';
import type { Queryable } from '../db/client.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { ConflictError, NotFoundError } from '../shared/errors.ts';
import { capTotal, cents, type Cents } from '../shared/money.ts';
import { inTransaction } from '../db/transaction.ts';
import { allocateInTx, lockAllocationParties } from './allocations.ts';
import { allocationEvent } from './ledger-events.ts';
import { daysLate, toCustomerBalance, type CustomerBalance } from './balances.ts';
import { invoiceStatus, type Invoice } from './model.ts';
import type {
  TAllocation,
  TAllocationList,
  TCreateAllocationRequest,
  TInvoice,
  TInvoicePage,
  TInvoiceListTotals,
  TInvoiceTotal,
  TInvoiceTotalsQuery,
  TListInvoicesQuery,
  TListPaymentsQuery,
  TPayment,
  TPaymentPage,
} from './schemas.ts';
import {
  findAllocationForUpdate,
  listAllocationRows,
  listInvoiceRows,
  listPaymentRows,
  markAllocationUndone,
  setInvoiceOpenAmounts,
  setPaymentsUnapplied,
  countInvoiceRows,
  sumInvoiceRows,
  type AllocationListRow,
  type InvoiceListTotal,
  type InvoiceListRow,
  type PaymentListRow,
  sumCustomerOpenItems,
  copyLedgerRows,
} from './store.ts';

/**
 * Sends a fresh company's invoices, payments and allocations down a COPY sink (the demo's
 * bulk load, ADR 7), as the ledger's own inserts write them: amounts already settled, so
 * nothing is planned or checked here.
 */
export async function copyLedger(
  copy: RowSink,
  ctx: Ctx,
  rows: Parameters<typeof copyLedgerRows>[2],
): Promise<void> {
  requirePermission(ctx, 'ledger:write');
  await copyLedgerRows(copy, ctx.companyId, rows);
}

/** The company's business date (its time zone), which days late are counted at. */
export async function companyToday(deps: Deps, ctx: Ctx): Promise<CalendarDate> {
  const company = await getCompany(deps, ctx.companyId);
  return deps.clock.today(company.timeZone);
}

function presentInvoice(row: InvoiceListRow, today: CalendarDate): TInvoice {
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
 * A list's filters as the store reads them: the customer code in its stored form
 * (capitals, ADR 12), an empty search as none, and the day overdue is measured on.
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

/** A list's totals in the API's form: each capped at its bound, flagged if it was. */
function presentInvoiceTotal(total: InvoiceListTotal): TInvoiceTotal {
  const amount = capTotal(total.amount);
  const openAmount = capTotal(total.openAmount);
  const overdueAmount = capTotal(total.overdueAmount);
  return {
    currency: total.currency,
    count: total.count,
    amount: amount.amount,
    openAmount: openAmount.amount,
    overdueAmount: overdueAmount.amount,
    amountsCapped: amount.isCapped || openAmount.isCapped || overdueAmount.isCapped,
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
  const filter = toInvoiceListFilter(query, today);
  const [rows, total] = await Promise.all([
    listInvoiceRows(deps.db, ctx.companyId, {
      ...filter,
      limit: query.pageSize,
      offset: query.pageSize === undefined ? 0 : (query.page - 1) * query.pageSize,
    }),
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
  const filter = toInvoiceListFilter(query, await companyToday(deps, ctx));
  const totals = await sumInvoiceRows(deps.db, ctx.companyId, filter);
  return { totals: totals.map(presentInvoiceTotal) };
}

export async function getInvoice(deps: Deps, ctx: Ctx, id: string): Promise<TInvoice> {
  requirePermission(ctx, 'ledger:read');
  const today = await companyToday(deps, ctx);
  const [row] = await listInvoiceRows(deps.db, ctx.companyId, {
    id,
    sort: 'number',
    order: 'asc',
    limit: 1,
    offset: 0,
    today,
  });
  if (!row) {
    throw new NotFoundError('invoice', id);
  }
  return presentInvoice(row, today);
}

function presentPayment(row: PaymentListRow): TPayment {
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

export async function listPayments(
  deps: Deps,
  ctx: Ctx,
  query: TListPaymentsQuery,
): Promise<TPaymentPage> {
  requirePermission(ctx, 'ledger:read');
  const { rows, total } = await listPaymentRows(deps.db, ctx.companyId, {
    customerId: query.customerId,
    receivedFrom: query.receivedFrom,
    receivedTo: query.receivedTo,
    hasUnapplied: query.hasUnapplied === undefined ? undefined : query.hasUnapplied === 'true',
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map(presentPayment), total, page: query.page, pageSize: query.pageSize };
}

export async function getPayment(deps: Deps, ctx: Ctx, id: string): Promise<TPayment> {
  requirePermission(ctx, 'ledger:read');
  const { rows } = await listPaymentRows(deps.db, ctx.companyId, { id, limit: 1, offset: 0 });
  const row = rows[0];
  if (!row) {
    throw new NotFoundError('payment', id);
  }
  return presentPayment(row);
}

function presentAllocation(row: AllocationListRow): TAllocation {
  return {
    id: row.id,
    invoiceId: row.invoiceId,
    invoiceNumber: row.invoiceNumber,
    paymentId: row.paymentId,
    paymentReference: row.paymentReference,
    creditNoteId: row.creditNoteId,
    creditNoteNumber: row.creditNoteNumber,
    amount: row.amountCents,
    currency: row.currency,
    allocatedOn: row.allocatedOn,
    undoneAt: row.undoneAt === null ? null : row.undoneAt.toISOString(),
    undoneOn: row.undoneOn,
  };
}

export async function listAllocations(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
): Promise<TAllocationList> {
  requirePermission(ctx, 'ledger:read');
  const rows = await listAllocationRows(deps.db, ctx.companyId, { customerId });
  return { items: rows.map(presentAllocation) };
}

/**
 * The allocations that settled an invoice, or that used a credit note, undone ones
 * included (marked), newest first. NotFound for an invoice of another company.
 */
export async function listInvoiceAllocations(
  deps: Deps,
  ctx: Ctx,
  invoiceId: string,
): Promise<TAllocationList> {
  await getInvoice(deps, ctx, invoiceId);
  const rows = await listAllocationRows(deps.db, ctx.companyId, { invoiceId });
  return { items: rows.map(presentAllocation) };
}

/**
 * An invoice's audit events, newest first: its own (created, updated) and those of
 * every allocation that touched it (made, undone), from the company's audit trail.
 */
export async function getInvoiceTimeline(
  deps: Deps,
  ctx: Ctx,
  invoiceId: string,
  limit = 200,
): Promise<TTimelineEvent[]> {
  await getInvoice(deps, ctx, invoiceId);
  const allocations = await listAllocationRows(deps.db, ctx.companyId, { invoiceId });
  const events = await readEntityEvents(
    deps.db,
    ctx,
    [
      { entityType: 'invoice', entityId: invoiceId },
      ...allocations.map((allocation) => ({
        entityType: 'allocation',
        entityId: allocation.id,
      })),
    ],
    limit,
  );
  return toTimelineEvents(events, await findUserDisplayNames(deps, ctx, timelineUserIds(events)));
}

async function presentAllocationById(
  q: Queryable,
  ctx: Ctx,
  allocationId: string,
): Promise<TAllocation> {
  const [row] = await listAllocationRows(q, ctx.companyId, { allocationId });
  if (!row) {
    throw new NotFoundError('allocation', allocationId);
  }
  return presentAllocation(row);
}

/**
 * A customer's balance in the company currency at the company's today (`balances.ts`):
 * what the customer page shows, and what dunning, reports and credit limits will ask.
 */
export async function getCustomerBalance(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
): Promise<CustomerBalance> {
  requirePermission(ctx, 'ledger:read');
  const company = await getCompany(deps, ctx.companyId);
  const asOf = deps.clock.today(company.timeZone);
  const sums = await sumCustomerOpenItems(
    deps.db,
    ctx.companyId,
    customerId,
    asOf,
    company.currency,
  );
  return toCustomerBalance(company.currency, sums);
}

/**
 * An open amount moved by `delta` (an undone allocation gives it back), refused
 * outside 0…amount: the item was read under its lock, so this is a bug guard.
 */
function moveOpenAmount(item: Invoice, delta: Cents): Invoice {
  const openCents = cents(item.openCents + delta);
  if (openCents < 0 || openCents > item.amountCents) {
    throw new ConflictError('open_amount_out_of_bounds', { number: item.number });
  }
  return { ...item, openCents, status: invoiceStatus(item.amountCents, openCents) };
}

export async function allocate(
  deps: Deps,
  ctx: Ctx,
  request: TCreateAllocationRequest,
): Promise<TAllocation> {
  requirePermission(ctx, 'allocations:write');
  const today = await companyToday(deps, ctx);
  return inTransaction(deps.db, async (tx) => {
    const allocation = await allocateInTx(deps, tx, ctx, {
      invoiceId: request.invoiceId,
      paymentId: request.paymentId,
      creditNoteId: request.creditNoteId,
      amount: cents(request.amount),
      allocatedOn: (request.allocatedOn as CalendarDate | undefined) ?? today,
    });
    return presentAllocationById(tx, ctx, allocation.id);
  });
}

/**
 * Undoes an allocation: the invoice and the payment or credit note get their
 * amounts back; the allocation row stays, marked undone, for the history.
 */
export async function undoAllocation(deps: Deps, ctx: Ctx, id: string): Promise<TAllocation> {
  requirePermission(ctx, 'allocations:write');
  // Read before the transaction: on the embedded database it holds the only session.
  const today = await companyToday(deps, ctx);
  return inTransaction(deps.db, async (tx) => {
    const allocation = await findAllocationForUpdate(tx, ctx.companyId, id);
    if (!allocation) {
      throw new NotFoundError('allocation', id);
    }
    if (allocation.undoneAt !== null) {
      throw new ConflictError('allocation_already_undone', { id });
    }
    const parties = await lockAllocationParties(tx, ctx, {
      invoiceIds: [
        allocation.invoiceId,
        ...(allocation.creditNoteId ? [allocation.creditNoteId] : []),
      ],
      paymentIds: allocation.paymentId ? [allocation.paymentId] : [],
    });
    const invoice = parties.invoices.get(allocation.invoiceId);
    if (!invoice) {
      throw new NotFoundError('invoice', allocation.invoiceId);
    }
    const now = deps.clock.now();
    const reopened = [moveOpenAmount(invoice, allocation.amountCents)];
    if (allocation.paymentId) {
      const payment = parties.payments.get(allocation.paymentId);
      if (!payment) {
        throw new NotFoundError('payment', allocation.paymentId);
      }
      await setPaymentsUnapplied(tx, ctx.companyId, [
        { id: payment.id, unappliedCents: cents(payment.unappliedCents + allocation.amountCents) },
      ]);
    }
    const creditNote = allocation.creditNoteId
      ? parties.invoices.get(allocation.creditNoteId)
      : undefined;
    if (creditNote) {
      reopened.push(moveOpenAmount(creditNote, allocation.amountCents));
    }
    await setInvoiceOpenAmounts(tx, ctx.companyId, reopened, now);
    await markAllocationUndone(tx, ctx.companyId, id, { at: now, on: today });
    await recordEvents(tx, ctx, [allocationEvent('allocation.undone', parties, allocation)]);
    return presentAllocationById(tx, ctx, id);
  });
}
