/**
 * The dashboard in a real browser (issue 11): the figures of a small ledger worked by hand,
 * in French formats; the worst payers and the largest overdue invoices in their order; a
 * click on a bar of the aged balance down to the invoices of its cell; the DSO trend, the
 * forecast and the forecast against what came in drawn; printed without the navigation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../src/app/deps.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { openTestRuntime } from '../../db.ts';
import { makeCompany, makeCustomer, makeInvoices, makePayment, makeUser } from '../../factories.ts';
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

/**
 * On 15 March 2026: Alpha SARL (a collector's) paid FA-01 (1 000,00 €, due 31 Oct) on
 * 20 Nov, 20 days late, and owes FA-02 (2 000,00 €, due 31 Dec: 74 days late) and FA-03
 * (500,00 €, due 31 Mar); Bêta SA (no collector) owes FA-10 (3 000,00 €, due 30 Nov: 105
 * days late) and FA-11 (800,00 €, due 3 Mar: 12 days late). Open 6 300,00 €, overdue
 * 5 800,00 €. Weighted days late: Bêta (105 × 3 000 + 12 × 800) / 3 800 = 85,4; Alpha
 * (20 × 1 000 + 74 × 2 000) / 3 000 = 56,0.
 */
beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
  const { ctx } = await makeCompany(deps);
  user = await makeUser(deps, ctx, 'credit_manager');
  const collector = await makeUser(deps, ctx, 'collector');
  const alpha = await makeCustomer(deps, ctx, {
    code: 'ALPHA',
    legalName: 'Alpha SARL',
    collectorUserId: collector.id,
  });
  const beta = await makeCustomer(deps, ctx, { code: 'BETA', legalName: 'Bêta SA' });
  await makeInvoices(deps, ctx, alpha.id, [
    { number: 'FA-01', issueDate: '2025-10-01', dueDate: '2025-10-31', amount: 100_000 },
    { number: 'FA-02', issueDate: '2025-12-01', dueDate: '2025-12-31', amount: 200_000 },
    { number: 'FA-03', issueDate: '2026-03-01', dueDate: '2026-03-31', amount: 50_000 },
  ]);
  await makeInvoices(deps, ctx, beta.id, [
    { number: 'FA-10', issueDate: '2025-11-01', dueDate: '2025-11-30', amount: 300_000 },
    { number: 'FA-11', issueDate: '2026-02-01', dueDate: '2026-03-03', amount: 80_000 },
  ]);
  await makePayment(deps, ctx, alpha.id, {
    reference: 'VIR-01',
    receivedOn: '2025-11-20',
    amount: 100_000,
    invoiceNumber: 'FA-01',
  });
  browser = await openBrowserHarness(deps);
});

afterAll(async () => {
  await browser?.close();
  await handle?.close();
});

const text = async (locator: { textContent: () => Promise<string | null> }) =>
  ((await locator.textContent()) ?? '').replace(/\s/gu, ' ');

describe('the dashboard', () => {
  it('shows the figures, the charts and the lists, and leads from a bar to its invoices', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, user, '/dashboard', 'dashboard-aged-balance');
    expect(await text(page.getByTestId('figure-open-value'))).toBe('6 300,00 €');
    expect(await text(page.getByTestId('figure-overdue-value'))).toBe('5 800,00 €');
    expect(await text(page.getByTestId('figure-not-due-value'))).toBe('500,00 €');

    const payers = page.getByTestId('worst-payer');
    await payers.first().waitFor({ timeout: 20_000 });
    expect(await text(payers.nth(0))).toContain('Bêta SA');
    expect(await text(payers.nth(0))).toContain('85,4 j');
    expect(await text(payers.nth(1))).toContain('56,0 j');
    const overdue = page.getByTestId('largest-overdue');
    await overdue.first().waitFor({ timeout: 20_000 });
    expect(await text(overdue.nth(0))).toMatch(/FA-10.*Bêta SA.*30\/11\/2025.*105 j.*3 000,00 €/u);
    expect(await overdue.count()).toBe(3);

    for (const chart of ['dashboard-dso', 'dashboard-forecast', 'dashboard-forecast-vs-actual']) {
      await page.getByTestId(chart).locator('svg.recharts-surface').first().waitFor({
        timeout: 20_000,
      });
    }
    // Open on 14 December (13 weeks before), FA-02 and FA-10 are still unpaid.
    expect(await text(page.getByTestId('dashboard-backtest-errors'))).toBe(
      'Aucune facture ouverte il y a 13 semaines n’a été payée depuis : pas encore d’erreur à mesurer.',
    );
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${SCREENSHOTS}/dashboard.png`, fullPage: true });

    // The forecast's first week: the one payment seen was 20 days late, so every customer is
    // expected 20 days after the due date (Alpha's history, the portfolio's for Bêta). FA-10
    // and FA-02 are past it, expected at once; FA-11 (3 Mar + 20) comes on 23 March.
    await page
      .getByTestId('dashboard-forecast')
      .locator('.recharts-bar-rectangle path')
      .first()
      .click({ force: true });
    await page.waitForURL(/\/dashboard\/forecast\?week=2026-03-09&currency=EUR/u);
    await expect
      .poll(() => text(page.getByTestId('forecast-week-summary')))
      .toBe('Semaine du 09/03/2026, prévision au 15/03/2026 · 2 factures, 5 000,00 €');
    expect(await text(page.getByTestId('drill-down-line').first())).toContain('FA-10');
    await page.goBack();

    // The « over 90 days » part of the first bar (Bêta SA's row, no collector): FA-10 alone.
    const over90 = page
      .getByTestId('dashboard-aged-balance')
      .locator('.recharts-bar')
      .nth(4)
      .locator('.recharts-bar-rectangle path')
      .first();
    await over90.click({ force: true });
    await page.waitForURL(/\/dashboard\/invoices\?.*bucket=4.*collectorId=none/u);
    const items = page.getByTestId('drill-down-line');
    await items.first().waitFor({ timeout: 20_000 });
    expect(await items.count()).toBe(1);
    expect(await text(items.first())).toContain('FA-10');
    expect(await text(page.getByTestId('aged-cell-summary'))).toBe(
      'Plus de 90 j au 15/03/2026 · 1 facture, 3 000,00 €',
    );

    // The last month end of the DSO trend: the invoices overdue on 28 February, every
    // collector's: FA-10 and FA-02 (FA-11 was not yet due).
    await page.goBack();
    // A click is taken where the pointer is: over the last month, at the plot's right edge.
    const plot = page.getByTestId('dashboard-dso').locator('svg.recharts-surface').first();
    const box = await plot.boundingBox();
    if (box === null) {
      throw new Error('The DSO chart is not drawn');
    }
    await page.mouse.move(box.x + box.width - 12, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForURL(/\/dashboard\/invoices\?asOf=2026-02-28&bucket=overdue/u);
    await expect
      .poll(() => text(page.getByTestId('aged-cell-summary')))
      .toBe('Échu au 28/02/2026 · 2 factures, 5 000,00 €');
    await page.close();
  });

  it('prints the page alone, without the navigation', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, user, '/dashboard', 'dashboard-aged-balance');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.mantine-AppShell-navbar').isVisible()).toBe(false);
    expect(await page.getByTestId('figure-open').isVisible()).toBe(true);
    await page.close();
  });
});
