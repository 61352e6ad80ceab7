/**
 * Evidence documents through the real services and database (issue 12, docs/evidence.md): a
 * signed delivery receipt (a PDF made here) on an order and a purchase order on an invoice,
 * both listed from the invoice the order is linked to; downloaded byte for byte with their
 * SHA-256; the same file twice kept once; an empty file, a renamed program and a file over
 * 10 MiB refused with nothing kept; another company's order and document 404; a row altered
 * in SQL refused on download.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import { readEntityEvents } from '../../src/audit/service.ts';
import { attachDocument, getDocumentFile, listDocuments } from '../../src/credit/documents.ts';
import { receiveOrder, recordOrderEvent } from '../../src/credit/order-service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { listInvoicesByNumbers } from '../../src/ledger/service.ts';
import type { CalendarDate } from '../../src/shared/calendar-date.ts';
import {
  ConflictError,
  ForbiddenError,
  InvalidError,
  NotFoundError,
} from '../../src/shared/errors.ts';
import { openTestRuntime } from '../db.ts';
import { makeCompany, makeCustomer, makeInvoices } from '../factories.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A one-page signed delivery receipt, its dates fixed so that its bytes are the same each run. */
async function deliveryReceiptPdf(orderNumber: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const fixed = new Date('2026-03-12T09:30:00Z');
  pdf.setCreationDate(fixed);
  pdf.setModificationDate(fixed);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  page.drawText(`Bon de livraison ${orderNumber}`, { x: 50, y: 780, size: 18, font });
  page.drawText('Reçu conforme le 12/03/2026 — signé M. Martin', { x: 50, y: 740, size: 12, font });
  return pdf.save();
}

/** A company with a customer, its invoice FA-1 and order CMD-1 delivered and invoiced by FA-1. */
async function companyWithOrder(): Promise<{
  ctx: Ctx;
  orderId: string;
  invoiceId: string;
  otherInvoiceId: string;
}> {
  const { ctx } = await makeCompany(deps);
  const customer = await makeCustomer(deps, ctx);
  await makeInvoices(deps, ctx, customer.id, [
    { number: 'FA-1', issueDate: '2026-03-13', dueDate: '2026-04-30', amount: 120_000 },
    { number: 'FA-2', issueDate: '2026-03-13', dueDate: '2026-04-30', amount: 5_000 },
  ]);
  const { order } = await receiveOrder(deps, ctx, {
    customer: { id: customer.id },
    number: 'CMD-1',
    orderedOn: '2026-03-02' as CalendarDate,
    amountCents: 120_000,
    expectedDeliveryOn: null,
    specialConditions: null,
    checklist: { pricesAgreed: true, deliveryDateConfirmed: true, confirmationSent: true },
  });
  await recordOrderEvent(
    deps,
    ctx,
    { id: order.id },
    { kind: 'delivered', on: '2026-03-12' as CalendarDate },
  );
  await recordOrderEvent(
    deps,
    ctx,
    { id: order.id },
    { kind: 'invoiced', invoicedCents: 120_000, invoiceNumbers: ['FA-1'] },
  );
  const invoices = await listInvoicesByNumbers(deps.db, ctx, ['FA-1', 'FA-2']);
  const idOf = (number: string) => invoices.find((invoice) => invoice.number === number)?.id ?? '';
  return { ctx, orderId: order.id, invoiceId: idOf('FA-1'), otherInvoiceId: idOf('FA-2') };
}

describe('evidence documents', () => {
  it('keeps a delivery receipt on the order and a purchase order on the invoice, listed from the invoice', async () => {
    const { ctx, orderId, invoiceId, otherInvoiceId } = await companyWithOrder();
    const receipt = await deliveryReceiptPdf('CMD-1');
    const purchaseOrder = new TextEncoder().encode(
      'From: achats@client.test\r\nSubject: Bon de commande BC-77\r\n\r\n2 palettes de chêne\r\n',
    );

    const onOrder = await attachDocument(
      deps,
      ctx,
      { orderId },
      {
        kind: 'delivery_receipt',
        fileName: 'C:\\fakepath\\BL CMD-1 signé.pdf',
        contentType: 'Application/PDF',
        bytes: receipt,
        note: '  Réserves sur 1 palette  ',
      },
    );
    expect(onOrder.isNew).toBe(true);
    expect(onOrder.document).toMatchObject({
      orderId,
      invoiceId: null,
      kind: 'delivery_receipt',
      fileName: 'BL CMD-1 signé.pdf',
      contentType: 'application/pdf',
      sizeBytes: receipt.length,
      sha256: sha256(receipt),
      uploadedBy: { id: null, name: 'tester' },
      note: 'Réserves sur 1 palette',
    });
    // The tests' clock is stopped: the second document is told apart by its time-ordered id.
    const onInvoice = await attachDocument(
      deps,
      ctx,
      { invoiceId },
      {
        kind: 'purchase_order',
        fileName: 'BC-77.eml',
        contentType: 'message/rfc822',
        bytes: purchaseOrder,
      },
    );
    expect(onInvoice.document).toMatchObject({ invoiceId, orderId: null, note: null });

    const fromInvoice = await listDocuments(deps, ctx, { invoiceId });
    expect(fromInvoice.map((document) => [document.kind, document.id])).toEqual([
      ['purchase_order', onInvoice.document.id],
      ['delivery_receipt', onOrder.document.id],
    ]);
    expect(fromInvoice[1]).toEqual(onOrder.document);
    expect((await listDocuments(deps, ctx, { orderId })).map((document) => document.id)).toEqual([
      onOrder.document.id,
    ]);
    // An invoice the order is not linked to has none of its documents.
    expect(await listDocuments(deps, ctx, { invoiceId: otherInvoiceId })).toEqual([]);

    const file = await getDocumentFile(deps, ctx, onOrder.document.id);
    expect(Buffer.from(file.content).equals(Buffer.from(receipt))).toBe(true);
    expect(sha256(file.content)).toBe(onOrder.document.sha256);
    expect(file.document).toEqual(onOrder.document);
    const mail = await getDocumentFile(deps, ctx, onInvoice.document.id);
    expect(new TextDecoder().decode(mail.content)).toContain('Bon de commande BC-77');

    const events = await readEntityEvents(
      deps.db,
      ctx,
      [
        { entityType: 'sales_order', entityId: orderId },
        { entityType: 'invoice', entityId: invoiceId },
      ],
      10,
    );
    expect(
      events
        .filter((event) => event.action === 'document.attached')
        .map((event) => [event.entityType, event.data]),
    ).toEqual([
      [
        'invoice',
        {
          number: 'FA-1',
          documentId: onInvoice.document.id,
          kind: 'purchase_order',
          fileName: 'BC-77.eml',
          contentType: 'message/rfc822',
          sizeBytes: purchaseOrder.length,
          sha256: sha256(purchaseOrder),
        },
      ],
      [
        'sales_order',
        {
          number: 'CMD-1',
          documentId: onOrder.document.id,
          kind: 'delivery_receipt',
          fileName: 'BL CMD-1 signé.pdf',
          contentType: 'application/pdf',
          sizeBytes: receipt.length,
          sha256: sha256(receipt),
        },
      ],
    ]);
  });

  it('keeps the same file once per target and kind, and again as another kind', async () => {
    const { ctx, orderId } = await companyWithOrder();
    const receipt = await deliveryReceiptPdf('CMD-1');
    const attach = (kind: 'delivery_receipt' | 'other', fileName: string) =>
      attachDocument(
        deps,
        ctx,
        { orderId },
        { kind, fileName, contentType: 'application/pdf', bytes: receipt },
      );
    const first = await attach('delivery_receipt', 'BL.pdf');
    const again = await attach('delivery_receipt', 'BL (1).pdf');
    expect(again).toEqual({ document: first.document, isNew: false });
    const other = await attach('other', 'BL.pdf');
    expect(other.isNew).toBe(true);
    expect((await listDocuments(deps, ctx, { orderId })).map((document) => document.id)).toEqual([
      other.document.id,
      first.document.id,
    ]);
    const events = await readEntityEvents(
      deps.db,
      ctx,
      [{ entityType: 'sales_order', entityId: orderId }],
      20,
    );
    expect(events.filter((event) => event.action === 'document.attached')).toHaveLength(2);
  });

  it.each([
    ['an empty file', 'application/pdf', new Uint8Array(), 'attachment_empty'],
    [
      'a program renamed as a PDF',
      'application/pdf',
      Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
      'attachment_content_mismatch',
    ],
    [
      'a program renamed as a text',
      'text/plain',
      Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
      'attachment_content_mismatch',
    ],
    [
      'a program as itself',
      'application/x-msdownload',
      Uint8Array.from([0x4d, 0x5a, 0x90, 0x00]),
      'attachment_type_refused',
    ],
    [
      'a PDF one byte over 10 MiB',
      'application/pdf',
      (() => {
        const big = new Uint8Array(10 * 1024 * 1024 + 1);
        big.set(new TextEncoder().encode('%PDF-1.7\n'));
        return big;
      })(),
      'attachment_too_large',
    ],
  ])('refuses %s with nothing kept', async (_name, contentType, bytes, code) => {
    const { ctx, orderId, invoiceId } = await companyWithOrder();
    const refused = attachDocument(
      deps,
      ctx,
      { orderId },
      { kind: 'delivery_receipt', fileName: 'BL.pdf', contentType, bytes },
    );
    await expect(refused).rejects.toBeInstanceOf(InvalidError);
    await expect(refused).rejects.toMatchObject({
      reason: 'evidence_document_refused',
      issues: [{ field: 'file', code }],
    });
    expect(await listDocuments(deps, ctx, { invoiceId })).toEqual([]);
    const events = await readEntityEvents(
      deps.db,
      ctx,
      [{ entityType: 'sales_order', entityId: orderId }],
      20,
    );
    expect(events.filter((event) => event.action === 'document.attached')).toEqual([]);
  });

  it('refuses a note over 1 000 characters, and staff who may not write the target', async () => {
    const { ctx, orderId, invoiceId } = await companyWithOrder();
    const receipt = await deliveryReceiptPdf('CMD-1');
    const file = {
      kind: 'delivery_receipt' as const,
      fileName: 'BL.pdf',
      contentType: 'application/pdf',
      bytes: receipt,
    };
    await expect(
      attachDocument(deps, ctx, { orderId }, { ...file, note: 'x'.repeat(1001) }),
    ).rejects.toMatchObject({
      reason: 'evidence_document_refused',
      issues: [{ field: 'note', code: 'evidence_note_too_long', params: { max: 1000 } }],
    });
    const collector: Ctx = { ...ctx, role: 'collector' };
    await expect(attachDocument(deps, collector, { orderId }, file)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(attachDocument(deps, collector, { invoiceId }, file)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    // Reading is every staff role's, as the order and the invoice are.
    expect(await listDocuments(deps, { ...ctx, role: 'read_only' }, { invoiceId })).toEqual([]);
  });

  it("answers 404 for another company's order, invoice and document", async () => {
    const mine = await companyWithOrder();
    const theirs = await companyWithOrder();
    const receipt = await deliveryReceiptPdf('CMD-1');
    const file = {
      kind: 'delivery_receipt' as const,
      fileName: 'BL.pdf',
      contentType: 'application/pdf',
      bytes: receipt,
    };
    const kept = await attachDocument(deps, theirs.ctx, { orderId: theirs.orderId }, file);

    await expect(
      attachDocument(deps, mine.ctx, { orderId: theirs.orderId }, file),
    ).rejects.toMatchObject({ reason: 'sales_order_not_found' });
    await expect(
      attachDocument(deps, mine.ctx, { invoiceId: theirs.invoiceId }, file),
    ).rejects.toMatchObject({ reason: 'invoice_not_found' });
    await expect(listDocuments(deps, mine.ctx, { orderId: theirs.orderId })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      listDocuments(deps, mine.ctx, { invoiceId: theirs.invoiceId }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDocumentFile(deps, mine.ctx, kept.document.id)).rejects.toMatchObject({
      code: 'not_found',
      reason: 'evidence_document_not_found',
    });
    expect(await listDocuments(deps, mine.ctx, { orderId: mine.orderId })).toEqual([]);
  });

  it('refuses to hand out a document whose bytes were altered in the database', async () => {
    const { ctx, orderId } = await companyWithOrder();
    const receipt = await deliveryReceiptPdf('CMD-1');
    const { document } = await attachDocument(
      deps,
      ctx,
      { orderId },
      {
        kind: 'delivery_receipt',
        fileName: 'BL.pdf',
        contentType: 'application/pdf',
        bytes: receipt,
      },
    );
    const forged = await deliveryReceiptPdf('CMD-1 sans réserve');
    await sql`UPDATE evidence_document SET content = ${forged}
      WHERE company_id = ${ctx.companyId} AND id = ${document.id}`.execute(handle.db);

    const refused = getDocumentFile(deps, ctx, document.id);
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toMatchObject({
      reason: 'evidence_document_altered',
      params: { fileName: 'BL.pdf', sha256: sha256(receipt) },
    });
    // Listing still shows what was received: the SHA-256 kept is the original's.
    expect((await listDocuments(deps, ctx, { orderId }))[0]?.sha256).toBe(sha256(receipt));
  });
});
