/**
 * The HTTP contract of the payer profiles (`GET /api/reports/payers` and
 * `GET /api/customers/{customerId}/payer-profile`, docs/api.md « Payer profiles »,
 * docs/formulas.md « Payer profile »). Days and shares have one decimal; `null` is no figure
 * (nothing paid or overdue in the window). Pure: the CLI and the web read it without
 * loading the use case.
 */
import { z } from 'zod';
import { ZCalendarDate, ZCurrency, ZId } from '../shared/schemas.ts';

/** The categories, best first. */
export const PAYER_CATEGORIES = ['A', 'B', 'C', 'D'] as const;
/** How the rows are ordered (`PAYER_REPORT_SORTS` of payer-report.ts). */
export const PAYER_SORTS = ['days_late', 'name'] as const;

/**
 * `5,15,30` as people type it. Whether they make thresholds (3 of them, whole, increasing) is
 * the use case's to say, with every issue at once (`checkPayerThresholds`), so only what is
 * not a list of numbers is refused here.
 */
export const ZPayerThresholdList = z
  .string()
  .regex(/^\s*-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?)*\s*$/, {
    error: 'payer_thresholds_not_numbers',
  })
  .transform((text) => text.split(',').map((part) => Number(part.trim())))
  .meta({
    description:
      'The upper bounds, in weighted days late, of categories A, B and C, comma-separated and increasing (default `5,15,30`: A up to 5 days, B up to 15, C up to 30, D beyond)',
  });

/** The profiles' own parameters, shared by the portfolio's and a customer's. */
const ZPayerFilters = z.object({
  asOf: ZCalendarDate.optional().meta({
    description:
      'The day the profiles are as of, the ledger as it stood that day (default: the company’s today); the window is the 12 months up to it',
  }),
  thresholds: ZPayerThresholdList.optional(),
});

export const ZPayerReportQuery = ZPayerFilters.extend({
  currency: ZCurrency.optional().meta({ description: 'Only the rows in this currency' }),
  category: z.enum(PAYER_CATEGORIES).optional().meta({
    description: 'Only the rows of this category (the counts still cover every row)',
  }),
  sort: z.enum(PAYER_SORTS).default('days_late').meta({
    description:
      '`days_late`: the worst payers first, those without a figure last; `name`: by customer name',
  }),
  limit: z.coerce.number().int().min(1).max(1000).default(100).meta({
    description: 'The most rows answered, 100 by default and 1,000 at most',
  }),
  customerIds: z
    .string()
    .max(20_000)
    .transform((text) => text.split(',').map((id) => id.trim()))
    .pipe(z.array(ZId))
    .optional()
    .meta({
      description:
        'Only these customers, comma-separated ids (200 at most): a page of the customer list',
    }),
});
export type TPayerReportQuery = z.infer<typeof ZPayerReportQuery>;

export const ZCustomerPayerProfileQuery = ZPayerFilters;
export const ZCustomerPayerProfileParams = z.object({ customerId: ZId });

const ZDays = z.number().nullable().meta({
  description: 'Σ(amount × days late) ÷ Σ amount, one decimal; null without a figure',
});
const ZShare = (of: string) =>
  z
    .number()
    .nullable()
    .meta({ description: `${of}, in percent, one decimal; null without one` });

export const ZPayerProfile = z
  .object({
    currency: z.string(),
    weightedDaysLate: ZDays,
    onTimeShareByAmount: ZShare('The share of the amount paid 0 days late'),
    onTimeShareByCount: ZShare('The share of the invoices whose every part was on time'),
    category: z.enum(PAYER_CATEGORIES).nullable().meta({
      description: 'A to D by the thresholds; null without a figure',
    }),
    trend: z
      .array(
        z.object({
          month: ZCalendarDate.meta({ description: 'The month’s first day' }),
          weightedDaysLate: ZDays,
        }),
      )
      .readonly()
      .meta({ description: 'The weighted days late of each of the last 6 months, oldest first' }),
  })
  .meta({ id: 'PayerProfile' });

const ZCategoryCount = z.number().int();

export const ZPayerReport = z
  .object({
    asOf: ZCalendarDate,
    from: ZCalendarDate.meta({ description: 'The window’s first day: 12 months before `asOf`' }),
    thresholds: z.array(z.number()),
    categoryCounts: z
      .array(
        z.object({
          currency: z.string(),
          A: ZCategoryCount,
          B: ZCategoryCount,
          C: ZCategoryCount,
          D: ZCategoryCount,
          none: ZCategoryCount.meta({ description: 'Rows without a figure' }),
        }),
      )
      .meta({ description: 'Per currency, the rows of each category, before `category`, `limit`' }),
    rowCount: z.number().int().meta({ description: 'Every row of `category`, before `limit`' }),
    rows: z.array(
      ZPayerProfile.extend({ customerId: ZId, code: z.string(), name: z.string() }).meta({
        id: 'PayerReportRow',
      }),
    ),
  })
  .meta({ id: 'PayerReport' });
export type TPayerReport = z.infer<typeof ZPayerReport>;

export const ZCustomerPayerProfile = z
  .object({
    asOf: ZCalendarDate,
    from: ZCalendarDate,
    thresholds: z.array(z.number()),
    customerId: ZId,
    code: z.string(),
    name: z.string(),
    profiles: z.array(ZPayerProfile).meta({
      description: 'One per currency, sorted; empty without history',
    }),
  })
  .meta({ id: 'CustomerPayerProfile' });
export type TCustomerPayerProfile = z.infer<typeof ZCustomerPayerProfile>;
