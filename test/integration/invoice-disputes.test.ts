/**
 * Disputes on invoices on a real database (both drivers): raising one, the refusals (a
 * credit note, a paid invoice, one already open — even raised by two connections at once on
 * PostgreSQL —, an amount above what is open), resolving it, the events on the customer's
 * timeline, and the daily run's door `disputedInvoiceIds`: thousands of ids in one
 * statement, inside the caller's transaction.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import { readCustomerEvents } from '../../src/audit/service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import {
  disputedInvoiceIds,
  getOpenDispute,
  listOpenDisputes,
  raiseDispute,
  raiseDisputeInTx,
  resolveDispute,
} from '../../src/disputes/service.ts';
import { listInvoices } from '../../src/ledger/invoice-lists.ts';
import { calendarDate } from '../../src/shared/calendar-date.ts';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  InvalidError,
  NotFoundError,
} from '../../src/shared/errors.ts';
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

/** The company's today in the tests (TEST_NOW in Paris). */
const TODAY = calendarDate('2026-03-15');

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** A company, a customer with three invoices (one partly paid) and a credit note. */
async function ledger() {
  const { ctx } = await makeCompany(deps);
  const customer = await makeCustomer(deps, ctx);
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
  const { items } = await listInvoices(deps, ctx, {
    page: 1,
    pageSize: undefined,
    sort: 'number',
    order: 'asc',
  });
  const id = (number: string) => items.find((item) => item.number === number)?.id ?? '';
  return {
    ctx,
    customer,
    fa1: id('FA-1'),
    partlyPaid: id('FA-2'),
    paid: id('FA-3'),
    creditNote: id('AV-1'),
  };
}

async function collectorOf(ctx: Ctx): Promise<Ctx> {
  const user = await makeUser(deps, ctx, 'collector');
  return {
    companyId: ctx.companyId,
    actor: { type: 'user', id: user.id, name: 'Camille Martin' },
    role: 'collector',
  };
}

describe('raising a dispute', () => {
  it('records it open at the company’s today, by the collector, and says so on the timeline', async () => {
    const { ctx, customer, fa1 } = await ledger();
    const collector = await collectorOf(ctx);
    const dispute = await raiseDispute(deps, collector, fa1, {
      reason: 'price',
      note: '  Remise de 5 % non appliquée  ',
    });
    expect(dispute).toMatchObject({
      invoiceId: fa1,
      invoiceNumber: 'FA-1',
      customerId: customer.id,
      reason: 'price',
      note: 'Remise de 5 % non appliquée',
      amountCents: null,
      currency: 'EUR',
      raisedOn: TODAY,
      raisedBy: { id: collector.actor.id, name: 'Camille Martin' },
      resolvedOn: null,
      resolvedBy: null,
      resolutionNote: null,
    });
    expect(await getOpenDispute(deps, ctx, fa1)).toEqual(dispute);
    const [event] = await readCustomerEvents(deps.db, ctx, customer.id, 10);
    expect(event).toMatchObject({
      action: 'dispute.raised',
      entityType: 'invoice',
      entityId: fa1,
      customerId: customer.id,
      actorType: 'user',
      actorId: collector.actor.id,
      data: {
        disputeId: dispute.id,
        number: 'FA-1',
        reason: 'price',
        note: 'Remise de 5 % non appliquée',
        amount: 120_000,
        isWholeOpenAmount: true,
        currency: 'EUR',
      },
    });
  });

  it('keeps the disputed part of a partly paid invoice, up to what is open', async () => {
    const { ctx, partlyPaid } = await ledger();
    const dispute = await raiseDispute(deps, ctx, partlyPaid, {
      reason: 'quantity',
      amountCents: 30_000,
    });
    expect(dispute).toMatchObject({ amountCents: 30_000, note: null });
    // The CLI is not a user: who raised it is its operator's name only.
    expect(dispute.raisedBy).toEqual({ id: null, name: 'tester' });
  });

  it('refuses a credit note, a paid invoice and an unknown one, and leaves nothing behind', async () => {
    const { ctx, customer, paid, creditNote } = await ledger();
    const onCreditNote = await failure(raiseDispute(deps, ctx, creditNote, { reason: 'other' }));
    expect(onCreditNote).toBeInstanceOf(ConflictError);
    expect(onCreditNote.reason).toBe('dispute_credit_note_refused');
    expect(onCreditNote.message).toBe('AV-1 is a credit note: only an invoice can be disputed');
    const onPaid = await failure(raiseDispute(deps, ctx, paid, { reason: 'already_paid' }));
    expect(onPaid).toBeInstanceOf(ConflictError);
    expect(onPaid.reason).toBe('dispute_invoice_paid');
    const unknown = await failure(raiseDispute(deps, ctx, randomUUID(), { reason: 'price' }));
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect(await listOpenDisputes(deps, ctx, { customerId: customer.id, limit: 10 })).toEqual([]);
  });

  it('refuses an amount above what is open with the field and the figure', async () => {
    const { ctx, partlyPaid } = await ledger();
    const refused = await failure(
      raiseDispute(deps, ctx, partlyPaid, { reason: 'price', amountCents: 30_001 }),
    );
    expect(refused).toBeInstanceOf(InvalidError);
    expect(refused.issues.map((issue) => [issue.field, issue.code, issue.params])).toEqual([
      [
        'amountCents',
        'dispute_amount_above_open',
        { open: 30_000, currency: 'EUR', number: 'FA-2' },
      ],
    ]);
    expect(await getOpenDispute(deps, ctx, partlyPaid)).toBeUndefined();
  });

  it('refuses a second open dispute on one invoice', async () => {
    const { ctx, fa1 } = await ledger();
    await raiseDispute(deps, ctx, fa1, { reason: 'quality' });
    const second = await failure(raiseDispute(deps, ctx, fa1, { reason: 'price' }));
    expect(second).toBeInstanceOf(ConflictError);
    expect(second.reason).toBe('dispute_already_open');
    expect(second.message).toBe(
      'The invoice FA-1 is already disputed: resolve that dispute before raising another',
    );
  });

  it(`keeps one open dispute when two are raised at once (${describeTestDatabase()}: ${describeTestDatabase() === 'postgres' ? 'two connections' : 'one session'})`, async () => {
    const { ctx, fa1 } = await ledger();
    const results = await Promise.allSettled([
      raiseDispute(deps, ctx, fa1, { reason: 'price' }),
      raiseDispute(deps, ctx, fa1, { reason: 'delivery' }),
      raiseDispute(deps, ctx, fa1, { reason: 'quality' }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.flatMap((result) =>
      result.status === 'rejected' ? [(result.reason as DomainError).reason] : [],
    );
    expect(refused).toEqual(['dispute_already_open', 'dispute_already_open']);
    expect(await listOpenDisputes(deps, ctx, { limit: 10 })).toHaveLength(1);
  });

  it('is not for a read-only user', async () => {
    const { ctx, fa1 } = await ledger();
    const reader: Ctx = { ...ctx, role: 'read_only' };
    expect(await failure(raiseDispute(deps, reader, fa1, { reason: 'price' }))).toBeInstanceOf(
      ForbiddenError,
    );
    // Reading is everyone's.
    expect(await getOpenDispute(deps, reader, fa1)).toBeUndefined();
  });
});

describe('resolving a dispute', () => {
  it('closes it with its note, keeps it in the history, and lets a new one be raised', async () => {
    const { ctx, customer, fa1 } = await ledger();
    const collector = await collectorOf(ctx);
    const raised = await raiseDispute(deps, ctx, fa1, { reason: 'delivery' });
    const resolved = await resolveDispute(deps, collector, fa1, {
      note: 'Bon de livraison signé envoyé au client',
    });
    expect(resolved).toMatchObject({
      id: raised.id,
      resolvedOn: TODAY,
      resolvedBy: { id: collector.actor.id, name: 'Camille Martin' },
      resolutionNote: 'Bon de livraison signé envoyé au client',
    });
    expect(await getOpenDispute(deps, ctx, fa1)).toBeUndefined();
    const [event] = await readCustomerEvents(deps.db, ctx, customer.id, 10);
    expect(event).toMatchObject({
      action: 'dispute.resolved',
      entityType: 'invoice',
      entityId: fa1,
      data: {
        disputeId: raised.id,
        number: 'FA-1',
        reason: 'delivery',
        raisedOn: TODAY,
        note: 'Bon de livraison signé envoyé au client',
      },
    });
    const again = await raiseDispute(deps, ctx, fa1, { reason: 'price' });
    expect(again.id).not.toBe(raised.id);
  });

  it('is refused with 404 when no dispute is open, also for the second of two at once', async () => {
    const { ctx, fa1 } = await ledger();
    const none = await failure(resolveDispute(deps, ctx, fa1, {}));
    expect(none.code).toBe('not_found');
    expect(none.reason).toBe('dispute_not_open');
    await raiseDispute(deps, ctx, fa1, { reason: 'price' });
    const results = await Promise.allSettled([
      resolveDispute(deps, ctx, fa1, {}),
      resolveDispute(deps, ctx, fa1, {}),
    ]);
    expect(results.map((result) => result.status).toSorted()).toEqual(['fulfilled', 'rejected']);
  });
});

describe('the open disputes', () => {
  it('are listed newest first, by customer, a page at a time', async () => {
    const { ctx, customer, fa1, partlyPaid } = await ledger();
    const other = await makeCustomer(deps, ctx);
    await makeInvoices(deps, ctx, other.id, [
      { number: 'FB-1', issueDate: '2026-01-10', dueDate: '2026-02-10', amount: 9_900 },
    ]);
    const [fb1] = (
      await listInvoices(deps, ctx, {
        page: 1,
        pageSize: undefined,
        sort: 'number',
        order: 'asc',
        customerCode: other.code,
      })
    ).items;
    const first = await raiseDispute(deps, ctx, fa1, { reason: 'price' });
    const second = await raiseDispute(deps, ctx, partlyPaid, { reason: 'quantity' });
    const third = await raiseDispute(deps, ctx, fb1?.id ?? '', { reason: 'other' });
    const mine = await listOpenDisputes(deps, ctx, { customerId: customer.id, limit: 10 });
    expect(mine.map((dispute) => dispute.invoiceNumber)).toEqual(['FA-2', 'FA-1']);
    const page1 = await listOpenDisputes(deps, ctx, { limit: 2 });
    expect(page1.map((dispute) => dispute.id)).toEqual([third.id, second.id]);
    const page2 = await listOpenDisputes(deps, ctx, { limit: 2, before: second.id });
    expect(page2.map((dispute) => dispute.id)).toEqual([first.id]);
    // Another company sees none of them.
    const { ctx: elsewhere } = await makeCompany(deps);
    expect(await listOpenDisputes(deps, elsewhere, { limit: 10 })).toEqual([]);
    expect(await disputedInvoiceIds(deps.db, elsewhere, [fa1])).toEqual(new Set());
  });
});

describe('disputedInvoiceIds, the daily run’s door', () => {
  it('answers for thousands of ids in one statement, resolved disputes left out', async () => {
    const { ctx, fa1, partlyPaid, paid } = await ledger();
    await raiseDispute(deps, ctx, fa1, { reason: 'price' });
    await raiseDispute(deps, ctx, partlyPaid, { reason: 'quality' });
    await resolveDispute(deps, ctx, partlyPaid, {});
    const ids = [...Array.from({ length: 5_000 }, () => randomUUID()), fa1, partlyPaid, paid];
    const counted = countStatements(deps.db);
    expect(await disputedInvoiceIds(counted.db, ctx, ids)).toEqual(new Set([fa1]));
    expect(counted.sent).toEqual(['SelectQueryNode']);
    const none = countStatements(deps.db);
    expect(await disputedInvoiceIds(none.db, ctx, [])).toEqual(new Set());
    expect(none.sent).toEqual([]);
  });

  it('reads the caller’s transaction: a dispute raised in it, before it commits', async () => {
    const { ctx, fa1, partlyPaid } = await ledger();
    const seen = await deps.db.transaction().execute(async (tx) => {
      await raiseDisputeInTx(deps, tx, ctx, TODAY, fa1, { reason: 'not_ordered' });
      // A second one on the same invoice is refused, and the transaction goes on.
      const refused = await failure(
        raiseDisputeInTx(deps, tx, ctx, TODAY, fa1, { reason: 'duplicate' }),
      );
      expect(refused.reason).toBe('dispute_already_open');
      return disputedInvoiceIds(tx, ctx, [fa1, partlyPaid]);
    });
    expect(seen).toEqual(new Set([fa1]));
    expect(await disputedInvoiceIds(deps.db, ctx, [fa1, partlyPaid])).toEqual(new Set([fa1]));
  });

  it('raises nothing when the caller’s transaction rolls back', async () => {
    const { ctx, fa1 } = await ledger();
    await expect(
      deps.db.transaction().execute(async (tx) => {
        await raiseDisputeInTx(deps, tx, ctx, TODAY, fa1, { reason: 'price' });
        throw new Error('the agenda’s own write failed');
      }),
    ).rejects.toThrow('the agenda’s own write failed');
    expect(await getOpenDispute(deps, ctx, fa1)).toBeUndefined();
  });
});
