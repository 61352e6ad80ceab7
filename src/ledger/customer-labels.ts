/**
 * The customer's code and name beside the ledger's rows, and the customer-code filter,
 * through the customer directory (`deps.customers`): `customer` is the customers'
 * table, and they sit above the ledger (ADR 19). A page costs one statement more, by
 * the page's ids, never one per row.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import type { Queryable } from '../db/client.ts';

/** A ledger row with its customer's code and legal name, as the lists show it. */
export type WithCustomerLabel<Row> = Row & { customerCode: string; customerName: string };

/**
 * Names the customer of each row, in one question to the directory, read through `q`
 * (an export's snapshot, so the names are those of its rows).
 */
export async function labelCustomers<Row extends { customerId: string }>(
  deps: Deps,
  q: Queryable,
  ctx: Ctx,
  rows: readonly Row[],
): Promise<WithCustomerLabel<Row>[]> {
  const labels = await deps.customers.namesOf(
    q,
    ctx,
    rows.map((row) => row.customerId),
  );
  return rows.map((row) => {
    const label = labels.get(row.customerId);
    if (label === undefined) {
      // invoice_customer_id_fkey and payment_customer_id_fkey: a row's customer exists.
      throw new Error(`The customer ${row.customerId} of a ledger row was not found`);
    }
    return { ...row, customerCode: label.code, customerName: label.name };
  });
}

/**
 * A list's filter with its customer code (already in its stored form) turned into the
 * customer's id, as the store filters. `undefined` when no row can match — no customer
 * has that code, or it is not the `customerId` asked for too — so the caller answers an
 * empty page and no totals without asking the ledger.
 */
export async function resolveCustomerCode<
  Filter extends { customerId?: string | undefined; customerCode?: string | undefined },
>(
  deps: Deps,
  q: Queryable,
  ctx: Ctx,
  filter: Filter,
): Promise<Omit<Filter, 'customerCode'> | undefined> {
  const { customerCode, ...rest } = filter;
  if (customerCode === undefined) {
    return rest;
  }
  const id = await deps.customers.findIdByCode(q, ctx, customerCode);
  // The database writes a uuid in lower case; the query's may be in capitals.
  if (id === undefined || (rest.customerId !== undefined && rest.customerId.toLowerCase() !== id)) {
    return undefined;
  }
  return { ...rest, customerId: id };
}
