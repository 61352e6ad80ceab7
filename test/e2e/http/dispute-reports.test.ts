/**
 * The dispute report over HTTP (`GET /api/reports/disputes`): the figures of a small set,
 * parsed by the answer's schema, on today and on `asOf`; a malformed date refused (400 in
 * French); no session, 401.
 */
import { describe, expect, it } from 'vitest';
import { ZDisputeReport } from '../../../src/disputes/report-schemas.ts';
import { addDepartment, addDispute, invoiceIdsByNumber } from '../../dispute-rows.ts';
import { makeCompany, makeCustomer, makeInvoices, makeUser } from '../../factories.ts';
import { expectProblem, signIn, useHttpApp } from './http-helpers.ts';

const http = useHttpApp();

/** A read-only user's company with one open dispute (part of F1) and one resolved (F2). */
async function companyWithDisputes() {
  const { ctx } = await makeCompany(http.deps);
  const user = await makeUser(http.deps, ctx, 'read_only');
  const session = await signIn(http.app, user.email, user.password);
  const customer = await makeCustomer(http.deps, ctx, { legalName: 'Forges Fabre SA' });
  await makeInvoices(http.deps, ctx, customer.id, [
    { number: 'F1', issueDate: '2026-02-01', dueDate: '2026-03-03', amount: 100_000 },
    { number: 'F2', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 40_000 },
  ]);
  const ids = await invoiceIdsByNumber(http.deps, ctx);
  const logistics = await addDepartment(http.deps, ctx, 'logistics', 'Logistique');
  const base = {
    customerId: customer.id,
    cause: 'late_delivery',
    department: logistics,
    salesRep: 'Paul Lefèvre',
  };
  await addDispute(http.deps, ctx, {
    ...base,
    invoices: [{ invoiceId: ids.get('F1') ?? '', disputedCents: 25_000 }],
    amountCents: 25_000,
    raisedOn: '2026-03-05',
    deadline: '2026-03-12',
  });
  await addDispute(http.deps, ctx, {
    ...base,
    invoices: [{ invoiceId: ids.get('F2') ?? '', disputedCents: null }],
    amountCents: 40_000,
    raisedOn: '2026-02-02',
    deadline: '2026-02-09',
    resolved: { on: '2026-02-11', outcome: 'rejected' },
  });
  return { session, customer, logistics };
}

describe('GET /api/reports/disputes', () => {
  it('answers the report of the company’s today, for a read-only user', async () => {
    const { session, customer, logistics } = await companyWithDisputes();
    const response = await http.app.inject({
      url: '/api/reports/disputes',
      headers: { cookie: session.cookie },
    });
    expect(response.statusCode).toBe(200);
    const report = ZDisputeReport.parse(response.json());
    expect(report).toMatchObject({
      asOf: '2026-03-15',
      openByCause: [{ cause: 'late_delivery', count: 1, amountCents: 25_000, currency: 'EUR' }],
      openByDepartment: [
        {
          department: logistics,
          count: 1,
          amountCents: 25_000,
          currency: 'EUR',
          overdueCount: 1,
        },
      ],
      resolutionByCause: [{ cause: 'late_delivery', resolvedCount: 1, averageDays: 9 }],
      resolutionByDepartment: [{ department: logistics, resolvedCount: 1, averageDays: 9 }],
      blocked: [{ currency: 'EUR', amountCents: 25_000, disputeCount: 1, invoiceCount: 1 }],
      recurringByCustomer: [
        {
          customer: { id: customer.id, code: customer.code, name: 'Forges Fabre SA' },
          cause: 'late_delivery',
          count: 2,
          amountCents: 65_000,
          currency: 'EUR',
        },
      ],
      recurringBySalesRep: [
        {
          salesRep: 'Paul Lefèvre',
          cause: 'late_delivery',
          count: 2,
          amountCents: 65_000,
          currency: 'EUR',
        },
      ],
    });
    // Raised on 5 March: 10 days old on the 15th.
    expect(report.openByAge.find((row) => row.count > 0)).toEqual({
      bucket: '8-15',
      count: 1,
      amountCents: 25_000,
      currency: 'EUR',
    });
  });

  it('counts on `asOf`: the resolved dispute was open on 10 February', async () => {
    const { session } = await companyWithDisputes();
    const response = await http.app.inject({
      url: '/api/reports/disputes?asOf=2026-02-10',
      headers: { cookie: session.cookie },
    });
    expect(response.statusCode).toBe(200);
    const report = ZDisputeReport.parse(response.json());
    expect(report.asOf).toBe('2026-02-10');
    expect(report.openByCause).toEqual([
      { cause: 'late_delivery', count: 1, amountCents: 40_000, currency: 'EUR' },
    ]);
    expect(report.openByDepartment[0]?.overdueCount).toBe(1);
    expect(report.resolutionByCause).toEqual([]);
  });

  it('refuses a date that is not one, in the reader’s language', async () => {
    const { session } = await companyWithDisputes();
    const problem = expectProblem(
      await http.app.inject({
        url: '/api/reports/disputes?asOf=2026-02-30',
        headers: { cookie: session.cookie, 'accept-language': 'fr' },
      }),
      400,
    );
    expect(problem.issues?.[0]).toMatchObject({ field: 'asOf' });
  });

  it('answers 401 without a session', async () => {
    const problem = expectProblem(await http.app.inject({ url: '/api/reports/disputes' }), 401);
    expect(problem.status).toBe(401);
  });
});
