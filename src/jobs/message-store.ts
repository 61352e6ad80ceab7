/**
 * The messages view's and the print batch's SQL (ADR 21), and nothing else: a company's
 * messages newest first by keyset (no OFFSET), one message, its attachment, and the queued
 * letters a print batch takes. Every statement filters on the company.
 */
import { sql } from 'kysely';
import type { Queryable } from '../db/client.ts';
import type { Attachment, MessageChannel, MessageStatus, OutboxMessage } from './model.ts';
import { SUMMARY_COLUMNS, toMessage, toSummary, type MessageSummary } from './outbox-store.ts';
import { jobsDb } from './tables.ts';

/** Where a page of the view starts: after the message of this instant and id. */
export type MessageCursor = { createdAt: Date; id: string };

/** A message as the view lists it: its summary, its text body, whether it has a file. */
export type MessageView = MessageSummary & { bodyText: string; hasAttachment: boolean };

/** One message as the view opens it: also its HTML body. */
export type MessageDetailView = MessageView & { bodyHtml: string | null };

export type MessageViewQuery = {
  status: MessageStatus | undefined;
  channel: MessageChannel | undefined;
  customerId: string | undefined;
  sourceType: string | undefined;
  before: MessageCursor | undefined;
  limit: number;
};

const hasAttachment = sql<boolean>`attachment IS NOT NULL`.as('has_attachment');

/**
 * Up to `limit` messages of the company older than `before` (all, without it), newest first
 * by (created_at, id): a page costs one index range (outbox_message_newest_idx), however deep.
 */
export async function listMessagesNewestFirst(
  q: Queryable,
  companyId: string,
  query: MessageViewQuery,
): Promise<MessageView[]> {
  let select = jobsDb(q)
    .selectFrom('outbox_message')
    .select([...SUMMARY_COLUMNS, 'body_text', hasAttachment])
    .where('company_id', '=', companyId);
  if (query.status !== undefined) {
    select = select.where('status', '=', query.status);
  }
  if (query.channel !== undefined) {
    select = select.where('channel', '=', query.channel);
  }
  if (query.customerId !== undefined) {
    select = select.where('customer_id', '=', query.customerId);
  }
  if (query.sourceType !== undefined) {
    select = select.where('source_type', '=', query.sourceType);
  }
  const { before } = query;
  if (before !== undefined) {
    select = select.where(
      sql<boolean>`(created_at, id) < (${before.createdAt.toISOString()}::timestamptz, ${before.id}::uuid)`,
    );
  }
  const rows = await select
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit)
    .execute();
  return rows.map((row) => ({
    ...toSummary(row),
    bodyText: row.body_text,
    hasAttachment: row.has_attachment,
  }));
}

/** One message of the company with its bodies (not its file), or undefined. */
export async function findMessageDetail(
  q: Queryable,
  companyId: string,
  id: string,
): Promise<MessageDetailView | undefined> {
  const row = await jobsDb(q)
    .selectFrom('outbox_message')
    .select([...SUMMARY_COLUMNS, 'body_text', 'body_html', hasAttachment])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : {
        ...toSummary(row),
        bodyText: row.body_text,
        bodyHtml: row.body_html,
        hasAttachment: row.has_attachment,
      };
}

/**
 * The attachment of a message of the company: undefined when there is no such message,
 * null when it has none.
 */
export async function findMessageAttachment(
  q: Queryable,
  companyId: string,
  id: string,
): Promise<Attachment | null | undefined> {
  const row = await jobsDb(q)
    .selectFrom('outbox_message')
    .select(['attachment', 'attachment_name', 'attachment_type'])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) {
    return undefined;
  }
  return row.attachment === null
    ? null
    : {
        name: row.attachment_name ?? 'attachment',
        contentType: row.attachment_type ?? 'application/octet-stream',
        content: new Uint8Array(row.attachment),
      };
}

/** How many letters of the company wait for their print batch. */
export async function countQueuedLetters(q: Queryable, companyId: string): Promise<number> {
  const row = await jobsDb(q)
    .selectFrom('outbox_message')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('company_id', '=', companyId)
    .where('channel', '=', 'letter')
    .where('status', '=', 'queued')
    .executeTakeFirstOrThrow();
  return row.total;
}

/** The first `limit` queued letters of the company, oldest first, without their PDFs. */
export async function listQueuedLetterSummaries(
  q: Queryable,
  companyId: string,
  limit: number,
): Promise<MessageSummary[]> {
  const rows = await jobsDb(q)
    .selectFrom('outbox_message')
    .select(SUMMARY_COLUMNS)
    .where('company_id', '=', companyId)
    .where('channel', '=', 'letter')
    .where('status', '=', 'queued')
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toSummary);
}

/**
 * Takes the first `limit` queued letters of the company into a print batch: `sent` at
 * `now`, with their PDFs, oldest first. Rows another transaction is taking are skipped
 * (`SKIP LOCKED`), so two batches made at once never print one letter twice.
 */
export async function takeQueuedLetters(
  q: Queryable,
  companyId: string,
  limit: number,
  now: Date,
): Promise<OutboxMessage[]> {
  const db = jobsDb(q);
  const rows = await db
    .updateTable('outbox_message')
    .set({ status: 'sent', sent_at: now, updated_at: now })
    .where('company_id', '=', companyId)
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox_message')
        .select('id')
        .where('company_id', '=', companyId)
        .where('channel', '=', 'letter')
        .where('status', '=', 'queued')
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
  return rows
    .map((row) => toMessage(row))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
}
