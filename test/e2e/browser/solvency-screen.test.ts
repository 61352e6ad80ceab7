/**
 * The solvency screen on a customer's « Crédit » tab (issue 12, docs/screening.md « Running
 * a screen »), in a real browser.
 *
 * Atelier Vidal is a prospect with a valid SIREN and no screen: its panel is open and says
 * « Aucune analyse ». A credit manager screens it with a score of 72 on 0–100 and the BODACC
 * read: « Accord », for a score of at least 60 and no register record asked. Screened again
 * with 20: « Refus », under 35. The history lists both, the latest first, with who screened.
 *
 * A prospect without a SIREN is told so before and after the screen is asked; an active
 * customer's panel stays folded under its latest verdict until opened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../src/app/deps.ts';
import { listScreens, screenCustomer } from '../../../src/credit/screening-service.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { cents } from '../../../src/shared/money.ts';
import { openTestRuntime } from '../../db.ts';
import { makeCompany, makeCustomer, makeUser } from '../../factories.ts';
import type { Page } from 'playwright-core';
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

/** Opens « Analyser » / « Relancer l'analyse », types a score on 0–100 and sends it. */
async function screenFromPage(page: Page, score: string) {
  const panel = page.getByTestId('solvency-screen');
  await panel.getByTestId('screening-run').click();
  const form = page.getByTestId('screening-form');
  await form.waitFor({ timeout: 20_000 });
  await form.getByTestId('screening-form-score').fill(score);
  await form.getByTestId('screening-form-source').fill('Ellisphere');
  await form.getByTestId('screening-form-proceedings-checked').check();
  await form.getByTestId('screening-form-submit').click();
  await form.waitFor({ state: 'detached', timeout: 20_000 });
  // The dialog fades out after its form is gone: the page is read once it has.
  await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 20_000 });
}

describe('a prospect’s solvency screen', () => {
  it('is screened from the page: a go on 72, a no-go on 20, both in the history', async () => {
    const { ctx } = await makeCompany(deps);
    const manager = await makeUser(deps, ctx, 'credit_manager');
    const prospect = await makeCustomer(deps, ctx, {
      code: 'VIDAL',
      legalName: 'Atelier Vidal SAS',
      status: 'prospect',
      siren: '732829320',
    });

    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await openSignedIn(
      page,
      browser,
      manager,
      `/customers/${prospect.id}?tab=credit`,
      'solvency-screen',
    );
    const panel = page.getByTestId('solvency-screen');
    expect(await panel.getAttribute('data-prospect')).toBe('true');
    expect(plainText(await panel.getByTestId('screening-empty').textContent())).toContain(
      'Aucune analyse',
    );
    expect(plainText(await panel.getByTestId('screening-run').textContent())).toBe('Analyser');

    await screenFromPage(page, '72');
    const verdict = panel.getByTestId('screening-verdict');
    await expect.poll(() => verdict.textContent(), { timeout: 20_000 }).toBe('Accord');
    expect(await verdict.getAttribute('data-verdict')).toBe('go');
    // A prospect's panel is open: the reasons show without asking.
    const reasons = await panel.getByTestId('screening-reason').allTextContents();
    expect(reasons.map(plainText)).toEqual([
      'Score 72/100 (Ellisphere : 72), au moins 60',
      'Pas de fiche du répertoire : jugée sur le seul score',
    ]);
    expect(plainText(await panel.getByTestId('screening-score').textContent())).toBe(
      'Score72 sur l’échelle 0 à 100, soit 72/100Ellisphere (saisi), au 15/03/2026',
    );
    expect(plainText(await panel.getByTestId('screening-company').textContent())).toBe(
      'EntrepriseAucune fiche du répertoire',
    );
    expect(plainText(await panel.getByTestId('screening-sources').textContent())).toBe(
      'Sources interrogéesAucune source interrogée',
    );
    expect(plainText(await panel.getByTestId('screening-by').textContent())).toMatch(
      /^Analyse du 15\/03\/2026 \d{2}:\d{2} par Test credit_manager$/,
    );
    expect(plainText(await panel.getByTestId('screening-run').textContent())).toBe(
      'Relancer l’analyse',
    );
    // One screen: no history yet.
    expect(await panel.getByTestId('screening-history').count()).toBe(0);

    await screenFromPage(page, '20');
    await expect.poll(() => verdict.textContent(), { timeout: 20_000 }).toBe('Refus');
    expect((await panel.getByTestId('screening-reason').allTextContents()).map(plainText)).toEqual([
      'Score 20/100 (Ellisphere : 20), sous 35 : pas de crédit',
      'Pas de fiche du répertoire : jugée sur le seul score',
    ]);
    const rows = panel.getByTestId('screening-history-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(2);
    expect(plainText(await rows.nth(0).textContent())).toMatch(
      /^15\/03\/2026 \d{2}:\d{2}RefusTest credit_manager$/,
    );
    expect(plainText(await rows.nth(1).textContent())).toMatch(
      /^15\/03\/2026 \d{2}:\d{2}AccordTest credit_manager$/,
    );
    await page.screenshot({ path: `${SCREENSHOTS}/solvency-screen.png`, fullPage: true });

    const stored = await listScreens(deps, ctx, prospect.id);
    expect(stored.map((screen) => [screen.verdict, screen.score?.normalized])).toEqual([
      ['no_go', 20],
      ['go', 72],
    ]);
    await page.close();
  });

  it('says a prospect without a SIREN cannot be screened', async () => {
    const { ctx } = await makeCompany(deps);
    const manager = await makeUser(deps, ctx, 'credit_manager');
    const prospect = await makeCustomer(deps, ctx, {
      code: 'SANS',
      legalName: 'Sans Siren SARL',
      status: 'prospect',
    });

    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await openSignedIn(
      page,
      browser,
      manager,
      `/customers/${prospect.id}?tab=credit`,
      'solvency-screen',
    );
    await page.getByTestId('screening-run').click();
    const form = page.getByTestId('screening-form');
    await form.waitFor({ timeout: 20_000 });
    const missing =
      'Le client n’a pas de SIREN : saisissez-le sur sa fiche avant d’analyser sa solvabilité';
    expect(plainText(await form.getByTestId('screening-no-siren').textContent())).toBe(missing);
    await form.getByTestId('screening-form-submit').click();
    const problem = form.getByTestId('screening-form-problem');
    await problem.waitFor({ timeout: 20_000 });
    expect(plainText(await problem.textContent())).toBe(
      `L’analyse de solvabilité ne peut pas être faite${missing}`,
    );
    expect(await listScreens(deps, ctx, prospect.id)).toEqual([]);
    await page.close();
  });

  it('keeps an active customer’s screen folded under its latest verdict', async () => {
    const { ctx } = await makeCompany(deps);
    const manager = await makeUser(deps, ctx, 'credit_manager');
    const customer = await makeCustomer(deps, ctx, {
      code: 'ACTIF',
      legalName: 'Client Actif SA',
      siren: '732829320',
    });
    await screenCustomer(
      deps,
      ctx,
      customer.id,
      {
        score: { source: 'Assureur', raw: '12', scale: '1-20' },
        incidents: { count: 1, amountCents: cents(123_450), lastOn: null },
        lookup: false,
        isProceedingsChecked: true,
      },
      {},
    );

    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await openSignedIn(
      page,
      browser,
      manager,
      `/customers/${customer.id}?tab=credit`,
      'solvency-screen',
    );
    const panel = page.getByTestId('solvency-screen');
    expect(await panel.getAttribute('data-prospect')).toBe('false');
    expect(plainText(await panel.getByTestId('screening-verdict').textContent())).toBe(
      'Accord avec acompte de 30 %',
    );
    expect(await panel.getByTestId('screening-reason').count()).toBe(0);
    await panel.getByTestId('screening-toggle').click();
    await expect
      .poll(
        async () => (await panel.getByTestId('screening-reason').allTextContents()).map(plainText),
        {
          timeout: 20_000,
        },
      )
      .toEqual([
        '1 incident de paiement, 1 234,50 € au total (plus de 0 tolérés)',
        'Score 58/100 (Assureur : 12), sous 60 : un acompte ou un paiement d’avance d’abord',
        'Pas de fiche du répertoire : jugée sur le seul score',
      ]);
    expect(plainText(await panel.getByTestId('screening-incidents').textContent())).toBe(
      'Incidents de paiement1 incident, 1 234,50 € au total',
    );
    await page.close();
  });
});
