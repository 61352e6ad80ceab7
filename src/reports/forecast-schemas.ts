/**
 * The HTTP contract of the cash forecast and its backtest (`GET /api/reports/forecast`,
 * `GET /api/reports/backtest`, docs/api.md, docs/formulas.md « Cash forecast », « Backtest »):
 * amounts in integer minor units, weeks from Monday. Pure: the CLI and the web read it
 * without loading the use cases.
 */
import { z } from 'zod';
import { ZCalendarDate, ZCents, ZCurrency, ZId } from '../shared/schemas.ts';

export const ZForecastQuery = z.object({
  asOf: ZCalendarDate.optional().meta({
    description: 'The day the forecast is made on (default: the company’s today)',
  }),
  currency: ZCurrency.optional().meta({ description: 'Only this currency' }),
});
export type TForecastQuery = z.infer<typeof ZForecastQuery>;

export const ZBacktestQuery = z.object({
  from: ZCalendarDate.meta({
    description: 'The day the forecast is replayed as of, with only what was known then',
  }),
  to: ZCalendarDate.meta({
    description: 'The last day of the payments compared: after `from`, at most today',
  }),
  currency: ZCurrency.optional().meta({ description: 'Only this currency' }),
});
export type TBacktestQuery = z.infer<typeof ZBacktestQuery>;

const ZModelSummary = z
  .object({
    historyFrom: ZCalendarDate.meta({
      description: 'The first day whose payments the model learnt from (24 months before)',
    }),
    paidInvoices: z.number().int().meta({ description: 'Invoices paid in that window' }),
    customersWithHistory: z.number().int(),
    portfolioDelayDays: z.number().meta({
      description: 'The portfolio’s median days after the due date, one decimal (negative: early)',
    }),
    credibility: z.number().int().meta({
      description: 'k of the shrinkage n / (n + k) toward the portfolio’s median',
    }),
  })
  .meta({ id: 'ForecastModelSummary' });

export const ZForecastReport = z
  .object({
    asOf: ZCalendarDate,
    currencies: z.array(
      z.object({
        currency: z.string(),
        weeks: z
          .array(
            z.object({
              monday: ZCalendarDate.meta({ description: 'The week’s Monday' }),
              amountCents: ZCents.meta({ description: 'Expected that week' }),
              invoiceCount: z.number().int(),
            }),
          )
          .meta({ description: '13 weeks, the first one the as-of date’s' }),
        laterCents: ZCents.meta({ description: 'Expected after the 13th week' }),
        laterInvoiceCount: z.number().int(),
        openCents: ZCents.meta({ description: 'All open on the date: the weeks plus later' }),
        invoiceCount: z.number().int(),
        overdueCents: ZCents.meta({ description: 'The part past due on the date' }),
        promisedCents: ZCents.meta({ description: 'The part under a live promise' }),
      }),
    ),
    model: ZModelSummary,
  })
  .meta({ id: 'CashForecast' });
export type TForecastReport = z.infer<typeof ZForecastReport>;

export const ZForecastWeekQuery = ZForecastQuery.extend({
  week: z.union([ZCalendarDate, z.literal('later')]).meta({
    description:
      'The week: its Monday, one of the 13 of the forecast as of `asOf`, or `later` (after the 13th)',
  }),
  limit: z.coerce.number().int().min(1).max(1000).default(100).meta({
    description:
      'The most invoices answered, 100 by default, 1,000 at most; `totals` cover them all',
  }),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TForecastWeekQuery = z.infer<typeof ZForecastWeekQuery>;

export const ZForecastWeek = z
  .object({
    asOf: ZCalendarDate,
    week: z.union([ZCalendarDate, z.literal('later')]),
    totals: z
      .array(z.object({ currency: z.string(), count: z.number().int(), amountCents: ZCents }))
      .meta({ description: 'Per currency, every invoice of the week: the forecast’s bar' }),
    items: z.array(
      z.object({
        id: ZId,
        number: z.string(),
        customer: z.object({ id: ZId, code: z.string(), name: z.string() }),
        dueDate: ZCalendarDate,
        promisedOn: ZCalendarDate.nullable().meta({ description: 'A live promise’s date' }),
        predictedOn: ZCalendarDate.meta({ description: 'The day it is expected' }),
        openCents: ZCents.meta({ description: 'Open on `asOf`' }),
        currency: z.string(),
      }),
    ),
  })
  .meta({ id: 'CashForecastWeek' });
export type TForecastWeek = z.infer<typeof ZForecastWeek>;

const ZBacktestScore = z.object({
  meanAbsoluteErrorDays: z.number().nullable().meta({
    description:
      'Mean of |predicted − actual paid date| over the invoices paid since, one decimal; null when none was',
  }),
  weeklyErrors: z
    .array(z.object({ currency: z.string(), errorCents: ZCents }))
    .meta({ description: 'Per currency, Σ over the 13 weeks of |predicted − received|' }),
});

export const ZBacktestReport = z
  .object({
    from: ZCalendarDate,
    to: ZCalendarDate,
    paidInvoices: z.number().int().meta({ description: 'Invoices open on `from`, paid by `to`' }),
    unpaidInvoices: z.number().int(),
    model: ZBacktestScore,
    baseline: ZBacktestScore.meta({ description: 'The naive « paid on the due date »' }),
    series: z
      .array(
        z.object({
          currency: z.string(),
          weeks: z.array(
            z.object({
              monday: ZCalendarDate,
              modelCents: ZCents,
              baselineCents: ZCents,
              actualCents: ZCents.meta({ description: 'Actually received that week' }),
            }),
          ),
        }),
      )
      .meta({ description: 'Forecast vs actual, week by week from `from`’s Monday' }),
    history: ZModelSummary,
  })
  .meta({ id: 'ForecastBacktest' });
export type TBacktestReport = z.infer<typeof ZBacktestReport>;
