/**
 * A collector sets a customer's own dunning from its page's « Relances » tab: the scenario
 * it follows and why, English for its messages, an agreed penalty rate (a warning when it
 * is below three times the legal interest rate), manual follow-up; what is saved is what
 * the service then says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/app/context.ts';
import type { Deps } from '../../../src/app/deps.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { scenarioForCustomer } from '../../../src/dunning/service.ts';
import { openTestRuntime } from '../../db.ts';
import { makeCompany, makeCustomer, makeUser } from '../../factories.ts';
import { openBrowserHarness, openSignedIn, type BrowserHarness } from './browser-harness.ts';

let handle: DbHandle;
let deps: Deps;
let ctx: Ctx;
let browser: BrowserHarness;
let user: { email: string; password: string };
let customerId: string;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
  ({ ctx } = await makeCompany(deps));
  user = await makeUser(deps, ctx, 'collector');
  customerId = (await makeCustomer(deps, ctx, { code: 'ROUX', legalName: 'Boulangerie Roux' })).id;
  browser = await openBrowserHarness(deps);
});

afterAll(async () => {
  await browser?.close();
  await handle?.close();
});

const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('a customer’s own dunning', () => {
  it('is read and changed from the customer page, with a warning for a low agreed rate', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(
      page,
      browser,
      user,
      `/customers/${customerId}?tab=dunning`,
      'customer-dunning',
    );
    expect(plain(await page.getByTestId('customer-dunning-follows').textContent())).toBe(
      'Suit « Scénario standard », le scénario par défaut de la société.',
    );
    await page.getByTestId('customer-dunning-language').click();
    await page.getByRole('option', { name: 'Anglais', exact: true }).click();
    await page.getByTestId('customer-dunning-rate').fill('12,5%x');
    expect(await page.getByTestId('customer-dunning-save').isDisabled()).toBe(true);
    await page.getByTestId('customer-dunning-rate').fill('5');
    await page.getByTestId('customer-dunning-manual').check();
    await page.getByTestId('customer-dunning-save').click();
    await page.getByTestId('customer-dunning-notice').waitFor({ timeout: 20_000 });
    expect(plain(await page.getByTestId('customer-dunning-notice').textContent())).toContain(
      'inférieur à trois fois le taux de l’intérêt légal',
    );
    expect(await scenarioForCustomer(deps, ctx, customerId)).toMatchObject({
      language: 'en',
      contractualRateBps: 500,
      manualFollowUp: true,
      scenarioId: null,
    });
    await page.reload();
    await page.getByTestId('customer-dunning').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('customer-dunning-rate').inputValue()).toBe('5');
    await page.close();
  });
});
