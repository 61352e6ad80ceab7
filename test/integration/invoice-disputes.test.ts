/**
 * Disputes on a real database (both drivers): opening one over invoices of one customer,
 * its reference, its deadline and its event; the refusals (a credit note, a paid invoice,
 * an amount above what is open, an unknown cause, invoices of two customers, one already
 * open — even opened by two connections at once on PostgreSQL), each leaving nothing
 * written; routing and resolving; the board's filters; `heldBackAmounts`, the run's door.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import { readEntityEvents } from '../../src/audit/service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { createDepartment, saveCause } from '../../src/disputes/configuration.ts';
import { resolveDispute, updateDispute } from '../../src/disputes/manage.ts';
import { getDisputeDetail, listDisputes } from '../../src/disputes/read.ts';
import { heldBackAmounts, openDispute, raiseDisputeInTx } from '../../src/disputes/service.ts';
import { listInvoices } from '../../src/ledger/invoice-lists.ts';
import { calendarDate } from '../../src/shared/calendar-date.ts';
import { DomainError } from '../../src/shared/errors.ts';
import { countStatements } from '../statement-counter.ts';
import { describeTestDatabase, openTestRuntime } from '../db.ts';
import { makeCompany, makeCustomer, makeInvoices, makePayment, makeUser } from '../factories.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function invoiceIds(ctx: Ctx): Promise<(number: string) => string> {
  const { items } = await listInvoices(deps, ctx, {
    page: 1,
    pageSize: undefined,
    sort: 'number',
    order: 'asc',
    status: 'all',
  });
  return (number) => items.find((item) => item.number === number)?.id ?? '';
}

/** A company, a customer with three invoices (one partly paid, one paid) and a credit note. */
async function ledger() {
  const { ctx } = await makeCompany(deps);
  const customer = await makeCustomer(deps, ctx, { salesRep: 'Julie Bernard' });
  await makeInvoices(deps, ctx, customer.id, [
    { number: 'FA-1', issueDate: '2026-01-10', dueDate: '2026-02-10', amount: 120_000 },
    { number: 'FA-2', issueDate: '2026-01-20', dueDate: '2026-02-20', amount: 50_000 },
    { number: 'FA-3', issueDate: '2026-02-01', dueDate: '2026-03-01', amount: 30_000 },
    {
      number: 'AV-1',
      issueDate: '2026-02-05',
      dueDate: '2026-02-05',
      amount: 10_000,
      kind: 'credit_note',
    },
  ]);
  await makePayment(deps, ctx, customer.id, {
    reference: 'VIR-1',
    receivedOn: '2026-03-01',
    amount: 20_000,
    invoiceNumber: 'FA-2',
  });
  await makePayment(deps, ctx, customer.id, {
    reference: 'VIR-2',
    receivedOn: '2026-03-02',
    amount: 30_000,
    invoiceNumber: 'FA-3',
  });
  const id = await invoiceIds(ctx);
  return { ctx, customer, fa1: id('FA-1'), fa2: id('FA-2'), fa3: id('FA-3'), av1: id('AV-1') };
}

async function collectorOf(ctx: Ctx): Promise<Ctx> {
  const user = await makeUser(deps, ctx, 'collector');
  return {
    companyId: ctx.companyId,
    actor: { type: 'user', id: user.id, name: 'Camille Martin' },
    role: 'collector',
  };
}

async function disputeCount(ctx: Ctx): Promise<number> {
  return (await listDisputes(deps, ctx, { limit: 500 })).length;
}

describe('opening a dispute', () => {
  it('opens one over two invoices with its parts, reference, deadline, sales rep and event', async () => {
    const { ctx, customer, fa1, fa2 } = await ledger();
    const collector = await collectorOf(ctx);
    const department = await createDepartment(deps, ctx, {
      code: 'sales',
      name: 'Ventes',
      defaultAssignee: { name: 'Paul Durand', email: 'paul@dupont.test' },
    });
    const dispute = await openDispute(deps, collector, {
      invoices: [{ invoiceId: fa1, disputedCents: 12_000 }, { invoiceId: fa2 }],
      cause: 'price',
      description: '  Remise de 10 % oubliée  ',
      departmentId: department.id,
    });
    expect(dispute).toMatchObject({
      reference: 'LIT-000001',
      customerId: customer.id,
      cause: 'price',
      description: 'Remise de 10 % oubliée',
      // 120.00 of FA-1 and all that is open on FA-2 (500.00 − 200.00 paid).
      amountCents: 42_000,
      currency: 'EUR',
      departmentId: department.id,
      assignee: { name: 'Paul Durand', email: 'paul@dupont.test' },
      // The cause `price` gives 5 days from the company's today.
      raisedOn: '2026-03-15',
      deadline: '2026-03-20',
      status: 'open',
      source: 'staff',
      salesRep: 'Julie Bernard',
      raisedBy: { id: collector.actor.id, name: 'Camille Martin' },
    });
    const second = await failure(
      openDispute(deps, ctx, { invoices: [{ invoiceId: fa1 }], cause: 'other' }),
    );
    expect(second.reason).toBe('dispute_already_open');
    const detail = await getDisputeDetail(deps, ctx, dispute.id);
    const byNumber = new Map(detail.invoices.map((invoice) => [invoice.number, invoice]));
    expect(byNumber.get('FA-1')).toMatchObject({
      disputedCents: 12_000,
      openCents: 120_000,
      heldBackCents: 12_000,
    });
    expect(byNumber.get('FA-2')).toMatchObject({
      disputedCents: null,
      openCents: 30_000,
      heldBackCents: 30_000,
    });
    expect(detail.heldBackCents).toBe(42_000);
    expect(detail.customer).toEqual({
      id: customer.id,
      code: customer.code,
      name: customer.legalName,
    });
    expect(detail.department).toEqual({ id: department.id, code: 'sales', name: 'Ventes' });
    expect(detail.timeline).toEqual([
      expect.objectContaining({
        action: 'dispute.raised',
        entityType: 'dispute',
        entityId: dispute.id,
        data: {
          reference: 'LIT-000001',
          cause: 'price',
          amount: 42_000,
          currency: 'EUR',
          invoices: ['FA-1', 'FA-2'],
          source: 'staff',
        },
      }),
    ]);
  });

  it('refuses bad input with every issue at once and writes nothing', async () => {
    const { ctx, fa1, fa2 } = await ledger();
    const aboveOpen = await failure(
      openDispute(deps, ctx, {
        invoices: [
          { invoiceId: fa1, disputedCents: 12_000 },
          { invoiceId: fa2, disputedCents: 30_001 },
        ],
        cause: 'no_such_cause',
      }),
    );
    expect(aboveOpen).toMatchObject({ code: 'invalid', reason: 'dispute_refused' });
    expect(aboveOpen.issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['invoices.1.disputedCents', 'dispute_amount_above_open'],
      ['cause', 'dispute_cause_unknown'],
    ]);
    expect(aboveOpen.issues[0]?.message).toBe(
      'The disputed amount is more than the €300.00 still open on invoice FA-2',
    );
    const other = await makeCustomer(deps, ctx);
    await makeInvoices(deps, ctx, other.id, [
      { number: 'FB-1', issueDate: '2026-01-10', dueDate: '2026-02-10', amount: 5_000 },
    ]);
    const fb1 = (await invoiceIds(ctx))('FB-1');
    const mixed = await failure(
      openDispute(deps, ctx, {
        invoices: [{ invoiceId: fa1 }, { invoiceId: fb1 }],
        cause: 'price',
      }),
    );
    expect(mixed.issues.map((issue) => issue.code)).toEqual(['dispute_customers_mixed']);
    expect(await disputeCount(ctx)).toBe(0);
    // The counter was not moved either: the first dispute is still number 1.
    const first = await openDispute(deps, ctx, { invoices: [{ invoiceId: fa1 }], cause: 'price' });
    expect(first.reference).toBe('LIT-000001');
  });

  it('refuses a credit note, a paid invoice, and a cause the company retired', async () => {
    const { ctx, fa1, fa3, av1 } = await ledger();
    expect(
      (await failure(openDispute(deps, ctx, { invoices: [{ invoiceId: av1 }], cause: 'price' })))
        .reason,
    ).toBe('dispute_credit_note_refused');
    expect(
      (await failure(openDispute(deps, ctx, { invoices: [{ invoiceId: fa3 }], cause: 'price' })))
        .reason,
    ).toBe('dispute_invoice_paid');
    await saveCause(deps, ctx, 'price', { label: 'Prix', deadlineDays: 5, isActive: false });
    const retired = await failure(
      openDispute(deps, ctx, { invoices: [{ invoiceId: fa1 }], cause: 'price' }),
    );
    expect(retired.issues.map((issue) => issue.code)).toEqual(['dispute_cause_unknown']);
    expect(await disputeCount(ctx)).toBe(0);
  });

  it(`keeps one open dispute when two are opened at once (${describeTestDatabase()}: ${describeTestDatabase() === 'postgres' ? 'two connections' : 'one session'})`, async () => {
    const { ctx, customer, fa1, fa2 } = await ledger();
    const results = await Promise.allSettled([
      openDispute(deps, ctx, { invoices: [{ invoiceId: fa1 }], cause: 'price' }),
      openDispute(deps, ctx, {
        invoices: [{ invoiceId: fa2 }, { invoiceId: fa1 }],
        cause: 'quality',
      }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.flatMap((result) =>
      result.status === 'rejected' ? [(result.reason as DomainError).message] : [],
    );
    expect(refused).toEqual([
      'The invoice FA-1 is already disputed: resolve that dispute before raising another',
    ]);
    const disputes = await listDisputes(deps, ctx, { limit: 10 });
    expect(disputes.map((view) => view.dispute.reference)).toEqual(['LIT-000001']);
    // The loser gave its number back: the next one is 2.
    await makeInvoices(deps, ctx, customer.id, [
      { number: 'FA-9', issueDate: '2026-03-01', dueDate: '2026-04-01', amount: 1_000 },
    ]);
    const next = await openDispute(deps, ctx, {
      invoices: [{ invoiceId: (await invoiceIds(ctx))('FA-9') }],
      cause: 'other',
    });
    expect(next.reference).toBe('LIT-000002');
  });

  it('is not for a read-only user, who may read', async () => {
    const { ctx, fa1 } = await ledger();
    const reader: Ctx = { ...ctx, role: 'read_only' };
    expect(
      (await failure(openDispute(deps, reader, { invoices: [{ invoiceId: fa1 }], cause: 'price' })))
        .code,
    ).toBe('forbidden');
    expect(await listDisputes(deps, reader, { limit: 10 })).toEqual([]);
  });
});

describe('routing and resolving', () => {
  it('moves, re-routes and resolves a dispute, with its events; a resolved one is not changed', async () => {
    const { ctx, fa1 } = await ledger();
    const logistics = await createDepartment(deps, ctx, {
      code: 'logistics',
      name: 'Logistique',
      defaultAssignee: { name: 'Léa Roux', email: 'lea@dupont.test' },
    });
    const dispute = await openDispute(deps, ctx, {
      invoices: [{ invoiceId: fa1 }],
      cause: 'not_delivered',
    });
    const moved = await updateDispute(deps, ctx, dispute.id, {
      status: 'waiting_department',
      departmentId: logistics.id,
      deadline: calendarDate('2026-03-25'),
    });
    expect(moved.dispute).toMatchObject({
      status: 'waiting_department',
      departmentId: logistics.id,
      assignee: { name: 'Léa Roux', email: 'lea@dupont.test' },
      deadline: '2026-03-25',
    });
    const missing = await failure(resolveDispute(deps, ctx, dispute.id, { outcome: 'justified' }));
    expect(missing.issues.map((issue) => issue.code)).toEqual(['dispute_credit_note_required']);
    const resolved = await resolveDispute(deps, ctx, dispute.id, {
      outcome: 'justified',
      creditNote: 'to_issue',
      note: 'Bon de livraison introuvable',
    });
    expect(resolved.dispute).toMatchObject({
      status: 'resolved',
      outcome: 'justified',
      creditNote: 'to_issue',
      resolvedOn: '2026-03-15',
      resolutionNote: 'Bon de livraison introuvable',
    });
    expect(resolved.heldBackCents).toBe(0);
    expect(
      (await failure(resolveDispute(deps, ctx, dispute.id, { outcome: 'rejected' }))).reason,
    ).toBe('dispute_already_resolved');
    expect((await failure(updateDispute(deps, ctx, dispute.id, { status: 'open' }))).code).toBe(
      'conflict',
    );
    const events = await readEntityEvents(
      deps.db,
      ctx,
      [{ entityType: 'dispute', entityId: dispute.id }],
      10,
    );
    expect(events.map((event) => event.action)).toEqual([
      'dispute.resolved',
      'dispute.updated',
      'dispute.raised',
    ]);
    expect(events[1]?.data).toMatchObject({
      before: { status: 'open', departmentId: null, deadline: '2026-03-22' },
      after: { status: 'waiting_department', departmentId: logistics.id, deadline: '2026-03-25' },
    });
    // The invoice is free again: a new dispute may be opened on it.
    const again = await openDispute(deps, ctx, { invoices: [{ invoiceId: fa1 }], cause: 'price' });
    expect(again.reference).toBe('LIT-000002');
  });

  it('lists by status, cause, invoice and open, newest first, in three statements', async () => {
    const { ctx, fa1, fa2 } = await ledger();
    const first = await openDispute(deps, ctx, { invoices: [{ invoiceId: fa1 }], cause: 'price' });
    const second = await openDispute(deps, ctx, {
      invoices: [{ invoiceId: fa2 }],
      cause: 'quality',
    });
    await resolveDispute(deps, ctx, first.id, { outcome: 'rejected' });
    const refs = async (filter: Parameters<typeof listDisputes>[2]) =>
      (await listDisputes(deps, ctx, filter)).map((view) => view.dispute.reference);
    expect(await refs({ limit: 10 })).toEqual([second.reference, first.reference]);
    expect(await refs({ limit: 10, isOpen: true })).toEqual([second.reference]);
    expect(await refs({ limit: 10, statuses: ['resolved'] })).toEqual([first.reference]);
    expect(await refs({ limit: 10, cause: 'quality' })).toEqual([second.reference]);
    expect(await refs({ limit: 10, invoiceId: fa1 })).toEqual([first.reference]);
    expect(await refs({ limit: 1, before: second.id })).toEqual([first.reference]);
    const counted = countStatements(deps.db);
    await listDisputes({ ...deps, db: counted.db }, ctx, { limit: 200 });
    // The company (its today), the disputes with their invoices, the invoices, the customers.
    expect(counted.sent).toHaveLength(4);
  });
});

describe('heldBackAmounts, the run’s door', () => {
  it('answers the disputed part or null for each invoice in an open dispute, in the caller’s transaction', async () => {
    const { ctx, fa1, fa2 } = await ledger();
    await openDispute(deps, ctx, {
      invoices: [{ invoiceId: fa1, disputedCents: 12_000 }],
      cause: 'price',
    });
    const held = await deps.db.transaction().execute(async (tx) => {
      await raiseDisputeInTx(deps, tx, ctx, calendarDate('2026-03-15'), [fa1, fa2], {});
      return heldBackAmounts(tx, ctx, [fa1, fa2]);
    });
    expect(held).toEqual(
      new Map([
        [fa1, 12_000],
        [fa2, null],
      ]),
    );
  });
});
