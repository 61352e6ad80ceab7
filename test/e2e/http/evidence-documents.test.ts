/**
 * Evidence documents over HTTP (issue 12, docs/evidence.md): a signed delivery receipt posted
 * on an order and a purchase order on an invoice (the body is the file, its name in
 * `X-File-Name`, its kind in the query), both listed from the invoice the order is linked
 * to; the download byte for byte with its SHA-256 and download headers; the same file again
 * answered 200 with the document kept; refusals as problems (400 with the file's issue, 413
 * over 10 MiB, 403 for a collector, 404 for another company's order, 409 once the bytes were
 * altered in the database). Every answer is parsed with the route's own schema.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ZEvidenceDocument, ZEvidenceDocumentList } from '../../../src/credit/document-schemas.ts';
import { ZReceivedOrder } from '../../../src/credit/schemas.ts';
import { ZInvoicePage } from '../../../src/ledger/schemas.ts';
import { makeCompany, makeCustomer, makeInvoices, makeUser } from '../../factories.ts';
import { expectProblem, signIn, writeHeaders, type Session, useHttpApp } from './http-helpers.ts';

const http = useHttpApp();

/** The smallest file that starts as a PDF does. */
const RECEIPT = Buffer.from('%PDF-1.4\n% bon de livraison CMD-1, signé\n%%EOF\n');
const PURCHASE_ORDER = Buffer.from('From: achats@client.test\r\n\r\nBon de commande BC-77\r\n');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function get(session: Session, url: string) {
  return http.app.inject({ url, headers: { cookie: session.cookie } });
}

function upload(
  session: Session,
  url: string,
  file: { type: string; body: Buffer; name?: string },
) {
  return http.app.inject({
    method: 'POST',
    url,
    headers: {
      ...writeHeaders(session),
      'content-type': file.type,
      ...(file.name === undefined ? {} : { 'x-file-name': encodeURIComponent(file.name) }),
    },
    payload: file.body,
  });
}

/** A signed-in admin's company: invoice FA-1, order CMD-1 delivered and invoiced by FA-1. */
async function company(role: 'admin' | 'collector' = 'admin') {
  const { ctx } = await makeCompany(http.deps);
  const admin = await makeUser(http.deps, ctx, 'admin');
  const session = await signIn(http.app, admin.email, admin.password);
  const customer = await makeCustomer(http.deps, ctx);
  await makeInvoices(http.deps, ctx, customer.id, [
    { number: 'FA-1', issueDate: '2026-03-13', dueDate: '2026-04-30', amount: 120_000 },
  ]);
  const received = await http.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: writeHeaders(session),
    payload: {
      number: 'CMD-1',
      customerCode: customer.code,
      orderedOn: '2026-03-02',
      amountCents: 120_000,
      checklist: { pricesAgreed: true, deliveryDateConfirmed: true, confirmationSent: true },
    },
  });
  expect(received.statusCode).toBe(201);
  const { order } = ZReceivedOrder.parse(received.json());
  const post = (url: string, payload: Record<string, unknown>) =>
    http.app.inject({ method: 'POST', url, headers: writeHeaders(session), payload });
  expect(
    (await post(`/api/orders/${order.id}/delivery`, { deliveredOn: '2026-03-12' })).statusCode,
  ).toBe(200);
  const invoiced = await post(`/api/orders/${order.id}/invoicing`, {
    invoicedCents: 120_000,
    invoiceNumbers: ['FA-1'],
  });
  expect(invoiced.statusCode).toBe(200);
  const invoices = ZInvoicePage.parse((await get(session, '/api/invoices')).json());
  const invoiceId = invoices.items.find((invoice) => invoice.number === 'FA-1')?.id ?? '';
  if (role === 'admin') {
    return { ctx, session, orderId: order.id, invoiceId };
  }
  const other = await makeUser(http.deps, ctx, role);
  return {
    ctx,
    session: await signIn(http.app, other.email, other.password),
    orderId: order.id,
    invoiceId,
  };
}

describe('/api/orders/{id}/documents and /api/invoices/{id}/documents', () => {
  it('keeps, lists from the invoice and hands out the documents byte for byte', async () => {
    const { session, orderId, invoiceId } = await company();
    const onOrder = await upload(
      session,
      `/api/orders/${orderId}/documents?kind=delivery_receipt&note=${encodeURIComponent('Réserves sur 1 palette')}`,
      {
        type: 'application/pdf',
        body: RECEIPT,
        name: 'BL CMD-1 signé.pdf',
      },
    );
    expect(onOrder.statusCode).toBe(201);
    const receipt = ZEvidenceDocument.parse(onOrder.json());
    expect(receipt).toMatchObject({
      orderId,
      invoiceId: null,
      kind: 'delivery_receipt',
      fileName: 'BL CMD-1 signé.pdf',
      contentType: 'application/pdf',
      sizeBytes: RECEIPT.length,
      sha256: sha256(RECEIPT),
      uploadedByName: 'Test admin',
      uploadedAt: '2026-03-15T11:00:00.000Z',
      note: 'Réserves sur 1 palette',
    });
    const onInvoice = await upload(
      session,
      `/api/invoices/${invoiceId}/documents?kind=purchase_order`,
      {
        type: 'message/rfc822',
        body: PURCHASE_ORDER,
        name: 'BC-77.eml',
      },
    );
    expect(onInvoice.statusCode).toBe(201);
    const purchaseOrder = ZEvidenceDocument.parse(onInvoice.json());

    const again = await upload(session, `/api/orders/${orderId}/documents?kind=delivery_receipt`, {
      type: 'application/pdf',
      body: RECEIPT,
      name: 'BL (1).pdf',
    });
    expect(again.statusCode).toBe(200);
    expect(ZEvidenceDocument.parse(again.json())).toEqual(receipt);

    const listed = await get(session, `/api/invoices/${invoiceId}/documents`);
    expect(listed.statusCode).toBe(200);
    expect(ZEvidenceDocumentList.parse(listed.json()).items).toEqual([purchaseOrder, receipt]);
    expect(
      ZEvidenceDocumentList.parse((await get(session, `/api/orders/${orderId}/documents`)).json())
        .items,
    ).toEqual([receipt]);

    const file = await get(session, `/api/documents/${receipt.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(RECEIPT)).toBe(true);
    expect(file.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="BL CMD-1 sign_.pdf"; filename*=UTF-8''${encodeURIComponent('BL CMD-1 signé.pdf')}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'x-content-sha256': sha256(RECEIPT),
    });
    expect(sha256(file.rawPayload)).toBe(receipt.sha256);
  });

  it('refuses an empty file, a renamed program and a file over 10 MiB, keeping nothing', async () => {
    const { session, orderId, invoiceId } = await company();
    const url = `/api/orders/${orderId}/documents?kind=delivery_receipt`;
    const empty = expectProblem(
      await upload(session, url, { type: 'application/pdf', body: Buffer.alloc(0) }),
      400,
    );
    expect(empty).toMatchObject({
      reason: 'evidence_document_refused',
      issues: [{ field: 'file', code: 'attachment_empty' }],
    });
    expect(empty.detail).toBe('Le document ne peut pas être conservé');
    expect(empty.issues?.[0]?.message).toBe('Le fichier est vide');
    const renamed = expectProblem(
      await upload(session, url, {
        type: 'application/pdf',
        body: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]),
        name: 'BL.pdf',
      }),
      400,
    );
    expect(renamed.issues).toMatchObject([{ field: 'file', code: 'attachment_content_mismatch' }]);
    const program = expectProblem(
      await upload(session, url, {
        type: 'application/x-msdownload',
        body: Buffer.from([0x4d, 0x5a, 0x90, 0x00]),
      }),
      400,
    );
    expect(program.issues).toMatchObject([
      {
        field: 'file',
        code: 'attachment_type_refused',
        params: { type: 'application/x-msdownload' },
      },
    ]);
    const big = Buffer.concat([RECEIPT, Buffer.alloc(10 * 1024 * 1024)]);
    expect(
      expectProblem(await upload(session, url, { type: 'application/pdf', body: big }), 413),
    ).toMatchObject({
      code: 'file_too_large',
      reason: 'attachment_too_large',
      params: { max: 10 },
    });
    const unknownKind = expectProblem(
      await upload(session, `/api/orders/${orderId}/documents?kind=invoice`, {
        type: 'application/pdf',
        body: RECEIPT,
      }),
      400,
    );
    expect(unknownKind.issues?.[0]).toMatchObject({ field: 'kind' });
    expect(
      ZEvidenceDocumentList.parse(
        (await get(session, `/api/invoices/${invoiceId}/documents`)).json(),
      ).items,
    ).toEqual([]);
  });

  it('answers 403 to a collector, 404 for another company, 409 for altered bytes', async () => {
    const mine = await company();
    const theirs = await company();
    const collector = await company('collector');
    expectProblem(
      await upload(collector.session, `/api/orders/${collector.orderId}/documents?kind=other`, {
        type: 'application/pdf',
        body: RECEIPT,
      }),
      403,
    );
    // A collector reads the documents, as it reads the orders and invoices.
    expect(
      (await get(collector.session, `/api/orders/${collector.orderId}/documents`)).statusCode,
    ).toBe(200);

    const kept = ZEvidenceDocument.parse(
      (
        await upload(
          theirs.session,
          `/api/orders/${theirs.orderId}/documents?kind=delivery_receipt`,
          {
            type: 'application/pdf',
            body: RECEIPT,
          },
        )
      ).json(),
    );
    expectProblem(
      await upload(mine.session, `/api/orders/${theirs.orderId}/documents?kind=delivery_receipt`, {
        type: 'application/pdf',
        body: RECEIPT,
      }),
      404,
    );
    expectProblem(await get(mine.session, `/api/invoices/${theirs.invoiceId}/documents`), 404);
    expectProblem(await get(mine.session, `/api/documents/${kept.id}/file`), 404);

    await sql`UPDATE evidence_document SET content = ${Buffer.from('%PDF-1.4\n% forged\n')}
      WHERE company_id = ${theirs.ctx.companyId} AND id = ${kept.id}`.execute(http.deps.db);
    const altered = expectProblem(await get(theirs.session, `/api/documents/${kept.id}/file`), 409);
    expect(altered).toMatchObject({
      code: 'conflict',
      reason: 'evidence_document_altered',
      params: { sha256: sha256(RECEIPT) },
    });
    expect(altered.detail).toBe(
      `Le document «\u00a0document\u00a0» a été modifié après sa réception\u00a0: son contenu ne correspond plus à son SHA-256 (${sha256(RECEIPT)}), il n’est donc pas remis`,
    );
  });
});
