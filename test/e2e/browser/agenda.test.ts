/**
 * The collector's agenda in the browser (issue 9's proof): the daily run makes a call for
 * a customer with an overdue invoice; the collector opens the agenda (« Mes actions »),
 * reads the call — customer, step, amount at stake, the contact's number, the script —,
 * records « Promesse de paiement » at the keyboard with an amount and a date, saves with
 * Ctrl+Enter, and finds the promise on the customer's page. Then a phone-width look, and
 * the daily run's page: its preview, the held-back reasons in words, the run itself.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/app/context.ts';
import type { Deps } from '../../../src/app/deps.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { listAgenda } from '../../../src/dunning/agenda.ts';
import { runDunning } from '../../../src/dunning/run.ts';
import { saveScenario } from '../../../src/dunning/service.ts';
import { listPromises } from '../../../src/promises/service.ts';
import { cents } from '../../../src/shared/money.ts';
import { openTestRuntime } from '../../db.ts';
import { makeCompany, makeCustomer, makeInvoices, makeUser } from '../../factories.ts';
import {
  openBrowserHarness,
  openSignedIn,
  SCREENSHOTS,
  type BrowserHarness,
} from './browser-harness.ts';

let handle: DbHandle;
let deps: Deps;
let ctx: Ctx;
let browser: BrowserHarness;
let collector: { email: string; password: string; id: string };
let manager: { email: string; password: string; id: string };
let martinId: string;

/** Text as shown, line breaks and every kind of space (narrow no-break ones too) one plain space. */
function plain(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

const items = (page: Page) => page.getByTestId('agenda-item');

/**
 * Today is 15 March 2026 (the tests' clock). The company calls at J+5 instead of e-mailing:
 * Martin's invoice, due 20 February, is 23 days late, so the run makes one call; Dupont's,
 * disputed-free but 2 €, is below the tolerance and held back.
 */
beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
  ({ ctx } = await makeCompany(deps, { legalName: 'Atelier Verdier Équipements SAS' }));
  collector = await makeUser(deps, ctx, 'collector');
  manager = await makeUser(deps, ctx, 'credit_manager');
  await saveScenario(deps, ctx, undefined, {
    name: 'Appels d’abord',
    steps: [
      {
        id: 'j5_call',
        offsetDays: 5,
        channel: 'call',
        templateId: 'call_script',
        needsApproval: false,
        minOverdueCents: null,
        riskCategories: null,
      },
    ],
    riskCategory: null,
    isCompanyDefault: true,
  });
  const martin = await makeCustomer(deps, ctx, {
    code: 'MARTIN',
    legalName: 'Boulangerie Martin SARL',
    collectorUserId: collector.id,
    riskCategory: 'high',
    contacts: [
      {
        role: 'billing',
        name: 'Claire Martin',
        email: 'compta@boulangerie-martin.test',
        phone: '04 78 00 00 01',
      },
    ],
  });
  martinId = martin.id;
  await makeInvoices(deps, ctx, martin.id, [
    { number: 'FA-2026-000101', issueDate: '2026-01-21', dueDate: '2026-02-20', amount: 150_000 },
  ]);
  const dupont = await makeCustomer(deps, ctx, {
    code: 'DUPONT',
    legalName: 'Transports Dupont SAS',
    collectorUserId: collector.id,
  });
  await makeInvoices(deps, ctx, dupont.id, [
    { number: 'FA-2026-000201', issueDate: '2026-01-10', dueDate: '2026-02-09', amount: 200 },
  ]);
  // Bernard's smaller, fresher debt ranks after Martin's in the collector's day.
  const bernard = await makeCustomer(deps, ctx, {
    code: 'BERNARD',
    legalName: 'Garage Bernard',
    collectorUserId: collector.id,
    riskCategory: 'low',
  });
  await makeInvoices(deps, ctx, bernard.id, [
    { number: 'FA-2026-000401', issueDate: '2026-01-15', dueDate: '2026-02-15', amount: 30_000 },
  ]);
  // Nobody collects Leroy: its call is in everybody's agenda, not in the collector's own.
  const leroy = await makeCustomer(deps, ctx, {
    code: 'LEROY',
    legalName: 'Quincaillerie Leroy et Fils Équipements Professionnels SARL',
  });
  await makeInvoices(deps, ctx, leroy.id, [
    { number: 'FA-2026-000301', issueDate: '2026-01-02', dueDate: '2026-02-01', amount: 80_000 },
  ]);
  browser = await openBrowserHarness(deps);
});

afterAll(async () => {
  await browser?.close();
  await handle?.close();
});

describe('the collector’s agenda in the browser', () => {
  it('previews the daily run with its held-back reasons in words, then runs it', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, manager, '/dunning/run', 'dunning-run-page');
    expect(await page.title()).toBe('Relance du jour · Encaisse');
    await page.getByTestId('runs-empty').waitFor({ timeout: 20_000 });

    await page.getByTestId('run-preview-button').click();
    const preview = page.getByTestId('run-preview');
    await preview.waitFor({ timeout: 20_000 });
    expect(plain(await preview.textContent())).toContain('Aperçu de la relance du 15/03/2026');
    expect(await preview.getByTestId('run-action').count()).toBe(3);
    const action = plain(
      await preview.getByTestId('run-action').filter({ hasText: 'MARTIN' }).textContent(),
    );
    expect(action).toContain('MARTIN · Boulangerie Martin SARL');
    expect(action).toContain('J+5 · Appel');
    expect(action).toContain('1 500,00 €');
    expect(plain(await preview.getByTestId('run-held-back').textContent())).toContain(
      'Solde à relancer sous le seuil de tolérance.',
    );
    expect(plain(await preview.getByTestId('run-held-back').textContent())).toContain(
      'DUPONT · Transports Dupont SAS',
    );
    // A preview changes nothing: no run is listed, no call is in the agenda.
    expect(await page.getByTestId('runs-empty').isVisible()).toBe(true);
    const before = await listAgenda(deps, ctx, { assignee: 'all', limit: 200 });
    expect(before.items).toHaveLength(0);

    await page.getByTestId('run-launch-button').click();
    await page.getByTestId('run-confirm').click();
    const report = page.getByTestId('run-report');
    await report.waitFor({ timeout: 20_000 });
    expect(plain(await report.textContent())).toContain('Relance du 15/03/2026');
    await expect.poll(() => page.getByTestId('run-row').count(), { timeout: 20_000 }).toBe(1);
    expect(plain(await page.getByTestId('run-row').first().textContent())).toContain('15/03/2026');
    await page.screenshot({ path: `${SCREENSHOTS}/dunning-run.png`, fullPage: true });
    await page.close();
  });

  it('records a call’s promise at the keyboard and shows it on the customer page', async () => {
    // The run of the previous test made the call; running again the same day adds nothing.
    await runDunning(deps, ctx);
    // The collector signs in on this browser, where the credit manager was.
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, collector, '/agenda', 'agenda-page');
    expect(await page.title()).toBe('Agenda · Encaisse');
    // « Mes actions »: Martin's and Bernard's calls, Martin's first (more money, later); not Leroy's.
    await expect.poll(() => items(page).count(), { timeout: 20_000 }).toBe(2);
    expect(plain(await items(page).nth(1).textContent())).toContain('BERNARD · Garage Bernard');
    const bernardItemId = await items(page).nth(1).getAttribute('data-item-id');
    expect(plain(await page.getByTestId('agenda-assignee-filter').inputValue())).toBe(
      'Mes actions',
    );

    const call = items(page).first();
    expect(await call.getAttribute('data-kind')).toBe('call');
    expect(await call.getAttribute('data-selected')).toBe('true');
    const card = plain(await call.textContent());
    expect(card).toContain('Appel');
    expect(card).toContain('MARTIN · Boulangerie Martin SARL');
    expect(card).toContain('Risque élevé');
    expect(card).toContain('J+5 · Appel');
    expect(card).toContain('1 facture');
    expect(card).toContain('1 500,00 €');
    expect(card).toContain('23 j');
    expect(card).toContain('Attribuée à Test collector');

    const panel = page.getByTestId('agenda-panel');
    expect(plain(await panel.getByTestId('agenda-contact').textContent())).toContain(
      'Claire Martin',
    );
    expect(await panel.getByTestId('agenda-phone').getAttribute('href')).toBe('tel:0478000001');
    expect(plain(await panel.getByTestId('agenda-invoices').innerText())).toContain(
      'FA-2026-000101 20/02/2026 1 500,00 € 23 j',
    );
    expect(plain(await panel.getByTestId('agenda-script').textContent())).not.toBe('');

    // The shortcuts' help, from « ? ».
    await call.focus();
    await page.keyboard.press('?');
    await page.getByTestId('agenda-shortcuts').waitFor({ timeout: 5_000 });
    expect(plain(await page.getByTestId('agenda-shortcuts').textContent())).toContain(
      'Promesse de paiement',
    );
    await page.keyboard.press('Escape');
    await page.getByTestId('agenda-shortcuts').waitFor({ state: 'detached', timeout: 5_000 });

    // Enter opens, p picks « Promesse de paiement »: the amount is the invoices' total.
    await call.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('p');
    const amount = page.getByTestId('promise-amount');
    await amount.waitFor({ timeout: 5_000 });
    expect(await page.getByTestId('outcome-promise_given').getAttribute('aria-checked')).toBe(
      'true',
    );
    expect(await amount.inputValue()).toBe('1500,00');
    expect(await page.getByTestId('promise-invoice').isChecked()).toBe(true);
    await amount.fill('1 000,50');
    await page.getByTestId('promise-date').fill('31/03/2026');
    await page.getByTestId('agenda-note').fill('Virement promis par Mme Martin');
    await page.screenshot({ path: `${SCREENSHOTS}/agenda-promise.png`, fullPage: true });
    await page.keyboard.press('Control+Enter');

    // Saved: Martin's call leaves, Bernard's comes up selected and focused.
    await expect.poll(() => items(page).count(), { timeout: 20_000 }).toBe(1);
    await expect
      .poll(() =>
        page.evaluate<string | null>(
          "document.activeElement?.getAttribute('data-item-id') ?? null",
        ),
      )
      .toBe(bernardItemId);
    expect(await items(page).first().getAttribute('data-selected')).toBe('true');

    // 2 is « Messagerie », the focus then in the note; Ctrl+Enter saves from there.
    await page.keyboard.press('2');
    await expect
      .poll(() => page.getByTestId('outcome-voicemail').getAttribute('aria-checked'))
      .toBe('true');
    await expect
      .poll(() => page.evaluate<string | null>('document.activeElement?.id ?? null'))
      .toBe('agenda-note');
    await page.keyboard.type('Message laissé');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('agenda-empty').waitFor({ timeout: 20_000 });
    const promises = await listPromises(deps, ctx, { customerId: martinId, limit: 10 });
    expect(promises).toMatchObject([{ amountCents: cents(100_050), promisedOn: '2026-03-31' }]);

    // The customer's page, « Promesses » tab.
    await page.goto(`${browser.baseUrl}/customers/${martinId}?tab=promises`);
    await page.getByTestId('customer-back').waitFor({ timeout: 20_000 });
    await page.getByRole('tab', { name: 'Promesses' }).click();
    const promiseCard = page.getByTestId('promise-card');
    await promiseCard.waitFor({ timeout: 20_000 });
    expect(await promiseCard.count()).toBe(1);
    const promise = plain(await promiseCard.textContent());
    expect(promise).toContain('1 000,50 €');
    expect(promise).toContain('31/03/2026');
    expect(plain(await promiseCard.getByTestId('promise-invoices').textContent())).toContain(
      'FA-2026-000101',
    );
    await page.screenshot({ path: `${SCREENSHOTS}/agenda-customer-promise.png`, fullPage: true });
    await page.close();
  });

  it('keeps the filters in the URL and shows cards without sideways scroll on a phone', async () => {
    const phone = await openBrowserHarness(deps, { viewport: { width: 390, height: 844 } });
    const overflow = (page: Page) =>
      page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
    try {
      const page = await phone.context.newPage();
      await openSignedIn(page, phone, manager, '/agenda?kind=call&risk=high', 'agenda-page');
      expect(await page.getByTestId('agenda-kind-filter').inputValue()).toBe('Appel');
      expect(await page.getByTestId('agenda-risk-filter').inputValue()).toBe('Risque élevé');
      // Martin's call was done: nothing left of that kind at that risk.
      await page.getByTestId('agenda-empty').waitFor({ timeout: 20_000 });
      expect(plain(await page.getByTestId('agenda-empty').textContent())).toContain(
        'Aucune action ne correspond à ces filtres.',
      );

      // Another risk: Leroy's call, on a card; the URL follows the filter.
      await page.getByTestId('agenda-risk-filter').click();
      await page.getByRole('option', { name: 'Risque standard' }).click();
      await expect.poll(() => items(page).count(), { timeout: 20_000 }).toBe(1);
      expect(new URL(page.url()).search).toBe('?kind=call&risk=standard');
      expect(plain(await items(page).first().textContent())).toContain(
        'LEROY · Quincaillerie Leroy et Fils Équipements Professionnels SARL',
      );
      expect(plain(await items(page).first().textContent())).toContain('Non attribuée');
      expect(await overflow(page)).toBeLessThanOrEqual(0);

      // A tap opens the action in a drawer, still without sideways scroll.
      // (Its corner: the customer's name in its middle is a link to the customer's page.)
      await items(page)
        .first()
        .click({ position: { x: 6, y: 6 } });
      const panel = page.getByTestId('agenda-panel');
      await panel.waitFor({ timeout: 5_000 });
      expect(plain(await panel.textContent())).toContain('800,00 €');
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SCREENSHOTS}/agenda-phone.png` });
    } finally {
      await phone.close();
    }
  });
});
