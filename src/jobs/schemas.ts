/**
 * The messages' and their channels' HTTP shapes (docs/messages.md): the messages view, the
 * letters to print, the SMTP and SMS settings.
 */
import { z } from 'zod';
import { ZId } from '../shared/schemas.ts';
import { MESSAGE_CHANNELS, MESSAGE_STATUSES } from './model.ts';

export const ZMessageStatus = z.enum(MESSAGE_STATUSES).meta({ id: 'MessageStatus' });
export const ZMessageChannel = z.enum(MESSAGE_CHANNELS).meta({ id: 'MessageChannel' });

/**
 * The messages view over HTTP (`GET /api/messages`): newest first, a page at a time by a
 * cursor (the last item's instant and id), never by OFFSET, so a page costs the same deep in
 * the list as at its top and a message queued meanwhile does not shift the next page.
 */
export const ZListMessagesRequest = z.object({
  customerId: ZId.optional(),
  status: ZMessageStatus.optional(),
  channel: ZMessageChannel.optional(),
  sourceType: z.string().min(1).max(100).optional().meta({
    description: 'What made the messages, e.g. `dunning_action`',
  }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().min(1).max(200).optional().meta({
    description: 'The `nextCursor` of the previous page: the messages older than its last one',
  }),
});
export type TListMessagesRequest = z.infer<typeof ZListMessagesRequest>;

export const ZMessageItem = z
  .object({
    id: ZId,
    channel: ZMessageChannel,
    /** E-mail addresses, phone numbers, or a letter's postal address lines. */
    recipients: z.array(z.string()),
    subject: z.string().nullable(),
    bodyText: z.string(),
    status: ZMessageStatus,
    attempts: z.number().int(),
    lastError: z.string().nullable().meta({
      description: 'Why the last attempt failed, why it failed for good, or why it bounced',
    }),
    nextAttemptAt: z.string().nullable().meta({
      description: 'When the next attempt is due, while `queued` (a letter: its print batch)',
    }),
    customer: z.object({ id: ZId }).nullable(),
    source: z.object({ type: z.string(), id: z.string().nullable() }),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    hasAttachment: z.boolean(),
    attachmentName: z.string().nullable(),
  })
  .meta({ id: 'Message' });
export type TMessageItem = z.infer<typeof ZMessageItem>;

export const ZMessageList = z
  .object({
    items: z.array(ZMessageItem),
    nextCursor: z.string().nullable().meta({
      description: 'Pass it as `before` for the next page; null on the last one',
    }),
  })
  .meta({ id: 'MessageList' });
export type TMessageList = z.infer<typeof ZMessageList>;

export const ZMessageDetail = ZMessageItem.extend({ bodyHtml: z.string().nullable() }).meta({
  id: 'MessageDetail',
});
export type TMessageDetail = z.infer<typeof ZMessageDetail>;

/** The letters waiting for their print batch (`GET /api/letters/to-print`). */
export const ZLettersToPrint = z
  .object({
    count: z.number().int(),
    items: z.array(
      z.object({
        id: ZId,
        recipients: z.array(z.string()),
        customer: z.object({ id: ZId }).nullable(),
        attachmentName: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'LettersToPrint' });
export type TLettersToPrint = z.infer<typeof ZLettersToPrint>;

/** A company's SMTP settings as an administrator reads them: never the password. */
export const ZMailSettings = z
  .object({
    host: z.string(),
    port: z.number().int(),
    secure: z.boolean().meta({
      description: 'TLS from the first byte (465); else STARTTLS when the server offers it',
    }),
    username: z.string().nullable(),
    fromAddress: z.string(),
    fromName: z.string().nullable(),
    replyTo: z.string().nullable(),
    hasPassword: z.boolean(),
  })
  .meta({ id: 'MailSettings' });
export type TMailSettings = z.infer<typeof ZMailSettings>;

/**
 * The SMTP settings to store. `password`: omitted keeps the stored one, `null` removes it; a
 * user name needs a password and a password a user name.
 */
export const ZSaveMailSettingsRequest = z
  .object({
    host: z.string().trim().min(1).max(253),
    port: z.number().int().min(1).max(65535),
    secure: z.boolean(),
    username: z.string().trim().min(1).max(200).nullable(),
    password: z.string().min(1).max(500).nullable().optional(),
    fromAddress: z.email().max(200),
    fromName: z.string().trim().min(1).max(200).nullable(),
    replyTo: z.email().max(200).nullable(),
  })
  .meta({ id: 'SaveMailSettingsRequest' });
export type TSaveMailSettingsRequest = z.infer<typeof ZSaveMailSettingsRequest>;

/** A test e-mail to `to`, through the stored settings or through `settings` before saving. */
export const ZTestMailRequest = z
  .object({ to: z.email().max(200), settings: ZSaveMailSettingsRequest.optional() })
  .meta({ id: 'TestMailRequest' });
export type TTestMailRequest = z.infer<typeof ZTestMailRequest>;

export const ZTestMailResult = z
  .object({ sent: z.literal(true), messageId: z.string() })
  .meta({ id: 'TestMailResult' });

/** A company's SMS webhook as an administrator reads it: never the token. */
export const ZSmsSettings = z
  .object({ url: z.string(), sender: z.string().nullable(), hasToken: z.boolean() })
  .meta({ id: 'SmsSettings' });
export type TSmsSettings = z.infer<typeof ZSmsSettings>;

/** The SMS webhook to store. `token`: omitted keeps the stored one, `null` removes it. */
export const ZSaveSmsSettingsRequest = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(2000),
    sender: z.string().trim().min(1).max(20).nullable(),
    token: z.string().min(1).max(2000).nullable().optional(),
  })
  .meta({ id: 'SaveSmsSettingsRequest' });
export type TSaveSmsSettingsRequest = z.infer<typeof ZSaveSmsSettingsRequest>;

/** A phone number as a provider takes it: E.164 (`+33612345678`). */
export const ZPhoneNumber = z.string().regex(/^\+[1-9][0-9]{6,14}$/, {
  error: 'phone_number_e164',
});

export const ZTestSmsRequest = z
  .object({ to: ZPhoneNumber, settings: ZSaveSmsSettingsRequest.optional() })
  .meta({ id: 'TestSmsRequest' });
export type TTestSmsRequest = z.infer<typeof ZTestSmsRequest>;

export const ZTestSmsResult = z.object({ sent: z.literal(true) }).meta({ id: 'TestSmsResult' });

export const ZReportBounceRequest = z.object({
  reason: z.string().trim().min(1).max(1_000).meta({
    description: 'What the report says: `550 5.1.1 user unknown`, « NPAI »…',
  }),
});
