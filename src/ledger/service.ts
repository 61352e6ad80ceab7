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
  listOpenInvoicesWithSettlements,
  sumCustomerOpenItems,
  type OpenInvoiceWithSettlements,
} from './store.ts';

export type { OpenInvoiceWithSettlements } from './store.ts';

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
): Promise<OpenInvoiceWithSettlements[]> {
  requirePermission(ctx, 'ledger:read');
  return listOpenInvoicesWithSettlements(q, ctx.companyId, customerIds);
}
