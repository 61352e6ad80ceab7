/**
 * A real server on loopback and Debian's Chromium driven by playwright-core, for the
 * browser tests. Each test file opens its own (`openBrowserHarness`) over its own data.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Deps } from '../../../src/app/deps.ts';
import { buildApp, WEB_DIR } from '../../../src/server/app.ts';
import type { App } from '../../../src/http/types.ts';

export const SCREENSHOTS = 'test-results/screenshots';

/** Text as read, every run of spaces (the no-break ones of French too) as one. */
export const plainText = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export type BrowserHarness = {
  baseUrl: string;
  context: BrowserContext;
  close: () => Promise<void>;
};

export type BrowserOptions = {
  /** The browser's language, which the web app follows until the user picks one. */
  locale?: string;
  viewport?: { width: number; height: number };
};

/** Serves the built web app over `deps` and opens a headless Chromium profile of its own. */
export async function openBrowserHarness(
  deps: Deps,
  options: BrowserOptions = {},
): Promise<BrowserHarness> {
  const app: App = await buildApp({ deps, webDir: WEB_DIR });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const profileDir = mkdtempSync(join(tmpdir(), 'encaisse-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    locale: options.locale ?? 'fr-FR',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    baseUrl,
    context,
    close: async () => {
      await context.close();
      await app.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export type Credentials = { email: string; password: string };

/** Fills and sends the sign-in form the page shows. */
export async function fillSignIn(page: Page, user: Credentials): Promise<void> {
  await page.getByTestId('login-email').fill(user.email);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
}

/**
 * Opens `path` and signs in if this browser has no session yet; resolves once `readyTestId`
 * is on screen.
 */
export async function openSignedIn(
  page: Page,
  harness: BrowserHarness,
  user: Credentials,
  path: string,
  readyTestId: string,
): Promise<void> {
  await page.goto(`${harness.baseUrl}${path}`);
  const signInForm = page.getByTestId('login-email');
  await signInForm.or(page.getByTestId(readyTestId)).first().waitFor({ timeout: 20_000 });
  if (await signInForm.isVisible()) {
    await fillSignIn(page, user);
  }
  await page.getByTestId(readyTestId).first().waitFor({ timeout: 20_000 });
}
