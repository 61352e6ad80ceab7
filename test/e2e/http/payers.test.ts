/**
 * The payer profiles over HTTP (`GET /api/reports/payers` and
 * `GET /api/customers/{customerId}/payer-profile`, issue 11): the figures of a small ledger
 * worked by hand, parsed by the answers' schemas; the list page's ids; every issue of a bad
 * request in one 400 problem; 404 for a customer the company does not have; 401 without a
 * session.
 */
import { describe, expect, it } from 'vitest';
import { ZCustomerPayerProfile, ZPayerReport } from '../../../src/reports/payer-schemas.ts';
import { makeCompany, makeCustomer, makeInvoices, makePayment, makeUser } from '../../factories.ts';
import { expectProblem, signIn, useHttpApp, type Session } from './http-helpers.ts';

const http = useHttpApp();

/**
 * On 15 March 2026 (the tests' today): A paid F1 (1 000,00 €, due 4 Feb) on 15 Feb, 11 days
 * late, and owes F2 (due 20 March, not yet late); B owes F4 (800,00 €, due 1 Dec 2025, 104
 * days late) and F3 ($300.00, due 19 Feb, 24 days late).
 */
async function ledger(): Promise<{ session: Session; a: string; b: string }> {
  const { ctx } = await makeCompany(http.deps);
  const user = await makeUser(http.deps, ctx, 'read_only');
  const session = await signIn(http.app, user.email, user.password);
  const a = await makeCustomer(http.deps, ctx, { code: 'A', legalName: 'Alpha SARL' });
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
    amount: 100_000,
    invoiceNumber: 'F1',
  });
  return { session, a: a.id, b: b.id };
}

function get(session: Session | undefined, url: string) {
  return http.app.inject({
    url,
    headers: session === undefined ? {} : { cookie: session.cookie },
  });
}

describe('GET /api/reports/payers', () => {
  it('answers the worst payers first, with the counts per currency', async () => {
    const { session, a, b } = await ledger();
    const response = await get(session, '/api/reports/payers');
    expect(response.statusCode).toBe(200);
    const report = ZPayerReport.parse(response.json());
    expect(report).toMatchObject({
      asOf: '2026-03-15',
      from: '2025-03-16',
      thresholds: [5, 15, 30],
      rowCount: 3,
      categoryCounts: [
        { currency: 'EUR', A: 0, B: 1, C: 0, D: 1, none: 0 },
        { currency: 'USD', A: 0, B: 0, C: 1, D: 0, none: 0 },
      ],
    });
    expect(
      report.rows.map((row) => [row.customerId, row.code, row.currency, row.weightedDaysLate]),
    ).toEqual([
      [b, 'B', 'EUR', 104],
      [b, 'B', 'USD', 24],
      [a, 'A', 'EUR', 11],
    ]);
    expect(report.rows[2]).toMatchObject({
      name: 'Alpha SARL',
      onTimeShareByAmount: 0,
      onTimeShareByCount: 0,
      category: 'B',
    });
    expect(report.rows[2]?.trend.map((point) => point.weightedDaysLate)).toEqual([
      null,
      null,
      null,
      null,
      11,
      null,
    ]);
  });

  it('answers a page of the customer list, a category, custom thresholds', async () => {
    const { session, a, b } = await ledger();
    const page = ZPayerReport.parse(
      (await get(session, `/api/reports/payers?customerIds=${a},${b}&sort=name`)).json(),
    );
    expect(page.rows.map((row) => [row.code, row.currency])).toEqual([
      ['A', 'EUR'],
      ['B', 'EUR'],
      ['B', 'USD'],
    ]);
    const custom = ZPayerReport.parse(
      (
        await get(session, '/api/reports/payers?thresholds=10,20,200&category=C&currency=EUR')
      ).json(),
    );
    expect(custom).toMatchObject({ thresholds: [10, 20, 200], rowCount: 1 });
    expect(custom.rows.map((row) => [row.code, row.category])).toEqual([['B', 'C']]);
  });

  it('refuses bad thresholds, a category, a future date: every issue at once', async () => {
    const { session } = await ledger();
    const refused = expectProblem(
      await get(session, '/api/reports/payers?asOf=2026-03-16&thresholds=30,15'),
      400,
    );
    expect(refused.issues?.map((issue) => [issue.field, issue.code])).toEqual([
      ['asOf', 'report_as_of_in_future'],
      ['thresholds', 'payer_thresholds_count'],
      ['thresholds.1', 'payer_thresholds_not_increasing'],
    ]);
    expect(refused.issues?.[1]?.message).toBe(
      'Donnez 3 seuils, pour les catégories A, B et C\u00a0: 2 donnés',
    );
    for (const query of ['category=E', 'thresholds=cinq', 'limit=0', 'customerIds=nope']) {
      expect(expectProblem(await get(session, `/api/reports/payers?${query}`), 400).status).toBe(
        400,
      );
    }
  });

  it('answers 401 without a session', async () => {
    expect(expectProblem(await get(undefined, '/api/reports/payers'), 401)).toMatchObject({
      code: 'unauthorized',
    });
  });
});

describe('GET /api/customers/{customerId}/payer-profile', () => {
  it('answers the customer’s profile in each currency', async () => {
    const { session, b } = await ledger();
    const response = await get(session, `/api/customers/${b}/payer-profile?thresholds=5,15,20`);
    expect(response.statusCode).toBe(200);
    const profile = ZCustomerPayerProfile.parse(response.json());
    expect(profile).toMatchObject({ customerId: b, code: 'B', name: 'Bêta SA' });
    expect(
      profile.profiles.map((one) => [one.currency, one.weightedDaysLate, one.category]),
    ).toEqual([
      ['EUR', 104, 'D'],
      ['USD', 24, 'D'],
    ]);
  });

  it('answers 404 for a customer the company does not have, 401 without a session', async () => {
    const { session } = await ledger();
    const unknown = '0190f0a0-0000-7000-8000-000000000000';
    expect(
      expectProblem(await get(session, `/api/customers/${unknown}/payer-profile`), 404),
    ).toMatchObject({ code: 'not_found' });
    expect(
      expectProblem(await get(undefined, `/api/customers/${unknown}/payer-profile`), 401),
    ).toMatchObject({ code: 'unauthorized' });
  });
});
