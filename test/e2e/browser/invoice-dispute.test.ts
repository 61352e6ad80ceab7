/**
 * A collector contests an invoice from its page: « Contester », a reason, a note and the
 * disputed part; the page then says « En litige » with them, the customer's open items
 * show « Litige » on that invoice, and « Lever le litige » takes it away.
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
  it('is raised with its reason, note and amount, shown on the page and the open items, then resolved', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, user, `/invoices/${invoiceId}`, 'dispute-raise');
    await page.getByTestId('dispute-raise').click();
    await page.getByTestId('dispute-reason-select').waitFor();
    await page.getByTestId('dispute-reason-select').selectOption('delivery');
    await page.getByTestId('dispute-note-input').fill('Livraison du 12/01 jamais reçue');
    await page.getByTestId('dispute-amount-input').fill('1 200,50');
    await page.getByTestId('dispute-save').click();

    const shown = page.getByTestId('invoice-dispute');
    await shown.waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('dispute-badge').textContent()).toBe('En litige');
    expect(await page.getByTestId('dispute-reason').textContent()).toBe('Livraison');
    expect(await page.getByTestId('dispute-note').textContent()).toBe(
      'Livraison du 12/01 jamais reçue',
    );
    const amount = ((await page.getByTestId('dispute-amount').textContent()) ?? '').replace(
      /\s/g,
      ' ',
    );
    expect(amount).toBe('Montant contesté : 1 200,50 €');
    await expect
      .poll(() => page.getByTestId('invoice-event').first().textContent(), { timeout: 20_000 })
      .toContain('Litige ouvert');
    await page.screenshot({ path: `${SCREENSHOTS}/invoice-dispute.png`, fullPage: true });

    await page.goto(`${browser.baseUrl}/customers/${customerId}`);
    await page.getByTestId('open-items-table').waitFor({ timeout: 20_000 });
    const disputedRow = page.getByTestId('open-item-row').filter({ hasText: 'FA-0101' });
    await disputedRow.getByTestId('disputed-badge').waitFor({ timeout: 20_000 });
    expect(await disputedRow.getByTestId('disputed-badge').textContent()).toBe('Litige');
    const otherRow = page.getByTestId('open-item-row').filter({ hasText: 'FA-0102' });
    expect(await otherRow.getByTestId('disputed-badge').count()).toBe(0);

    await page.goto(`${browser.baseUrl}/invoices/${invoiceId}`);
    await page.getByTestId('dispute-resolve').click();
    await page.getByTestId('dispute-resolution-note').fill('Bon de livraison signé retrouvé');
    await page.getByTestId('dispute-resolve-confirm').click();
    await page.getByTestId('dispute-raise').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('invoice-dispute').count()).toBe(0);
    await page.close();
  });
});
