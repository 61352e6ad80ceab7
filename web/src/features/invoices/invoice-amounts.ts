import type { TInvoice } from '../../../../src/ledger/schemas.ts';

/**
 * A credit note reduces what the customer owes, so it is shown and summed negative,
 * whichever sign the API stores it with.
 */
export function signedAmount(item: Pick<TInvoice, 'kind'>, amount: number): number {
  return item.kind === 'credit_note' ? -Math.abs(amount) : amount;
}

export type CurrencyTotal = { currency: string; amount: number; openAmount: number };

/** Totals per currency (integer cents, so the sums are exact). */
export function totalsByCurrency(items: readonly TInvoice[]): CurrencyTotal[] {
  const totals = new Map<string, CurrencyTotal>();
  for (const item of items) {
    const total = totals.get(item.currency) ?? {
      currency: item.currency,
      amount: 0,
      openAmount: 0,
    };
    total.amount += signedAmount(item, item.amount);
    total.openAmount += signedAmount(item, item.openAmount);
    totals.set(item.currency, total);
  }
  return [...totals.values()];
}
