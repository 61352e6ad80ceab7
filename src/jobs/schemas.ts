/**
 * The messages view's query and answer (docs/messages.md), for the route and the CLI that
 * will show it.
 */
import { z } from 'zod';
import { pageOf, ZId, ZPageQuery } from '../shared/schemas.ts';
import { MESSAGE_CHANNELS, MESSAGE_STATUSES } from './model.ts';

export const ZMessageStatus = z.enum(MESSAGE_STATUSES).meta({ id: 'MessageStatus' });
export const ZMessageChannel = z.enum(MESSAGE_CHANNELS).meta({ id: 'MessageChannel' });

export const ZListMessagesQuery = ZPageQuery.extend({
  status: ZMessageStatus.optional(),
  channel: ZMessageChannel.optional(),
  customerId: ZId.optional(),
});
export type TListMessagesQuery = z.infer<typeof ZListMessagesQuery>;

export const ZMessageSummary = z
  .object({
    id: ZId,
    channel: ZMessageChannel,
    recipients: z.array(z.string()),
    subject: z.string().nullable(),
    attachmentName: z.string().nullable(),
    customerId: ZId.nullable(),
    source: z.object({ type: z.string(), id: z.string().nullable() }),
    status: ZMessageStatus,
    attempts: z.number().int(),
    /** When the next attempt is due, while `queued`. */
    nextAttemptAt: z.string().nullable(),
    /** Why the last attempt failed, why it failed for good, or why it bounced. */
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'MessageSummary' });
export type TMessageSummary = z.infer<typeof ZMessageSummary>;

export const ZMessagePage = pageOf(ZMessageSummary).meta({ id: 'MessagePage' });
export type TMessagePage = z.infer<typeof ZMessagePage>;
