/**
 * The HTTP contract of cash application (`/api/bank-lines`, `/api/cash-application`): the
 * queue of bank lines with what the matcher made of them, a person's match, the matcher's
 * run and its threshold. Money is integer minor units named `amount…`, as the rest of the
 * API; the web parses every answer with these schemas.
 */
import { z } from 'zod';
import {
  ZAmount,
  ZCalendarDate,
  ZCents,
  ZCurrency,
  ZId,
  ZPageQuery,
  pageOf,
} from '../../shared/schemas.ts';
import type { BankLineMatchStatus } from './line-match.ts';
import type { MatchReasonCode } from './match-book.ts';

/** What became of a bank line: to match, applied, or set aside (by the matcher or a person). */
export const BANK_LINE_MATCH_STATUSES = [
  'queued',
  'applied',
  'reversed',
  'outgoing',
  'reversal',
  'ignored',
] as const satisfies readonly BankLineMatchStatus[];
export const ZBankLineMatchStatus = z.enum(BANK_LINE_MATCH_STATUSES).meta({
  id: 'BankLineMatchStatus',
  description:
    'queued = waiting for a person; applied = a payment made from it; reversed = applied, then taken back by the bank (its payment voided); outgoing = money out; reversal = the bank took a movement back; ignored = set aside by a person',
});
export type TBankLineMatchStatus = z.infer<typeof ZBankLineMatchStatus>;

/** Every reason the matcher gives; each has its sentence in the message catalogue. */
export const MATCH_REASON_CODES = [
  'match_reason_reference',
  'match_reason_reference_rewritten',
  'match_reason_reference_typo',
  'match_reason_references_sum',
  'match_reason_iban_known',
  'match_reason_iban_other_customer',
  'match_reason_name',
  'match_reason_exact_amount',
  'match_reason_exact_amount_oldest',
  'match_reason_amount_unique',
  'match_reason_sum',
  'match_reason_credit_note',
  'match_reason_partial',
  'match_reason_overpayment',
  'match_reason_oldest_first',
  'match_reason_ambiguous',
  'match_reason_reverses',
  'match_reason_reverses_unmatched',
  'match_reason_taken_back',
] as const satisfies readonly MatchReasonCode[];

// A reason code the list above forgets fails to compile here, rather than fail an answer.
type MissingReasonCode = Exclude<MatchReasonCode, (typeof MATCH_REASON_CODES)[number]>;
const everyReasonCodeListed: MissingReasonCode extends never ? true : MissingReasonCode = true;
void everyReasonCodeListed;

/** One fact behind a match, as a code of the message catalogue and the values its sentence names. */
export const ZMatchReason = z
  .object({
    code: z.enum(MATCH_REASON_CODES),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .meta({ id: 'MatchReason' });
export type TMatchReason = z.infer<typeof ZMatchReason>;

/** What a match puts on one invoice: the line's cash, or a credit note (`creditNoteId`). */
export const ZMatchAllocation = z
  .object({
    invoiceId: ZId,
    invoiceNumber: z.string(),
    amount: ZCents,
    creditNoteId: ZId.nullable(),
    creditNoteNumber: z.string().nullable(),
  })
  .meta({ id: 'MatchAllocation' });
export type TMatchAllocation = z.infer<typeof ZMatchAllocation>;

/** One of the matcher's proposals for a line, best first, in the line's currency. */
export const ZMatchSuggestion = z
  .object({
    customerId: ZId,
    customerCode: z.string(),
    customerName: z.string(),
    allocations: z.array(ZMatchAllocation),
    unappliedAmount: ZCents.meta({
      description: 'What the line would leave on the customer’s account, unapplied',
    }),
    confidence: z.number().int().min(0).max(100),
    reasons: z.array(ZMatchReason),
  })
  .meta({ id: 'MatchSuggestion' });
export type TMatchSuggestion = z.infer<typeof ZMatchSuggestion>;

/** What became of a bank line in cash application. */
export const ZBankLineMatch = z
  .object({
    bankLineId: ZId,
    status: ZBankLineMatchStatus,
    customerId: ZId.nullable().meta({
      description: 'The applied match’s customer, else the best suggestion’s',
    }),
    paymentId: ZId.nullable().meta({ description: 'The payment an applied match made' }),
    confidence: z.number().int().min(0).max(100).nullable(),
    reasons: z.array(ZMatchReason),
    suggestions: z.array(ZMatchSuggestion).meta({ description: 'Best first, at most 3' }),
    appliedBy: z.enum(['matcher', 'user']).nullable().meta({
      description: 'matcher = applied automatically, at or above the threshold; user = by a person',
    }),
  })
  .meta({ id: 'BankLineMatch' });
export type TBankLineMatch = z.infer<typeof ZBankLineMatch>;

/** A movement of a bank statement, as stored. */
export const ZBankLine = z
  .object({
    id: ZId,
    bookingDate: ZCalendarDate,
    valueDate: ZCalendarDate.nullable(),
    amount: ZCents.meta({ description: 'Signed: money in is positive, money out negative' }),
    currency: ZCurrency,
    counterpartyName: z.string().nullable(),
    counterpartyIban: z.string().nullable(),
    remittanceText: z.string().nullable(),
    structuredReferences: z.array(z.string()),
    bankReferences: z.record(z.string(), z.string()),
  })
  .meta({ id: 'BankLine' });
export type TBankLine = z.infer<typeof ZBankLine>;

/**
 * What an applied line's payment settles now, from the ledger's live allocations: a
 * line applied by hand included, an allocation undone since left out.
 */
export const ZBankLineSettlement = z
  .object({
    allocations: z.array(ZMatchAllocation).meta({
      description:
        'The live allocations of the payment, and of the credit notes deducted with it, oldest invoice first',
    }),
    unappliedAmount: ZCents.meta({
      description: 'The cash the payment has left, unapplied on the customer’s account',
    }),
  })
  .meta({ id: 'BankLineSettlement' });
export type TBankLineSettlement = z.infer<typeof ZBankLineSettlement>;

export const ZBankLineItem = z
  .object({
    line: ZBankLine,
    match: ZBankLineMatch,
    settlement: ZBankLineSettlement.nullable().meta({
      description: 'What the line’s payment settles now; null unless the line is applied',
    }),
  })
  .meta({ id: 'BankLineItem' });
export type TBankLineItem = z.infer<typeof ZBankLineItem>;

export const ZListBankLinesQuery = ZPageQuery.extend({
  status: ZBankLineMatchStatus.default('queued'),
});
export type TListBankLinesQuery = z.infer<typeof ZListBankLinesQuery>;

/** How many lines each status holds, every page included. */
export const ZBankLineCounts = z
  .object({
    queued: z.number().int(),
    applied: z.number().int(),
    reversed: z.number().int(),
    outgoing: z.number().int(),
    reversal: z.number().int(),
    ignored: z.number().int(),
  })
  .meta({ id: 'BankLineCounts' });
export type TBankLineCounts = z.infer<typeof ZBankLineCounts>;

export const ZBankLinePage = pageOf(ZBankLineItem)
  .extend({ counts: ZBankLineCounts })
  .meta({ id: 'BankLinePage' });
export type TBankLinePage = z.infer<typeof ZBankLinePage>;

/** A person's match: the customer, and how much of the line goes to which invoices. */
export const ZMatchBankLineRequest = z
  .object({
    customerId: ZId,
    allocations: z
      .array(
        z.object({
          invoiceId: ZId,
          amount: ZAmount.positive(),
          creditNoteId: ZId.optional().meta({
            description: 'A credit note of the customer applied to the invoice, instead of cash',
          }),
        }),
      )
      .max(500)
      .meta({
        description:
          'The cash given to invoices may not exceed the line; what is left stays unapplied on the customer’s account',
      }),
  })
  .meta({ id: 'MatchBankLineRequest' });
export type TMatchBankLineRequest = z.infer<typeof ZMatchBankLineRequest>;

const ZThreshold = z.number().int().min(1).max(100);

export const ZRunMatcherRequest = z
  .object({
    threshold: ZThreshold.optional().meta({
      description: 'Apply at or above this confidence for this run only (else the company’s)',
    }),
  })
  .meta({ id: 'RunMatcherRequest' });
export type TRunMatcherRequest = z.infer<typeof ZRunMatcherRequest>;

/** What one run of the matcher did, over the lines it read. */
export const ZMatchRunReport = z
  .object({
    threshold: z.number().int(),
    lines: z.number().int(),
    incoming: z.number().int().meta({ description: 'Money in, which may settle receivables' }),
    outgoing: z.number().int(),
    reversals: z.number().int(),
    reversed: z
      .number()
      .int()
      .meta({ description: 'Earlier lines the reversals took back, their payments voided' }),
    applied: z.number().int(),
    queued: z.number().int(),
    payerFound: z
      .number()
      .int()
      .meta({ description: 'Incoming lines whose customer was found (at any confidence)' }),
    fullyAllocated: z
      .number()
      .int()
      .meta({ description: 'Incoming lines applied automatically in full' }),
    payerRate: z.number().min(0).max(1).meta({ description: 'payerFound / incoming' }),
    invoiceRate: z.number().min(0).max(1).meta({ description: 'fullyAllocated / incoming' }),
  })
  .meta({ id: 'MatchRunReport' });
export type TMatchRunReport = z.infer<typeof ZMatchRunReport>;

export const ZCashApplicationSettings = z
  .object({
    autoApplyThreshold: ZThreshold.meta({
      description: 'A match at or above this confidence is applied without anyone looking',
    }),
  })
  .meta({ id: 'CashApplicationSettings' });
export type TCashApplicationSettings = z.infer<typeof ZCashApplicationSettings>;
