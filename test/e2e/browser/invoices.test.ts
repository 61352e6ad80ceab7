import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../src/app/deps.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { openTestRuntime } from '../../db.ts';
import { readWholeTable } from '../../whole-import-file.ts';
import { makeCompany, makeCustomer, makeInvoices, makePayment, makeUser } from '../../factories.ts';
import {
  fillSignIn,
  openBrowserHarness,
  openSignedIn,
  SCREENSHOTS,
  type BrowserHarness,
} from './browser-harness.ts';

let handle: DbHandle;
let deps: Deps;
let browser: BrowserHarness;
let phone: BrowserHarness | undefined;
let user: { email: string; password: string };
let martinId: string;

/**
 * At 15/03/2026: a paid invoice of 2024, one overdue since November 2025, one overdue
 * and partly paid, one not yet due.
 */
beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
  const { ctx } = await makeCompany(deps, { legalName: 'Atelier Verdier Équipements SAS' });
  user = await makeUser(deps, ctx, 'collector');
  const martin = await makeCustomer(deps, ctx, {
    code: 'MARTIN',
    legalName: 'Boulangerie Martin SARL',
  });
  const dupuis = await makeCustomer(deps, ctx, { code: 'DUPUIS', legalName: 'Garage Dupuis SAS' });
  martinId = martin.id;
  await makeInvoices(deps, ctx, martin.id, [
    { number: 'FA-2024-0001', issueDate: '2024-01-10', dueDate: '2024-02-09', amount: 99_000 },
    { number: 'FA-2025-0100', issueDate: '2025-10-31', dueDate: '2025-11-30', amount: 123_456 },
  ]);
  await makeInvoices(deps, ctx, dupuis.id, [
    { number: 'FA-2026-0001', issueDate: '2026-01-10', dueDate: '2026-02-28', amount: 845_000 },
    { number: 'FA-2026-0002', issueDate: '2026-03-01', dueDate: '2026-04-30', amount: 50_000 },
  ]);
  await makePayment(deps, ctx, martin.id, {
    reference: 'VIR-2024',
    receivedOn: '2024-02-05',
    amount: 99_000,
    invoiceNumber: 'FA-2024-0001',
  });
  await makePayment(deps, ctx, dupuis.id, {
    reference: 'VIR-0042',
    receivedOn: '2026-03-02',
    amount: 300_000,
    invoiceNumber: 'FA-2026-0001',
  });
  browser = await openBrowserHarness(deps);
});

afterAll(async () => {
  await browser?.close();
  await phone?.close();
  await handle?.close();
});

/** Text as shown, every kind of space (narrow no-break ones included) made plain. */
async function textOf(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s/g, ' ');
}

async function rowNumbers(page: Page): Promise<string[]> {
  const rows = await page.getByTestId('invoice-row').all();
  return Promise.all(
    rows.map(async (row) => (await row.locator('td').first().textContent())?.trim() ?? ''),
  );
}

describe('the invoices list in the browser', () => {
  it('opens on open items, oldest overdue first, with totals in French, and leads to an invoice page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${browser.baseUrl}/customers`);
    await fillSignIn(page, user);
    await page.getByRole('link', { name: 'Factures' }).first().click();
    await expect
      .poll(() => rowNumbers(page), { timeout: 20_000 })
      .toEqual(['FA-2025-0100', 'FA-2026-0001', 'FA-2026-0002']);
    // The default view is shown selected, and the URL stays plain.
    expect(
      await page
        .getByTestId('invoice-status-filter')
        .locator('input:checked')
        .getAttribute('value'),
    ).toBe('unpaid');
    expect(new URL(page.url()).search).toBe('');
    // Totals of every matching row: 1 234,56 + 8 450,00 + 500,00; open 1 234,56 + 5 450,00 + 500,00.
    const totals = await textOf(page, 'invoice-total');
    expect(totals).toContain('3 pièces');
    expect(totals).toContain('10 184,56 €');
    expect(totals).toContain('7 184,56 €');
    expect(await textOf(page, 'invoice-total-overdue')).toContain('6 684,56 €');
    const first = ((await page.getByTestId('invoice-row').first().textContent()) ?? '').replace(
      /\s/g,
      ' ',
    );
    expect(first).toContain('30/11/2025');
    expect(first).toContain('1 234,56 €');
    await page.screenshot({ path: `${SCREENSHOTS}/invoices-list.png`, fullPage: true });

    // Every status, the paid invoice of 2024 first.
    await page.getByTestId('invoice-status-filter').getByText('Toutes').click();
    await expect.poll(() => rowNumbers(page), { timeout: 10_000 }).toHaveLength(4);
    expect((await rowNumbers(page))[0]).toBe('FA-2024-0001');
    expect(new URL(page.url()).searchParams.get('status')).toBe('all');
    await page.getByTestId('invoice-status-filter').getByText('Non soldées').click();
    await expect.poll(() => rowNumbers(page), { timeout: 10_000 }).toHaveLength(3);

    await page.getByTestId('invoice-customer-code').fill('dupuis');
    await expect
      .poll(() => rowNumbers(page), { timeout: 10_000 })
      .toEqual(['FA-2026-0001', 'FA-2026-0002']);
    // The totals are their own request: they may follow the rows by a moment.
    await expect
      .poll(() => textOf(page, 'invoice-total'), { timeout: 10_000 })
      .toContain('2 pièces');
    await page.getByTestId('invoice-customer-code').fill('');

    await page.getByTestId('invoice-search').fill('fa-2026-0001');
    await expect.poll(() => rowNumbers(page), { timeout: 10_000 }).toEqual(['FA-2026-0001']);
    expect(new URL(page.url()).searchParams.get('search')).toBe('fa-2026-0001');
    await expect
      .poll(() => textOf(page, 'invoice-total'), { timeout: 10_000 })
      .toContain('1 pièce');

    await page.getByTestId('invoice-link').first().click();
    await expect
      .poll(() => textOf(page, 'invoice-number'), { timeout: 10_000 })
      .toContain('Facture FA-2026-0001');
    expect(await textOf(page, 'invoice-status')).toContain('Partiellement payée');
    expect(await textOf(page, 'invoice-customer')).toContain('Garage Dupuis SAS');
    expect(await textOf(page, 'invoice-issue-date')).toContain('10/01/2026');
    expect(await textOf(page, 'invoice-due-date')).toContain('28/02/2026');
    expect(await textOf(page, 'invoice-amount')).toContain('8 450,00 €');
    expect(await textOf(page, 'invoice-open-amount')).toContain('5 450,00 €');
    expect(await textOf(page, 'invoice-days-late')).toContain('15 j');
    const life = page.getByTestId('invoice-life-line');
    await expect.poll(() => life.count(), { timeout: 10_000 }).toBe(3);
    const lines = (await life.allTextContents()).map((text) => text.replace(/\s/g, ' '));
    expect(lines[0]).toContain('Émise');
    expect(lines[0]).toContain('10/01/2026');
    expect(lines[1]).toContain('Échéance passée');
    expect(lines[2]).toContain('Paiement VIR-0042');
    expect(lines[2]).toContain('02/03/2026');
    expect(lines[2]).toContain('3 000,00 €');
    const events = page.getByTestId('invoice-event');
    await expect.poll(() => events.count(), { timeout: 10_000 }).toBe(2);
    expect(await events.allTextContents()).toEqual([
      expect.stringContaining('Lettrage effectué'),
      expect.stringContaining('Facture créée'),
    ]);
    await page.screenshot({ path: `${SCREENSHOTS}/invoice-page.png`, fullPage: true });

    // Back to the list as it was left, search included.
    await page.getByTestId('invoice-back').click();
    await expect.poll(() => rowNumbers(page), { timeout: 10_000 }).toEqual(['FA-2026-0001']);
    expect(new URL(page.url()).searchParams.get('search')).toBe('fa-2026-0001');
    await page.close();
  });

  it("opens an invoice page from a customer's open items", async () => {
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, user, `/customers/${martinId}`, 'open-item-row');
    await page.getByTestId('invoice-link').first().click();
    await expect
      .poll(() => textOf(page, 'invoice-number'), { timeout: 10_000 })
      .toContain('FA-2025-0100');
    expect(await textOf(page, 'invoice-days-late')).toContain('105 j');
    await page.getByTestId('invoice-back').click();
    await expect
      .poll(() => textOf(page, 'customer-name'), { timeout: 10_000 })
      .toContain('Boulangerie Martin SARL');
    await page.close();
  });

  it('downloads the list as filtered, as CSV', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, user, '/invoices?customerCode=DUPUIS', 'invoice-row');
    await page.getByTestId('invoice-export').click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      page.getByTestId('invoice-export-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe('factures-2026-03-15.csv');
    const path = await download.path();
    const lines = readFileSync(path, 'utf8').split('\r\n');
    expect(lines.map((line) => line.split(',')[0])).toEqual([
      '\uFEFFnumber',
      'FA-2026-0001',
      'FA-2026-0002',
      '',
    ]);
    await page.close();
  });

  it('downloads the customer list as filtered and sorted, as XLSX', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(
      page,
      browser,
      user,
      '/customers?scope=all&sort=open_amount&order=desc',
      'customer-row',
    );
    await page.getByTestId('customer-export').click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      page.getByTestId('customer-export-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toBe('clients-2026-03-15.xlsx');
    const read = await readWholeTable(readFileSync(await download.path()), 'clients.xlsx');
    if (!read.ok) {
      throw new Error(JSON.stringify(read.issues));
    }
    expect(
      read.table.records.map((record) => [record.values['code'], record.values['open_amount']]),
    ).toEqual([
      ['DUPUIS', '5950'],
      ['MARTIN', '1234.56'],
    ]);
    await page.close();
  });

  it('keeps number, open amount and days late in view at phone width (390 px)', async () => {
    phone = await openBrowserHarness(deps, { viewport: { width: 390, height: 844 } });
    const page = await phone.context.newPage();
    await openSignedIn(page, phone, user, '/invoices', 'invoice-cards');
    await expect.poll(() => page.getByTestId('invoice-row').count(), { timeout: 20_000 }).toBe(3);
    const card = page.getByTestId('invoice-row').first();
    const text = ((await card.textContent()) ?? '').replace(/\s/g, ' ');
    expect(text).toContain('FA-2025-0100');
    expect(text).toContain('1 234,56 €');
    expect(text).toContain('105 j');
    for (const part of [
      card.getByTestId('invoice-link'),
      card.getByTestId('invoice-card-open'),
      card.getByText('105 j'),
    ]) {
      const box = await part.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    }
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      390,
    );
    expect(await textOf(page, 'invoice-total')).toContain('7 184,56 €');
    await page.screenshot({ path: `${SCREENSHOTS}/invoices-phone.png`, fullPage: true });
    await card.getByTestId('invoice-link').click();
    await expect
      .poll(() => textOf(page, 'invoice-number'), { timeout: 10_000 })
      .toContain('FA-2025-0100');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      390,
    );
    await page.screenshot({ path: `${SCREENSHOTS}/invoice-page-phone.png`, fullPage: true });
    await page.close();
  });
});
