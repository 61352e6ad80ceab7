/**
 * A collector contests an invoice from its page: « Contester » opens the dispute form with
 * that invoice ticked, a cause, a description and the disputed part; the page then says
 * « En litige » with the dispute's reference (to its page), its cause and the part, and the
 * customer's open items show « Litige » on that invoice only; its page's history has it.
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
let customerId: string;
let invoiceId: string;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
  const { ctx } = await makeCompany(deps);
  user = await makeUser(deps, ctx, 'collector');
  const customer = await makeCustomer(deps, ctx, { code: 'LIT', legalName: 'Boulangerie Roux' });
  customerId = customer.id;
  await makeInvoices(deps, ctx, customer.id, [
    { number: 'FA-0101', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 245_000 },
    { number: 'FA-0102', issueDate: '2026-01-06', dueDate: '2026-02-05', amount: 12_000 },
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

describe('a dispute on the invoice page', () => {
  it('is opened with its cause, description and part, shown on the page and the open items', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, user, `/invoices/${invoiceId}`, 'dispute-raise');
    await page.getByTestId('dispute-raise').click();
    const form = page.getByTestId('open-dispute-form');
    const row = form.getByTestId('open-dispute-invoice').filter({ hasText: 'FA-0101' });
    await row.waitFor({ timeout: 20_000 });
    await form.getByTestId('open-dispute-cause').selectOption('not_delivered');
    await form.getByTestId('open-dispute-description').fill('Livraison du 12/01 jamais reçue');
    await row.getByTestId('open-dispute-part').fill('1 200,50');
    await page.getByTestId('open-dispute-save').click();

    const shown = page.getByTestId('invoice-dispute');
    await shown.waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('dispute-badge').textContent()).toBe('En litige');
    expect(await page.getByTestId('invoice-dispute-cause').textContent()).toBe(
      'Non livré ou sans preuve de livraison',
    );
    expect(await page.getByTestId('invoice-dispute-description').textContent()).toBe(
      'Livraison du 12/01 jamais reçue',
    );
    const part = ((await page.getByTestId('invoice-dispute-part').textContent()) ?? '').replace(
      /\s/g,
      ' ',
    );
    expect(part).toBe('Part contestée : 1 200,50 €');
    expect(await page.getByTestId('invoice-dispute-reference').textContent()).toMatch(
      /^LIT-\d{6}$/,
    );
    await page.screenshot({ path: `${SCREENSHOTS}/invoice-dispute.png`, fullPage: true });

    await page.goto(`${browser.baseUrl}/customers/${customerId}`);
    await page.getByTestId('open-items-table').waitFor({ timeout: 20_000 });
    const disputedRow = page.getByTestId('open-item-row').filter({ hasText: 'FA-0101' });
    await disputedRow.getByTestId('disputed-badge').waitFor({ timeout: 20_000 });
    expect(await disputedRow.getByTestId('disputed-badge').textContent()).toBe('Litige');
    const otherRow = page.getByTestId('open-item-row').filter({ hasText: 'FA-0102' });
    expect(await otherRow.getByTestId('disputed-badge').count()).toBe(0);

    // The reference leads to the dispute's page.
    await page.goto(`${browser.baseUrl}/invoices/${invoiceId}`);
    await page.getByTestId('invoice-dispute-reference').click();
    await page.getByTestId('dispute-reference').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('dispute-invoice').count()).toBe(1);
    // The opening is in the dispute's own history (its events are the dispute's, not the invoice's).
    await expect
      .poll(() => page.getByTestId('dispute-event').last().textContent(), { timeout: 20_000 })
      .toContain('Litige ouvert');
    await page.close();
  });
});
