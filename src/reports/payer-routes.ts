/**
 * The payer profiles over HTTP (issue 11, docs/api.md « Payer profiles »). Thin: parse, call
 * the use case, answer its figures.
 */
import type { Deps } from '../app/deps.ts';
import { answer, problems } from '../http/openapi.ts';
import type { App } from '../http/types.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { customerPayerProfile, payerReport } from './payer-report.ts';
import {
  ZCustomerPayerProfile,
  ZCustomerPayerProfileParams,
  ZCustomerPayerProfileQuery,
  ZPayerReport,
  ZPayerReportQuery,
  type TCustomerPayerProfile,
  type TPayerReport,
} from './payer-schemas.ts';

const tags = ['reports'];

const REFUSALS =
  '400 `report_invalid` with every issue at once: `asOf` after the company’s today (`report_as_of_in_future`) or before its first document (`report_as_of_before_first_document`), `thresholds` not 3 (`payer_thresholds_count`), not whole days 0 or more (`payer_threshold_not_integer`) or not increasing (`payer_thresholds_not_increasing`)';

/** `GET /api/reports/payers` and a customer's profile, for every staff role (`ledger:read`). */
export function registerPayerRoutes(app: App, deps: Deps): void {
  app.get(
    '/reports/payers',
    {
      schema: {
        operationId: 'listPayerProfiles',
        tags,
        summary:
          'Payer profiles: weighted days late over 12 months, on-time shares, category A–D and 6-month trend, per customer and currency',
        description: `At most \`limit\` rows, the worst payers first by default; \`categoryCounts\` cover every row. ${REFUSALS}, a \`currency\` the company has no invoice in (\`report_currency_unused\`), more than 200 \`customerIds\` (\`payer_customers_too_many\`).`,
        querystring: ZPayerReportQuery,
        response: { 200: answer('The payer profiles', ZPayerReport), ...problems(400, 401, 403) },
      },
    },
    async (request): Promise<TPayerReport> =>
      payerReport(deps, request.ctx, {
        asOf: request.query.asOf as CalendarDate | undefined,
        currency: request.query.currency,
        category: request.query.category,
        thresholds: request.query.thresholds,
        sort: request.query.sort,
        limit: request.query.limit,
        customerIds: request.query.customerIds,
      }),
  );
  app.get(
    '/customers/:customerId/payer-profile',
    {
      schema: {
        operationId: 'getCustomerPayerProfile',
        tags,
        summary: 'A customer’s payer profile in each of its currencies',
        description: `404 for a customer the company does not have. ${REFUSALS}.`,
        params: ZCustomerPayerProfileParams,
        querystring: ZCustomerPayerProfileQuery,
        response: {
          200: answer('The customer’s payer profiles', ZCustomerPayerProfile),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request): Promise<TCustomerPayerProfile> =>
      customerPayerProfile(deps, request.ctx, request.params.customerId, {
        asOf: request.query.asOf as CalendarDate | undefined,
        thresholds: request.query.thresholds,
      }),
  );
}
