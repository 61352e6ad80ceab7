/**
 * SMS leave through the company's webhook: a real `node:http` server on 127.0.0.1 records
 * each request (HOUSE_STYLE §7: what leaves the building is a real HTTP conversation). A
 * 2xx is sent, a 4xx fails the message at once with the provider's words, a 5xx or a
 * server away retries it after the backoff; a company without settings has its SMS wait.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import type { NewMessage } from '../../src/jobs/model.ts';
import { getMessage } from '../../src/jobs/messages.ts';
import { queueMessagesInTx } from '../../src/jobs/outbox.ts';
import { deliverDueMessages } from '../../src/jobs/outbox-worker.ts';
import { readSmsSettingsForDelivery, updateSmsSettings } from '../../src/jobs/sms-settings.ts';
import { NO_SMS_SETTINGS, webhookOutcome, webhookSmsSender } from '../../src/jobs/sms-webhook.ts';
import { openTestRuntime, TEST_NOW } from '../db.ts';
import { makeCompany } from '../factories.ts';
import { closedPort } from '../smtp-server.ts';

type Recorded = { path: string; headers: IncomingMessage['headers']; body: unknown };

/** Answers each request with the status its recipient asks for (`+3361000<status>`). */
class TestSmsProvider {
  readonly received: Recorded[] = [];
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { to: string };
      this.received.push({ path: request.url ?? '', headers: request.headers, body });
      const status = Number(/^\+33610000(\d{3})$/.exec(body.to)?.[1] ?? 202);
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(
        status < 300 ? '{"id":"prov-1"}' : `{"error":"refused with ${status}",\n "detail":"x"}`,
      );
    });
  });

  port = 0;

  async start(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
    });
  }
}

const provider = new TestSmsProvider();
let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  await provider.start();
});
afterAll(async () => {
  await provider.stop();
});
// The claim serves every company: a database per test keeps each test's claims its own.
beforeEach(async () => {
  ({ handle, deps } = await openTestRuntime());
  provider.received.length = 0;
});
afterEach(async () => {
  await handle.close();
});

function text(to: string, overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    channel: 'sms',
    recipients: [to],
    subject: null,
    bodyText: 'Menuiseries Dupont : la facture FA-001 de 1 234,56 € est échue.',
    customerId: null,
    source: { type: 'test', id: null },
    ...overrides,
  };
}

async function queue(ctx: Ctx, messages: readonly NewMessage[]): Promise<string[]> {
  return inTransaction(deps.db, (tx) => queueMessagesInTx(deps, tx, ctx, messages));
}

function deliver(seconds = 0) {
  return deliverDueMessages({
    db: deps.db,
    owner: 'w1',
    mailerFor: async () => undefined,
    smsSender: webhookSmsSender((companyId) => readSmsSettingsForDelivery(deps.db, companyId)),
    clock: { now: () => new Date(TEST_NOW.getTime() + seconds * 1000) },
  });
}

async function setWebhook(ctx: Ctx, token: string | null = 'tok-123') {
  await updateSmsSettings(deps, ctx, {
    url: `http://127.0.0.1:${provider.port}/sms/send`,
    sender: 'DUPONT',
    token,
  });
}

describe('delivering SMS through the webhook', () => {
  it('POSTs the JSON with the bearer token, and a 2xx sends the message', async () => {
    const { ctx } = await makeCompany(deps);
    await setWebhook(ctx);
    const [id = ''] = await queue(ctx, [text('+33612345678')]);

    expect(await deliver()).toMatchObject({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    expect(provider.received).toHaveLength(1);
    const [request] = provider.received;
    expect(request?.path).toBe('/sms/send');
    expect(request?.headers['authorization']).toBe('Bearer tok-123');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['idempotency-key']).toBe(id);
    expect(request?.body).toEqual({
      to: '+33612345678',
      from: 'DUPONT',
      text: 'Menuiseries Dupont : la facture FA-001 de 1 234,56 € est échue.',
      reference: id,
    });
    expect(await getMessage(deps, ctx, id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      lastError: null,
    });
  });

  it('sends no Authorization header without a token', async () => {
    const { ctx } = await makeCompany(deps);
    await setWebhook(ctx, null);
    await queue(ctx, [text('+33612345678')]);
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(provider.received[0]?.headers['authorization']).toBeUndefined();
  });

  it('fails a message the provider refuses with a 4xx at once, with its status and words', async () => {
    const { ctx } = await makeCompany(deps);
    await setWebhook(ctx);
    const [id = ''] = await queue(ctx, [text('+33610000422')]);

    expect(await deliver()).toMatchObject({ claimed: 1, failed: 1, retried: 0 });
    expect(await getMessage(deps, ctx, id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: '+33610000422: HTTP 422: {"error":"refused with 422", "detail":"x"}',
    });
    // Failed for good: nothing is tried again, even much later.
    expect(await deliver(86_400)).toMatchObject({ claimed: 0 });
  });

  it('retries a 5xx after the backoff, and sends once the provider accepts', async () => {
    const { ctx } = await makeCompany(deps);
    await setWebhook(ctx);
    const [id = ''] = await queue(ctx, [text('+33610000503')]);

    expect(await deliver()).toMatchObject({ claimed: 1, retried: 1 });
    const waiting = await getMessage(deps, ctx, id);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting.lastError).toMatch(/^\+33610000503: HTTP 503/);
    // The first delay is one minute (RETRY_DELAYS_SECONDS).
    expect(waiting.nextAttemptAt).toBe(new Date(TEST_NOW.getTime() + 60_000).toISOString());
    expect(await deliver(30)).toMatchObject({ claimed: 0 });
    expect(await deliver(61)).toMatchObject({ claimed: 1, retried: 1 });
    expect(provider.received).toHaveLength(2);
  });

  it('retries when the provider cannot be reached', async () => {
    const { ctx } = await makeCompany(deps);
    const port = await closedPort();
    await updateSmsSettings(deps, ctx, { url: `http://127.0.0.1:${port}/sms`, sender: null });
    const [id = ''] = await queue(ctx, [text('+33612345678')]);
    expect(await deliver()).toMatchObject({ claimed: 1, retried: 1 });
    const waiting = await getMessage(deps, ctx, id);
    expect(waiting.status).toBe('queued');
    expect(waiting.lastError).toBe('+33612345678: fetch failed (ECONNREFUSED)');
  });

  it('leaves the SMS of a company without settings waiting, retried', async () => {
    const { ctx } = await makeCompany(deps);
    const [id = ''] = await queue(ctx, [text('+33612345678')]);
    expect(await deliver()).toMatchObject({ claimed: 1, retried: 1 });
    expect(await getMessage(deps, ctx, id)).toMatchObject({
      status: 'queued',
      lastError: NO_SMS_SETTINGS,
    });
    expect(provider.received).toHaveLength(0);
  });

  it('sends to each recipient, and notes the ones refused when others were accepted', async () => {
    const { ctx } = await makeCompany(deps);
    await setWebhook(ctx);
    const [id = ''] = await queue(ctx, [
      text('+33612345678', { recipients: ['+33612345678', '+33610000400'] }),
    ]);
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(provider.received.map((r) => (r.body as { to: string }).to)).toEqual([
      '+33612345678',
      '+33610000400',
    ]);
    const message = await getMessage(deps, ctx, id);
    expect(message.status).toBe('sent');
    expect(message.lastError).toMatch(/^refused recipients: \+33610000400: HTTP 400/);
  });
});

describe('webhookOutcome', () => {
  it.each([
    [200, { accepted: true }],
    [204, { accepted: true }],
    [400, { accepted: false, permanent: true, reason: 'HTTP 400: bad' }],
    [404, { accepted: false, permanent: true, reason: 'HTTP 404: bad' }],
    // The token or the load, not the message: retried, as a refused SMTP password is.
    [401, { accepted: false, permanent: false, reason: 'HTTP 401: bad' }],
    [403, { accepted: false, permanent: false, reason: 'HTTP 403: bad' }],
    [429, { accepted: false, permanent: false, reason: 'HTTP 429: bad' }],
    [302, { accepted: false, permanent: false, reason: 'HTTP 302: bad' }],
    [500, { accepted: false, permanent: false, reason: 'HTTP 500: bad' }],
  ])('answers %i as %o', (status, outcome) => {
    expect(webhookOutcome(status, '  bad \n')).toEqual(outcome);
  });

  it('keeps the first 200 characters of the body', () => {
    expect(webhookOutcome(400, 'x'.repeat(500)).reason).toBe(`HTTP 400: ${'x'.repeat(200)}`);
  });
});
