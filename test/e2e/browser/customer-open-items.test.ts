import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../src/app/deps.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { upsertPaymentsInTx } from '../../../src/ledger/upsert-items.ts';
import { calendarDate } from '../../../src/shared/calendar-date.ts';
import { cents } from '../../../src/shared/money.ts';
import { openTestRuntime } from '../../db.ts';
import { makeCompany, makeCustomer, makeInvoices, makeUser } from '../../factories.ts';
import { openBrowserHarness, openSignedIn, type BrowserHarness } from './browser-harness.ts';

let handle: DbHandle;
let deps: Deps;
let browser: BrowserHarness;
let user: { email: string; password: string };
let customerId: string;

/**
 * More open items than one page of the tab (200): 250 invoices of 100,01 €, one credit
 * note; and more payments than one page of theirs (50): 60 of 12,34 €, the first 10
 * applied to invoices in full.
 */
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
  await deps.db.transaction().execute(async (tx) => {
    const result = await upsertPaymentsInTx(
      deps,
      tx,
      ctx,
      Array.from({ length: 60 }, (_, index) => ({
        customerId: customer.id,
        reference: `VIR-${String(index + 1).padStart(3, '0')}`,
        receivedOn: calendarDate('2026-03-02'),
        amountCents: cents(1_234),
        currency: 'EUR',
        method: 'transfer',
        invoiceNumber: index < 10 ? `FA-${String(index + 1).padStart(4, '0')}` : undefined,
      })),
    );
    if (result.issues.length > 0) {
      throw new Error(JSON.stringify(result.issues));
    }
  });
  browser = await openBrowserHarness(deps);
});

afterAll(async () => {
  await browser?.close();
  await handle?.close();
});

describe("a customer's open items tab", () => {
  it('totals every open item, overdue included, not only the page on screen', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, user, `/customers/${customerId}`, 'open-items-table');
    await expect
      .poll(() => page.getByTestId('open-item-row').count(), { timeout: 20_000 })
      .toBe(200);
    const total = page.getByTestId('open-items-total');
    await total.waitFor({ timeout: 20_000 });
    const text = ((await total.textContent()) ?? '').replace(/\s/g, ' ');
    // 250 × 100,01 € − 50,00 €; open, 10 × 12,34 € less (the payments applied).
    expect(text).toBe('Total24 952,50 €24 829,10 €');
    // Overdue: what is open on the 250 invoices, due 01/02/2026 (the credit note is no debt).
    const overdue = page.getByTestId('open-items-total-overdue-row');
    expect(((await overdue.textContent()) ?? '').replace(/\s/g, ' ')).toBe('Échu24 879,10 €');
    await page.close();
  });
});

describe("a customer's payments tab", () => {
  it('totals every payment, received and unapplied, not only the page on screen', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(
      page,
      browser,
      user,
      `/customers/${customerId}?tab=payments`,
      'payments-table',
    );
    await expect.poll(() => page.getByTestId('payment-row').count(), { timeout: 20_000 }).toBe(50);
    const total = page.getByTestId('payments-total');
    await total.waitFor({ timeout: 20_000 });
    // 60 × 12,34 € received; 50 × 12,34 € of it not applied.
    expect(((await total.textContent()) ?? '').replace(/\s/g, ' ')).toBe('Total740,40 €617,00 €');
    expect(await page.getByTestId('payments-export').count()).toBe(1);
    await page.close();
  });
});
