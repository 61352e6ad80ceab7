import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext, type Ctx } from '../../../src/app/context.ts';
import type { Deps } from '../../../src/app/deps.ts';
import { ZListCustomersQuery, type TCustomerSummary } from '../../../src/customers/schemas.ts';
import { listCustomers } from '../../../src/customers/service.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { addDemoBankAccount, drawNoisyStatement } from '../../../src/demo/demo-statement.ts';
import { DEMO_ADMIN_EMAIL, loadDemo } from '../../../src/demo/load-demo.ts';
import { ZListPaymentsQuery, type TPayment } from '../../../src/ledger/schemas.ts';
import { listAllocations } from '../../../src/ledger/allocation-lists.ts';
import { listPayments, summarizePayments } from '../../../src/ledger/payment-lists.ts';
import { openTestRuntime } from '../../db.ts';
import {
  openBrowserHarness,
  openSignedIn,
  SCREENSHOTS,
  type BrowserHarness,
} from './browser-harness.ts';

const PHONE = { width: 390, height: 844 };

let handle: DbHandle;
let deps: Deps;
let ctx: Ctx;
let phone: BrowserHarness;
let admin: { email: string; password: string };
/** The list's first page as the server sends it: default sort, by legal name. */
let items: TCustomerSummary[];

/** The demo's small ledger: real-length French names, cities and amounts. */
beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
  const demo = await loadDemo(handle, deps, { size: 'S', seed: 7, operator: 'tester' });
  admin = { email: DEMO_ADMIN_EMAIL, password: demo.password };
  ctx = cliContext(demo.company.id, 'tester');
  await addDemoBankAccount(deps, ctx);
  const page = await listCustomers(deps, ctx, ZListCustomersQuery.parse({}));
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

/**
 * The buttons on screen that are cut: past an edge of the screen or of a box that clips
 * them, or with a label wider than the button (Mantine's label hides its overflow). A
 * button wholly off screen (the navigation drawer, closed) is not on screen.
 */
const CLIPPED_BUTTONS = `(() => {
  const width = document.documentElement.clientWidth;
  const cut = (inner, outer) => inner.left < outer.left - 0.5 || inner.right > outer.right + 0.5;
  return [...document.querySelectorAll('button, [role="button"], a.mantine-Button-root')]
    .filter((button) => button.getClientRects().length > 0)
    .filter((button) => {
      const box = button.getBoundingClientRect();
      return box.right > 0 && box.left < width;
    })
    .filter((button) => {
      const box = button.getBoundingClientRect();
      if (cut(box, { left: 0, right: width })) {
        return true;
      }
      for (let parent = button.parentElement; parent; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible' && cut(box, parent.getBoundingClientRect())) {
          return true;
        }
      }
      return [button, ...button.querySelectorAll('*')].some(
        (part) => getComputedStyle(part).display !== 'inline' && part.scrollWidth > part.clientWidth + 1,
      );
    })
    .map((button) => button.getAttribute('data-testid') ?? button.textContent.trim())
})()`;

/**
 * Nothing on the page scrolls sideways, the page itself neither, and no button is cut:
 * polled, so a button caught in its loading state is measured once it has settled.
 */
async function expectNarrow(page: Page): Promise<void> {
  const measure = () =>
    page.evaluate<{ page: boolean; scrollers: string[]; clipped: string[] }>(`({
      page: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      scrollers: ${SIDEWAYS_SCROLLERS},
      clipped: ${CLIPPED_BUTTONS},
    })`);
  await expect
    .poll(measure, { timeout: 5_000 })
    .toEqual({ page: false, scrollers: [], clipped: [] });
}

/** `part` lies within the screen's width. */
async function expectInView(part: ReturnType<Page['getByTestId']>): Promise<void> {
  const box = await part.boundingBox();
  expect(box).not.toBeNull();
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
}

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

/**
 * A demo customer whose every tab has rows: overdue items, payments (some cash unapplied
 * is not needed) and allocations; the longest legal name among them, which pushes hardest
 * on the header and its « Modifier » button.
 */
async function busyCustomer(): Promise<{ customer: TCustomerSummary; payments: TPayment[] }> {
  const candidates = items
    .filter((customer) => (customer.oldestOverdueDays ?? 0) > 0)
    .toSorted((a, b) => b.legalName.length - a.legalName.length);
  for (const customer of candidates) {
    const payments = await listPayments(
      deps,
      ctx,
      ZListPaymentsQuery.parse({ customerId: customer.id, pageSize: 500 }),
    );
    const allocations = await listAllocations(deps, ctx, customer.id);
    if (payments.total > 1 && payments.total <= 50 && allocations.items.length > 0) {
      return { customer, payments: payments.items };
    }
  }
  throw new Error('no demo customer with overdue items, payments and allocations');
}

/** Opens the customer's `tab` and waits for its list of cards. */
async function openTab(page: Page, customerId: string, tab: string, readyTestId: string) {
  const query = tab === 'open-items' ? '' : `?tab=${tab}`;
  await openSignedIn(page, phone, admin, `/customers/${customerId}${query}`, readyTestId);
}

describe('the customer page at phone width (390 px)', () => {
  it('shows each tab as cards, the key figures in view, nothing sideways, « Modifier » whole', async () => {
    const { customer, payments } = await busyCustomer();
    const page = await phone.context.newPage();

    // Open items: number, open amount and days late on each card; the footer's overdue total.
    await openTab(page, customer.id, 'open-items', 'open-item-cards');
    await page.getByTestId('open-items-total').first().waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('open-items-table').count()).toBe(0);
    // The first invoice (a credit note is never late).
    const item = page
      .getByTestId('open-item-row')
      .filter({ has: page.getByTestId('open-item-card-days') })
      .first();
    await expectInView(item.getByTestId('open-item-number'));
    await expectInView(item.getByTestId('open-item-card-open'));
    await expectInView(item.getByTestId('open-item-card-days'));
    expect(await item.getByTestId('open-item-card-open').textContent()).toMatch(FRENCH_EUROS);
    const overdue = (await page.getByTestId('open-items-total-overdue').textContent()) ?? '';
    expect(overdue).toMatch(FRENCH_EUROS);
    expect(centsOf(overdue)).toBe(customer.overdueAmount);
    const edit = page.getByTestId('customer-edit');
    expect(await edit.textContent()).toBe('Modifier');
    await expectInView(edit);
    await page.getByTestId('open-items-export').click();
    expect(await page.getByTestId('open-items-export-csv').getAttribute('href')).toBe(
      `/api/invoices/export?customerId=${customer.id}&status=unpaid&sort=due_date&order=asc&format=csv`,
    );
    await page.keyboard.press('Escape');
    await expectNarrow(page);
    await page.screenshot({ path: `${SCREENSHOTS}/customer-open-items-phone.png` });

    // Payments: date and amount on each card; the footer sums every payment of the customer.
    await openTab(page, customer.id, 'payments', 'payment-cards');
    await expect
      .poll(() => page.getByTestId('payment-row').count(), { timeout: 20_000 })
      .toBe(payments.length);
    const payment = page.getByTestId('payment-row').first();
    await expectInView(payment.getByTestId('payment-card-date'));
    await expectInView(payment.getByTestId('payment-card-amount'));
    await page.getByTestId('payments-total').first().waitFor({ timeout: 20_000 });
    const sum = (pick: (payment: TPayment) => number) =>
      payments.reduce((total, each) => total + pick(each), 0);
    const totals = await summarizePayments(deps, ctx, { customerId: customer.id });
    expect(totals.totals).toEqual([
      {
        currency: 'EUR',
        count: payments.length,
        amount: sum((each) => each.amount),
        unappliedAmount: sum((each) => each.unappliedAmount),
        amountsCapped: false,
      },
    ]);
    const totalAmount = (await page.getByTestId('payments-total-amount').textContent()) ?? '';
    const totalUnapplied = (await page.getByTestId('payments-total-unapplied').textContent()) ?? '';
    expect(totalAmount).toMatch(FRENCH_EUROS);
    expect(centsOf(totalAmount)).toBe(sum((each) => each.amount));
    expect(centsOf(totalUnapplied)).toBe(sum((each) => each.unappliedAmount));
    await page.getByTestId('payments-export').click();
    expect(await page.getByTestId('payments-export-xlsx').getAttribute('href')).toBe(
      `/api/payments/export?customerId=${customer.id}&format=xlsx`,
    );
    await page.keyboard.press('Escape');
    await expectNarrow(page);
    await page.screenshot({ path: `${SCREENSHOTS}/customer-payments-phone.png` });

    // Allocations: date, amount and the way to undo on each card.
    await openTab(page, customer.id, 'allocations', 'allocation-cards');
    const allocation = page.getByTestId('allocation-row').first();
    await allocation.waitFor({ timeout: 20_000 });
    await expectInView(allocation.getByTestId('allocation-card-date'));
    await expectInView(allocation.getByTestId('allocation-card-amount'));
    await expectNarrow(page);
    await allocation.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/customer-allocations-phone.png` });

    for (const tab of ['identity', 'timeline']) {
      await openTab(page, customer.id, tab, 'customer-edit');
      await page.getByRole('tabpanel').first().waitFor({ timeout: 20_000 });
      await expectNarrow(page);
    }
    await page.close();
  });
});

describe('bank statements and cash application at phone width (390 px)', () => {
  it('shows the import report and the matching queue with nothing sideways and no button cut', async () => {
    const { xml, fileName } = await drawNoisyStatement(deps, ctx, { seed: 7, count: 60 });
    const page = await phone.context.newPage();
    await openSignedIn(page, phone, admin, '/imports', 'imports-page');
    const card = page.getByTestId('bank-import');
    await card.locator('input[type="file"]').setInputFiles({
      name: fileName,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(xml),
    });
    await card.getByTestId('bank-submit').click();
    const statement = card.getByTestId('bank-statement-row');
    await statement.first().waitFor({ timeout: 30_000 });
    expect(await card.getByTestId('bank-statements').count()).toBe(0);
    await expectInView(statement.first().getByTestId('bank-statement-account'));
    await expectInView(statement.first().getByTestId('bank-statement-closing'));
    await expectInView(statement.first().getByTestId('bank-statement-balance'));
    await expectNarrow(page);
    await card.getByTestId('bank-report').screenshot({
      path: `${SCREENSHOTS}/imports-bank-phone.png`,
    });

    // The queue, what the matcher applied, and the money out set aside by the statement.
    for (const tab of ['', '?tab=applied', '?tab=setAside&kind=outgoing']) {
      await openSignedIn(page, phone, admin, `/cash-application${tab}`, 'cash-application-page');
      await page.getByTestId('bank-line-card').first().waitFor({ timeout: 20_000 });
      await expectNarrow(page);
    }
    await page.screenshot({ path: `${SCREENSHOTS}/cash-application-phone.png` });
    await page.close();
  });
});
