/**
 * A prospect's account opening, and the invoicing lag on the dashboard (issue 12,
 * docs/credit.md « Account opening », « Invoicing lag »), in a real browser.
 *
 * Nova Bâtiment is a prospect with an address, the default terms and a decided limit, but no
 * SIREN and no accounts-payable contact: its « Crédit » tab shows those two items missing
 * and « Activer le client » disabled; its form offers no « Actif »; a credit manager activates
 * it « malgré tout », told first that a reason is needed, and the status badge turns active.
 *
 * On the dashboard: Alpha was delivered on 2 March and invoiced on 12 March (10 days), Bêta
 * delivered on 5 March and invoiced on 10 March (5 days): a mean of 7,5 days, Alpha first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/app/context.ts';
import type { Deps } from '../../../src/app/deps.ts';
import { getAccountOpening } from '../../../src/credit/opening-service.ts';
import { decideCreditLimit } from '../../../src/credit/decisions.ts';
import { receiveOrder, recordOrderEvent } from '../../../src/credit/order-service.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import type { CalendarDate } from '../../../src/shared/calendar-date.ts';
import { openTestRuntime } from '../../db.ts';
import { makeCompany, makeCustomer, makeInvoices, makeUser } from '../../factories.ts';
import {
  openBrowserHarness,
  plainText,
  openSignedIn,
  SCREENSHOTS,
  type BrowserHarness,
} from './browser-harness.ts';

let handle: DbHandle;
let deps: Deps;
let browser: BrowserHarness;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
  browser = await openBrowserHarness(deps);
});

afterAll(async () => {
  await browser?.close();
  await handle?.close();
});

describe('a prospect’s account opening', () => {
  it('shows what is missing, and a credit manager activates it anyway, with a reason', async () => {
    const { ctx } = await makeCompany(deps);
    const manager = await makeUser(deps, ctx, 'credit_manager');
    const prospect = await makeCustomer(deps, ctx, {
      code: 'NOVA',
      legalName: 'Nova Bâtiment SAS',
      status: 'prospect',
      billingAddress: { line1: '3 rue Neuve', postalCode: '69002', city: 'Lyon', country: 'FR' },
      contacts: [{ role: 'billing', name: 'Léa Morel', email: 'lea.morel@nova.test' }],
    });
    await decideCreditLimit(deps, ctx, prospect.id, {
      amountCents: 1_000_000,
      coveredCents: 0,
      cover: null,
      reviewOn: null,
      expiresOn: null,
      reason: 'Premier contrat',
    });

    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await openSignedIn(
      page,
      browser,
      manager,
      `/customers/${prospect.id}?tab=credit`,
      'account-opening',
    );
    const panel = page.getByTestId('account-opening');
    const item = (code: string) =>
      panel.locator(`[data-testid="opening-item"][data-code="${code}"]`);
    const states: Record<string, string | null> = {};
    for (const code of [
      'siren',
      'billing_address',
      'delivery_address',
      'payables_contact',
      'payment_terms',
      'payment_method',
      'deposit',
      'credit_limit',
    ]) {
      states[code] = await item(code).getAttribute('data-state');
    }
    expect(states).toEqual({
      siren: 'missing',
      billing_address: 'done',
      delivery_address: 'done',
      payables_contact: 'missing',
      payment_terms: 'done',
      payment_method: 'done',
      deposit: 'done',
      credit_limit: 'done',
    });
    expect(plainText(await item('siren').getByTestId('opening-item-reason').textContent())).toBe(
      'SIREN manquant',
    );
    expect(
      plainText(await item('payables_contact').getByTestId('opening-item-reason').textContent()),
    ).toBe('Aucun contact de comptabilité fournisseurs');
    expect(
      plainText(await item('credit_limit').getByTestId('opening-item-reason').textContent()),
    ).toBe('Décidé par tester le 15/03/2026');
    expect(await page.getByTestId('opening-activate').isDisabled()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/account-opening.png`, fullPage: true });

    // The form no longer offers « Actif » to a prospect: the opening decides it.
    await page.getByTestId('customer-edit').click();
    await page.getByTestId('customer-form-status').click();
    const options = await page.getByRole('option').allInnerTexts();
    expect(options).toContain('Bloqué');
    expect(options).not.toContain('Actif');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Annuler' }).click();
    await page.getByTestId('customer-form').waitFor({ state: 'detached', timeout: 20_000 });

    await page.getByTestId('opening-override').click();
    const form = page.getByTestId('opening-override-form');
    await form.waitFor({ timeout: 20_000 });
    expect(plainText(await form.textContent())).toContain(
      'Manquent : SIREN, Contact comptabilité fournisseurs.',
    );
    // Without a reason, the server's refusal is said under the field.
    await form.getByTestId('opening-override-confirm').click();
    await expect
      .poll(async () => plainText(await form.textContent()), { timeout: 20_000 })
      .toContain('Indiquez la raison du passage outre');
    await form.getByTestId('opening-override-reason').fill('Client recommandé par le directeur');
    await form.getByTestId('opening-override-confirm').click();

    await expect
      .poll(() => page.getByTestId('customer-status').first().textContent(), { timeout: 20_000 })
      .toBe('Actif');
    await page.getByTestId('customer-credit').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('account-opening').count()).toBe(0);
    expect(await getAccountOpening(deps, ctx, prospect.id)).toMatchObject({
      status: 'active',
      blockingMissing: ['siren', 'payables_contact'],
    });
    await page.close();
  });
});

describe('the dashboard', () => {
  /** An order of `customerId`, delivered on `deliveredOn` and invoiced by `invoiceNumber`. */
  async function deliveredAndInvoiced(
    ctx: Ctx,
    customerId: string,
    number: string,
    deliveredOn: string,
    invoiceNumber: string,
  ) {
    const { order } = await receiveOrder(deps, ctx, {
      customer: { id: customerId },
      number,
      orderedOn: '2026-02-16' as CalendarDate,
      amountCents: 100_000,
      expectedDeliveryOn: null,
      specialConditions: null,
      checklist: { pricesAgreed: true, deliveryDateConfirmed: true, confirmationSent: true },
    });
    await recordOrderEvent(
      deps,
      ctx,
      { id: order.id },
      { kind: 'delivered', on: deliveredOn as CalendarDate },
    );
    await recordOrderEvent(
      deps,
      ctx,
      { id: order.id },
      { kind: 'invoiced', invoicedCents: 100_000, invoiceNumbers: [invoiceNumber] },
    );
  }

  it('shows the invoicing lag: its mean, and the customers invoiced the latest first', async () => {
    const { ctx } = await makeCompany(deps);
    const manager = await makeUser(deps, ctx, 'credit_manager');
    const alpha = await makeCustomer(deps, ctx, { code: 'ALPHA', legalName: 'Alpha SARL' });
    const beta = await makeCustomer(deps, ctx, { code: 'BETA', legalName: 'Bêta SA' });
    const invoice = (number: string, issueDate: string) => ({
      number,
      issueDate,
      dueDate: '2026-04-30',
      amount: 100_000,
    });
    await makeInvoices(deps, ctx, alpha.id, [invoice('FA-L1', '2026-03-12')]);
    await makeInvoices(deps, ctx, beta.id, [invoice('FA-L2', '2026-03-10')]);
    await deliveredAndInvoiced(ctx, alpha.id, 'CMD-L1', '2026-03-02', 'FA-L1');
    await deliveredAndInvoiced(ctx, beta.id, 'CMD-L2', '2026-03-05', 'FA-L2');

    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, manager, '/dashboard', 'dashboard-lag');
    const card = page.getByTestId('dashboard-lag');
    await card.getByTestId('dashboard-lag-mean').waitFor({ timeout: 20_000 });
    expect(plainText(await card.getByTestId('dashboard-lag-mean').textContent())).toBe('7,5 j');
    const rows = card.getByTestId('lag-customer');
    expect(await rows.count()).toBe(2);
    expect(plainText(await rows.nth(0).textContent())).toBe('ALPHA · Alpha SARL10,0 j1');
    expect(plainText(await rows.nth(1).textContent())).toBe('BETA · Bêta SA5,0 j1');
    await card.screenshot({ path: `${SCREENSHOTS}/dashboard-invoicing-lag.png` });
    await rows.nth(0).getByRole('link').click();
    await expect
      .poll(() => page.getByTestId('customer-name').first().textContent(), { timeout: 20_000 })
      .toBe('Alpha SARL');
    await page.close();
  });
});
