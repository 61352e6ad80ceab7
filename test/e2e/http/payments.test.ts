/**
 * The payment list's totals (`GET /api/payments/totals`) and its export
 * (`GET /api/payments/export`): the list's filters, every page, exact figures per currency.
 */
import { describe, expect, it } from 'vitest';
import { ZPaymentListTotals, ZPaymentPage } from '../../../src/ledger/schemas.ts';
import { upsertPaymentsInTx } from '../../../src/ledger/upsert-items.ts';
import { calendarDate } from '../../../src/shared/calendar-date.ts';
import { cents } from '../../../src/shared/money.ts';
import { readWholeTable } from '../../whole-import-file.ts';
import { makeCompany, makeCustomer, makeInvoices, makePayment, makeUser } from '../../factories.ts';
import { expectProblem, signIn, type Session, useHttpApp } from './http-helpers.ts';

const http = useHttpApp();

/**
 * A company at 15/03/2026 (the tests' today). Alpha paid 1 000,00 € then 400,00 € against
 * its 2 500,00 € invoice (both wholly applied), then 80,00 € naming no invoice (unapplied);
 * Beta paid its 300,00 € invoice in full, then 120,00 $ naming none (unapplied).
 */
async function seedPayments() {
  const { ctx } = await makeCompany(http.deps);
  const user = await makeUser(http.deps, ctx, 'read_only');
  const alpha = await makeCustomer(http.deps, ctx, {
    code: 'ALPHA',
    legalName: 'Alpha Fournitures SAS',
  });
  const beta = await makeCustomer(http.deps, ctx, {
    code: 'BETA',
    legalName: 'Beta Bâtiment SARL',
  });
  await makeInvoices(http.deps, ctx, alpha.id, [
    { number: 'FA-001', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 250_000 },
  ]);
  await makeInvoices(http.deps, ctx, beta.id, [
    { number: 'FB-001', issueDate: '2026-01-10', dueDate: '2026-02-09', amount: 30_000 },
  ]);
  await makePayment(http.deps, ctx, alpha.id, {
    reference: 'VIR-A1',
    receivedOn: '2026-02-01',
    amount: 100_000,
    invoiceNumber: 'FA-001',
  });
  await makePayment(http.deps, ctx, alpha.id, {
    reference: 'VIR-A2',
    receivedOn: '2026-03-02',
    amount: 40_000,
    invoiceNumber: 'FA-001',
  });
  await makePayment(http.deps, ctx, alpha.id, {
    reference: 'CHQ-A3',
    receivedOn: '2026-03-10',
    amount: 8_000,
  });
  await makePayment(http.deps, ctx, beta.id, {
    reference: 'VIR-B1',
    receivedOn: '2026-02-20',
    amount: 30_000,
    invoiceNumber: 'FB-001',
  });
  await makePayment(http.deps, ctx, beta.id, {
    reference: 'VIR-B2',
    receivedOn: '2026-03-05',
    amount: 12_000,
    currency: 'USD',
  });
  const session = await signIn(http.app, user.email, user.password);
  return { session, alpha, beta };
}

async function get(session: Session, url: string) {
  return http.app.inject({ url, headers: { cookie: session.cookie } });
}

/** The totals of every payment `query` matches, all pages. */
async function totalsOf(session: Session, query: string) {
  const response = await get(session, `/api/payments/totals${query}`);
  expect(response.statusCode).toBe(200);
  return ZPaymentListTotals.parse(response.json()).totals;
}

describe('GET /api/payments/totals', () => {
  it('sums every payment the filters match per currency, every page, received and unapplied', async () => {
    const { session, alpha } = await seedPayments();
    expect(await totalsOf(session, '')).toEqual([
      {
        currency: 'EUR',
        count: 4,
        amount: 178_000,
        unappliedAmount: 8_000,
        amountsCapped: false,
      },
      { currency: 'USD', count: 1, amount: 12_000, unappliedAmount: 12_000, amountsCapped: false },
    ]);
    const page = ZPaymentPage.parse(
      (await get(session, `/api/payments?customerId=${alpha.id}&pageSize=1`)).json(),
    );
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(3);
    expect(await totalsOf(session, `?customerId=${alpha.id}`)).toEqual([
      { currency: 'EUR', count: 3, amount: 148_000, unappliedAmount: 8_000, amountsCapped: false },
    ]);
    expect(await totalsOf(session, '?hasUnapplied=true')).toEqual([
      { currency: 'EUR', count: 1, amount: 8_000, unappliedAmount: 8_000, amountsCapped: false },
      { currency: 'USD', count: 1, amount: 12_000, unappliedAmount: 12_000, amountsCapped: false },
    ]);
    expect(await totalsOf(session, '?receivedFrom=2026-02-15&receivedTo=2026-03-05')).toEqual([
      { currency: 'EUR', count: 2, amount: 70_000, unappliedAmount: 0, amountsCapped: false },
      { currency: 'USD', count: 1, amount: 12_000, unappliedAmount: 12_000, amountsCapped: false },
    ]);
    expect(await totalsOf(session, '?receivedFrom=2027-01-01')).toEqual([]);
  });

  it('takes no paging, and refuses a filter it does not know, naming it', async () => {
    const { session } = await seedPayments();
    const problem = expectProblem(await get(session, '/api/payments/totals?page=2'), 400);
    expect(problem.issues).toEqual([
      expect.objectContaining({ field: 'page', code: 'unknown_parameter' }),
    ]);
    expect(
      expectProblem(await get(session, '/api/payments/totals?hasUnapplied=maybe'), 400).issues,
    ).toEqual([expect.objectContaining({ field: 'hasUnapplied' })]);
  });

  it("counts none of another company's payments", async () => {
    await seedPayments();
    const { ctx } = await makeCompany(http.deps);
    const user = await makeUser(http.deps, ctx, 'admin');
    const session = await signIn(http.app, user.email, user.password);
    expect(await totalsOf(session, '')).toEqual([]);
  });
});

describe('GET /api/payments/export', () => {
  it('writes the list as filtered to CSV, newest first, amounts as decimals', async () => {
    const { session, alpha } = await seedPayments();
    const response = await get(session, `/api/payments/export?format=csv&customerId=${alpha.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="paiements-2026-03-15.csv"',
    );
    expect(response.body.split('\r\n')).toEqual([
      '\uFEFFreference,customer_code,customer_name,date,amount,unapplied_amount,currency,method',
      'CHQ-A3,ALPHA,Alpha Fournitures SAS,2026-03-10,80.00,80.00,EUR,transfer',
      'VIR-A2,ALPHA,Alpha Fournitures SAS,2026-03-02,400.00,0.00,EUR,transfer',
      'VIR-A1,ALPHA,Alpha Fournitures SAS,2026-02-01,1000.00,0.00,EUR,transfer',
      '',
    ]);
    const unapplied = await get(session, '/api/payments/export?hasUnapplied=true');
    expect(unapplied.body.split('\r\n').slice(1)).toEqual([
      'CHQ-A3,ALPHA,Alpha Fournitures SAS,2026-03-10,80.00,80.00,EUR,transfer',
      'VIR-B2,BETA,Beta Bâtiment SARL,2026-03-05,120.00,120.00,USD,transfer',
      '',
    ]);
  });

  it('neutralises a reference that a spreadsheet would run as a formula', async () => {
    const { ctx } = await makeCompany(http.deps);
    const user = await makeUser(http.deps, ctx, 'read_only');
    const customer = await makeCustomer(http.deps, ctx, {
      code: 'EVIL',
      legalName: '=HYPERLINK()',
    });
    await makePayment(http.deps, ctx, customer.id, {
      reference: '=1+1',
      receivedOn: '2026-03-01',
      amount: 1_000,
    });
    const session = await signIn(http.app, user.email, user.password);
    const response = await get(session, '/api/payments/export?format=csv');
    expect(response.body.split('\r\n')[1]).toBe(
      "'=1+1,EVIL,'=HYPERLINK(),2026-03-01,10.00,10.00,EUR,transfer",
    );
  });

  it('writes an XLSX workbook the importer reads back, past one batch of rows', async () => {
    const { ctx } = await makeCompany(http.deps);
    const user = await makeUser(http.deps, ctx, 'read_only');
    const customer = await makeCustomer(http.deps, ctx, { code: 'MANY' });
    await http.deps.db.transaction().execute(async (tx) => {
      const result = await upsertPaymentsInTx(
        http.deps,
        tx,
        ctx,
        Array.from({ length: 2_101 }, (_, index) => ({
          customerId: customer.id,
          reference: `P-${String(index + 1).padStart(5, '0')}`,
          // Many share a date, so the batches' keyset breaks ties on the reference.
          receivedOn: calendarDate(`2026-03-0${(index % 3) + 1}`),
          amountCents: cents(100 + index),
          currency: 'EUR',
          method: 'transfer',
          invoiceNumber: undefined,
        })),
      );
      expect(result.issues).toEqual([]);
    });
    const session = await signIn(http.app, user.email, user.password);
    const response = await get(session, '/api/payments/export?format=xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="paiements-2026-03-15.xlsx"',
    );
    const read = await readWholeTable(response.rawPayload, 'paiements.xlsx');
    if (!read.ok) {
      throw new Error(JSON.stringify(read.issues));
    }
    expect(read.table.header.slice(0, 4)).toEqual([
      'reference',
      'customer_code',
      'customer_name',
      'date',
    ]);
    const rows = read.table.records.map((record) => record.values);
    expect(rows).toHaveLength(2_101);
    expect(new Set(rows.map((row) => row['reference'])).size).toBe(2_101);
    // Newest first, then by reference: P-00003 (03/03), P-00006, …
    expect(rows.slice(0, 2).map((row) => [row['reference'], row['date'], row['amount']])).toEqual([
      ['P-00003', '2026-03-03', '1.02'],
      ['P-00006', '2026-03-03', '1.05'],
    ]);
    expect(rows.at(-1)?.['reference']).toBe('P-02101');
  });
});
