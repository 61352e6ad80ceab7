/**
 * The balance rules, in one place (docs/formulas.md), for every capability that shows
 * or acts on what a customer owes: customers today; dunning, reports and credit limits
 * next. They ask through the ledger's service (`getCustomerBalance`), or, for a list
 * that ranks customers by them in one statement, through `balance-sql.ts`, which
 * writes these same rules in SQL.
 *
 * - An item is **open** while its open amount is above zero.
 * - An open invoice is **overdue** at a date when its due date is before that date;
 *   a credit note is never overdue.
 * - The **encours** (net balance) is open invoices − open credit notes − unapplied cash.
 *
 * Pure (HOUSE_STYLE §3).
 */
import { daysBetween, type CalendarDate } from '../shared/calendar-date.ts';
import { capTotal, type Cents } from '../shared/money.ts';
import type { Invoice } from './model.ts';

/** A customer's position at a date, in one currency, from its open items. */
export type CustomerBalance = {
  currency: string;
  invoicesOpen: Cents;
  overdue: Cents;
  creditNotesOpen: Cents;
  unappliedCash: Cents;
  /** The encours: invoicesOpen − creditNotesOpen − unappliedCash. */
  netBalance: Cents;
  /** A figure passed `MAX_TOTAL_CENTS` and shows the bound (`capTotal`). */
  amountsCapped: boolean;
  oldestDueDate: CalendarDate | null;
};

/** A customer's open items summed exactly (a sum may pass 2^53 before it is capped). */
export type OpenItemSums = {
  invoicesOpen: bigint;
  overdue: bigint;
  creditNotesOpen: bigint;
  unappliedCash: bigint;
  oldestDueDate: CalendarDate | null;
};

/** Whether `item` is overdue at `asOf`. */
export function isOverdue(
  item: Pick<Invoice, 'kind' | 'openCents' | 'dueDate'>,
  asOf: CalendarDate,
): boolean {
  return item.kind === 'invoice' && item.openCents > 0 && item.dueDate < asOf;
}

/** Days an invoice is past due at `asOf`; 0 when not yet due or settled. */
export function daysLate(
  item: Pick<Invoice, 'kind' | 'openCents' | 'dueDate'>,
  asOf: CalendarDate,
): number {
  return isOverdue(item, asOf) ? daysBetween(item.dueDate, asOf) : 0;
}

/**
 * The balance shown from the sums: the encours computed before capping, so a customer
 * whose items pass the bounds (written before they existed) shows capped figures,
 * never a wrong difference of capped ones.
 */
export function toCustomerBalance(currency: string, sums: OpenItemSums): CustomerBalance {
  const figures = {
    invoicesOpen: capTotal(sums.invoicesOpen),
    overdue: capTotal(sums.overdue),
    creditNotesOpen: capTotal(sums.creditNotesOpen),
    unappliedCash: capTotal(sums.unappliedCash),
    netBalance: capTotal(sums.invoicesOpen - sums.creditNotesOpen - sums.unappliedCash),
  };
  return {
    currency,
    invoicesOpen: figures.invoicesOpen.amount,
    overdue: figures.overdue.amount,
    creditNotesOpen: figures.creditNotesOpen.amount,
    unappliedCash: figures.unappliedCash.amount,
    netBalance: figures.netBalance.amount,
    amountsCapped: Object.values(figures).some((figure) => figure.isCapped),
    oldestDueDate: sums.oldestDueDate,
  };
}
