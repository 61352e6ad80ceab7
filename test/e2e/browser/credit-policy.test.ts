/**
 * The credit policy in the browser (issue 12, docs/credit.md « Authority », « Thresholds and
 * alerts »), under « Relances » › « Réglages »: an administrator sets the alert threshold to
 * 70 % and the credit manager's limit ceiling to 50 000,00 €, saves, reloads and finds them
 * kept; an alert above the block threshold and a negative ceiling of level 1 are refused with
 * the server's words under their fields (the level's issue on the collector's row), and
 * nothing changes; a credit manager sees the policy but cannot change it.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../src/app/deps.ts';
import { getCreditPolicy } from '../../../src/credit/service.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { openTestRuntime } from '../../db.ts';
import { makeCompany, makeUser } from '../../factories.ts';
import {
  openBrowserHarness,
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

/** The policy of a company whose policy nobody set: docs/credit.md's defaults. */
const DEFAULTS = {
  alertBps: 8000,
  blockBps: 10_000,
  withoutLimit: 'accept',
  ceilings: {
    1: { limitMaxCents: 0, exceptionMaxCents: 100_000 },
    2: { limitMaxCents: 10_000_000, exceptionMaxCents: 2_000_000 },
  },
};

/** Text as shown, every kind of space one plain space. */
function plain(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * What Mantine says under the input `testId`, found through its `aria-describedby`, once the
 * input is marked invalid.
 */
async function errorUnder(page: Page, scope: Locator, testId: string): Promise<string> {
  const input = scope.getByTestId(testId);
  await expect.poll(() => input.getAttribute('aria-invalid'), { timeout: 20_000 }).toBe('true');
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/);
  const texts = await Promise.all(
    ids.filter((id) => id.endsWith('error')).map((id) => page.locator(`#${id}`).textContent()),
  );
  return plain(texts.join(' '));
}

/** Whether the input `testId` is free of any error. */
async function isValid(scope: Locator, testId: string): Promise<boolean> {
  return (await scope.getByTestId(testId).getAttribute('aria-invalid')) !== 'true';
}

/** Opens « Réglages » signed in as `user`, once the policy's form is filled. */
async function openPolicy(page: Page, user: { email: string; password: string }) {
  await openSignedIn(page, browser, user, '/dunning?tab=settings', 'dunning-page');
  const section = page.getByTestId('credit-policy-settings');
  await section.getByTestId('credit-policy-form').waitFor({ timeout: 20_000 });
  return section;
}

describe('the credit policy in the browser', () => {
  it('lets an admin set the alert threshold and a ceiling, kept after a reload', async () => {
    const { ctx } = await makeCompany(deps);
    const admin = await makeUser(deps, ctx, 'admin');
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    const section = await openPolicy(page, admin);
    expect(plain(await section.getByRole('heading').first().textContent())).toBe(
      'Politique de crédit',
    );
    expect(await section.getByTestId('credit-policy-read-only').count()).toBe(0);
    expect(await section.getByTestId('credit-policy-alert').inputValue()).toBe('80');
    expect(await section.getByTestId('credit-policy-block').inputValue()).toBe('100');
    expect(await section.getByTestId('credit-policy-collector-limit').inputValue()).toBe('0,00');
    expect(await section.getByTestId('credit-policy-manager-limit').inputValue()).toBe('100000,00');
    expect(plain(await section.getByTestId('credit-policy-level-3').textContent())).toBe(
      'Administrateur — niveau 3Sans plafondSans plafond',
    );

    await section.getByTestId('credit-policy-alert').fill('70');
    await section.getByTestId('credit-policy-manager-limit').fill('50 000,00');
    await section.getByTestId('credit-policy-save').click();
    await section.getByTestId('credit-policy-saved').waitFor({ timeout: 20_000 });
    expect(await getCreditPolicy(deps, ctx)).toEqual({
      ...DEFAULTS,
      alertBps: 7000,
      ceilings: {
        ...DEFAULTS.ceilings,
        2: { limitMaxCents: 5_000_000, exceptionMaxCents: 2_000_000 },
      },
    });

    await page.reload();
    const reloaded = page.getByTestId('credit-policy-settings');
    await reloaded.getByTestId('credit-policy-form').waitFor({ timeout: 20_000 });
    expect(await reloaded.getByTestId('credit-policy-alert').inputValue()).toBe('70');
    expect(await reloaded.getByTestId('credit-policy-block').inputValue()).toBe('100');
    expect(await reloaded.getByTestId('credit-policy-manager-limit').inputValue()).toBe('50000,00');
    expect(await reloaded.getByTestId('credit-policy-manager-exception').inputValue()).toBe(
      '20000,00',
    );
    await page.screenshot({ path: `${SCREENSHOTS}/credit-policy-saved.png`, fullPage: true });
    await page.close();
  });

  it('says the server’s refusal under each field at fault, and saves nothing', async () => {
    const { ctx } = await makeCompany(deps);
    const admin = await makeUser(deps, ctx, 'admin');
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    const section = await openPolicy(page, admin);

    await section.getByTestId('credit-policy-alert').fill('120');
    await section.getByTestId('credit-policy-collector-limit').fill('-5,00');
    await section.getByTestId('credit-policy-save').click();
    expect(await errorUnder(page, section, 'credit-policy-alert')).toBe(
      'Le seuil d’alerte ne peut pas dépasser le seuil de blocage',
    );
    // `ceilings.1.limitMaxCents` is level 1's: the collector's row, not the credit manager's.
    expect(await errorUnder(page, section, 'credit-policy-collector-limit')).toBe(
      'Le montant ne peut pas être négatif',
    );
    expect(await isValid(section, 'credit-policy-manager-limit')).toBe(true);
    expect(await isValid(section, 'credit-policy-block')).toBe(true);
    expect(await section.getByTestId('credit-policy-saved').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/credit-policy-refused.png`, fullPage: true });
    expect(await getCreditPolicy(deps, ctx)).toEqual(DEFAULTS);

    // A block threshold above 100 % lets the alert of 120 % through.
    await section.getByTestId('credit-policy-block').fill('150');
    await section.getByTestId('credit-policy-collector-limit').fill('');
    await section.getByTestId('credit-policy-save').click();
    await section.getByTestId('credit-policy-saved').waitFor({ timeout: 20_000 });
    expect(await isValid(section, 'credit-policy-alert')).toBe(true);
    expect(await getCreditPolicy(deps, ctx)).toEqual({
      ...DEFAULTS,
      alertBps: 12_000,
      blockBps: 15_000,
      ceilings: { ...DEFAULTS.ceilings, 1: { limitMaxCents: null, exceptionMaxCents: 100_000 } },
    });
    await page.close();
  });

  it('shows a credit manager the policy without letting it change it', async () => {
    const { ctx } = await makeCompany(deps);
    const manager = await makeUser(deps, ctx, 'credit_manager');
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    const section = await openPolicy(page, manager);
    expect(plain(await section.getByTestId('credit-policy-read-only').textContent())).toBe(
      'Seul un administrateur fixe la politique de crédit.',
    );
    const alert = section.getByTestId('credit-policy-alert');
    expect(await alert.inputValue()).toBe('80');
    expect(await alert.getAttribute('readonly')).not.toBeNull();
    expect(
      await section.getByTestId('credit-policy-manager-limit').getAttribute('readonly'),
    ).not.toBeNull();
    expect(await section.getByTestId('credit-policy-without-limit-hold').isDisabled()).toBe(true);
    expect(await section.getByTestId('credit-policy-save').count()).toBe(0);
    // Typing changes nothing in a read-only field.
    await alert.press('Backspace');
    expect(await alert.inputValue()).toBe('80');
    await page.close();
  });
});
