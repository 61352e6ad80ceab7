import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/app/context.ts';
import type { Deps } from '../../../src/app/deps.ts';
import { getUserByEmail } from '../../../src/auth/service.ts';
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
let deps: Deps;
let ctx: Ctx;
let browser: BrowserHarness;
let user: Credentials;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
  ({ ctx } = await makeCompany(deps));
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

describe('the user’s own language', () => {
  it('is kept by the server: signing in on a fresh browser starts in English', async () => {
    const polyglot = await makeUser(deps, ctx, 'collector');
    // A browser of their own: the file's one is signed in as another user.
    const first = await openBrowserHarness(deps);
    try {
      const page = await first.context.newPage();
      await openSignedIn(page, first, polyglot, '/customers', 'language-switch');
      expect(await page.getByTestId('logout').textContent()).toContain('Se déconnecter');
      await page.getByTestId('language-switch').getByText('EN').click();
      await expect
        .poll(async () => (await getUserByEmail(deps, ctx, polyglot.email)).language, {
          timeout: 10_000,
        })
        .toBe('en');
    } finally {
      await first.close();
    }

    // Another browser profile (French, nothing stored): the sign-in page is French, the app
    // after it English, and so are the server's words.
    const fresh = await openBrowserHarness(deps);
    try {
      const other = await fresh.context.newPage();
      await other.goto(`${fresh.baseUrl}/customers`);
      await other.getByTestId('login-email').waitFor({ timeout: 20_000 });
      expect(await other.locator('html').getAttribute('lang')).toBe('fr');
      await fillSignIn(other, polyglot);
      await other.getByTestId('logout').waitFor({ timeout: 20_000 });
      expect(await other.getByTestId('logout').textContent()).toContain('Log out');
      expect(await other.locator('html').getAttribute('lang')).toBe('en');

      const unknown = '00000000-0000-7000-8000-000000000000';
      await other.goto(`${fresh.baseUrl}/customers/${unknown}`);
      await expect
        .poll(() => text(other.getByRole('alert')), { timeout: 20_000 })
        .toContain(`Customer ${unknown} not found`);
    } finally {
      await fresh.close();
    }
  });
});
