/**
 * The HTTP contract of the aged balance's drill-down, the Pareto and the collectors'
 * activity (issue 11, docs/api.md « Aged balance », « Pareto », « Collector activity »;
 * docs/formulas.md). Amounts are integer minor units of their `currency`. Pure: the CLI
 * reads it without loading the use cases.
 */
import { z } from 'zod';
import { RISK_CATEGORIES } from '../customers/schemas.ts';
import { ZCalendarDate, ZCents, ZCurrency, ZId } from '../shared/schemas.ts';
import { ZAgingBucket, ZBucketList } from './schemas.ts';

/** The orders of the drill-down (`AGED_ITEM_SORTS` of src/ledger/aged-items.ts). */
export const AGED_ITEM_ORDERS = ['open', 'oldest', 'number'] as const;
/** What the Pareto counts (`PARETO_OF` of pareto-report.ts). */
export const PARETO_KINDS = ['customers', 'invoices'] as const;

export const DEFAULT_INSIGHT_LIMIT = 100;
export const MAX_INSIGHT_LIMIT = 1000;

const ZLimit = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_INSIGHT_LIMIT)
  .default(DEFAULT_INSIGHT_LIMIT)
  .meta({
    description: `The most lines answered, ${DEFAULT_INSIGHT_LIMIT} by default and ${MAX_INSIGHT_LIMIT} at most; the counts and sums cover them all`,
  });

const ZAsOf = ZCalendarDate.optional().meta({
  description:
    'The day the figures are as of, the ledger as it stood that day (default: the company’s today); not after today, not before the first document',
});

/** A cell's column as the query names it: a bucket's index, or a column's name. */
const CELL = /^(?:\d{1,3}|overdue|credit_notes|unapplied_cash)$/;

export const ZAgedBalanceCellQuery = z.object({
  asOf: ZAsOf,
  buckets: ZBucketList.optional(),
  bucket: z
    .string()
    .refine((text) => CELL.test(text), {
      message: 'must be a bucket’s index, credit_notes or unapplied_cash',
      // The catalogue's code, said in the reader's language at each edge.
      params: { code: 'aged_balance_cell_unknown' },
    })
    .meta({
      description:
        'The cell’s column: a bucket’s index in `buckets` (0: not yet due, 1: the first late bucket, …), `overdue` (every late bucket: the overdue column), `credit_notes` or `unapplied_cash`',
    }),
  customerId: ZId.optional().meta({ description: 'The cell of one customer’s row' }),
  collectorId: z
    .union([ZId, z.literal('none')])
    .optional()
    .meta({
      description:
        'The cell of one collector’s row (a user’s id), or `none`: the customers without one',
    }),
  category: z
    .enum(RISK_CATEGORIES)
    .optional()
    .meta({ description: 'The cell of one risk category’s row' }),
  currency: ZCurrency.optional().meta({ description: 'Only this currency' }),
  sort: z.enum(AGED_ITEM_ORDERS).default('open').meta({
    description:
      '`open`: most open first; `oldest`: oldest due date (a payment: receipt) first; `number`: by number',
  }),
  limit: ZLimit,
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .default(0)
    .meta({ description: 'How many documents to skip, in the order of `sort`' }),
});
export type TAgedBalanceCellQuery = z.infer<typeof ZAgedBalanceCellQuery>;

export const ZAgedBalanceCellItem = z
  .object({
    id: ZId,
    kind: z.enum(['invoice', 'credit_note', 'payment']),
    number: z
      .string()
      .meta({ description: 'The invoice’s or credit note’s number, the payment’s reference' }),
    customer: z.object({ id: ZId, code: z.string(), name: z.string() }),
    issueDate: ZCalendarDate.meta({ description: 'Issued on (a payment: received on)' }),
    dueDate: ZCalendarDate.nullable().meta({ description: 'An invoice’s; null for the others' }),
    daysPastDue: z.number().int().nullable().meta({
      description: 'An invoice’s days past due on `asOf` (0: not yet due); null for the others',
    }),
    openCents: ZCents.meta({ description: 'What it had open on `asOf`' }),
    currency: ZCurrency,
  })
  .meta({ id: 'AgedBalanceCellItem' });

const ZCurrencyCount = z.object({
  currency: ZCurrency,
  count: z.number().int().min(0),
  openCents: ZCents,
});

export const ZAgedBalanceCell = z
  .object({
    asOf: ZCalendarDate,
    buckets: z.array(ZAgingBucket),
    cell: z.union([z.number().int().min(0), z.enum(['overdue', 'credit_notes', 'unapplied_cash'])]),
    items: z.array(ZAgedBalanceCellItem),
    totals: z.array(ZCurrencyCount).meta({
      description:
        'Per currency, how many documents the cell holds and their sum (every page): the aged balance’s cell',
    }),
  })
  .meta({
    id: 'AgedBalanceCell',
    description: 'The documents behind a cell of the aged balance, a page at a time',
  });
export type TAgedBalanceCell = z.infer<typeof ZAgedBalanceCell>;

export const ZParetoQuery = z.object({
  asOf: ZAsOf,
  currency: ZCurrency.optional().meta({ description: 'Only this currency' }),
  of: z.enum(PARETO_KINDS).default('customers').meta({
    description: '`customers` (their overdue invoices summed) or `invoices`',
  }),
  share: z.coerce.number().int().optional().meta({
    description:
      'The share of the overdue amount the set reaches at least, percent, 1 to 100 (default 80)',
  }),
  limit: ZLimit,
});
export type TParetoQuery = z.infer<typeof ZParetoQuery>;

export const ZParetoLine = z
  .object({
    id: ZId.meta({ description: 'The customer’s id, or the invoice’s' }),
    overdueCents: ZCents,
    customer: z.object({ id: ZId, code: z.string(), name: z.string() }),
    invoice: z
      .object({ number: z.string(), dueDate: ZCalendarDate, daysPastDue: z.number().int() })
      .nullable()
      .meta({ description: 'The invoice’s figures; null on a line of customers' }),
  })
  .meta({ id: 'ParetoLine' });
export type TParetoLine = z.infer<typeof ZParetoLine>;

export const ZPareto = z
  .object({
    asOf: ZCalendarDate,
    of: z.enum(PARETO_KINDS),
    share: z.number().int().meta({ description: 'The share asked, percent' }),
    currencies: z.array(
      z.object({
        currency: ZCurrency,
        totalCents: ZCents.meta({ description: 'Everything overdue on `asOf`' }),
        coveredCents: ZCents.meta({ description: 'What the set carries' }),
        sharePercent: z
          .number()
          .meta({ description: 'coveredCents ÷ totalCents, percent, one decimal' }),
        setCount: z.number().int().min(0).meta({ description: 'How many lines the set has' }),
        itemCount: z.number().int().min(0).meta({ description: 'How many were overdue in all' }),
        lines: z
          .array(ZParetoLine)
          .meta({ description: 'The set’s first `limit` lines, largest first' }),
      }),
    ),
  })
  .meta({
    id: 'Pareto',
    description:
      'Per currency, the fewest customers or invoices that carry the share asked of the overdue amount',
  });
export type TPareto = z.infer<typeof ZPareto>;

export const ZCollectorActivityQuery = z.object({
  from: ZCalendarDate.optional().meta({
    description:
      'The first day; its ISO week is counted whole (default: 11 weeks before `to`’s week)',
  }),
  to: ZCalendarDate.optional().meta({
    description: 'The last day; its ISO week is counted whole (default: the company’s today)',
  }),
  collectorId: z
    .union([ZId, z.literal('none')])
    .optional()
    .meta({ description: 'One collector (a user’s id), or `none`: what nobody’s name is on' }),
});
export type TCollectorActivityQuery = z.infer<typeof ZCollectorActivityQuery>;

const ZKeptRate = z
  .number()
  .nullable()
  .meta({ description: 'Percent, one decimal; null when no promise was decided' });

const ZActivityFigures = z.object({
  contacts: z.number().int().meta({ description: 'messages + calls' }),
  messages: z.number().int().meta({ description: 'E-mails, letters and SMS that went out' }),
  calls: z.number().int(),
  callsReached: z.number().int(),
  callsNotReached: z.number().int().meta({ description: 'Voicemail or wrong number' }),
  promisesTaken: z.number().int(),
  promisesDue: z.number().int().meta({ description: 'Falling due in the period (not cancelled)' }),
  promisesDueKept: z.number().int(),
  promisesDuePartlyKept: z.number().int(),
  promisesDueBroken: z.number().int(),
  promisesDecided: z
    .number()
    .int()
    .meta({ description: 'Kept, partly kept or broken in the period' }),
  promisesDecidedKept: z.number().int(),
  keptRateByCount: ZKeptRate,
  amounts: z.array(
    z.object({
      currency: ZCurrency,
      takenCents: ZCents,
      dueCents: ZCents,
      duePaidCents: ZCents.meta({
        description: 'Paid of the promises due, each capped at its amount',
      }),
      decidedCents: ZCents,
      decidedPaidCents: ZCents,
      keptRateByAmount: ZKeptRate,
    }),
  ),
});

export const ZCollectorActivity = z
  .object({
    from: ZCalendarDate.meta({ description: 'The Monday of the first week' }),
    to: ZCalendarDate.meta({ description: 'The Sunday of the last week' }),
    weeks: z.array(ZCalendarDate).meta({ description: 'The Mondays, oldest first' }),
    collectors: z.array(
      z.object({
        collector: z.object({
          id: ZId.nullable().meta({ description: 'null: what nobody’s name is on' }),
          name: z.string().nullable(),
        }),
        weeks: z.array(ZActivityFigures.extend({ week: ZCalendarDate })),
        total: ZActivityFigures,
      }),
    ),
  })
  .meta({
    id: 'CollectorActivity',
    description:
      'Per collector and ISO week: contacts, calls, promises taken, due and kept, kept rates',
  });
export type TCollectorActivity = z.infer<typeof ZCollectorActivity>;
