import type { Ctx } from '../app/context.ts';
import { recordEvents } from '../audit/service.ts';
import type { Queryable } from '../db/client.ts';
import type { BankAccount } from './model.ts';
import { insertBankAccounts } from './store.ts';

/**
 * Stores new accounts with their `bank_account.created` events, in the caller's
 * transaction: one registered by hand (`createBankAccount`) or by a statement import.
 */
export async function saveNewAccounts(
  tx: Queryable,
  ctx: Ctx,
  accounts: readonly BankAccount[],
): Promise<void> {
  await insertBankAccounts(tx, ctx.companyId, accounts);
  await recordEvents(
    tx,
    ctx,
    accounts.map((account) => ({
      action: 'bank_account.created',
      entityType: 'bank_account',
      entityId: account.id,
      customerId: null,
      data: { name: account.name, iban: account.iban, currency: account.currency },
    })),
  );
}
