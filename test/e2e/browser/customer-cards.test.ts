import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../../../src/app/context.ts';
import type { Deps } from '../../../src/app/deps.ts';
import { ZListCustomersQuery, type TCustomerSummary } from '../../../src/customers/schemas.ts';
import { listCustomers } from '../../../src/customers/service.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { DEMO_ADMIN_EMAIL, loadDemo } from '../../../src/demo/load-demo.ts';
import { openTestRuntime } from '../../db.ts';
import {
  openBrowserHarness,
  openSignedIn,
  SCREENSHOTS,
  type BrowserHarness,
} from './browser-harness.ts';

const PHONE = { width: 390, height: 844 };

let handle: DbHandle;
let phone: BrowserHarness;
let admin: { email: string; password: string };
/** The list's first page as the server sends it: default sort, by legal name. */
let items: TCustomerSummary[];

/** The demo's small ledger: real-length French names, cities and amounts. */
beforeAll(async () => {
  let deps: Deps;
  ({ handle, deps } = await openTestRuntime());
  const demo = await loadDemo(handle, deps, { size: 'S', seed: 7, operator: 'tester' });
  admin = { email: DEMO_ADMIN_EMAIL, password: demo.password };
  const page = await listCustomers(
    deps,
    cliContext(demo.company.id, 'tester'),
    ZListCustomersQuery.parse({}),
  );
  items = page.items;
  phone = await openBrowserHarness(deps, { viewport: PHONE });
});

afterAll(async () => {
  await phone?.close();
  await handle?.close();
});

/**
 * Euros the French way, as `formatMoney` writes them: groups of three and the sign each
 * after a no-break space (U+00A0, never a breakable one), a decimal comma.
 */
const FRENCH_EUROS = /^-?\d{1,3}(\u00a0\d{3})*,\d{2}\u00a0€$/;

/** The test ids (or tags) of boxes that scroll sideways: content wider than they are. */
const SIDEWAYS_SCROLLERS = `[...document.querySelectorAll('body *')]
  .filter((box) => ['auto', 'scroll'].includes(getComputedStyle(box).overflowX))
  .filter((box) => box.scrollWidth > box.clientWidth)
  .map((box) => box.getAttribute('data-testid') ?? box.tagName)`;

/** Cents back from an amount as shown, `-1 234,56 €` → -123456. */
function centsOf(shown: string): number {
  return Math.round(Number(shown.replace(/[^\d,-]/g, '').replace(',', '.')) * 100);
}

/** The card at `index` shows `customer`: name, encours in French, days late, all in view. */
async function expectCard(page: Page, index: number, customer: TCustomerSummary): Promise<void> {
  const card = page.getByTestId('customer-row').nth(index);
  const name = card.getByTestId('customer-name');
  expect(await name.textContent()).toBe(customer.legalName);
  expect(await name.getAttribute('href')).toBe(`/customers/${customer.id}`);
  const open = card.getByTestId('customer-card-open');
  const encours = (await open.textContent()) ?? '';
  expect(encours).toMatch(FRENCH_EUROS);
  expect(centsOf(encours)).toBe(customer.openAmount);
  expect(((await card.textContent()) ?? '').replace(/\s/g, ' ')).toContain(customer.code);
  const inView = [name, open];
  if (customer.oldestOverdueDays !== null && customer.oldestOverdueDays > 0) {
    inView.push(card.getByText(`${customer.oldestOverdueDays} j`, { exact: true }));
  }
  for (const part of inView) {
    const box = await part.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
  }
}

describe('the customer list at phone width (390 px)', () => {
  it('shows a card per customer, name, encours and days late in view, nothing sideways', async () => {
    const page = await phone.context.newPage();
    await openSignedIn(page, phone, admin, '/customers', 'customer-cards');
    await expect
      .poll(() => page.getByTestId('customer-row').count(), { timeout: 20_000 })
      .toBe(items.length);
    expect(await page.getByTestId('customers-table').count()).toBe(0);
    expect(await page.getByRole('list', { name: 'Liste des clients' }).count()).toBe(1);

    const first = items[0];
    expect(first).toBeDefined();
    await expectCard(page, 0, first as TCustomerSummary);
    // And one in thousands and overdue, for the group separator and the days-late badge.
    const large = items.findIndex(
      (item) => item.openAmount >= 100_000 && (item.oldestOverdueDays ?? 0) > 0,
    );
    expect(large).toBeGreaterThanOrEqual(0);
    await expectCard(page, large, items[large] as TCustomerSummary);
    expect(
      await page
        .getByTestId('customer-row')
        .nth(large)
        .getByTestId('customer-card-open')
        .textContent(),
    ).toMatch(/\d\u00a0\d{3},/);

    const width = await page.evaluate<{ scroll: number; client: number }>(
      '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
    );
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    // Nor inside it: a table in its scroll box keeps the page narrow yet hides the amounts.
    expect(await page.evaluate<string[]>(SIDEWAYS_SCROLLERS)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/customers-phone.png` });

    // The name leads to the customer's page.
    await page.getByTestId('customer-row').first().getByTestId('customer-name').click();
    await expect
      .poll(() => page.getByTestId('customer-name').first().textContent(), { timeout: 10_000 })
      .toContain(first?.legalName);
    expect(new URL(page.url()).pathname).toBe(`/customers/${first?.id}`);
    await page.close();
  });
});
