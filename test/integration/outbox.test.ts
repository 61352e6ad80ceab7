/**
 * The outbox on a real database (ADR 21): a message commits with its decision or not at
 * all, is claimed by one worker, is claimed again when its worker's lease runs out, is
 * retried on the exact backoff, fails at once on a permanent refusal, and two workers
 * delivering 500 messages at once deliver each exactly once.
 *
 * The claim serves every company of the database, so each test has a database of its own
 * (a company of its own would not keep another test's due messages out of its claims).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import { readEntityEvents } from '../../src/audit/service.ts';
import { openDatabase, type Db, type DbHandle } from '../../src/db/client.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import type { Mailer } from '../../src/jobs/mailer.ts';
import type { DeliveryResult, NewMessage, OutboxMessage } from '../../src/jobs/model.ts';
import {
  claimMessages,
  listLettersToPrint,
  listMessagesOfSources,
  markBounced,
  queueMessagesInTx,
  recordDelivery,
  recordLettersPrinted,
} from '../../src/jobs/outbox.ts';
import { listMessagePage } from '../../src/jobs/messages.ts';
import { deliverDueMessages, type DeliveryCounts } from '../../src/jobs/outbox-worker.ts';
import { openTestRuntime, TEST_NOW } from '../db.ts';
import { makeCompany } from '../factories.ts';
import { countStatements } from '../statement-counter.ts';

let handle: DbHandle;
let deps: Deps;

beforeEach(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterEach(async () => {
  await handle.close();
});

const at = (seconds: number) => new Date(TEST_NOW.getTime() + seconds * 1000);
const clockAt = (seconds: number) => ({ now: () => at(seconds) });

function email(overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    channel: 'email',
    recipients: ['compta@client.test'],
    subject: 'Facture FA-001 échue',
    bodyText: 'Bonjour, la facture FA-001 est échue.',
    bodyHtml: '<p>Bonjour, la facture FA-001 est échue.</p>',
    customerId: null,
    source: { type: 'test', id: null },
    ...overrides,
  };
}

async function queue(ctx: Ctx, messages: readonly NewMessage[]): Promise<string[]> {
  return inTransaction(deps.db, (tx) => queueMessagesInTx(deps, tx, ctx, messages));
}

/** A mailer that answers `answer` and counts what it was handed, per message id. */
function fakeMailer(
  answer: (message: OutboxMessage) => DeliveryResult = () => ({ accepted: true }),
) {
  const sends = new Map<string, number>();
  const mailer: Mailer = {
    send: async (message) => {
      sends.set(message.id, (sends.get(message.id) ?? 0) + 1);
      // A real conversation yields to the event loop: let the other worker in.
      await new Promise((resolve) => setImmediate(resolve));
      return answer(message);
    },
  };
  return { mailer, sends };
}

async function messagesOf(ctx: Ctx) {
  return (await listMessagePage(deps, ctx, { limit: 500 })).items;
}

async function actionsOf(ctx: Ctx, messageId: string): Promise<string[]> {
  const events = await readEntityEvents(
    deps.db,
    ctx,
    [{ entityType: 'outbox_message', entityId: messageId }],
    50,
  );
  return events.map((event) => event.action);
}

describe('queueing', () => {
  it('keeps no message of a transaction that rolled back, and every message of one that committed', async () => {
    const { ctx } = await makeCompany(deps);
    await expect(
      inTransaction(deps.db, async (tx) => {
        await queueMessagesInTx(deps, tx, ctx, [email()]);
        throw new Error('the decision is refused');
      }),
    ).rejects.toThrow('the decision is refused');
    expect(await messagesOf(ctx)).toEqual([]);

    const [id] = await queue(ctx, [email({ source: { type: 'dunning_action', id: 'A-1' } })]);
    const [message] = await messagesOf(ctx);
    expect(message).toMatchObject({
      id,
      channel: 'email',
      status: 'queued',
      attempts: 0,
      subject: 'Facture FA-001 échue',
      recipients: ['compta@client.test'],
      nextAttemptAt: TEST_NOW.toISOString(),
      lastError: null,
    });
    const ofSource = await listMessagesOfSources(deps.db, ctx, {
      type: 'dunning_action',
      ids: ['A-1', 'A-2'],
    });
    expect(ofSource.map((m) => [m.id, m.status])).toEqual([[id, 'queued']]);
  });

  it('queues 450 messages, attachments included, in 3 statements that carry them intact', async () => {
    const { ctx } = await makeCompany(deps);
    const pdf = new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256));
    const { db: counting, sent: statements } = countStatements(deps.db);
    const ids = await inTransaction(counting, (tx) =>
      queueMessagesInTx(
        deps,
        tx,
        ctx,
        Array.from({ length: 450 }, (_, i) =>
          email({
            recipients: [`client${i}@client.test`, `"O'Brien, \\ Ltd" <ob${i}@client.test>`],
            attachment: { name: `relance-${i}.pdf`, contentType: 'application/pdf', content: pdf },
          }),
        ),
      ),
    );
    // One INSERT per 200 messages, never one per message.
    expect(statements).toEqual(['RawNode', 'RawNode', 'RawNode']);
    expect(new Set(ids).size).toBe(450);
    const claimed = await claimMessages(deps.db, {
      owner: 'w1',
      limit: 500,
      leaseSeconds: 600,
      now: TEST_NOW,
    });
    expect(claimed).toHaveLength(450);
    const first = claimed.find((m) => m.id === ids[0]);
    expect(first?.recipients).toEqual([
      'client0@client.test',
      `"O'Brien, \\ Ltd" <ob0@client.test>`,
    ]);
    expect(first?.attachment?.name).toBe('relance-0.pdf');
    expect(first?.attachment?.content).toEqual(pdf);
  });
});

describe('claiming', () => {
  it('gives a message to one worker: a second claim at the same moment gets nothing', async () => {
    const { ctx } = await makeCompany(deps);
    const [id] = await queue(ctx, [email()]);
    const first = await claimMessages(deps.db, {
      owner: 'w1',
      limit: 10,
      leaseSeconds: 300,
      now: TEST_NOW,
    });
    const second = await claimMessages(deps.db, {
      owner: 'w2',
      limit: 10,
      leaseSeconds: 300,
      now: at(1),
    });
    expect(first.map((m) => [m.id, m.status, m.leaseOwner, m.attempts])).toEqual([
      [id, 'sending', 'w1', 1],
    ]);
    expect(first[0]?.leaseUntil).toEqual(at(300));
    expect(second).toEqual([]);
  });

  it('does not claim a message before it is due', async () => {
    const { ctx } = await makeCompany(deps);
    await queue(ctx, [email({ notBefore: at(3600) })]);
    const options = { owner: 'w1', limit: 10, leaseSeconds: 300 };
    expect(await claimMessages(deps.db, { ...options, now: at(3599) })).toEqual([]);
    expect(await claimMessages(deps.db, { ...options, now: at(3600) })).toHaveLength(1);
  });

  it('claims again a message whose lease ran out; the first worker then records nothing', async () => {
    const { ctx } = await makeCompany(deps);
    const [id = ''] = await queue(ctx, [email()]);
    const options = { limit: 10, leaseSeconds: 60 };
    const [lost] = await claimMessages(deps.db, { ...options, owner: 'dead', now: TEST_NOW });
    expect(await claimMessages(deps.db, { ...options, owner: 'w2', now: at(60) })).toEqual([]);
    const [taken] = await claimMessages(deps.db, { ...options, owner: 'w2', now: at(61) });
    expect(taken).toMatchObject({ id, status: 'sending', leaseOwner: 'w2', attempts: 2 });
    if (lost === undefined || taken === undefined) {
      throw new Error('expected both claims');
    }

    // The first worker comes back and reports a send: its lease is gone, nothing changes.
    expect(await recordDelivery(deps.db, lost, { accepted: true }, at(62))).toBeUndefined();
    expect((await messagesOf(ctx))[0]).toMatchObject({ status: 'sending', attempts: 2 });
    expect(await recordDelivery(deps.db, taken, { accepted: true }, at(63))).toEqual({
      status: 'sent',
      note: null,
    });
    expect((await messagesOf(ctx))[0]).toMatchObject({
      status: 'sent',
      attempts: 2,
      sentAt: at(63).toISOString(),
    });
    expect(await actionsOf(ctx, id)).toEqual(['message.sent']);
  });

  it('fails a message whose worker died during its last attempt', async () => {
    const { ctx } = await makeCompany(deps);
    const [id = ''] = await queue(ctx, [email()]);
    const down = fakeMailer(() => ({ accepted: false, reason: '421 busy' }));
    const delays = [0, 60, 300, 1_800, 7_200];
    let now = 0;
    for (const delay of delays) {
      now += delay;
      await deliverDueMessages({
        db: deps.db,
        owner: 'w1',
        mailerFor: async () => down.mailer,
        clock: clockAt(now),
      });
    }
    // The sixth attempt is claimed, and its worker dies.
    now += 43_200;
    const [last] = await claimMessages(deps.db, {
      owner: 'dead',
      limit: 10,
      leaseSeconds: 600,
      now: at(now),
    });
    expect(last?.attempts).toBe(6);
    const counts = await deliverDueMessages({
      db: deps.db,
      owner: 'w2',
      mailerFor: async () => down.mailer,
      clock: clockAt(now + 601),
    });
    expect(counts).toMatchObject({ claimed: 0, failed: 1 });
    expect((await messagesOf(ctx))[0]).toMatchObject({
      status: 'failed',
      attempts: 6,
      lastError: 'worker_lost_during_last_attempt',
    });
    expect(down.sends.get(id)).toBe(5);
    expect(await actionsOf(ctx, id)).toEqual(['message.failed']);
  });
});

describe('delivering', () => {
  it('retries a temporary refusal at 1 min, 5 min, 30 min, 2 h and 12 h, then fails it', async () => {
    const { ctx } = await makeCompany(deps);
    const [id = ''] = await queue(ctx, [email()]);
    const down = fakeMailer(() => ({ accepted: false, reason: '451 4.3.0 Try again later' }));
    const deliver = (seconds: number) =>
      deliverDueMessages({
        db: deps.db,
        owner: 'w1',
        mailerFor: async () => down.mailer,
        clock: clockAt(seconds),
      });
    let attemptAt = 0;
    for (const [attempt, delay] of [60, 300, 1_800, 7_200, 43_200].entries()) {
      expect(await deliver(attemptAt)).toMatchObject({ claimed: 1, retried: 1 });
      const [message] = await messagesOf(ctx);
      expect(message).toMatchObject({
        status: 'queued',
        attempts: attempt + 1,
        nextAttemptAt: at(attemptAt + delay).toISOString(),
        lastError: '451 4.3.0 Try again later',
      });
      // Not a second early.
      expect(await deliver(attemptAt + delay - 1)).toMatchObject({ claimed: 0 });
      attemptAt += delay;
    }
    expect(await deliver(attemptAt)).toMatchObject({ claimed: 1, failed: 1 });
    expect((await messagesOf(ctx))[0]).toMatchObject({
      status: 'failed',
      attempts: 6,
      nextAttemptAt: null,
      lastError: '451 4.3.0 Try again later (after 6 attempts)',
    });
    expect(down.sends.get(id)).toBe(6);
    expect(await deliver(attemptAt + 86_400)).toMatchObject({ claimed: 0 });
    expect(await actionsOf(ctx, id)).toEqual(['message.failed']);
  });

  it('fails a permanent refusal at once, with the reason', async () => {
    const { ctx } = await makeCompany(deps);
    const [id = ''] = await queue(ctx, [email()]);
    const refusing = fakeMailer(() => ({
      accepted: false,
      permanent: true,
      reason: '550 5.1.1 <compta@client.test>: user unknown',
    }));
    const counts = await deliverDueMessages({
      db: deps.db,
      owner: 'w1',
      mailerFor: async () => refusing.mailer,
      clock: clockAt(0),
    });
    expect(counts).toEqual({ claimed: 1, sent: 0, retried: 0, failed: 1, lost: 0, skipped: 0 });
    expect((await messagesOf(ctx))[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: '550 5.1.1 <compta@client.test>: user unknown',
    });
    const [event] = await readEntityEvents(
      deps.db,
      ctx,
      [{ entityType: 'outbox_message', entityId: id }],
      10,
    );
    expect(event).toMatchObject({
      action: 'message.failed',
      actorType: 'system',
      data: {
        channel: 'email',
        reason: '550 5.1.1 <compta@client.test>: user unknown',
        attempts: 1,
      },
    });
  });

  it('keeps e-mails of a company without SMTP settings queued, and SMS while no provider is set', async () => {
    const { ctx } = await makeCompany(deps);
    await queue(ctx, [
      email(),
      email({ channel: 'sms', recipients: ['+33612345678'], subject: null }),
    ]);
    const counts = await deliverDueMessages({
      db: deps.db,
      owner: 'w1',
      mailerFor: async () => undefined,
      clock: clockAt(0),
    });
    expect(counts).toMatchObject({ claimed: 1, retried: 1 });
    const byChannel = new Map((await messagesOf(ctx)).map((m) => [m.channel, m]));
    expect(byChannel.get('email')).toMatchObject({
      status: 'queued',
      lastError: 'mail_settings_missing',
    });
    expect(byChannel.get('sms')).toMatchObject({ status: 'queued', attempts: 0 });

    const texts: string[] = [];
    const withSms = await deliverDueMessages({
      db: deps.db,
      owner: 'w1',
      mailerFor: async () => undefined,
      smsSender: {
        send: async (message) => {
          texts.push(`${message.recipients.join(',')}: ${message.bodyText}`);
          return { accepted: true };
        },
      },
      clock: clockAt(1),
    });
    expect(withSms).toMatchObject({ claimed: 1, sent: 1 });
    expect(texts).toEqual(['+33612345678: Bonjour, la facture FA-001 est échue.']);
  });

  it('records a bounce on a sent message once, and refuses it on one never sent', async () => {
    const { ctx } = await makeCompany(deps);
    const [sent = '', waiting = ''] = await queue(ctx, [email(), email({ notBefore: at(3600) })]);
    await deliverDueMessages({
      db: deps.db,
      owner: 'w1',
      mailerFor: async () => fakeMailer().mailer,
      clock: clockAt(0),
    });
    const reason = '5.1.1 The email account that you tried to reach does not exist';
    expect(await markBounced(deps, ctx, { messageId: sent, reason })).toBe('bounced');
    expect(await markBounced(deps, ctx, { messageId: sent, reason })).toBe('already_bounced');
    expect(await markBounced(deps, ctx, { messageId: waiting, reason })).toBe('not_sent');
    const other = await makeCompany(deps);
    expect(await markBounced(deps, other.ctx, { messageId: sent, reason })).toBe('not_found');
    const bounced = await listMessagePage(deps, ctx, { limit: 50, status: 'bounced' });
    expect(bounced.items.map((m) => [m.id, m.lastError])).toEqual([[sent, reason]]);
    expect(bounced.items).toHaveLength(1);
    expect(await actionsOf(ctx, sent)).toEqual(['message.bounced', 'message.sent']);
  });

  it('leaves letters to the print batch: never claimed, sent once printed', async () => {
    const { ctx } = await makeCompany(deps);
    const pdf = new TextEncoder().encode('%PDF-1.7 lettre de relance');
    const [letter = ''] = await queue(ctx, [
      email({
        channel: 'letter',
        recipients: ['SARL Client', '3 rue de la Paix', '75002 Paris'],
        subject: null,
        attachment: { name: 'relance.pdf', contentType: 'application/pdf', content: pdf },
      }),
    ]);
    const counts = await deliverDueMessages({
      db: deps.db,
      owner: 'w1',
      mailerFor: async () => fakeMailer().mailer,
      clock: clockAt(0),
    });
    expect(counts.claimed).toBe(0);
    const batch = await listLettersToPrint(deps, ctx, 100);
    expect(batch.map((m) => [m.id, m.attachment?.content])).toEqual([[letter, pdf]]);
    const printed = await recordLettersPrinted(deps, ctx, [letter]);
    expect(printed.map((m) => [m.id, m.status])).toEqual([[letter, 'sent']]);
    expect(await recordLettersPrinted(deps, ctx, [letter])).toEqual([]);
    expect(await listLettersToPrint(deps, ctx, 100)).toEqual([]);
    const page = await listMessagePage(deps, ctx, { limit: 50, channel: 'letter' });
    expect(page.items.map((m) => m.status)).toEqual(['sent']);
    expect(await actionsOf(ctx, letter)).toEqual(['message.sent']);
  });

  it('pages the messages view, newest first', async () => {
    const { ctx } = await makeCompany(deps);
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      // One per instant, so that "newest first" has one answer.
      const timed = { ...deps, clock: { ...deps.clock, now: () => at(i) } };
      ids.push(
        ...(await inTransaction(deps.db, (tx) => queueMessagesInTx(timed, tx, ctx, [email()]))),
      );
    }
    const first = await listMessagePage(deps, ctx, { limit: 2, status: 'queued' });
    expect(first.items.map((m) => m.id)).toEqual([ids[2], ids[1]]);
    const next = await listMessagePage(deps, ctx, { limit: 2, before: first.nextCursor ?? '' });
    expect(next.items.map((m) => m.id)).toEqual([ids[0]]);
    expect(next.nextCursor).toBeNull();
  });
});

describe('a worker process killed mid-delivery', () => {
  const DYING_WORKER = fileURLToPath(new URL('./dying-worker.ts', import.meta.url));

  it('leaves its messages to another worker once its lease runs out: each delivered once', async (test) => {
    if (handle.raw.kind !== 'postgres') {
      console.info(
        'PGlite: a second process cannot open the test database (ADR 8); run on PostgreSQL',
      );
      test.skip();
      return;
    }
    const { ctx } = await makeCompany(deps);
    const ids = await queue(
      ctx,
      Array.from({ length: 3 }, () => email()),
    );
    const { connectionString } = handle.raw.pool.options as { connectionString: string };
    const child = spawn(process.execPath, [
      '--import',
      'tsx',
      DYING_WORKER,
      connectionString,
      TEST_NOW.toISOString(),
    ]);
    const [line] = (await once(child.stdout, 'data')) as [Buffer];
    expect((JSON.parse(line.toString()) as string[]).sort()).toEqual([...ids].sort());
    child.kill('SIGKILL');
    await once(child, 'exit');

    const { mailer, sends } = fakeMailer();
    const deliver = (seconds: number) =>
      deliverDueMessages({
        db: deps.db,
        owner: 'w2',
        mailerFor: async () => mailer,
        clock: clockAt(seconds),
      });
    // Its lease still runs: nobody else may send them yet.
    expect(await deliver(599)).toMatchObject({ claimed: 0 });
    expect((await messagesOf(ctx)).map((m) => m.status)).toEqual(['sending', 'sending', 'sending']);
    expect(await deliver(601)).toMatchObject({ claimed: 3, sent: 3 });
    expect(sends).toEqual(new Map(ids.map((id) => [id, 1])));
    expect((await messagesOf(ctx)).map((m) => [m.status, m.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
      ['sent', 2],
    ]);
  });
});

describe('two workers at once', () => {
  /** A second connection to the same database: another server process, as far as locks go. */
  async function secondHandle(): Promise<{ db: Db; close(): Promise<void> }> {
    if (handle.raw.kind === 'postgres') {
      const { connectionString } = handle.raw.pool.options as { connectionString: string };
      const other = await openDatabase(connectionString);
      return { db: other.db, close: () => other.close() };
    }
    // PGlite is one session (ADR 8): the second worker shares it; the pool still lends it
    // to one statement at a time, and the workers interleave between their statements.
    console.info(
      'PGlite: the two workers share its one connection (no second process can open it)',
    );
    return { db: deps.db, close: async () => undefined };
  }

  it('deliver 500 messages of two companies, each exactly once', async () => {
    const a = await makeCompany(deps);
    const b = await makeCompany(deps);
    const ids = [
      ...(await queue(
        a.ctx,
        Array.from({ length: 250 }, () => email()),
      )),
      ...(await queue(
        b.ctx,
        Array.from({ length: 250 }, () => email()),
      )),
    ];
    const other = await secondHandle();
    const { mailer, sends } = fakeMailer();
    const work = async (db: Db, owner: string) => {
      const total: DeliveryCounts = {
        claimed: 0,
        sent: 0,
        retried: 0,
        failed: 0,
        lost: 0,
        skipped: 0,
      };
      for (;;) {
        const counts = await deliverDueMessages({
          db,
          owner,
          mailerFor: async () => mailer,
          clock: clockAt(0),
          limit: 20,
          concurrency: 4,
        });
        for (const key of Object.keys(total) as (keyof DeliveryCounts)[]) {
          total[key] += counts[key];
        }
        if (counts.claimed === 0) {
          return total;
        }
      }
    };
    try {
      const [first, second] = await Promise.all([work(deps.db, 'w1'), work(other.db, 'w2')]);
      expect(first.sent + second.sent).toBe(500);
      expect(first.lost + second.lost + first.failed + second.failed).toBe(0);
      // Both took part: the claims really ran side by side (on PGlite, interleaved).
      expect(Math.min(first.sent, second.sent)).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
    expect(sends.size).toBe(500);
    expect([...sends.values()].every((count) => count === 1)).toBe(true);
    expect(new Set(sends.keys())).toEqual(new Set(ids));
    for (const { ctx } of [a, b]) {
      const sent = await listMessagePage(deps, ctx, { limit: 500, status: 'sent' });
      expect(sent.items).toHaveLength(250);
    }
  });
});
