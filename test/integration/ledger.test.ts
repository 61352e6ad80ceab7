import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeps, type Deps } from '../../src/app/deps.ts';
import { customerDirectory } from '../../src/customers/directory.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { getCustomer, getCustomerTimeline, listCustomers } from '../../src/customers/service.ts';
import { allocate, undoAllocation } from '../../src/ledger/allocation-changes.ts';
import { listAllocations } from '../../src/ledger/allocation-lists.ts';
import { listInvoices } from '../../src/ledger/invoice-lists.ts';
import { listPayments } from '../../src/ledger/payment-lists.ts';
import { upsertInvoicesInTx } from '../../src/ledger/upsert-items.ts';
import { calendarDate } from '../../src/shared/calendar-date.ts';
import { DomainError } from '../../src/shared/errors.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { cents } from '../../src/shared/money.ts';
import { openTestRuntime } from '../db.ts';
import { makeCompany, makeCustomer, makeInvoices, makePayment } from '../factories.ts';
import { findLedgerInconsistencies } from '../ledger-invariants.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const page = { page: 1, pageSize: 50 } as const;

async function invoiceByNumber(ctx: Parameters<typeof listInvoices>[1], number: string) {
  const { items } = await listInvoices(deps, ctx, { ...page, sort: 'number', order: 'asc' });
  const invoice = items.find((item) => item.number === number);
  if (!invoice) {
    throw new Error(`no invoice ${number}`);
  }
  return invoice;
}

describe('ledger', () => {
  it("dates an undone allocation on the company's business day, not UTC's", async () => {
    // 23:30 UTC on 15 March is 00:30 on the 16th in Paris (UTC+1 until the end of March).
    const lateNight = createDeps(handle.db, {
      customers: customerDirectory,
      clock: fixedClock(new Date('2026-03-15T23:30:00Z')),
    });
    const { ctx } = await makeCompany(lateNight);
    const customer = await makeCustomer(lateNight, ctx);
    await makeInvoices(lateNight, ctx, customer.id, [
      { number: 'FA-N', issueDate: '2026-03-01', dueDate: '2026-03-31', amount: 10_000 },
    ]);
    await makePayment(lateNight, ctx, customer.id, {
      reference: 'VIR-N',
      receivedOn: '2026-03-10',
      amount: 10_000,
      invoiceNumber: 'FA-N',
    });
    const [live] = (await listAllocations(lateNight, ctx, customer.id)).items;
    expect(live).toMatchObject({ undoneAt: null, undoneOn: null });
    const undone = await undoAllocation(lateNight, ctx, live?.id ?? '');
    expect(undone).toMatchObject({ undoneAt: '2026-03-15T23:30:00.000Z', undoneOn: '2026-03-16' });
    expect((await listAllocations(lateNight, ctx, customer.id)).items[0]?.undoneOn).toBe(
      '2026-03-16',
    );
  });

  it('applies a payment naming an invoice and leaves the rest unapplied', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);
    await makeInvoices(deps, ctx, customer.id, [
      { number: 'FA-1', issueDate: '2026-01-10', dueDate: '2026-02-09', amount: 120_000 },
      { number: 'FA-2', issueDate: '2026-02-10', dueDate: '2026-03-30', amount: 50_050 },
    ]);
    await makePayment(deps, ctx, customer.id, {
      reference: 'VIR-1',
      receivedOn: '2026-02-20',
      amount: 150_000,
      invoiceNumber: 'FA-1',
    });

    const fa1 = await invoiceByNumber(ctx, 'FA-1');
    expect(fa1).toMatchObject({ openAmount: 0, status: 'paid', daysLate: 0 });
    const payments = await listPayments(deps, ctx, { ...page, customerId: customer.id });
    expect(payments.items[0]).toMatchObject({
      reference: 'VIR-1',
      amount: 150_000,
      unappliedAmount: 30_000,
    });

    const detail = await getCustomer(deps, ctx, customer.id);
    expect(detail.balance).toEqual({
      currency: 'EUR',
      amountsCapped: false,
      invoicesOpen: 50_050,
      overdue: 0,
      creditNotesOpen: 0,
      unappliedCash: 30_000,
      netBalance: 20_050,
    });
  });

  it('allocates partially, refuses over-allocation and undoes', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);
    await makeInvoices(deps, ctx, customer.id, [
      { number: 'FA-10', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 100_000 },
    ]);
    await makePayment(deps, ctx, customer.id, {
      reference: 'CHQ-7',
      receivedOn: '2026-03-01',
      amount: 40_000,
    });
    const invoice = await invoiceByNumber(ctx, 'FA-10');
    expect(invoice.daysLate).toBe(39);
    const paymentId = (await listPayments(deps, ctx, { ...page })).items[0]?.id ?? '';

    const allocation = await allocate(deps, ctx, {
      invoiceId: invoice.id,
      paymentId,
      amount: 25_000,
    });
    expect(allocation).toMatchObject({
      amount: 25_000,
      invoiceNumber: 'FA-10',
      paymentReference: 'CHQ-7',
      allocatedOn: '2026-03-15',
    });
    expect(await invoiceByNumber(ctx, 'FA-10')).toMatchObject({
      openAmount: 75_000,
      status: 'partially_paid',
    });

    const tooMuch = allocate(deps, ctx, { invoiceId: invoice.id, paymentId, amount: 15_001 });
    await expect(tooMuch).rejects.toMatchObject({
      code: 'invalid',
      issues: [expect.objectContaining({ field: 'amount', code: 'exceeds_available' })],
    });

    const undone = await undoAllocation(deps, ctx, allocation.id);
    expect(undone.undoneAt).not.toBeNull();
    expect(await invoiceByNumber(ctx, 'FA-10')).toMatchObject({
      openAmount: 100_000,
      status: 'open',
    });
    expect((await listPayments(deps, ctx, { ...page })).items[0]?.unappliedAmount).toBe(40_000);
    await expect(undoAllocation(deps, ctx, allocation.id)).rejects.toMatchObject({
      code: 'conflict',
    });

    const history = await listAllocations(deps, ctx, customer.id);
    expect(history.items).toHaveLength(1);
    const timeline = await getCustomerTimeline(deps, ctx, customer.id);
    expect(timeline.map((event) => event.action)).toEqual([
      'allocation.undone',
      'allocation.created',
      'payment.recorded',
      'invoice.created',
      'customer.created',
    ]);
  });

  it('applies a credit note to an invoice', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);
    await makeInvoices(deps, ctx, customer.id, [
      { number: 'FA-20', issueDate: '2026-02-01', dueDate: '2026-03-03', amount: 80_000 },
      {
        number: 'AV-1',
        kind: 'credit_note',
        issueDate: '2026-02-15',
        dueDate: '2026-02-15',
        amount: 10_000,
      },
    ]);
    const invoice = await invoiceByNumber(ctx, 'FA-20');
    const creditNote = await invoiceByNumber(ctx, 'AV-1');
    await allocate(deps, ctx, {
      invoiceId: invoice.id,
      creditNoteId: creditNote.id,
      amount: 10_000,
    });
    expect(await invoiceByNumber(ctx, 'FA-20')).toMatchObject({ openAmount: 70_000, daysLate: 12 });
    expect(await invoiceByNumber(ctx, 'AV-1')).toMatchObject({ openAmount: 0, status: 'paid' });
    const customers = await listCustomers(deps, ctx, {
      ...page,
      sort: 'overdue_amount',
      order: 'desc',
    });
    expect(customers.items[0]).toMatchObject({
      openAmount: 70_000,
      overdueAmount: 70_000,
      oldestOverdueDays: 12,
    });
  });

  it('refuses to allocate across companies as if the invoice did not exist', async () => {
    const first = await makeCompany(deps);
    const second = await makeCompany(deps);
    const customer = await makeCustomer(deps, first.ctx);
    await makeInvoices(deps, first.ctx, customer.id, [
      { number: 'FA-30', issueDate: '2026-02-01', dueDate: '2026-03-03', amount: 1_000 },
    ]);
    const invoice = await invoiceByNumber(first.ctx, 'FA-30');
    const error = await allocate(deps, second.ctx, {
      invoiceId: invoice.id,
      paymentId: invoice.id,
      amount: 1,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('not_found');
    expect(
      (await listInvoices(deps, second.ctx, { ...page, sort: 'number', order: 'asc' })).total,
    ).toBe(0);
  });

  it('keeps allocations when an invoice amount is re-imported higher, refuses lower than allocated', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);
    await makeInvoices(deps, ctx, customer.id, [
      { number: 'FA-40', issueDate: '2026-02-01', dueDate: '2026-03-03', amount: 10_000 },
    ]);
    await makePayment(deps, ctx, customer.id, {
      reference: 'V-40',
      receivedOn: '2026-02-10',
      amount: 6_000,
      invoiceNumber: 'FA-40',
    });
    const base = {
      customerId: customer.id,
      kind: 'invoice' as const,
      number: 'FA-40',
      issueDate: calendarDate('2026-02-01'),
      dueDate: calendarDate('2026-03-03'),
      currency: 'EUR',
    };
    const result = await handle.db
      .transaction()
      .execute((tx) =>
        upsertInvoicesInTx(deps, tx, ctx, [{ ...base, amountCents: cents(12_000) }]),
      );
    expect(result.outcomes).toEqual(['updated']);
    expect(await invoiceByNumber(ctx, 'FA-40')).toMatchObject({
      amount: 12_000,
      openAmount: 6_000,
    });
    const refused = await handle.db
      .transaction()
      .execute((tx) =>
        upsertInvoicesInTx(deps, tx, ctx, [{ ...base, amountCents: cents(5_000), line: 7 }]),
      );
    expect(refused.issues).toEqual([
      expect.objectContaining({ line: 7, field: 'amount', code: 'amount_below_allocated' }),
    ]);
  });

  it('sorts and searches customer names as a French reader expects: accents and case folded', async () => {
    const { ctx } = await makeCompany(deps);
    for (const [code = '', legalName = ''] of [
      ['N1', 'Zénith Audio SARL'],
      ['N2', 'Électricité Roux SAS'],
      ['N3', 'eau vive SCOP'],
      ['N4', 'Main-d’Œuvre Services'],
      ['N5', 'Ateliers Mécaniques du Rhône'],
      ['N6', 'ÉCOLE de conduite Lefèvre'],
      ['N7', 'Maison Æsthetic'],
    ]) {
      await makeCustomer(deps, ctx, { code, legalName });
    }
    const names = async (options: { order?: 'asc' | 'desc'; search?: string }) =>
      (
        await listCustomers(deps, ctx, {
          ...page,
          sort: 'legal_name',
          order: options.order ?? 'asc',
          ...(options.search === undefined ? {} : { search: options.search }),
        })
      ).items.map((customer) => customer.legalName);

    expect(await names({})).toEqual([
      'Ateliers Mécaniques du Rhône',
      'eau vive SCOP',
      'ÉCOLE de conduite Lefèvre',
      'Électricité Roux SAS',
      'Main-d’Œuvre Services',
      'Maison Æsthetic',
      'Zénith Audio SARL',
    ]);
    expect((await names({ order: 'desc' }))[0]).toBe('Zénith Audio SARL');
    expect(await names({ search: 'electricite' })).toEqual(['Électricité Roux SAS']);
    expect(await names({ search: 'ÉLEC' })).toEqual(['Électricité Roux SAS']);
    expect(await names({ search: 'oeuvre' })).toEqual(['Main-d’Œuvre Services']);
    expect(await names({ search: 'aesth' })).toEqual(['Maison Æsthetic']);
    expect(await names({ search: 'rhone' })).toEqual(['Ateliers Mécaniques du Rhône']);
    expect(await names({ search: '100%' })).toEqual([]);
    expect(await names({ search: 'n2' })).toEqual(['Électricité Roux SAS']);
    // Short searches walk the name index, longer ones collect their matches first.
    expect(await names({ search: 'es' })).toEqual([
      'Ateliers Mécaniques du Rhône',
      'Main-d’Œuvre Services',
      'Maison Æsthetic',
    ]);
    expect(await names({ search: 'es', order: 'desc' })).toEqual([
      'Maison Æsthetic',
      'Main-d’Œuvre Services',
      'Ateliers Mécaniques du Rhône',
    ]);
    expect(await names({ search: 'ite' })).toEqual([
      'ÉCOLE de conduite Lefèvre',
      'Électricité Roux SAS',
    ]);
    expect(await names({ search: 'ite', order: 'desc' })).toEqual([
      'Électricité Roux SAS',
      'ÉCOLE de conduite Lefèvre',
    ]);
    await makeCustomer(deps, ctx, {
      code: 'S1',
      legalName: 'Verdier SA',
      siren: '813519469',
      billingAddress: { city: 'Châteauroux' },
    });
    expect(await names({ search: '35194' })).toEqual(['Verdier SA']);
    expect(await names({ search: 'CHATEAUR' })).toEqual(['Verdier SA']);
  });

  it('sorts the customer list by balances, customers owing nothing in code order, credit balances last', async () => {
    const { ctx } = await makeCompany(deps);
    const owes = await makeCustomer(deps, ctx, { code: 'A-OWES' });
    await makeCustomer(deps, ctx, { code: 'B-ZERO' });
    const credit = await makeCustomer(deps, ctx, { code: 'C-CREDIT' });
    const notDue = await makeCustomer(deps, ctx, { code: 'D-NOTDUE' });
    await makeInvoices(deps, ctx, owes.id, [
      { number: 'S-1', issueDate: '2026-01-02', dueDate: '2026-02-01', amount: 10_000 },
    ]);
    await makeInvoices(deps, ctx, credit.id, [
      {
        number: 'S-AV',
        kind: 'credit_note',
        issueDate: '2026-03-01',
        dueDate: '2026-03-01',
        amount: 5_000,
      },
    ]);
    await makeInvoices(deps, ctx, notDue.id, [
      { number: 'S-2', issueDate: '2026-03-01', dueDate: '2026-03-31', amount: 30_000 },
    ]);
    const codes = async (
      sort: 'open_amount' | 'overdue_amount' | 'oldest_overdue_days',
      order: 'asc' | 'desc',
    ) =>
      (await listCustomers(deps, ctx, { ...page, sort, order })).items.map((c) => [
        c.code,
        c.openAmount,
      ]);

    expect(await codes('open_amount', 'desc')).toEqual([
      ['D-NOTDUE', 30_000],
      ['A-OWES', 10_000],
      ['B-ZERO', 0],
      ['C-CREDIT', -5_000],
    ]);
    expect((await codes('open_amount', 'asc')).map(([code]) => code)).toEqual([
      'C-CREDIT',
      'B-ZERO',
      'A-OWES',
      'D-NOTDUE',
    ]);
    expect((await codes('overdue_amount', 'desc')).map(([code]) => code)).toEqual([
      'A-OWES',
      'B-ZERO',
      'C-CREDIT',
      'D-NOTDUE',
    ]);
    expect((await codes('oldest_overdue_days', 'desc')).map(([code]) => code)).toEqual([
      'A-OWES',
      'B-ZERO',
      'C-CREDIT',
      'D-NOTDUE',
    ]);

    // Paying the invoice moves the customer with it: the maintained balance follows allocations.
    await makePayment(deps, ctx, owes.id, {
      reference: 'S-P',
      receivedOn: '2026-03-10',
      amount: 10_000,
      invoiceNumber: 'S-1',
    });
    expect((await codes('open_amount', 'desc')).map(([code]) => code)).toEqual([
      'D-NOTDUE',
      'A-OWES',
      'B-ZERO',
      'C-CREDIT',
    ]);
    expect((await codes('open_amount', 'desc'))[1]).toEqual(['A-OWES', 0]);
  });
});

describe('the kept unapplied cash', () => {
  it('follows payments and allocations, and the invariant check reports it once it drifts', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx, { code: 'CASH1', legalName: 'Caisse SARL' });
    await makeInvoices(deps, ctx, customer.id, [
      { number: 'FA-1', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 40_000 },
    ]);
    await makePayment(deps, ctx, customer.id, {
      reference: 'VIR-1',
      receivedOn: '2026-01-20',
      amount: 100_000,
      invoiceNumber: 'FA-1',
    });
    const kept = () =>
      sql<{ unapplied: number }>`
        SELECT unapplied_cents::int AS unapplied FROM customer_open_balance
        WHERE company_id = ${ctx.companyId} AND customer_id = ${customer.id}`.execute(handle.db);

    // 1 000,00 received, 400,00 of it on FA-1: 600,00 unapplied, and an encours of -600,00.
    expect((await kept()).rows).toEqual([{ unapplied: 60_000 }]);
    expect(await findLedgerInconsistencies(handle.db, ctx.companyId)).toEqual([]);

    await sql`UPDATE customer_open_balance SET unapplied_cents = unapplied_cents + 1
      WHERE company_id = ${ctx.companyId} AND customer_id = ${customer.id}`.execute(handle.db);
    expect(await findLedgerInconsistencies(handle.db, ctx.companyId)).toEqual([
      {
        entity: 'customer_open_balance',
        key: 'CASH1 EUR',
        stored: 60_001,
        expected: 60_000,
        problem: 'kept unapplied cash differs from the payments',
      },
    ]);
  });
});
