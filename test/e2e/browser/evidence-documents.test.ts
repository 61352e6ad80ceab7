/**
 * The evidence of an invoice (issue 12, docs/evidence.md): order CMD-2026-0101 of 2 400,00 €
 * is received from the ERP, delivered on 06/03/2026 and invoiced as FA-2026-0101. From the
 * customer's « Crédit » tab a credit manager finds it under « Commandes » (invoiced, nothing
 * left to invoice, the confirmation to the customer not sent) and attaches its signed
 * delivery receipt, a PDF; the same file again is kept once. On the invoice's page it is
 * under « Justificatifs », as a signed delivery receipt of order CMD-2026-0101, and the file
 * downloaded hashes to the SHA-256 shown. A GIF is refused in words.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../src/app/deps.ts';
import { listDocuments } from '../../../src/credit/documents.ts';
import { receiveOrder, recordOrderEvent } from '../../../src/credit/order-service.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { listInvoices } from '../../../src/ledger/invoice-lists.ts';
import type { CalendarDate } from '../../../src/shared/calendar-date.ts';
import { cents, currencyCode, formatMoney } from '../../../src/shared/money.ts';
import { shortSha256 } from '../../../web/src/features/credit/documents-model.ts';
import { openTestRuntime } from '../../db.ts';
import { makeCompany, makeCustomer, makeInvoices, makeUser } from '../../factories.ts';
import {
  openBrowserHarness,
  plainText,
  openSignedIn,
  SCREENSHOTS,
  type BrowserHarness,
} from './browser-harness.ts';

let handle: DbHandle;
let deps: Deps;
let browser: BrowserHarness;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
  browser = await openBrowserHarness(deps);
});

afterAll(async () => {
  await browser?.close();
  await handle?.close();
});

/** Text as read, every run of spaces (the no-break ones of French amounts too) as one. */
/** An amount as the app writes it in French (its own formatter), spaces made plain like `plainText`. */
const euros = (amountCents: number) =>
  plainText(formatMoney(cents(amountCents), currencyCode('EUR'), 'fr'));
const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A one-page signed delivery receipt, its dates fixed so that its bytes are the same each run. */
async function deliveryReceipt(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const at = new Date('2026-03-06T16:30:00Z');
  pdf.setCreationDate(at);
  pdf.setModificationDate(at);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  page.drawText('Bon de livraison BL-2026-0101 - commande CMD-2026-0101', { x: 50, y: 780, font });
  page.drawText('Recu le 06/03/2026, signe : M. Martin', { x: 50, y: 750, font });
  return pdf.save();
}

/** A company of its own: a credit manager, a customer, its invoice and its order, invoiced. */
async function invoicedOrder() {
  const { ctx } = await makeCompany(deps);
  const manager = await makeUser(deps, ctx, 'credit_manager');
  const customer = await makeCustomer(deps, ctx, {
    code: 'MARTIN',
    legalName: 'Boulangerie Martin',
  });
  await makeInvoices(deps, ctx, customer.id, [
    { number: 'FA-2026-0101', issueDate: '2026-03-09', dueDate: '2026-04-08', amount: 240_000 },
  ]);
  const { items } = await listInvoices(deps, ctx, {
    page: 1,
    pageSize: undefined,
    sort: 'number',
    order: 'asc',
  });
  const invoiceId = items[0]?.id ?? '';
  const { order } = await receiveOrder(deps, ctx, {
    customer: { id: customer.id },
    number: 'CMD-2026-0101',
    orderedOn: '2026-03-02' as CalendarDate,
    amountCents: 240_000,
    expectedDeliveryOn: '2026-03-06' as CalendarDate,
    specialConditions: null,
    checklist: { pricesAgreed: true, deliveryDateConfirmed: true, confirmationSent: false },
  });
  await recordOrderEvent(
    deps,
    ctx,
    { id: order.id },
    { kind: 'delivered', on: '2026-03-06' as CalendarDate },
  );
  await recordOrderEvent(
    deps,
    ctx,
    { id: order.id },
    { kind: 'invoiced', invoicedCents: 240_000, invoiceNumbers: ['FA-2026-0101'] },
  );
  return { ctx, manager, customerId: customer.id, invoiceId, orderId: order.id };
}

describe('a signed delivery receipt', () => {
  it('is attached to its order from the Crédit tab and found, intact, under the invoice’s Justificatifs', async () => {
    const { ctx, manager, customerId, invoiceId, orderId } = await invoicedOrder();
    const receipt = await deliveryReceipt();
    const fileName = 'BL CMD-2026-0101 signé.pdf';
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await openSignedIn(
      page,
      browser,
      manager,
      `/customers/${customerId}?tab=credit`,
      'credit-orders',
    );

    const row = page.getByTestId('credit-order-row').filter({ hasText: 'CMD-2026-0101' });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.getByTestId('credit-order-status').textContent()).toBe('Facturée');
    expect(plainText(await row.getByTestId('credit-order-amount').textContent())).toBe(
      euros(240_000),
    );
    expect(plainText(await row.getByTestId('credit-order-remaining').textContent())).toBe(euros(0));
    expect(plainText(await row.getByTestId('credit-order-invoiced').textContent())).toBe(
      euros(240_000),
    );
    expect(await row.getByTestId('credit-order-delivered').textContent()).toBe('06/03/2026');
    expect(await row.getByTestId('credit-order-reason').textContent()).toBe('—');
    const checks = row.getByTestId('credit-order-check');
    expect(
      await checks.evaluateAll((icons) => icons.map((icon) => icon.getAttribute('aria-label'))),
    ).toEqual([
      'Prix et conditions acceptés : fait',
      'Date de livraison confirmée réalisable : fait',
      'Confirmation envoyée au client : manquant',
    ]);

    await row.getByTestId('credit-order-documents-toggle').click();
    const documents = page.getByTestId('credit-order-documents');
    await documents.getByTestId('credit-order-documents-empty').waitFor({ timeout: 20_000 });
    await documents.getByTestId('document-upload-note').fill('Signé par M. Martin, sans réserve');
    const upload = async () =>
      documents.locator('input[type="file"]').setInputFiles({
        name: fileName,
        mimeType: 'application/pdf',
        buffer: Buffer.from(receipt),
      });
    await upload();
    const outcome = documents.getByTestId('document-upload-outcome');
    await outcome.waitFor({ timeout: 20_000 });
    expect(await outcome.textContent()).toBe(`« ${fileName} » est conservé.`);
    const kept = documents.getByTestId('document-row');
    await kept.waitFor({ timeout: 20_000 });
    expect(await kept.getByTestId('document-kind').textContent()).toBe('Bon de livraison signé');
    expect(await kept.getByTestId('document-note').textContent()).toBe(
      'Signé par M. Martin, sans réserve',
    );
    await page.screenshot({ path: `${SCREENSHOTS}/credit-order-documents.png`, fullPage: true });

    // The same file again, as the same kind: kept once, and said so.
    await upload();
    await expect
      .poll(() => outcome.textContent(), { timeout: 20_000 })
      .toBe(`« ${fileName} » était déjà conservé : rien n’a été ajouté.`);
    expect(await documents.getByTestId('document-row').count()).toBe(1);
    const stored = await listDocuments(deps, ctx, { orderId });
    expect(stored.map((document) => [document.kind, document.fileName, document.sha256])).toEqual([
      ['delivery_receipt', fileName, sha256Of(receipt)],
    ]);

    await page.goto(`${browser.baseUrl}/invoices/${invoiceId}`);
    const panel = page.getByTestId('invoice-documents');
    const evidence = panel.getByTestId('document-row');
    await evidence.waitFor({ timeout: 20_000 });
    expect(await evidence.count()).toBe(1);
    expect(await evidence.getByTestId('document-kind').textContent()).toBe(
      'Bon de livraison signé',
    );
    await expect
      .poll(() => evidence.getByTestId('document-origin').textContent(), { timeout: 20_000 })
      .toBe('Commande CMD-2026-0101');
    const shown = evidence.getByTestId('document-sha256');
    const fullSha = (await shown.getAttribute('data-sha256')) ?? '';
    expect(await shown.textContent()).toBe(shortSha256(fullSha));
    await page.screenshot({ path: `${SCREENSHOTS}/invoice-documents.png`, fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      evidence.getByTestId('document-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe(fileName);
    const bytes = readFileSync(await download.path());
    expect(sha256Of(bytes)).toBe(fullSha);
    expect(fullSha).toBe(sha256Of(receipt));

    // A type the evidence may not be: refused, said in words, nothing kept.
    await panel.locator('input[type="file"]').setInputFiles({
      name: 'tampon.gif',
      mimeType: 'image/gif',
      buffer: Buffer.from('GIF89a\x01\x00\x01\x00'),
    });
    const problem = panel.getByTestId('document-upload-problem');
    await problem.waitFor({ timeout: 20_000 });
    expect(plainText(await problem.innerText())).toBe(
      'Le fichier n’a pas été ajouté Le document ne peut pas être conservé : Un fichier de type image/gif ne peut pas être joint : PDF, PNG, JPEG, texte ou e-mail (.eml) seulement',
    );
    expect(await listDocuments(deps, ctx, { invoiceId })).toHaveLength(1);
    await page.close();
  });
});
