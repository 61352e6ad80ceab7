/**
 * What customers owe, as the ledger keeps it (ADR 6, `customer_open_balance`): the open items
 * (open invoices less open credit notes) and the unapplied cash of some accounts, by currency.
 * The credit check's exposure reads it: a primary-key lookup per account and currency, live,
 * never a nightly copy.
 */
import type { Ctx } from '../app/context.ts';
import { requirePermission } from '../app/permissions.ts';
import { anyOf } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import { cents, type Cents } from '../shared/money.ts';

export type KeptBalance = {
  customerId: string;
  currency: string;
  openItemsCents: Cents;
  unappliedCashCents: Cents;
};

/**
 * The kept balances of `customerIds`, in one statement. With `forShare` the rows are held
 * until the caller's transaction ends: a payment or an invoice written meanwhile waits, so a
 * decision taken on these figures is taken on figures that still stand when it commits.
 */
export async function listKeptBalances(
  q: Queryable,
  ctx: Ctx,
  customerIds: readonly string[],
  options: { forShare?: boolean } = {},
): Promise<KeptBalance[]> {
  requirePermission(ctx, 'ledger:read');
  if (customerIds.length === 0) {
    return [];
  }
  let query = q
    .selectFrom('customer_open_balance')
    .select(['customer_id', 'currency', 'open_cents', 'unapplied_cents'])
    .where('company_id', '=', ctx.companyId)
    .where('customer_id', '=', anyOf(customerIds, 'uuid'))
    .orderBy('customer_id')
    .orderBy('currency');
  if (options.forShare === true) {
    query = query.forShare();
  }
  return (await query.execute()).map((row) => ({
    customerId: row.customer_id,
    currency: row.currency,
    openItemsCents: cents(row.open_cents),
    unappliedCashCents: cents(row.unapplied_cents),
  }));
}
