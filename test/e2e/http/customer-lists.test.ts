import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/app/context.ts';
import {
  ZAssignableUserList,
  ZCustomerDetail,
  ZCustomerListTotals,
  ZCustomerPage,
} from '../../../src/customers/schemas.ts';
import {
  insertCustomersWithEvents,
  newCustomerFields,
  saveNew,
} from '../../../src/customers/service.ts';
import { inTransaction } from '../../../src/db/transaction.ts';
import { readWholeTable } from '../../whole-import-file.ts';
import { makeCompany, makeCustomer, makeInvoices, makePayment, makeUser } from '../../factories.ts';
import { expectProblem, signIn, writeHeaders, type Session, useHttpApp } from './http-helpers.ts';

const http = useHttpApp();

async function getPage(session: Session, query: string) {
  const response = await http.app.inject({
    url: `/api/customers?${query}`,
    headers: { cookie: session.cookie },
  });
  expect(response.statusCode).toBe(200);
  return ZCustomerPage.parse(response.json());
}

/** The totals of every customer `query` matches (`GET /api/customers/totals`). */
async function getTotals(session: Session, query: string) {
  const response = await http.app.inject({
    url: `/api/customers/totals?${query}`,
    headers: { cookie: session.cookie },
  });
  expect(response.statusCode).toBe(200);
  return ZCustomerListTotals.parse(response.json()).totals;
}

async function as(ctx: Ctx, role: 'credit_manager' | 'collector' | 'admin') {
  const user = await makeUser(http.deps, ctx, role);
  return { user, session: await signIn(http.app, user.email, user.password) };
}

describe('customers list: "my customers"', () => {
  it('keeps only the customers of the collector asked for', async () => {
    const { ctx } = await makeCompany(http.deps);
    const { session } = await as(ctx, 'credit_manager');
    const anne = await makeUser(http.deps, ctx, 'collector');
    const bruno = await makeUser(http.deps, ctx, 'collector');
    for (const [code, collector] of [
      ['A1', anne.id],
      ['A2', anne.id],
      ['B1', bruno.id],
      ['N1', null],
    ] as const) {
      await makeCustomer(http.deps, ctx, { code, collectorUserId: collector });
    }

    const mine = await getPage(session, `collectorId=${anne.id}&sort=code`);
    expect(mine.items.map((item) => item.code)).toEqual(['A1', 'A2']);
    expect(mine.total).toBe(2);
    expect(mine.items.every((item) => item.collector?.id === anne.id)).toBe(true);
    const byBalance = await getPage(session, `collectorId=${bruno.id}&sort=open_amount`);
    expect(byBalance.items.map((item) => item.code)).toEqual(['B1']);
    expect((await getPage(session, 'sort=code')).total).toBe(4);

    const refused = await http.app.inject({
      url: '/api/customers?collectorId=anne',
      headers: { cookie: session.cookie },
    });
    expect(expectProblem(refused, 400).issues?.[0]?.field).toBe('collectorId');
  });

  it('lets a credit manager and a collector read who may collect, not the user admin list', async () => {
    const { ctx } = await makeCompany(http.deps);
    const manager = await as(ctx, 'credit_manager');
    const collector = await as(ctx, 'collector');
    const users = await http.app.inject({
      url: '/api/users',
      headers: { cookie: manager.session.cookie },
    });
    expectProblem(users, 403);
    for (const { session } of [manager, collector]) {
      const response = await http.app.inject({
        url: '/api/collectors',
        headers: { cookie: session.cookie },
      });
      expect(response.statusCode).toBe(200);
      const list = ZAssignableUserList.parse(response.json());
      expect(list.items.map((item) => item.id).toSorted()).toEqual(
        [manager.user.id, collector.user.id].toSorted(),
      );
    }
    expectProblem(await http.app.inject({ url: '/api/collectors' }), 401);
  });
});

describe('customers list: totals of the rows matching the filters', () => {
  it('sums every matching page, per currency, never adding euros to dollars', async () => {
    const { ctx } = await makeCompany(http.deps);
    const { session } = await as(ctx, 'credit_manager');
    const anne = await makeUser(http.deps, ctx, 'collector');
    // Five customers of Anne's (three pages of two), one of nobody's that must not count.
    const amounts = [100_000, 250_050, 12_345, 0, 7_000];
    for (const [index, amount] of amounts.entries()) {
      const customer = await makeCustomer(http.deps, ctx, {
        code: `T${index}`,
        collectorUserId: anne.id,
      });
      if (amount > 0) {
        await makeInvoices(http.deps, ctx, customer.id, [
          // Due 28/02/2026, overdue at 15/03/2026.
          { number: `F${index}`, issueDate: '2026-01-29', dueDate: '2026-02-28', amount },
          // Due 30/04/2026, not yet due.
          { number: `G${index}`, issueDate: '2026-03-01', dueDate: '2026-04-30', amount: 1_000 },
        ]);
      }
    }
    const dollars = await makeCustomer(http.deps, ctx, { code: 'T9', collectorUserId: anne.id });
    await makeInvoices(http.deps, ctx, dollars.id, [
      {
        number: 'US-1',
        issueDate: '2026-01-10',
        dueDate: '2026-02-09',
        amount: 99_999,
        currency: 'USD',
      },
    ]);
    await makePayment(http.deps, ctx, dollars.id, {
      reference: 'WIRE-1',
      receivedOn: '2026-03-01',
      amount: 9_999,
      currency: 'USD',
    });
    const other = await makeCustomer(http.deps, ctx, { code: 'Z1' });
    await makeInvoices(http.deps, ctx, other.id, [
      { number: 'Z-1', issueDate: '2026-01-10', dueDate: '2026-02-09', amount: 500_000 },
    ]);

    const pages = [1, 2, 3].map((page) =>
      getPage(session, `collectorId=${anne.id}&pageSize=2&page=${page}&sort=code`),
    );
    for (const page of await Promise.all(pages)) {
      expect(page.total).toBe(6);
    }
    // Asked apart from the pages, with the same filters: every page of them counted.
    expect(await getTotals(session, `collectorId=${anne.id}`)).toEqual([
      {
        currency: 'EUR',
        openAmount: 100_000 + 250_050 + 12_345 + 7_000 + 4 * 1_000,
        overdueAmount: 100_000 + 250_050 + 12_345 + 7_000,
        customerCount: 4,
        amountsCapped: false,
      },
      {
        currency: 'USD',
        openAmount: 99_999 - 9_999,
        overdueAmount: 99_999,
        customerCount: 1,
        amountsCapped: false,
      },
    ]);
    expect(await getTotals(session, `collectorId=${anne.id}&search=T1`)).toEqual([
      {
        currency: 'EUR',
        openAmount: 251_050,
        overdueAmount: 250_050,
        customerCount: 1,
        amountsCapped: false,
      },
    ]);
    const nobody = await getPage(session, `collectorId=${anne.id}&status=closed`);
    expect(nobody).toMatchObject({ total: 0 });
    expect(await getTotals(session, `collectorId=${anne.id}&status=closed`)).toEqual([]);
    // Totals have no page: a paging parameter is refused, not ignored.
    const paged = await http.app.inject({
      url: '/api/customers/totals?page=2',
      headers: { cookie: session.cookie },
    });
    expect(expectProblem(paged, 400).issues?.[0]?.code).toBe('unknown_parameter');
  });
});

describe('one encours', () => {
  it('shows the same encours in the list, its totals and the customer page', async () => {
    const { ctx } = await makeCompany(http.deps);
    const { session } = await as(ctx, 'credit_manager');
    const customer = await makeCustomer(http.deps, ctx, { code: 'ENC' });
    await makeInvoices(http.deps, ctx, customer.id, [
      { number: 'FA-1', issueDate: '2026-01-10', dueDate: '2026-02-09', amount: 7_272_550 },
      {
        number: 'AV-1',
        issueDate: '2026-02-10',
        dueDate: '2026-02-10',
        amount: 146_824,
        kind: 'credit_note',
      },
    ]);
    // Received, not yet allocated: it lowers what the customer owes.
    await makePayment(http.deps, ctx, customer.id, {
      reference: 'VIR-1',
      receivedOn: '2026-03-02',
      amount: 200_000,
    });
    const detail = ZCustomerDetail.parse(
      (
        await http.app.inject({
          url: `/api/customers/${customer.id}`,
          headers: { cookie: session.cookie },
        })
      ).json(),
    );
    const encours = 7_272_550 - 146_824 - 200_000;
    expect(detail.balance.netBalance).toBe(encours);
    for (const sort of ['code', 'open_amount']) {
      const list = await getPage(session, `search=ENC&sort=${sort}`);
      expect(list.items[0]?.openAmount).toBe(encours);
    }
    expect((await getTotals(session, 'search=ENC'))[0]?.openAmount).toBe(encours);
  });

  it('sorts by the encours, unapplied cash included', async () => {
    const { ctx } = await makeCompany(http.deps);
    const { session } = await as(ctx, 'credit_manager');
    const paid = await makeCustomer(http.deps, ctx, { code: 'PAID' });
    const owing = await makeCustomer(http.deps, ctx, { code: 'OWING' });
    const credit = await makeCustomer(http.deps, ctx, { code: 'CREDIT' });
    await makeInvoices(http.deps, ctx, paid.id, [
      { number: 'P-1', issueDate: '2026-01-10', dueDate: '2026-02-09', amount: 50_000 },
    ]);
    await makePayment(http.deps, ctx, paid.id, {
      reference: 'P',
      receivedOn: '2026-03-01',
      amount: 45_000,
    });
    await makeInvoices(http.deps, ctx, owing.id, [
      { number: 'O-1', issueDate: '2026-01-10', dueDate: '2026-02-09', amount: 20_000 },
    ]);
    // Cash with no invoice at all: a credit balance.
    await makePayment(http.deps, ctx, credit.id, {
      reference: 'C',
      receivedOn: '2026-03-01',
      amount: 3_000,
    });
    const list = await getPage(session, 'sort=open_amount&order=desc');
    expect(list.items.map((item) => [item.code, item.openAmount])).toEqual([
      ['OWING', 20_000],
      ['PAID', 5_000],
      ['CREDIT', -3_000],
    ]);
    expect((await getTotals(session, ''))[0]?.openAmount).toBe(22_000);
  });
});

describe('creating and changing a customer over HTTP', () => {
  it('refuses a bad SIREN by its field, and a collector may not write', async () => {
    const { ctx } = await makeCompany(http.deps);
    const manager = await as(ctx, 'credit_manager');
    const collector = await as(ctx, 'collector');
    const body = { code: 'new1', legalName: 'Nouvelle SARL', siren: '732829321' };
    const refused = await http.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: writeHeaders(manager.session),
      payload: body,
    });
    expect(expectProblem(refused, 400).issues?.map((issue) => issue.field)).toEqual(['siren']);
    const forbidden = await http.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: writeHeaders(collector.session),
      payload: { ...body, siren: '732829320' },
    });
    expectProblem(forbidden, 403);
    const created = await http.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: writeHeaders(manager.session),
      payload: { ...body, siren: '732829320', collectorUserId: collector.user.id },
    });
    expect(created.statusCode).toBe(201);
    expect(ZCustomerDetail.parse(created.json())).toMatchObject({
      code: 'NEW1',
      collector: { id: collector.user.id },
    });
  });
});

describe('GET /api/customers/export', () => {
  async function exportOf(session: Session, query: string) {
    const response = await http.app.inject({
      url: `/api/customers/export?${query}`,
      headers: { cookie: session.cookie },
    });
    expect(response.statusCode).toBe(200);
    return response;
  }

  it('writes the list as filtered and sorted to CSV, with the encours and overdue figures', async () => {
    const { ctx } = await makeCompany(http.deps);
    const { session } = await as(ctx, 'credit_manager');
    const anne = await makeUser(http.deps, ctx, 'collector');
    const small = await makeCustomer(http.deps, ctx, {
      code: 'SMALL',
      legalName: 'Boulangerie "Le Fournil", Lyon',
      collectorUserId: anne.id,
      billingAddress: { city: 'Lyon' },
    });
    const big = await makeCustomer(http.deps, ctx, {
      code: 'BIG',
      legalName: 'Grands Travaux SA',
      collectorUserId: anne.id,
    });
    await makeCustomer(http.deps, ctx, { code: 'OTHER', legalName: 'Autre SARL' });
    await makeInvoices(http.deps, ctx, small.id, [
      { number: 'S-1', issueDate: '2026-01-01', dueDate: '2026-02-01', amount: 12_345 },
    ]);
    await makeInvoices(http.deps, ctx, big.id, [
      { number: 'B-1', issueDate: '2026-03-01', dueDate: '2026-04-30', amount: 900_000 },
    ]);
    await makePayment(http.deps, ctx, big.id, {
      reference: 'VIR-B',
      receivedOn: '2026-03-10',
      amount: 100_000,
    });

    const response = await exportOf(
      session,
      `format=csv&collectorId=${anne.id}&sort=open_amount&order=desc`,
    );
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="clients-2026-03-15.csv"',
    );
    const collector = (await getPage(session, 'sort=code')).items[0]?.collector?.displayName;
    expect(response.body.split('\r\n')).toEqual([
      '\uFEFFcode,legal_name,status,city,risk_category,collector,open_amount,overdue_amount,currency,oldest_overdue_days',
      // The encours nets the unapplied payment; nothing of it is overdue yet.
      `BIG,Grands Travaux SA,active,,standard,${collector},8000.00,0.00,EUR,`,
      `SMALL,"Boulangerie ""Le Fournil"", Lyon",active,Lyon,standard,${collector},123.45,123.45,EUR,42`,
      '',
    ]);
  });

  it('writes an XLSX workbook past one batch, every customer once, in the list’s order', async () => {
    const { ctx } = await makeCompany(http.deps);
    const { session } = await as(ctx, 'admin');
    await inTransaction(http.deps.db, (tx) =>
      insertCustomersWithEvents(
        tx,
        ctx,
        Array.from({ length: 2_101 }, (_, index) =>
          saveNew(
            http.deps,
            newCustomerFields(
              `K${String(index).padStart(5, '0')}`,
              `Client ${String(2_101 - index).padStart(5, '0')}`,
            ),
            [],
          ),
        ),
      ),
    );
    const response = await exportOf(session, 'format=xlsx&sort=legal_name');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="clients-2026-03-15.xlsx"',
    );
    const read = await readWholeTable(response.rawPayload, 'clients.xlsx');
    if (!read.ok) {
      throw new Error(JSON.stringify(read.issues));
    }
    const codes = read.table.records.map((record) => record.values['code']);
    expect(codes).toHaveLength(2_101);
    expect(new Set(codes).size).toBe(2_101);
    // By name: "Client 00001" is the last code.
    expect(codes.slice(0, 2)).toEqual(['K02100', 'K02099']);
    expect(codes.at(-1)).toBe('K00000');
  });

  it('refuses an unknown format and a paging parameter, as the API refuses unknown input', async () => {
    const { ctx } = await makeCompany(http.deps);
    const { session } = await as(ctx, 'credit_manager');
    for (const query of ['format=pdf', 'format=csv&page=2']) {
      const response = await http.app.inject({
        url: `/api/customers/export?${query}`,
        headers: { cookie: session.cookie },
      });
      expect(expectProblem(response, 400).code).toBe('invalid');
    }
  });
});
