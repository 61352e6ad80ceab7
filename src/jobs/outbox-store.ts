/**
 * The outbox's SQL (ADR 21), and nothing else: it decides nothing. Every statement but the
 * claim filters on the company; the claim serves every company, since one worker delivers
 * for all of them.
 */
import { Buffer } from 'node:buffer';
import { sql, type Selectable } from 'kysely';
import type { Queryable } from '../db/client.ts';
import { anyOf, chunksOf, unnestRows } from '../db/array-parameters.ts';
import {
  claimDueRows,
  toLeaseState,
  updateAbandonedRows,
  updateUnderLease,
  toRetryEnd,
  type AbandonOptions,
  type ClaimOptions,
  type Lease,
  type LeasedQueue,
} from './leases.ts';
import type {
  ClaimedMessage,
  DeliveredChannel,
  DeliveryDecision,
  MessageChannel,
  MessageStatus,
  NewMessage,
  OutboxMessage,
} from './model.ts';
import { jobsDb, type OutboxMessageTable } from './tables.ts';

/**
 * Messages per INSERT. The statement's parameter count is fixed whatever the count; this
 * bounds its size, since each row may carry a PDF (as hex, twice its size).
 */
const MESSAGES_PER_STATEMENT = 200;

/** A new message with its id and instant, ready to store. */
export type MessageToStore = NewMessage & { id: string; createdAt: Date };

/** The columns of a message, without its bodies and attachment: what a list shows. */
export type MessageSummary = Omit<OutboxMessage, 'bodyText' | 'bodyHtml' | 'attachment'> & {
  attachmentName: string | null;
};

export type MessageRow = Selectable<OutboxMessageTable>;

export type SummaryRow = Omit<
  MessageRow,
  'body_text' | 'body_html' | 'attachment' | 'attachment_type'
>;

export const SUMMARY_COLUMNS = [
  'company_id',
  'id',
  'channel',
  'recipients',
  'subject',
  'attachment_name',
  'customer_id',
  'source_type',
  'source_id',
  'status',
  'attempts',
  'next_attempt_at',
  'lease_owner',
  'lease_until',
  'last_error',
  'created_at',
  'updated_at',
  'sent_at',
] as const;

export function toSummary(row: SummaryRow): MessageSummary {
  return {
    companyId: row.company_id,
    id: row.id,
    channel: row.channel as MessageChannel,
    recipients: row.recipients,
    subject: row.subject,
    attachmentName: row.attachment_name,
    customerId: row.customer_id,
    source: { type: row.source_type, id: row.source_id },
    status: row.status as MessageStatus,
    ...toLeaseState(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
  };
}

export function toMessage(row: MessageRow): OutboxMessage {
  const { attachmentName: _name, ...summary } = toSummary(row);
  return {
    ...summary,
    bodyText: row.body_text,
    bodyHtml: row.body_html,
    attachment:
      row.attachment === null
        ? null
        : {
            name: row.attachment_name ?? 'attachment',
            contentType: row.attachment_type ?? 'application/octet-stream',
            // pg hands a Buffer, PGlite a Uint8Array: one type for the mailer.
            content: new Uint8Array(row.attachment),
          },
  };
}

/** A claimed message is `sending`; a sent one has its `sent_at` (a failed one has none). */
const MESSAGE_QUEUE: LeasedQueue = {
  table: 'outbox_message',
  claimedStatus: 'sending',
  finished: { column: 'sent_at', statuses: ['sent'] },
};

/**
 * Letters are never claimed: a letter waits for its print batch. Said in every statement of
 * the worker's, so that the claim's partial index serves (`outbox_message_due_idx`).
 */
const EXCEPT_LETTERS = sql`d.channel <> 'letter'`;

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** A message as `unnest` carries it: one array parameter per column. */
const INSERTED_COLUMNS = {
  id: 'uuid',
  channel: 'text',
  recipients: 'jsonb',
  subject: 'text',
  body_text: 'text',
  body_html: 'text',
  attachment_name: 'text',
  attachment_type: 'text',
  attachment_hex: 'text',
  customer_id: 'uuid',
  source_type: 'text',
  source_id: 'text',
  next_attempt_at: 'timestamptz',
  created_at: 'timestamptz',
} as const;

/**
 * Inserts `messages` of one company: one `INSERT … SELECT … FROM unnest(…)` per
 * `MESSAGES_PER_STATEMENT` messages, never one per message. `recipients` travel as JSON
 * (unnest would flatten an array of arrays) and attachments as hex.
 */
export async function insertMessages(
  q: Queryable,
  companyId: string,
  messages: readonly MessageToStore[],
): Promise<void> {
  for (const chunk of chunksOf(messages, MESSAGES_PER_STATEMENT)) {
    const rows = chunk.map((m) => ({
      id: m.id,
      channel: m.channel,
      recipients: JSON.stringify(m.recipients),
      subject: m.subject,
      body_text: m.bodyText,
      body_html: m.bodyHtml ?? null,
      attachment_name: m.attachment?.name ?? null,
      attachment_type: m.attachment?.contentType ?? null,
      attachment_hex: m.attachment ? hex(m.attachment.content) : null,
      customer_id: m.customerId,
      source_type: m.source.type,
      source_id: m.source.id,
      next_attempt_at: m.notBefore ?? m.createdAt,
      created_at: m.createdAt,
    }));
    await sql`INSERT INTO outbox_message (company_id, id, channel, recipients, subject, body_text,
        body_html, attachment_name, attachment_type, attachment, customer_id, source_type,
        source_id, status, attempts, next_attempt_at, created_at, updated_at)
      SELECT ${companyId}::uuid, m.id, m.channel,
        ARRAY(SELECT jsonb_array_elements_text(m.recipients)), m.subject, m.body_text,
        m.body_html, m.attachment_name, m.attachment_type, decode(m.attachment_hex, 'hex'),
        m.customer_id, m.source_type, m.source_id, 'queued', 0, m.next_attempt_at,
        m.created_at, m.created_at
      FROM ${unnestRows('m', INSERTED_COLUMNS, rows)}`.execute(q);
  }
}

/**
 * Claims up to `limit` due messages of `channels`, of every company, for `owner` (leases.ts,
 * `claimDueRows`): set `sending`, leased, one more attempt. A `sending` message whose lease
 * ran out is claimed again.
 */
export async function claimDueMessages(
  q: Queryable,
  options: ClaimOptions & { channels: readonly DeliveredChannel[] },
): Promise<ClaimedMessage[]> {
  const ofChannels = sql`${EXCEPT_LETTERS} AND d.channel = ${anyOf(options.channels, 'text')}`;
  const rows = await claimDueRows<MessageRow>(q, MESSAGE_QUEUE, ofChannels, options);
  return rows.map((row) => toMessage(row) as ClaimedMessage);
}

/**
 * Records the outcome of an attempt, only if `lease` still holds (`sending`, the same owner,
 * the same attempt): a worker whose lease ran out, and whose message another worker took
 * meanwhile, changes nothing. Whether it did.
 */
export async function updateDelivery(
  q: Queryable,
  lease: Lease,
  decision: DeliveryDecision,
  now: Date,
): Promise<boolean> {
  const end =
    decision.status === 'sent'
      ? { status: 'sent', lastError: decision.note }
      : toRetryEnd(decision);
  return updateUnderLease(q, MESSAGE_QUEUE, lease, end, now);
}

/**
 * Fails the messages of every company whose worker died during their last attempt (their
 * lease ran out with no attempt left), which no claim would take again. The failed ones.
 */
export async function updateAbandonedMessages(
  q: Queryable,
  options: AbandonOptions,
): Promise<MessageSummary[]> {
  const rows = await updateAbandonedRows<SummaryRow>(q, MESSAGE_QUEUE, {
    ...options,
    where: EXCEPT_LETTERS,
    returning: SUMMARY_COLUMNS,
  });
  return rows.map(toSummary);
}

/** One message of the company, without its bodies, or undefined. */
export async function findMessageSummary(
  q: Queryable,
  companyId: string,
  id: string,
): Promise<MessageSummary | undefined> {
  const row = await jobsDb(q)
    .selectFrom('outbox_message')
    .select(SUMMARY_COLUMNS)
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : toSummary(row);
}

/** Sets `bounced` on a sent message of the company, with the reason. Whether it was sent. */
export async function updateBounced(
  q: Queryable,
  companyId: string,
  id: string,
  reason: string,
  now: Date,
): Promise<MessageSummary | undefined> {
  const row = await jobsDb(q)
    .updateTable('outbox_message')
    .set({ status: 'bounced', last_error: reason, updated_at: now })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .where('status', '=', 'sent')
    .returning(SUMMARY_COLUMNS)
    .executeTakeFirst();
  return row === undefined ? undefined : toSummary(row);
}

/** Sets `sent` on the queued letters of the company among `ids`: their print batch is made. */
export async function updateLettersPrinted(
  q: Queryable,
  companyId: string,
  ids: readonly string[],
  now: Date,
): Promise<MessageSummary[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await jobsDb(q)
    .updateTable('outbox_message')
    .set({ status: 'sent', sent_at: now, updated_at: now })
    .where('company_id', '=', companyId)
    .where('id', '=', anyOf(ids, 'uuid'))
    .where('channel', '=', 'letter')
    .where('status', '=', 'queued')
    .returning(SUMMARY_COLUMNS)
    .execute();
  return rows.map(toSummary);
}

/** The queued letters of the company, oldest first, with their PDFs: the next print batch. */
export async function findQueuedLetters(
  q: Queryable,
  companyId: string,
  limit: number,
): Promise<OutboxMessage[]> {
  const rows = await jobsDb(q)
    .selectFrom('outbox_message')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('channel', '=', 'letter')
    .where('status', '=', 'queued')
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => toMessage(row));
}

/** The messages `sourceIds` of `sourceType` made in the company: their maker reads their fate. */
export async function findMessagesOfSources(
  q: Queryable,
  companyId: string,
  sourceType: string,
  sourceIds: readonly string[],
): Promise<MessageSummary[]> {
  if (sourceIds.length === 0) {
    return [];
  }
  const rows = await jobsDb(q)
    .selectFrom('outbox_message')
    .select(SUMMARY_COLUMNS)
    .where('company_id', '=', companyId)
    .where('source_type', '=', sourceType)
    .where('source_id', '=', anyOf(sourceIds, 'text'))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toSummary);
}

/**
 * Demo only (`recordDemoDeliveries`): sets what one attempt got on queued e-mails and SMS
 * of the company among `ids`, with no worker and no lease (no mail server took them): one
 * statement whatever their count. The messages changed.
 */
export async function updateDemoDeliveries(
  q: Queryable,
  companyId: string,
  ids: readonly string[],
  outcome: { status: 'sent' | 'failed'; lastError: string | null; at: Date },
): Promise<MessageSummary[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await jobsDb(q)
    .updateTable('outbox_message')
    .set((eb) => ({
      status: outcome.status,
      attempts: eb('attempts', '+', 1),
      last_error: outcome.lastError,
      sent_at: outcome.status === 'sent' ? outcome.at : null,
      updated_at: outcome.at,
    }))
    .where('company_id', '=', companyId)
    .where('id', '=', anyOf(ids, 'uuid'))
    .where('channel', '<>', 'letter')
    .where('status', '=', 'queued')
    .returning(SUMMARY_COLUMNS)
    .execute();
  return rows.map(toSummary);
}
