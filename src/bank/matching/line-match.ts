/**
 * What became of a bank line in cash application, as stored and shown: in the queue
 * with the matcher's suggestions, applied (by the matcher or a person) with the payment
 * and allocations it made, or set aside. Pure types and the run's figures.
 */
import type { BankLineMatchStatus } from '../../db/schema.ts';
import type { CalendarDate } from '../../shared/calendar-date.ts';
import type { Cents } from '../../shared/money.ts';
import type { MatchProposal, MatchReason, ProposedAllocation } from './match-book.ts';

export type { BankLineMatchStatus };

/** A proposal as the queue shows it: the names and numbers it was made with. */
export type ShownProposal = Omit<MatchProposal, 'allocations'> & {
  customerCode: string;
  customerName: string;
  allocations: (ProposedAllocation & { invoiceNumber: string; creditNoteNumber?: string })[];
};

export type LineMatch = {
  bankLineId: string;
  status: BankLineMatchStatus;
  bookingDate: CalendarDate;
  amountCents: Cents;
  /** The applied match's customer, else the best suggestion's. */
  customerId: string | null;
  paymentId: string | null;
  allocationIds: string[];
  confidence: number | null;
  reasons: MatchReason[];
  suggestions: ShownProposal[];
  appliedBy: 'matcher' | 'user' | null;
  /** Payments the line has made, voided ones included. */
  applications: number;
};

/** What one run of the matcher did, over the lines it read. */
export type MatchRunReport = {
  /** Applied at or above it without anyone looking. */
  threshold: number;
  lines: number;
  /** Money in, which may settle receivables. */
  incoming: number;
  /** Money out (supplier payments, fees): never settles a receivable. */
  outgoing: number;
  reversals: number;
  /** Earlier lines the reversals took back: their payments voided. */
  reversed: number;
  applied: number;
  queued: number;
  /** Incoming lines whose customer the matcher found (at any confidence). */
  payerFound: number;
  /** Incoming lines applied automatically in full: every cent on invoices. */
  fullyAllocated: number;
  /** `payerFound / incoming`, `fullyAllocated / incoming`: 1 when nothing came in. */
  payerRate: number;
  invoiceRate: number;
};

/** The run's rates, from its counts. */
export function withRates(
  counts: Omit<MatchRunReport, 'payerRate' | 'invoiceRate'>,
): MatchRunReport {
  const rate = (count: number) => (counts.incoming === 0 ? 1 : count / counts.incoming);
  return {
    ...counts,
    payerRate: rate(counts.payerFound),
    invoiceRate: rate(counts.fullyAllocated),
  };
}

/** The reference a line's n-th payment is recorded under: the bank's own, then numbered. */
export function paymentReferenceFor(
  line: { id: string; bankReferences: Readonly<Record<string, string>> },
  application: number,
): string {
  const endToEnd = line.bankReferences['endToEndId'];
  const bank =
    line.bankReferences['accountServicerReference'] ??
    line.bankReferences['entryReference'] ??
    // SEPA's placeholder for "none given" names no transfer.
    (endToEnd === 'NOTPROVIDED' ? undefined : endToEnd) ??
    `BQ-${line.id}`;
  return application <= 1 ? bank : `${bank}-${application}`;
}
