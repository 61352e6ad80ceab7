/**
 * A department member answers a dispute through its link, without an account (issue 10):
 * the page shows the dispute (reference, customer, cause, what the customer says, the
 * invoice and its disputed part, the deadline), the collector's question and the documents;
 * the member answers with a proposal and a proof, and the collector finds both in the
 * dispute's thread.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/app/context.ts';
import type { Deps } from '../../../src/app/deps.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { addAttachment } from '../../../src/disputes/attachments.ts';
import { createDepartmentLink } from '../../../src/disputes/department-link.ts';
import { ZDisputeDetail } from '../../../src/disputes/schemas.ts';
import { openDispute } from '../../../src/disputes/service.ts';
import { addComment } from '../../../src/disputes/thread.ts';
import { listInvoices } from '../../../src/ledger/invoice-lists.ts';
import { openTestRuntime } from '../../db.ts';
import { makeCompany, makeCustomer, makeInvoices, makeUser } from '../../factories.ts';
import {
  openBrowserHarness,
  openSignedIn,
  SCREENSHOTS,
  type BrowserHarness,
} from './browser-harness.ts';

const PHONE = { width: 375, height: 667 };
const TINY_PDF =
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

let handle: DbHandle;
let deps: Deps;
let ctx: Ctx;
let browser: BrowserHarness;
let collector: { email: string; password: string };
let disputeId: string;
let reference: string;
let linkUrl: string;

beforeAll(async () => {
  // The clock is stopped at 2026-03-15 11:00 UTC.
  ({ handle, deps } = await openTestRuntime());
  ({ ctx } = await makeCompany(deps));
  collector = await makeUser(deps, ctx, 'collector');
  const customerId = (
    await makeCustomer(deps, ctx, { code: 'LEFEVRE', legalName: 'Transports Lefèvre' })
  ).id;
  await makeInvoices(deps, ctx, customerId, [
    { number: 'FA-3001', issueDate: '2026-02-02', dueDate: '2026-03-04', amount: 250_000 },
  ]);
  const { items } = await listInvoices(deps, ctx, {
    page: 1,
    pageSize: undefined,
    sort: 'number',
    order: 'asc',
  });
  const dispute = await openDispute(deps, ctx, {
    invoices: [{ invoiceId: items[0]?.id ?? '', disputedCents: 50_000 }],
    cause: 'not_delivered',
    description: 'Le client dit ne jamais avoir reçu la palette 3.',
    assignee: { name: 'Julie Martin', email: 'julie.martin@example.test' },
  });
  disputeId = dispute.id;
  reference = dispute.reference;
  await addComment(deps, ctx, disputeId, {
    body: 'Pouvez-vous retrouver le bon de livraison signé ?',
  });
  await addAttachment(deps, ctx, disputeId, {
    fileName: 'reclamation-client.pdf',
    contentType: 'application/pdf',
    bytes: new TextEncoder().encode(TINY_PDF),
  });
  browser = await openBrowserHarness(deps, { viewport: PHONE });
  ({ url: linkUrl } = await createDepartmentLink(deps, ctx, disputeId, {
    recipientName: 'Julie Martin',
    recipientEmail: 'julie.martin@example.test',
    days: 14,
    send: false,
    language: 'fr',
    publicUrl: browser.baseUrl,
  }));
});

afterAll(async () => {
  await browser?.close();
  await handle?.close();
});

/** Text as read, its no-break spaces (French « : », amounts) as plain ones. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('the department’s answer page', () => {
  it('shows the dispute and takes an answer with a proposal and a proof, which the collector then reads', async () => {
    const page = await browser.context.newPage();
    await page.goto(linkUrl);
    await page.getByTestId('dispute-answer-page').waitFor({ timeout: 20_000 });

    expect(plain(await page.getByRole('heading', { level: 1 }).textContent())).toBe(
      `Litige ${reference}`,
    );
    expect(plain(await page.getByTestId('dispute-answer-customer').textContent())).toBe(
      'Transports Lefèvre (LEFEVRE)',
    );
    expect(plain(await page.getByTestId('dispute-answer-cause').textContent())).toBe(
      'Non livré ou sans preuve de livraison',
    );
    expect(plain(await page.getByTestId('dispute-answer-amount').textContent())).toBe('500,00 €');
    expect(plain(await page.getByTestId('dispute-answer-description').textContent())).toBe(
      'Le client dit ne jamais avoir reçu la palette 3.',
    );
    // not_delivered: 7 days to answer from the 15th of March.
    expect(plain(await page.getByTestId('dispute-answer-deadline').textContent())).toBe(
      'Réponse attendue avant le 22/03/2026',
    );
    expect(plain(await page.getByTestId('dispute-answer-disputed').textContent())).toBe(
      'Contesté : 500,00 €',
    );
    expect(plain(await page.getByTestId('dispute-answer-thread').textContent())).toContain(
      'Pouvez-vous retrouver le bon de livraison signé ?',
    );
    const download = page.waitForEvent('download');
    await page.getByTestId('dispute-answer-download').first().click();
    expect((await download).suggestedFilename()).toBe('reclamation-client.pdf');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );

    await page.getByTestId('answer-send').click();
    expect(plain(await page.getByTestId('answer-refused').textContent())).toBe(
      'Écrivez votre message.',
    );
    await page
      .getByTestId('answer-message')
      .fill('Livraison faite le 03/02, bon signé par le client : la facture est due.');
    await page.getByRole('radio', { name: 'Rejeté' }).check();
    await page.getByTestId('answer-attachments-input').setInputFiles({
      name: 'bon-livraison-signe.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(TINY_PDF),
    });
    await page.getByTestId('answer-send').click();
    await page.getByTestId('dispute-answer-sent').waitFor({ timeout: 20_000 });
    expect(plain(await page.getByTestId('dispute-answer-sent').textContent())).toBe(
      'Merci : votre réponse est transmise.',
    );
    await expect
      .poll(() => page.getByTestId('dispute-answer-comment').count(), { timeout: 20_000 })
      .toBe(2);
    expect(plain(await page.getByTestId('dispute-answer-proposal').textContent())).toBe(
      'Propose : Rejeté',
    );
    expect(plain(await page.getByTestId('dispute-answer-documents').textContent())).toContain(
      'bon-livraison-signe.pdf',
    );
    await page.screenshot({ path: `${SCREENSHOTS}/dispute-answer-phone.png`, fullPage: true });
    await page.close();

    // The collector: the answer and its proof in the dispute's thread, by the API and on
    // the dispute's page.
    const staff = await browser.context.newPage();
    await staff.setViewportSize({ width: 1440, height: 900 });
    await openSignedIn(staff, browser, collector, `/disputes/${disputeId}`, 'dispute-reference');
    const detail = ZDisputeDetail.parse(
      await (await staff.request.get(`${browser.baseUrl}/api/disputes/${disputeId}`)).json(),
    );
    expect(
      detail.comments
        .filter((comment) => comment.authorKind === 'department')
        .map(({ body, proposedOutcome }) => ({ body, proposedOutcome })),
    ).toEqual([
      {
        body: 'Livraison faite le 03/02, bon signé par le client : la facture est due.',
        proposedOutcome: 'rejected',
      },
    ]);
    expect(
      detail.attachments
        .filter((attachment) => attachment.uploadedByKind === 'department')
        .map(({ fileName, contentType }) => ({ fileName, contentType })),
    ).toEqual([{ fileName: 'bon-livraison-signe.pdf', contentType: 'application/pdf' }]);
    await staff
      .getByText('Livraison faite le 03/02, bon signé par le client : la facture est due.')
      .waitFor({ timeout: 20_000 });
    await staff.screenshot({ path: `${SCREENSHOTS}/dispute-answer-seen.png`, fullPage: true });
    await staff.close();
  });
});
