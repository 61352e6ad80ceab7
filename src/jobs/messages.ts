/**
 * The messages view's use cases (docs/messages.md): a company's messages newest first, a
 * page at a time by cursor; one message with its bodies; its attachment; and the letters'
 * print batch, made into one PDF and marked printed in one transaction.
 */
import { Buffer } from 'node:buffer';
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { recordEvents } from '../audit/service.ts';
import { inTransaction } from '../db/transaction.ts';
import { ConflictError, DomainError, invalidField } from '../shared/errors.ts';
import { mergeLetterPdfs } from './letter-batch.ts';
import {
  countQueuedLetters,
  findMessageAttachment,
  findMessageDetail,
  listMessagesNewestFirst,
  listQueuedLetterSummaries,
  takeQueuedLetters,
  type MessageCursor,
  type MessageView,
} from './message-store.ts';
import type { Attachment } from './model.ts';
import { deliveryEvent, markBounced } from './outbox.ts';
import type {
  TLettersToPrint,
  TListMessagesRequest,
  TMessageDetail,
  TMessageItem,
  TMessageList,
} from './schemas.ts';

/** Letters in one print batch at most: a file a printer takes in one go. */
export const MAX_LETTERS_PER_BATCH = 500;

const CURSOR_PATTERN =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The cursor after `message`: its instant and id, opaque to the client (base64url). */
export function encodeMessageCursor(message: MessageCursor): string {
  return Buffer.from(`${message.createdAt.toISOString()}_${message.id}`).toString('base64url');
}

/** The instant and id a cursor names, or undefined when it is not one we gave. */
export function decodeMessageCursor(cursor: string): MessageCursor | undefined {
  const match = CURSOR_PATTERN.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const [, instant, id] = match ?? [];
  if (instant === undefined || id === undefined) {
    return undefined;
  }
  const createdAt = new Date(instant);
  return Number.isNaN(createdAt.getTime()) ? undefined : { createdAt, id };
}

function presentItem(message: MessageView): TMessageItem {
  return {
    id: message.id,
    channel: message.channel,
    recipients: message.recipients,
    subject: message.subject,
    bodyText: message.bodyText,
    status: message.status,
    attempts: message.attempts,
    lastError: message.lastError,
    nextAttemptAt: message.status === 'queued' ? message.nextAttemptAt.toISOString() : null,
    customer: message.customerId === null ? null : { id: message.customerId },
    source: message.source,
    createdAt: message.createdAt.toISOString(),
    sentAt: message.sentAt?.toISOString() ?? null,
    hasAttachment: message.hasAttachment,
    attachmentName: message.attachmentName,
  };
}

/**
 * The company's messages, newest first, by status, channel, customer or maker: `limit` of
 * them older than the cursor `before`, and the cursor of the next page (null on the last).
 */
export async function listMessagePage(
  deps: Pick<Deps, 'db'>,
  ctx: Ctx,
  query: TListMessagesRequest,
): Promise<TMessageList> {
  requirePermission(ctx, 'customers:read');
  let before: MessageCursor | undefined;
  if (query.before !== undefined) {
    before = decodeMessageCursor(query.before);
    if (before === undefined) {
      throw invalidField('before', 'message_cursor_invalid');
    }
  }
  // One more than asked: whether a next page exists, without counting them all.
  const rows = await listMessagesNewestFirst(deps.db, ctx.companyId, {
    status: query.status,
    channel: query.channel,
    customerId: query.customerId,
    sourceType: query.sourceType,
    before,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentItem),
    nextCursor: rows.length > query.limit && last !== undefined ? encodeMessageCursor(last) : null,
  };
}

/** One message of the company, with its HTML body. */
export async function getMessage(
  deps: Pick<Deps, 'db'>,
  ctx: Ctx,
  id: string,
): Promise<TMessageDetail> {
  requirePermission(ctx, 'customers:read');
  const message = await findMessageDetail(deps.db, ctx.companyId, id);
  if (message === undefined) {
    throw new DomainError('not_found', 'message_not_found', { key: id });
  }
  return { ...presentItem(message), bodyHtml: message.bodyHtml };
}

/**
 * Records that a message sent came back (a delivery status notification, a letter returned
 * « n'habite pas à l'adresse indiquée »), with the reason the report gives: the message is
 * `bounced`, and the dunning step it carried counts as failed, so its invoices do not
 * escalate until someone mends the address. A second report of it changes nothing.
 */
export async function reportBounce(
  deps: Pick<Deps, 'db' | 'clock'>,
  ctx: Ctx,
  id: string,
  reason: string,
): Promise<TMessageDetail> {
  const outcome = await markBounced(deps, ctx, { messageId: id, reason });
  if (outcome === 'not_found') {
    throw new DomainError('not_found', 'message_not_found', { key: id });
  }
  const message = await getMessage(deps, ctx, id);
  if (outcome === 'not_sent') {
    throw new ConflictError('message_not_sent', { key: id, status: message.status });
  }
  return message;
}

/** The file a message carries (a letter's PDF): not found when it has none. */
export async function getMessageAttachment(
  deps: Pick<Deps, 'db'>,
  ctx: Ctx,
  id: string,
): Promise<Attachment> {
  requirePermission(ctx, 'customers:read');
  const attachment = await findMessageAttachment(deps.db, ctx.companyId, id);
  if (attachment === undefined) {
    throw new DomainError('not_found', 'message_not_found', { key: id });
  }
  if (attachment === null) {
    throw new DomainError('not_found', 'message_attachment_not_found', { key: id });
  }
  return attachment;
}

/** The letters waiting for their print batch: how many, and the first ones, oldest first. */
export async function listLettersWaiting(
  deps: Pick<Deps, 'db'>,
  ctx: Ctx,
): Promise<TLettersToPrint> {
  requirePermission(ctx, 'dunning:assign');
  const count = await countQueuedLetters(deps.db, ctx.companyId);
  const letters = await listQueuedLetterSummaries(deps.db, ctx.companyId, MAX_LETTERS_PER_BATCH);
  return {
    count,
    items: letters.map((letter) => ({
      id: letter.id,
      recipients: letter.recipients,
      customer: letter.customerId === null ? null : { id: letter.customerId },
      attachmentName: letter.attachmentName,
      createdAt: letter.createdAt.toISOString(),
    })),
  };
}

/** A print batch: its PDF, the letters in it (oldest first), and how many still wait. */
export type LetterBatch = {
  pdf: Uint8Array;
  letters: { id: string; customerId: string | null; recipients: string[] }[];
  remaining: number;
};

/**
 * Makes the next print batch: up to `MAX_LETTERS_PER_BATCH` queued letters, oldest first,
 * their pages in one PDF, each letter `sent` with its event of the trail, in one
 * transaction (a letter that will not merge leaves them all queued). A letter is in one
 * batch only, even when two are made at once. Refused (`conflict`) when none waits. Who
 * may give a customer its scenario may print its letters (`dunning:assign`).
 */
export async function printLetterBatch(
  deps: Pick<Deps, 'db' | 'clock'>,
  ctx: Ctx,
  options: { isDuplex?: boolean } = {},
): Promise<LetterBatch> {
  requirePermission(ctx, 'dunning:assign');
  return inTransaction(deps.db, async (tx) => {
    const letters = await takeQueuedLetters(
      tx,
      ctx.companyId,
      MAX_LETTERS_PER_BATCH,
      deps.clock.now(),
    );
    if (letters.length === 0) {
      throw new ConflictError('letters_none_to_print');
    }
    const pdf = await mergeLetterPdfs(
      letters.flatMap((letter) => (letter.attachment === null ? [] : [letter.attachment.content])),
      options,
    );
    await recordEvents(
      tx,
      ctx,
      letters.map((letter) => deliveryEvent(letter, 'message.sent', null)),
    );
    return {
      pdf,
      letters: letters.map((letter) => ({
        id: letter.id,
        customerId: letter.customerId,
        recipients: letter.recipients,
      })),
      remaining: await countQueuedLetters(tx, ctx.companyId),
    };
  });
}
