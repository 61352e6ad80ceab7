/**
 * Disputes (« litiges », issue 10, docs/disputes.md): a customer contests one or more
 * invoices, or a part of each, for a cause; the department that must answer is given a
 * deadline; the dispute goes open → waiting for the department → waiting for the customer
 * → resolved, with an outcome. While it is open the daily run holds back only the disputed
 * part of each invoice; the rest is reminded as usual.
 *
 * Pure (HOUSE_STYLE §3): the invoices, the input and today come in as arguments.
 */
import { addDays, type CalendarDate } from '../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../shared/errors.ts';
import type { MessageCode } from '../shared/messages/catalogue.ts';
import { MAX_AMOUNT_CENTS, type Cents } from '../shared/money.ts';

export const DISPUTE_STATUSES = [
  'open',
  'waiting_department',
  'waiting_customer',
  'resolved',
] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/**
 * How a dispute ended:
 * - `justified`: the customer is right — a credit note is issued or to issue (`creditNote`);
 * - `rejected`: the customer must pay — the invoices go back into their scenario at the
 *   step they had reached;
 * - `corrected`: a corrected invoice replaces the disputed one;
 * - `paid`: it closed by itself, its invoices being paid (by the customer or by a credit
 *   note allocated to them: then it is `justified` with the credit note `issued`).
 */
export const DISPUTE_OUTCOMES = ['justified', 'rejected', 'corrected', 'paid'] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];
/** What a person may decide or propose (`paid` is the system's). */
export const DECIDED_OUTCOMES = ['justified', 'rejected', 'corrected'] as const;
export type DecidedOutcome = (typeof DECIDED_OUTCOMES)[number];
export const CREDIT_NOTE_STATES = ['issued', 'to_issue'] as const;
export type CreditNoteState = (typeof CREDIT_NOTE_STATES)[number];

/** Where a dispute was opened: by staff (invoice page, API, CLI), an agenda outcome, the portal. */
export const DISPUTE_SOURCES = ['staff', 'agenda', 'portal'] as const;
export type DisputeSource = (typeof DISPUTE_SOURCES)[number];

/** Who writes in a dispute's thread or attaches a document. */
export const AUTHOR_KINDS = ['staff', 'department', 'customer', 'system'] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

/**
 * What the system says in a thread, as a message code (src/shared/messages/disputes.*.ts):
 * worded when read, in the reader's language, not when written (migration 202612050200).
 * The table's check lists the same codes.
 */
export const SYSTEM_COMMENT_CODES = ['dispute_closed_paid', 'dispute_closed_by_credit'] as const;
export type SystemCommentCode = (typeof SYSTEM_COMMENT_CODES)[number];

/** Whether `code`, read from a row, is one of the system's comments. */
export function isSystemCommentCode(code: string | null): code is SystemCommentCode {
  return SYSTEM_COMMENT_CODES.some((known) => known === code);
}

/** The longest description, resolution note (the table's checks say the same). */
export const MAX_DISPUTE_NOTE_LENGTH = 2_000;
export const MAX_COMMENT_LENGTH = 5_000;
/** An attachment's largest size, in MiB: a scanned delivery receipt fits many times over. */
export const MAX_ATTACHMENT_MIB = 10;
export const MAX_ATTACHMENT_BYTES = MAX_ATTACHMENT_MIB * 1024 * 1024;
/** What may be attached: documents and pictures, never something that runs. */
export const ATTACHMENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
  'message/rfc822',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** Who raised or resolved a dispute: the user (null for the CLI, a token, a run, a link), as named then. */
export type DisputeActor = { id: string | null; name: string | null };

/** One invoice of a dispute and the part of it that is disputed. */
export type DisputedInvoice = {
  invoiceId: string;
  /** The disputed part, in the dispute's currency; null: all that is open on the invoice. */
  disputedCents: Cents | null;
};

/** A dispute as stored. */
export type Dispute = {
  id: string;
  /** `LIT-000123`: what people say on the phone and write in e-mails. */
  reference: string;
  customerId: string;
  cause: string;
  description: string | null;
  /** The disputed total when it was opened (the invoices' parts, or their open amounts). */
  amountCents: Cents;
  currency: string;
  invoices: DisputedInvoice[];
  departmentId: string | null;
  assignee: { name: string | null; email: string | null };
  deadline: CalendarDate;
  status: DisputeStatus;
  outcome: DisputeOutcome | null;
  creditNote: CreditNoteState | null;
  source: DisputeSource;
  salesRep: string | null;
  raisedOn: CalendarDate;
  raisedBy: DisputeActor;
  resolvedOn: CalendarDate | null;
  resolvedBy: DisputeActor | null;
  resolutionNote: string | null;
  remindedOn: CalendarDate | null;
  escalatedOn: CalendarDate | null;
  createdAt: Date;
  updatedAt: Date;
};

/** Whether the dispute still holds its invoices' disputed parts back. */
export function isOpenDispute(dispute: Pick<Dispute, 'status'>): boolean {
  return dispute.status !== 'resolved';
}

/** The deadline of an answer opened on `raisedOn` for a cause of `deadlineDays`. */
export function disputeDeadline(raisedOn: CalendarDate, deadlineDays: number): CalendarDate {
  return addDays(raisedOn, deadlineDays);
}

/** An invoice a dispute is opened on, as the ledger gives it. */
export type DisputableInvoice = {
  id: string;
  customerId: string;
  kind: 'invoice' | 'credit_note';
  number: string;
  currency: string;
  openCents: Cents;
};

/**
 * What is held back from dunning on an invoice open for `openCents` under a dispute of
 * `disputedCents` (null: all of it): the disputed part, never more than what is still open
 * (a payment may have come since). The rest of the invoice is reminded as usual.
 */
export function heldBackCents(openCents: Cents, disputedCents: Cents | null): Cents {
  return disputedCents === null || disputedCents > openCents ? openCents : disputedCents;
}

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
 * Every reason the disputed part `amount` (on `field`) cannot be recorded on `invoice`: a
 * whole number of minor units, more than zero and at most what is still open (issue 10's
 * bad input: « a disputed amount above the invoice's open amount »). Absent or null: the
 * whole open amount.
 */
export function checkDisputedAmount(
  field: string,
  amount: number | null | undefined,
  invoice: DisputableInvoice,
): Issue[] {
  if (amount === undefined || amount === null) {
    return [];
  }
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    return [fieldIssue(field, 'dispute_amount_not_positive')];
  }
  if (amount > MAX_AMOUNT_CENTS) {
    return [fieldIssue(field, 'dispute_amount_too_large')];
  }
  if (amount > invoice.openCents) {
    return [
      fieldIssue(field, 'dispute_amount_above_open', {
        open: invoice.openCents,
        currency: invoice.currency,
        number: invoice.number,
      }),
    ];
  }
  return [];
}

/** A note too long to keep, on `field`. */
export function checkDisputeNote(
  field: string,
  note: string | null | undefined,
  max: number = MAX_DISPUTE_NOTE_LENGTH,
): Issue[] {
  const kept = keptNote(note);
  return kept !== null && kept.length > max
    ? [fieldIssue(field, 'dispute_note_too_long', { max })]
    : [];
}

/** A note as kept: trimmed, and none when blank. */
export function keptNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * Whether an attachment of `contentType` and `sizeBytes` may be kept, on `field`: a type of
 * `ATTACHMENT_TYPES` whose first bytes say the same (a PDF starts `%PDF-`, a PNG and a JPEG
 * with their signatures: a renamed program is refused), and at most `MAX_ATTACHMENT_BYTES`.
 */
export function checkAttachment(
  field: string,
  file: { contentType: string; bytes: Uint8Array },
): Issue[] {
  if (file.bytes.length === 0) {
    return [fieldIssue(field, 'attachment_empty')];
  }
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) {
    return [fieldIssue(field, 'attachment_too_large', { max: MAX_ATTACHMENT_MIB })];
  }
  const type = file.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(type)) {
    return [fieldIssue(field, 'attachment_type_refused', { type })];
  }
  if (!startsAsItsType(type as AttachmentType, file.bytes)) {
    return [fieldIssue(field, 'attachment_content_mismatch', { type })];
  }
  return [];
}

const SIGNATURES: Partial<Record<AttachmentType, readonly number[]>> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

/** Whether `bytes` begin as a file of `type` does (text types have no signature to check). */
function startsAsItsType(type: AttachmentType, bytes: Uint8Array): boolean {
  const signature = SIGNATURES[type];
  return signature === undefined || signature.every((byte, index) => bytes[index] === byte);
}

/** The statuses a dispute may be moved to by hand from `status` (resolving has its own door). */
export function canMoveTo(from: DisputeStatus, to: DisputeStatus): boolean {
  return from !== 'resolved' && to !== 'resolved' && from !== to;
}
