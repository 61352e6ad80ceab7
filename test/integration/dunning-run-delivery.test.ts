/**
 * What the daily run sends, as its recipients get it: the reminders delivered through a
 * real SMTP conversation on 127.0.0.1 (recipients, subject, the invoices and their amounts
 * in French), and the formal notice read back from its PDF's text.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { runDunning } from '../../src/dunning/run.ts';
import { assignScenario, saveScenario } from '../../src/dunning/service.ts';
import { saveMailSettings } from '../../src/jobs/mail-settings.ts';
import { companyMailers } from '../../src/jobs/mailer.ts';
import { listLettersToPrint } from '../../src/jobs/outbox.ts';
import { deliverDueMessages } from '../../src/jobs/outbox-worker.ts';
import { calendarDate } from '../../src/shared/calendar-date.ts';
import { openTestRuntime, TEST_NOW } from '../db.ts';
import { makeCompany, makeCustomer, makeInvoices, scenarioStep } from '../factories.ts';
import { pdfPages } from '../pdf-text.ts';
import { decodeBody, decodeWords, leafParts, parsePart, TestSmtpServer } from '../smtp-server.ts';

let handle: DbHandle;
let deps: Deps;
const smtp = new TestSmtpServer();

beforeAll(async () => {
  await smtp.start();
});
afterAll(async () => {
  await smtp.stop();
});
// The outbox worker serves every company: a database per test keeps its deliveries its own.
beforeEach(async () => {
  ({ handle, deps } = await openTestRuntime());
  smtp.received.length = 0;
});
afterEach(async () => {
  await handle.close();
});

async function customerOwing(ctx: Ctx) {
  const customer = await makeCustomer(deps, ctx, {
    legalName: 'Boulangerie Martin SARL',
    contacts: [
      { role: 'billing', name: 'Claire Martin', email: 'compta@martin.test', phone: null },
      { role: 'purchasing', name: 'Paul', email: 'achats@martin.test', phone: null },
    ],
    billingAddress: {
      line1: '3 place Bellecour',
      line2: null,
      postalCode: '69002',
      city: 'Lyon',
      country: 'FR',
    },
  });
  await makeInvoices(deps, ctx, customer.id, [
    { number: 'FA-2026-0101', issueDate: '2026-01-30', dueDate: '2026-03-01', amount: 123_456 },
    { number: 'FA-2026-0102', issueDate: '2026-01-31', dueDate: '2026-03-01', amount: 50_000 },
  ]);
  return customer;
}

describe('the daily run, delivered', () => {
  it('sends the first reminder once, to the billing contact, listing both invoices in French', async () => {
    const { ctx } = await makeCompany(deps);
    await saveMailSettings(deps, ctx, {
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      username: null,
      password: null,
      fromAddress: 'relances@dupont.test',
      fromName: 'Menuiseries Dupont',
      replyTo: null,
    });
    await customerOwing(ctx);
    await runDunning(deps, ctx, { date: calendarDate('2026-03-06') });
    await runDunning(deps, ctx, { date: calendarDate('2026-03-06') });
    const mailers = companyMailers(deps.db);
    try {
      const counts = await deliverDueMessages({
        db: deps.db,
        owner: 'w1',
        mailerFor: (companyId) => mailers.mailerFor(companyId),
        clock: { now: () => TEST_NOW },
      });
      expect(counts).toMatchObject({ claimed: 1, sent: 1 });
    } finally {
      mailers.close();
    }
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.to).toEqual(['compta@martin.test']);
    const headers = parsePart(mail?.raw ?? '').headers;
    expect(decodeWords(headers.get('subject') ?? '')).toContain('Boulangerie Martin SARL');
    const text = leafParts(mail?.raw ?? '')
      .filter((part) => (part.headers.get('content-type') ?? '').startsWith('text/plain'))
      .map((part) => decodeBody(part).toString('utf8'))
      .join('');
    expect(text).toContain('Claire Martin');
    expect(text).toContain('FA-2026-0101');
    expect(text).toContain('FA-2026-0102');
    expect(text).toMatch(/1[\u00a0\u202f]234,56\u00a0€/u);
    expect(text).toMatch(/1[\u00a0\u202f]734,56\u00a0€/u);
  });

  it('prints the formal notice with its invoices, the legal interest and the 40 € indemnity', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await customerOwing(ctx);
    const notice = await saveScenario(deps, ctx, undefined, {
      name: 'Mise en demeure',
      steps: [scenarioStep(30, 'letter', 'formal_notice')],
      riskCategory: null,
      isCompanyDefault: false,
    });
    await assignScenario(deps, ctx, customer.id, { scenarioId: notice.id, manualFollowUp: false });
    await runDunning(deps, ctx, { date: calendarDate('2026-03-31') });
    const letters = await listLettersToPrint(deps, ctx, 10);
    expect(letters).toHaveLength(1);
    const [letter] = letters;
    expect(letter?.recipients).toEqual([
      'Boulangerie Martin SARL',
      '3 place Bellecour',
      '69002 Lyon',
    ]);
    const pages = await pdfPages(letter?.attachment?.content ?? new Uint8Array());
    const text = pages.join('\n');
    expect(text).toContain('Boulangerie Martin SARL');
    expect(text).toContain('69002 Lyon');
    expect(text).toContain('Lyon, le 31 mars 2026');
    expect(text).toContain('mise en demeure');
    expect(text).toContain('FA-2026-0101');
    expect(text).toContain('L441-10');
    // Two late invoices: 2 × 40 €.
    expect(text).toMatch(/80,00\s€/u);
  });
});
