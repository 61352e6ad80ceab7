/**
 * Payment promises on a real database (docs/promises.md): taking one and every refusal, the
 * confirmation e-mail queued in the same transaction, the daily check against the
 * allocations (kept early, kept within the grace days, partly kept, broken, undone and
 * earlier allocations left out, credit notes counted), a second check that changes nothing,
 * two checks at once on PostgreSQL, the invoices held back, and the promise-kept rate.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import { listMessagePage } from '../../src/jobs/messages.ts';
import { readCustomerEvents } from '../../src/audit/service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { allocate, undoAllocation } from '../../src/ledger/allocation-changes.ts';
import { listInvoicesByIds, listOpenInvoicesOfCustomers } from '../../src/ledger/service.ts';
import {
  cancelPromise,
  checkPromisesInTx,
  createPromise,
  createPromiseInTx,
  listPromises,
  livePromisedInvoiceIds,
  promiseKeptRate,
  type CreatePromiseInput,
  type PromiseCheck,
} from '../../src/promises/service.ts';
import { calendarDate, type CalendarDate } from '../../src/shared/calendar-date.ts';
import { ConflictError, DomainError, InvalidError } from '../../src/shared/errors.ts';
import { describeTestDatabase, openTestRuntime } from '../db.ts';
import { makeCompany, makeCustomer, makeInvoices, makePayment } from '../factories.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const NBSP = '\u00a0';
const day = calendarDate;
/** The tests' today (TEST_NOW): Sunday 15 March 2026 in Paris. */
const TODAY = day('2026-03-15');

type Account = { ctx: Ctx; customerId: string; invoice: Record<string, string> };

/**
 * A company with one customer owing F1 (1 000,00 €) and F2 (500,00 €), a credit note A1
 * (200,00 €), and F3 in US dollars; `contacts` as given.
 */
async function account(
  contacts: { role: 'billing' | 'other'; name?: string; email?: string }[] = [],
): Promise<Account> {
  const { ctx } = await makeCompany(deps);
  const customer = await makeCustomer(deps, ctx, { contacts });
  await makeInvoices(deps, ctx, customer.id, [
    { number: 'F1', issueDate: '2026-02-01', dueDate: '2026-03-03', amount: 100_000 },
    { number: 'F2', issueDate: '2026-02-10', dueDate: '2026-03-12', amount: 50_000 },
    {
      number: 'F3',
      issueDate: '2026-02-10',
      dueDate: '2026-03-12',
      amount: 9_000,
      currency: 'USD',
    },
    {
      number: 'A1',
      issueDate: '2026-02-15',
      dueDate: '2026-02-15',
      amount: 20_000,
      kind: 'credit_note',
    },
  ]);
  const open = await listOpenInvoicesOfCustomers(deps.db, ctx, [customer.id]);
  const invoice = Object.fromEntries(open.map((entry) => [entry.number, entry.id]));
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM invoice WHERE company_id = ${ctx.companyId} AND number = 'A1'`.execute(deps.db);
  invoice['A1'] = rows[0]?.id ?? '';
  return { ctx, customerId: customer.id, invoice };
}

function promiseOf(
  given: Account,
  overrides: Partial<CreatePromiseInput> = {},
): CreatePromiseInput {
  return {
    customerId: given.customerId,
    amountCents: 100_000,
    promisedOn: day('2026-03-20'),
    invoiceIds: [given.invoice['F1'] ?? ''],
    channel: 'phone',
    ...overrides,
  };
}

async function check(given: Account, today: string): Promise<PromiseCheck> {
  return inTransaction(deps.db, (tx) => checkPromisesInTx(deps, tx, given.ctx, day(today)));
}

/** Each list of a check as `[amount promised, amount paid]`, for short assertions. */
function fates(checked: PromiseCheck) {
  const facts = (list: PromiseCheck['kept']) =>
    list.map((promise) => [promise.amountCents, promise.paidCents]);
  return {
    kept: facts(checked.kept),
    partlyKept: facts(checked.partlyKept),
    broken: facts(checked.broken),
    fallingDue: facts(checked.fallingDue),
  };
}

async function pay(given: Account, reference: string, on: string, amount: number, number = 'F1') {
  await makePayment(deps, given.ctx, given.customerId, {
    reference,
    receivedOn: on,
    amount,
    invoiceNumber: number,
  });
}

async function refusal(work: Promise<unknown>): Promise<InvalidError> {
  const error: unknown = await work.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InvalidError);
  return error as InvalidError;
}

async function messagesOf(given: Account) {
  return (await listMessagePage(deps, given.ctx, { customerId: given.customerId, limit: 50 }))
    .items;
}

describe('taking a promise', () => {
  it('records it live, with its invoices and who took it, as an event on the customer', async () => {
    const given = await account();
    const { id } = await createPromise(
      deps,
      given.ctx,
      promiseOf(given, {
        amountCents: 120_000,
        invoiceIds: [given.invoice['F1'] ?? '', given.invoice['F2'] ?? ''],
        note: '  Virement vendredi  ',
      }),
    );
    const [listed] = await listPromises(deps, given.ctx, {
      customerId: given.customerId,
      limit: 10,
    });
    expect(listed).toMatchObject({
      id,
      amountCents: 120_000,
      currency: 'EUR',
      promisedOn: '2026-03-20',
      graceDays: 3,
      channel: 'phone',
      note: 'Virement vendredi',
      takenBy: { id: null, name: 'tester' },
      status: 'live',
      paidCents: 0,
      settledOn: null,
      createdOn: TODAY,
    });
    expect(
      listed?.invoices.map((invoice) => `${invoice.number} ${invoice.openCentsAtPromise}`).sort(),
    ).toEqual(['F1 100000', 'F2 50000']);
    const events = await readCustomerEvents(deps.db, given.ctx, given.customerId, 5);
    expect(events[0]).toMatchObject({
      action: 'promise.created',
      entityType: 'payment_promise',
      entityId: id,
      data: { amount: 120_000, currency: 'EUR', promisedOn: '2026-03-20', replaces: [] },
    });
    expect(await messagesOf(given)).toEqual([]);
  });

  it('refuses each broken rule on its field, all at once', async () => {
    const given = await account();
    const other = await makeCustomer(deps, given.ctx);
    await makeInvoices(deps, given.ctx, other.id, [
      { number: 'G1', issueDate: '2026-02-01', dueDate: '2026-03-01', amount: 10_000 },
    ]);
    const [otherInvoice] = await listOpenInvoicesOfCustomers(deps.db, given.ctx, [other.id]);
    await pay(given, 'VIR-F2', '2026-03-10', 50_000, 'F2');
    const cases: [Partial<CreatePromiseInput>, string, string][] = [
      [{ amountCents: 0 }, 'amountCents', 'promise_amount_not_positive'],
      [{ amountCents: 100_001 }, 'amountCents', 'promise_amount_above_open'],
      [{ promisedOn: day('2026-03-14') }, 'promisedOn', 'promise_date_past'],
      [{ promisedOn: day('2027-03-16') }, 'promisedOn', 'promise_date_too_far'],
      [{ graceDays: 61 }, 'graceDays', 'promise_grace_out_of_range'],
      [{ invoiceIds: [] }, 'invoiceIds', 'promise_no_invoices'],
      [{ invoiceIds: [otherInvoice?.id ?? ''] }, 'invoiceIds[0]', 'promise_invoice_unknown'],
      [{ invoiceIds: [given.invoice['A1'] ?? ''] }, 'invoiceIds[0]', 'promise_not_an_invoice'],
      [
        { invoiceIds: [(await paidInvoiceId(given, 'F2')) ?? ''] },
        'invoiceIds[0]',
        'promise_invoice_not_open',
      ],
      [
        { amountCents: 1_000, invoiceIds: [given.invoice['F1'] ?? '', given.invoice['F3'] ?? ''] },
        'invoiceIds[1]',
        'promise_invoice_currency',
      ],
      [{ currency: 'USD' }, 'invoiceIds[0]', 'promise_invoice_currency'],
    ];
    for (const [overrides, field, code] of cases) {
      const error = await refusal(createPromise(deps, given.ctx, promiseOf(given, overrides)));
      expect(error.reason).toBe('promise_refused');
      expect(error.issues.map((issue) => [issue.field, issue.code])).toEqual([[field, code]]);
    }
    const all = await refusal(
      createPromise(
        deps,
        given.ctx,
        promiseOf(given, { amountCents: -1, promisedOn: day('2026-01-01'), invoiceIds: [] }),
      ),
    );
    expect(all.issues.map((issue) => issue.code)).toEqual([
      'promise_amount_not_positive',
      'promise_date_past',
      'promise_no_invoices',
    ]);
    expect(all.issues[1]?.message).toBe('The promised date cannot be before today (15 Mar 2026)');
    await expect(
      createPromise(deps, given.ctx, promiseOf(given, { customerId: deps.ids.newId() })),
    ).rejects.toMatchObject({ code: 'not_found', reason: 'customer_not_found' });
    expect(await listPromises(deps, given.ctx, { limit: 10 })).toEqual([]);
  });

  it('is not taken by a collector-less role, and is read by any role', async () => {
    const given = await account();
    const readOnly: Ctx = { ...given.ctx, role: 'read_only' };
    await expect(createPromise(deps, readOnly, promiseOf(given))).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await listPromises(deps, readOnly, { limit: 10 })).toEqual([]);
  });

  it('replaces a live promise on the same invoices: one payment never keeps two', async () => {
    const given = await account();
    const first = await createPromise(deps, given.ctx, promiseOf(given));
    const second = await createPromise(
      deps,
      given.ctx,
      promiseOf(given, { promisedOn: day('2026-03-27'), amountCents: 60_000 }),
    );
    const listed = await listPromises(deps, given.ctx, { limit: 10 });
    expect(listed.map((promise) => [promise.id, promise.status, promise.settledOn])).toEqual([
      [second.id, 'live', null],
      [first.id, 'cancelled', TODAY],
    ]);
    const events = await readCustomerEvents(deps.db, given.ctx, given.customerId, 2);
    expect(events.map((event) => [event.action, event.entityId, event.data['reason']])).toEqual([
      ['promise.created', second.id, undefined],
      ['promise.cancelled', first.id, 'replaced'],
    ]);
  });
});

async function paidInvoiceId(given: Account, number: string): Promise<string | undefined> {
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM invoice WHERE company_id = ${given.ctx.companyId} AND number = ${number}`.execute(
    deps.db,
  );
  return rows[0]?.id;
}

describe('the confirmation e-mail', () => {
  const contacts = [
    { role: 'other' as const, name: 'Standard', email: 'accueil@client.test' },
    { role: 'billing' as const, name: 'Mme Martin', email: 'compta@client.test' },
  ];

  it('goes to the billing contact, in French, queued with the promise', async () => {
    const given = await account(contacts);
    const { id } = await createPromise(
      deps,
      given.ctx,
      promiseOf(given, {
        invoiceIds: [given.invoice['F1'] ?? '', given.invoice['F2'] ?? ''],
        amountCents: 150_000,
        confirmByEmail: true,
      }),
    );
    const messages = await messagesOf(given);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      channel: 'email',
      recipients: ['compta@client.test'],
      subject: `Votre règlement de 1${NBSP}500,00${NBSP}€ d’ici le 20/03/2026`,
      status: 'queued',
      source: { type: 'payment_promise', id },
    });
    const { rows } = await sql<{ body_text: string }>`
      SELECT body_text FROM outbox_message
      WHERE company_id = ${given.ctx.companyId} AND id = ${messages[0]?.id ?? ''}`.execute(deps.db);
    const body = rows[0]?.body_text ?? '';
    expect(body).toContain('Bonjour Mme Martin,');
    expect(body).toContain(`votre règlement de 1${NBSP}500,00${NBSP}€ d’ici le 20/03/2026`);
    expect(body).toContain(`- facture F1${NBSP}: 1${NBSP}000,00${NBSP}€ restant dus`);
    expect(body).toContain(`- facture F2${NBSP}: 500,00${NBSP}€ restant dus`);
    expect(body).toContain('Menuiseries Dupont SAS');
    const [created] = await readCustomerEvents(deps.db, given.ctx, given.customerId, 1);
    expect(created?.data['confirmationMessageId']).toBe(messages[0]?.id);
  });

  it('is written in English when asked, to the first contact with an e-mail', async () => {
    const given = await account([{ role: 'other', email: 'ap@client.test' }]);
    await createPromise(
      deps,
      given.ctx,
      promiseOf(given, { confirmByEmail: true, language: 'en' }),
    );
    const [message] = await messagesOf(given);
    expect(message).toMatchObject({
      recipients: ['ap@client.test'],
      subject: 'Your payment of €1,000.00 by 20 Mar 2026',
    });
  });

  it('is refused with the promise when no contact has an e-mail', async () => {
    const given = await account([{ role: 'billing', name: 'Sans e-mail' }]);
    const error = await refusal(
      createPromise(deps, given.ctx, promiseOf(given, { confirmByEmail: true })),
    );
    expect(error.issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['confirmByEmail', 'promise_no_email'],
    ]);
    expect(await listPromises(deps, given.ctx, { limit: 10 })).toEqual([]);
    expect(await messagesOf(given)).toEqual([]);
  });

  it('is queued with nothing else when the promise is refused', async () => {
    const given = await account(contacts);
    await refusal(
      createPromise(deps, given.ctx, promiseOf(given, { amountCents: 0, confirmByEmail: true })),
    );
    expect(await messagesOf(given)).toEqual([]);
  });

  it('commits with the transaction that takes the promise, or not at all', async () => {
    const given = await account(contacts);
    await expect(
      inTransaction(deps.db, async (tx) => {
        await createPromiseInTx(
          deps,
          tx,
          given.ctx,
          TODAY,
          promiseOf(given, { confirmByEmail: true }),
        );
        throw new Error('the agenda action could not be completed');
      }),
    ).rejects.toThrow('the agenda action could not be completed');
    expect(await messagesOf(given)).toEqual([]);
    expect(await listPromises(deps, given.ctx, { limit: 10 })).toEqual([]);
  });
});

describe('the daily check', () => {
  it('keeps a promise as soon as it is paid in full, before its day', async () => {
    const given = await account();
    await createPromise(deps, given.ctx, promiseOf(given));
    await pay(given, 'VIR-1', '2026-03-17', 100_000);
    expect(fates(await check(given, '2026-03-17'))).toEqual({
      kept: [[100_000, 100_000]],
      partlyKept: [],
      broken: [],
      fallingDue: [],
    });
    const [kept] = await listPromises(deps, given.ctx, { limit: 1 });
    expect(kept).toMatchObject({ status: 'kept', paidCents: 100_000, settledOn: '2026-03-17' });
    const [event] = await readCustomerEvents(deps.db, given.ctx, given.customerId, 1);
    expect(event).toMatchObject({
      action: 'promise.kept',
      entityId: kept?.id,
      data: { paidCents: 100_000 },
    });
  });

  it('keeps a promise paid within the grace days, and reports it due on its day', async () => {
    const given = await account();
    await createPromise(deps, given.ctx, promiseOf(given, { amountCents: 60_000 }));
    expect(fates(await check(given, '2026-03-20')).fallingDue).toEqual([[60_000, 0]]);
    await pay(given, 'VIR-1', '2026-03-21', 30_000);
    expect(fates(await check(given, '2026-03-22'))).toEqual({
      kept: [],
      partlyKept: [],
      broken: [],
      fallingDue: [],
    });
    await pay(given, 'VIR-2', '2026-03-23', 30_000);
    expect(fates(await check(given, '2026-03-23')).kept).toEqual([[60_000, 60_000]]);
  });

  it('shows a live promise with what was paid towards it so far', async () => {
    const given = await account();
    await createPromise(deps, given.ctx, promiseOf(given));
    await pay(given, 'VIR-1', '2026-03-15', 30_000);
    const [live] = await listPromises(deps, given.ctx, { limit: 1, status: 'live' });
    expect(live).toMatchObject({ status: 'live', paidCents: 30_000 });
  });

  it('says partly kept and broken once the grace days are over, and not before', async () => {
    const given = await account();
    await createPromise(deps, given.ctx, promiseOf(given, { amountCents: 80_000 }));
    await createPromise(
      deps,
      given.ctx,
      promiseOf(given, { amountCents: 50_000, invoiceIds: [given.invoice['F2'] ?? ''] }),
    );
    await pay(given, 'VIR-1', '2026-03-18', 40_000);
    // A payment after the deadline does not keep it.
    await pay(given, 'VIR-2', '2026-03-24', 10_000, 'F2');
    expect(fates(await check(given, '2026-03-23')).partlyKept).toEqual([]);
    expect(fates(await check(given, '2026-03-24'))).toEqual({
      kept: [],
      partlyKept: [[80_000, 40_000]],
      broken: [[50_000, 0]],
      fallingDue: [],
    });
    const events = await readCustomerEvents(deps.db, given.ctx, given.customerId, 2);
    expect(events.map((event) => event.action).sort()).toEqual([
      'promise.broken',
      'promise.partly_kept',
    ]);
  });

  it('changes nothing when run twice the same day', async () => {
    const given = await account();
    await createPromise(deps, given.ctx, promiseOf(given));
    expect(fates(await check(given, '2026-03-24')).broken).toHaveLength(1);
    const before = await readCustomerEvents(deps.db, given.ctx, given.customerId, 50);
    expect(fates(await check(given, '2026-03-24'))).toEqual({
      kept: [],
      partlyKept: [],
      broken: [],
      fallingDue: [],
    });
    expect(await readCustomerEvents(deps.db, given.ctx, given.customerId, 50)).toHaveLength(
      before.length,
    );
  });

  it('does not count an allocation undone', async () => {
    const given = await account();
    await createPromise(deps, given.ctx, promiseOf(given));
    await makePayment(deps, given.ctx, given.customerId, {
      reference: 'VIR-LOST',
      receivedOn: '2026-03-17',
      amount: 100_000,
    });
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM payment WHERE company_id = ${given.ctx.companyId}`.execute(deps.db);
    const allocation = await allocate(deps, given.ctx, {
      invoiceId: given.invoice['F1'] ?? '',
      paymentId: rows[0]?.id ?? '',
      amount: 100_000,
      allocatedOn: '2026-03-17',
    });
    await undoAllocation(deps, given.ctx, allocation.id);
    expect(fates(await check(given, '2026-03-24')).broken).toEqual([[100_000, 0]]);
  });

  it('does not count what was paid before the promise was taken', async () => {
    const given = await account();
    await pay(given, 'VIR-OLD', '2026-03-14', 30_000);
    await createPromise(deps, given.ctx, promiseOf(given, { amountCents: 70_000 }));
    expect(fates(await check(given, '2026-03-24')).broken).toEqual([[70_000, 0]]);
  });

  it('counts a credit note applied to a promised invoice as settling it', async () => {
    const given = await account();
    await createPromise(deps, given.ctx, promiseOf(given, { amountCents: 20_000 }));
    await allocate(deps, given.ctx, {
      invoiceId: given.invoice['F1'] ?? '',
      creditNoteId: given.invoice['A1'] ?? '',
      amount: 20_000,
      allocatedOn: '2026-03-16',
    });
    expect(fates(await check(given, '2026-03-16')).kept).toEqual([[20_000, 20_000]]);
  });

  it.skipIf(describeTestDatabase() === 'pglite')(
    'settles each promise once when two connections check at once',
    async () => {
      const given = await account();
      await createPromise(deps, given.ctx, promiseOf(given));
      await createPromise(
        deps,
        given.ctx,
        promiseOf(given, { amountCents: 50_000, invoiceIds: [given.invoice['F2'] ?? ''] }),
      );
      await pay(given, 'VIR-1', '2026-03-18', 50_000, 'F2');
      const [first, second] = await Promise.all([
        check(given, '2026-03-24'),
        check(given, '2026-03-24'),
      ]);
      const both = [first, second].map(fates);
      expect(both.flatMap((entry) => entry.broken)).toEqual([[100_000, 0]]);
      expect(both.flatMap((entry) => entry.kept)).toEqual([[50_000, 50_000]]);
      const events = await readCustomerEvents(deps.db, given.ctx, given.customerId, 50);
      expect(
        events.filter((event) => ['promise.kept', 'promise.broken'].includes(event.action)),
      ).toHaveLength(2);
    },
  );
});

describe('what a live promise holds back', () => {
  it('lists the invoices a live promise covers, until its fate is decided', async () => {
    const given = await account();
    const f1 = given.invoice['F1'] ?? '';
    const f2 = given.invoice['F2'] ?? '';
    await createPromise(deps, given.ctx, promiseOf(given));
    expect(await livePromisedInvoiceIds(deps.db, given.ctx, [f1, f2])).toEqual(new Set([f1]));
    await check(given, '2026-03-24');
    expect(await livePromisedInvoiceIds(deps.db, given.ctx, [f1, f2])).toEqual(new Set());
  });

  it('lets a collector cancel a live promise, once', async () => {
    const given = await account();
    const f1 = given.invoice['F1'] ?? '';
    const { id } = await createPromise(deps, given.ctx, promiseOf(given));
    const cancelled = await cancelPromise(deps, given.ctx, id, { note: 'Client injoignable' });
    expect(cancelled).toMatchObject({ status: 'cancelled', settledOn: TODAY });
    expect(await livePromisedInvoiceIds(deps.db, given.ctx, [f1])).toEqual(new Set());
    await expect(cancelPromise(deps, given.ctx, id)).rejects.toBeInstanceOf(ConflictError);
    await expect(cancelPromise(deps, given.ctx, deps.ids.newId())).rejects.toMatchObject({
      code: 'not_found',
      reason: 'payment_promise_not_found',
    });
    const [event] = await readCustomerEvents(deps.db, given.ctx, given.customerId, 1);
    expect(event).toMatchObject({
      action: 'promise.cancelled',
      data: { reason: 'cancelled', note: 'Client injoignable' },
    });
    expect(cancelled).not.toBeInstanceOf(DomainError);
  });
});

describe('the promise-kept rate', () => {
  it('counts settled promises by count and by amount, cancelled and live ones left out', async () => {
    const given = await account();
    const other = await makeCustomer(deps, given.ctx);
    await makeInvoices(deps, given.ctx, other.id, [
      { number: 'H1', issueDate: '2026-02-01', dueDate: '2026-03-01', amount: 40_000 },
      { number: 'H2', issueDate: '2026-02-01', dueDate: '2026-03-01', amount: 40_000 },
    ]);
    const open = await listOpenInvoicesOfCustomers(deps.db, given.ctx, [other.id]);
    const [h1, h2] = open.map((invoice) => invoice.id);
    const promise = (customerId: string, invoiceId: string, amountCents: number) =>
      createPromise(deps, given.ctx, {
        customerId,
        amountCents,
        promisedOn: day('2026-03-20'),
        invoiceIds: [invoiceId],
        channel: 'phone',
      });
    await promise(given.customerId, given.invoice['F1'] ?? '', 100_000); // kept
    await promise(given.customerId, given.invoice['F2'] ?? '', 50_000); // partly: 20 000
    await promise(other.id, h1 ?? '', 40_000); // broken
    const cancelled = await promise(other.id, h2 ?? '', 40_000);
    await cancelPromise(deps, given.ctx, cancelled.id);
    await pay(given, 'VIR-1', '2026-03-19', 100_000);
    await pay(given, 'VIR-2', '2026-03-19', 20_000, 'F2');
    await check(given, '2026-03-19');
    await check(given, '2026-03-24');
    const rate = await promiseKeptRate(deps, given.ctx, {
      from: day('2026-03-01'),
      to: day('2026-03-31'),
    });
    expect(rate).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      count: { kept: 1, partlyKept: 1, broken: 1, rate: 3_333 },
      amount: { currency: 'EUR', promisedCents: 190_000, paidCents: 120_000, rate: 6_316 },
    });
    const march19: CalendarDate = day('2026-03-19');
    expect((await promiseKeptRate(deps, given.ctx, { from: march19, to: march19 })).count).toEqual({
      kept: 1,
      partlyKept: 0,
      broken: 0,
      rate: 10_000,
    });
    await expect(
      promiseKeptRate(deps, given.ctx, { from: day('2026-03-31'), to: day('2026-03-01') }),
    ).rejects.toBeInstanceOf(InvalidError);
    expect(
      (await listInvoicesByIds(deps.db, given.ctx, [h1 ?? ''])).map((invoice) => invoice.number),
    ).toEqual(['H1']);
  });
});
