/**
 * Disputes over HTTP: a collector raises a dispute on an invoice (PUT), reads it (GET), sees
 * it in the customer's open disputes, resolves it (DELETE) with a note; the refusals as
 * problems in French (409 already open, 400 an amount above what is open, 404 nothing open)
 * and 403 for a read-only user. Every answer is parsed with the route's own schema.
 */
import { describe, expect, it } from 'vitest';
import { ZDispute, ZDisputeList, ZInvoiceDispute } from '../../../src/disputes/schemas.ts';
import { ZInvoicePage } from '../../../src/ledger/schemas.ts';
import { cents, currencyCode, formatMoney } from '../../../src/shared/money.ts';
import { makeCompany, makeCustomer, makeInvoices, makeUser } from '../../factories.ts';
import { expectProblem, signIn, writeHeaders, type Session, useHttpApp } from './http-helpers.ts';

const http = useHttpApp();

async function companyWith(role: 'collector' | 'read_only') {
  const { ctx } = await makeCompany(http.deps);
  const user = await makeUser(http.deps, ctx, role);
  const session = await signIn(http.app, user.email, user.password);
  const customer = await makeCustomer(http.deps, ctx);
  await makeInvoices(http.deps, ctx, customer.id, [
    { number: 'FA-7', issueDate: '2026-01-10', dueDate: '2026-02-10', amount: 123_456 },
  ]);
  const page = ZInvoicePage.parse(
    (await get(session, `/api/invoices?customerId=${customer.id}`)).json(),
  );
  return { session, customer, invoiceId: page.items[0]?.id ?? '' };
}

function send(session: Session, method: 'PUT' | 'DELETE', url: string, payload?: object) {
  return http.app.inject({
    method,
    url,
    headers: writeHeaders(session),
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

function get(session: Session, url: string) {
  return http.app.inject({ url, headers: { cookie: session.cookie } });
}

describe('/api/invoices/:id/dispute', () => {
  it('raises, reads, lists and resolves a dispute', async () => {
    const { session, customer, invoiceId } = await companyWith('collector');
    const path = `/api/invoices/${invoiceId}/dispute`;
    expect(ZInvoiceDispute.parse((await get(session, path)).json())).toEqual({ dispute: null });

    const raised = await send(session, 'PUT', path, {
      reason: 'quantity',
      note: '2 palettes livrées sur 3',
      amountCents: 41_152,
    });
    expect(raised.statusCode).toBe(201);
    const dispute = ZDispute.parse(raised.json());
    expect(dispute).toMatchObject({
      invoiceId,
      invoiceNumber: 'FA-7',
      customerId: customer.id,
      reason: 'quantity',
      note: '2 palettes livrées sur 3',
      amountCents: 41_152,
      currency: 'EUR',
      raisedOn: '2026-03-15',
      isOpen: true,
      resolvedOn: null,
    });
    expect(ZInvoiceDispute.parse((await get(session, path)).json()).dispute).toEqual(dispute);
    const listed = ZDisputeList.parse(
      (await get(session, `/api/disputes?customerId=${customer.id}`)).json(),
    );
    expect(listed).toEqual({ items: [dispute], nextBefore: null });

    const again = expectProblem(await send(session, 'PUT', path, { reason: 'price' }), 409);
    expect(again).toMatchObject({ code: 'conflict', reason: 'dispute_already_open' });
    expect(again.detail).toBe(
      'La facture FA-7 est déjà en litige\u00a0: levez ce litige avant d’en ouvrir un autre',
    );

    const resolved = await send(session, 'DELETE', path, { note: 'Avoir à émettre' });
    expect(resolved.statusCode).toBe(200);
    expect(ZDispute.parse(resolved.json())).toMatchObject({
      id: dispute.id,
      isOpen: false,
      resolvedOn: '2026-03-15',
      resolutionNote: 'Avoir à émettre',
    });
    expect(ZInvoiceDispute.parse((await get(session, path)).json())).toEqual({ dispute: null });

    // Without a body, nothing open: 404 saying so.
    const none = expectProblem(await send(session, 'DELETE', path), 404);
    expect(none).toMatchObject({ reason: 'dispute_not_open' });
    expect(none.detail).toBe('La facture FA-7 n’a aucun litige en cours');
  });

  it('refuses an amount above what is open, naming the field, in French', async () => {
    const { session, invoiceId } = await companyWith('collector');
    const response = await send(session, 'PUT', `/api/invoices/${invoiceId}/dispute`, {
      reason: 'price',
      amountCents: 123_457,
    });
    const problem = expectProblem(response, 400);
    expect(problem.reason).toBe('dispute_refused');
    expect(problem.issues?.map((issue) => [issue.field, issue.code, issue.message])).toEqual([
      [
        'amountCents',
        'dispute_amount_above_open',
        `Le montant contesté dépasse les ${formatMoney(cents(123_456), currencyCode('EUR'), 'fr')} restant dus sur la facture FA-7`,
      ],
    ]);
    const unknownReason = await send(session, 'PUT', `/api/invoices/${invoiceId}/dispute`, {
      reason: 'weather',
    });
    expectProblem(unknownReason, 400);
  });

  it('lets a read-only user read, and refuses it a dispute (403)', async () => {
    const { session, invoiceId } = await companyWith('read_only');
    expect((await get(session, `/api/invoices/${invoiceId}/dispute`)).statusCode).toBe(200);
    expect((await get(session, '/api/disputes')).statusCode).toBe(200);
    expectProblem(
      await send(session, 'PUT', `/api/invoices/${invoiceId}/dispute`, { reason: 'price' }),
      403,
    );
    expectProblem(await send(session, 'DELETE', `/api/invoices/${invoiceId}/dispute`), 403);
    expectProblem(
      await get(session, '/api/invoices/00000000-0000-4000-8000-000000000000/dispute'),
      404,
    );
  });
});
