import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../src/app/deps.ts';
import { createUser } from '../../../src/auth/service.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { openTestRuntime } from '../../db.ts';
import { makeCompany, makeCustomer, makeInvoices, makeUser } from '../../factories.ts';
import {
  openBrowserHarness,
  openSignedIn,
  SCREENSHOTS,
  type BrowserHarness,
  type Credentials,
} from './browser-harness.ts';

let handle: DbHandle;
let browser: BrowserHarness;
let manager: Credentials;
let collector: Credentials;
let anneId: string;
/** A customer with the company's default terms, no contact, active: the one the form edits. */
let termsCustomerId: string;
const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
  let deps: Deps;
  ({ handle, deps } = await openTestRuntime());
  const { ctx } = await makeCompany(deps, { legalName: 'Atelier Verdier Équipements SAS' });
  manager = await makeUser(deps, ctx, 'credit_manager');
  const anne = await createUser(deps, ctx, {
    email: `anne.${Date.now()}@example.test`,
    displayName: 'Anne Roussel',
    role: 'collector',
    password: PASSWORD,
  });
  collector = { email: anne.user.email, password: PASSWORD };
  anneId = anne.user.id;
  await createUser(deps, ctx, {
    email: `bruno.${Date.now()}@example.test`,
    displayName: 'Bruno Martel',
    role: 'collector',
    password: PASSWORD,
  });
  for (const [code, name, collectorUserId, amount] of [
    ['ANNE1', 'Boulangerie Martin SARL', anne.user.id, 123_456],
    ['ANNE2', 'Garage Lefèvre SAS', anne.user.id, 10_000],
    ['AUTRE', 'Quincaillerie Petit', null, 500_000],
  ] as const) {
    const customer = await makeCustomer(deps, ctx, {
      code,
      legalName: name,
      collectorUserId,
    });
    await makeInvoices(deps, ctx, customer.id, [
      { number: `FA-${code}`, issueDate: '2026-01-05', dueDate: '2026-02-28', amount },
    ]);
  }
  const terms = await makeCustomer(deps, ctx, {
    code: 'TERMES',
    legalName: 'Transports Delorme SARL',
    collectorUserId: null,
  });
  termsCustomerId = terms.id;
  browser = await openBrowserHarness(deps);
});

afterAll(async () => {
  await browser?.close();
  await handle?.close();
});

/** The error text Mantine shows under an input, found through its `aria-describedby`. */
async function errorOf(page: Page, input: Locator): Promise<string> {
  await expect.poll(() => input.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/);
  const texts = await Promise.all(
    ids.filter((id) => id.endsWith('error')).map((id) => page.locator(`#${id}`).textContent()),
  );
  return texts.join(' ');
}

async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option }).click();
}

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s/g, ' ');

/** The names of the customers the list shows, in its order. */
async function rowNames(page: Page): Promise<string[]> {
  return page.getByTestId('customer-row').getByTestId('customer-name').allInnerTexts();
}

describe('the customer form in the browser', () => {
  it('lets a credit manager create a customer, fix a refused field, then change its limit and collector', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, manager, '/customers', 'customer-new');
    await page.getByTestId('customer-new').click();
    await page.getByTestId('customer-form-code').fill('neuf1');
    await page.getByTestId('customer-form-legalName').fill('Menuiserie Nouvelle SARL');
    // A SIREN whose Luhn key is wrong: the server refuses it, as the import does.
    await page.getByTestId('customer-form-siren').fill('732829321');
    await page.getByTestId('customer-form-city').fill('Lyon');
    await page.getByTestId('customer-form-submit').click();

    const siren = page.getByTestId('customer-form-siren');
    expect(await errorOf(page, siren)).toMatch(/\S/);
    // What was typed is still there, and no other field is marked.
    expect(await page.getByTestId('customer-form-legalName').inputValue()).toBe(
      'Menuiserie Nouvelle SARL',
    );
    expect(await page.getByTestId('customer-form-city').inputValue()).toBe('Lyon');
    expect(await page.getByTestId('customer-form-code').getAttribute('aria-invalid')).not.toBe(
      'true',
    );
    await siren.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/customer-form-error.png` });

    await siren.fill('732 829 320');
    await page.getByTestId('customer-form-submit').click();
    await expect
      .poll(() => page.getByTestId('customer-name').first().textContent(), { timeout: 10_000 })
      .toBe('Menuiserie Nouvelle SARL');
    expect(await text(page.getByTestId('customer-code'))).toContain('NEUF1');
    expect(await text(page.getByTestId('figure-credit-limit'))).toContain('Aucun plafond');

    await page.getByTestId('customer-edit').click();
    await page.getByTestId('customer-form-creditLimit').fill('15 000,00');
    await choose(page, page.getByTestId('customer-form-collector'), 'Bruno Martel');
    await page.getByTestId('customer-form-submit').click();
    await expect
      .poll(() => text(page.getByTestId('figure-credit-limit')), { timeout: 10_000 })
      .toContain('15 000,00 €');
    expect(await text(page.getByTestId('customer-code'))).toContain('Bruno Martel');
    await page.screenshot({ path: `${SCREENSHOTS}/customer-edited.png`, fullPage: true });

    // Reloaded from the server, not only from the form's answer.
    await page.reload();
    await expect
      .poll(() => text(page.getByTestId('figure-credit-limit')), { timeout: 10_000 })
      .toContain('15 000,00 €');
    await page.close();
  });

  it('opens a collector on "Mes clients", with the totals of their customers', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, collector, '/customers', 'customer-row');
    await expect.poll(() => page.getByTestId('customer-row').count(), { timeout: 10_000 }).toBe(2);
    const picker = page.getByTestId('customer-collector-filter');
    expect(await picker.inputValue()).toBe('Mes clients');
    // Their own list is the default: the URL says nothing of it.
    expect(new URL(page.url()).searchParams.get('collector')).toBeNull();
    expect(await rowNames(page)).toEqual(['Boulangerie Martin SARL', 'Garage Lefèvre SAS']);
    expect(await page.getByTestId('customer-new').count()).toBe(0);
    expect(await text(page.getByTestId('customer-totals'))).toContain('1 334,56 €');

    await choose(page, picker, 'Tous les clients');
    await expect
      .poll(() => page.getByTestId('customer-row').count(), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(3);
    expect(new URL(page.url()).searchParams.get('collector')).toBe('all');
    // The totals are their own request: the old ones stay, dimmed and busy, until it answers.
    await expect
      .poll(() => text(page.getByTestId('customer-totals')), { timeout: 10_000 })
      .toContain('6 334,56 €');
    expect(await page.getByTestId('customer-totals').getAttribute('aria-busy')).toBe('false');
    await page.screenshot({ path: `${SCREENSHOTS}/customers-my-customers.png` });
    await page.close();
  });
  it('lets a credit manager pick a collector and see only their customers', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, manager, '/customers', 'customer-row');
    const picker = page.getByTestId('customer-collector-filter');
    // Anyone but a collector opens on every customer.
    expect(await picker.inputValue()).toBe('Tous les clients');
    await expect
      .poll(() => page.getByTestId('customer-row').count(), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(4);

    await choose(page, picker, 'Anne Roussel');

    await expect
      .poll(() => rowNames(page), { timeout: 10_000 })
      .toEqual(['Boulangerie Martin SARL', 'Garage Lefèvre SAS']);
    expect(new URL(page.url()).searchParams.get('collector')).toBe(anneId);
    await expect
      .poll(() => text(page.getByTestId('customer-totals')), { timeout: 10_000 })
      .toContain('1 334,56 €');
    await page.screenshot({ path: `${SCREENSHOTS}/customers-by-collector.png` });

    // The link keeps the choice: opened again, the list is still Anne's.
    await page.reload();
    await expect
      .poll(() => rowNames(page), { timeout: 10_000 })
      .toEqual(['Boulangerie Martin SARL', 'Garage Lefèvre SAS']);
    expect(await picker.inputValue()).toBe('Anne Roussel');
    await page.close();
  });

  it('lets a credit manager change the terms and status and add a contact, refusing a bad e-mail in French', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await openSignedIn(
      page,
      browser,
      manager,
      `/customers/${termsCustomerId}?tab=identity`,
      'customer-identity',
    );
    expect(await text(page.getByTestId('customer-status'))).toBe('Actif');
    await page.getByTestId('customer-edit').click();

    await page.getByTestId('customer-form-paymentTerms').fill('45 jours fin de mois');
    await choose(page, page.getByTestId('customer-form-status'), 'Bloqué');
    await page.getByRole('button', { name: 'Ajouter un contact' }).click();
    const contact = page.getByTestId('contact-row');
    await choose(page, contact.getByLabel('Rôle du contact'), 'Facturation');
    await contact.getByLabel('Nom', { exact: true }).fill('Claire Dupont');
    const email = contact.getByLabel('E-mail');
    await email.fill('claire.dupont@');
    await page.getByTestId('customer-form-submit').click();

    // The server refuses it; the form says why, in French, on the contact's e-mail.
    expect(await errorOf(page, email)).toBe('adresse e-mail invalide');
    expect(await contact.getByLabel('Nom', { exact: true }).inputValue()).toBe('Claire Dupont');
    expect(
      await page.getByTestId('customer-form-paymentTerms').getAttribute('aria-invalid'),
    ).not.toBe('true');
    await email.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/customer-form-contact-error.png` });

    await email.fill('claire.dupont@delorme.example');
    await page.getByTestId('customer-form-submit').click();
    await page.getByTestId('customer-form').waitFor({ state: 'detached', timeout: 10_000 });

    const shown = async () => ({
      status: await text(page.getByTestId('customer-status')),
      terms: await text(page.getByTestId('payment-terms')),
      contacts: await page.getByTestId('customer-contact').allInnerTexts(),
    });
    const expected = {
      status: 'Bloqué',
      terms: '45 jours fin de mois',
      contacts: [
        expect.stringMatching(/Facturation\s+Claire Dupont\s+claire\.dupont@delorme\.example/i),
      ],
    };
    await expect.poll(shown, { timeout: 10_000 }).toEqual(expected);
    await page.screenshot({ path: `${SCREENSHOTS}/customer-terms-contact.png`, fullPage: true });

    // Reloaded from the server, not only from the form's answer.
    await page.reload();
    await page.getByTestId('customer-identity').waitFor({ timeout: 10_000 });
    await expect.poll(shown, { timeout: 10_000 }).toEqual(expected);

    // Edited again, the terms read as they were typed, not as their code (`eom:45`).
    await page.getByTestId('customer-edit').click();
    expect(await page.getByTestId('customer-form-paymentTerms').inputValue()).toBe(
      '45 jours fin de mois',
    );
    await page.close();
  });
});
