import type { Ctx } from '../app/context.ts';
import type { RowSink } from '../db/bulk-copy.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { getCompany } from '../companies/service.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { toCustomerBalance, type CustomerBalance } from './balances.ts';
import type { Queryable } from '../db/client.ts';
import {
  copyLedgerRows,
  findInvoicesByIds,
  listInvoiceRows,
  findInvoicesByKeys,
  listCustomerIdsWithOpenInvoices,
  listOpenInvoicesWithSettlements,
  sumCustomerCredits,
  type CustomerCredits,
  sumCustomerOpenItems,
  sumSettlementsOfInvoices,
  type InvoiceDaySettlement,
  type OpenInvoiceWithSettlements,
} from './store.ts';

export type { CustomerCredits, InvoiceDaySettlement, OpenInvoiceWithSettlements } from './store.ts';
import type { Invoice } from './model.ts';

export type { Invoice } from './model.ts';

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
 * The open invoices of `customerIds`, oldest due first, each with its live allocations as
 * settlements (the day and amount): what dunning lists in a message and counts the
 * late-payment penalties from. Read on `q`, in two statements for any number of customers.
 */
export async function listOpenInvoicesOfCustomers(
  q: Queryable,
  ctx: Ctx,
  customerIds: readonly string[],
  options: { forShare?: boolean } = {},
): Promise<OpenInvoiceWithSettlements[]> {
  requirePermission(ctx, 'ledger:read');
  return listOpenInvoicesWithSettlements(q, ctx.companyId, customerIds, options);
}

/** The next `limit` customers (by id, after `after`) with an open invoice, in one statement. */
export async function listCustomersWithOpenInvoices(
  q: Queryable,
  ctx: Ctx,
  after: string | null,
  limit: number,
): Promise<string[]> {
  requirePermission(ctx, 'ledger:read');
  return listCustomerIdsWithOpenInvoices(q, ctx.companyId, after, limit);
}

/** The unapplied payments and open credit notes of `customerIds`, by currency. */
export async function listCustomerCredits(
  q: Queryable,
  ctx: Ctx,
  customerIds: readonly string[],
): Promise<CustomerCredits[]> {
  requirePermission(ctx, 'ledger:read');
  return sumCustomerCredits(q, ctx.companyId, customerIds);
}

/** Invoices and credit notes by id (those of the company found; no lock), in one statement. */
export async function listInvoicesByIds(
  q: Queryable,
  ctx: Ctx,
  invoiceIds: readonly string[],
): Promise<Invoice[]> {
  requirePermission(ctx, 'ledger:read');
  return findInvoicesByIds(q, ctx.companyId, invoiceIds);
}

/**
 * What was settled on each of `invoiceIds` from `window.from` to `window.to` (both
 * included): its live allocations, from payments and credit notes alike (an undone one
 * left out), summed per invoice and day, so that a caller counting several windows at once
 * (payment promises) reads them in one statement whatever the number of invoices.
 */
export async function listSettlementsOfInvoices(
  q: Queryable,
  ctx: Ctx,
  invoiceIds: readonly string[],
  window: { from: CalendarDate; to: CalendarDate },
): Promise<InvoiceDaySettlement[]> {
  requirePermission(ctx, 'ledger:read');
  return sumSettlementsOfInvoices(q, ctx.companyId, invoiceIds, window);
}

/** Invoices (not credit notes) by number, those of the company found, in one statement. */
export async function listInvoicesByNumbers(
  q: Queryable,
  ctx: Ctx,
  numbers: readonly string[],
): Promise<Invoice[]> {
  requirePermission(ctx, 'ledger:read');
  return findInvoicesByKeys(
    q,
    ctx.companyId,
    numbers.map((number) => ({ kind: 'invoice' as const, number })),
  );
}

/**
 * A customer's open invoices and credit notes (something left open on each), by due date
 * then number, in one statement: what the customer's portal lists (docs/portal.md).
 */
export async function listOpenItemsOfCustomer(
  q: Queryable,
  ctx: Ctx,
  customerId: string,
  today: CalendarDate,
): Promise<Invoice[]> {
  requirePermission(ctx, 'ledger:read');
  return listInvoiceRows(q, ctx.companyId, {
    customerId,
    status: 'unpaid',
    today,
    sort: 'due_date',
    order: 'asc',
    limit: undefined,
    offset: 0,
  });
}
