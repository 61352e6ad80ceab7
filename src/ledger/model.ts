import { daysBetween, type CalendarDate } from '../shared/calendar-date.ts';
import type { Issue } from '../shared/errors.ts';
import { formatMoney, MAX_TOTAL_CENTS, type Cents, type CurrencyCode } from '../shared/money.ts';

export type InvoiceKind = 'invoice' | 'credit_note';
export type InvoiceStatus = 'open' | 'partially_paid' | 'paid';

/** An invoice or a credit note: an open item of a customer. */
export type Invoice = {
  id: string;
  customerId: string;
  kind: InvoiceKind;
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  amountCents: Cents;
  currency: string;
  openCents: Cents;
  status: InvoiceStatus;
};

export type Payment = {
  id: string;
  customerId: string;
  reference: string;
  receivedOn: CalendarDate;
  amountCents: Cents;
  currency: string;
  unappliedCents: Cents;
  method: string;
};

export type Allocation = {
  id: string;
  invoiceId: string;
  paymentId: string | null;
  creditNoteId: string | null;
  amountCents: Cents;
  allocatedOn: CalendarDate;
  undoneAt: Date | null;
};

/** Status follows the open amount: untouched, partly settled, or settled. */
export function invoiceStatus(amountCents: Cents, openCents: Cents): InvoiceStatus {
  if (openCents === 0) {
    return 'paid';
  }
  return openCents < amountCents ? 'partially_paid' : 'open';
}

/** Days an invoice is past due at `today`; 0 when not yet due or settled. */
export function daysLate(
  invoice: Pick<Invoice, 'dueDate' | 'openCents' | 'kind'>,
  today: CalendarDate,
): number {
  if (invoice.kind !== 'invoice' || invoice.openCents === 0) {
    return 0;
  }
  return Math.max(0, daysBetween(invoice.dueDate, today));
}

/** What an allocation draws on: a payment's unapplied cash or a credit note's open amount. */
export type AllocationSource = {
  kind: 'payment' | 'credit_note';
  customerId: string;
  currency: string;
  availableCents: Cents;
  /** The payment's receipt date or the credit note's issue date. */
  date: CalendarDate;
  label: string;
};

/**
 * Checks that `amount` may be allocated from `source` to `invoice` (lettrage):
 * same customer and currency, the invoice is an invoice with enough left open, the
 * source has enough left, and the date is not before either document.
 */
export function checkAllocation(
  invoice: Invoice,
  source: AllocationSource,
  amount: Cents,
  allocatedOn: CalendarDate,
): Issue[] {
  const issues: Issue[] = [];
  const money = (value: Cents) => formatMoney(value, invoice.currency as CurrencyCode, 'en');
  if (invoice.kind !== 'invoice') {
    issues.push({
      field: 'invoiceId',
      code: 'not_an_invoice',
      message: `${invoice.number} is a credit note, not an invoice`,
    });
  }
  if (source.customerId !== invoice.customerId) {
    issues.push({
      field: source.kind === 'payment' ? 'paymentId' : 'creditNoteId',
      code: 'other_customer',
      message: `${source.label} belongs to another customer than invoice ${invoice.number}`,
    });
  }
  if (source.currency !== invoice.currency) {
    issues.push({
      field: 'amount',
      code: 'currency_mismatch',
      message: `${source.label} is in ${source.currency}, invoice ${invoice.number} in ${invoice.currency}`,
    });
  }
  if (amount <= 0) {
    issues.push({
      field: 'amount',
      code: 'not_positive',
      message: 'The amount to allocate must be positive',
    });
  }
  if (amount > invoice.openCents) {
    issues.push({
      field: 'amount',
      code: 'exceeds_open_amount',
      message: `${money(amount)} is more than the ${money(invoice.openCents)} still open on invoice ${invoice.number}`,
    });
  }
  if (amount > source.availableCents) {
    issues.push({
      field: 'amount',
      code: 'exceeds_available',
      message: `${money(amount)} is more than the ${money(source.availableCents)} left on ${source.label}`,
    });
  }
  if (allocatedOn < source.date || allocatedOn < invoice.issueDate) {
    issues.push({
      field: 'allocatedOn',
      code: 'date_too_early',
      message: `An allocation cannot be dated before the documents it links (${source.date}, ${invoice.issueDate})`,
    });
  }
  return issues;
}

/** The three open totals of a customer in a currency: its open invoices, open credit notes and unapplied payments. */
export type OpenTotalKind = InvoiceKind | 'payment';

/** One line of a file that adds `amount` to an open total (a customer, a currency, a kind). */
export type OpenTotalAddition = {
  line: number | undefined;
  customerId: string;
  currency: string;
  kind: OpenTotalKind;
  amount: Cents;
};

/** The total already open for each key of `openTotalKey`. */
export type OpenTotals = ReadonlyMap<string, bigint>;

/** How an open total is found in `OpenTotals`. */
export function openTotalKey(customerId: string, currency: string, kind: OpenTotalKind): string {
  return `${customerId} ${currency} ${kind}`;
}

/**
 * The additions, in line order, that would carry an open total past
 * `MAX_TOTAL_CENTS`, counting from the totals already open. A line that updates a
 * row already stored is counted with its whole new amount, as if the old one stayed
 * open: the check may refuse a line a few cents early at the very edge of the bound,
 * never let a total pass it. A refused line adds nothing to the lines after it.
 */
export function findOpenTotalOverflows(
  open: OpenTotals,
  additions: readonly OpenTotalAddition[],
): OpenTotalAddition[] {
  const totals = new Map(open);
  const overflows: OpenTotalAddition[] = [];
  for (const addition of additions) {
    const key = openTotalKey(addition.customerId, addition.currency, addition.kind);
    const total = (totals.get(key) ?? 0n) + BigInt(addition.amount);
    if (total > BigInt(MAX_TOTAL_CENTS)) {
      overflows.push(addition);
    } else {
      totals.set(key, total);
    }
  }
  return overflows;
}
