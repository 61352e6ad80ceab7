/**
 * The dispute report over HTTP (docs/disputes.md « Reports »). Thin: parse, call the use
 * case, answer its figures (the report holds no row, only domain figures).
 */
import type { Deps } from '../app/deps.ts';
import { answer, problems } from '../http/openapi.ts';
import type { App } from '../http/types.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { ZDisputeReport, ZDisputeReportQuery, type TDisputeReport } from './report-schemas.ts';
import { disputeReport } from './reports.ts';

/** `GET /api/reports/disputes?asOf=`: the dispute report, for every staff role. */
export function registerDisputeReportRoutes(app: App, deps: Deps): void {
  app.get(
    '/reports/disputes',
    {
      schema: {
        operationId: 'getDisputeReport',
        tags: ['disputes'],
        summary:
          'Open disputes by cause, department and age; resolution times; amounts held back; recurring causes per customer and sales rep',
        querystring: ZDisputeReportQuery,
        response: {
          200: answer('The dispute report', ZDisputeReport),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request): Promise<TDisputeReport> =>
      disputeReport(deps, request.ctx, { asOf: request.query.asOf as CalendarDate | undefined }),
  );
}
