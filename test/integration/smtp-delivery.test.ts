/**
 * E-mails leave through a real SMTP conversation: nodemailer against the `smtp-server`
 * package on 127.0.0.1 (HOUSE_STYLE §7: only what leaves the building is faked, and this is
 * a real server). What it received is read from the raw RFC 5322 text.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { saveMailSettings, type MailSettings } from '../../src/jobs/mail-settings.ts';
import { companyMailers } from '../../src/jobs/mailer.ts';
import type { NewMessage } from '../../src/jobs/model.ts';
import { claimMessages, queueMessagesInTx } from '../../src/jobs/outbox.ts';
import { listMessagePage } from '../../src/jobs/messages.ts';
import { deliverDueMessages } from '../../src/jobs/outbox-worker.ts';
import { openTestRuntime, TEST_NOW } from '../db.ts';
import { makeCompany } from '../factories.ts';
import {
  closedPort,
  decodeBody,
  decodeWords,
  leafParts,
  parsePart,
  TestSmtpServer,
} from '../smtp-server.ts';

let handle: DbHandle;
let deps: Deps;
const smtp = new TestSmtpServer();

beforeAll(async () => {
  await smtp.start();
});
afterAll(async () => {
  await smtp.stop();
});
// The claim serves every company: a database per test keeps each test's claims its own.
beforeEach(async () => {
  ({ handle, deps } = await openTestRuntime());
  smtp.received.length = 0;
});
afterEach(async () => {
  await handle.close();
});

function settings(overrides: Partial<MailSettings> = {}): MailSettings {
  return {
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    username: 'dupont',
    password: 'secret smtp',
    fromAddress: 'relances@dupont.test',
    fromName: 'Menuiseries Dupont',
    replyTo: 'compta@dupont.test',
    ...overrides,
  };
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');

function reminder(overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    channel: 'email',
    recipients: ['compta@client.test', 'direction@client.test'],
    subject: 'Relance : facture FA-2026-001 échue',
    bodyText: 'Bonjour,\nla facture FA-2026-001 de 1 234,56 € est échue depuis le 2 mars.',
    bodyHtml: '<p>Bonjour,<br>la facture <b>FA-2026-001</b> est échue.</p>',
    attachment: { name: 'releve.pdf', contentType: 'application/pdf', content: PDF },
    customerId: null,
    source: { type: 'test', id: null },
    ...overrides,
  };
}

async function queueOne(ctx: Ctx, message: NewMessage): Promise<string> {
  const [id] = await inTransaction(deps.db, (tx) => queueMessagesInTx(deps, tx, ctx, [message]));
  if (id === undefined) {
    throw new Error('nothing queued');
  }
  return id;
}

async function deliver(seconds = 0) {
  const mailers = companyMailers(deps.db);
  try {
    return await deliverDueMessages({
      db: deps.db,
      owner: 'w1',
      mailerFor: (companyId) => mailers.mailerFor(companyId),
      clock: { now: () => new Date(TEST_NOW.getTime() + seconds * 1000) },
    });
  } finally {
    mailers.close();
  }
}

async function onlyMessage(ctx: Ctx) {
  const { items } = await listMessagePage(deps, ctx, { limit: 10 });
  expect(items).toHaveLength(1);
  return items[0];
}

describe('delivering over SMTP', () => {
  it("sends through the company's server: envelope, headers, both bodies and the PDF", async () => {
    const { ctx } = await makeCompany(deps);
    await saveMailSettings(deps, ctx, settings());
    const id = await queueOne(ctx, reminder());

    expect(await deliver()).toMatchObject({ claimed: 1, sent: 1 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.user).toBe('dupont');
    expect(mail?.from).toBe('relances@dupont.test');
    expect(mail?.to).toEqual(['compta@client.test', 'direction@client.test']);

    const { headers } = parsePart(mail?.raw ?? '');
    expect(headers.get('message-id')).toBe(`<${id}@encaisse>`);
    expect(headers.get('from')).toBe('Menuiseries Dupont <relances@dupont.test>');
    expect(headers.get('reply-to')).toBe('compta@dupont.test');
    expect(headers.get('to')).toBe('compta@client.test, direction@client.test');
    // Accented: RFC 2047 encoded on the wire, the same words once decoded.
    expect(headers.get('subject')).toMatch(/^=\?UTF-8\?/);
    expect(decodeWords(headers.get('subject') ?? '')).toBe('Relance : facture FA-2026-001 échue');

    const parts = leafParts(mail?.raw ?? '');
    const byType = (type: string) =>
      parts.find((part) => part.headers.get('content-type')?.startsWith(type));
    const text = byType('text/plain');
    const html = byType('text/html');
    const pdf = byType('application/pdf');
    expect(text && decodeBody(text).toString('utf8')).toBe(
      'Bonjour,\r\nla facture FA-2026-001 de 1 234,56 € est échue depuis le 2 mars.',
    );
    expect(html && decodeBody(html).toString('utf8')).toBe(
      '<p>Bonjour,<br>la facture <b>FA-2026-001</b> est échue.</p>',
    );
    expect(pdf?.headers.get('content-disposition')).toBe('attachment; filename=releve.pdf');
    expect(pdf && decodeBody(pdf)).toEqual(PDF);

    expect(await onlyMessage(ctx)).toMatchObject({
      id,
      status: 'sent',
      attempts: 1,
      sentAt: TEST_NOW.toISOString(),
      lastError: null,
    });
  });

  it('fails a message the server refuses with 550, with its words', async () => {
    const { ctx } = await makeCompany(deps);
    await saveMailSettings(deps, ctx, settings());
    await queueOne(ctx, reminder({ recipients: ['nobody@refused.test'] }));

    expect(await deliver()).toMatchObject({ claimed: 1, failed: 1 });
    expect(smtp.received).toEqual([]);
    const message = await onlyMessage(ctx);
    expect(message).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: null });
    expect(message?.lastError).toContain('550');
    expect(message?.lastError).toContain('<nobody@refused.test>: user unknown');
  });

  it('sends to the recipients the server accepts and notes the ones it refused', async () => {
    const { ctx } = await makeCompany(deps);
    await saveMailSettings(deps, ctx, settings());
    await queueOne(ctx, reminder({ recipients: ['compta@client.test', 'nobody@refused.test'] }));

    expect(await deliver()).toMatchObject({ claimed: 1, sent: 1 });
    expect(smtp.received.map((mail) => mail.to)).toEqual([['compta@client.test']]);
    expect(await onlyMessage(ctx)).toMatchObject({
      status: 'sent',
      lastError: 'refused recipients: nobody@refused.test',
    });
  });

  it('queues again, after a minute, a message the server defers with 451', async () => {
    const { ctx } = await makeCompany(deps);
    await saveMailSettings(deps, ctx, settings());
    await queueOne(ctx, reminder({ recipients: ['compta@later.test'] }));

    expect(await deliver()).toMatchObject({ claimed: 1, retried: 1 });
    const message = await onlyMessage(ctx);
    expect(message).toMatchObject({
      status: 'queued',
      attempts: 1,
      nextAttemptAt: new Date(TEST_NOW.getTime() + 60_000).toISOString(),
    });
    expect(message?.lastError).toContain('451');
  });

  it('queues again, after a minute, a message whose server is down', async () => {
    const { ctx } = await makeCompany(deps);
    await saveMailSettings(deps, ctx, settings({ port: await closedPort() }));
    await queueOne(ctx, reminder());

    expect(await deliver()).toMatchObject({ claimed: 1, retried: 1 });
    const message = await onlyMessage(ctx);
    expect(message).toMatchObject({
      status: 'queued',
      attempts: 1,
      nextAttemptAt: new Date(TEST_NOW.getTime() + 60_000).toISOString(),
    });
    expect(message?.lastError).toMatch(/ECONNECTION|ESOCKET|ECONNREFUSED/);
  });

  it('queues again a message refused for a wrong SMTP password: the company fixes its settings', async () => {
    const { ctx } = await makeCompany(deps);
    await saveMailSettings(deps, ctx, settings({ password: 'wrong' }));
    await queueOne(ctx, reminder());

    expect(await deliver()).toMatchObject({ claimed: 1, retried: 1 });
    expect((await onlyMessage(ctx))?.lastError).toContain('535');

    await saveMailSettings(deps, ctx, settings());
    expect(await deliver(60)).toMatchObject({ claimed: 1, sent: 1 });
    expect(smtp.received).toHaveLength(1);
  });

  it('resends, after a crash past the hand-over, the same message: same Message-ID', async () => {
    const { ctx } = await makeCompany(deps);
    await saveMailSettings(deps, ctx, settings());
    const id = await queueOne(ctx, reminder());
    // A worker claims it, hands it to the server, and dies before recording it sent.
    const [claimed] = await claimMessages(deps.db, {
      owner: 'dead',
      limit: 1,
      leaseSeconds: 600,
      now: TEST_NOW,
    });
    const mailers = companyMailers(deps.db);
    const mailer = await mailers.mailerFor(ctx.companyId);
    expect(claimed && (await mailer?.send(claimed))).toEqual({ accepted: true });
    mailers.close();

    expect(await deliver(300)).toMatchObject({ claimed: 0 });
    expect(await deliver(601)).toMatchObject({ claimed: 1, sent: 1 });
    const ids = smtp.received.map((mail) => parsePart(mail.raw).headers.get('message-id'));
    expect(ids).toEqual([`<${id}@encaisse>`, `<${id}@encaisse>`]);
    expect(await onlyMessage(ctx)).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
