/**
 * The customer portal over HTTP (docs/portal.md): staff make a link and upload an invoice's
 * PDF; the customer reads its account, downloads the PDF and its statement (read back as
 * text: its name, the invoice numbers, `1 234,56 €`), approves, reports a problem with an
 * attachment and promises. A token never reaches another customer (403/404, nothing
 * written); a tampered, revoked or expired token is 401; the staff API refuses a portal
 * token; the 121st request in a minute is 429; uploads are checked for type and size.
 * Every answer is parsed with the route's own schema.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ZDisputeAttachment } from '../../../src/disputes/thread-schemas.ts';
import { ZInvoicePage } from '../../../src/ledger/schemas.ts';
import {
  ZCompanyBankDetails,
  ZCreatedPortalLink,
  ZInvoiceApprovalList,
  ZPortalAccount,
  ZPortalApprovals,
  ZPortalLinkList,
  ZPortalOpenedDispute,
  ZPortalPromise,
  ZStoredInvoiceDocument,
} from '../../../src/portal/schemas.ts';
import { movableClock } from '../../db.ts';
import { makeCompany, makeCustomer, makeInvoices, makeUser } from '../../factories.ts';
import { pdfPages } from '../../pdf-text.ts';
import {
  expectProblem,
  freshAddress,
  signIn,
  writeHeaders,
  type Session,
  useHttpApp,
} from './http-helpers.ts';

const clock = movableClock();
// The links the API makes start with the public address it is given (`PUBLIC_URL`).
const http = useHttpApp({ clock, publicUrl: 'https://encaisse.example.test' });
/** The smallest file that starts as a PDF does. */
const PDF = Buffer.from('%PDF-1.4\n% an invoice\n%%EOF\n');

function get(session: Session, url: string) {
  return http.app.inject({ url, headers: { cookie: session.cookie } });
}

function send(session: Session, method: 'POST' | 'PUT', url: string, payload: object) {
  return http.app.inject({
    method,
    url,
    headers: writeHeaders(session),
    payload: payload as Record<string, unknown>,
  });
}

/** A portal request with `token`, from an address of its own unless told. */
function portal(
  token: string,
  url: string,
  options: {
    method?: 'GET' | 'POST';
    payload?: object;
    headers?: Record<string, string>;
    body?: Buffer;
    address?: string;
  } = {},
) {
  return http.app.inject({
    method: options.method ?? 'GET',
    url: `/api/portal${url}`,
    remoteAddress: options.address ?? freshAddress(),
    headers: { 'x-access-token': token, ...options.headers },
    ...(options.body !== undefined
      ? { payload: options.body }
      : options.payload === undefined
        ? {}
        : { payload: options.payload as Record<string, unknown> }),
  });
}

/**
 * A company with an admin, a customer owing F-100 (1 234,56 €, 33 days late) and F-200
 * (500,00 €), a credit note AV-1 (100,00 €); another customer owing F-900. A portal link of
 * the first customer, made through the staff API.
 */
async function company() {
  const { ctx } = await makeCompany(http.deps);
  const admin = await makeUser(http.deps, ctx, 'admin');
  const session = await signIn(http.app, admin.email, admin.password);
  const customer = await makeCustomer(http.deps, ctx, { legalName: 'Boulangerie Martin SARL' });
  const other = await makeCustomer(http.deps, ctx, { legalName: 'Autre Client SA' });
  await makeInvoices(http.deps, ctx, customer.id, [
    { number: 'F-100', issueDate: '2026-01-10', dueDate: '2026-02-10', amount: 123_456 },
    { number: 'F-200', issueDate: '2026-03-10', dueDate: '2026-04-10', amount: 50_000 },
    {
      number: 'AV-1',
      issueDate: '2026-02-20',
      dueDate: '2026-02-20',
      amount: 10_000,
      kind: 'credit_note',
    },
  ]);
  await makeInvoices(http.deps, ctx, other.id, [
    { number: 'F-900', issueDate: '2026-01-05', dueDate: '2026-02-05', amount: 70_000 },
  ]);
  const page = ZInvoicePage.parse(
    (await get(session, '/api/invoices?status=all&pageSize=500')).json(),
  );
  const id = Object.fromEntries(page.items.map((item) => [item.number, item.id]));
  const made = await send(session, 'POST', `/api/customers/${customer.id}/portal-link`, {});
  expect(made.statusCode).toBe(201);
  const link = ZCreatedPortalLink.parse(made.json());
  const token = link.url.split('#')[1] ?? '';
  return { ctx, session, customer, other, id, link, token };
}

describe('the staff side', () => {
  it('makes and lists links, keeps an invoice’s PDF and the bank details', async () => {
    const { session, customer, id, link } = await company();
    expect(link.url).toMatch(/^https:\/\/encaisse\.example\.test\/portail#[A-Za-z0-9_-]{43}$/);
    expect(link.link.expiresAt).toBe('2026-06-13T11:00:00.000Z');
    const links = ZPortalLinkList.parse(
      (await get(session, `/api/customers/${customer.id}/portal-links`)).json(),
    );
    expect(links.items).toEqual([
      {
        id: link.link.id,
        createdAt: link.link.createdAt,
        expiresAt: link.link.expiresAt,
        revokedAt: null,
        lastUsedAt: null,
        messageId: null,
      },
    ]);

    const uploaded = await http.app.inject({
      method: 'PUT',
      url: `/api/invoices/${id['F-100']}/document`,
      headers: {
        ...writeHeaders(session),
        'content-type': 'application/pdf',
        'x-file-name': encodeURIComponent('facture F-100.pdf'),
      },
      payload: PDF,
    });
    expect(uploaded.statusCode).toBe(200);
    expect(ZStoredInvoiceDocument.parse(uploaded.json())).toEqual({
      fileName: 'facture F-100.pdf',
      sizeBytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const back = await get(session, `/api/invoices/${id['F-100']}/document`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('application/pdf');
    expect(back.rawPayload.equals(PDF)).toBe(true);

    const refused = await send(session, 'PUT', '/api/company/bank-details', {
      accountHolder: ' ',
      iban: 'FR76 3000 6000 0112 3456 7890 188',
    });
    expect(expectProblem(refused, 400)).toMatchObject({
      reason: 'bank_details_invalid',
      issues: [
        { field: 'accountHolder', code: 'bank_details_holder_missing' },
        { field: 'iban', code: 'invalid_iban' },
      ],
    });
    const saved = await send(session, 'PUT', '/api/company/bank-details', {
      accountHolder: 'Menuiseries Dupont SAS',
      iban: 'FR76 3000 6000 0112 3456 7890 189',
      bic: 'AGRIFRPP',
    });
    expect(saved.statusCode).toBe(200);
    expect(
      ZCompanyBankDetails.parse((await get(session, '/api/company/bank-details')).json()),
    ).toEqual({
      bankDetails: {
        accountHolder: 'Menuiseries Dupont SAS',
        iban: 'FR7630006000011234567890189',
        bic: 'AGRIFRPP',
        bankName: null,
      },
    });
  });

  it('refuses a document that is not a PDF, or does not start as one, or is too big', async () => {
    const { session, id } = await company();
    const upload = (type: string, body: Buffer) =>
      http.app.inject({
        method: 'PUT',
        url: `/api/invoices/${id['F-100']}/document`,
        headers: { ...writeHeaders(session), 'content-type': type },
        payload: body,
      });
    const text = expectProblem(await upload('text/plain', Buffer.from('hello')), 400);
    expect(text).toMatchObject({
      reason: 'invoice_document_refused',
      issues: [{ field: 'file', code: 'invoice_document_not_pdf' }],
    });
    expect(text.detail).toBe('Le document ne peut pas être conservé');
    expect(text.issues?.[0]?.message).toBe(
      'Le document d’une facture est un PDF, pas un fichier de type text/plain',
    );
    const renamed = expectProblem(
      await upload('application/pdf', Buffer.from('MZ not a pdf')),
      400,
    );
    expect(renamed.issues?.[0]).toMatchObject({ code: 'attachment_content_mismatch' });
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    expect(expectProblem(await upload('application/pdf', big), 413)).toMatchObject({
      code: 'file_too_large',
    });
    expectProblem(await get(session, `/api/invoices/${id['F-100']}/document`), 404);
  });
});

describe('the customer side', () => {
  it('shows the account, hands out the PDF and the statement, approves, reports, promises', async () => {
    const { session, customer, id, token } = await company();
    await send(session, 'PUT', '/api/company/bank-details', {
      accountHolder: 'Menuiseries Dupont SAS',
      iban: 'FR7630006000011234567890189',
    });
    await http.app.inject({
      method: 'PUT',
      url: `/api/invoices/${id['F-100']}/document`,
      headers: { ...writeHeaders(session), 'content-type': 'application/pdf' },
      payload: PDF,
    });
    const read = await portal(token, '/account');
    expect(read.statusCode).toBe(200);
    const account = ZPortalAccount.parse(read.json());
    expect(account).toMatchObject({
      company: { legalName: 'Menuiseries Dupont SAS' },
      customer: { code: customer.code, name: 'Boulangerie Martin SARL' },
      language: 'fr',
      today: '2026-03-15',
      totals: [
        { currency: 'EUR', openCents: 173_456, overdueCents: 123_456, creditsCents: 10_000 },
      ],
    });
    expect(account.items.map((item) => [item.number, item.hasDocument, item.daysLate])).toEqual([
      ['F-100', true, 33],
      ['AV-1', false, 0],
      ['F-200', false, 0],
    ]);
    expect(JSON.stringify(account)).not.toContain('F-900');

    const pdf = await portal(token, `/invoices/${id['F-100']}/document`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.equals(PDF)).toBe(true);

    const statement = await portal(token, '/statement');
    expect(statement.statusCode).toBe(200);
    expect(statement.headers['content-type']).toBe('application/pdf');
    const text = (await pdfPages(new Uint8Array(statement.rawPayload))).join('\n');
    expect(text).toContain('Relevé de compte');
    expect(text).toContain('Boulangerie Martin SARL');
    expect(text).toContain('F-100');
    expect(text).toContain('F-200');
    expect(text).toContain('AV-1');
    // The PDF's no-break spaces (WinAnsi A0) read back as spaces.
    const plain = text.replace(/\u00a0/g, ' ');
    expect(plain).toContain(
      'Facture F-100 10/01/2026 10/02/2026 1 234,56 € 1 234,56 € 33 1 234,56 €',
    );
    expect(plain).toContain('Avoir AV-1 20/02/2026 20/02/2026 100,00 € -100,00 € 1 134,56 €');
    expect(plain).toContain('Solde dû : 1 634,56 €');
    expect(text).toContain('FR76 3000 6000 0112 3456 7890 189');
    expect(text).not.toContain('F-900');

    const approved = await portal(token, '/approvals', {
      method: 'POST',
      payload: { invoiceIds: [id['F-200']] },
    });
    expect(approved.statusCode).toBe(200);
    expect(ZPortalApprovals.parse(approved.json())).toEqual({
      approved: [{ invoiceId: id['F-200'], approvedAt: '2026-03-15T11:00:00.000Z' }],
    });
    const staffView = ZInvoiceApprovalList.parse(
      (await get(session, `/api/customers/${customer.id}/invoice-approvals`)).json(),
    );
    // The address the request came from.
    expect(staffView.items).toMatchObject([
      { invoiceId: id['F-200'], number: 'F-200', ip: '10.0.0.7' },
    ]);
    const unknown = await get(session, `/api/customers/${http.deps.ids.newId()}/invoice-approvals`);
    expect(unknown.statusCode).toBe(404);

    const opened = await portal(token, '/disputes', {
      method: 'POST',
      payload: {
        invoices: [{ invoiceId: id['F-100'], disputedCents: 23_456 }],
        cause: 'price',
        message: 'La remise de 10 % n’a pas été appliquée',
      },
    });
    expect(opened.statusCode).toBe(201);
    const { dispute } = ZPortalOpenedDispute.parse(opened.json());
    expect(dispute).toMatchObject({ status: 'open', amountCents: 23_456, currency: 'EUR' });
    const attached = await portal(token, `/disputes/${dispute.id}/attachments`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', 'x-file-name': 'bon-de-commande.pdf' },
      body: PDF,
    });
    expect(attached.statusCode).toBe(201);
    expect(ZDisputeAttachment.parse(attached.json())).toMatchObject({
      fileName: 'bon-de-commande.pdf',
      uploadedByKind: 'customer',
    });
    const program = await portal(token, `/disputes/${dispute.id}/attachments`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-msdownload' },
      body: Buffer.from('MZ'),
    });
    expect(expectProblem(program, 400).issues?.[0]).toMatchObject({
      code: 'attachment_type_refused',
    });

    const past = await portal(token, '/promises', {
      method: 'POST',
      payload: { invoiceIds: [id['F-200']], promisedOn: '2026-03-14' },
    });
    expect(expectProblem(past, 400).issues?.[0]).toMatchObject({
      field: 'promisedOn',
      code: 'promise_date_past',
    });
    const promised = await portal(token, '/promises', {
      method: 'POST',
      payload: { invoiceIds: [id['F-200']], promisedOn: '2026-03-31' },
    });
    expect(promised.statusCode).toBe(201);
    expect(ZPortalPromise.parse(promised.json()).promise).toMatchObject({
      promisedOn: '2026-03-31',
      amountCents: 50_000,
      currency: 'EUR',
    });
    const after = ZPortalAccount.parse((await portal(token, '/account')).json());
    expect(after.items.find((item) => item.number === 'F-100')?.dispute).toMatchObject({
      id: dispute.id,
      disputedCents: 23_456,
    });
    expect(after.items.find((item) => item.number === 'F-200')).toMatchObject({
      approvedAt: '2026-03-15T11:00:00.000Z',
      promise: { promisedOn: '2026-03-31', amountCents: 50_000 },
    });
  });

  it('never reaches another customer: 404 for its invoices, nothing written', async () => {
    const { session, ctx, other, id, token } = await company();
    const otherInvoice = id['F-900'] ?? '';
    expectProblem(await portal(token, `/invoices/${otherInvoice}/document`), 404);
    expectProblem(
      await portal(token, '/approvals', {
        method: 'POST',
        payload: { invoiceIds: [otherInvoice] },
      }),
      404,
    );
    expectProblem(
      await portal(token, '/disputes', {
        method: 'POST',
        payload: { invoices: [{ invoiceId: otherInvoice }], cause: 'price', message: 'Non' },
      }),
      404,
    );
    expectProblem(
      await portal(token, '/promises', {
        method: 'POST',
        payload: { invoiceIds: [otherInvoice], promisedOn: '2026-03-20' },
      }),
      404,
    );
    const approvals = ZInvoiceApprovalList.parse(
      (await get(session, `/api/customers/${other.id}/invoice-approvals`)).json(),
    );
    expect(approvals.items).toEqual([]);
    const disputes = await get(session, `/api/disputes?customerId=${other.id}`);
    expect(disputes.json<{ items: unknown[] }>().items).toEqual([]);
    const promises = await get(session, `/api/customers/${other.id}/promises`);
    expect(promises.json<{ items: unknown[] }>().items).toEqual([]);
    expect(ctx.companyId).toBeTruthy();
  });

  it('refuses a tampered or missing token, a revoked one, and a portal token on the staff API', async () => {
    const { session, customer, token } = await company();
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(expectProblem(await portal(tampered, '/account'), 401)).toMatchObject({
      reason: 'link_invalid',
    });
    expect(expectProblem(await portal('', '/account'), 401).reason).toBe('link_invalid');
    const staff = await http.app.inject({
      url: '/api/customers',
      headers: { 'x-access-token': token },
    });
    expectProblem(staff, 401);
    const bearer = await http.app.inject({
      url: '/api/customers',
      headers: { authorization: `Bearer ${token}` },
    });
    expectProblem(bearer, 401);
    const revoked = await send(
      session,
      'POST',
      `/api/customers/${customer.id}/portal-links/revoke`,
      {},
    );
    expect(revoked.json()).toEqual({ revoked: 1 });
    expect(expectProblem(await portal(token, '/account'), 401).reason).toBe('link_revoked');
  });

  it('answers 429 past 120 requests a minute with one token, in the reader’s language', async () => {
    const { token } = await company();
    for (let request = 1; request <= 120; request += 1) {
      const answer = await portal(token, '/account');
      expect(answer.statusCode).toBe(200);
    }
    const refused = await portal(token, '/account', { headers: { 'accept-language': 'en' } });
    const problem = expectProblem(refused, 429);
    expect(problem).toMatchObject({ code: 'rate_limited', reason: 'portal_too_many_requests' });
    expect(problem.detail).toMatch(/^Too many requests: try again in \d+ seconds$/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses an expired token (the last test: it moves the clock)', async () => {
    const { session, customer } = await company();
    const made = await send(session, 'POST', `/api/customers/${customer.id}/portal-link`, {
      days: 1,
    });
    const token = ZCreatedPortalLink.parse(made.json()).url.split('#')[1] ?? '';
    expect((await portal(token, '/account')).statusCode).toBe(200);
    clock.advance(86_400);
    expect(expectProblem(await portal(token, '/account'), 401).reason).toBe('link_expired');
  });
});
