/**
 * A collector's dispute from start to end (issue 10): a department is set up, a partial
 * dispute is opened from an invoice's page, it shows on the board in « Ouvert » with the
 * amount held back, it is routed to the department (« Attente service »), the department's
 * link is made (its URL shown once), and it is resolved as rejected (« Résolu »).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../src/app/deps.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { listInvoices } from '../../../src/ledger/invoice-lists.ts';
import { openTestRuntime } from '../../db.ts';
import { makeCompany, makeCustomer, makeInvoices, makeUser } from '../../factories.ts';
import {
  openBrowserHarness,
  openSignedIn,
  SCREENSHOTS,
  type BrowserHarness,
} from './browser-harness.ts';

let handle: DbHandle;
let deps: Deps;
let browser: BrowserHarness;
let user: { email: string; password: string };
let invoiceId: string;

const text = async (locator: { textContent: () => Promise<string | null> }) =>
  ((await locator.textContent()) ?? '').replace(/\s/g, ' ').trim();

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
  const { ctx } = await makeCompany(deps);
  user = await makeUser(deps, ctx, 'collector');
  const customer = await makeCustomer(deps, ctx, { code: 'ROUX', legalName: 'Boulangerie Roux' });
  await makeInvoices(deps, ctx, customer.id, [
    { number: 'FA-0201', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 245_000 },
    { number: 'FA-0202', issueDate: '2026-01-06', dueDate: '2026-02-05', amount: 12_000 },
  ]);
  const { items } = await listInvoices(deps, ctx, {
    page: 1,
    pageSize: undefined,
    sort: 'number',
    order: 'asc',
  });
  invoiceId = items[0]?.id ?? '';
  browser = await openBrowserHarness(deps);
});

afterAll(async () => {
  await browser?.close();
  await handle?.close();
});

describe('the dispute board', () => {
  it('follows a partial dispute from the invoice to its rejection', async () => {
    const page = await browser.context.newPage();

    // A department to route to, with the person who answers by default.
    await openSignedIn(page, browser, user, '/disputes?tab=settings', 'department-new');
    const form = page.getByTestId('department-new');
    await form.getByTestId('department-code').fill('logistique');
    await form.getByTestId('department-name').fill('Logistique');
    await form.getByTestId('department-assignee-name').fill('Paul Martin');
    await form.getByTestId('department-assignee-email').fill('paul.martin@example.test');
    await form.getByTestId('department-save').click();
    await page.getByTestId('department-row').first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${SCREENSHOTS}/disputes-settings.png`, fullPage: true });

    // A partial dispute from the invoice's page: 1 200,50 € of FA-0201, for its quality.
    await page.goto(`${browser.baseUrl}/invoices/${invoiceId}`);
    await page.getByTestId('dispute-raise').click();
    const dialog = page.getByTestId('open-dispute-form');
    const row = dialog.getByTestId('open-dispute-invoice').filter({ hasText: 'FA-0201' });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.getByTestId('open-dispute-invoice-tick').isChecked()).toBe(true);
    await row.getByTestId('open-dispute-part').fill('1 200,50');
    await dialog.getByTestId('open-dispute-cause').selectOption('quality');
    await dialog.getByTestId('open-dispute-description').fill('Croissants livrés écrasés');
    await page.getByTestId('open-dispute-save').click();

    const panel = page.getByTestId('invoice-dispute');
    await panel.waitFor({ timeout: 20_000 });
    const reference = await text(page.getByTestId('invoice-dispute-reference'));
    expect(reference).toMatch(/^LIT-\d{6}$/);
    expect(await text(page.getByTestId('dispute-badge'))).toBe('En litige');
    expect(await text(page.getByTestId('invoice-dispute-cause'))).toBe('Qualité');
    expect(await text(page.getByTestId('invoice-dispute-part'))).toBe(
      'Part contestée : 1 200,50 €',
    );
    expect(await text(panel.getByTestId('dispute-status'))).toBe('Ouvert');
    await page.screenshot({ path: `${SCREENSHOTS}/disputes-invoice.png`, fullPage: true });

    // The board: in « Ouvert », the part held back, the cause, no department yet.
    await page.goto(`${browser.baseUrl}/disputes`);
    const openCard = page
      .getByTestId('dispute-column-open')
      .getByTestId('dispute-card')
      .filter({ hasText: reference });
    await openCard.waitFor({ timeout: 20_000 });
    expect(await text(openCard.getByTestId('dispute-card-amount'))).toBe('1 200,50 €');
    expect(await text(openCard.getByTestId('dispute-card-customer'))).toBe('Boulangerie Roux ROUX');
    expect(await text(openCard.getByTestId('dispute-card-cause'))).toBe('Qualité · Aucun service');
    await page.screenshot({ path: `${SCREENSHOTS}/disputes-board.png`, fullPage: true });

    // Routed to the department: its default assignee fills in, the status moves.
    await openCard.getByTestId('dispute-card-reference').click();
    await page.getByTestId('dispute-routing').waitFor({ timeout: 20_000 });
    expect(await text(page.getByTestId('dispute-held-back'))).toContain('1 200,50 €');
    await page.getByTestId('dispute-routing-department').selectOption({ label: 'Logistique' });
    expect(await page.getByTestId('dispute-routing-email').inputValue()).toBe(
      'paul.martin@example.test',
    );
    await page.getByTestId('dispute-routing-status').selectOption('waiting_department');
    await page.getByTestId('dispute-routing-save').click();
    await expect
      .poll(() => text(page.getByTestId('dispute-status').first()), { timeout: 20_000 })
      .toBe('Attente service');
    expect(await text(page.getByTestId('dispute-department'))).toContain('Logistique');
    await page.screenshot({ path: `${SCREENSHOTS}/disputes-routed.png`, fullPage: true });

    // The reports: what is blocked, and the open dispute in the charts by cause and department.
    const disputeUrl = page.url();
    await page.goto(`${browser.baseUrl}/disputes?tab=reports`);
    await page.getByTestId('report-blocked').waitFor({ timeout: 20_000 });
    expect(await text(page.getByTestId('report-blocked-amount'))).toBe('1 200,50 €');
    const byCause = page.getByTestId('report-open-by-cause').getByTestId('report-bar');
    expect(await text(byCause.getByTestId('report-bar-label'))).toBe('Qualité');
    expect(await text(byCause.getByTestId('report-bar-figures'))).toBe('1 · 1 200,50 €');
    const byDepartment = page.getByTestId('report-open-by-department').getByTestId('report-bar');
    expect(await text(byDepartment.getByTestId('report-bar-label'))).toBe('Logistique');
    expect(await text(byDepartment.getByTestId('report-bar-figures'))).toBe('1 · 1 200,50 €');
    await page.locator('.recharts-bar-rectangle').first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${SCREENSHOTS}/disputes-reports.png`, fullPage: true });
    await page.goto(disputeUrl);
    await page.getByTestId('dispute-routing').waitFor({ timeout: 20_000 });

    // The department's link: made for the assignee, its URL shown once.
    await page.getByTestId('dispute-send-link').click();
    await page.getByTestId('dispute-link-confirm').click();
    const url = page.getByTestId('dispute-link-url');
    await url.waitFor({ timeout: 20_000 });
    expect(await text(url)).toMatch(/\/reponse#.{20,}$/);
    await page.screenshot({ path: `${SCREENSHOTS}/disputes-link.png`, fullPage: true });
    await page.getByTestId('dispute-link-done').click();
    await page.getByTestId('dispute-link').first().waitFor({ timeout: 20_000 });

    // Rejected: the customer must pay.
    await page.getByTestId('dispute-resolve').click();
    await page.getByTestId('dispute-resolve-rejected').check();
    await page.getByTestId('dispute-resolve-note').fill('Bon de livraison signé sans réserve');
    await page.getByTestId('dispute-resolve-confirm').click();
    await page.getByTestId('dispute-outcome').waitFor({ timeout: 20_000 });
    expect(await text(page.getByTestId('dispute-outcome-badge'))).toBe('Rejeté');
    expect(await text(page.getByTestId('dispute-status').first())).toBe('Résolu');
    expect(await text(page.getByTestId('dispute-resolution-note'))).toBe(
      'Bon de livraison signé sans réserve',
    );
    await expect
      .poll(() => page.getByTestId('dispute-event').count(), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: `${SCREENSHOTS}/disputes-resolved.png`, fullPage: true });

    // Back on the board, in « Résolu ».
    await page.getByTestId('dispute-back').click();
    await page
      .getByTestId('dispute-column-resolved')
      .getByTestId('dispute-card')
      .filter({ hasText: reference })
      .waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('dispute-column-open').getByTestId('dispute-card').count()).toBe(
      0,
    );

    // At phone width, one column at a time, as cards.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId('dispute-phone-status').getByText('Résolu (1)').click();
    await page
      .getByTestId('dispute-column-resolved')
      .getByTestId('dispute-card')
      .filter({ hasText: reference })
      .waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${SCREENSHOTS}/disputes-board-phone.png`, fullPage: true });
    await page.close();
  });
});
