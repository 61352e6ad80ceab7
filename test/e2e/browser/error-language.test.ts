import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../../src/db/client.ts';
import { openTestRuntime } from '../../db.ts';
import { makeCompany, makeUser } from '../../factories.ts';
import {
  fillSignIn,
  openBrowserHarness,
  openSignedIn,
  type BrowserHarness,
  type Credentials,
} from './browser-harness.ts';

let handle: DbHandle;
let browser: BrowserHarness;
let user: Credentials;

beforeAll(async () => {
  let deps;
  ({ handle, deps } = await openTestRuntime());
  const { ctx } = await makeCompany(deps);
  user = await makeUser(deps, ctx, 'collector');
  browser = await openBrowserHarness(deps);
});

afterAll(async () => {
  await browser?.close();
  await handle?.close();
});

const text = async (locator: { textContent: () => Promise<string | null> }) =>
  ((await locator.textContent()) ?? '').replace(/\s/g, ' ');

describe('errors in the interface language', () => {
  it('says a wrong password in French, then in English once the user switches', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${browser.baseUrl}/customers`);
    await fillSignIn(page, { email: user.email, password: 'not the password at all' });
    const alert = page.getByRole('alert');
    await expect
      .poll(() => text(alert), { timeout: 20_000 })
      .toContain("L'adresse e-mail ou le mot de passe est incorrect");
    expect(await text(alert)).not.toContain('wrong');

    await page.getByTestId('language-switch').getByText('EN').click();
    await expect
      .poll(() => text(alert), { timeout: 10_000 })
      .toContain('E-mail or password is wrong');
    // Back to French for the next test: the choice is remembered on this browser.
    await page.getByTestId('language-switch').getByText('FR').click();
    await page.close();
  });

  it('says an unknown customer in French, without offering to try a refusal again', async () => {
    const page = await browser.context.newPage();
    const unknown = '00000000-0000-7000-8000-000000000000';
    await openSignedIn(page, browser, user, `/customers/${unknown}`, 'language-switch');
    const alert = page.getByRole('alert');
    await expect
      .poll(() => text(alert), { timeout: 20_000 })
      .toContain(`Le client ${unknown} est introuvable`);
    expect(await text(alert)).not.toContain('not found');
    expect(await alert.getByRole('button', { name: 'Réessayer' }).count()).toBe(0);

    await page.goto(`${browser.baseUrl}/customers/not-a-uuid`);
    await expect
      .poll(() => text(page.getByRole('alert')), { timeout: 20_000 })
      .toContain('UUID invalide');
    expect(await text(page.getByRole('alert'))).not.toContain('is not valid');
    await page.close();
  });
});
