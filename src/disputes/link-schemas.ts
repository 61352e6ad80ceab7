/**
 * The HTTP contract of the department's page (`/reponse#<token>`, issue 10, docs/disputes.md
 * « The department's link »): what a department member sees of the one dispute its link
 * opens — no staff-only field (no link list, no timeline, no user ids). Comments and
 * attachments are those of the thread (thread-schemas.ts).
 */
import { z } from 'zod';
import { ZCalendarDate, ZCents, ZCurrency } from '../shared/schemas.ts';
import { ZDisputeStatus } from './schemas.ts';
import { ZDisputeAttachment, ZDisputeComment } from './thread-schemas.ts';

/** The header the department's page sends its link's token in. */
export const ZDisputeLinkHeaders = z.looseObject({
  'x-access-token': z
    .string()
    .max(200)
    .optional()
    .meta({ description: 'The token of the department link (the part of its URL after `#`)' }),
});

export const ZLinkedDisputeInvoice = z
  .object({
    number: z.string(),
    issueDate: ZCalendarDate,
    dueDate: ZCalendarDate,
    amountCents: ZCents,
    disputedCents: ZCents.nullable().meta({ description: 'null: all that is open is disputed' }),
  })
  .meta({ id: 'LinkedDisputeInvoice' });

export const ZLinkedDispute = z
  .object({
    company: z.object({ legalName: z.string() }),
    dispute: z.object({
      reference: z.string(),
      cause: z.string(),
      causeLabel: z.string().nullable().meta({
        description: "The company's label of the cause; null: a default, worded from its code",
      }),
      description: z.string().nullable(),
      amountCents: ZCents,
      currency: ZCurrency,
      deadline: ZCalendarDate,
      status: ZDisputeStatus,
      raisedOn: ZCalendarDate,
      customer: z.object({ code: z.string(), name: z.string() }),
      invoices: z.array(ZLinkedDisputeInvoice),
    }),
    comments: z.array(ZDisputeComment),
    attachments: z.array(ZDisputeAttachment),
    recipient: z.object({ name: z.string().nullable(), email: z.string().nullable() }),
    expiresAt: z.string(),
  })
  .meta({ id: 'LinkedDispute' });
export type TLinkedDispute = z.infer<typeof ZLinkedDispute>;
