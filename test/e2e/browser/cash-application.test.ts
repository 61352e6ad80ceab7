/**
 * Cash application in the browser: a camt statement uploaded on the Imports page, the
 * matcher's automatic match read with its reason, the matcher run again with its rates, a
 * queued line confirmed at the keyboard (and the invoice's open amount down), another set
 * aside and back, then edited to a customer found by search; an admin changing the
 * company's automatic-application threshold, which the next run uses. Each applied card
 * names what its payment settled; a read-only user sees them, but not the Imports page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/app/context.ts';
import type { Deps } from '../../../src/app/deps.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { importBankFile } from '../../../src/bank/service.ts';
import { ZCashApplicationSettings, ZMatchRunReport } from '../../../src/bank/matching/schemas.ts';
import { ZListInvoicesQuery } from '../../../src/ledger/schemas.ts';
import { listInvoices } from '../../../src/ledger/invoice-lists.ts';
import {
  createCurrentAccount,
  fourLineStatement,
  marchStatement,
} from '../../cash-application-fixture.ts';
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
let user: { email: string; password: string };

/** Martin owes 1 200,00 € and 450,00 €, Dupont 999,00 €. */
beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
  ({ ctx } = await makeCompany(deps, { legalName: 'Atelier Verdier Équipements SAS' }));
  user = await makeUser(deps, ctx, 'credit_manager');
  await createCurrentAccount(deps, ctx);
  const martin = await makeCustomer(deps, ctx, {
    code: 'MARTIN',
    legalName: 'Boulangerie Martin SARL',
  });
  const dupont = await makeCustomer(deps, ctx, {
    code: 'DUPONT',
    legalName: 'Transports Dupont SAS',
  });
  await makeInvoices(deps, ctx, martin.id, [
    { number: 'FA-2026-000101', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 120_000 },
    { number: 'FA-2026-000102', issueDate: '2026-01-12', dueDate: '2026-02-11', amount: 45_000 },
  ]);
  await makeInvoices(deps, ctx, dupont.id, [
    { number: 'FA-2026-000201', issueDate: '2026-01-08', dueDate: '2026-02-07', amount: 99_900 },
  ]);
  browser = await openBrowserHarness(deps);
});

afterAll(async () => {
  await browser?.close();
  await handle?.close();
});

/**
 * Martin's transfer naming its invoice (applied at once), 300,00 € from Dupont that fits
 * none of its invoices exactly (queued, Dupont suggested), bank fees, and 777,00 € from a
 * payer nobody knows (queued, no suggestion).
 */
const STATEMENT = fourLineStatement('RELEVE-0302', {
  text: 'VIREMENT RECU',
  counterparty: 'SCI LES TILLEULS',
});

/** Text as shown, line breaks and every kind of space (narrow no-break ones too) one plain space. */
function plain(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

const tabText = async (page: Page, testId: string) =>
  plain(await page.getByTestId(testId).textContent());

const cards = (page: Page) => page.getByTestId('bank-line-card');

async function invoiceId(number: string): Promise<string> {
  const page = await listInvoices(
    deps,
    ctx,
    ZListInvoicesQuery.parse({ search: number, status: 'all' }),
  );
  const found = page.items.find((item) => item.number === number);
  if (found === undefined) {
    throw new Error(`no invoice ${number}`);
  }
  return found.id;
}

/** The sentence that shows the company's threshold, as read. */
const thresholdText = async (page: Page) =>
  plain(await page.getByTestId('auto-apply-threshold').textContent());

/** Which card has the focus, by its line's id. */
const focusedLineId = (page: Page) =>
  page.evaluate<string | null>("document.activeElement?.getAttribute('data-line-id') ?? null");

describe('cash application in the browser', () => {
  it('shows the automatic match with its reason, and confirms a queued line at the keyboard', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, user, '/imports', 'imports-page');
    const upload = page.getByTestId('bank-import');
    await upload.locator('input[type="file"]').setInputFiles({
      name: 'releve-0302.xml',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(STATEMENT),
    });
    await upload.getByTestId('bank-submit').click();
    await expect
      .poll(async () => plain(await upload.getByTestId('import-file').textContent()), {
        timeout: 20_000,
      })
      .toContain('releve-0302.xml');

    await page.getByRole('navigation').getByRole('link', { name: 'Rapprochement' }).click();
    await page.getByTestId('cash-application-page').waitFor({ timeout: 20_000 });
    expect(await page.title()).toBe('Rapprochement · Encaisse');
    await expect
      .poll(() => tabText(page, 'tab-queued'), { timeout: 20_000 })
      .toBe('À rapprocher (2)');
    expect(await tabText(page, 'tab-applied')).toBe('Rapprochées (1)');
    expect(await tabText(page, 'tab-set-aside')).toBe('Écartées (1)');

    // Run again: nothing more reaches the threshold; the rates are over the two lines in.
    await page.getByTestId('run-matcher').click();
    const report = page.getByTestId('run-report');
    await report.waitFor({ timeout: 20_000 });
    expect(plain(await report.textContent())).toContain(
      '0 ligne rapprochée automatiquement. 2 restent à rapprocher.',
    );
    expect(plain(await page.getByTestId('run-payer-rate').textContent())).toBe(
      'Payeur reconnu : 50 %',
    );
    expect(plain(await page.getByTestId('run-invoice-rate').textContent())).toBe(
      'Soldées sur factures : 0 %',
    );

    // What the matcher applied alone, with who did it, how sure and why.
    await page.getByTestId('tab-applied').click();
    await expect.poll(() => cards(page).count(), { timeout: 20_000 }).toBe(1);
    const automatic = plain(await cards(page).first().textContent());
    expect(automatic).toContain('02/03/2026');
    expect(automatic).toContain('1 200,00 €');
    expect(automatic).toContain('BOULANGERIE MARTIN');
    expect(automatic).toContain('FR76 1010 7001 0112 3456 7890 129');
    expect(automatic).toContain('REGLEMENT FACTURE FA-2026-000101');
    expect(automatic).toContain('MARTIN Boulangerie Martin SARL');
    expect(plain(await page.getByTestId('match-applied-by').textContent())).toBe('Automatique');
    expect(plain(await page.getByTestId('match-confidence').textContent())).toBe('99 %');
    expect(await page.getByTestId('match-reason').allTextContents()).toContain(
      'Numéro de facture FA-2026-000101 dans le libellé',
    );
    // What its payment settled, read from the ledger.
    const settledByMatcher = cards(page).first().getByTestId('match-settlement');
    expect(plain(await settledByMatcher.innerText())).toBe(
      'Lettrage du paiement Facture FA-2026-000101 1 200,00 €',
    );

    // The queue, oldest first; the first line is selected.
    await page.getByTestId('tab-queued').click();
    await expect.poll(() => cards(page).count(), { timeout: 20_000 }).toBe(2);
    expect(await page.getByTestId('keyboard-hint').isVisible()).toBe(true);
    const dupontLine = cards(page).first();
    const dupontLineId = await dupontLine.getAttribute('data-line-id');
    expect(await dupontLine.getAttribute('data-selected')).toBe('true');
    const queued = plain(await dupontLine.textContent());
    expect(queued).toContain('300,00 €');
    expect(queued).toContain('TRANSPORTS DUPONT');
    expect(queued).toContain('DUPONT Transports Dupont SAS');
    expect(queued).toContain('Facture FA-2026-000201');
    expect(queued).toContain('Réparti sur ses plus anciennes factures ouvertes');
    expect(plain(await dupontLine.getByTestId('match-confidence').textContent())).toBe('50 %');
    expect(plain(await cards(page).nth(1).textContent())).toContain(
      'Aucune proposition : choisissez le client avec « Modifier ».',
    );

    // j moves down, k back up: the selection wears the focus ring; Enter confirms.
    await page.keyboard.press('j');
    await expect.poll(() => cards(page).nth(1).getAttribute('data-selected')).toBe('true');
    expect(await focusedLineId(page)).toBe(await cards(page).nth(1).getAttribute('data-line-id'));
    await page.keyboard.press('k');
    await expect.poll(() => dupontLine.getAttribute('data-selected')).toBe('true');
    expect(await focusedLineId(page)).toBe(dupontLineId);
    await page.screenshot({ path: `${SCREENSHOTS}/cash-application-queue.png`, fullPage: true });
    await page.keyboard.press('Enter');

    await expect
      .poll(() => tabText(page, 'tab-queued'), { timeout: 20_000 })
      .toBe('À rapprocher (1)');
    expect(await tabText(page, 'tab-applied')).toBe('Rapprochées (2)');
    await expect.poll(() => cards(page).count()).toBe(1);
    expect(await cards(page).first().getAttribute('data-line-id')).not.toBe(dupontLineId);

    await page.getByTestId('tab-applied').click();
    await expect.poll(() => cards(page).count(), { timeout: 20_000 }).toBe(2);
    await page.screenshot({ path: `${SCREENSHOTS}/cash-application-applied.png`, fullPage: true });
    const confirmed = page.locator(
      `[data-testid="bank-line-card"][data-line-id="${dupontLineId}"]`,
    );
    expect(plain(await confirmed.getByTestId('match-applied-by').textContent())).toBe('Manuel');
    expect(plain(await confirmed.textContent())).toContain('DUPONT Transports Dupont SAS');
    // Matched by hand, the card still names the invoice its payment settled.
    expect(plain(await confirmed.getByTestId('match-settlement').innerText())).toBe(
      'Lettrage du paiement Facture FA-2026-000201 300,00 €',
    );

    // 999,00 € − 300,00 € is left open on Dupont's invoice.
    await page.goto(`${browser.baseUrl}/invoices/${await invoiceId('FA-2026-000201')}`);
    await expect
      .poll(async () => plain(await page.getByTestId('invoice-open-amount').textContent()), {
        timeout: 20_000,
      })
      .toContain('699,00 €');
    await page.close();
  });

  it('sets a line aside and back, then edits it to a customer found by search', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, user, '/cash-application', 'cash-application-page');
    await expect.poll(() => cards(page).count(), { timeout: 20_000 }).toBe(1);

    // x sets the line aside; « Écartées » gives it back.
    await page.keyboard.press('x');
    await expect
      .poll(() => tabText(page, 'tab-queued'), { timeout: 20_000 })
      .toBe('À rapprocher (0)');
    expect(await tabText(page, 'tab-set-aside')).toBe('Écartées (2)');
    await page.getByTestId('tab-set-aside').click();
    await expect.poll(() => cards(page).count(), { timeout: 20_000 }).toBe(1);
    expect(plain(await cards(page).first().textContent())).toContain('SCI LES TILLEULS');
    await page.getByTestId('line-requeue').click();
    await expect
      .poll(() => tabText(page, 'tab-queued'), { timeout: 20_000 })
      .toBe('À rapprocher (1)');
    await page.getByTestId('tab-queued').click();
    await expect.poll(() => cards(page).count(), { timeout: 20_000 }).toBe(1);
    await cards(page).first().click();

    await page.keyboard.press('e');
    const dialog = page.getByTestId('edit-match-dialog');
    await dialog.getByTestId('edit-customer').waitFor({ timeout: 10_000 });

    await dialog.getByTestId('edit-customer').fill('Martin');
    await page.getByRole('option', { name: 'MARTIN · Boulangerie Martin SARL' }).click();
    // Martin's one open invoice, 450,00 €, takes what it can of the 777,00 €.
    await expect
      .poll(() => dialog.getByTestId('edit-invoice-row').count(), { timeout: 20_000 })
      .toBe(1);
    expect(await dialog.getByTestId('edit-amount').inputValue()).toBe('450,00');
    expect(plain(await dialog.getByTestId('edit-unapplied').textContent())).toBe('327,00 €');
    await dialog.getByTestId('edit-amount').fill('400');
    await expect
      .poll(async () => plain(await dialog.getByTestId('edit-unapplied').textContent()))
      .toBe('377,00 €');
    await page.screenshot({ path: `${SCREENSHOTS}/cash-application-edit.png` });
    await dialog.getByTestId('edit-save').click();

    await expect
      .poll(() => tabText(page, 'tab-queued'), { timeout: 20_000 })
      .toBe('À rapprocher (0)');
    expect(await tabText(page, 'tab-applied')).toBe('Rapprochées (3)');
    // An empty queue offers the next statement's upload.
    expect(await page.getByTestId('bank-import').isVisible()).toBe(true);
    await page.goto(`${browser.baseUrl}/invoices/${await invoiceId('FA-2026-000102')}`);
    await expect
      .poll(async () => plain(await page.getByTestId('invoice-open-amount').textContent()), {
        timeout: 20_000,
      })
      .toContain('50,00 €');
    await page.close();
  });

  it('shows a read-only user what each line settled, and no Imports: neither link nor page', async () => {
    const reader = await makeUser(deps, ctx, 'read_only');
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await openSignedIn(
      page,
      browser,
      reader,
      '/cash-application?tab=applied',
      'cash-application-page',
    );
    await expect.poll(() => cards(page).count(), { timeout: 20_000 }).toBe(3);
    // The 777,00 € edited to Martin: 400,00 € on its invoice, the rest on its account.
    const edited = cards(page).filter({ hasText: 'SCI LES TILLEULS' });
    expect(plain(await edited.getByTestId('match-settlement').innerText())).toBe(
      'Lettrage du paiement Facture FA-2026-000102 400,00 € Non lettré, au compte du client 377,00 €',
    );
    expect(await page.getByTestId('line-undo').count()).toBe(0);

    const navigation = page.getByRole('navigation');
    expect(await navigation.getByRole('link', { name: 'Rapprochement' }).count()).toBe(1);
    expect(await navigation.getByRole('link', { name: 'Imports' }).count()).toBe(0);
    await page.goto(`${browser.baseUrl}/imports`);
    await expect
      .poll(async () => plain(await page.locator('main').textContent()), { timeout: 20_000 })
      .toContain('Page introuvable');
    expect(await page.getByTestId('imports-page').count()).toBe(0);
    await page.close();
  });

  it('lets an admin change the threshold, which the next run uses', async () => {
    // A company of its own, and a browser signed out of the credit manager's session.
    const { ctx: adminCtx } = await makeCompany(deps, { legalName: 'Scierie Lambert SARL' });
    const admin = await makeUser(deps, adminCtx, 'admin');
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, admin, '/cash-application', 'cash-application-page');
    await expect
      .poll(() => thresholdText(page), { timeout: 20_000 })
      .toBe('Seuil d’application automatique : 90 %');

    await page.getByTestId('threshold-edit').click();
    const form = page.getByTestId('threshold-form');
    await form.waitFor({ timeout: 10_000 });
    expect(plain(await form.textContent())).toContain(
      'Un rapprochement dont la confiance atteint ce seuil est appliqué sans vérification ; en dessous, la ligne attend dans la file.',
    );
    await form.getByTestId('threshold-input').fill('95');
    await page.screenshot({ path: `${SCREENSHOTS}/cash-application-threshold.png` });
    await form.getByTestId('threshold-save').click();
    await form.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect
      .poll(() => thresholdText(page), { timeout: 20_000 })
      .toBe('Seuil d’application automatique : 95 %');

    await page.reload();
    await page.getByTestId('cash-application-page').waitFor({ timeout: 20_000 });
    await expect
      .poll(() => thresholdText(page), { timeout: 20_000 })
      .toBe('Seuil d’application automatique : 95 %');

    // Over HTTP, with the browser's session: the setting is saved and the run reads it.
    const me = await page.request.get(`${browser.baseUrl}/api/auth/me`);
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const settings = await page.request.get(`${browser.baseUrl}/api/cash-application/settings`);
    expect(ZCashApplicationSettings.parse(await settings.json())).toEqual({
      autoApplyThreshold: 95,
    });
    const run = await page.request.post(`${browser.baseUrl}/api/cash-application/run`, {
      headers: { 'x-csrf-token': csrfToken },
      data: {},
    });
    expect(run.status()).toBe(200);
    expect(ZMatchRunReport.parse(await run.json()).threshold).toBe(95);
    await page.close();
  });

  it('shows a transfer the bank took back under « Écartées », and the reversal that says so', async () => {
    const { ctx: ownCtx } = await makeCompany(deps, { legalName: 'Verrerie Morel SAS' });
    const manager = await makeUser(deps, ownCtx, 'credit_manager');
    await createCurrentAccount(deps, ownCtx);
    const payer = await makeCustomer(deps, ownCtx, {
      code: 'MOREL',
      legalName: 'Morel Vitrages SARL',
    });
    await makeInvoices(deps, ownCtx, payer.id, [
      { number: 'FA-2026-000301', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 80_000 },
    ]);
    const transfer = {
      date: '2026-03-02',
      amountCents: 80_000,
      text: 'FACTURE FA-2026-000301',
      counterparty: 'MOREL VITRAGES',
      reference: 'R1',
      endToEndId: 'E2E-0301',
    };
    const reversal = {
      date: '2026-03-03',
      amountCents: -80_000,
      text: 'RETOUR VIREMENT',
      reference: 'R2',
      endToEndId: 'E2E-0301',
      reversal: { reason: 'AC06' },
    };
    for (const [id, movement] of [
      ['S1', transfer],
      ['S2', reversal],
    ] as const) {
      const report = await importBankFile(deps, ownCtx, {
        bytes: new TextEncoder().encode(marchStatement(id, [movement])),
        fileName: `${id}.xml`,
        addAccount: false,
        dryRun: false,
      });
      expect(report.committed).toBe(true);
    }
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await openSignedIn(
      page,
      browser,
      manager,
      '/cash-application?tab=setAside&kind=reversed',
      'cash-application-page',
    );
    await expect
      .poll(() => tabText(page, 'set-aside-reversed'), { timeout: 20_000 })
      .toBe('Repris par la banque (1)');
    await expect.poll(() => cards(page).count(), { timeout: 20_000 }).toBe(1);
    expect(plain(await cards(page).first().textContent())).toContain('800,00 €');

    await page.getByTestId('set-aside-reversal').click();
    await expect
      .poll(async () => plain(await cards(page).first().textContent()), { timeout: 20_000 })
      .toContain('Reprend le virement du 02/03/2026 (R1) : son paiement est annulé');
    await page.close();
  });
});
