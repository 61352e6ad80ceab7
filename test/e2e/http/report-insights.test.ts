/**
 * The aged balance's drill-down, the Pareto and the collectors' activity over HTTP (issue
 * 11, docs/api.md): answers parsed by their schemas, the drill-down's sums equal to the
 * balance's cells, every issue of a bad request in one 400 problem, 401 without a session.
 */
import { describe, expect, it } from 'vitest';
import {
  ZAgedBalanceCell,
  ZCollectorActivity,
  ZPareto,
} from '../../../src/reports/insight-schemas.ts';
import { ZAgedBalance } from '../../../src/reports/schemas.ts';
import { makeCompany, makeCustomer, makeInvoices, makePayment, makeUser } from '../../factories.ts';
import { expectProblem, signIn, useHttpApp, type Session } from './http-helpers.ts';

const http = useHttpApp();

/**
 * On 15 March 2026 (the tests' today): A (Alpha SARL, collected by the reader) owes F2
 * (500,00 € due 20 March) and has 200,00 € of P1 unapplied; B (Bêta SA) owes F4 (800,00 €
 * due 1 Dec 2025, 104 days late) and F3 ($300.00 due 19 Feb, 24 days late).
 */
async function ledger(): Promise<{ session: Session; collectorId: string }> {
  const { ctx } = await makeCompany(http.deps);
  const user = await makeUser(http.deps, ctx, 'collector');
  const session = await signIn(http.app, user.email, user.password);
  const a = await makeCustomer(http.deps, ctx, {
    code: 'A',
    legalName: 'Alpha SARL',
    collectorUserId: user.id,
  });
  const b = await makeCustomer(http.deps, ctx, { code: 'B', legalName: 'Bêta SA' });
  await makeInvoices(http.deps, ctx, a.id, [
    { number: 'F1', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 100_000 },
    { number: 'F2', issueDate: '2026-02-10', dueDate: '2026-03-20', amount: 50_000 },
  ]);
  await makeInvoices(http.deps, ctx, b.id, [
    { number: 'F4', issueDate: '2025-11-10', dueDate: '2025-12-01', amount: 80_000 },
    {
      number: 'F3',
      issueDate: '2026-01-20',
      dueDate: '2026-02-19',
      amount: 30_000,
      currency: 'USD',
    },
  ]);
  await makePayment(http.deps, ctx, a.id, {
    reference: 'P1',
    receivedOn: '2026-02-15',
    amount: 120_000,
    invoiceNumber: 'F1',
  });
  return { session, collectorId: user.id };
}

function get(session: Session | undefined, url: string) {
  return http.app.inject({
    url,
    headers: session === undefined ? {} : { cookie: session.cookie },
  });
}

describe('GET /api/reports/aged-balance/invoices', () => {
  it('answers the documents of a cell, summing to the balance’s cell', async () => {
    const { session, collectorId } = await ledger();
    const balance = ZAgedBalance.parse(
      (await get(session, '/api/reports/aged-balance?by=collector')).json(),
    );
    const none = balance.rows.find((row) => row.group.id === null && row.currency === 'EUR');
    expect(none?.buckets[4]).toBe(80_000);
    const response = await get(
      session,
      '/api/reports/aged-balance/invoices?bucket=4&collectorId=none&currency=EUR',
    );
    expect(response.statusCode).toBe(200);
    const cell = ZAgedBalanceCell.parse(response.json());
    expect(cell).toMatchObject({ asOf: '2026-03-15', cell: 4 });
    expect(cell.items).toEqual([
      {
        id: expect.any(String),
        kind: 'invoice',
        number: 'F4',
        customer: { id: expect.any(String), code: 'B', name: 'Bêta SA' },
        issueDate: '2025-11-10',
        dueDate: '2025-12-01',
        daysPastDue: 104,
        openCents: 80_000,
        currency: 'EUR',
      },
    ]);
    expect(cell.totals).toEqual([{ currency: 'EUR', count: 1, openCents: 80_000 }]);
    const cash = ZAgedBalanceCell.parse(
      (
        await get(
          session,
          `/api/reports/aged-balance/invoices?bucket=unapplied_cash&collectorId=${collectorId}`,
        )
      ).json(),
    );
    expect(cash.items.map((item) => [item.kind, item.number, item.openCents])).toEqual([
      ['payment', 'P1', 20_000],
    ]);
  });

  it('refuses every issue at once, and asks for a session', async () => {
    const { session } = await ledger();
    const problem = expectProblem(
      await get(
        session,
        '/api/reports/aged-balance/invoices?bucket=7&buckets=30,60&asOf=2027-01-01&category=high&customerId=0190a5c6-6f1e-7000-8000-000000000000',
      ),
      400,
    );
    expect(problem).toMatchObject({ code: 'invalid', reason: 'report_invalid' });
    expect(problem.issues?.map((issue) => [issue.field, issue.code])).toEqual([
      ['asOf', 'report_as_of_in_future'],
      ['bucket', 'aged_balance_cell_out_of_range'],
      ['customerId', 'aged_balance_cell_one_row'],
    ]);
    const unknown = expectProblem(
      await get(session, '/api/reports/aged-balance/invoices?bucket=late'),
      400,
    );
    // A schema's refusal carries zod's keyword, worded from the catalogue.
    expect(unknown.issues?.map((issue) => [issue.field, issue.code])).toEqual([
      ['bucket', 'custom'],
    ]);
    expect(unknown.issues?.[0]?.message).toContain('credit_notes ou unapplied_cash');
    expectProblem(await get(undefined, '/api/reports/aged-balance/invoices?bucket=0'), 401);
  });
});

describe('GET /api/reports/pareto', () => {
  it('answers the set of each currency, and refuses a share out of range', async () => {
    const { session } = await ledger();
    const response = await get(session, '/api/reports/pareto?of=invoices');
    expect(response.statusCode).toBe(200);
    const pareto = ZPareto.parse(response.json());
    expect(
      pareto.currencies.map((set) => [set.currency, set.totalCents, set.setCount, set.itemCount]),
    ).toEqual([
      ['EUR', 80_000, 1, 1],
      ['USD', 30_000, 1, 1],
    ]);
    expect(pareto.currencies[0]?.lines[0]?.invoice).toEqual({
      number: 'F4',
      dueDate: '2025-12-01',
      daysPastDue: 104,
    });
    const problem = expectProblem(
      await get(session, '/api/reports/pareto?share=120&currency=GBP'),
      400,
    );
    expect(problem.issues?.map((issue) => issue.code)).toEqual([
      'pareto_share_out_of_range',
      'report_currency_unused',
    ]);
    expectProblem(await get(undefined, '/api/reports/pareto'), 401);
  });
});

describe('GET /api/reports/collector-activity', () => {
  it('answers twelve weeks by default, and refuses a period backwards', async () => {
    const { session } = await ledger();
    const response = await get(session, '/api/reports/collector-activity');
    expect(response.statusCode).toBe(200);
    const activity = ZCollectorActivity.parse(response.json());
    expect(activity).toMatchObject({ from: '2025-12-22', to: '2026-03-15', collectors: [] });
    expect(activity.weeks).toHaveLength(12);
    const problem = expectProblem(
      await get(session, '/api/reports/collector-activity?from=2026-03-10&to=2026-03-01'),
      400,
    );
    expect(problem.issues?.map((issue) => issue.code)).toEqual([
      'collector_activity_from_after_to',
    ]);
    expectProblem(await get(undefined, '/api/reports/collector-activity'), 401);
  });
});
