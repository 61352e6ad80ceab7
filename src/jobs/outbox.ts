/**
 * The outbox's use cases (ADR 21): queue messages in the transaction of the decision that
 * makes them, claim them for a worker, record what became of each attempt, a bounce, a
 * print batch; list them. The worker's loop is in outbox-worker.ts.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { recordEvents, type EventInput } from '../audit/service.ts';
import type { Db, Queryable, Tx } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import {
  checkNewMessage,
  decideDelivery,
  MAX_ATTEMPTS,
  MESSAGE_CHANNELS,
  type ClaimedMessage,
  type DeliveredChannel,
  type DeliveryDecision,
  type DeliveryResult,
  type NewMessage,
  type OutboxMessage,
} from './model.ts';
import {
  claimDueMessages,
  findMessagesOfSources,
  findMessageSummary,
  findQueuedLetters,
  insertMessages,
  updateAbandonedMessages,
  updateBounced,
  updateDelivery,
  updateDemoDeliveries,
  updateLettersPrinted,
  type MessageSummary,
} from './outbox-store.ts';

export type { MessageSummary } from './outbox-store.ts';

/** The outbox acts as the system in the company of each message it records. */
export function outboxContext(companyId: string): Ctx {
  return { companyId, actor: { type: 'system', id: null, name: 'outbox' }, role: 'admin' };
}

/**
 * Queues `messages` in `tx`, the transaction of the decision that makes them: they commit
 * with it or not at all. A fixed number of statements whatever their count (one per 200
 * messages). The caller's use case has checked its own permission. The new messages' ids,
 * in order.
 */
export async function queueMessagesInTx(
  deps: Pick<Deps, 'ids' | 'clock'>,
  tx: Tx,
  ctx: Ctx,
  messages: readonly NewMessage[],
): Promise<string[]> {
  for (const message of messages) {
    const broken = checkNewMessage(message);
    if (broken !== undefined) {
      // A maker's bug, not a user's input: its messages are built by our own code.
      throw new Error(`Cannot queue this ${message.channel}: ${broken}`);
    }
  }
  const createdAt = deps.clock.now();
  const stored = messages.map((message) => ({ ...message, id: deps.ids.newId(), createdAt }));
  await insertMessages(tx, ctx.companyId, stored);
  return stored.map((message) => message.id);
}

/** The channels a worker delivers by default: e-mail and SMS (letters are printed). */
export const DELIVERED_CHANNELS: readonly DeliveredChannel[] = MESSAGE_CHANNELS.filter(
  (channel): channel is DeliveredChannel => channel !== 'letter',
);

/**
 * Claims up to `limit` due messages of every company for `owner`, leased for
 * `leaseSeconds` from `now` (ADR 21): two workers never claim one message, and a message
 * whose worker died is claimed again once its lease ran out. `channels`: those the worker
 * can deliver (an SMS waits while no provider is configured).
 */
export async function claimMessages(
  db: Db,
  options: {
    owner: string;
    limit: number;
    leaseSeconds: number;
    now: Date;
    channels?: readonly DeliveredChannel[];
  },
): Promise<ClaimedMessage[]> {
  return claimDueMessages(db, {
    owner: options.owner,
    limit: options.limit,
    now: options.now,
    leaseUntil: new Date(options.now.getTime() + options.leaseSeconds * 1000),
    channels: options.channels ?? DELIVERED_CHANNELS,
  });
}

/** The trail's event of what became of `message` (also a print batch's, messages.ts). */
export function deliveryEvent(
  message: Pick<
    OutboxMessage,
    'id' | 'channel' | 'recipients' | 'subject' | 'customerId' | 'source' | 'attempts'
  >,
  action: 'message.sent' | 'message.failed' | 'message.bounced',
  reason: string | null,
): EventInput {
  return {
    action,
    entityType: 'outbox_message',
    entityId: message.id,
    customerId: message.customerId,
    data: {
      channel: message.channel,
      recipients: message.recipients,
      subject: message.subject,
      attempts: message.attempts,
      source: message.source,
      ...(reason === null ? {} : { reason }),
    },
  };
}

/**
 * Records what the attempt of `message` got (`result`, at `now`), if this worker still
 * holds its lease: `sent`; back to `queued` after the backoff; `failed` at once on a
 * permanent refusal or after the last attempt (model.ts, `decideDelivery`). A sent or
 * failed message is an event of the trail, in the same transaction. The decision recorded,
 * or undefined when the lease was lost (the message is another worker's now).
 */
export async function recordDelivery(
  db: Db,
  message: ClaimedMessage,
  result: DeliveryResult,
  now: Date,
): Promise<DeliveryDecision | undefined> {
  const decision = decideDelivery(message.attempts, result, now);
  return inTransaction(db, async (tx) => {
    const isRecorded = await updateDelivery(tx, message, decision, now);
    if (!isRecorded) {
      return undefined;
    }
    if (decision.status === 'sent') {
      await recordEvents(tx, outboxContext(message.companyId), [
        deliveryEvent(message, 'message.sent', decision.note),
      ]);
    } else if (decision.status === 'failed') {
      await recordEvents(tx, outboxContext(message.companyId), [
        deliveryEvent(message, 'message.failed', decision.reason),
      ]);
    }
    return decision;
  });
}

/** Why a message is failed whose worker died during its last attempt. */
export const ABANDONED_REASON = 'worker_lost_during_last_attempt';

/**
 * Fails, in every company, the messages whose worker died during their last attempt: no
 * claim takes them again (they have no attempt left), and the collector must be told.
 * How many.
 */
export async function failAbandonedMessages(db: Db, now: Date): Promise<number> {
  return inTransaction(db, async (tx) => {
    const failed = await updateAbandonedMessages(tx, {
      now,
      maxAttempts: MAX_ATTEMPTS,
      reason: ABANDONED_REASON,
    });
    const byCompany = new Map<string, MessageSummary[]>();
    for (const message of failed) {
      byCompany.set(message.companyId, [...(byCompany.get(message.companyId) ?? []), message]);
    }
    for (const [companyId, messages] of byCompany) {
      await recordEvents(
        tx,
        outboxContext(companyId),
        messages.map((message) => deliveryEvent(message, 'message.failed', ABANDONED_REASON)),
      );
    }
    return failed.length;
  });
}

/**
 * What a bounce report did: `bounced`; `already_bounced` (reports repeat: nothing
 * changes); `not_sent` (the message was never accepted, so it cannot bounce); `not_found`.
 */
export type BounceOutcome = 'bounced' | 'already_bounced' | 'not_sent' | 'not_found';

/**
 * Records that a sent message bounced (a delivery status notification, a returned letter),
 * with the reason the report gives. Bounce reports come in batches and repeat: the outcome
 * is data, not an error.
 */
export async function markBounced(
  deps: Pick<Deps, 'db' | 'clock'>,
  ctx: Ctx,
  input: { messageId: string; reason: string },
): Promise<BounceOutcome> {
  requirePermission(ctx, 'customers:write');
  return inTransaction(deps.db, async (tx) => {
    const bounced = await updateBounced(
      tx,
      ctx.companyId,
      input.messageId,
      input.reason,
      deps.clock.now(),
    );
    if (bounced !== undefined) {
      await recordEvents(tx, ctx, [deliveryEvent(bounced, 'message.bounced', input.reason)]);
      return 'bounced';
    }
    const message = await findMessageSummary(tx, ctx.companyId, input.messageId);
    if (message === undefined) {
      return 'not_found';
    }
    return message.status === 'bounced' ? 'already_bounced' : 'not_sent';
  });
}

/**
 * The next print batch: up to `limit` queued letters of the company, oldest first, with
 * their PDFs. Printing them is `recordLettersPrinted`.
 */
export async function listLettersToPrint(
  deps: Pick<Deps, 'db'>,
  ctx: Ctx,
  limit: number,
): Promise<OutboxMessage[]> {
  requirePermission(ctx, 'customers:read');
  return findQueuedLetters(deps.db, ctx.companyId, limit);
}

/**
 * Records that the letters `messageIds` went into a print batch (its PDF produced and
 * downloaded): they are `sent`, each an event of the trail. Letters already printed, or
 * not letters, are left as they are. The letters printed now.
 */
export async function recordLettersPrinted(
  deps: Pick<Deps, 'db' | 'clock'>,
  ctx: Ctx,
  messageIds: readonly string[],
): Promise<MessageSummary[]> {
  requirePermission(ctx, 'customers:write');
  return inTransaction(deps.db, async (tx) => {
    const printed = await updateLettersPrinted(tx, ctx.companyId, messageIds, deps.clock.now());
    await recordEvents(
      tx,
      ctx,
      printed.map((letter) => deliveryEvent(letter, 'message.sent', null)),
    );
    return printed;
  });
}

/**
 * Demo only (`encaisse demo`, src/demo/demo-dunning.ts): there is no mail server, so the
 * demo's replay of past runs says what became of their queued e-mails and SMS, as a worker
 * would have recorded it after one attempt at `at`: accepted, `sent`; refused, `failed` at
 * once with the refusal's reason (`decideDelivery` with the attempt taken as the last one).
 * Each is an event of the trail, as `recordDelivery` makes. Letters and messages no longer
 * queued are left as they are. Never called by the worker, a route or a job.
 */
export async function recordDemoDeliveries(
  deps: Pick<Deps, 'db'>,
  ctx: Ctx,
  deliveries: readonly { messageId: string; result: DeliveryResult }[],
  at: Date,
): Promise<MessageSummary[]> {
  requirePermission(ctx, 'customers:write');
  const sent = deliveries.filter((delivery) => delivery.result.accepted);
  const refused = deliveries.filter((delivery) => !delivery.result.accepted);
  return inTransaction(deps.db, async (tx) => {
    const recorded = await updateDemoDeliveries(
      tx,
      ctx.companyId,
      sent.map((delivery) => delivery.messageId),
      { status: 'sent', lastError: null, at },
    );
    const events = recorded.map((message) => deliveryEvent(message, 'message.sent', null));
    for (const delivery of refused) {
      const decision = decideDelivery(MAX_ATTEMPTS, delivery.result, at);
      const reason = decision.status === 'sent' ? null : decision.reason;
      const [failed] = await updateDemoDeliveries(tx, ctx.companyId, [delivery.messageId], {
        status: 'failed',
        lastError: reason,
        at,
      });
      if (failed !== undefined) {
        recorded.push(failed);
        events.push(deliveryEvent(failed, 'message.failed', reason));
      }
    }
    await recordEvents(tx, outboxContext(ctx.companyId), events);
    return recorded;
  });
}

/**
 * The messages that `sourceIds` (of `sourceType`, e.g. dunning actions) made, with their
 * status: how a capability reads back what became of its messages without naming the
 * outbox's table (ADR 19).
 */
export async function listMessagesOfSources(
  q: Queryable,
  ctx: Ctx,
  source: { type: string; ids: readonly string[] },
): Promise<MessageSummary[]> {
  return findMessagesOfSources(q, ctx.companyId, source.type, source.ids);
}
