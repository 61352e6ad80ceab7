/**
 * The accounts behind a credit decision (issue 12): a customer and the other accounts of its
 * legal entity (same SIREN), as the credit check and the credit decisions read them, and the
 * copy of the limit in force each account keeps for its page and the list (ADR 25). Credit
 * may not read this table (ADR 19): it asks here.
 */
import type { Ctx } from '../app/context.ts';
import { requirePermission } from '../app/permissions.ts';
import { anyOf } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import { cents, type Cents } from '../shared/money.ts';
import type { CustomerStatus } from './model.ts';

/** What credit reads of an account. */
export type CreditAccount = {
  id: string;
  code: string;
  legalName: string;
  siren: string | null;
  status: CustomerStatus;
  /** The limit typed on the record (or copied there by the last decision). */
  creditLimitCents: Cents | null;
  salesRep: string | null;
  collectorUserId: string | null;
};

const ACCOUNT_COLUMNS = [
  'id',
  'code',
  'legal_name',
  'siren',
  'status',
  'credit_limit_cents',
  'sales_rep',
  'collector_user_id',
] as const;

function toCreditAccount(row: {
  id: string;
  code: string;
  legal_name: string;
  siren: string | null;
  status: string;
  credit_limit_cents: number | null;
  sales_rep: string | null;
  collector_user_id: string | null;
}): CreditAccount {
  return {
    id: row.id,
    code: row.code,
    legalName: row.legal_name,
    siren: row.siren,
    status: row.status as CustomerStatus,
    creditLimitCents: row.credit_limit_cents === null ? null : cents(row.credit_limit_cents),
    salesRep: row.sales_rep,
    collectorUserId: row.collector_user_id,
  };
}

/**
 * The account `customer` (by id, or by code when `byCode`) first, then the other accounts of
 * its SIREN in id order; empty when it is not the company's. Two index lookups. With `lock`
 * every account is locked `FOR UPDATE`, in id order (ADR 13), so two decisions on one entity
 * wait for each other and read what the first wrote.
 */
export async function listEntityAccounts(
  q: Queryable,
  ctx: Ctx,
  customer: { id: string } | { code: string },
  options: { lock?: boolean } = {},
): Promise<CreditAccount[]> {
  requirePermission(ctx, 'customers:read');
  const first = await q
    .selectFrom('customer')
    .select(['id', 'siren'])
    .where('company_id', '=', ctx.companyId)
    .$call((query) =>
      'id' in customer
        ? query.where('id', '=', customer.id)
        : query.where('code', '=', customer.code),
    )
    .executeTakeFirst();
  if (first === undefined) {
    return [];
  }
  let query = q
    .selectFrom('customer')
    .select(ACCOUNT_COLUMNS)
    .where('company_id', '=', ctx.companyId)
    .where((eb) => (first.siren === null ? eb('id', '=', first.id) : eb('siren', '=', first.siren)))
    .orderBy('id');
  if (options.lock === true) {
    query = query.forUpdate();
  }
  const rows = await query.execute();
  const accounts = rows.map(toCreditAccount);
  const ordering = accounts.findIndex((account) => account.id === first.id);
  return [...accounts.slice(ordering, ordering + 1), ...accounts.filter((_, i) => i !== ordering)];
}

/**
 * Writes the limit in force on each of `customerIds` (the decision's copy), in the caller's
 * transaction, in one statement. The customers' own update trail does not record it: the
 * credit decision's event does.
 */
export async function setCreditLimitCopiesInTx(
  tx: Queryable,
  ctx: Ctx,
  customerIds: readonly string[],
  limitCents: Cents,
  now: Date,
): Promise<void> {
  if (customerIds.length === 0) {
    return;
  }
  await tx
    .updateTable('customer')
    .set({ credit_limit_cents: limitCents, updated_at: now })
    .where('company_id', '=', ctx.companyId)
    .where('id', '=', anyOf(customerIds, 'uuid'))
    .execute();
}

/**
 * The accounts of entities, by SIREN and by id, in one statement: what the credit review
 * reads for a page of limits, and an orders file for a batch (locked, with `lock`). Each account once, with its SIREN to file it under its entity.
 */
export async function listAccountsOfEntities(
  q: Queryable,
  ctx: Ctx,
  entities: { sirens: readonly string[]; customerIds: readonly string[] },
  options: { lock?: boolean } = {},
): Promise<CreditAccount[]> {
  requirePermission(ctx, 'customers:read');
  if (entities.sirens.length === 0 && entities.customerIds.length === 0) {
    return [];
  }
  let query = q
    .selectFrom('customer')
    .select(ACCOUNT_COLUMNS)
    .where('company_id', '=', ctx.companyId)
    .where((eb) =>
      eb.or([
        eb('siren', '=', anyOf(entities.sirens, 'text')),
        eb('id', '=', anyOf(entities.customerIds, 'uuid')),
      ]),
    )
    .orderBy('id');
  if (options.lock === true) {
    // Every account of every entity at once, in id order (ADR 13).
    query = query.forUpdate();
  }
  return (await query.execute()).map(toCreditAccount);
}
