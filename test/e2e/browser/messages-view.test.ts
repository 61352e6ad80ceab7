/**
 * The messages view in the browser: an e-mail and a letter queued in the test's database
 * through the outbox (`queueMessagesInTx`), listed newest first with their customer's name
 * and status; the e-mail's detail with its body as sent; the letter's PDF; the filter by
 * channel; the letters' print batch downloaded as one PDF, after which the letter is sent;
 * the customer page's « Messages » tab; at phone width,
 * a card per message and no sideways scrolling.
 */
import { readFileSync } from 'node:fs';
import PdfKit from 'pdfkit';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/app/context.ts';
import type { Deps } from '../../../src/app/deps.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { inTransaction } from '../../../src/db/transaction.ts';
import type { NewMessage } from '../../../src/jobs/model.ts';
import { queueMessagesInTx } from '../../../src/jobs/outbox.ts';
import { openTestRuntime } from '../../db.ts';
import { makeCompany, makeCustomer, makeUser } from '../../factories.ts';
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
let customerId: string;

async function letterPdf(text: string): Promise<Uint8Array> {
  const doc = new PdfKit({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.text(text);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
  ({ ctx } = await makeCompany(deps, { legalName: 'Atelier Verdier Équipements SAS' }));
  manager = await makeUser(deps, ctx, 'credit_manager');
  const martin = await makeCustomer(deps, ctx, {
    code: 'MARTIN',
    legalName: 'Boulangerie Martin SARL',
  });
  customerId = martin.id;
  const letter: NewMessage = {
    channel: 'letter',
    recipients: ['Boulangerie Martin SARL', '3 rue du Port', '13002 Marseille'],
    subject: null,
    bodyText: 'Mise en demeure de payer la facture FA-2026-000101.',
    attachment: {
      name: 'mise-en-demeure-MARTIN.pdf',
      contentType: 'application/pdf',
      content: await letterPdf('Mise en demeure'),
    },
    customerId: martin.id,
    source: { type: 'dunning_action', id: 'letter-1' },
  };
  const email: NewMessage = {
    channel: 'email',
    recipients: ['compta@martin.example'],
    subject: 'Relance : facture FA-2026-000101',
    bodyText: 'Bonjour Claire,\n\nSauf erreur de notre part, la facture FA-2026-000101 reste due.',
    bodyHtml: '<p>Bonjour Claire,</p>',
    customerId: martin.id,
    source: { type: 'dunning_action', id: 'email-1' },
  };
  // The letter first, the e-mail after: newest first, the e-mail heads the list.
  await inTransaction(deps.db, (tx) => queueMessagesInTx(deps, tx, ctx, [letter]));
  await inTransaction(deps.db, (tx) => queueMessagesInTx(deps, tx, ctx, [email]));
  browser = await openBrowserHarness(deps);
});

afterAll(async () => {
  await browser?.close();
  await handle?.close();
});

/** Text as shown, line breaks and every kind of space (narrow no-break ones too) one plain space. */
function plain(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

const rows = (page: Page) => page.getByTestId('message-row');

describe('the messages view in the browser', () => {
  it('lists the queued messages with their customer, opens one, filters by channel', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, manager, '/customers', 'customer-count');
    await page.getByRole('navigation').getByRole('link', { name: 'Messages' }).click();
    await page.getByTestId('messages-page').waitFor({ timeout: 20_000 });
    expect(await page.title()).toBe('Messages · Encaisse');

    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(2);
    const first = plain(await rows(page).first().textContent());
    expect(first).toContain('Relance : facture FA-2026-000101');
    expect(first).toContain('compta@martin.example');
    expect(first).toContain('E-mail');
    await expect
      .poll(async () =>
        plain(await rows(page).first().getByTestId('message-customer').textContent()),
      )
      .toBe('MARTIN · Boulangerie Martin SARL');
    expect(plain(await rows(page).first().getByTestId('message-status').textContent())).toBe(
      'En file',
    );
    expect(plain(await rows(page).nth(1).textContent())).toContain('Courrier');
    expect(plain(await page.getByTestId('letters-print').textContent())).toBe(
      'Imprimer les courriers (1)',
    );

    await rows(page).first().click();
    const drawer = page.getByTestId('message-detail');
    await drawer.waitFor({ timeout: 20_000 });
    expect(plain(await drawer.getByTestId('message-body').textContent())).toBe(
      'Bonjour Claire, Sauf erreur de notre part, la facture FA-2026-000101 reste due.',
    );
    expect(plain(await drawer.getByTestId('message-recipients').textContent())).toBe(
      'compta@martin.example',
    );
    expect(await drawer.getByTestId('message-open-pdf').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/messages-detail.png`, fullPage: true });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('message-detail').count()).toBe(0);

    // Letters only: the PDF opens from the detail.
    await page.getByTestId('messages-channel').click();
    await page.getByRole('option', { name: 'Courrier', exact: true }).click();
    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(1);
    expect(page.url()).toContain('channel=letter');
    await rows(page).first().click();
    const pdfLink = page.getByTestId('message-open-pdf');
    await pdfLink.waitFor({ timeout: 20_000 });
    expect(plain(await pdfLink.textContent())).toBe('Ouvrir le PDF');
    const href = await pdfLink.getAttribute('href');
    const pdf = await page.evaluate(async (url) => {
      const response = await fetch(url ?? '');
      const bytes = new Uint8Array(await response.arrayBuffer());
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        start: String.fromCharCode(...bytes.slice(0, 5)),
      };
    }, href);
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', start: '%PDF-' });
    await page.close();
  });

  it('prints the letters waiting as one PDF, after which they are sent', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(page, browser, manager, '/messages?channel=letter', 'message-row');
    const button = page.getByTestId('letters-print');
    await expect
      .poll(async () => plain(await button.textContent()))
      .toBe('Imprimer les courriers (1)');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('courriers-a-imprimer.pdf');
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect
      .poll(
        async () => plain(await rows(page).first().getByTestId('message-status').textContent()),
        {
          timeout: 20_000,
        },
      )
      .toBe('Envoyé');
    expect(plain(await button.textContent())).toBe('Imprimer les courriers (0)');
    expect(await button.isDisabled()).toBe(true);
    await page.close();
  });

  it('shows a customer’s own messages on its page', async () => {
    const page = await browser.context.newPage();
    await openSignedIn(
      page,
      browser,
      manager,
      `/customers/${customerId}?tab=messages`,
      'message-row',
    );
    expect(await rows(page).count()).toBe(2);
    expect(await page.getByTestId('message-customer').count()).toBe(0);
    await page.close();
  });

  it('fits a phone: a card per message, nothing scrolls sideways', async () => {
    const phone = await openBrowserHarness(deps, { viewport: { width: 390, height: 844 } });
    try {
      const page = await phone.context.newPage();
      await openSignedIn(page, phone, manager, '/messages', 'message-card');
      expect(await page.getByTestId('message-card').count()).toBe(2);
      expect(
        await page.evaluate<number>('document.documentElement.scrollWidth'),
      ).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${SCREENSHOTS}/messages-phone.png`, fullPage: true });
      await page.getByTestId('message-card').first().getByRole('button').first().click();
      await page.getByTestId('message-body').waitFor({ timeout: 20_000 });
    } finally {
      await phone.close();
    }
  });
});
