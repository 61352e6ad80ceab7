/**
 * The « Relances » area in the browser: a credit manager adds a step to the default
 * scenario, is refused two steps on one day with the message on the step at fault, fixes
 * it and saves; is told why the company default cannot be deleted, makes a scenario for
 * a risk category and deletes it; edits a template with an unknown variable and sees the
 * error with its line, then the live preview on a real customer (its name, `1 234,56 €`),
 * another customer picked by search; a collector reads without editing and sees no SMTP settings; an admin
 * tries the company's SMTP server (a real `smtp-server` on 127.0.0.1), then an unreachable
 * one; at phone width nothing scrolls sideways.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/app/context.ts';
import type { Deps } from '../../../src/app/deps.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { listScenarios } from '../../../src/dunning/service.ts';
import { openTestRuntime } from '../../db.ts';
import { closedPort, TestSmtpServer } from '../../smtp-server.ts';
import { makeCompany, makeCustomer, makeInvoices, makeUser } from '../../factories.ts';
import {
  openBrowserHarness,
  openSignedIn,
  SCREENSHOTS,
  type BrowserHarness,
  type Credentials,
} from './browser-harness.ts';

let handle: DbHandle;
let deps: Deps;
let ctx: Ctx;
let browser: BrowserHarness;
let manager: Credentials;
let collector: Credentials;
let admin: Credentials;
const smtp = new TestSmtpServer();
const { received } = smtp;

/** Martin owes 1 234,56 € (the most, so the preview starts on it), Dupont 99,00 €. */
beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
  ({ ctx } = await makeCompany(deps, { legalName: 'Atelier Verdier Équipements SAS' }));
  manager = await makeUser(deps, ctx, 'credit_manager');
  collector = await makeUser(deps, ctx, 'collector');
  admin = await makeUser(deps, ctx, 'admin');
  const martin = await makeCustomer(deps, ctx, {
    code: 'MARTIN',
    legalName: 'Boulangerie Martin SARL',
    contacts: [{ role: 'billing', name: 'Claire Martin', email: 'compta@martin.example' }],
  });
  const dupont = await makeCustomer(deps, ctx, {
    code: 'DUPONT',
    legalName: 'Transports Dupont SAS',
  });
  await makeInvoices(deps, ctx, martin.id, [
    { number: 'FA-2026-000101', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 123_456 },
  ]);
  await makeInvoices(deps, ctx, dupont.id, [
    { number: 'FA-2026-000201', issueDate: '2026-01-08', dueDate: '2026-02-07', amount: 9_900 },
  ]);
  await smtp.start();
  browser = await openBrowserHarness(deps);
});

afterAll(async () => {
  await browser?.close();
  await smtp.stop();
  await handle?.close();
});

/** Text as shown, line breaks and every kind of space (narrow no-break ones too) one plain space. */
function plain(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Picks `label` in the Mantine select whose input is `testId` (inside `scope`). */
async function choose(page: Page, input: ReturnType<Page['getByTestId']>, label: string) {
  await input.click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

const steps = (page: Page) => page.getByTestId('step-row');

describe('the Relances area in the browser', () => {
  it('adds a step to the default scenario, refused on the same day as another, then saved', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, manager, '/customers', 'customer-count');
    await page.getByRole('navigation').getByRole('link', { name: 'Relances' }).click();
    await page.getByTestId('dunning-page').waitFor({ timeout: 20_000 });
    expect(await page.title()).toBe('Relances · Encaisse');

    const card = page.getByTestId('scenario-card').first();
    await card.waitFor({ timeout: 20_000 });
    expect(plain(await card.textContent())).toContain('Scénario standard');
    expect(plain(await card.textContent())).toContain('Défaut de la société');
    expect(plain(await card.getByTestId('scenario-counts').textContent())).toBe(
      '7 étapes · 0 client',
    );
    await expect.poll(() => steps(page).count(), { timeout: 20_000 }).toBe(7);
    expect(await page.getByTestId('step-day-label').allTextContents()).toEqual([
      'J\u221210',
      'J+5',
      'J+15',
      'J+17',
      'J+30',
      'J+45',
      'J+60',
    ]);

    // A new step: an e-mail a week after the last one; put on J+45, the hold's day.
    await page.getByTestId('step-add').click();
    await expect.poll(() => steps(page).count()).toBe(8);
    const added = steps(page).nth(7);
    expect(plain(await added.getByTestId('step-day-label').textContent())).toBe('J+67');
    await added.getByTestId('step-day').fill('45');
    await choose(page, added.getByTestId('step-channel'), 'Courrier');
    await choose(page, added.getByTestId('step-template'), 'formal_notice');
    await added.getByTestId('step-min-overdue').fill('1 500,00');
    await page.getByTestId('scenario-save').click();

    await expect
      .poll(() => added.getAttribute('data-has-issues'), { timeout: 20_000 })
      .toBe('true');
    expect(plain(await added.textContent())).toContain('tombent le même jour (45)');
    // The other step of that day is not blamed; nothing was saved.
    expect(await steps(page).nth(5).getAttribute('data-has-issues')).toBe('false');
    expect(plain(await page.getByTestId('scenario-refused').textContent())).toContain(
      'Le scénario ne peut pas être enregistré',
    );
    await page.screenshot({ path: `${SCREENSHOTS}/dunning-scenario-refused.png`, fullPage: true });
    expect((await listScenarios(deps, ctx))[0]?.steps).toHaveLength(7);

    // Nothing may come after the litigation step (J+60): a reminder letter at J+40.
    await added.getByTestId('step-day').fill('40');
    await page.getByTestId('scenario-save').click();
    await page.getByTestId('scenario-saved').waitFor({ timeout: 20_000 });
    // Saved, the steps read in the order they run.
    expect(await page.getByTestId('step-day-label').allTextContents()).toEqual([
      'J\u221210',
      'J+5',
      'J+15',
      'J+17',
      'J+30',
      'J+40',
      'J+45',
      'J+60',
    ]);
    expect(await page.locator('[data-has-issues="true"]').count()).toBe(0);

    const [saved] = await listScenarios(deps, ctx);
    expect(saved?.steps.map((step) => step.offsetDays)).toEqual([-10, 5, 15, 17, 30, 40, 45, 60]);
    expect(saved?.steps[5]).toMatchObject({
      channel: 'letter',
      templateId: 'formal_notice',
      needsApproval: false,
      minOverdueCents: 150_000,
      riskCategories: null,
    });

    // The company default cannot go: the dialog says why (409), and it stays.
    await page.getByTestId('scenario-delete').click();
    await page.getByTestId('scenario-delete-confirm').click();
    const dialog = page.getByTestId('scenario-delete-dialog');
    await expect
      .poll(async () => plain(await dialog.getByRole('alert').textContent()), { timeout: 20_000 })
      .toContain('Le scénario par défaut de la société ne peut pas être supprimé');
    await page.keyboard.press('Escape');
    expect(await listScenarios(deps, ctx)).toHaveLength(1);

    // A scenario of its own for risky customers, made and then deleted.
    await page.getByTestId('scenario-new').click();
    await page.getByTestId('scenario-name').fill('Clients à risque');
    await choose(page, page.getByTestId('scenario-risk-category'), 'Risque élevé');
    await page.getByTestId('scenario-save').click();
    await expect.poll(() => page.getByTestId('scenario-card').count(), { timeout: 20_000 }).toBe(2);
    const risky = page.getByTestId('scenario-card').nth(1);
    expect(plain(await risky.textContent())).toContain('Défaut : Risque élevé');
    expect(await risky.getAttribute('data-selected')).toBe('true');
    await page.getByTestId('scenario-delete').click();
    await page.getByTestId('scenario-delete-confirm').click();
    await expect.poll(() => page.getByTestId('scenario-card').count(), { timeout: 20_000 }).toBe(1);
    expect((await listScenarios(deps, ctx)).map((scenario) => scenario.name)).toEqual([
      'Scénario standard',
    ]);
    await page.close();
  });

  it('shows an unknown variable with its line, and the live preview on a real customer', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, manager, '/dunning?tab=templates', 'dunning-page');
    await page.getByTestId('template-reminder_1-fr').click();
    const body = page.getByTestId('template-body');
    await expect.poll(() => body.inputValue(), { timeout: 20_000 }).not.toBe('');

    await body.fill('Bonjour {{ customer.name }},\n\nVous nous devez {{ totals.du }}.\n');
    const issue = page.getByTestId('template-issue');
    await issue.first().waitFor({ timeout: 20_000 });
    expect(plain(await issue.first().textContent())).toBe(
      'Ligne 3 : la variable totals.du n’existe pas',
    );
    expect(await issue.first().getAttribute('data-line')).toBe('3');
    // Saving it is refused the same way, under the body.
    await page.getByTestId('template-save').click();
    await expect
      .poll(async () => plain(await page.getByTestId('template-editor').textContent()), {
        timeout: 20_000,
      })
      .toContain('Ligne 3 : la variable totals.du n’existe pas');

    await body.fill(
      'Bonjour {{ contact.name }},\n\n{{ customer.name }} nous doit {{ totals.open_amount }}.\n',
    );
    const preview = page.getByTestId('template-preview-body');
    await expect
      .poll(async () => plain(await preview.textContent()), { timeout: 20_000 })
      .toBe('Bonjour Claire Martin, Boulangerie Martin SARL nous doit 1 234,56 €.');
    await page.screenshot({ path: `${SCREENSHOTS}/dunning-template-preview.png`, fullPage: true });

    // Another customer, found by search in the picker.
    const picker = page.getByTestId('edit-customer');
    await picker.click();
    await picker.fill('Dupont');
    await page.getByRole('option', { name: 'DUPONT · Transports Dupont SAS' }).click();
    await expect
      .poll(async () => plain(await preview.textContent()), { timeout: 20_000 })
      .toContain('Transports Dupont SAS nous doit 99,00 €.');

    await page.getByTestId('template-save').click();
    await page.getByTestId('template-saved').waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('lets a collector read the configuration but not change it, with no SMTP settings', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, collector, '/dunning', 'dunning-page');
    await page.getByTestId('dunning-read-only').waitFor({ timeout: 20_000 });
    await expect.poll(() => steps(page).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('scenario-save').count()).toBe(0);
    expect(await page.getByTestId('step-add').count()).toBe(0);
    await page.getByTestId('dunning-tab-settings').click();
    await page.getByTestId('policy-form').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('policy-tolerance').inputValue()).toBe('10,00');
    expect(await page.getByTestId('policy-save').count()).toBe(0);
    expect(await page.getByTestId('mail-settings').count()).toBe(0);
    await page.close();
  });

  it('lets an admin try the company’s SMTP server, and says when it cannot be reached', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, admin, '/dunning?tab=settings', 'dunning-page');
    const mail = page.getByTestId('mail-settings');
    await mail.getByTestId('mail-host').waitFor({ timeout: 20_000 });
    await mail.getByTestId('mail-host').fill('127.0.0.1');
    await mail.getByTestId('mail-port').fill(String(smtp.port));
    await mail.getByTestId('mail-from-address').fill('relances@verdier.example');
    await mail.getByTestId('mail-from-name').fill('Service recouvrement');
    await mail.getByTestId('mail-test-to').fill('essai@verdier.example');
    await mail.getByTestId('mail-test-send').click();
    await mail.getByTestId('mail-test-sent').waitFor({ timeout: 30_000 });
    expect(plain(await mail.getByTestId('mail-test-sent').textContent())).toContain(
      'E-mail d’essai envoyé à essai@verdier.example',
    );
    expect(received.map((mailReceived) => mailReceived.to)).toEqual([['essai@verdier.example']]);

    await mail.getByTestId('mail-save').click();
    await mail.getByTestId('mail-saved').waitFor({ timeout: 20_000 });

    const closed = await closedPort();
    await mail.getByTestId('mail-port').fill(String(closed));
    await mail.getByTestId('mail-test-send').click();
    const alert = mail.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(plain(await alert.textContent())).toContain(
      `Le serveur d’e-mail 127.0.0.1:${closed} est injoignable`,
    );
    await page.close();
  });

  it('fits a phone: the scenario and its steps without sideways scrolling', async () => {
    const phone = await openBrowserHarness(deps, { viewport: { width: 390, height: 844 } });
    try {
      const page = await phone.context.newPage();
      await openSignedIn(page, phone, manager, '/dunning', 'dunning-page');
      await expect.poll(() => steps(page).count(), { timeout: 20_000 }).toBeGreaterThan(0);
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${SCREENSHOTS}/dunning-phone.png`, fullPage: true });
      await page.getByTestId('dunning-tab-templates').click();
      await page.getByTestId('template-body').waitFor({ timeout: 20_000 });
      expect(
        await page.evaluate<number>('document.documentElement.scrollWidth'),
      ).toBeLessThanOrEqual(390);
    } finally {
      await phone.close();
    }
  });
});
