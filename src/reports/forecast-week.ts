/**
 * The invoices behind a bar of the cash forecast (issue 11): those expected in one of its
 * 13 weeks, or after them, as of a date — where a click on the dashboard's forecast leads.
 * The predictions are the forecast's own (`forecastInputs`, `paymentDatePredictor`), so the
 * count and sum of a week are that week's bar; the page's numbers and customers are read
 * for its lines only.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { listAgedItems } from '../ledger/aged-items.ts';
import { labelCustomers } from '../ledger/customer-labels.ts';
import { addDays, type CalendarDate } from '../shared/calendar-date.ts';
import { fieldIssue, InvalidError } from '../shared/errors.ts';
import { addCents, ZERO_CENTS, type Cents } from '../shared/money.ts';
import { FORECAST_WEEKS, forecastWeekIndexer, mondayOf, paymentDatePredictor } from './forecast.ts';
import { forecastInputs } from './forecast-report.ts';
import { checkReportRequest } from './report-request.ts';

export type ForecastWeekInput = {
  asOf?: CalendarDate | undefined;
  currency?: string | undefined;
  /** A week's Monday among the forecast's 13, or `later`: after the 13th. */
  week: CalendarDate | 'later';
  limit: number;
  offset: number;
};

/** An invoice expected in the week: when, and why (a promise's date, else its due date's). */
export type ForecastWeekItem = {
  id: string;
  number: string;
  customer: { id: string; code: string; name: string };
  dueDate: CalendarDate;
  promisedOn: CalendarDate | null;
  predictedOn: CalendarDate;
  openCents: Cents;
  currency: string;
};

export type ForecastWeek = {
  asOf: CalendarDate;
  week: CalendarDate | 'later';
  /** Per currency, every invoice of the week (not only the page): the bar's figure. */
  totals: { currency: string; count: number; amountCents: Cents }[];
  /** The page asked, largest first. */
  items: ForecastWeekItem[];
};

/**
 * The invoices expected in `input.week` of the forecast as of `input.asOf` (`ledger:read`).
 * 400 `report_invalid`: the forecast's refusals, then a week that is not one of its Mondays
 * (`forecast_week_unknown`).
 */
export async function forecastWeek(
  deps: Deps,
  ctx: Ctx,
  input: ForecastWeekInput,
): Promise<ForecastWeek> {
  requirePermission(ctx, 'ledger:read');
  const asOf = await checkReportRequest(deps, ctx, input);
  const weekOf = forecastWeekIndexer(asOf);
  const wanted = input.week === 'later' ? FORECAST_WEEKS : weekOf(input.week);
  if (
    input.week !== 'later' &&
    (mondayOf(input.week) !== input.week || wanted < 0 || wanted >= FORECAST_WEEKS)
  ) {
    const first = mondayOf(asOf);
    throw new InvalidError('report_invalid', {}, [
      fieldIssue('week', 'forecast_week_unknown', {
        week: input.week,
        first,
        last: addDays(first, (FORECAST_WEEKS - 1) * 7),
      }),
    ]);
  }
  const { invoices, model } = await forecastInputs(deps, ctx, asOf, input.currency);
  const predict = paymentDatePredictor(model, asOf);
  const expected = invoices
    .map((invoice) => ({ ...invoice, predictedOn: predict(invoice) }))
    .filter((invoice) => Math.min(weekOf(invoice.predictedOn), FORECAST_WEEKS) === wanted)
    .sort((a, b) => b.openCents - a.openCents || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const totals = new Map<string, { currency: string; count: number; amountCents: Cents }>();
  for (const invoice of expected) {
    const total = totals.get(invoice.currency) ?? {
      currency: invoice.currency,
      count: 0,
      amountCents: ZERO_CENTS,
    };
    total.count += 1;
    total.amountCents = addCents(total.amountCents, invoice.openCents);
    totals.set(invoice.currency, total);
  }
  const page = expected.slice(input.offset, input.offset + input.limit);
  const read =
    page.length === 0
      ? { items: [] }
      : await listAgedItems(
          deps.db,
          ctx,
          {
            asOf,
            thresholds: [],
            column: { column: 'invoices' },
            documentIds: page.map((invoice) => invoice.id),
          },
          { sort: 'open', limit: page.length, offset: 0 },
        );
  const numbers = new Map(read.items.map((item) => [item.id, item.number]));
  const labelled = await labelCustomers(deps, deps.db, ctx, page);
  return {
    asOf,
    week: input.week,
    totals: [...totals.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1)),
    items: labelled.map((invoice) => ({
      id: invoice.id,
      number: numbers.get(invoice.id) ?? '',
      customer: { id: invoice.customerId, code: invoice.customerCode, name: invoice.customerName },
      dueDate: invoice.dueDate,
      promisedOn: invoice.promisedOn ?? null,
      predictedOn: invoice.predictedOn,
      openCents: invoice.openCents,
      currency: invoice.currency,
    })),
  };
}
