/**
 * The Imports page in the browser: a FEC and bank statements uploaded, each report read
 * in French (counts, rejected lines, statements balanced or flagged).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../src/app/deps.ts';
import { createBankAccount } from '../../../src/bank/service.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { camtFile, cfonbDay, cfonbFile } from '../../bank-files.ts';
import { openTestRuntime } from '../../db.ts';
import { makeCompany, makeUser } from '../../factories.ts';
import { fec, JANUARY, JANUARY_UNBALANCED } from '../../fixtures/fec-books.ts';
import {
  openBrowserHarness,
  openSignedIn,
  SCREENSHOTS,
  type BrowserHarness,
} from './browser-harness.ts';

const IBAN = 'FR7630006000011234567890189';

let handle: DbHandle;
let deps: Deps;
let browser: BrowserHarness;
let user: { email: string; password: string };

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
  const { ctx } = await makeCompany(deps, { legalName: 'Atelier Verdier Équipements SAS' });
  user = await makeUser(deps, ctx, 'credit_manager');
  await createBankAccount(deps, ctx, { iban: IBAN, name: 'Compte courant', currency: 'EUR' });
  browser = await openBrowserHarness(deps);
});

afterAll(async () => {
  await browser?.close();
  await handle?.close();
});

/** Text as shown, line breaks and every kind of space (narrow no-break ones too) one plain space. */
function plain(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

async function textOf(page: Page, testId: string, within = page.locator('body')): Promise<string> {
  return plain(await within.getByTestId(testId).first().innerText());
}

/** Picks `content` as the file of the card `name` and presses « Importer ». */
async function importFile(
  page: Page,
  name: 'fec' | 'bank',
  file: string,
  content: Uint8Array | string,
) {
  const card = page.getByTestId(`${name}-import`);
  await card.locator('input[type="file"]').setInputFiles({
    name: file,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(content),
  });
  await card.getByTestId(`${name}-submit`).click();
  await expect.poll(() => textOf(page, 'import-file', card), { timeout: 20_000 }).toContain(file);
  return card;
}

async function countRow(page: Page, kind: string): Promise<string[]> {
  const row = page.locator(`[data-testid="fec-count-row"][data-kind="${kind}"]`);
  return (await row.locator('td').allInnerTexts()).map(plain);
}

describe('the Imports page', () => {
  it('uploads a FEC and shows what it did in French, then a refused one with its lines', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, user, '/imports', 'imports-page');
    const link = page.getByRole('navigation').getByRole('link', { name: 'Imports' });
    expect(await link.getAttribute('href')).toBe('/imports');
    expect(await link.getAttribute('aria-current')).toBe('page');
    expect(await page.title()).toBe('Imports · Encaisse');
    expect(await textOf(page, 'fec-import')).toContain('Fichier des écritures comptables (FEC)');
    expect(await textOf(page, 'bank-import')).toContain(
      'Relevé bancaire (camt.053, camt.054, CFONB 120)',
    );

    const card = await importFile(page, 'fec', 'FEC-2025-01.txt', fec(JANUARY));

    expect(await textOf(page, 'import-verdict', card)).toBe('Enregistré');
    expect(await textOf(page, 'fec-lines', card)).toBe('17 lignes lues, 0 rejetée');
    expect(await countRow(page, 'customers')).toEqual(['Clients', '2', '0', '0']);
    expect(await countRow(page, 'invoices')).toEqual(['Factures', '4', '0', '0']);
    expect(await countRow(page, 'creditNotes')).toEqual(['Avoirs', '1', '0', '0']);
    expect(await countRow(page, 'payments')).toEqual(['Encaissements', '3', '0', '0']);
    expect(await countRow(page, 'allocations')).toEqual(['Lettrages', '5', '0', '0']);
    expect(await textOf(page, 'import-notices', card)).toContain(
      "Ligne 9 — Le lettrage « C » du client C002 n'est pas soldé (débits 1 000,00 €, crédits 500,00 €) : 500,00 € est affecté, le reste demeure ouvert.",
    );
    await page.screenshot({ path: `${SCREENSHOTS}/imports-fec.png`, fullPage: true });

    await importFile(page, 'fec', 'FEC-faux.txt', fec(JANUARY_UNBALANCED));

    expect(await textOf(page, 'import-verdict', card)).toBe("Refusé : rien n'est enregistré");
    expect(await textOf(page, 'fec-lines', card)).toBe('17 lignes lues, 3 rejetées');
    const issues = card.getByTestId('import-errors').getByTestId('import-issue');
    expect(await issues.evaluateAll((items) => items.map((item) => item.dataset['line']))).toEqual([
      '4',
      '5',
      '6',
    ]);
    expect(await textOf(page, 'import-errors', card)).toContain(
      "Ligne 4 — L'écriture 1 du journal VT n'est pas équilibrée : ses débits totalisent 600,00 € et ses crédits 590,00 €.",
    );
    await page.close();
  });

  it('uploads a camt.053 statement, balanced, then one flagged « Solde non équilibré »', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, user, '/imports', 'imports-page');
    const movements = [
      { date: '2026-03-02', amountCents: 120_000, text: 'FA-2026-0042', reference: 'REF-1' },
      { date: '2026-03-02', amountCents: -4_590, text: 'Frais', reference: 'REF-2' },
    ];

    const card = await importFile(
      page,
      'bank',
      'releve-0302.xml',
      camtFile({
        iban: IBAN,
        id: 'STMT-0302',
        openingDate: '2026-03-01',
        openingCents: 1_000_000,
        closingDate: '2026-03-02',
        movements,
      }),
    );

    expect(await textOf(page, 'import-file', card)).toBe('releve-0302.xml (camt.053)');
    expect(await textOf(page, 'import-verdict', card)).toBe('Enregistré');
    expect(await textOf(page, 'bank-totals', card)).toBe(
      '1 relevé, 2 lignes — 2 nouvelles, 0 déjà connue',
    );
    const row = card.getByTestId('bank-statement-row');
    expect(await row.count()).toBe(1);
    expect((await row.locator('td').allInnerTexts()).map(plain)).toEqual([
      `${IBAN} STMT-0302`,
      '01/03/2026 au 02/03/2026',
      '10 000,00 €',
      '1 154,10 €',
      '11 154,10 €',
      'Équilibré',
      '2 nouvelles, 0 déjà connue',
    ]);
    await page.screenshot({ path: `${SCREENSHOTS}/imports-bank.png`, fullPage: true });

    await importFile(
      page,
      'bank',
      'releve-0303.xml',
      camtFile({
        iban: IBAN,
        id: 'STMT-0303',
        openingDate: '2026-03-02',
        openingCents: 1_115_410,
        closingDate: '2026-03-03',
        closingCents: 1_200_000,
        movements: [{ date: '2026-03-03', amountCents: 50_000, text: 'FA-2026-0050' }],
      }),
    );

    expect(await textOf(page, 'bank-statement-balance', card)).toBe(
      'Solde non équilibré Écart de 345,90 €',
    );
    await page.close();
  });

  it('refuses a statement of an unknown account, saying to tick « Ajouter les comptes inconnus », then adds it', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, user, '/imports', 'imports-page');
    const file = cfonbFile(
      cfonbDay(
        { bank: '10278', branch: '02204', account: '0004567890K' },
        {
          amountCents: 98_000,
          text: 'VIR DUPONT',
        },
      ),
    );

    const card = await importFile(page, 'bank', 'autre-compte.txt', file);

    expect(await textOf(page, 'import-verdict', card)).toBe("Refusé : rien n'est enregistré");
    expect(await textOf(page, 'import-errors', card)).toBe(
      "Pourquoi le fichier est refusé Ligne 1 — Ce relevé concerne le compte 10278 02204 0004567890K, que la société n'a pas. Cochez « Ajouter les comptes inconnus », puis importez à nouveau le fichier.",
    );

    await card.getByLabel('Ajouter les comptes inconnus').check();
    await card.getByTestId('bank-submit').click();

    await expect
      .poll(() => textOf(page, 'import-verdict', card), { timeout: 20_000 })
      .toBe('Enregistré');
    expect(await textOf(page, 'bank-accounts-added', card)).toMatch(
      /^Compte FR\d{2}10278022040004567890K\d{2} ajouté, en EUR$/,
    );
    expect(await textOf(page, 'bank-statement-balance', card)).toBe('Équilibré');
    await page.close();
  });
});
