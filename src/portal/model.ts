/**
 * The customer portal (issue 10, docs/portal.md): what a customer sees of its own account —
 * its open invoices and credit notes, how late each is, whether it approved it, disputed or
 * promised it — the totals per currency, and the lines of its statement of account.
 *
 * Pure (HOUSE_STYLE §3): the items and today come in as arguments.
 */
import { daysBetween, type CalendarDate } from '../shared/calendar-date.ts';
import { addCents, negateCents, subtractCents, ZERO_CENTS, type Cents } from '../shared/money.ts';

/** An open item of the customer as the ledger gives it. */
export type AccountEntry = {
  id: string;
  kind: 'invoice' | 'credit_note';
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  amountCents: Cents;
  openCents: Cents;
  currency: string;
};

/** The dispute an item is in, as the customer may see it (never its department or notes). */
export type ItemDispute = {
  id: string;
  reference: string;
  status: 'open' | 'waiting_department' | 'waiting_customer' | 'resolved';
  /** The disputed part of this invoice; null: all that is open on it. */
  disputedCents: Cents | null;
};

/** One line of the portal's account: an open item and what the customer said of it. */
export type PortalItem = AccountEntry & {
  /** Days past due at today; 0 for a credit note or an item not yet due. */
  daysLate: number;
  hasDocument: boolean;
  approvedAt: Date | null;
  dispute: ItemDispute | null;
  promise: { promisedOn: CalendarDate; amountCents: Cents } | null;
};

/** What the customer owes in one currency. */
export type AccountTotal = {
  currency: string;
  /** What is open on its invoices (credit notes not deducted). */
  openCents: Cents;
  /** The part of `openCents` past its due date at today. */
  overdueCents: Cents;
  /** What is open on its credit notes (positive): the customer may deduct it. */
  creditsCents: Cents;
};

/**
 * Days `entry` is past due at `today`: an invoice with something open, due before today
 * (due today is not late yet); a credit note is never late.
 */
export function daysLate(
  entry: Pick<AccountEntry, 'kind' | 'openCents' | 'dueDate'>,
  today: CalendarDate,
): number {
  return entry.kind === 'invoice' && entry.openCents > 0 && entry.dueDate < today
    ? daysBetween(entry.dueDate, today)
    : 0;
}

/**
 * The items in the order a customer reads them: by due date, the oldest first, then by
 * number (an invoice and its credit note may share a due date).
 */
export function sortItems<T extends Pick<AccountEntry, 'dueDate' | 'number' | 'id'>>(
  items: readonly T[],
): T[] {
  return [...items].sort(
    (a, b) =>
      a.dueDate.localeCompare(b.dueDate) ||
      a.number.localeCompare(b.number) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * The totals per currency (never summed across currencies), in the order the currencies
 * first appear: open and overdue over invoices, credits over credit notes.
 */
export function accountTotals(
  entries: readonly Pick<AccountEntry, 'kind' | 'openCents' | 'dueDate' | 'currency'>[],
  today: CalendarDate,
): AccountTotal[] {
  const byCurrency = new Map<string, AccountTotal>();
  for (const entry of entries) {
    const total = byCurrency.get(entry.currency) ?? {
      currency: entry.currency,
      openCents: ZERO_CENTS,
      overdueCents: ZERO_CENTS,
      creditsCents: ZERO_CENTS,
    };
    if (entry.kind === 'credit_note') {
      total.creditsCents = addCents(total.creditsCents, entry.openCents);
    } else {
      total.openCents = addCents(total.openCents, entry.openCents);
      if (daysLate(entry, today) > 0) {
        total.overdueCents = addCents(total.overdueCents, entry.openCents);
      }
    }
    byCurrency.set(entry.currency, total);
  }
  return [...byCurrency.values()];
}

/** One line of a statement of account: an item, signed (a credit note counts against). */
export type StatementLine = {
  kind: 'invoice' | 'credit_note';
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  amountCents: Cents;
  /** What is open on it, negative for a credit note. */
  openCents: Cents;
  daysLate: number;
  /** The running balance after this line. */
  balanceCents: Cents;
};

/** A statement's part in one currency: its lines and its balance (invoices less credits). */
export type StatementSection = AccountTotal & {
  lines: StatementLine[];
  balanceCents: Cents;
};

/**
 * The statement of account at `today`, one section per currency: the open items by due
 * date, each with the running balance, and the section's totals (`accountTotals`).
 */
export function statementSections(
  entries: readonly AccountEntry[],
  today: CalendarDate,
): StatementSection[] {
  const sorted = sortItems(entries);
  return accountTotals(sorted, today).map((total) => {
    let balance = ZERO_CENTS;
    const lines = sorted
      .filter((entry) => entry.currency === total.currency)
      .map((entry): StatementLine => {
        const signed =
          entry.kind === 'credit_note' ? negateCents(entry.openCents) : entry.openCents;
        balance = addCents(balance, signed);
        return {
          kind: entry.kind,
          number: entry.number,
          issueDate: entry.issueDate,
          dueDate: entry.dueDate,
          amountCents: entry.amountCents,
          openCents: signed,
          daysLate: daysLate(entry, today),
          balanceCents: balance,
        };
      });
    return { ...total, lines, balanceCents: subtractCents(total.openCents, total.creditsCents) };
  });
}
