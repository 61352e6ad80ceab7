/**
 * The HTTP contract of the dispute report (`GET /api/reports/disputes`, docs/disputes.md
 * « Reports »). Amounts are integer minor units of their `currency`; average days are days
 * to one decimal (report-model.ts `averageDays`). The web parses the answer with these.
 */
import { z } from 'zod';
import { ZCalendarDate, ZCents, ZCurrency, ZId } from '../shared/schemas.ts';
import { AGE_BUCKETS } from './report-model.ts';

export const ZDisputeReportQuery = z.object({
  asOf: ZCalendarDate.optional().meta({
    description:
      'The day the report is counted at: ages, deadlines passed, the year looked back (default: the company’s today)',
  }),
});
export type TDisputeReportQuery = z.infer<typeof ZDisputeReportQuery>;

const ZReportDepartment = z
  .object({ id: ZId, code: z.string(), name: z.string() })
  .nullable()
  .meta({
    id: 'DisputeReportDepartment',
    description: 'The department the disputes are routed to; null: routed to none',
  });

const ZCount = z.number().int().min(0);

export const ZDisputeAgeBucket = z.enum(AGE_BUCKETS).meta({
  id: 'DisputeAgeBucket',
  description: 'Days since the dispute was raised (the day itself is 0)',
});

const ZAverageDays = z.number().min(0).meta({
  description: 'Average days from raised to resolved, to one decimal (a half tenth rounded up)',
});

export const ZDisputeReport = z
  .object({
    asOf: ZCalendarDate,
    openByCause: z.array(
      z.object({ cause: z.string(), count: ZCount, amountCents: ZCents, currency: ZCurrency }),
    ),
    openByDepartment: z.array(
      z.object({
        department: ZReportDepartment,
        count: ZCount,
        amountCents: ZCents,
        currency: ZCurrency,
        overdueCount: ZCount.meta({ description: 'Those whose deadline is past on `asOf`' }),
      }),
    ),
    openByAge: z
      .array(
        z.object({
          bucket: ZDisputeAgeBucket,
          count: ZCount,
          amountCents: ZCents,
          currency: ZCurrency,
        }),
      )
      .meta({
        description:
          'The five classes of each currency, in order, the company’s currency first (empty classes at 0)',
      }),
    resolutionByCause: z.array(
      z.object({ cause: z.string(), resolvedCount: ZCount, averageDays: ZAverageDays }),
    ),
    resolutionByDepartment: z.array(
      z.object({
        department: ZReportDepartment,
        resolvedCount: ZCount,
        averageDays: ZAverageDays,
      }),
    ),
    blocked: z
      .array(
        z.object({
          currency: ZCurrency,
          amountCents: ZCents,
          disputeCount: ZCount,
          invoiceCount: ZCount,
        }),
      )
      .meta({
        description:
          'What the open disputes hold back from dunning: each invoice’s disputed part, at most what is open on it now',
      }),
    recurringByCustomer: z
      .array(
        z.object({
          customer: z.object({ id: ZId, code: z.string(), name: z.string() }),
          cause: z.string(),
          count: ZCount,
          amountCents: ZCents,
          currency: ZCurrency,
        }),
      )
      .meta({
        description:
          'The 20 (customer, cause) pairs with the most disputes raised over the 365 days to `asOf`, 2 at least',
      }),
    recurringBySalesRep: z
      .array(
        z.object({
          salesRep: z.string(),
          cause: z.string(),
          count: ZCount,
          amountCents: ZCents,
          currency: ZCurrency,
        }),
      )
      .meta({
        description:
          'The same by the customer’s sales rep when each dispute was opened (disputes without one left out)',
      }),
  })
  .meta({
    id: 'DisputeReport',
    description:
      'Open disputes by cause, department and age on `asOf`; the resolution times of the 365 days to it; the amounts held back; the recurring causes',
  });
export type TDisputeReport = z.infer<typeof ZDisputeReport>;
