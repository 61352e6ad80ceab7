/**
 * The HTTP contract of disputes (`/api/invoices/:id/dispute`, `/api/disputes`): raising a
 * dispute on an invoice, resolving it, reading the open ones. Amounts are integer minor
 * units with the invoice's currency; the fields a refusal names are these fields
 * (`amountCents`, `note`). The web parses every answer with these.
 */
import { z } from 'zod';
import { ZCalendarDate, ZCents, ZCurrency, ZId } from '../shared/schemas.ts';
import { DISPUTE_REASONS, MAX_DISPUTE_NOTE_LENGTH } from './model.ts';

export const ZDisputeReason = z.enum(DISPUTE_REASONS).meta({
  id: 'DisputeReason',
  description:
    'price (price or discount), quantity, quality, delivery (late, not delivered, no proof), not_ordered, duplicate, already_paid, other (said in the note)',
});
export type TDisputeReason = z.infer<typeof ZDisputeReason>;

const ZDisputeActor = z
  .object({
    id: ZId.nullable().meta({ description: 'The user; null for the CLI, an API token or a run' }),
    name: z.string().nullable(),
  })
  .meta({ id: 'DisputeActor' });

export const ZDispute = z
  .object({
    id: ZId,
    invoiceId: ZId,
    invoiceNumber: z.string(),
    customerId: ZId,
    reason: ZDisputeReason,
    note: z.string().nullable(),
    amountCents: ZCents.nullable().meta({
      description: 'The disputed part, in minor units of `currency`; null: the whole open amount',
    }),
    currency: ZCurrency,
    raisedOn: ZCalendarDate,
    raisedBy: ZDisputeActor,
    isOpen: z.boolean(),
    resolvedOn: ZCalendarDate.nullable(),
    resolvedBy: ZDisputeActor.nullable(),
    resolutionNote: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Dispute' });
export type TDispute = z.infer<typeof ZDispute>;

/** The open dispute of an invoice, or none. */
export const ZInvoiceDispute = z
  .object({ dispute: ZDispute.nullable() })
  .meta({ id: 'InvoiceDispute' });
export type TInvoiceDispute = z.infer<typeof ZInvoiceDispute>;

const ZNote = z.string().max(MAX_DISPUTE_NOTE_LENGTH);

export const ZRaiseDisputeRequest = z
  .object({
    reason: ZDisputeReason,
    note: ZNote.nullish(),
    amountCents: z.number().int().nullish().meta({
      description:
        'The disputed part in minor units, more than 0 and at most the open amount; absent or null: the whole open amount',
    }),
  })
  .meta({ id: 'RaiseDisputeRequest' });
export type TRaiseDisputeRequest = z.infer<typeof ZRaiseDisputeRequest>;

export const ZResolveDisputeRequest = z
  .object({ note: ZNote.nullish() })
  .meta({ id: 'ResolveDisputeRequest' });
export type TResolveDisputeRequest = z.infer<typeof ZResolveDisputeRequest>;

export const ZListDisputesQuery = z.object({
  customerId: ZId.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  before: ZId.optional().meta({ description: 'The last id of the previous page: the next one' }),
});
export type TListDisputesQuery = z.infer<typeof ZListDisputesQuery>;

export const ZDisputeList = z
  .object({
    items: z.array(ZDispute),
    nextBefore: ZId.nullable().meta({
      description: 'Pass as `before` for the next page; null when this one is the last',
    }),
  })
  .meta({ id: 'DisputeList' });
export type TDisputeList = z.infer<typeof ZDisputeList>;
