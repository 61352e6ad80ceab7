/**
 * Payment promises over HTTP: a promise taken for a customer, listed for it and for the
 * company, cancelled once (409 the second time); its refusals as problems in French (400),
 * 403 for a read-only user, 404 for an unknown customer; the kept rate.
 */
import { describe, expect, it } from 'vitest';
import { listOpenInvoicesOfCustomers } from '../../../src/ledger/service.ts';
import { ZPaymentPromise, ZPromiseKeptRate, ZPromiseList } from '../../../src/promises/schemas.ts';
import { makeCompany, makeCustomer, makeInvoices, makeUser } from '../../factories.ts';
import { expectProblem, signIn, writeHeaders, type Session, useHttpApp } from './http-helpers.ts';

const http = useHttpApp();
const NBSP = '\u00a0';

async function companyWith(role: 'admin' | 'read_only' | 'collector') {
  const { ctx } = await makeCompany(http.deps);
  const user = await makeUser(http.deps, ctx, role);
  const session = await signIn(http.app, user.email, user.password);
  const customer = await makeCustomer(http.deps, ctx);
  await makeInvoices(http.deps, ctx, customer.id, [
    { number: 'F1', issueDate: '2026-02-01', dueDate: '2026-03-03', amount: 100_000 },
  ]);
  const [invoice] = await listOpenInvoicesOfCustomers(http.deps.db, ctx, [customer.id]);
  return { session, customerId: customer.id, invoiceId: invoice?.id ?? '' };
}

function post(session: Session, url: string, payload: object) {
  return http.app.inject({
    method: 'POST',
    url,
    headers: writeHeaders(session),
    payload: payload as Record<string, unknown>,
  });
}

function get(session: Session, url: string) {
  return http.app.inject({ url, headers: { cookie: session.cookie } });
}

describe('/api/customers/:id/promises', () => {
  it('takes, lists and cancels a promise', async () => {
    const { session, customerId, invoiceId } = await companyWith('collector');
    const created = await post(session, `/api/customers/${customerId}/promises`, {
      amountCents: 100_000,
      promisedOn: '2026-03-20',
      invoiceIds: [invoiceId],
    });
    expect(created.statusCode).toBe(201);
    const promise = ZPaymentPromise.parse(created.json());
    expect(promise).toMatchObject({
      amountCents: 100_000,
      currency: 'EUR',
      promisedOn: '2026-03-20',
      graceDays: 3,
      deadline: '2026-03-23',
      channel: 'phone',
      status: 'live',
      takenBy: { name: 'Test collector' },
      invoices: [{ id: invoiceId, number: 'F1', openCentsAtPromise: 100_000, openCents: 100_000 }],
    });
    expect(promise.takenBy.id).not.toBeNull();

    const listed = ZPromiseList.parse(
      (await get(session, `/api/customers/${customerId}/promises`)).json(),
    );
    expect(listed.items.map((item) => item.id)).toEqual([promise.id]);
    const live = ZPromiseList.parse((await get(session, '/api/promises?status=live')).json());
    expect(live).toMatchObject({ items: [{ id: promise.id }], nextBefore: null });

    const cancelled = await post(session, `/api/promises/${promise.id}/cancel`, {});
    expect(cancelled.statusCode).toBe(200);
    expect(ZPaymentPromise.parse(cancelled.json()).status).toBe('cancelled');
    const again = await post(session, `/api/promises/${promise.id}/cancel`, {});
    expect(expectProblem(again, 409).code).toBe('conflict');
  });

  it('refuses a promise in French, field by field', async () => {
    const { session, customerId, invoiceId } = await companyWith('admin');
    const refused = await post(session, `/api/customers/${customerId}/promises`, {
      amountCents: 100_001,
      promisedOn: '2026-03-10',
      invoiceIds: [invoiceId],
    });
    const problem = expectProblem(refused, 400);
    expect(problem.reason).toBe('promise_refused');
    expect(problem.issues?.map((issue) => [issue.field, issue.code])).toEqual([
      ['promisedOn', 'promise_date_past'],
      ['amountCents', 'promise_amount_above_open'],
    ]);
    expect(problem.detail).toBe('La promesse ne peut pas être enregistrée');
    expect(problem.issues?.[1]?.message).toBe(
      `Le montant promis dépasse les 1${NBSP}000,00${NBSP}€ restant dus sur ses factures`,
    );
    const unknown = await post(session, `/api/customers/${crypto.randomUUID()}/promises`, {
      amountCents: 1,
      promisedOn: '2026-03-20',
      invoiceIds: [invoiceId],
    });
    expectProblem(unknown, 404);
  });

  it('lets a read-only user read but not take a promise', async () => {
    const { session, customerId, invoiceId } = await companyWith('read_only');
    const refused = await post(session, `/api/customers/${customerId}/promises`, {
      amountCents: 1_000,
      promisedOn: '2026-03-20',
      invoiceIds: [invoiceId],
    });
    expectProblem(refused, 403);
    expect((await get(session, `/api/customers/${customerId}/promises`)).statusCode).toBe(200);
  });
});

describe('/api/promises/kept-rate', () => {
  it('answers the rate of a period, null with nothing settled', async () => {
    const { session } = await companyWith('read_only');
    const answered = await get(session, '/api/promises/kept-rate?from=2026-03-01&to=2026-03-31');
    expect(answered.statusCode).toBe(200);
    expect(ZPromiseKeptRate.parse(answered.json())).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      count: { kept: 0, partlyKept: 0, broken: 0, rate: null },
      amount: { currency: 'EUR', promisedCents: 0, paidCents: 0, rate: null },
    });
    expectProblem(await get(session, '/api/promises/kept-rate?from=2026-03-01'), 400);
  });
});
