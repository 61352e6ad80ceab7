import type { CalendarDate } from '../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../shared/errors.ts';
import { cents, MAX_TOTAL_CENTS, minCents, type Cents } from '../shared/money.ts';

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
  /** The FEC line it was imported from (`VT/F1/2`), written when it is created; else absent. */
  sourceKey?: string | undefined;
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
  /** As `Invoice.sourceKey`. */
  sourceKey?: string | undefined;
};

export type Allocation = {
  id: string;
  invoiceId: string;
  paymentId: string | null;
  creditNoteId: string | null;
  amountCents: Cents;
  allocatedOn: CalendarDate;
  undoneAt: Date | null;
  /** The business date it was undone on: before it, the allocation was live. */
  undoneOn: CalendarDate | null;
};

/** Status follows the open amount: untouched, partly settled, or settled. */
export function invoiceStatus(amountCents: Cents, openCents: Cents): InvoiceStatus {
  if (openCents === 0) {
    return 'paid';
  }
  return openCents < amountCents ? 'partially_paid' : 'open';
}

/** What an allocation draws on: a payment's unapplied cash or a credit note's open amount. */
export type AllocationSource = {
  kind: 'payment' | 'credit_note';
  customerId: string;
  currency: string;
  availableCents: Cents;
  /** The payment's receipt date or the credit note's issue date. */
  date: CalendarDate;
  /** The payment's reference or the credit note's number, as messages name it. */
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
  const isPayment = source.kind === 'payment';
  const named = {
    number: invoice.number,
    source: source.label,
    currency: invoice.currency,
    context: source.kind,
  };
  if (invoice.kind !== 'invoice') {
    issues.push(fieldIssue('invoiceId', 'not_an_invoice', { number: invoice.number }));
  }
  if (source.customerId !== invoice.customerId) {
    issues.push(fieldIssue(isPayment ? 'paymentId' : 'creditNoteId', 'other_customer', named));
  }
  if (source.currency !== invoice.currency) {
    issues.push(
      fieldIssue('amount', 'currency_mismatch', { ...named, sourceCurrency: source.currency }),
    );
  }
  if (amount <= 0) {
    issues.push(fieldIssue('amount', 'not_positive'));
  }
  if (amount > invoice.openCents) {
    issues.push(
      fieldIssue('amount', 'exceeds_open_amount', { ...named, amount, open: invoice.openCents }),
    );
  }
  if (amount > source.availableCents) {
    issues.push(
      fieldIssue('amount', 'exceeds_available', {
        ...named,
        amount,
        available: source.availableCents,
      }),
    );
  }
  if (allocatedOn < source.date || allocatedOn < invoice.issueDate) {
    issues.push(
      fieldIssue('allocatedOn', 'date_too_early', {
        sourceDate: source.date,
        issueDate: invoice.issueDate,
      }),
    );
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

/**
 * An item as a file or an integration describes it: created by (kind, number) when
 * new, revised when it differs from what is stored.
 */
export type InvoiceRevision = Pick<
  Invoice,
  'customerId' | 'kind' | 'number' | 'issueDate' | 'dueDate' | 'amountCents' | 'currency'
>;

export type RevisionOutcome =
  | { outcome: 'unchanged' }
  | { outcome: 'updated'; after: Invoice }
  | { outcome: 'refused'; issue: Issue };

/**
 * What revising a stored invoice or credit note gives. What was already allocated
 * stays allocated: the new open amount is the new amount minus it, so `before` must
 * be read under the row's lock (a concurrent allocation would otherwise be lost).
 * Refused: moving an item with allocations to another customer or currency, and an
 * amount below what is already allocated.
 */
export function reviseInvoice(before: Invoice, input: InvoiceRevision): RevisionOutcome {
  const allocated = before.amountCents - before.openCents;
  const isSame =
    before.customerId === input.customerId &&
    before.issueDate === input.issueDate &&
    before.dueDate === input.dueDate &&
    before.amountCents === input.amountCents &&
    before.currency === input.currency;
  if (isSame) {
    return { outcome: 'unchanged' };
  }
  if (
    allocated > 0 &&
    (before.customerId !== input.customerId || before.currency !== input.currency)
  ) {
    return {
      outcome: 'refused',
      issue: fieldIssue('customer_code', 'allocated_item_moved', { number: input.number }),
    };
  }
  if (input.amountCents < allocated) {
    return {
      outcome: 'refused',
      issue: fieldIssue('amount', 'amount_below_allocated', {
        number: input.number,
        allocated,
        currency: input.currency,
      }),
    };
  }
  const openCents = cents(input.amountCents - allocated);
  return {
    outcome: 'updated',
    after: {
      ...before,
      customerId: input.customerId,
      issueDate: input.issueDate,
      dueDate: input.dueDate,
      amountCents: input.amountCents,
      currency: input.currency,
      openCents,
      status: invoiceStatus(input.amountCents, openCents),
    },
  };
}

/** Part of a payment or of a credit note to apply to an invoice (exactly one source). */
export type AllocationRequest = {
  invoiceId: string;
  paymentId?: string | undefined;
  creditNoteId?: string | undefined;
  /** An amount, or `'remaining'`: as much as both still have open (skipped when that is 0). */
  amount: Cents | 'remaining';
  /** With `'remaining'`: no more than this (a file's lettering says how much at most). */
  atMost?: Cents | undefined;
  allocatedOn: CalendarDate;
};

/** The rows an allocation reads, as locked in the transaction that writes it. */
export type AllocationParties = {
  invoices: ReadonlyMap<string, Invoice>;
  payments: ReadonlyMap<string, Payment>;
};

export type AllocationPlan = {
  /** The allocations to write, with the index of the request each answers. */
  allocations: (Allocation & { request: number })[];
  /** Invoices and credit notes whose open amount changes, as they end up. */
  invoices: Invoice[];
  /** Payments whose unapplied amount changes, as they end up. */
  payments: Payment[];
  /** Requests refused, each with every rule it breaks. */
  rejected: { request: number; issues: Issue[] }[];
  /** `'remaining'` requests with nothing left to allocate. */
  skipped: number[];
};

function notFound(
  field: string,
  entity: 'invoice' | 'payment' | 'credit_note',
  key: string,
): Issue {
  return fieldIssue(field, `${entity}_not_found`, { key });
}

/** What a request draws on, or why it cannot be found among the parties. */
function sourceOf(
  request: AllocationRequest,
  payment: Payment | undefined,
  creditNote: Invoice | undefined,
): AllocationSource | Issue {
  if ((request.paymentId === undefined) === (request.creditNoteId === undefined)) {
    return fieldIssue('paymentId', 'one_source');
  }
  if (request.paymentId !== undefined) {
    return payment
      ? {
          kind: 'payment',
          customerId: payment.customerId,
          currency: payment.currency,
          availableCents: payment.unappliedCents,
          date: payment.receivedOn,
          label: payment.reference,
        }
      : notFound('paymentId', 'payment', request.paymentId);
  }
  return creditNote?.kind === 'credit_note'
    ? {
        kind: 'credit_note',
        customerId: creditNote.customerId,
        currency: creditNote.currency,
        availableCents: creditNote.openCents,
        date: creditNote.issueDate,
        label: creditNote.number,
      }
    : notFound('creditNoteId', 'credit_note', request.creditNoteId ?? '');
}

/**
 * Plans a batch of allocations over the locked `parties`, in request order: each is
 * checked (`checkAllocation`) against what the earlier ones left open, so two
 * requests on one invoice can never take more than it has. Pure; the ids of the
 * new allocations come from `newId`.
 */
export function planAllocations(
  requests: readonly AllocationRequest[],
  parties: AllocationParties,
  newId: () => string,
): AllocationPlan {
  const invoices = new Map<string, Invoice>();
  const payments = new Map<string, Payment>();
  const invoiceOf = (id: string) => invoices.get(id) ?? parties.invoices.get(id);
  const paymentOf = (id: string) => payments.get(id) ?? parties.payments.get(id);
  const plan: AllocationPlan = {
    allocations: [],
    invoices: [],
    payments: [],
    rejected: [],
    skipped: [],
  };
  requests.forEach((request, index) => {
    const invoice = invoiceOf(request.invoiceId);
    const payment = request.paymentId === undefined ? undefined : paymentOf(request.paymentId);
    const creditNote =
      request.creditNoteId === undefined ? undefined : invoiceOf(request.creditNoteId);
    const source = sourceOf(request, payment, creditNote);
    const missing = [
      ...(invoice ? [] : [notFound('invoiceId', 'invoice', request.invoiceId)]),
      ...('code' in source ? [source] : []),
    ];
    if (!invoice || 'code' in source) {
      plan.rejected.push({ request: index, issues: missing });
      return;
    }
    const remaining = minCents(invoice.openCents, source.availableCents);
    const amount =
      request.amount === 'remaining'
        ? minCents(remaining, request.atMost ?? remaining)
        : request.amount;
    if (request.amount === 'remaining' && amount <= 0) {
      plan.skipped.push(index);
      return;
    }
    const issues = checkAllocation(invoice, source, amount, request.allocatedOn);
    if (issues.length > 0) {
      plan.rejected.push({ request: index, issues });
      return;
    }
    const lower = (item: Invoice): Invoice => {
      const openCents = cents(item.openCents - amount);
      return { ...item, openCents, status: invoiceStatus(item.amountCents, openCents) };
    };
    invoices.set(invoice.id, lower(invoice));
    if (payment) {
      payments.set(payment.id, {
        ...payment,
        unappliedCents: cents(payment.unappliedCents - amount),
      });
    }
    if (creditNote) {
      invoices.set(creditNote.id, lower(creditNote));
    }
    plan.allocations.push({
      id: newId(),
      invoiceId: invoice.id,
      paymentId: payment?.id ?? null,
      creditNoteId: creditNote?.id ?? null,
      amountCents: amount,
      allocatedOn: request.allocatedOn,
      undoneAt: null,
      undoneOn: null,
      request: index,
    });
  });
  plan.invoices = [...invoices.values()];
  plan.payments = [...payments.values()];
  return plan;
}
