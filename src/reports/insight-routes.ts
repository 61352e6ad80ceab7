/**
 * The aged balance's drill-down, the Pareto and the collectors' activity over HTTP (issue 11,
 * docs/api.md). Thin: parse, call the use case, answer its figures in the schema's shape.
 */
import type { Deps } from '../app/deps.ts';
import { answer, problems } from '../http/openapi.ts';
import type { App } from '../http/types.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { agedBalanceCell, type AgedBalanceCellColumn } from './aged-balance-cells.ts';
import { collectorActivityReport } from './collector-activity.ts';
import {
  ZAgedBalanceCell,
  ZAgedBalanceCellQuery,
  ZCollectorActivity,
  ZCollectorActivityQuery,
  ZPareto,
  ZParetoQuery,
  type TAgedBalanceCell,
  type TCollectorActivity,
  type TPareto,
} from './insight-schemas.ts';
import { paretoReport } from './pareto-report.ts';
import { bucketBoundsOf } from './schemas.ts';

const tags = ['reports'];

const REFUSALS =
  '400 `report_invalid` with every issue at once: `asOf` after the company’s today (`report_as_of_in_future`) or before its first document (`report_as_of_before_first_document`), a `currency` the company has no invoice in (`report_currency_unused`)';

/** `?bucket=2` is a bucket's index; the columns keep their names. */
function cellOf(text: string): AgedBalanceCellColumn {
  return text === 'overdue' || text === 'credit_notes' || text === 'unapplied_cash'
    ? text
    : Number(text);
}

/** `GET /api/reports/aged-balance/invoices`, `/reports/pareto`, `/reports/collector-activity`. */
export function registerInsightRoutes(app: App, deps: Deps): void {
  app.get(
    '/reports/aged-balance/invoices',
    {
      schema: {
        operationId: 'getAgedBalanceCell',
        tags,
        summary:
          'The documents behind a cell of the aged balance, with what each had open on the as-of date',
        description: `The cell is a column (\`bucket\`) of a row (\`customerId\`, \`collectorId\` or \`category\`; every customer without one), with the buckets of \`getAgedBalance\`. A page at a time (\`limit\`, \`offset\`), ordered by \`sort\`; \`totals\` count and sum every document of the cell, per currency: its figure in \`getAgedBalance\`. ${REFUSALS}; and bucket bounds as \`getAgedBalance\` refuses them, a bucket past the last (\`aged_balance_cell_out_of_range\`), more than one row (\`aged_balance_cell_one_row\`).`,
        querystring: ZAgedBalanceCellQuery,
        response: {
          200: answer('The documents of the cell', ZAgedBalanceCell),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request): Promise<TAgedBalanceCell> => {
      const { query } = request;
      const cell = await agedBalanceCell(deps, request.ctx, {
        asOf: query.asOf as CalendarDate | undefined,
        bounds: query.buckets === undefined ? undefined : bucketBoundsOf(query.buckets),
        cell: cellOf(query.bucket),
        customerId: query.customerId,
        collectorId: query.collectorId,
        category: query.category,
        currency: query.currency,
        sort: query.sort,
        limit: query.limit,
        offset: query.offset,
      });
      return {
        asOf: cell.asOf,
        buckets: cell.buckets,
        cell: cell.cell,
        items: cell.items.map((item) => ({
          id: item.id,
          kind: item.kind,
          number: item.number,
          customer: { id: item.customerId, code: item.customerCode, name: item.customerName },
          issueDate: item.issueDate,
          dueDate: item.dueDate,
          daysPastDue: item.daysPastDue,
          openCents: item.openCents,
          currency: item.currency,
        })),
        totals: cell.totals,
      };
    },
  );
  app.get(
    '/reports/pareto',
    {
      schema: {
        operationId: 'getPareto',
        tags,
        summary:
          'The Pareto of the overdue amount: per currency, the fewest customers or invoices that carry 80 % of it',
        description: `Overdue: open on \`asOf\` and past due, as the ledger stood that day. The set takes the largest first until it reaches \`share\` percent of the currency’s total; \`lines\` shows its first \`limit\`, the counts and amounts cover it all. ${REFUSALS}; a \`share\` not a whole number from 1 to 100 (\`pareto_share_out_of_range\`).`,
        querystring: ZParetoQuery,
        response: { 200: answer('The Pareto sets', ZPareto), ...problems(400, 401, 403) },
      },
    },
    async (request): Promise<TPareto> =>
      paretoReport(deps, request.ctx, {
        asOf: request.query.asOf as CalendarDate | undefined,
        currency: request.query.currency,
        of: request.query.of,
        share: request.query.share,
        limit: request.query.limit,
      }),
  );
  app.get(
    '/reports/collector-activity',
    {
      schema: {
        operationId: 'getCollectorActivity',
        tags,
        summary:
          'Collector activity per ISO week: contacts, calls, promises taken, due and kept, and the promise-kept rates',
        description:
          'Every ISO week (Monday to Sunday) of `from` to `to`, for each collector with any activity in them, and a total per collector (docs/formulas.md « Collector activity »). 400 `report_invalid` with every issue at once: `from` after `to` (`collector_activity_from_after_to`), more than 106 weeks (`collector_activity_too_many_weeks`).',
        querystring: ZCollectorActivityQuery,
        response: {
          200: answer('The activity per collector and week', ZCollectorActivity),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request): Promise<TCollectorActivity> =>
      collectorActivityReport(deps, request.ctx, {
        from: request.query.from as CalendarDate | undefined,
        to: request.query.to as CalendarDate | undefined,
        collectorId: request.query.collectorId,
      }),
  );
}
