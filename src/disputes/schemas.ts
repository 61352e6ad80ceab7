/**
 * The HTTP contract of disputes (issue 10, /work contract « Disputes (staff) »): opening a
 * dispute over one or more invoices, routing it to a department, resolving it, reading the
 * board; the company's causes and departments; the invoice page's one-invoice doors. Amounts
 * are integer minor units with the dispute's currency; dates `YYYY-MM-DD`, instants ISO
 * strings. The web parses every answer with these.
 */
import { z } from 'zod';
import { ZTimelineEvent } from '../audit/schemas.ts';
import { ZCalendarDate, ZCents, ZCurrency, ZId } from '../shared/schemas.ts';
import {
  CREDIT_NOTE_STATES,
  DECIDED_OUTCOMES,
  DISPUTE_OUTCOMES,
  DISPUTE_SOURCES,
  DISPUTE_STATUSES,
  MAX_DISPUTE_NOTE_LENGTH,
} from './model.ts';
import { ZDisputeAttachment, ZDisputeComment, ZDisputeLink } from './thread-schemas.ts';

/** The most invoices one dispute covers (a statement of account contested line by line). */
export const MAX_INVOICES_PER_DISPUTE = 100;

export const ZDisputeStatus = z.enum(DISPUTE_STATUSES).meta({
  id: 'DisputeStatus',
  description:
    'open → waiting_department → waiting_customer → resolved (any order before resolved)',
});
export type TDisputeStatus = z.infer<typeof ZDisputeStatus>;

export const ZDisputeOutcome = z.enum(DISPUTE_OUTCOMES).meta({
  id: 'DisputeOutcome',
  description:
    'justified (a credit note issued or to issue), rejected (the customer must pay), corrected (a corrected invoice), paid (closed by itself: its invoices were paid)',
});
export type TDisputeOutcome = z.infer<typeof ZDisputeOutcome>;

export const ZCreditNoteState = z.enum(CREDIT_NOTE_STATES).meta({ id: 'CreditNoteState' });
export type TCreditNoteState = z.infer<typeof ZCreditNoteState>;

export const ZDisputeSource = z.enum(DISPUTE_SOURCES).meta({
  id: 'DisputeSource',
  description: 'staff (invoice page, API, CLI), agenda (a call’s outcome), portal (the customer)',
});
export type TDisputeSource = z.infer<typeof ZDisputeSource>;

/** A cause's code: what the table's check accepts. */
export const ZCauseCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/)
  .meta({ description: 'A cause of the company (GET /api/dispute-causes)' });

export const ZDisputeCause = z
  .object({
    code: ZCauseCode,
    label: z.string().nullable().meta({
      description: 'The company’s own label; null: a default, worded by the client from its code',
    }),
    deadlineDays: z.number().int(),
    isActive: z.boolean(),
    isDefault: z.boolean(),
    position: z.number().int(),
  })
  .meta({ id: 'DisputeCause' });
export type TDisputeCause = z.infer<typeof ZDisputeCause>;

export const ZDisputeCauseList = z
  .object({ items: z.array(ZDisputeCause) })
  .meta({ id: 'DisputeCauseList' });
export type TDisputeCauseList = z.infer<typeof ZDisputeCauseList>;

export const ZSaveCauseRequest = z
  .object({
    label: z.string().trim().min(1).max(80).nullable().optional().meta({
      description:
        'The cause’s words; null: a default cause’s own words, in the reader’s language (refused for a cause of the company’s own); left out: unchanged',
    }),
    deadlineDays: z.number().int().min(1).max(365),
    isActive: z.boolean().optional(),
    position: z.number().int().min(0).max(100_000).optional(),
  })
  .meta({ id: 'SaveDisputeCauseRequest' });
export type TSaveCauseRequest = z.infer<typeof ZSaveCauseRequest>;

const ZPerson = z.object({ name: z.string().nullable(), email: z.string().nullable() });

export const ZDepartment = z
  .object({
    id: ZId,
    code: z.string(),
    name: z.string(),
    defaultAssignee: ZPerson,
    manager: ZPerson,
    isActive: z.boolean(),
  })
  .meta({ id: 'Department' });
export type TDepartment = z.infer<typeof ZDepartment>;

export const ZDepartmentList = z
  .object({ items: z.array(ZDepartment) })
  .meta({ id: 'DepartmentList' });
export type TDepartmentList = z.infer<typeof ZDepartmentList>;

const ZPersonInput = z.object({
  name: z.string().trim().min(1).max(200).nullish(),
  email: z.email().max(254).nullish(),
});

export const ZCreateDepartmentRequest = z
  .object({
    code: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{0,39}$/)
      .meta({ description: 'Lower-case letters, digits, - and _: `sales`, `logistics`' }),
    name: z.string().trim().min(1).max(80),
    defaultAssignee: ZPersonInput.optional(),
    manager: ZPersonInput.optional(),
    isActive: z.boolean().optional(),
  })
  .meta({ id: 'CreateDepartmentRequest' });
export type TCreateDepartmentRequest = z.infer<typeof ZCreateDepartmentRequest>;

export const ZUpdateDepartmentRequest = ZCreateDepartmentRequest.partial().meta({
  id: 'UpdateDepartmentRequest',
});
export type TUpdateDepartmentRequest = z.infer<typeof ZUpdateDepartmentRequest>;

export const ZDisputeInvoice = z
  .object({
    invoiceId: ZId,
    number: z.string(),
    disputedCents: ZCents.nullable().meta({
      description: 'The disputed part; null: all that is open on the invoice',
    }),
    openCents: ZCents,
    heldBackCents: ZCents.meta({
      description: 'What the daily run holds back now (0 once the dispute is resolved)',
    }),
  })
  .meta({ id: 'DisputeInvoice' });
export type TDisputeInvoice = z.infer<typeof ZDisputeInvoice>;

const ZDisputeActor = z
  .object({
    id: ZId.nullable().meta({ description: 'The user; null for the CLI, a token, a run, a link' }),
    name: z.string().nullable(),
  })
  .meta({ id: 'DisputeActor' });

export const ZDisputeSummary = z
  .object({
    id: ZId,
    reference: z.string().meta({ description: '`LIT-000123`' }),
    customer: z.object({ id: ZId, code: z.string(), name: z.string() }),
    cause: z.string(),
    description: z.string().nullable(),
    amountCents: ZCents.meta({ description: 'The disputed total when it was opened' }),
    heldBackCents: ZCents.meta({ description: 'Held back now: the sum over its open invoices' }),
    currency: ZCurrency,
    invoices: z.array(ZDisputeInvoice),
    department: z.object({ id: ZId, code: z.string(), name: z.string() }).nullable(),
    assignee: ZPerson,
    deadline: ZCalendarDate,
    isOverdue: z
      .boolean()
      .meta({ description: 'Today is past the deadline and it is not resolved' }),
    status: ZDisputeStatus,
    outcome: ZDisputeOutcome.nullable(),
    creditNote: ZCreditNoteState.nullable(),
    source: ZDisputeSource,
    salesRep: z.string().nullable(),
    raisedOn: ZCalendarDate,
    raisedBy: ZDisputeActor,
    resolvedOn: ZCalendarDate.nullable(),
    resolvedBy: ZDisputeActor.nullable(),
    resolutionNote: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'DisputeSummary' });
export type TDisputeSummary = z.infer<typeof ZDisputeSummary>;

export const ZDisputeDetail = ZDisputeSummary.extend({
  comments: z.array(ZDisputeComment),
  attachments: z.array(ZDisputeAttachment),
  links: z.array(ZDisputeLink).meta({ description: 'Department links (staff only)' }),
  timeline: z.array(ZTimelineEvent),
}).meta({ id: 'DisputeDetail' });
export type TDisputeDetail = z.infer<typeof ZDisputeDetail>;

export const ZDisputeList = z
  .object({
    items: z.array(ZDisputeSummary),
    nextBefore: ZId.nullable().meta({
      description: 'Pass as `before` for the next page; null when this one is the last',
    }),
  })
  .meta({ id: 'DisputeList' });
export type TDisputeList = z.infer<typeof ZDisputeList>;

/** A query parameter that may repeat (`?status=open&status=waiting_department`). */
function repeatable<T extends z.ZodType>(item: T) {
  return z
    .union([item, z.array(item)])
    .transform((value): z.output<T>[] => (Array.isArray(value) ? value : [value]));
}

export const ZListDisputesQuery = z.object({
  status: repeatable(ZDisputeStatus).optional(),
  departmentId: ZId.optional(),
  cause: ZCauseCode.optional(),
  customerId: ZId.optional(),
  invoiceId: ZId.optional(),
  open: z
    .enum(['true', 'false'])
    .transform((text) => text === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: ZId.optional().meta({ description: 'The last id of the previous page: the next one' }),
});
export type TListDisputesQuery = z.infer<typeof ZListDisputesQuery>;

const ZNote = z.string().max(MAX_DISPUTE_NOTE_LENGTH);

const ZDisputedCents = z.number().int().nullish().meta({
  description:
    'The disputed part in minor units, more than 0 and at most the open amount; absent or null: all that is open',
});

export const ZOpenDisputeRequest = z
  .object({
    invoices: z
      .array(z.object({ invoiceId: ZId, disputedCents: ZDisputedCents }))
      .min(1)
      .max(MAX_INVOICES_PER_DISPUTE),
    cause: ZCauseCode,
    description: ZNote.nullish(),
    departmentId: ZId.nullish(),
    assignee: ZPersonInput.optional(),
    deadline: ZCalendarDate.optional().meta({
      description: 'Default: the opening day plus the cause’s deadlineDays',
    }),
  })
  .meta({ id: 'OpenDisputeRequest' });
export type TOpenDisputeRequest = z.infer<typeof ZOpenDisputeRequest>;

export const ZUpdateDisputeRequest = z
  .object({
    status: z.enum(['open', 'waiting_department', 'waiting_customer']).optional(),
    departmentId: ZId.nullish(),
    assignee: ZPersonInput.optional(),
    deadline: ZCalendarDate.optional(),
    cause: ZCauseCode.optional(),
    description: ZNote.nullish(),
  })
  .meta({ id: 'UpdateDisputeRequest' });
export type TUpdateDisputeRequest = z.infer<typeof ZUpdateDisputeRequest>;

export const ZResolveDisputeRequest = z
  .object({
    outcome: z.enum(DECIDED_OUTCOMES),
    creditNote: ZCreditNoteState.optional().meta({ description: 'Required with justified' }),
    note: ZNote.nullish(),
  })
  .meta({ id: 'ResolveDisputeRequest' });
export type TResolveDisputeRequest = z.infer<typeof ZResolveDisputeRequest>;

/** The invoice page's door: a dispute over that one invoice. */
export const ZOpenInvoiceDisputeRequest = z
  .object({
    cause: ZCauseCode,
    description: ZNote.nullish(),
    disputedCents: ZDisputedCents,
    departmentId: ZId.nullish(),
  })
  .meta({ id: 'OpenInvoiceDisputeRequest' });
export type TOpenInvoiceDisputeRequest = z.infer<typeof ZOpenInvoiceDisputeRequest>;

/** The open dispute of an invoice, or none. */
export const ZInvoiceDispute = z
  .object({ dispute: ZDisputeSummary.nullable() })
  .meta({ id: 'InvoiceDispute' });
export type TInvoiceDispute = z.infer<typeof ZInvoiceDispute>;
