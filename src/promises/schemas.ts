/**
 * The HTTP contract of payment promises (`/api/customers/:id/promises`, `/api/promises`):
 * taking one, listing them, cancelling one, the promise-kept rate. Amounts are integer
 * minor units; rates integer basis points (10 000 = 100 %). The web parses every answer
 * with these.
 */
import { z } from 'zod';
import { ZLanguage } from '../auth/schemas.ts';
import { ZCalendarDate, ZCents, ZCurrency, ZId } from '../shared/schemas.ts';
import { MAX_GRACE_DAYS, PROMISE_CHANNELS, PROMISE_STATUSES } from './model.ts';

export const ZPromiseChannel = z.enum(PROMISE_CHANNELS).meta({
  id: 'PromiseChannel',
  description: 'How the customer gave it: phone, email, letter, portal, meeting, other',
});

export const ZPromiseStatus = z.enum(PROMISE_STATUSES).meta({
  id: 'PromiseStatus',
  description:
    'live: waiting; kept: paid in full by its day plus the grace days (as soon as it is); partly_kept / broken: that day passed with part of it / nothing paid; cancelled: withdrawn, or replaced by a newer promise on its invoices',
});

export const ZCreatePromiseRequest = z
  .object({
    amountCents: z.number().int().meta({
      description:
        'What the customer promised, in minor units: more than 0, at most the open total of its invoices',
    }),
    currency: ZCurrency.optional().meta({
      description: 'The invoices’ currency (checked against it when given)',
    }),
    promisedOn: ZCalendarDate.meta({
      description: 'The day the customer will pay by: today at the earliest, a year ahead at most',
    }),
    graceDays: z
      .number()
      .int()
      .optional()
      .meta({
        description: `Days after \`promisedOn\` a payment still keeps it, 0 to ${MAX_GRACE_DAYS} (3 by default: a weekend and the bank statement)`,
      }),
    invoiceIds: z.array(ZId).max(500).meta({
      description:
        'The open invoices it covers (at least one), all of the customer and in one currency',
    }),
    channel: ZPromiseChannel.default('phone'),
    note: z.string().max(2000).optional(),
    confirmByEmail: z.boolean().default(false).meta({
      description:
        'Queue an e-mail confirming it to the customer’s billing contact (else the first contact with an e-mail), in the same transaction',
    }),
    language: ZLanguage.optional().meta({
      description: 'The language of the confirmation (French by default)',
    }),
  })
  .meta({ id: 'CreatePromiseRequest' });
export type TCreatePromiseRequest = z.infer<typeof ZCreatePromiseRequest>;

export const ZPaymentPromise = z
  .object({
    id: ZId,
    customer: z.object({ id: ZId, code: z.string(), name: z.string() }),
    amountCents: ZCents,
    currency: ZCurrency,
    promisedOn: ZCalendarDate,
    graceDays: z.number().int(),
    deadline: ZCalendarDate.meta({ description: '`promisedOn` plus the grace days' }),
    channel: ZPromiseChannel,
    note: z.string().nullable(),
    takenBy: z.object({
      id: ZId.nullable().meta({ description: 'The user; null for the CLI or an API token' }),
      name: z.string().nullable(),
    }),
    status: ZPromiseStatus,
    paidCents: ZCents.meta({
      description:
        'Paid towards it: so far while live, as counted when its fate was decided afterwards',
    }),
    settledOn: ZCalendarDate.nullable().meta({
      description: 'The day its fate was decided, or it was cancelled',
    }),
    sourceActionId: ZId.nullable().meta({ description: 'The agenda action it was taken from' }),
    createdOn: ZCalendarDate.meta({
      description: 'The company’s date when taken: allocations count from that day',
    }),
    createdAt: z.string(),
    invoices: z.array(
      z.object({
        id: ZId,
        number: z.string(),
        openCentsAtPromise: ZCents,
        openCents: ZCents.meta({ description: 'Open now' }),
      }),
    ),
  })
  .meta({ id: 'PaymentPromise' });
export type TPaymentPromise = z.infer<typeof ZPaymentPromise>;

export const ZPromiseList = z
  .object({
    items: z.array(ZPaymentPromise),
    nextBefore: ZId.nullable().meta({
      description: 'Pass as `before` for the next page; null on the last one',
    }),
  })
  .meta({ id: 'PromiseList' });
export type TPromiseList = z.infer<typeof ZPromiseList>;

export const ZListPromisesQuery = z.object({
  status: ZPromiseStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: ZId.optional(),
});
export type TListPromisesQuery = z.infer<typeof ZListPromisesQuery>;

export const ZCancelPromiseRequest = z
  .object({ note: z.string().max(2000).optional() })
  .meta({ id: 'CancelPromiseRequest' });

export const ZKeptRateQuery = z.object({ from: ZCalendarDate, to: ZCalendarDate });

export const ZPromiseKeptRate = z
  .object({
    from: ZCalendarDate,
    to: ZCalendarDate,
    count: z.object({
      kept: z.number().int(),
      partlyKept: z.number().int(),
      broken: z.number().int(),
      rate: z.number().int().nullable().meta({
        description: 'Kept over settled, in basis points (half up); null with none settled',
      }),
    }),
    amount: z.object({
      currency: ZCurrency,
      promisedCents: ZCents,
      paidCents: ZCents.meta({ description: 'Each promise’s paid amount capped at its own' }),
      rate: z.number().int().nullable().meta({
        description: 'Paid over promised, in basis points (half up); null with none settled',
      }),
    }),
  })
  .meta({ id: 'PromiseKeptRate' });
export type TPromiseKeptRate = z.infer<typeof ZPromiseKeptRate>;
