/**
 * The reports over HTTP (issue 11, docs/api.md « Aged balance »). Thin: parse, call the use
 * case, answer its figures (`presentAgedBalance`) or send its file.
 */
import { z } from 'zod';
import type { Deps } from '../app/deps.ts';
import { answer, problems } from '../http/openapi.ts';
import { requestLanguage } from '../http/problem.ts';
import { sendExport } from '../http/send-export.ts';
import type { App } from '../http/types.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { agedBalance, type AgedBalanceInput } from './aged-balance.ts';
import { exportAgedBalance, presentAgedBalance } from './aged-balance-export.ts';
import { dsoReport, type DsoReportInput } from './dso-report.ts';
import { exportDso } from './dso-export.ts';
import {
  ZDsoExportQuery,
  ZDsoQuery,
  ZDsoReport,
  type TDsoQuery,
  type TDsoReport,
} from './dso-schemas.ts';
import {
  bucketBoundsOf,
  ZAgedBalance,
  ZAgedBalanceExportQuery,
  ZAgedBalanceQuery,
  type TAgedBalance,
  type TAgedBalanceExportQuery,
} from './schemas.ts';

const tags = ['reports'];

/** The filters of the query as the use case takes them. */
function agedBalanceInput(query: Omit<TAgedBalanceExportQuery, 'format'>): AgedBalanceInput {
  return {
    asOf: query.asOf as CalendarDate | undefined,
    bounds: query.buckets === undefined ? undefined : bucketBoundsOf(query.buckets),
    by: query.by,
    currency: query.currency,
    sort: query.sort,
  };
}

/** The DSO filters of the query as the use case takes them. */
function dsoInput(query: TDsoQuery): DsoReportInput {
  return {
    asOf: query.asOf as CalendarDate | undefined,
    months: query.months,
    currency: query.currency,
    customerId: query.customerId,
  };
}

/** A file answer: bytes streamed as they are, never serialised. */
const FILE = { schema: z.string().meta({ format: 'binary' }) };

/** `GET /api/reports/aged-balance` and its export, for every staff role (`ledger:read`). */
export function registerReportRoutes(app: App, deps: Deps): void {
  app.get(
    '/reports/aged-balance',
    {
      schema: {
        operationId: 'getAgedBalance',
        tags,
        summary:
          'The aged balance as of a date: open invoices by days past due, unapplied credit notes and cash, per customer, collector or risk category and currency',
        description:
          'At most `limit` rows (100 by default, 1,000 at most), ordered by `sort`; `rowCount` counts every row and `totals` (one per currency) cover every row. `exportAgedBalance` gives every row as a file. 400 `report_invalid` with every issue at once: `asOf` after the company’s today (`report_as_of_in_future`) or before its first document (`report_as_of_before_first_document`), `buckets.<i>` not whole, not positive or not increasing (`aging_bucket_not_integer`, `aging_bucket_not_positive`, `aging_buckets_not_increasing`), a `currency` the company has no invoice in (`report_currency_unused`).',
        querystring: ZAgedBalanceQuery,
        response: {
          200: answer('The aged balance', ZAgedBalance),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request): Promise<TAgedBalance> =>
      presentAgedBalance(
        await agedBalance(deps, request.ctx, {
          ...agedBalanceInput(request.query),
          limit: request.query.limit,
        }),
      ),
  );
  app.get(
    '/reports/aged-balance/export',
    {
      schema: {
        operationId: 'exportAgedBalance',
        tags,
        summary: 'The aged balance as a CSV, XLSX or PDF file, every row',
        description:
          'The same filters as `getAgedBalance`, every row (no limit), sent as an attachment named `balance-agee-<asOf>.<format>`. Headings in the request’s language (French unless `Accept-Language` or the user’s language says English). CSV: a line per row. XLSX: amounts as numbers in their currency’s decimals, the as-of date as a date, a totals row per currency. PDF: A4 landscape, the company, the as-of date, a total per currency, page numbers. The same refusals as `getAgedBalance`.',
        querystring: ZAgedBalanceExportQuery,
        response: {
          200: {
            description:
              'The file, sent as an attachment (`balance-agee-YYYY-MM-DD.csv`, `.xlsx` or `.pdf`)',
            content: {
              'text/csv': FILE,
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': FILE,
              'application/pdf': FILE,
            },
          },
          ...problems(400, 401, 403),
        },
      },
    },
    async (request, reply) =>
      sendExport(
        reply,
        await exportAgedBalance(deps, request.ctx, agedBalanceInput(request.query), {
          format: request.query.format,
          language: requestLanguage(request),
        }),
      ),
  );
  app.get(
    '/reports/dso',
    {
      schema: {
        operationId: 'getDsoHistory',
        tags,
        summary:
          'The DSO history: count-back DSO, simple DSO, BPDSO, average days delinquent and CEI at each month end, per currency',
        description:
          'The months end on the last month end on or before `asOf`. 400 `report_invalid` with every issue at once: `asOf` after the company’s today (`report_as_of_in_future`) or before its first document (`report_as_of_before_first_document`), `months` outside 1..60 (`report_months_out_of_range`), a `currency` the company has no invoice in (`report_currency_unused`).',
        querystring: ZDsoQuery,
        response: {
          200: answer('The DSO history', ZDsoReport),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request): Promise<TDsoReport> => dsoReport(deps, request.ctx, dsoInput(request.query)),
  );
  app.get(
    '/reports/dso/export',
    {
      schema: {
        operationId: 'exportDsoHistory',
        tags,
        summary: 'The DSO history as a CSV, XLSX or PDF file',
        description:
          'The same filters and refusals as `getDsoHistory`, sent as an attachment named `dso-<last month end>.<format>`: a line per currency and month end with the count-back DSO, the simple DSO, the BPDSO, the average days delinquent, the CEI, the month’s sales, receivables and part not yet due, and a note where a count-back figure is a floor. Headings in the request’s language. XLSX: figures and amounts as numbers, the month end as a date. PDF: A4 landscape, the company, the portfolio or the customer, page numbers.',
        querystring: ZDsoExportQuery,
        response: {
          200: {
            description:
              'The file, sent as an attachment (`dso-YYYY-MM-DD.csv`, `.xlsx` or `.pdf`)',
            content: {
              'text/csv': FILE,
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': FILE,
              'application/pdf': FILE,
            },
          },
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) =>
      sendExport(
        reply,
        await exportDso(deps, request.ctx, dsoInput(request.query), {
          format: request.query.format,
          language: requestLanguage(request),
        }),
      ),
  );
}
