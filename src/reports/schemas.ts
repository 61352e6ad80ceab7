/**
 * The HTTP contract of the aged balance (`GET /api/reports/aged-balance` and its export,
 * docs/api.md « Aged balance », docs/formulas.md « Aged balance »). Amounts are integer minor
 * units of the row's `currency`; the rows of one currency are never summed with another's.
 * Pure: the CLI reads its option lists from here without loading the use case.
 */
import { z } from 'zod';
import { ZCalendarDate, ZCents, ZCurrency } from '../shared/schemas.ts';

/** What the rows stand for (`AGED_BALANCE_GROUPS` of aged-balance.ts). */
export const AGED_BALANCE_BY = ['customer', 'collector', 'category'] as const;
/** How the rows are ordered (`AGED_BALANCE_SORTS` of aged-balance.ts). */
export const AGED_BALANCE_ORDERS = ['open', 'overdue', 'name'] as const;
/** The file formats of the export: the lists' two, and a PDF to print. */
export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The rows an answer holds by default, and at most: the totals always cover every row. */
export const DEFAULT_AGED_BALANCE_LIMIT = 100;
export const MAX_AGED_BALANCE_LIMIT = 1000;

/**
 * `30,60,90` as people type it: numbers, comma-separated. Whether they make buckets (whole,
 * positive, increasing) is the use case's to say, with every issue at once (aging.ts
 * `checkAgingBounds`), so only what is not a number at all is refused here.
 */
const BUCKET_LIST = /^\s*-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?)*\s*$/;

export const ZBucketList = z
  .string()
  .regex(BUCKET_LIST, { error: 'aging_buckets_not_numbers' })
  .meta({
    description:
      'The upper bounds, in days past due, of the late buckets but the last, comma-separated and increasing: `30,60,90` (the default) gives not yet due, 1–30, 31–60, 61–90 and over 90',
  });

/** The bounds of `ZBucketList`'s text: `'30, 60,90'` → `[30, 60, 90]`. */
export function bucketBoundsOf(text: string): number[] {
  return text.split(',').map((part) => Number(part.trim()));
}

/** The filters of the balance, shared by the answer and its export (no `meta({ id })`). */
const ZAgedBalanceFilters = z.object({
  asOf: ZCalendarDate.optional().meta({
    description:
      'The day the balance is as of, the ledger as it stood that day (default: the company’s today); not after today, not before the first document',
  }),
  by: z.enum(AGED_BALANCE_BY).default('customer').meta({
    description: 'One row per customer, per collector or per risk category, in each currency',
  }),
  buckets: ZBucketList.optional(),
  currency: ZCurrency.optional().meta({
    description: 'Only the rows and totals in this currency (one the company has invoices in)',
  }),
  sort: z.enum(AGED_BALANCE_ORDERS).default('open').meta({
    description:
      '`open`: most open invoices first; `overdue`: most overdue first; `name`: by customer code, collector name or category',
  }),
});

export const ZAgedBalanceQuery = ZAgedBalanceFilters.extend({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_AGED_BALANCE_LIMIT)
    .default(DEFAULT_AGED_BALANCE_LIMIT)
    .meta({
      description: `The most rows answered, ${DEFAULT_AGED_BALANCE_LIMIT} by default and ${MAX_AGED_BALANCE_LIMIT} at most; \`rowCount\` counts them all and \`totals\` cover them all (the export has every row)`,
    }),
});
export type TAgedBalanceQuery = z.infer<typeof ZAgedBalanceQuery>;

export const ZAgedBalanceExportQuery = ZAgedBalanceFilters.extend({
  format: z.enum(REPORT_FORMATS).default('csv').meta({
    description:
      '`csv` (every row), `xlsx` (every row, amounts as numbers, a totals row per currency) or `pdf` (A4 landscape, to print)',
  }),
});
export type TAgedBalanceExportQuery = z.infer<typeof ZAgedBalanceExportQuery>;

export const ZAgingBucket = z
  .object({
    minDaysLate: z.number().int().min(0),
    maxDaysLate: z.number().int().min(0).nullable(),
  })
  .meta({
    id: 'AgingBucket',
    description:
      'A column of the balance, in days past due, both ends included: not yet due is 0–0, the last has no upper bound (null)',
  });

/** The figures of a row or a total, in minor units of `currency`. */
const agingFigures = {
  currency: ZCurrency,
  buckets: z.array(ZCents).meta({
    description: 'The open invoices of each bucket of `buckets`, in the same order',
  }),
  invoicesOpen: ZCents.meta({ description: 'The open invoices, every bucket together' }),
  overdue: ZCents.meta({ description: 'The open invoices past due: every bucket but the first' }),
  creditNotesOpen: ZCents.meta({
    description: 'Credit notes not yet applied (avoirs non imputés), positive',
  }),
  unappliedCash: ZCents.meta({
    description: 'Payments received and not yet applied (paiements non affectés), positive',
  }),
  net: ZCents.meta({
    description: 'invoicesOpen − creditNotesOpen − unappliedCash (the encours; may be negative)',
  }),
};

export const ZAgedBalanceGroup = z
  .object({
    id: z.string().nullable(),
    code: z.string().nullable(),
    name: z.string().nullable(),
  })
  .meta({
    id: 'AgedBalanceGroup',
    description:
      'What the row stands for: a customer (its id, code and name), a collector (id and name; id null for the customers without one) or a risk category (its code as id and code)',
  });

export const ZAgedBalanceRow = z
  .object({ group: ZAgedBalanceGroup, ...agingFigures })
  .meta({ id: 'AgedBalanceRow' });
export type TAgedBalanceRow = z.infer<typeof ZAgedBalanceRow>;

export const ZAgedBalanceTotal = z
  .object(agingFigures)
  .meta({ id: 'AgedBalanceTotal', description: 'Every row of one currency summed' });
export type TAgedBalanceTotal = z.infer<typeof ZAgedBalanceTotal>;

export const ZAgedBalance = z
  .object({
    asOf: ZCalendarDate,
    by: z.enum(AGED_BALANCE_BY),
    buckets: z.array(ZAgingBucket),
    rowCount: z.number().int().min(0).meta({ description: 'How many rows in all, before `limit`' }),
    rows: z.array(ZAgedBalanceRow),
    totals: z.array(ZAgedBalanceTotal).meta({ description: 'One per currency, over every row' }),
  })
  .meta({
    id: 'AgedBalance',
    description:
      'What was open on `asOf`, by bucket of days past due, with unapplied credit notes and cash in their own columns, per group and currency',
  });
export type TAgedBalance = z.infer<typeof ZAgedBalance>;
