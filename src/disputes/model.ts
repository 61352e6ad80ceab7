/**
 * A dispute flag on an invoice (docs/disputes.md): the customer contests an invoice, or
 * part of it, for a reason; while the dispute is open the daily run holds the invoice
 * back (issue 9). What may be disputed, and what a dispute says, are checked here.
 *
 * Pure (HOUSE_STYLE §3): the invoice, the input and today come in as arguments.
 */
import type { CalendarDate } from '../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../shared/errors.ts';
import type { MessageCode } from '../shared/messages/catalogue.ts';
import { MAX_AMOUNT_CENTS, type Cents } from '../shared/money.ts';

/**
 * Why the customer contests the invoice, in the words a credit manager files disputes by:
 * - `price`: the price or a discount is not the one agreed;
 * - `quantity`: more was invoiced than delivered;
 * - `quality`: the goods or the work are faulty;
 * - `delivery`: late, not delivered, or no proof of delivery;
 * - `not_ordered`: the customer says it never ordered it;
 * - `duplicate`: invoiced twice;
 * - `already_paid`: the customer says it paid (the payment is not allocated yet);
 * - `other`: anything else, said in the note.
 * Issue 10 makes the list the company's own; these stay its defaults.
 */
export const DISPUTE_REASONS = [
  'price',
  'quantity',
  'quality',
  'delivery',
  'not_ordered',
  'duplicate',
  'already_paid',
  'other',
] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];

/** The longest note a dispute or its resolution keeps (the table's check says the same). */
export const MAX_DISPUTE_NOTE_LENGTH = 2_000;

/** Who raised or resolved a dispute: the user (null for the CLI, a token, a run), as named then. */
export type DisputeActor = { id: string | null; name: string | null };

/** A dispute as stored: open while `resolvedOn` is null. */
export type Dispute = {
  id: string;
  invoiceId: string;
  customerId: string;
  reason: DisputeReason;
  note: string | null;
  /** The disputed part, in `currency`; null: the whole open amount of the invoice. */
  amountCents: Cents | null;
  currency: string;
  raisedOn: CalendarDate;
  raisedBy: DisputeActor;
  resolvedOn: CalendarDate | null;
  resolvedBy: DisputeActor | null;
  resolutionNote: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** Whether the dispute still holds its invoice back. */
export function isOpenDispute(dispute: Pick<Dispute, 'resolvedOn'>): boolean {
  return dispute.resolvedOn === null;
}

/** The invoice a dispute is raised on, as the ledger gives it. */
export type DisputableInvoice = {
  kind: 'invoice' | 'credit_note';
  number: string;
  currency: string;
  openCents: Cents;
};

/** A dispute as a collector raises it (HTTP, the agenda's « litige signalé »). */
export type DisputeInput = {
  reason: DisputeReason;
  note?: string | null | undefined;
  /** The disputed part in the invoice's minor units; absent or null: the whole open amount. */
  amountCents?: number | null | undefined;
};

/**
 * Why `invoice` cannot be disputed at all, whatever is said about it (409): a credit note
 * is the company's debt, not the customer's; a paid invoice has nothing left to hold back.
 * An open dispute already on it is the store's to find (its unique key decides between two
 * collectors at once). `undefined` when it may be disputed.
 */
export function disputeTargetRefusal(invoice: DisputableInvoice): MessageCode | undefined {
  if (invoice.kind === 'credit_note') {
    return 'dispute_credit_note_refused';
  }
  if (invoice.openCents <= 0) {
    return 'dispute_invoice_paid';
  }
  return undefined;
}

/**
 * Every reason `input` cannot be recorded on `invoice`, at once, each on its field: a
 * disputed amount is a whole number of minor units, more than zero and at most what is
 * still open (issue 10's "bad input": « a disputed amount above the invoice's open amount »);
 * the note is at most `MAX_DISPUTE_NOTE_LENGTH` characters.
 */
export function checkDisputeInput(input: DisputeInput, invoice: DisputableInvoice): Issue[] {
  const issues: Issue[] = [];
  const amount = input.amountCents;
  if (amount !== undefined && amount !== null) {
    if (!Number.isSafeInteger(amount) || amount <= 0) {
      issues.push(fieldIssue('amountCents', 'dispute_amount_not_positive'));
    } else if (amount > MAX_AMOUNT_CENTS) {
      issues.push(fieldIssue('amountCents', 'dispute_amount_too_large'));
    } else if (amount > invoice.openCents) {
      issues.push(
        fieldIssue('amountCents', 'dispute_amount_above_open', {
          open: invoice.openCents,
          currency: invoice.currency,
          number: invoice.number,
        }),
      );
    }
  }
  issues.push(...checkDisputeNote('note', input.note));
  return issues;
}

/** A note too long to keep, on `field`. */
export function checkDisputeNote(field: string, note: string | null | undefined): Issue[] {
  const kept = keptNote(note);
  return kept !== null && kept.length > MAX_DISPUTE_NOTE_LENGTH
    ? [fieldIssue(field, 'dispute_note_too_long', { max: MAX_DISPUTE_NOTE_LENGTH })]
    : [];
}

/** A note as kept: trimmed, and none when blank. */
export function keptNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
