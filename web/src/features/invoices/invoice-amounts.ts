import type { TInvoice } from '../../../../src/ledger/schemas.ts';

/**
 * A credit note reduces what the customer owes, so it is shown and summed negative,
 * whichever sign the API stores it with.
 */
export function signedAmount(item: Pick<TInvoice, 'kind'>, amount: number): number {
  return item.kind === 'credit_note' ? -Math.abs(amount) : amount;
}
