import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../src/app/deps.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { openTestRuntime } from '../../db.ts';
import { makeCompany, makeCustomer, makeInvoices, makePayment, makeUser } from '../../factories.ts';
import {
  fillSignIn,
  openBrowserHarness,
  openSignedIn,
  SCREENSHOTS,
  type BrowserHarness,
} from './browser-harness.ts';

let handle: DbHandle;
let browser: BrowserHarness;
let user: { email: string; password: string; id: string };
let prospect: { id: string };
let settled: { id: string };
let martin: { id: string };

beforeAll(async () => {
  let deps: Deps;
  ({ handle, deps } = await openTestRuntime());
  const { ctx } = await makeCompany(deps, { legalName: 'Atelier Verdier Équipements SAS' });
  user = await makeUser(deps, ctx, 'collector');
  for (let index = 1; index <= 12; index += 1) {
    await makeCustomer(deps, ctx, {
      code: `K${String(index).padStart(3, '0')}`,
      legalName: `Client témoin ${index} SARL`,
      // The collector's own customers: "Mes clients" is where a collector's list opens.
      collectorUserId: user.id,
    });
  }
  const customer = await makeCustomer(deps, ctx, {
    code: 'MARTIN',
    legalName: 'Boulangerie Martin SARL',
    collectorUserId: user.id,
    siren: '732829320',
    paymentTerms: '45 jours fin de mois',
    billingAddress: { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon' },
    contacts: [
      {
        role: 'accounts_payable',
        name: 'Nadia Roussel',
        email: 'compta@martin.test',
        phone: '04 72 00 00 00',
      },
    ],
    creditLimit: 2_000_000,
  });
  martin = customer;
  await makeInvoices(deps, ctx, customer.id, [
    { number: 'FA-2026-0001', issueDate: '2026-01-05', dueDate: '2026-02-28', amount: 123_456 },
    { number: 'FA-2026-0002', issueDate: '2026-02-10', dueDate: '2026-03-31', amount: 845_000 },
    { number: 'FA-2026-0003', issueDate: '2026-01-20', dueDate: '2026-02-28', amount: 50_000 },
  ]);
  await makePayment(deps, ctx, customer.id, {
    reference: 'VIR-0042',
    receivedOn: '2026-03-02',
    amount: 50_000,
    invoiceNumber: 'FA-2026-0003',
  });

  prospect = await makeCustomer(deps, ctx, {
    code: 'PROSPECT',
    legalName: 'Prospect Durand SAS',
    collectorUserId: user.id,
  });
  settled = await makeCustomer(deps, ctx, {
    code: 'SOLDE',
    legalName: 'Client Soldé SARL',
    collectorUserId: user.id,
  });
  await makeInvoices(deps, ctx, settled.id, [
    { number: 'FA-2026-0100', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 10_000 },
  ]);
  await makePayment(deps, ctx, settled.id, {
    reference: 'VIR-0100',
    receivedOn: '2026-02-01',
    amount: 10_000,
    invoiceNumber: 'FA-2026-0100',
  });

  browser = await openBrowserHarness(deps);
});

afterAll(async () => {
  await browser?.close();
  await handle?.close();
});

async function signIn(page: Page): Promise<void> {
  await page.goto(`${browser.baseUrl}/customers`);
  await fillSignIn(page, user);
}

describe('a collector in the browser', () => {
  it('signs in, finds a customer, opens its page and sees its open items in French formats', async () => {
    const page = await browser.context.newPage();
    await signIn(page);
    await expect
      .poll(() => page.getByTestId('customer-row').count(), { timeout: 20_000 })
      .toBeGreaterThan(10);
    await page.screenshot({ path: `${SCREENSHOTS}/customers-list.png` });

    await page.getByTestId('customer-search').fill('martin');
    await expect.poll(() => page.getByTestId('customer-row').count(), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => new URL(page.url()).searchParams.get('search') ?? new URL(page.url()).search, {
        timeout: 5_000,
      })
      .toContain('martin');
    const row = page.getByTestId('customer-row').first();
    expect(await row.textContent()).toContain('Boulangerie Martin SARL');
    // 1 234,56 € overdue (FA-2026-0001, due 28/02/2026, 15 days late at 15/03/2026).
    expect((await row.textContent())?.replace(/\s/g, ' ')).toContain('1 234,56 €');
    await row.click();

    await expect
      .poll(() => page.getByTestId('customer-name').textContent(), { timeout: 10_000 })
      .toContain('Boulangerie Martin SARL');
    const openItems = page.getByTestId('open-item-row');
    await expect.poll(() => openItems.count(), { timeout: 10_000 }).toBe(2);
    const text = ((await page.getByTestId('open-items-table').textContent()) ?? '').replace(
      /\s/g,
      ' ',
    );
    expect(text).toContain('FA-2026-0001');
    expect(text).toContain('28/02/2026');
    expect(text).toContain('8 450,00 €');
    expect(text).not.toContain('FA-2026-0003');
    await page.screenshot({ path: `${SCREENSHOTS}/customer-page.png`, fullPage: true });
    await page.close();
  });

  it('tells a prospect without any invoice from a customer whose account is settled', async () => {
    const page = await browser.context.newPage();
    await openCustomer(page, prospect.id);
    await expect
      .poll(() => page.getByTestId('open-items-nothing-yet').textContent(), { timeout: 10_000 })
      .toContain("Aucune facture ni aucun avoir pour ce client pour l'instant.");

    await openCustomer(page, settled.id);
    await expect
      .poll(() => page.getByTestId('open-items-empty').textContent(), { timeout: 10_000 })
      .toContain('Aucune pièce ouverte : le compte est soldé.');
    await page.close();
  });
});

describe('a customer page in English', () => {
  it('words the terms and the dates in English once the user switches, then in French again', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(
      page,
      browser,
      user,
      `/customers/${martin.id}?tab=identity`,
      'payment-terms',
    );
    const identity = page.getByTestId('customer-identity');
    const terms = page.getByTestId('payment-terms');
    const text = async () => ((await identity.textContent()) ?? '').replace(/\s/g, ' ');
    expect(await terms.textContent()).toBe('45 jours fin de mois');
    // Created and updated: the date as French dates read, then the time (03/03/2026 09:59).
    expect(await text()).toMatch(/Créé le\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}Modifié le/);

    await page.getByTestId('language-switch').getByText('EN').click();
    await expect.poll(() => terms.textContent(), { timeout: 10_000 }).toBe('45 days end of month');
    const english = await text();
    // The card and its first row say two things, as « Conditions de paiement » and
    // « Délai de paiement » do.
    expect(english).toContain('Terms and payment');
    expect(english).toContain('Payment terms45 days end of month');
    expect(english).not.toContain('jours');
    // The date-time reads like English dates (`03 Mar 2026`), never `03/03/2026, 09:59`.
    expect(english).toMatch(/Created on\d{2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}Updated on/);
    expect(english).not.toMatch(/\d{2}\/\d{2}\/\d{4}/);

    // Back to French for the other tests: the choice is remembered on this browser.
    await page.getByTestId('language-switch').getByText('FR').click();
    await expect.poll(() => terms.textContent(), { timeout: 10_000 }).toBe('45 jours fin de mois');
    await page.close();
  });
});

/** Opens a customer's page, signing in first if this browser has no session yet. */
async function openCustomer(page: Page, id: string): Promise<void> {
  await openSignedIn(page, browser, user, `/customers/${id}`, 'customer-name');
}
