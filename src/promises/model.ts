/**
 * Payment promises (docs/promises.md): what a promise is, what may be promised, when a
 * promise is kept, partly kept or broken, and the promise-kept rate reporting reads.
 *
 * Pure (HOUSE_STYLE §3): today, the invoices and the settlements come in as arguments.
 */
import { addDays, type CalendarDate } from '../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../shared/errors.ts';
import { MAX_AMOUNT_CENTS, minCents, sumCents, type Cents } from '../shared/money.ts';

/** How the promise was given: on the phone, by e-mail or letter, on the portal, in a meeting. */
export const PROMISE_CHANNELS = ['phone', 'email', 'letter', 'portal', 'meeting', 'other'] as const;
export type PromiseChannel = (typeof PROMISE_CHANNELS)[number];

/**
 * - `live`: waiting, not paid in full yet and its day plus grace not past;
 * - `kept`: paid in full within its window (as soon as it is, even before its day);
 * - `partly_kept`: the window closed with part of it paid;
 * - `broken`: the window closed with nothing paid;
 * - `cancelled`: withdrawn by a collector, or replaced by a newer promise on its invoices.
 */
export const PROMISE_STATUSES = ['live', 'kept', 'partly_kept', 'broken', 'cancelled'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

/** What the daily check can decide for a live promise (cancelling is a collector's act). */
export type PromiseFate = Exclude<PromiseStatus, 'cancelled'>;

/**
 * Grace days by default: 3. A customer who says « je vire vendredi » is paid into our
 * account on Monday at best (a SEPA credit transfer takes a business day, none is booked
 * over the weekend), and the payment is allocated once that statement is imported and
 * matched, a day later. Three days cover a weekend and the statement; more would leave a
 * promise that was not kept unnoticed for a week.
 */
export const DEFAULT_GRACE_DAYS = 3;
export const MAX_GRACE_DAYS = 60;
/** A promise further away than a year is a payment plan, not a promise. */
export const MAX_PROMISE_HORIZON_DAYS = 365;

/** A promise as stored, with the invoices it covers. */
export type PromiseRecord = {
  id: string;
  customerId: string;
  amountCents: Cents;
  currency: string;
  promisedOn: CalendarDate;
  graceDays: number;
  channel: PromiseChannel;
  note: string | null;
  /** The user who took it (null for the CLI, an API token, a run) and the actor's name. */
  takenBy: { id: string | null; name: string | null };
  status: PromiseStatus;
  /** What was counted towards it when its fate was decided; 0 while live. */
  paidCents: Cents;
  /** The day its fate was decided (or it was cancelled); null while live. */
  settledOn: CalendarDate | null;
  /** The agenda action it came from, when a collector took it while working one. */
  sourceActionId: string | null;
  /** The company's today when it was taken: allocations count from that day. */
  createdOn: CalendarDate;
  createdAt: Date;
  updatedAt: Date;
  /** The invoices it covers, with what was open on each when it was taken. */
  invoices: { invoiceId: string; openCentsAtPromise: Cents }[];
  /** The same invoices' ids, in the same order. */
  invoiceIds: string[];
};

/** The dates a promise's fate is counted between. */
export type PromiseTerms = Pick<PromiseRecord, 'createdOn' | 'promisedOn' | 'graceDays'>;

/** The last day a payment still keeps the promise: its day plus the grace days. */
export function promiseDeadline(promise: Pick<PromiseRecord, 'promisedOn' | 'graceDays'>) {
  return addDays(promise.promisedOn, promise.graceDays);
}

/**
 * The days whose allocations count towards a promise: from the day it was taken (what was
 * paid before was not promised) to its deadline (what comes later did not keep it), both
 * included.
 */
export function countedWindow(promise: PromiseTerms): { from: CalendarDate; to: CalendarDate } {
  return { from: promise.createdOn, to: promiseDeadline(promise) };
}

/**
 * What the ledger settled on one invoice on one day: the live allocations dated that day
 * (an undone one left out), from a payment or a credit note.
 */
export type InvoiceSettlement = { invoiceId: string; on: CalendarDate; amountCents: Cents };

/**
 * What was paid towards `promise`: the settlements of the invoices it covers within its
 * counted window. A credit note's allocation counts as a payment does (docs/promises.md):
 * it settles what was promised, and calling the promise broken would send a collector
 * after money that is no longer owed.
 */
export function paidTowards(
  promise: PromiseTerms & { invoices: readonly { invoiceId: string }[] },
  settlements: readonly InvoiceSettlement[],
): Cents {
  const covered = new Set(promise.invoices.map((invoice) => invoice.invoiceId));
  const { from, to } = countedWindow(promise);
  return sumCents(
    settlements
      .filter((entry) => covered.has(entry.invoiceId) && entry.on >= from && entry.on <= to)
      .map((entry) => entry.amountCents),
  );
}

/**
 * The fate of a live promise at `today`, given what was paid towards it (`paidTowards`):
 * **kept** as soon as the paid amount reaches the promised one, whatever the day; once the
 * deadline (day + grace) has passed, **partly kept** when something but not all was paid,
 * **broken** when nothing was; **live** until then.
 */
export function checkPromise(
  promise: Pick<PromiseRecord, 'amountCents' | 'promisedOn' | 'graceDays'>,
  paidCents: Cents,
  today: CalendarDate,
): PromiseFate {
  if (paidCents >= promise.amountCents) {
    return 'kept';
  }
  if (today <= promiseDeadline(promise)) {
    return 'live';
  }
  return paidCents > 0 ? 'partly_kept' : 'broken';
}

/** An invoice as a new promise needs to know it (read from the ledger by id). */
export type PromisableInvoice = {
  id: string;
  customerId: string;
  kind: 'invoice' | 'credit_note';
  number: string;
  currency: string;
  openCents: Cents;
};

/** A promise as a collector gives it. */
export type PromiseInput = {
  customerId: string;
  amountCents: number;
  /** The invoices' currency when left out. */
  currency?: string | undefined;
  promisedOn: CalendarDate;
  graceDays?: number | undefined;
  invoiceIds: readonly string[];
  channel: PromiseChannel;
  note?: string | null | undefined;
};

/**
 * Every reason `input` cannot be taken at `today`, at once, each on its field: the amount
 * (positive, at most the open total of its invoices), the date (today at the earliest, a
 * year ahead at most), the grace days (0 to 60), the invoices (at least one; each the
 * customer's, an invoice and not a credit note, still open, all in one currency, the
 * promise's). `invoices` are those of `input.invoiceIds` the ledger found.
 */
export function checkPromiseInput(
  input: PromiseInput,
  today: CalendarDate,
  invoices: readonly PromisableInvoice[],
): Issue[] {
  const issues: Issue[] = [];
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
    issues.push(fieldIssue('amountCents', 'promise_amount_not_positive'));
  } else if (input.amountCents > MAX_AMOUNT_CENTS) {
    issues.push(fieldIssue('amountCents', 'promise_amount_too_large'));
  }
  if (input.promisedOn < today) {
    issues.push(fieldIssue('promisedOn', 'promise_date_past', { today }));
  } else if (input.promisedOn > addDays(today, MAX_PROMISE_HORIZON_DAYS)) {
    issues.push(
      fieldIssue('promisedOn', 'promise_date_too_far', { days: MAX_PROMISE_HORIZON_DAYS }),
    );
  }
  const grace = input.graceDays ?? DEFAULT_GRACE_DAYS;
  if (!Number.isInteger(grace) || grace < 0 || grace > MAX_GRACE_DAYS) {
    issues.push(fieldIssue('graceDays', 'promise_grace_out_of_range', { max: MAX_GRACE_DAYS }));
  }
  if (input.invoiceIds.length === 0) {
    issues.push(fieldIssue('invoiceIds', 'promise_no_invoices'));
    return issues;
  }
  const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]));
  const currency = input.currency ?? invoices[0]?.currency;
  const usable: PromisableInvoice[] = [];
  input.invoiceIds.forEach((id, index) => {
    const field = `invoiceIds[${index}]`;
    const invoice = byId.get(id);
    if (invoice === undefined || invoice.customerId !== input.customerId) {
      issues.push(fieldIssue(field, 'promise_invoice_unknown', { id }));
    } else if (invoice.kind !== 'invoice') {
      issues.push(fieldIssue(field, 'promise_not_an_invoice', { number: invoice.number }));
    } else if (invoice.openCents <= 0) {
      issues.push(fieldIssue(field, 'promise_invoice_not_open', { number: invoice.number }));
    } else if (invoice.currency !== currency) {
      issues.push(
        fieldIssue(field, 'promise_invoice_currency', {
          number: invoice.number,
          currency: invoice.currency,
          expected: currency ?? '',
        }),
      );
    } else {
      usable.push(invoice);
    }
  });
  const open = sumCents(usable.map((invoice) => invoice.openCents));
  if (
    usable.length === input.invoiceIds.length &&
    Number.isSafeInteger(input.amountCents) &&
    input.amountCents > open &&
    currency !== undefined
  ) {
    issues.push(fieldIssue('amountCents', 'promise_amount_above_open', { open, currency }));
  }
  return issues;
}

/** A ratio in basis points (10 000 = 100 %), rounded half up; null when nothing to divide. */
export function ratioBasisPoints(numerator: number, denominator: number): number | null {
  if (denominator <= 0) {
    return null;
  }
  // In BigInt: a sum of cents times 10 000 passes 2^53 well before the sums do.
  const scaled = BigInt(numerator) * 20_000n + BigInt(denominator);
  return Number(scaled / (BigInt(denominator) * 2n));
}

/** The promise-kept rate over settled promises, by count and by amount. */
export type KeptRate = {
  count: { kept: number; partlyKept: number; broken: number; rate: number | null };
  amount: { currency: string; promisedCents: Cents; paidCents: Cents; rate: number | null };
};

/**
 * The promise-kept rate of `promises` (live and cancelled ones are left out: their fate is
 * not a customer's answer). **By count**: kept ones over all settled, a partly kept one
 * counting as not kept. **By amount**, over the promises in `currency` (amounts of two
 * currencies do not add up): what was paid over what was promised, each promise's paid
 * amount capped at its own (paying more than promised does not make up for another).
 * Rates in basis points, half up; null with no settled promise.
 */
export function keptRate(
  promises: readonly Pick<PromiseRecord, 'status' | 'amountCents' | 'paidCents' | 'currency'>[],
  currency: string,
): KeptRate {
  let kept = 0;
  let partlyKept = 0;
  let broken = 0;
  const promised: Cents[] = [];
  const paid: Cents[] = [];
  for (const promise of promises) {
    if (promise.status === 'kept') {
      kept += 1;
    } else if (promise.status === 'partly_kept') {
      partlyKept += 1;
    } else if (promise.status === 'broken') {
      broken += 1;
    } else {
      continue;
    }
    if (promise.currency === currency) {
      promised.push(promise.amountCents);
      paid.push(minCents(promise.paidCents, promise.amountCents));
    }
  }
  const promisedCents = sumCents(promised);
  const paidCents = sumCents(paid);
  return {
    count: { kept, partlyKept, broken, rate: ratioBasisPoints(kept, kept + partlyKept + broken) },
    amount: {
      currency,
      promisedCents,
      paidCents,
      rate: ratioBasisPoints(paidCents, promisedCents),
    },
  };
}
