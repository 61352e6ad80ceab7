/**
 * Disputes over HTTP: a collector opens a dispute over two invoices (POST /api/disputes),
 * reads it, routes it (PATCH), resolves it; the invoice page's doors; the causes and
 * departments; the refusals as problems (400 an amount above what is open, 409 opened twice,
 * 409 resolved twice, 403 a read-only user changing). Every answer is parsed with the
 * route's own schema.
 */
import { describe, expect, it } from 'vitest';
import {
  ZDepartment,
  ZDisputeCauseList,
  ZDisputeDetail,
  ZDisputeList,
  ZDisputeSummary,
  ZInvoiceDispute,
} from '../../../src/disputes/schemas.ts';
import { ZInvoicePage } from '../../../src/ledger/schemas.ts';
import { makeCompany, makeCustomer, makeInvoices, makeUser } from '../../factories.ts';
import { expectProblem, signIn, writeHeaders, type Session, useHttpApp } from './http-helpers.ts';

const http = useHttpApp();

async function companyWith() {
  const { ctx } = await makeCompany(http.deps);
  const collector = await makeUser(http.deps, ctx, 'collector');
  const reader = await makeUser(http.deps, ctx, 'read_only');
  const session = await signIn(http.app, collector.email, collector.password);
  const readOnly = await signIn(http.app, reader.email, reader.password);
  const customer = await makeCustomer(http.deps, ctx);
  await makeInvoices(http.deps, ctx, customer.id, [
    { number: 'FA-7', issueDate: '2026-01-10', dueDate: '2026-02-10', amount: 123_456 },
    { number: 'FA-8', issueDate: '2026-01-12', dueDate: '2026-02-12', amount: 20_000 },
  ]);
  const page = ZInvoicePage.parse(
    (await get(session, `/api/invoices?customerId=${customer.id}&sort=number`)).json(),
  );
  const id = (number: string) => page.items.find((item) => item.number === number)?.id ?? '';
  return { session, readOnly, customer, fa7: id('FA-7'), fa8: id('FA-8') };
}

function send(
  session: Session,
  method: 'POST' | 'PATCH' | 'PUT',
  url: string,
  payload: object = {},
) {
  return http.app.inject({
    method,
    url,
    headers: writeHeaders(session),
    payload: payload as Record<string, unknown>,
  });
}

function get(session: Session, url: string) {
  return http.app.inject({ url, headers: { cookie: session.cookie } });
}

describe('/api/disputes', () => {
  it('opens, reads, routes, lists and resolves a dispute over two invoices', async () => {
    const { session, customer, fa7, fa8 } = await companyWith();
    const department = ZDepartment.parse(
      (
        await send(session, 'POST', '/api/departments', {
          code: 'logistics',
          name: 'Logistique',
          defaultAssignee: { name: 'Léa Roux', email: 'lea@dupont.test' },
        })
      ).json(),
    );
    const opened = await send(session, 'POST', '/api/disputes', {
      invoices: [{ invoiceId: fa7, disputedCents: 41_152 }, { invoiceId: fa8 }],
      cause: 'quantity',
      description: '2 palettes livrées sur 3',
      departmentId: department.id,
    });
    expect(opened.statusCode).toBe(201);
    const dispute = ZDisputeDetail.parse(opened.json());
    expect(dispute).toMatchObject({
      reference: 'LIT-000001',
      customer: { id: customer.id, code: customer.code, name: customer.legalName },
      cause: 'quantity',
      amountCents: 61_152,
      heldBackCents: 61_152,
      currency: 'EUR',
      department: { id: department.id, code: 'logistics', name: 'Logistique' },
      assignee: { name: 'Léa Roux', email: 'lea@dupont.test' },
      raisedOn: '2026-03-15',
      deadline: '2026-03-22',
      isOverdue: false,
      status: 'open',
      source: 'staff',
      comments: [],
      attachments: [],
      links: [],
    });
    expect(dispute.timeline.map((event) => event.action)).toEqual(['dispute.raised']);

    const routed = ZDisputeDetail.parse(
      (
        await send(session, 'PATCH', `/api/disputes/${dispute.id}`, {
          status: 'waiting_department',
        })
      ).json(),
    );
    expect(routed.status).toBe('waiting_department');

    const board = ZDisputeList.parse(
      (await get(session, '/api/disputes?status=waiting_department&status=open')).json(),
    );
    expect(board.items.map((item) => item.reference)).toEqual(['LIT-000001']);
    expect(board.nextBefore).toBeNull();

    const onInvoice = ZInvoiceDispute.parse(
      (await get(session, `/api/invoices/${fa8}/dispute`)).json(),
    );
    expect(onInvoice.dispute?.id).toBe(dispute.id);

    const resolved = await send(session, 'POST', `/api/disputes/${dispute.id}/resolve`, {
      outcome: 'rejected',
      note: 'Livraison complète signée',
    });
    expect(resolved.statusCode).toBe(200);
    expect(ZDisputeDetail.parse(resolved.json())).toMatchObject({
      status: 'resolved',
      outcome: 'rejected',
      heldBackCents: 0,
      resolutionNote: 'Livraison complète signée',
    });
    const twice = expectProblem(
      await send(session, 'POST', `/api/disputes/${dispute.id}/resolve`, { outcome: 'rejected' }),
      409,
    );
    expect(twice).toMatchObject({ code: 'conflict', reason: 'dispute_already_resolved' });
    expect(twice.detail).toBe('Le litige LIT-000001 est déjà clos');
  });

  it('refuses an amount above what is open (400) and a second open dispute (409)', async () => {
    const { session, fa7 } = await companyWith();
    const above = expectProblem(
      await send(session, 'POST', '/api/disputes', {
        invoices: [{ invoiceId: fa7, disputedCents: 123_457 }],
        cause: 'price',
      }),
      400,
    );
    expect(above).toMatchObject({ code: 'invalid', reason: 'dispute_refused' });
    expect(above.issues).toEqual([
      expect.objectContaining({
        field: 'invoices.0.disputedCents',
        code: 'dispute_amount_above_open',
      }),
    ]);
    const first = await send(session, 'POST', `/api/invoices/${fa7}/dispute`, {
      cause: 'price',
      disputedCents: 10_000,
    });
    expect(first.statusCode).toBe(201);
    expect(ZDisputeSummary.parse(first.json())).toMatchObject({
      heldBackCents: 10_000,
      invoices: [expect.objectContaining({ number: 'FA-7', disputedCents: 10_000 })],
    });
    const again = expectProblem(
      await send(session, 'POST', '/api/disputes', {
        invoices: [{ invoiceId: fa7 }],
        cause: 'quality',
      }),
      409,
    );
    expect(again).toMatchObject({ code: 'conflict', reason: 'dispute_already_open' });
    expect(again.detail).toBe(
      'La facture FA-7 est déjà en litige\u00a0: levez ce litige avant d’en ouvrir un autre',
    );
  });

  it('lets a read-only user read but not change (403)', async () => {
    const { session, readOnly, fa7 } = await companyWith();
    const opened = ZDisputeDetail.parse(
      (
        await send(session, 'POST', '/api/disputes', {
          invoices: [{ invoiceId: fa7 }],
          cause: 'price',
        })
      ).json(),
    );
    expect(
      ZDisputeDetail.parse((await get(readOnly, `/api/disputes/${opened.id}`)).json()).id,
    ).toBe(opened.id);
    const refused = expectProblem(
      await send(readOnly, 'PATCH', `/api/disputes/${opened.id}`, { status: 'waiting_customer' }),
      403,
    );
    expect(refused.code).toBe('forbidden');
    expectProblem(
      await send(readOnly, 'POST', `/api/disputes/${opened.id}/resolve`, { outcome: 'rejected' }),
      403,
    );
    expectProblem(
      await send(readOnly, 'PUT', '/api/dispute-causes/price', { label: 'Prix', deadlineDays: 3 }),
      403,
    );
  });
});

describe('/api/dispute-causes', () => {
  it('lists the defaults and saves a company’s own', async () => {
    const { session } = await companyWith();
    const saved = await send(session, 'PUT', '/api/dispute-causes/missing_pallet', {
      label: 'Palette manquante',
      deadlineDays: 4,
    });
    expect(saved.statusCode).toBe(200);
    const { items } = ZDisputeCauseList.parse((await get(session, '/api/dispute-causes')).json());
    expect(items[0]).toEqual({
      code: 'price',
      label: null,
      deadlineDays: 5,
      isActive: true,
      isDefault: true,
      position: 10,
    });
    expect(items.at(-1)).toEqual({
      code: 'missing_pallet',
      label: 'Palette manquante',
      deadlineDays: 4,
      isActive: true,
      isDefault: false,
      position: 120,
    });
  });

  it('re-times a default in its own words, renames it, gives them back, and wants a label for its own', async () => {
    const { session } = await companyWith();
    const path = '/api/dispute-causes/quality';
    const retimed = await send(session, 'PUT', path, { deadlineDays: 20 });
    expect(retimed.statusCode).toBe(200);
    expect(retimed.json()).toMatchObject({ code: 'quality', label: null, deadlineDays: 20 });
    const renamed = await send(session, 'PUT', path, { label: 'Qualité (SAV)', deadlineDays: 20 });
    expect(renamed.json()).toMatchObject({ label: 'Qualité (SAV)' });
    // Left out: kept.
    const kept = await send(session, 'PUT', path, { deadlineDays: 21 });
    expect(kept.json()).toMatchObject({ label: 'Qualité (SAV)', deadlineDays: 21 });
    const back = await send(session, 'PUT', path, { label: null, deadlineDays: 21 });
    expect(back.json()).toMatchObject({ label: null, deadlineDays: 21, isDefault: true });
    const unnamed = await send(session, 'PUT', '/api/dispute-causes/pallets', {
      label: null,
      deadlineDays: 4,
    });
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json()).toMatchObject({
      reason: 'dispute_cause_label_required',
      issues: [{ field: 'label', code: 'dispute_cause_label_required' }],
    });
    const { items } = ZDisputeCauseList.parse((await get(session, '/api/dispute-causes')).json());
    expect(items.map((cause) => cause.code)).not.toContain('pallets');
  });
});
