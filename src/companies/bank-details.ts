/**
 * The company's bank details' use cases (issue 10, docs/portal.md): reading them (every
 * staff role; the portal shows them to the company's customers) and saving them
 * (administrators only: changing where customers pay is how payment fraud starts), each
 * save an event `company.bank_details_saved` with what was there before.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { recordEvents } from '../audit/service.ts';
import type { Queryable } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { InvalidError } from '../shared/errors.ts';
import { checkBankDetails, type BankDetails, type BankDetailsInput } from './bank-details-model.ts';
import { findBankDetails, upsertBankDetails } from './bank-details-store.ts';

export type { BankDetails, BankDetailsInput } from './bank-details-model.ts';

/** The company's bank details, or null when none were given (staff with `customers:read`). */
export async function getBankDetails(deps: Deps, ctx: Ctx): Promise<BankDetails | null> {
  requirePermission(ctx, 'customers:read');
  return (await findBankDetails(deps.db, ctx.companyId)) ?? null;
}

/**
 * The bank details of `companyId` read on `q`, for a use case that already decided its
 * caller may see them (the portal, once the policy granted the customer its account):
 * where to pay is what the company gives every customer.
 */
export async function readBankDetails(
  q: Queryable,
  companyId: string,
): Promise<BankDetails | null> {
  return (await findBankDetails(q, companyId)) ?? null;
}

/**
 * Saves the company's bank details (administrators: `users:manage`, as for the mail
 * settings). Refused (400 `bank_details_invalid`) with every issue of `checkBankDetails`.
 * Returns the details as stored.
 */
export async function saveBankDetails(
  deps: Deps,
  ctx: Ctx,
  input: BankDetailsInput,
): Promise<BankDetails> {
  requirePermission(ctx, 'users:manage');
  const checked = checkBankDetails(input);
  if (checked.details === undefined) {
    throw new InvalidError('bank_details_invalid', {}, checked.issues);
  }
  const { details } = checked;
  return inTransaction(deps.db, async (tx) => {
    const before = await findBankDetails(tx, ctx.companyId);
    await upsertBankDetails(tx, ctx.companyId, details, deps.clock.now());
    await recordEvents(tx, ctx, [
      {
        action: 'company.bank_details_saved',
        entityType: 'company',
        entityId: ctx.companyId,
        customerId: null,
        data: { before: before ?? null, after: details },
      },
    ]);
    return details;
  });
}
