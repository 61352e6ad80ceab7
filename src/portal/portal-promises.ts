/**
 * « Je paierai le … » (issue 10, docs/portal.md): the customer promises to pay invoices of
 * its own account on a date, through the promises' own use case (channel `portal`), so the
 * promise holds them back from dunning and the daily check settles it as any other.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { authorize } from '../app/policy.ts';
import { createPromise } from '../promises/service.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { cents, sumCents, type Cents } from '../shared/money.ts';
import { requireCustomerInvoices } from './account-reads.ts';

export type PortalPromise = {
  id: string;
  promisedOn: CalendarDate;
  amountCents: Cents;
  currency: string;
};

/**
 * Records the customer's promise to pay `invoiceIds` on `promisedOn` (`promise:create` on
 * its own account): `amountCents`, or all that is open on them. 404 for an invoice that is
 * not the customer's (nothing written); the promises' refusals otherwise (400
 * `promise_refused`: a date before today, `promise_date_past`; a credit note; a paid
 * invoice; several currencies).
 */
export async function createPortalPromise(
  deps: Deps,
  ctx: Ctx,
  input: {
    customerId: string;
    invoiceIds: readonly string[];
    promisedOn: CalendarDate;
    amountCents?: number | undefined;
  },
): Promise<PortalPromise> {
  authorize(ctx, 'promise:create', { customerId: input.customerId });
  const invoices = await requireCustomerInvoices(deps.db, ctx, input.customerId, input.invoiceIds);
  const amountCents =
    input.amountCents ??
    sumCents(invoices.filter((invoice) => invoice.kind === 'invoice').map((i) => i.openCents));
  const { id } = await createPromise(deps, ctx, {
    customerId: input.customerId,
    invoiceIds: invoices.map((invoice) => invoice.id),
    amountCents,
    promisedOn: input.promisedOn,
    channel: 'portal',
  });
  return {
    id,
    promisedOn: input.promisedOn,
    amountCents: cents(amountCents),
    currency: invoices[0]?.currency ?? '',
  };
}
