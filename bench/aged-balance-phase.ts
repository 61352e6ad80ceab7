/**
 * The aged balance at size (issue 11's targets at size L: as of today, all customers, under
 * 300 ms on PostgreSQL and 1.5 s on PGlite; as of a past date under 1 s on PostgreSQL): the
 * use case `agedBalance` on the demo as loaded, every customer's row built and the first
 * page of 100 sorted by what is open — as the API answers it — as of the demo's today and
 * as of six months before, when half a year of allocations has to be undone; and the DSO
 * history of 24 months (target: under 300 ms on PostgreSQL).
 */
import { cliContext } from '../src/app/context.ts';
import type { Deps } from '../src/app/deps.ts';
import type { DemoResult } from '../src/demo/load-demo.ts';
import { agedBalance } from '../src/reports/aged-balance.ts';
import { dsoReport } from '../src/reports/dso-report.ts';
import { addMonths, type CalendarDate } from '../src/shared/calendar-date.ts';
import { measure, type Sample } from './timing.ts';

export type AgedBalanceBench = {
  today: CalendarDate;
  /** Rows (customer × currency) with something open, as of today and as of the past date. */
  rowsToday: number;
  pastDate: CalendarDate;
  rowsPast: number;
  /** `agedBalance` as of today, by customer, the first 100 rows. */
  todayMs: Sample;
  /** The same as of six months before today. */
  pastMs: Sample;
  /** `dsoReport`: 24 month ends, each currency, the portfolio. */
  dsoMs: Sample;
};

/** Times the aged balance of the demo company as of its today and six months before. */
export async function benchAgedBalance(
  deps: Deps,
  demo: DemoResult,
  options: { runs: number; warmup: number },
): Promise<AgedBalanceBench> {
  const ctx = cliContext(demo.company.id, 'bench');
  const today = deps.clock.today(demo.company.timeZone);
  const pastDate = addMonths(today, -6);
  const asOf = (date: CalendarDate) => () => agedBalance(deps, ctx, { asOf: date, limit: 100 });
  const [current, past] = [await asOf(today)(), await asOf(pastDate)()];
  return {
    today,
    rowsToday: current.rowCount,
    pastDate,
    rowsPast: past.rowCount,
    todayMs: await measure(asOf(today), options),
    pastMs: await measure(asOf(pastDate), options),
    dsoMs: await measure(() => dsoReport(deps, ctx, { months: 24 }), options),
  };
}
