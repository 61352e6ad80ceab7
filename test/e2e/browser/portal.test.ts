/**
 * The customer's portal at phone width (issue 10): a customer opens its link, sees its
 * totals and where to pay, approves an invoice, reports a problem on another (cause,
 * message, a small PDF; a file of a refused type is named before anything is sent) and
 * promises a date on a third; the collector then sees the approval and the dispute. A
 * customer written to in English finds its portal in English, with the company's causes.
 * An expired link and an altered one show the « no longer valid » page, not a crash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/app/context.ts';
import type { Deps } from '../../../src/app/deps.ts';
import { saveBankDetails } from '../../../src/companies/bank-details.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { saveCause } from '../../../src/disputes/configuration.ts';
import { assignScenario } from '../../../src/dunning/service.ts';
import { listInvoices } from '../../../src/ledger/invoice-lists.ts';
import { uploadInvoiceDocument } from '../../../src/portal/documents.ts';
import { createPortalLink } from '../../../src/portal/portal-links.ts';
import { ZInvoiceApprovalList } from '../../../src/portal/schemas.ts';
import { fixedClock } from '../../../src/shared/clock.ts';
import { openTestRuntime } from '../../db.ts';
import { makeCompany, makeCustomer, makeInvoices, makeUser } from '../../factories.ts';
import {
  openBrowserHarness,
  openSignedIn,
  SCREENSHOTS,
  type BrowserHarness,
} from './browser-harness.ts';

const PHONE = { width: 375, height: 667 };

let handle: DbHandle;
let deps: Deps;
let ctx: Ctx;
let browser: BrowserHarness;
let collector: { email: string; password: string };
let customerId: string;
let portalUrl: string;
let expiredUrl: string;

beforeAll(async () => {
  // The clock is stopped at 2026-03-15 11:00 UTC (12:00 in Paris).
  ({ handle, deps } = await openTestRuntime());
  ({ ctx } = await makeCompany(deps));
  collector = await makeUser(deps, ctx, 'collector');
  customerId = (await makeCustomer(deps, ctx, { code: 'MARTIN', legalName: 'Garage Martin' })).id;
  await makeInvoices(deps, ctx, customerId, [
    { number: 'FA-2001', issueDate: '2026-02-01', dueDate: '2026-03-03', amount: 120_000 },
    { number: 'FA-2002', issueDate: '2026-02-10', dueDate: '2026-03-12', amount: 45_050 },
    { number: 'FA-2003', issueDate: '2026-03-01', dueDate: '2026-03-31', amount: 80_000 },
  ]);
  await saveBankDetails(deps, ctx, {
    accountHolder: 'Menuiseries Dupont SAS',
    iban: 'FR7630006000011234567890189',
    bic: 'AGRIFRPP',
    bankName: 'Crédit Agricole',
  });
  const { items } = await listInvoices(deps, ctx, {
    page: 1,
    pageSize: undefined,
    sort: 'number',
    order: 'asc',
  });
  const first = items.find((invoice) => invoice.number === 'FA-2001');
  await uploadInvoiceDocument(deps, ctx, first?.id ?? '', {
    fileName: 'FA-2001.pdf',
    contentType: 'application/pdf',
    bytes: new TextEncoder().encode(TINY_PDF),
  });
  browser = await openBrowserHarness(deps, { viewport: PHONE });
  ({ url: portalUrl } = await createPortalLink(deps, ctx, {
    customerId,
    publicUrl: browser.baseUrl,
  }));
  // Made on 1 January for a day: long expired on the 15th of March.
  ({ url: expiredUrl } = await createPortalLink(
    { ...deps, clock: fixedClock(new Date('2026-01-01T09:00:00Z')) },
    ctx,
    { customerId, days: 1, publicUrl: browser.baseUrl },
  ));
});

afterAll(async () => {
  await browser?.close();
  await handle?.close();
});

/** Text as read, its no-break spaces (French « : », amounts) as plain ones. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

const TINY_PDF =
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

describe('the customer portal at phone width', () => {
  it('shows the account, then records an approval, a problem and a promise that the collector sees', async () => {
    const page = await browser.context.newPage();
    await page.goto(portalUrl);
    await page.getByTestId('portal-page').waitFor({ timeout: 20_000 });

    expect(plain(await page.getByTestId('link-page-company').textContent())).toBe(
      'Menuiseries Dupont SAS',
    );
    expect(plain(await page.getByTestId('portal-customer').textContent())).toBe(
      'Compte de Garage Martin (MARTIN)',
    );
    expect(plain(await page.getByTestId('portal-total-open').textContent())).toBe('2 450,50 €');
    expect(plain(await page.getByTestId('portal-total-overdue').textContent())).toBe('1 650,50 €');
    expect(plain(await page.getByTestId('bank-iban').textContent())).toBe(
      'FR76 3000 6000 0112 3456 7890 189',
    );
    expect(plain(await page.getByTestId('bank-bic').textContent())).toBe('AGRIFRPP');
    expect(await page.getByTestId('portal-item').count()).toBe(3);
    const firstCard = page.locator('[data-testid="portal-item"][data-number="FA-2001"]');
    expect(plain(await firstCard.getByTestId('item-due').textContent())).toBe(
      'Échéance le 03/03/2026',
    );
    expect(plain(await firstCard.getByTestId('item-late').textContent())).toBe(
      '12 jours de retard',
    );
    expect(await firstCard.getByTestId('item-pdf').count()).toBe(1);
    const secondCard = page.locator('[data-testid="portal-item"][data-number="FA-2002"]');
    expect(await secondCard.getByTestId('item-pdf').count()).toBe(0);
    // Nothing sideways at phone width: the page is as wide as the screen.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );

    // The words change at once with the switch, and back.
    await page.getByText('EN', { exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Your customer account');
    expect(plain(await firstCard.getByTestId('item-approve').textContent())).toBe(
      'I approve this invoice',
    );
    await page.getByText('FR', { exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Votre compte client');

    // A selection: its open total, its actions; « Je paierai le… » starts from that total.
    const thirdCard = page.locator('[data-testid="portal-item"][data-number="FA-2003"]');
    await firstCard.getByTestId('item-select').check();
    await thirdCard.getByTestId('item-select').check();
    expect(plain(await page.getByTestId('selection-summary').textContent())).toBe(
      '2 factures choisies : 2 000,00 €',
    );
    expect(plain(await page.getByTestId('selection-approve').textContent())).toBe(
      'J’approuve ces 2 factures',
    );
    await page.getByTestId('selection-promise').click();
    expect(await page.getByTestId('promise-amount').inputValue()).toBe('2000,00');
    await page.getByRole('button', { name: 'Annuler' }).click();
    await page.getByRole('button', { name: 'Tout décocher' }).click();
    expect(await page.getByTestId('selection-bar').count()).toBe(0);

    // « J'approuve cette facture » on FA-2001.
    await firstCard.getByTestId('item-approve').click();
    await firstCard.getByTestId('item-approved').waitFor({ timeout: 20_000 });
    expect(plain(await firstCard.getByTestId('item-approved').textContent())).toBe(
      'Approuvée le 15/03/2026 12:00',
    );
    expect(await firstCard.getByTestId('item-approve').count()).toBe(0);

    // « Il y a un problème » on FA-2002: a GIF is refused at once, a PDF goes with it.
    await secondCard.getByTestId('item-problem').click();
    await page.getByTestId('problem-cause').waitFor();
    await page.getByTestId('problem-send').click();
    expect(plain(await page.getByTestId('problem-refused').textContent())).toBe(
      'Choisissez le problème.',
    );
    await page.getByTestId('problem-cause').selectOption('quantity');
    await page.getByTestId('problem-message').fill('Nous avons reçu 8 palettes et non 10.');
    await page.getByTestId('problem-attachments-input').setInputFiles({
      name: 'photo.gif',
      mimeType: 'image/gif',
      buffer: Buffer.from('GIF89a'),
    });
    expect(plain(await page.getByTestId('problem-attachments-refused').textContent())).toBe(
      '« photo.gif » ne peut pas être joint : PDF, PNG, JPEG seulement.',
    );
    expect(await page.getByTestId('problem-attachments-file').count()).toBe(0);
    await page.getByTestId('problem-attachments-input').setInputFiles({
      name: 'bon-de-livraison.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(TINY_PDF),
    });
    expect(plain(await page.getByTestId('problem-attachments-file').textContent())).toContain(
      'bon-de-livraison.pdf',
    );
    await page.getByTestId('problem-send').click();
    await secondCard.getByTestId('item-dispute').waitFor({ timeout: 20_000 });
    const disputeLine = plain(await secondCard.getByTestId('item-dispute').textContent());
    expect(disputeLine).toMatch(/^Litige LIT-\d{6} : ouvert$/);
    const reference = /LIT-\d{6}/.exec(disputeLine)?.[0] ?? '';
    expect(plain(await page.getByTestId('portal-feedback').textContent())).toBe(
      `Merci : le litige ${reference} est ouvert. Nous revenons vers vous rapidement.`,
    );
    expect(await secondCard.getByTestId('item-problem').count()).toBe(0);

    // « Je paierai le … » on FA-2003: a past day is refused, then the 31st of March.
    await thirdCard.getByTestId('item-promise').click();
    await page.getByTestId('promise-date').waitFor();
    expect(await page.getByTestId('promise-amount').inputValue()).toBe('800,00');
    expect(await page.getByTestId('promise-date').getAttribute('min')).toBe('2026-03-15');
    await page.getByTestId('promise-date').fill('2026-03-01');
    await page.getByTestId('promise-save').click();
    expect(plain(await page.getByTestId('promise-refused').textContent())).toBe(
      'Choisissez aujourd’hui ou une date à venir.',
    );
    await page.getByTestId('promise-date').fill('2026-03-31');
    await page.getByTestId('promise-save').click();
    await thirdCard.getByTestId('item-promised').waitFor({ timeout: 20_000 });
    expect(plain(await thirdCard.getByTestId('item-promised').textContent())).toBe(
      'Paiement prévu le 31/03/2026 : 800,00 €',
    );
    await page.screenshot({ path: `${SCREENSHOTS}/portal-phone.png`, fullPage: true });
    await page.close();

    // The collector: the approval on the customer's history and through the API, the
    // dispute on the board.
    const staff = await browser.context.newPage();
    await staff.setViewportSize({ width: 1440, height: 900 });
    await openSignedIn(
      staff,
      browser,
      collector,
      `/customers/${customerId}?tab=timeline`,
      'timeline-event',
    );
    await expect
      .poll(async () => (await staff.getByTestId('timeline-event').allTextContents()).join(' | '), {
        timeout: 20_000,
      })
      .toContain('Facture approuvée par le client');
    const approvals = ZInvoiceApprovalList.parse(
      await (
        await staff.request.get(`${browser.baseUrl}/api/customers/${customerId}/invoice-approvals`)
      ).json(),
    );
    expect(approvals.items.map(({ number, approvedAt }) => ({ number, approvedAt }))).toEqual([
      { number: 'FA-2001', approvedAt: '2026-03-15T11:00:00.000Z' },
    ]);
    await staff.goto(`${browser.baseUrl}/disputes`);
    const card = staff.getByTestId('dispute-card').filter({ hasText: reference });
    await card.waitFor({ timeout: 20_000 });
    expect(plain(await card.getByTestId('dispute-card-customer').textContent())).toContain(
      'Garage Martin',
    );
    await staff.screenshot({ path: `${SCREENSHOTS}/portal-dispute-on-board.png`, fullPage: true });
    await staff.close();
  });

  it('opens in the language the company writes to the customer in, with the company’s causes', async () => {
    const english = await makeCustomer(deps, ctx, { code: 'SMITH', legalName: 'Smith Ltd' });
    await makeInvoices(deps, ctx, english.id, [
      { number: 'FA-3001', issueDate: '2026-02-01', dueDate: '2026-03-03', amount: 10_000 },
    ]);
    await assignScenario(deps, ctx, english.id, {
      scenarioId: null,
      manualFollowUp: false,
      language: 'en',
    });
    await saveCause(deps, ctx, 'pallets', { label: 'Pallets not taken back', deadlineDays: 10 });
    const { url } = await createPortalLink(deps, ctx, {
      customerId: english.id,
      publicUrl: browser.baseUrl,
    });
    const page = await browser.context.newPage();
    await page.goto(url);
    // A reader who never chose a language on this browser.
    await page.evaluate("window.localStorage.removeItem('encaisse.language')");
    await page.reload();
    await page.getByTestId('portal-page').waitFor({ timeout: 20_000 });
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Your customer account');
    await page.getByTestId('item-problem').click();
    await page.getByTestId('problem-cause').waitFor();
    const causes = await page.getByTestId('problem-cause').locator('option').allTextContents();
    expect(causes.at(-1)).toBe('Pallets not taken back');
    expect(causes).toHaveLength(1 + 12);
    await page.getByRole('button', { name: 'Cancel' }).click();
    // The reader's own choice wins, and is kept.
    await page.getByText('FR', { exact: true }).click();
    await page.reload();
    await page.getByTestId('portal-page').waitFor({ timeout: 20_000 });
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Votre compte client');
    await page.close();
  });

  it('shows a clear page for an expired link and for an altered one', async () => {
    const page = await browser.context.newPage();
    await page.goto(expiredUrl);
    await page.getByTestId('dead-link').waitFor({ timeout: 20_000 });
    expect(plain(await page.getByTestId('dead-link-reason').textContent())).toBe(
      'Ce lien a expiré.',
    );
    expect(plain(await page.getByTestId('dead-link').textContent())).toContain(
      'Ce lien n’est plus valable',
    );
    await page.screenshot({ path: `${SCREENSHOTS}/portal-expired.png`, fullPage: true });

    const altered = portalUrl.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    await page.goto(altered);
    await page.reload();
    await page.getByTestId('dead-link').waitFor({ timeout: 20_000 });
    expect(plain(await page.getByTestId('dead-link-reason').textContent())).toBe(
      'Ce lien est incomplet ou inconnu.',
    );
    await page.close();
  });
});
