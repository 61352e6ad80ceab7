/**
 * What the portal's use cases read of a customer's account, through the capabilities below
 * (HOUSE_STYLE §3: their services, never their tables), once `authorize` granted the
 * customer: its open items, and the invoices a request names — each of them the customer's,
 * or refused as not found (another customer's invoice is never said to exist).
 */
import type { Ctx } from '../app/context.ts';
import { readerFor } from '../app/policy.ts';
import type { Queryable } from '../db/client.ts';
import { listInvoicesByIds, listOpenItemsOfCustomer, type Invoice } from '../ledger/service.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { AccountEntry } from './model.ts';

/** The customer's open invoices and credit notes (something left open on each), in one statement. */
export async function listOpenEntries(
  q: Queryable,
  ctx: Ctx,
  customerId: string,
  today: CalendarDate,
): Promise<AccountEntry[]> {
  const items = await listOpenItemsOfCustomer(q, readerFor(ctx), customerId, today);
  return items.map((item) => ({
    id: item.id,
    kind: item.kind,
    number: item.number,
    issueDate: item.issueDate,
    dueDate: item.dueDate,
    amountCents: item.amountCents,
    openCents: item.openCents,
    currency: item.currency,
  }));
}

/**
 * The invoices and credit notes `ids` names, read on `q` in one statement, in the order
 * asked (each once): 404 `invoice_not_found` for the first that is not `customerId`'s.
 */
export async function requireCustomerInvoices(
  q: Queryable,
  ctx: Ctx,
  customerId: string,
  ids: readonly string[],
): Promise<Invoice[]> {
  const unique = [...new Set(ids)];
  const found = await listInvoicesByIds(q, readerFor(ctx), unique);
  const byId = new Map(
    found.filter((invoice) => invoice.customerId === customerId).map((i) => [i.id, i]),
  );
  return unique.map((id) => {
    const invoice = byId.get(id);
    if (invoice === undefined) {
      throw new NotFoundError('invoice', id);
    }
    return invoice;
  });
}
