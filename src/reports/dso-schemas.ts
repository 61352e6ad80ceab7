/**
 * The HTTP contract of the DSO history (`GET /api/reports/dso`, docs/api.md « DSO »,
 * docs/formulas.md « DSO »): per currency, each month end's figures and the month's inputs,
 * amounts in integer minor units. Pure: the CLI reads it without loading the use case.
 */
import { z } from 'zod';
import { ZCalendarDate, ZCents, ZCurrency, ZId } from '../shared/schemas.ts';
import { REPORT_FORMATS } from './schemas.ts';

export const ZDsoQuery = z.object({
  asOf: ZCalendarDate.optional().meta({
    description:
      'The day the history is as of (default: the company’s today); it ends on the last month end on or before it',
  }),
  months: z.coerce.number().int().optional().meta({
    description: 'How many month ends, 1 to 60 (default 24)',
  }),
  currency: ZCurrency.optional().meta({ description: 'Only this currency' }),
  customerId: ZId.optional().meta({
    description: 'One customer’s history; the portfolio’s by default',
  }),
});
export type TDsoQuery = z.infer<typeof ZDsoQuery>;

export const ZDsoExportQuery = ZDsoQuery.extend({
  format: z.enum(REPORT_FORMATS).default('csv').meta({
    description:
      '`csv` (a line per currency and month end), `xlsx` (figures and amounts as numbers, the month end as a date) or `pdf` (A4 landscape, to print)',
  }),
});

const ZCountBack = z.object({
  days: z.number().meta({ description: 'Days, one decimal' }),
  isExhausted: z.boolean().meta({
    description: 'False when the receivables outran every month read: `days` is then a floor',
  }),
});

export const ZDsoMonth = z
  .object({
    month: ZCalendarDate.meta({
      description: 'The first day of the month; its end is the figures’ day',
    }),
    salesCents: ZCents.meta({
      description: 'Invoices less credit notes issued in the month, tax included',
    }),
    receivablesCents: ZCents.meta({ description: 'The invoices’ open amounts at the month end' }),
    notDueCents: ZCents.meta({ description: 'The part of them not yet due then' }),
    dso: ZCountBack.meta({ description: 'The count-back DSO' }),
    simpleDso: z
      .number()
      .nullable()
      .meta({ description: 'Receivables ÷ 3 months’ sales × their days' }),
    bestPossibleDso: ZCountBack.meta({
      description: 'The count-back DSO of the receivables not yet due',
    }),
    averageDaysDelinquent: z.number().meta({ description: 'DSO − BPDSO' }),
    collectionEffectiveness: z
      .number()
      .nullable()
      .meta({ description: 'The CEI in percent; null when nothing was collectable' }),
  })
  .meta({ id: 'DsoMonth' });

export const ZDsoReport = z
  .object({
    asOf: ZCalendarDate,
    lastMonthEnd: ZCalendarDate,
    currencies: z.array(z.object({ currency: z.string(), months: z.array(ZDsoMonth) })),
  })
  .meta({ id: 'DsoReport' });
export type TDsoReport = z.infer<typeof ZDsoReport>;
