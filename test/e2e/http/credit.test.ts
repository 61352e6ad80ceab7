/**
 * Credit management over HTTP (issue 12): the ERP's credit check and orders, a credit
 * manager's exception on a held order, and the refusals as problems (400 with every issue,
 * 403 above authority, 404 unknown customer, 409 duplicate order number).
 */
import { describe, expect, it } from 'vitest';
import {
  ZCreditCheckAnswer,
  ZCustomerCredit,
  ZReceivedOrder,
  ZSalesOrder,
} from '../../../src/credit/schemas.ts';
import { makeCompany, makeCustomer, makeInvoices, makeUser } from '../../factories.ts';
import { expectProblem, signIn, writeHeaders, type Session, useHttpApp } from './http-helpers.ts';

const http = useHttpApp();

async function companyWith(role: 'admin' | 'credit_manager' | 'collector') {
  const { ctx } = await makeCompany(http.deps);
  const user = await makeUser(http.deps, ctx, role);
  const session = await signIn(http.app, user.email, user.password);
  const customer = await makeCustomer(http.deps, ctx, { siren: '552100554' });
  await makeInvoices(http.deps, ctx, customer.id, [
    { number: 'F1', issueDate: '2026-02-01', dueDate: '2026-03-31', amount: 400_000 },
  ]);
  return { session, customer };
}

function post(session: Session, url: string, payload: object) {
  return http.app.inject({
    method: 'POST',
    url,
    headers: writeHeaders(session),
    payload: payload as Record<string, unknown>,
  });
}

describe('/api/credit-check and /api/orders', () => {
  it('holds an order over the limit, and validates it once a credit manager grants an exception', async () => {
    const { session, customer } = await companyWith('credit_manager');
    const decided = await post(session, `/api/customers/${customer.id}/credit-limit`, {
      amountCents: 500_000,
      reason: 'Bilan 2025',
    });
    expect(decided.statusCode).toBe(201);

    const check = await post(session, '/api/credit-check', {
      customerCode: customer.code,
      amountCents: 150_000,
    });
    expect(check.statusCode).toBe(200);
    expect(ZCreditCheckAnswer.parse(check.json())).toMatchObject({
      decision: 'hold',
      reasons: ['over_limit'],
      exposure: { openItemsCents: 400_000, totalCents: 400_000 },
      exposureAfterCents: 550_000,
      limitCents: 500_000,
      availableCents: 100_000,
    });

    const received = await post(session, '/api/orders', {
      number: 'CMD-100',
      customerCode: customer.code,
      orderedOn: '2026-03-14',
      amountCents: 150_000,
      checklist: { pricesAgreed: true, deliveryDateConfirmed: true },
    });
    expect(received.statusCode).toBe(201);
    const { order } = ZReceivedOrder.parse(received.json());
    expect(order).toMatchObject({
      status: 'held',
      holdReason: 'over_limit',
      missingChecklist: ['confirmationSent'],
    });
    expectProblem(
      await post(session, '/api/orders', {
        number: 'CMD-100',
        customerCode: customer.code,
        orderedOn: '2026-03-14',
        amountCents: 1,
      }),
      409,
    );

    const granted = await post(session, `/api/customers/${customer.id}/credit-exceptions`, {
      amountCents: 50_000,
      expiresOn: '2026-04-30',
      reason: 'Commande de saison',
      orderId: order.id,
    });
    expect(granted.statusCode).toBe(201);
    const after = ZSalesOrder.parse(
      (
        await http.app.inject({
          url: `/api/orders/${order.id}`,
          headers: { cookie: session.cookie },
        })
      ).json(),
    );
    expect(after.status).toBe('validated');
    const credit = ZCustomerCredit.parse(
      (
        await http.app.inject({
          url: `/api/customers/${customer.id}/credit`,
          headers: { cookie: session.cookie },
        })
      ).json(),
    );
    expect(credit.exposures[0]).toMatchObject({ ordersCents: 150_000, totalCents: 550_000 });
  });

  it('answers problems: every issue at once, above authority, unknown customer', async () => {
    const { session, customer } = await companyWith('collector');

    const bad = expectProblem(
      await post(session, `/api/customers/${customer.id}/credit-exceptions`, {
        amountCents: 0,
        expiresOn: '2020-01-01',
        reason: ' ',
      }),
      400,
    );
    expect(bad.issues?.map((issue) => issue.field).sort()).toEqual([
      'amountCents',
      'expiresOn',
      'reason',
    ]);
    const above = expectProblem(
      await post(session, `/api/customers/${customer.id}/credit-exceptions`, {
        amountCents: 100_001,
        expiresOn: '2026-04-01',
        reason: 'Client historique',
      }),
      403,
    );
    expect(above.reason).toBe('credit_above_authority');
    expectProblem(
      await post(session, '/api/credit-check', { customerCode: 'NOBODY', amountCents: 100 }),
      404,
    );
    expectProblem(
      await post(session, '/api/credit-check', { customerCode: customer.code, amountCents: -5 }),
      400,
    );
  });
});
