import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createApiToken } from '../../../src/auth/api-tokens.ts';
import { ZSessionInfo } from '../../../src/auth/schemas.ts';
import { ZTimeline } from '../../../src/audit/schemas.ts';
import { ZCustomerDetail, ZCustomerPage } from '../../../src/customers/schemas.ts';
import { buildApp } from '../../../src/server/app.ts';
import { ZAllocation, ZInvoicePage, ZPaymentPage } from '../../../src/ledger/schemas.ts';
import { makeCompany, makeCustomer, makeInvoices, makePayment, makeUser } from '../../factories.ts';
import { expectProblem, signIn as signInTo, useHttpApp } from './http-helpers.ts';

const http = useHttpApp({
  passwordAttemptLimits: {
    perAddress: { max: 5, windowSeconds: 60 },
    perAccount: { max: 5, windowSeconds: 60 },
  },
});

function signIn(email: string, password: string, ip?: string) {
  return signInTo(http.app, email, password, ip);
}

async function seedCompany() {
  const { company, ctx } = await makeCompany(http.deps);
  const admin = await makeUser(http.deps, ctx, 'admin');
  const customer = await makeCustomer(http.deps, ctx, {
    legalName: 'Boulangerie Martin SARL',
    siren: '732829320',
  });
  await makeInvoices(http.deps, ctx, customer.id, [
    { number: 'FA-1', issueDate: '2026-01-10', dueDate: '2026-02-09', amount: 123_456 },
    { number: 'FA-2', issueDate: '2026-03-01', dueDate: '2026-03-31', amount: 10_000 },
  ]);
  await makePayment(http.deps, ctx, customer.id, {
    reference: 'VIR-9',
    receivedOn: '2026-03-02',
    amount: 5_000,
  });
  return { company, ctx, admin, customer };
}

describe('HTTP API', () => {
  it('signs in, lists and shows customers with their open items', async () => {
    const { admin, customer } = await seedCompany();
    const session = await signIn(admin.email, admin.password);
    const me = ZSessionInfo.parse(
      (await http.app.inject({ url: '/api/auth/me', headers: { cookie: session.cookie } })).json(),
    );
    expect(me.company.today).toBe('2026-03-15');

    const list = ZCustomerPage.parse(
      (
        await http.app.inject({
          url: '/api/customers?search=boulangerie&sort=overdue_amount&order=desc',
          headers: { cookie: session.cookie },
        })
      ).json(),
    );
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      code: customer.code,
      // The encours: 1 234,56 + 100,00 open, less the 50,00 received and not yet allocated.
      openAmount: 128_456,
      overdueAmount: 123_456,
      oldestOverdueDays: 34,
    });

    const detail = ZCustomerDetail.parse(
      (
        await http.app.inject({
          url: `/api/customers/${customer.id}`,
          headers: { cookie: session.cookie },
        })
      ).json(),
    );
    expect(detail.balance).toMatchObject({
      invoicesOpen: 133_456,
      overdue: 123_456,
      unappliedCash: 5_000,
      netBalance: 128_456,
    });

    const invoices = ZInvoicePage.parse(
      (
        await http.app.inject({
          url: `/api/invoices?customerId=${customer.id}&status=overdue`,
          headers: { cookie: session.cookie },
        })
      ).json(),
    );
    expect(invoices.items.map((i) => [i.number, i.daysLate])).toEqual([['FA-1', 34]]);
  });

  it('allocates with the CSRF token, refuses without it, and undoes', async () => {
    const { admin, customer } = await seedCompany();
    const session = await signIn(admin.email, admin.password);
    const invoices = ZInvoicePage.parse(
      (
        await http.app.inject({
          url: `/api/invoices?customerId=${customer.id}`,
          headers: { cookie: session.cookie },
        })
      ).json(),
    );
    const payments = ZPaymentPage.parse(
      (
        await http.app.inject({
          url: `/api/payments?customerId=${customer.id}`,
          headers: { cookie: session.cookie },
        })
      ).json(),
    );
    const payload = {
      invoiceId: invoices.items[0]?.id,
      paymentId: payments.items[0]?.id,
      amount: 4_000,
    };

    const forged = await http.app.inject({
      method: 'POST',
      url: '/api/allocations',
      headers: { cookie: session.cookie },
      payload,
    });
    expect(expectProblem(forged, 403).code).toBe('forbidden');

    const created = await http.app.inject({
      method: 'POST',
      url: '/api/allocations',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      payload,
    });
    expect(created.statusCode).toBe(201);
    const allocation = ZAllocation.parse(created.json());

    const tooMuch = await http.app.inject({
      method: 'POST',
      url: '/api/allocations',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      payload: { ...payload, amount: 1_001 },
    });
    const problem = expectProblem(tooMuch, 400);
    expect(problem.issues?.[0]).toMatchObject({ field: 'amount', code: 'exceeds_available' });

    const undone = await http.app.inject({
      method: 'DELETE',
      url: `/api/allocations/${allocation.id}`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    });
    expect(ZAllocation.parse(undone.json()).undoneAt).not.toBeNull();
    const timeline = ZTimeline.parse(
      (
        await http.app.inject({
          url: `/api/customers/${customer.id}/events`,
          headers: { cookie: session.cookie },
        })
      ).json(),
    );
    expect(timeline.items.slice(0, 2).map((event) => event.action)).toEqual([
      'allocation.undone',
      'allocation.created',
    ]);
  });

  it('answers bad input with a problem, never a 500', async () => {
    const { admin, customer } = await seedCompany();
    const session = await signIn(admin.email, admin.password);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    const cases = [
      { method: 'GET', url: '/api/customers/not-a-uuid', status: 400 },
      { method: 'GET', url: '/api/customers?pageSize=100000', status: 400 },
      { method: 'GET', url: '/api/invoices?issuedFrom=31/02/2025', status: 400 },
      { method: 'GET', url: '/api/customers/0190a000-0000-7000-8000-000000000000', status: 404 },
      {
        method: 'POST',
        url: '/api/customers',
        payload: { code: 'X1', legalName: 'X', siren: '123456789' },
        status: 400,
      },
      {
        method: 'POST',
        url: '/api/customers',
        payload: { code: customer.code, legalName: 'Y' },
        status: 409,
      },
      {
        method: 'POST',
        url: '/api/allocations',
        payload: { invoiceId: customer.id, paymentId: customer.id, amount: -5 },
        status: 400,
      },
      { method: 'POST', url: '/api/allocations', payload: '{not json', status: 400 },
      { method: 'GET', url: '/api/nothing-here', status: 404 },
    ] as const;
    for (const testCase of cases) {
      const response = await http.app.inject({
        method: testCase.method,
        url: testCase.url,
        headers: { ...headers, 'content-type': 'application/json' },
        ...('payload' in testCase ? { payload: testCase.payload } : {}),
      });
      const problem = expectProblem(response, testCase.status);
      expect(problem.detail.length).toBeGreaterThan(5);
    }
  });

  it('refuses a query parameter the route does not take, naming it, instead of ignoring it', async () => {
    const { admin, customer } = await seedCompany();
    const session = await signIn(admin.email, admin.password);
    for (const url of [
      '/api/invoices?limit=2',
      '/api/customers?pageSize=10&limit=2',
      `/api/customers/${customer.id}?limit=2`,
    ]) {
      const response = await http.app.inject({ url, headers: { cookie: session.cookie } });
      const problem = expectProblem(response, 400);
      expect(problem.issues).toEqual([
        {
          field: 'limit',
          code: 'unknown_parameter',
          message: "limit : ce paramètre n'existe pas pour cette requête",
          params: { name: 'limit' },
        },
      ]);
    }
    // The parameters a route names still work.
    const page = await http.app.inject({
      url: '/api/customers?page=1&pageSize=1',
      headers: { cookie: session.cookie },
    });
    expect(page.statusCode).toBe(200);
  });

  it('keeps companies apart: no route reaches another company’s data', async () => {
    const mine = await seedCompany();
    const theirs = await seedCompany();
    const session = await signIn(mine.admin.email, mine.admin.password);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    const theirInvoices = ZInvoicePage.parse(
      (
        await http.app.inject({
          url: `/api/invoices?customerId=${theirs.customer.id}`,
          headers: { cookie: (await signIn(theirs.admin.email, theirs.admin.password)).cookie },
        })
      ).json(),
    );
    const theirInvoiceId = theirInvoices.items[0]?.id ?? '';

    const theirPayments = ZPaymentPage.parse(
      (
        await http.app.inject({
          url: `/api/payments?customerId=${theirs.customer.id}`,
          headers: { cookie: (await signIn(theirs.admin.email, theirs.admin.password)).cookie },
        })
      ).json(),
    );
    for (const url of [
      `/api/payments/${theirPayments.items[0]?.id ?? ''}`,
      `/api/customers/${theirs.customer.id}`,
      `/api/customers/${theirs.customer.id}/events`,
      `/api/customers/${theirs.customer.id}/allocations`,
      `/api/invoices/${theirInvoiceId}`,
    ]) {
      expectProblem(await http.app.inject({ url, headers }), 404);
    }
    const list = ZInvoicePage.parse(
      (
        await http.app.inject({ url: `/api/invoices?customerId=${theirs.customer.id}`, headers })
      ).json(),
    );
    expect(list.total).toBe(0);
    const customers = ZCustomerPage.parse(
      (await http.app.inject({ url: '/api/customers', headers })).json(),
    );
    expect(customers.items.map((c) => c.id)).toEqual([mine.customer.id]);
    const patch = await http.app.inject({
      method: 'PATCH',
      url: `/api/customers/${theirs.customer.id}`,
      headers,
      payload: { legalName: 'Hacked' },
    });
    expectProblem(patch, 404);
  });

  it('checks roles and API tokens', async () => {
    const { ctx, customer } = await seedCompany();
    const reader = await makeUser(http.deps, ctx, 'read_only');
    const session = await signIn(reader.email, reader.password);
    const create = await http.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      payload: { code: 'NEW', legalName: 'Nouveau client' },
    });
    expectProblem(create, 403);

    const { token } = await createApiToken(http.deps, ctx, { name: 'ERP', role: 'credit_manager' });
    const viaToken = await http.app.inject({
      url: `/api/customers/${customer.id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(viaToken.statusCode).toBe(200);
    expectProblem(
      await http.app.inject({
        url: '/api/customers',
        headers: { authorization: 'Bearer enc_wrong' },
      }),
      401,
    );
    expectProblem(await http.app.inject({ url: '/api/customers' }), 401);
  });

  it('rate-limits sign-in and never reveals which part was wrong', async () => {
    const { admin } = await seedCompany();
    const attempts = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      attempts.push(
        await http.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: admin.email, password: 'wrong password!' },
          remoteAddress: '10.9.9.9',
        }),
      );
    }
    expect(attempts.slice(0, 5).map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401]);
    expect(expectProblem(attempts[0] as never, 401).detail).toBe(
      "L'adresse e-mail ou le mot de passe est incorrect",
    );
    expectProblem(attempts[5] as never, 429);
    const unknown = await http.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@example.test', password: 'whatever-123' },
      remoteAddress: '10.9.9.8',
    });
    expect(expectProblem(unknown, 401).detail).toBe(
      "L'adresse e-mail ou le mot de passe est incorrect",
    );
  });

  it('changes a password and closes the old session', async () => {
    const { admin } = await seedCompany();
    const session = await signIn(admin.email, admin.password, '10.1.1.1');
    const changed = await http.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      payload: { currentPassword: admin.password, newPassword: 'a much longer new secret' },
    });
    expect(changed.statusCode).toBe(204);
    expectProblem(
      await http.app.inject({ url: '/api/auth/me', headers: { cookie: session.cookie } }),
      401,
    );
    await signIn(admin.email, 'a much longer new secret', '10.1.1.2');
  });

  it('sets secure headers and publishes the OpenAPI document', async () => {
    const response = await http.app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/customers',
        '/api/customers/{id}',
        '/api/invoices',
        '/api/payments',
        '/api/allocations',
        '/api/auth/login',
      ]),
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(String(response.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('logs one readable line per request for a terminal, without any password', async () => {
    const { admin } = await seedCompany();
    const { written, stream } = captured();
    const logged = await buildApp({
      deps: http.deps,
      webDir: '/nonexistent',
      log: { level: 'info', stream, format: 'pretty' },
    });
    await logged.inject({ url: '/api/auth/me' });
    await logged.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: admin.email, password: admin.password },
    });
    await logged.close();
    const lines = written
      .join('')
      .split('\n')
      .filter((line) => line !== '');

    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: GET \/api\/auth\/me → 401 \(\d+ ms\)$/);
    expect(lines[1]).toMatch(/INFO: POST \/api\/auth\/login → 200 \(\d+ ms\)$/);
    expect(written.join('')).not.toContain(admin.password);
  });

  it('logs requests without any password, session cookie or token', async () => {
    const { ctx, admin, customer } = await seedCompany();
    const { token } = await createApiToken(http.deps, ctx, { name: 'ERP', role: 'read_only' });
    const { written: lines, stream } = captured();
    const logged = await buildApp({
      deps: http.deps,
      webDir: '/nonexistent',
      log: { level: 'trace', stream },
    });
    const login = await logged.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: admin.email, password: admin.password },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    await logged.inject({ url: `/api/customers/${customer.id}`, headers: { cookie } });
    const payment = await logged.inject({
      url: '/api/payments',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(payment.statusCode).toBe(200);
    await logged.close();
    const text = lines.join('');
    expect(lines.length).toBeGreaterThan(4);
    expect(text).not.toContain(admin.password);
    expect(text).not.toContain(cookie.split('=')[1] ?? 'missing');
    expect(text).not.toContain(token);
  });
});

/** A stream that keeps what is written to it, chunk by chunk. */
function captured(): { written: string[]; stream: Writable } {
  const written: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(chunk.toString());
      done();
    },
  });
  return { written, stream };
}
