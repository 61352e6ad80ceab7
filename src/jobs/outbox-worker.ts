/**
 * The outbox worker (ADR 21): claims a batch of due messages of every company, sends each
 * outside any transaction (an SMTP conversation takes seconds), and records each outcome
 * under its lease. Any number of workers, in any number of processes on one PostgreSQL,
 * may run at once: the claim gives each message to one of them.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../db/client.ts';
import type { Clock } from '../shared/clock.ts';
import type { Mailer, SmsSender } from './mailer.ts';
import type { ClaimedMessage, DeliveredChannel, DeliveryResult } from './model.ts';
import { claimMessages, failAbandonedMessages, recordDelivery } from './outbox.ts';
import { startPolling, type Poller } from './polling.ts';

/** Why an e-mail waits: its company has no SMTP settings yet (docs/messages.md). */
export const NO_MAIL_SETTINGS = 'mail_settings_missing';

/** A worker's lease on what it claims: longer than a batch takes (`SMTP_TIMEOUTS`). */
export const DEFAULT_LEASE_SECONDS = 600;
/** Messages per claim. */
export const DEFAULT_BATCH = 20;
/** Messages of one batch in flight at once. */
export const DEFAULT_CONCURRENCY = 4;
/**
 * A message is not started once its lease ends within this margin (or half the lease, if
 * shorter): another worker may claim it then, and both would send it. It is left for the
 * next claim instead.
 */
const LEASE_MARGIN_MS = 90_000;

/** A worker's name, unique among every process's: its host, its pid and a random part. */
export function workerOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

export type OutboxWorkerOptions = {
  db: Db;
  /** This worker, unique among every process's (host, pid and a random part). */
  owner: string;
  /** The company's mailer, or undefined while it has no SMTP settings. */
  mailerFor(companyId: string): Promise<Mailer | undefined>;
  /** Without one, SMS stay queued: no worker claims them. */
  smsSender?: SmsSender;
  clock: Pick<Clock, 'now'>;
  limit?: number;
  leaseSeconds?: number;
  concurrency?: number;
};

/** What one batch did. `lost`: outcomes not recorded, the lease gone to another worker. */
export type DeliveryCounts = {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  lost: number;
  skipped: number;
};

async function attempt(
  options: OutboxWorkerOptions,
  mailers: Map<string, Promise<Mailer | undefined>>,
  message: ClaimedMessage,
): Promise<DeliveryResult> {
  try {
    if (message.channel === 'sms') {
      // Claimed only when a sender exists (`channels` below).
      return options.smsSender === undefined
        ? { accepted: false, reason: 'sms_sender_missing' }
        : await options.smsSender.send(message);
    }
    let mailer = mailers.get(message.companyId);
    if (mailer === undefined) {
      mailer = options.mailerFor(message.companyId);
      mailers.set(message.companyId, mailer);
    }
    const resolved = await mailer;
    return resolved === undefined
      ? { accepted: false, reason: NO_MAIL_SETTINGS }
      : await resolved.send(message);
  } catch (error) {
    // A port that throws (a bug, a provider's client) is a temporary refusal: the message
    // is tried again, and the reason is on it for whoever looks.
    return { accepted: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Delivers one batch: fails the messages abandoned on their last attempt, claims up to
 * `limit` due ones, sends them (`concurrency` at a time) and records each outcome. What it
 * did, in numbers; `claimed` 0 means nothing was due.
 */
export async function deliverDueMessages(options: OutboxWorkerOptions): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = {
    claimed: 0,
    sent: 0,
    retried: 0,
    failed: 0,
    lost: 0,
    skipped: 0,
  };
  counts.failed += await failAbandonedMessages(options.db, options.clock.now());
  const channels: DeliveredChannel[] =
    options.smsSender === undefined ? ['email'] : ['email', 'sms'];
  const claimed = await claimMessages(options.db, {
    owner: options.owner,
    limit: options.limit ?? DEFAULT_BATCH,
    leaseSeconds: options.leaseSeconds ?? DEFAULT_LEASE_SECONDS,
    now: options.clock.now(),
    channels,
  });
  counts.claimed = claimed.length;
  // One settings read per company and batch, whatever its number of messages.
  const mailers = new Map<string, Promise<Mailer | undefined>>();
  const pending = [...claimed];
  const margin = Math.min(
    LEASE_MARGIN_MS,
    ((options.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000) / 2,
  );
  const sendNext = async (): Promise<void> => {
    for (let message = pending.shift(); message !== undefined; message = pending.shift()) {
      if (message.leaseUntil.getTime() - options.clock.now().getTime() < margin) {
        // Too late to start: left `sending`, it is claimed again once its lease ends.
        counts.skipped += 1;
        continue;
      }
      const result = await attempt(options, mailers, message);
      const decision = await recordDelivery(options.db, message, result, options.clock.now());
      if (decision === undefined) {
        counts.lost += 1;
      } else if (decision.status === 'sent') {
        counts.sent += 1;
      } else if (decision.status === 'queued') {
        counts.retried += 1;
      } else {
        counts.failed += 1;
      }
    }
  };
  const lanes = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, claimed.length));
  await Promise.all(Array.from({ length: lanes }, sendNext));
  return counts;
}

/**
 * Runs `deliverDueMessages` every `intervalMs` (5 s by default), and at once again after a
 * full batch. A failing batch (the database away) is reported to `onError` and tried again
 * at the next tick. `stop()` resolves once the batch in progress is recorded. For `serve`:
 *
 *     const mailers = companyMailers(db);
 *     const worker = startOutboxWorker({ db, owner: workerOwner(), clock: deps.clock,
 *       mailerFor: (companyId) => mailers.mailerFor(companyId), onError: (e) => log.error(e) });
 *     // on shutdown: await worker.stop(); mailers.close();
 */
export function startOutboxWorker(
  options: OutboxWorkerOptions & {
    intervalMs?: number;
    onError(error: unknown): void;
    onBatch?(counts: DeliveryCounts): void;
  },
): Poller {
  const limit = options.limit ?? DEFAULT_BATCH;
  return startPolling({
    intervalMs: options.intervalMs ?? 5_000,
    onError: (error) => options.onError(error),
    runBatch: async () => {
      const counts = await deliverDueMessages({ ...options, limit });
      options.onBatch?.(counts);
      return counts.claimed >= limit;
    },
  });
}
