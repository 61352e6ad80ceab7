/**
 * The cash forecast and its backtest on a real database (issue 11, docs/formulas.md « Cash
 * forecast », « Backtest »): a small ledger with the predicted dates and weekly sums worked by
 * hand — a customer with history, one without (the portfolio's median), a live promise over
 * the prediction, a promise whose day has passed moved to the as-of date, a past as-of date
 * that ignores the payments made since — then the backtest of that ledger with its errors
 * worked by hand, and on the demo ledger, where the model must beat the due-date baseline.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext, type Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { createPromise } from '../../src/promises/service.ts';
import { backtestReport, forecastReport } from '../../src/reports/forecast-report.ts';
import { forecastWeek } from '../../src/reports/forecast-week.ts';
import { addDays, calendarDate } from '../../src/shared/calendar-date.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openTestRuntime } from '../db.ts';
import { makeCompany, makeCustomer, makeInvoices, makePayment } from '../factories.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const d = calendarDate;

/** The dependencies on `date` (noon in Paris): a promise is taken that day. */
function on(date: string): Deps {
  return { ...deps, clock: fixedClock(new Date(`${date}T11:00:00Z`)) };
}

/**
 * A paid A1 (due 10 Jan) on 20 Jan, A2 (due 20 Jan) on 30 Jan, A3 (due 1 Feb) on 5 Feb:
 * delays 10, 10, 4; B paid B1 (due 15 Jan) on the day, B2 (due 1 Feb) on 3 Feb: 0, 2. Open
 * on 15 March: A4 (due 20 Mar), A5 (due 1 Mar), A6 (due 10 Jun, 300,00 of 800,00 paid),
 * B3 (due 5 Mar, promised for 12 Mar), C1 (due 25 Mar), C2 (due 18 Mar, promised for 8 Apr).
 */
async function ledger() {
  const { ctx } = await makeCompany(deps);
  const a = await makeCustomer(deps, ctx, { code: 'A' });
  const b = await makeCustomer(deps, ctx, { code: 'B' });
  const c = await makeCustomer(deps, ctx, { code: 'C' });
  await makeInvoices(deps, ctx, a.id, [
    { number: 'A1', issueDate: '2025-12-10', dueDate: '2026-01-10', amount: 50_000 },
    { number: 'A2', issueDate: '2025-12-20', dueDate: '2026-01-20', amount: 100_000 },
    { number: 'A3', issueDate: '2026-01-02', dueDate: '2026-02-01', amount: 40_000 },
    { number: 'A4', issueDate: '2026-02-18', dueDate: '2026-03-20', amount: 100_000 },
    { number: 'A5', issueDate: '2026-02-01', dueDate: '2026-03-01', amount: 50_000 },
    { number: 'A6', issueDate: '2026-02-10', dueDate: '2026-06-10', amount: 80_000 },
  ]);
  await makeInvoices(deps, ctx, b.id, [
    { number: 'B1', issueDate: '2025-12-15', dueDate: '2026-01-15', amount: 30_000 },
    { number: 'B2', issueDate: '2026-01-05', dueDate: '2026-02-01', amount: 60_000 },
    { number: 'B3', issueDate: '2026-02-05', dueDate: '2026-03-05', amount: 20_000 },
  ]);
  await makeInvoices(deps, ctx, c.id, [
    { number: 'C1', issueDate: '2026-02-25', dueDate: '2026-03-25', amount: 30_000 },
    { number: 'C2', issueDate: '2026-02-18', dueDate: '2026-03-18', amount: 40_000 },
  ]);
  const payments: [string, string, string, number, string][] = [
    ['V1', a.id, '2026-01-20', 50_000, 'A1'],
    ['V2', a.id, '2026-01-30', 100_000, 'A2'],
    ['V3', a.id, '2026-02-05', 40_000, 'A3'],
    ['V4', a.id, '2026-03-01', 30_000, 'A6'],
    ['V5', b.id, '2026-01-15', 30_000, 'B1'],
    ['V6', b.id, '2026-02-03', 60_000, 'B2'],
  ];
  for (const [reference, customerId, receivedOn, amount, invoiceNumber] of payments) {
    await makePayment(deps, ctx, customerId, { reference, receivedOn, amount, invoiceNumber });
  }
  const id = await invoiceIdsOf(ctx);
  const promise = (customerId: string, number: string, promisedOn: string, amount: number) =>
    createPromise(on('2026-03-10'), ctx, {
      customerId,
      amountCents: amount,
      promisedOn: d(promisedOn),
      invoiceIds: [id(number)],
      channel: 'phone',
    });
  await promise(b.id, 'B3', '2026-03-12', 20_000);
  await promise(c.id, 'C2', '2026-04-08', 40_000);
  return { ctx };
}

async function invoiceIdsOf(ctx: Ctx): Promise<(number: string) => string> {
  const { rows } = await sql<{ id: string; number: string }>`
    SELECT id, number FROM invoice WHERE company_id = ${ctx.companyId}
  `.execute(deps.db);
  return (number) => rows.find((row) => row.number === number)?.id ?? '';
}

const weeksOf = (report: Awaited<ReturnType<typeof forecastReport>>, currency = 'EUR') =>
  report.currencies.find((entry) => entry.currency === currency);

describe('the cash forecast', () => {
  it('predicts each open invoice from its customer’s history, the portfolio’s or a promise', async () => {
    const { ctx } = await ledger();
    const report = await forecastReport(deps, ctx);
    // Portfolio 0, 2, 4, 10, 10: median 4. A: 10, 10, 4 → 10, n 3: (3 × 10 + 5 × 4) / 8 =
    // 6,25 → 6. C has no history: 4.
    expect(report.model).toEqual({
      historyFrom: '2024-03-16',
      paidInvoices: 5,
      customersWithHistory: 2,
      portfolioDelayDays: 4,
      credibility: 5,
    });
    const eur = weeksOf(report);
    expect(eur?.weeks[0]?.monday).toBe('2026-03-09');
    // Week of 9 Mar: A5 (1 Mar + 6, past: 15 Mar) 500,00 and B3 (promised 12 Mar, past) 200,00.
    // Week of 23 Mar: A4 (20 + 6 = 26 Mar) 1 000,00 and C1 (25 + 4 = 29 Mar) 300,00.
    // Week of 6 Apr: C2, promised on 8 Apr (18 Mar + 4 = 22 Mar without the promise).
    // Later: A6, 500,00 left, 10 Jun + 6 = 16 Jun, after the 13th week (1–7 Jun).
    expect(eur?.weeks.map((week) => week.amountCents)).toEqual([
      70_000, 0, 130_000, 0, 40_000, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(eur?.weeks.map((week) => week.invoiceCount).slice(0, 5)).toEqual([2, 0, 2, 0, 1]);
    expect(eur).toMatchObject({
      laterCents: 50_000,
      laterInvoiceCount: 1,
      openCents: 290_000,
      invoiceCount: 6,
      overdueCents: 70_000,
      promisedCents: 60_000,
    });
  });

  it('as of a past date, reads the ledger and the history as they stood then', async () => {
    const { ctx } = await ledger();
    const report = await forecastReport(deps, ctx, { asOf: d('2026-01-25') });
    // Known on 25 Jan: A1 paid 10 days late, B1 on the day; portfolio (0 + 10) / 2 = 5.
    // A: (1 × 10 + 5 × 5) / 6 = 5,83 → 6; B: (0 + 25) / 6 = 4,17 → 4. The promises were
    // not taken yet. Open then: A2 (20 Jan + 6 = 26 Jan), A3 (1 Feb + 6 = 7 Feb), B2 (5 Feb).
    expect(report.model).toMatchObject({ paidInvoices: 2, portfolioDelayDays: 5 });
    const eur = weeksOf(report);
    expect(eur?.weeks.map((week) => week.amountCents).slice(0, 4)).toEqual([
      0, 100_000, 100_000, 0,
    ]);
    expect(eur).toMatchObject({ openCents: 200_000, promisedCents: 0, overdueCents: 100_000 });
  });

  it('refuses a future date and an unused currency at once', async () => {
    const { ctx } = await ledger();
    await expect(
      forecastReport(deps, ctx, { asOf: d('2026-03-16'), currency: 'CHF' }),
    ).rejects.toMatchObject({
      reason: 'report_invalid',
      issues: [
        { field: 'asOf', code: 'report_as_of_in_future' },
        { field: 'currency', code: 'report_currency_unused' },
      ],
    });
  });
});

describe('the invoices of a week of the forecast', () => {
  it('lists a week’s invoices largest first, each week’s count and sum its bar’s', async () => {
    const { ctx } = await ledger();
    const report = await forecastReport(deps, ctx);
    const eur = weeksOf(report);
    for (const week of [...(eur?.weeks ?? []).map((entry) => entry.monday), 'later' as const]) {
      const listed = await forecastWeek(deps, ctx, {
        week,
        currency: 'EUR',
        limit: 100,
        offset: 0,
      });
      const weekBar = eur?.weeks.find((entry) => entry.monday === week);
      const bar =
        week === 'later'
          ? { count: eur?.laterInvoiceCount, amountCents: eur?.laterCents }
          : { count: weekBar?.invoiceCount, amountCents: weekBar?.amountCents };
      expect({
        week,
        count: listed.totals[0]?.count ?? 0,
        amountCents: listed.totals[0]?.amountCents ?? 0,
      }).toEqual({ week, ...bar });
    }
    // Week of 23 Mar: A4 (1 000,00, expected 26 Mar) before C1 (300,00, 29 Mar).
    const week = await forecastWeek(deps, ctx, {
      week: d('2026-03-23'),
      limit: 1,
      offset: 0,
    });
    expect(week.items).toEqual([
      expect.objectContaining({
        number: 'A4',
        customer: expect.objectContaining({ code: 'A' }),
        predictedOn: '2026-03-26',
        promisedOn: null,
        openCents: 100_000,
      }),
    ]);
    expect(week.totals).toEqual([{ currency: 'EUR', count: 2, amountCents: 130_000 }]);
  });

  it('refuses a day that is not one of the forecast’s Mondays', async () => {
    const { ctx } = await ledger();
    for (const week of ['2026-03-24', '2026-03-02', '2026-06-08']) {
      await expect(
        forecastWeek(deps, ctx, { week: d(week), limit: 10, offset: 0 }),
      ).rejects.toMatchObject({
        reason: 'report_invalid',
        issues: [{ field: 'week', code: 'forecast_week_unknown' }],
      });
    }
  });
});

describe('the backtest', () => {
  it('scores the model and the due-date baseline on what was paid since', async () => {
    const { ctx } = await ledger();
    const result = await backtestReport(deps, ctx, { from: d('2026-01-25'), to: d('2026-03-15') });
    // Model: A2 26 Jan (paid 30 Jan: 4 days off), A3 7 Feb (5 Feb: 2), B2 5 Feb (3 Feb: 2):
    // 8 / 3 = 2,7. Baseline: A2 25 Jan (5), A3 1 Feb (4), B2 1 Feb (2): 11 / 3 = 3,7.
    // Weeks from 19 Jan; received: week 2 (26 Jan) 1 000,00, week 3 (2 Feb) 1 000,00. The
    // model expects the same; the baseline 1 000,00 in week 1 and 1 000,00 in week 2:
    // |1 000 − 0| + |1 000 − 1 000| + |0 − 1 000| = 2 000,00.
    expect(result).toMatchObject({
      from: '2026-01-25',
      to: '2026-03-15',
      paidInvoices: 3,
      unpaidInvoices: 0,
      model: {
        meanAbsoluteErrorDays: 2.7,
        weeklyErrors: [{ currency: 'EUR', errorCents: 0 }],
      },
      baseline: {
        meanAbsoluteErrorDays: 3.7,
        weeklyErrors: [{ currency: 'EUR', errorCents: 200_000 }],
      },
      history: { paidInvoices: 2, portfolioDelayDays: 5 },
    });
    const [eur] = result.series;
    expect(
      eur?.weeks.slice(0, 4).map((week) => [week.modelCents, week.baselineCents, week.actualCents]),
    ).toEqual([
      [0, 100_000, 0],
      [100_000, 100_000, 100_000],
      [100_000, 0, 100_000],
      [0, 0, 0],
    ]);
    // Up to 2 Feb only: A3 and B2 were not paid yet.
    const early = await backtestReport(deps, ctx, { from: d('2026-01-25'), to: d('2026-02-02') });
    expect(early).toMatchObject({ paidInvoices: 1, unpaidInvoices: 2 });
    expect(early.model.meanAbsoluteErrorDays).toBe(4);
  });

  it('refuses every bad period at once, named by its field', async () => {
    const { ctx } = await ledger();
    await expect(
      backtestReport(deps, ctx, { from: d('2026-03-20'), to: d('2026-03-18'), currency: 'USD' }),
    ).rejects.toMatchObject({
      reason: 'report_invalid',
      issues: [
        { field: 'from', code: 'report_as_of_in_future' },
        { field: 'to', code: 'backtest_to_in_future' },
        { field: 'to', code: 'backtest_to_not_after_from' },
        { field: 'currency', code: 'report_currency_unused' },
      ],
    });
    await expect(
      backtestReport(deps, ctx, { from: d('2025-12-01'), to: d('2026-01-01') }),
    ).rejects.toMatchObject({
      issues: [{ field: 'from', code: 'report_as_of_before_first_document' }],
    });
  });
});

describe('the backtest on the demo ledger', () => {
  it('beats the due-date baseline over the last 13 weeks', async () => {
    const runtime = await openTestRuntime();
    try {
      const demo = await loadDemo(runtime.handle, runtime.deps, {
        size: 'S',
        seed: 1,
        operator: 'tester',
      });
      const ctx = cliContext(demo.company.id, 'tester');
      const today = runtime.deps.clock.today(demo.company.timeZone);
      const result = await backtestReport(runtime.deps, ctx, {
        from: addDays(today, -91),
        to: today,
      });
      expect(result.paidInvoices).toBeGreaterThan(100);
      const model = result.model.meanAbsoluteErrorDays ?? Infinity;
      const baseline = result.baseline.meanAbsoluteErrorDays ?? 0;
      expect(model).toBeLessThan(baseline);
    } finally {
      await runtime.handle.close();
    }
  }, 120_000);
});
