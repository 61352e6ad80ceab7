import { describe, expect, it } from 'vitest';
import { ZTimeline } from '../../../src/audit/schemas.ts';
import {
  ZAllocation,
  ZAllocationList,
  ZInvoice,
  ZInvoiceListTotals,
  ZInvoicePage,
  type TInvoicePage,
} from '../../../src/ledger/schemas.ts';
import { readWholeTable } from '../../whole-import-file.ts';
import { makeCompany, makeCustomer, makeInvoices, makePayment, makeUser } from '../../factories.ts';
import { expectProblem, signIn, writeHeaders, type Session, useHttpApp } from './http-helpers.ts';

const http = useHttpApp();

/**
 * A company at 15/03/2026 (the tests' today) with a paid invoice from 2024, two
 * overdue ones (one partly paid), one not yet due, an open credit note and an
 * overdue invoice in dollars.
 */
async function seedLedger() {
  const { ctx } = await makeCompany(http.deps);
  const admin = await makeUser(http.deps, ctx, 'admin');
  const alpha = await makeCustomer(http.deps, ctx, {
    code: 'ALPHA',
    legalName: 'Alpha Fournitures SAS',
  });
  const beta = await makeCustomer(http.deps, ctx, {
    code: 'BETA',
    legalName: 'Beta Bâtiment SARL',
  });
  await makeInvoices(http.deps, ctx, alpha.id, [
    { number: 'FA-2024-001', issueDate: '2024-01-10', dueDate: '2024-02-09', amount: 10_000 },
    { number: 'FA-2025-010', issueDate: '2025-11-01', dueDate: '2025-12-01', amount: 200_000 },
    { number: 'FA-2026-030', issueDate: '2026-03-01', dueDate: '2026-03-31', amount: 70_000 },
  ]);
  await makeInvoices(http.deps, ctx, beta.id, [
    { number: 'FA-2026-020', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 50_000 },
    {
      number: 'AV-2026-001',
      issueDate: '2026-02-01',
      dueDate: '2026-02-01',
      amount: 10_000,
      kind: 'credit_note',
    },
    {
      number: 'FA-2026-US1',
      issueDate: '2026-01-10',
      dueDate: '2026-02-09',
      amount: 30_000,
      currency: 'USD',
    },
  ]);
  await makePayment(http.deps, ctx, alpha.id, {
    reference: 'VIR-2024',
    receivedOn: '2024-02-01',
    amount: 10_000,
    invoiceNumber: 'FA-2024-001',
  });
  await makePayment(http.deps, ctx, beta.id, {
    reference: 'VIR-0020',
    receivedOn: '2026-03-02',
    amount: 20_000,
    invoiceNumber: 'FA-2026-020',
  });
  const session = await signIn(http.app, admin.email, admin.password);
  return { session };
}

async function listInvoices(session: Session, query: string): Promise<TInvoicePage> {
  const response = await http.app.inject({
    url: `/api/invoices${query}`,
    headers: { cookie: session.cookie },
  });
  expect(response.statusCode).toBe(200);
  return ZInvoicePage.parse(response.json());
}

/** The totals of every row `query` matches (`GET /api/invoices/totals`), all pages. */
async function totalsOf(session: Session, query: string) {
  const response = await http.app.inject({
    url: `/api/invoices/totals${query}`,
    headers: { cookie: session.cookie },
  });
  expect(response.statusCode).toBe(200);
  return ZInvoiceListTotals.parse(response.json()).totals;
}

const numbers = (page: TInvoicePage) => page.items.map((item) => item.number);

describe('GET /api/invoices', () => {
  it('opens on what is still to collect, the oldest overdue first, with its totals per currency', async () => {
    const { session } = await seedLedger();
    const page = await listInvoices(session, '');
    expect(numbers(page)).toEqual([
      'FA-2025-010',
      'AV-2026-001',
      'FA-2026-020',
      'FA-2026-US1',
      'FA-2026-030',
    ]);
    expect(page.items.map((item) => item.status)).not.toContain('paid');
    expect(page.items[0]).toMatchObject({ daysLate: 104, openAmount: 200_000 });
    expect(page.total).toBe(5);
    // Euros and dollars are never added: invoices minus the credit note, per currency.
    expect(await totalsOf(session, '')).toEqual([
      {
        currency: 'EUR',
        count: 4,
        amount: 200_000 + 50_000 + 70_000 - 10_000,
        openAmount: 200_000 + 30_000 + 70_000 - 10_000,
        overdueAmount: 200_000 + 30_000,
        amountsCapped: false,
      },
      {
        currency: 'USD',
        count: 1,
        amount: 30_000,
        openAmount: 30_000,
        overdueAmount: 30_000,
        amountsCapped: false,
      },
    ]);
    // The same default spelled out.
    expect(await listInvoices(session, '?status=unpaid')).toEqual(page);
  });

  it('shows every status with status=all, the paid invoice of 2024 first', async () => {
    const { session } = await seedLedger();
    const page = await listInvoices(session, '?status=all');
    expect(numbers(page)[0]).toBe('FA-2024-001');
    expect(page.items[0]?.status).toBe('paid');
    expect(page.total).toBe(6);
    expect((await totalsOf(session, '?status=all'))[0]).toEqual({
      currency: 'EUR',
      count: 5,
      amount: 320_000,
      openAmount: 290_000,
      overdueAmount: 230_000,
      amountsCapped: false,
    });
    const paid = await listInvoices(session, '?status=paid');
    expect(numbers(paid)).toEqual(['FA-2024-001']);
    expect(await totalsOf(session, '?status=paid')).toEqual([
      {
        currency: 'EUR',
        count: 1,
        amount: 10_000,
        openAmount: 0,
        overdueAmount: 0,
        amountsCapped: false,
      },
    ]);
  });

  it('searches by part of the number, in any case, wildcards taken literally', async () => {
    const { session } = await seedLedger();
    const found = await listInvoices(session, '?search=fa-2026');
    expect(numbers(found)).toEqual(['FA-2026-020', 'FA-2026-US1', 'FA-2026-030']);
    const foundTotals = await totalsOf(session, '?search=fa-2026');
    expect(foundTotals.map((total) => [total.currency, total.count, total.openAmount])).toEqual([
      ['EUR', 2, 100_000],
      ['USD', 1, 30_000],
    ]);
    expect(numbers(await listInvoices(session, '?search=%20us1%20'))).toEqual(['FA-2026-US1']);
    // A paid invoice is found once the status allows it.
    expect(numbers(await listInvoices(session, '?search=2024'))).toEqual([]);
    expect(numbers(await listInvoices(session, '?search=2024&status=all'))).toEqual([
      'FA-2024-001',
    ]);
    const literal = await listInvoices(session, `?search=${encodeURIComponent('FA%0')}`);
    expect(literal).toMatchObject({ items: [], total: 0 });
    expect(await totalsOf(session, `?search=${encodeURIComponent('FA%0')}`)).toEqual([]);
    expect(numbers(await listInvoices(session, '?search=FA_2026'))).toEqual([]);
  });

  it('filters by customer code, compared in capitals as codes are stored', async () => {
    const { session } = await seedLedger();
    const beta = await listInvoices(session, '?customerCode=%20beta%20');
    expect(numbers(beta)).toEqual(['AV-2026-001', 'FA-2026-020', 'FA-2026-US1']);
    expect(beta.items.every((item) => item.customerCode === 'BETA')).toBe(true);
    const betaTotals = await totalsOf(session, '?customerCode=%20beta%20');
    expect(betaTotals.map((total) => [total.currency, total.count, total.openAmount])).toEqual([
      ['EUR', 2, 20_000],
      ['USD', 1, 30_000],
    ]);
    const both = await listInvoices(session, '?customerCode=ALPHA&search=2025&status=overdue');
    expect(numbers(both)).toEqual(['FA-2025-010']);
    expect(await listInvoices(session, '?customerCode=NOBODY')).toMatchObject({
      items: [],
      total: 0,
    });
    expect(await totalsOf(session, '?customerCode=NOBODY')).toEqual([]);
  });

  it('totals every row the filters match, on every page, not only the page shown', async () => {
    const { ctx } = await makeCompany(http.deps);
    const admin = await makeUser(http.deps, ctx, 'collector');
    const customer = await makeCustomer(http.deps, ctx, { code: 'PAGES' });
    const other = await makeCustomer(http.deps, ctx, { code: 'OTHER' });
    // 60 invoices of n × 10,01 €: odd ones due in February (overdue), even ones in April.
    await makeInvoices(
      http.deps,
      ctx,
      customer.id,
      Array.from({ length: 60 }, (_, index) => {
        const n = index + 1;
        const day = String((n % 28) + 1).padStart(2, '0');
        return {
          number: `P-${String(n).padStart(3, '0')}`,
          issueDate: '2026-01-02',
          dueDate: n % 2 === 1 ? `2026-02-${day}` : `2026-04-${day}`,
          amount: n * 1_001,
        };
      }),
    );
    await makeInvoices(http.deps, ctx, other.id, [
      { number: 'X-1', issueDate: '2026-01-02', dueDate: '2026-02-02', amount: 999_999 },
    ]);
    const session = await signIn(http.app, admin.email, admin.password);
    const expected = [
      {
        currency: 'EUR',
        count: 60,
        amount: 1_001 * 1_830, // 1 + 2 + … + 60 = 1 830
        openAmount: 1_001 * 1_830,
        overdueAmount: 1_001 * 900, // 1 + 3 + … + 59 = 900
        amountsCapped: false,
      },
    ];
    const seen: string[] = [];
    for (const [page, size] of [
      [1, 25],
      [2, 25],
      [3, 10],
    ] as const) {
      const answer = await listInvoices(session, `?customerCode=PAGES&pageSize=25&page=${page}`);
      expect(answer.items).toHaveLength(size);
      expect(answer.total).toBe(60);
      seen.push(...numbers(answer));
    }
    // One answer for the filters, whatever page is on screen.
    expect(await totalsOf(session, '?customerCode=PAGES')).toEqual(expected);
    expect(new Set(seen).size).toBe(60);
    const overdue = await listInvoices(session, '?customerCode=PAGES&status=overdue&pageSize=7');
    expect(overdue.items).toHaveLength(7);
    expect(await totalsOf(session, '?customerCode=PAGES&status=overdue')).toEqual([
      {
        currency: 'EUR',
        count: 30,
        amount: 1_001 * 900,
        openAmount: 1_001 * 900,
        overdueAmount: 1_001 * 900,
        amountsCapped: false,
      },
    ]);
  });

  it('refuses a status it does not know, naming the field', async () => {
    const { session } = await seedLedger();
    const problem = expectProblem(
      await http.app.inject({
        url: '/api/invoices?status=late',
        headers: { cookie: session.cookie },
      }),
      400,
    );
    expect(problem.issues?.map((issue) => issue.field)).toEqual(['status']);
  });
});

async function invoiceId(session: Session, number: string): Promise<string> {
  const page = await listInvoices(session, `?status=all&search=${number}`);
  const found = page.items.find((item) => item.number === number);
  if (!found) {
    throw new Error(`${number} is not in the list`);
  }
  return found.id;
}

async function get(session: Session, url: string) {
  return http.app.inject({ url, headers: { cookie: session.cookie } });
}

describe('an invoice page', () => {
  it('reads an invoice, its allocations (undone ones marked) and its audit events', async () => {
    const { session } = await seedLedger();
    const id = await invoiceId(session, 'FA-2026-020');
    const invoice = ZInvoice.parse((await get(session, `/api/invoices/${id}`)).json());
    expect(invoice).toMatchObject({
      number: 'FA-2026-020',
      customerCode: 'BETA',
      amount: 50_000,
      openAmount: 30_000,
      status: 'partially_paid',
      daysLate: 39,
    });

    const allocations = ZAllocationList.parse(
      (await get(session, `/api/invoices/${id}/allocations`)).json(),
    );
    expect(allocations.items).toEqual([
      expect.objectContaining({
        invoiceNumber: 'FA-2026-020',
        paymentReference: 'VIR-0020',
        amount: 20_000,
        currency: 'EUR',
        allocatedOn: '2026-03-02',
        undoneAt: null,
      }),
    ]);
    const allocationId = allocations.items[0]?.id ?? '';
    const undone = await http.app.inject({
      method: 'DELETE',
      url: `/api/allocations/${allocationId}`,
      headers: writeHeaders(session),
    });
    expect(undone.statusCode).toBe(200);
    expect(ZAllocation.parse(undone.json()).undoneAt).not.toBeNull();

    const after = ZAllocationList.parse(
      (await get(session, `/api/invoices/${id}/allocations`)).json(),
    );
    expect(after.items.map((item) => [item.id, item.undoneAt === null])).toEqual([
      [allocationId, false],
    ]);

    const events = ZTimeline.parse((await get(session, `/api/invoices/${id}/events`)).json());
    expect(events.items.map((event) => [event.action, event.entityType])).toEqual([
      ['allocation.undone', 'allocation'],
      ['allocation.created', 'allocation'],
      ['invoice.created', 'invoice'],
    ]);
    expect(events.items[2]).toMatchObject({ entityId: id, data: { number: 'FA-2026-020' } });
    // Another invoice's events stay out.
    const other = await invoiceId(session, 'FA-2026-030');
    const its = ZTimeline.parse((await get(session, `/api/invoices/${other}/events`)).json());
    expect(its.items.map((event) => event.action)).toEqual(['invoice.created']);
  });

  it("lists a credit note's uses among its allocations", async () => {
    const { session } = await seedLedger();
    const creditNote = await invoiceId(session, 'AV-2026-001');
    const invoice = await invoiceId(session, 'FA-2026-020');
    const made = await http.app.inject({
      method: 'POST',
      url: '/api/allocations',
      headers: writeHeaders(session),
      payload: { invoiceId: invoice, creditNoteId: creditNote, amount: 4_000 },
    });
    expect(made.statusCode).toBe(201);
    const uses = ZAllocationList.parse(
      (await get(session, `/api/invoices/${creditNote}/allocations`)).json(),
    );
    expect(uses.items).toEqual([
      expect.objectContaining({
        invoiceNumber: 'FA-2026-020',
        creditNoteNumber: 'AV-2026-001',
        amount: 4_000,
      }),
    ]);
  });

  it("answers 404 for another company's invoice on every invoice route, 400 for a malformed id", async () => {
    const mine = await seedLedger();
    const theirs = await seedLedger();
    const theirId = await invoiceId(theirs.session, 'FA-2026-020');
    for (const url of [
      `/api/invoices/${theirId}`,
      `/api/invoices/${theirId}/allocations`,
      `/api/invoices/${theirId}/events`,
    ]) {
      const problem = expectProblem(await get(mine.session, url), 404);
      expect(problem.code).toBe('not_found');
    }
    expectProblem(await get(mine.session, '/api/invoices/not-an-id/events'), 400);
  });
});

describe('GET /api/invoices/export', () => {
  it('writes the list as filtered and sorted to CSV, every matching row, amounts as decimals', async () => {
    const { session } = await seedLedger();
    const response = await get(session, '/api/invoices/export?format=csv&customerCode=beta');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="factures-2026-03-15.csv"',
    );
    expect(response.body.split('\r\n')).toEqual([
      '\uFEFFnumber,kind,customer_code,customer_name,issue_date,due_date,amount,open_amount,currency,status,days_late',
      'AV-2026-001,credit_note,BETA,Beta Bâtiment SARL,2026-02-01,2026-02-01,100.00,100.00,EUR,open,0',
      'FA-2026-020,invoice,BETA,Beta Bâtiment SARL,2026-01-05,2026-02-04,500.00,300.00,EUR,partially_paid,39',
      'FA-2026-US1,invoice,BETA,Beta Bâtiment SARL,2026-01-10,2026-02-09,300.00,300.00,USD,open,34',
      '',
    ]);
  });

  it('writes an XLSX workbook the importer reads back, past one batch of rows', async () => {
    const { ctx } = await makeCompany(http.deps);
    const admin = await makeUser(http.deps, ctx, 'read_only');
    const customer = await makeCustomer(http.deps, ctx, { code: 'MANY' });
    await makeInvoices(
      http.deps,
      ctx,
      customer.id,
      Array.from({ length: 2_101 }, (_, index) => ({
        number: `M-${String(index + 1).padStart(5, '0')}`,
        issueDate: '2026-01-02',
        // Many share a due date, so the batches' keyset breaks ties on the number.
        dueDate: `2026-02-${String((index % 3) + 1).padStart(2, '0')}`,
        amount: 100 + index,
      })),
    );
    const session = await signIn(http.app, admin.email, admin.password);
    const response = await get(session, '/api/invoices/export?format=xlsx&sort=due_date');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="factures-2026-03-15.xlsx"',
    );
    const read = await readWholeTable(response.rawPayload, 'factures.xlsx');
    if (!read.ok) {
      throw new Error(JSON.stringify(read.issues));
    }
    expect(read.table.header.slice(0, 3)).toEqual(['number', 'kind', 'customer_code']);
    const rows = read.table.records.map((record) => record.values);
    expect(rows).toHaveLength(2_101);
    expect(new Set(rows.map((row) => row['number'])).size).toBe(2_101);
    // Due date first, then number: M-00001 (due 01/02), M-00004, …
    expect(rows.slice(0, 2).map((row) => [row['number'], row['due_date'], row['amount']])).toEqual([
      ['M-00001', '2026-02-01', '1'],
      ['M-00004', '2026-02-01', '1.03'],
    ]);
  });
});
