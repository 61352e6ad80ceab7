import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../src/app/deps.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { openTestRuntime } from '../../db.ts';
import { makeCompany, makeCustomer, makeInvoices, makeUser } from '../../factories.ts';
import { openBrowserHarness, openSignedIn, type BrowserHarness } from './browser-harness.ts';

let handle: DbHandle;
let deps: Deps;
let browser: BrowserHarness;
let user: { email: string; password: string };
let customerId: string;

/** More open items than one page of the tab (200): 250 invoices of 100,01 €, one credit note. */
beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
  const { ctx } = await makeCompany(deps);
  user = await makeUser(deps, ctx, 'credit_manager');
  const customer = await makeCustomer(deps, ctx, { code: 'MANY', legalName: 'Grossiste Lenoir' });
  customerId = customer.id;
  await makeInvoices(deps, ctx, customer.id, [
    ...Array.from({ length: 250 }, (_, index) => ({
      number: `FA-${String(index + 1).padStart(4, '0')}`,
      issueDate: '2026-01-02',
      dueDate: '2026-02-01',
      amount: 10_001,
    })),
    {
      number: 'AV-0001',
      issueDate: '2026-02-10',
      dueDate: '2026-02-10',
      amount: 5_000,
      kind: 'credit_note' as const,
    },
  ]);
  browser = await openBrowserHarness(deps);
});

afterAll(async () => {
  await browser?.close();
  await handle?.close();
});

describe("a customer's open items tab", () => {
  it('totals every open item, not only the page on screen', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, user, `/customers/${customerId}`, 'open-items-table');
    await expect
      .poll(() => page.getByTestId('open-item-row').count(), { timeout: 20_000 })
      .toBe(200);
    const total = page.getByTestId('open-items-total');
    await total.waitFor({ timeout: 20_000 });
    const text = ((await total.textContent()) ?? '').replace(/\s/g, ' ');
    // 250 × 100,01 € − 50,00 €, amount and open alike.
    expect(text).toBe('Total24 952,50 €24 952,50 €');
    await page.close();
  });
});
