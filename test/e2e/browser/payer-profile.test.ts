/**
 * The payer profile in the browser (issue 11): the customer list shows each customer's
 * category as a badge in its « Profil » column, fetched for the page's ids; the customer
 * page shows the payer card — the category with its meaning, the weighted days late in French
 * format, the on-time shares and the 6-month trend drawn as a chart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../src/app/deps.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { openTestRuntime } from '../../db.ts';
import { makeCompany, makeCustomer, makeInvoices, makePayment, makeUser } from '../../factories.ts';
import { openBrowserHarness, openSignedIn, type BrowserHarness } from './browser-harness.ts';

let handle: DbHandle;
let deps: Deps;
let browser: BrowserHarness;
let user: { email: string; password: string };
let lateId: string;

/**
 * On 15 March 2026: Alpha paid F1 (1 000,00 €, due 4 Feb) on 15 Feb, 11 days late (B); Bêta
 * owes F4 (800,00 €, due 1 Dec 2025), 104 days late (D).
 */
beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
  const { ctx } = await makeCompany(deps);
  user = await makeUser(deps, ctx, 'collector');
  const alpha = await makeCustomer(deps, ctx, { code: 'ALPHA', legalName: 'Alpha SARL' });
  const beta = await makeCustomer(deps, ctx, { code: 'BETA', legalName: 'Bêta SA' });
  lateId = alpha.id;
  await makeInvoices(deps, ctx, alpha.id, [
    { number: 'F1', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 100_000 },
  ]);
  await makeInvoices(deps, ctx, beta.id, [
    { number: 'F4', issueDate: '2025-11-10', dueDate: '2025-12-01', amount: 80_000 },
  ]);
  await makePayment(deps, ctx, alpha.id, {
    reference: 'P1',
    receivedOn: '2026-02-15',
    amount: 100_000,
    invoiceNumber: 'F1',
  });
  browser = await openBrowserHarness(deps);
});

afterAll(async () => {
  await browser?.close();
  await handle?.close();
});

const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('the payer profile', () => {
  it('shows each customer’s category in the customer list', async () => {
    const page = await browser.context.newPage();
    // All the customers: a collector opens on their own, and these have none.
    await openSignedIn(page, browser, user, '/customers?collector=all', 'customer-row');
    const rows = page.getByTestId('customer-row');
    await rows.first().getByTestId('payer-category').waitFor({ timeout: 20_000 });
    const badges: Record<string, string> = {};
    for (const row of await rows.all()) {
      const code = plain(await row.locator('td').first().textContent());
      badges[code] = plain(await row.getByTestId('payer-category').textContent());
    }
    expect(badges).toEqual({ ALPHA: 'B', BETA: 'D' });
    await page.close();
  });

  it('shows the payer card on the customer page, with its trend', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, user, `/customers/${lateId}`, 'payer-profile');
    const card = page.getByTestId('payer-profile');
    expect(plain(await card.getByTestId('payer-category').textContent())).toBe('B');
    expect(plain(await card.getByTestId('payer-category-meaning').textContent())).toBe(
      'Retards légers (jusqu’à 15 j)',
    );
    expect(plain(await card.getByTestId('payer-days-late').textContent())).toBe('11,0 j');
    expect(plain(await card.getByTestId('payer-on-time').textContent())).toBe(
      'À l’heure : 0 % du montant, 0 % des factures',
    );
    await card.locator('.recharts-line').first().waitFor({ state: 'attached', timeout: 20_000 });
    await page.close();
  });
});
