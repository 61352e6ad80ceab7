import { capTotal, type Cents } from '../shared/money.ts';
import type { CurrencyTotal } from './list-sql.ts';

/** A list's totals in the API's form (`TInvoiceTotal`, `TPaymentTotal`). */
export type PresentedTotal<Sum extends string> = { currency: string; count: number } & Record<
  Sum,
  Cents
> & { amountsCapped: boolean };

/** A list's totals in the API's form: each sum capped at its bound, flagged if any was. */
export function presentTotal<Sum extends string>(total: CurrencyTotal<Sum>): PresentedTotal<Sum> {
  const { currency, count, ...sums } = total;
  const capped = Object.entries<bigint>(sums).map(([name, sum]) => [name, capTotal(sum)] as const);
  return {
    currency,
    count,
    ...Object.fromEntries(capped.map(([name, sum]) => [name, sum.amount])),
    amountsCapped: capped.some(([, sum]) => sum.isCapped),
  } as PresentedTotal<Sum>;
}
