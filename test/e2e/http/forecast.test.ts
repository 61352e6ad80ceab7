/**
 * The cash forecast and its backtest over HTTP (`GET /api/reports/forecast`, `/backtest`,
 * issue 11): the answers of a small ledger parsed by their schemas, with figures worked by
 * hand; every issue of a bad request in one 400 problem, in the reader's language; 401
 * without a session.
 */
import { describe, expect, it } from 'vitest';
import { ZBacktestReport, ZForecastReport } from '../../../src/reports/forecast-schemas.ts';
import { makeCompany, makeCustomer, makeInvoices, makePayment, makeUser } from '../../factories.ts';
import { expectProblem, signIn, useHttpApp, type Session } from './http-helpers.ts';

const http = useHttpApp();

/**
 * On 15 March 2026 (the tests' today): A paid F1 (due 1 Feb) on 11 Feb, 10 days late, its
 * only history; it owes F2, 500,00 € due 20 March, and F3, $300.00 due 2 March.
 */
async function ledger(): Promise<Session> {
  const { ctx } = await makeCompany(http.deps);
  const user = await makeUser(http.deps, ctx, 'read_only');
  const session = await signIn(http.app, user.email, user.password);
  const a = await makeCustomer(http.deps, ctx, { code: 'A', legalName: 'Alpha SARL' });
  await makeInvoices(http.deps, ctx, a.id, [
    { number: 'F1', issueDate: '2026-01-02', dueDate: '2026-02-01', amount: 100_000 },
    { number: 'F2', issueDate: '2026-02-18', dueDate: '2026-03-20', amount: 50_000 },
    {
      number: 'F3',
      issueDate: '2026-02-01',
      dueDate: '2026-03-02',
      amount: 30_000,
      currency: 'USD',
    },
  ]);
  await makePayment(http.deps, ctx, a.id, {
    reference: 'P1',
    receivedOn: '2026-02-11',
    amount: 100_000,
    invoiceNumber: 'F1',
  });
  return session;
}

function get(session: Session | undefined, url: string, headers: Record<string, string> = {}) {
  return http.app.inject({
    url,
    headers: { ...(session === undefined ? {} : { cookie: session.cookie }), ...headers },
  });
}

describe('GET /api/reports/forecast', () => {
  it('answers the weeks per currency and what the model learnt', async () => {
    const session = await ledger();
    const response = await get(session, '/api/reports/forecast');
    expect(response.statusCode).toBe(200);
    const report = ZForecastReport.parse(response.json());
    // One paid invoice, 10 days late: the portfolio's median and A's; A's delay is 10 either
    // way. F2: 20 + 10 = 30 March, the week of 30 March (the 4th); F3: 12 March, past, so
    // 15 March, the first week (of 9 March).
    expect(report.asOf).toBe('2026-03-15');
    expect(report.model).toEqual({
      historyFrom: '2024-03-16',
      paidInvoices: 1,
      customersWithHistory: 1,
      portfolioDelayDays: 10,
      credibility: 5,
    });
    const [eur, usd] = report.currencies;
    expect(eur?.weeks[3]).toEqual({ monday: '2026-03-30', amountCents: 50_000, invoiceCount: 1 });
    expect(eur).toMatchObject({ openCents: 50_000, overdueCents: 0, laterCents: 0 });
    expect(usd?.weeks[0]).toEqual({ monday: '2026-03-09', amountCents: 30_000, invoiceCount: 1 });
    expect(usd).toMatchObject({ currency: 'USD', overdueCents: 30_000 });
    const dollars = ZForecastReport.parse(
      (await get(session, '/api/reports/forecast?currency=USD&asOf=2026-03-01')).json(),
    );
    expect(dollars.currencies.map((entry) => [entry.currency, entry.openCents])).toEqual([
      ['USD', 30_000],
    ]);
  });

  it('refuses a future date and an unused currency in one problem', async () => {
    const session = await ledger();
    const problem = expectProblem(
      await get(session, '/api/reports/forecast?asOf=2026-04-01&currency=CHF', {
        'accept-language': 'en',
      }),
      400,
    );
    expect(problem).toMatchObject({ code: 'invalid', reason: 'report_invalid' });
    expect(problem.issues?.map((issue) => [issue.field, issue.code])).toEqual([
      ['asOf', 'report_as_of_in_future'],
      ['currency', 'report_currency_unused'],
    ]);
    expectProblem(await get(session, '/api/reports/forecast?asOf=2026-02-30'), 400);
  });
});

describe('GET /api/reports/backtest', () => {
  it('answers both scores and the weekly series', async () => {
    const session = await ledger();
    const response = await get(session, '/api/reports/backtest?from=2026-02-05&to=2026-03-15');
    expect(response.statusCode).toBe(200);
    const result = ZBacktestReport.parse(response.json());
    // Open on 5 Feb: F1 (paid 11 Feb) and F3 (still open). Nothing was paid by then: the
    // model predicts the due date, as the baseline does: 1 Feb, past, so 5 Feb, 6 days off.
    expect(result).toMatchObject({
      from: '2026-02-05',
      to: '2026-03-15',
      paidInvoices: 1,
      unpaidInvoices: 1,
      model: { meanAbsoluteErrorDays: 6 },
      baseline: { meanAbsoluteErrorDays: 6 },
      history: { paidInvoices: 0, portfolioDelayDays: 0 },
    });
    expect(result.series.map((entry) => [entry.currency, entry.weeks.length])).toEqual([
      ['EUR', 13],
      ['USD', 13],
    ]);
    expect(result.series[0]?.weeks.slice(0, 2)).toEqual([
      { monday: '2026-02-02', modelCents: 100_000, baselineCents: 100_000, actualCents: 0 },
      { monday: '2026-02-09', modelCents: 0, baselineCents: 0, actualCents: 100_000 },
    ]);
  });

  it('refuses a reversed period, a future end and a missing date, every issue at once', async () => {
    const session = await ledger();
    const problem = expectProblem(
      await get(session, '/api/reports/backtest?from=2026-03-10&to=2026-03-20', {
        'accept-language': 'fr',
      }),
      400,
    );
    expect(problem.issues?.map((issue) => [issue.field, issue.code, issue.message])).toEqual([
      [
        'to',
        'backtest_to_in_future',
        'Le backtest ne peut pas aller jusqu’au 20/03/2026\u00a0: c’est après aujourd’hui (15/03/2026)',
      ],
    ]);
    const reversed = expectProblem(
      await get(session, '/api/reports/backtest?from=2026-03-10&to=2026-03-01'),
      400,
    );
    expect(reversed.issues?.map((issue) => [issue.field, issue.code])).toEqual([
      ['to', 'backtest_to_not_after_from'],
    ]);
    const early = expectProblem(
      await get(session, '/api/reports/backtest?from=2025-12-01&to=2026-03-01'),
      400,
    );
    expect(early.issues?.map((issue) => [issue.field, issue.code])).toEqual([
      ['from', 'report_as_of_before_first_document'],
    ]);
    expectProblem(await get(session, '/api/reports/backtest?from=2026-03-01'), 400);
  });

  it('answers 401 without a session', async () => {
    for (const url of [
      '/api/reports/forecast',
      '/api/reports/backtest?from=2026-03-01&to=2026-03-10',
    ]) {
      expect(expectProblem(await get(undefined, url), 401)).toMatchObject({ code: 'unauthorized' });
    }
  });
});
