/**
 * The port e-mails leave through, and its SMTP implementation (nodemailer). Every company
 * sends through its own server (`mail_setting`); transports are kept per company and
 * rebuilt when its settings change.
 */
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { Db } from '../db/client.ts';
import { readMailSettingsForDelivery, type MailSettings } from './mail-settings.ts';
import { messageIdHeader, type DeliveryResult, type OutboxMessage } from './model.ts';

/** Hands a message to the company's mail server. Never throws for a refusal: it answers. */
export type Mailer = { send(message: OutboxMessage): Promise<DeliveryResult> };

/**
 * Hands an SMS to the provider (a generic HTTP webhook, ADR 21). Same answer as a mailer;
 * tests fake it, since no provider runs here.
 */
export type SmsSender = { send(message: OutboxMessage): Promise<DeliveryResult> };

/** The waits of one SMTP conversation: they must end well inside a worker's lease. */
export const SMTP_TIMEOUTS = {
  connectionTimeout: 20_000,
  greetingTimeout: 15_000,
  socketTimeout: 60_000,
} as const;

/** What nodemailer attaches to its errors (its `NodemailerError`), as far as we read it. */
type SmtpError = Error & {
  code?: string;
  command?: string;
  response?: string;
  responseCode?: number;
};

/**
 * What an SMTP refusal means for the message (RFC 5321 §4.2.1): a 5yz reply is permanent,
 * so the message fails at once with the server's words; a 4yz reply, a connection refused
 * or cut, a timeout, are temporary, and the worker tries again later. Two 5yz replies are
 * not about the message and are treated as temporary: 503 (bad sequence of commands, a
 * session in the wrong state) and a refused authentication, which the company fixes in its
 * settings, after which the waiting messages go.
 */
export function smtpRefusal(error: unknown): DeliveryResult {
  const smtp = error as SmtpError;
  const code = typeof smtp.responseCode === 'number' ? smtp.responseCode : undefined;
  if (code === undefined) {
    const what = smtp.code === undefined ? '' : `${smtp.code}: `;
    return { accepted: false, reason: `${what}${smtp.message ?? String(error)}` };
  }
  const reason = (smtp.response ?? smtp.message).trim();
  const isAuthentication = smtp.code === 'EAUTH' || smtp.command?.startsWith('AUTH') === true;
  return {
    accepted: false,
    permanent: code >= 500 && code <= 599 && code !== 503 && !isAuthentication,
    reason,
  };
}

/** The nodemailer message of `message`, sent from the company's address. */
function mailOf(settings: MailSettings, message: OutboxMessage) {
  return {
    from:
      settings.fromName === null
        ? settings.fromAddress
        : { name: settings.fromName, address: settings.fromAddress },
    ...(settings.replyTo === null ? {} : { replyTo: settings.replyTo }),
    to: message.recipients,
    subject: message.subject ?? '',
    text: message.bodyText,
    ...(message.bodyHtml === null ? {} : { html: message.bodyHtml }),
    // The same for every attempt: a resend after a crash is the same message (ADR 21).
    messageId: messageIdHeader(message.id),
    attachments:
      message.attachment === null
        ? []
        : [
            {
              filename: message.attachment.name,
              contentType: message.attachment.contentType,
              content: Buffer.from(message.attachment.content),
            },
          ],
  };
}

/** A mailer over the SMTP server of `settings`, and the means to close its connections. */
export function smtpMailer(settings: MailSettings): Mailer & { close(): void } {
  const transport = createTransport({
    pool: true,
    maxConnections: 3,
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.username === null
      ? {}
      : { auth: { user: settings.username, pass: settings.password ?? '' } }),
    ...SMTP_TIMEOUTS,
  });
  return {
    send: async (message) => {
      try {
        const info = await transport.sendMail(mailOf(settings, message));
        const rejected = info.rejected.map(String);
        if (info.accepted.length === 0) {
          return {
            accepted: false,
            permanent: true,
            reason: `all recipients refused: ${rejected.join(', ')}`,
          };
        }
        return rejected.length === 0
          ? { accepted: true }
          : { accepted: true, reason: `refused recipients: ${rejected.join(', ')}` };
      } catch (error) {
        return smtpRefusal(error);
      }
    },
    close: () => transport.close(),
  };
}

/** The settings' fingerprint: a transport is rebuilt when it changes. */
function fingerprintOf(settings: MailSettings): string {
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex');
}

/**
 * Each company's mailer, from its settings (`mail_setting`), for the worker's
 * `mailerFor`: undefined while a company has none. A company's transport (and its pooled
 * connections) is kept while its settings stay the same; `close()` ends them all.
 */
export function companyMailers(db: Db): {
  mailerFor(companyId: string): Promise<Mailer | undefined>;
  close(): void;
} {
  const cache = new Map<string, { fingerprint: string; mailer: Mailer & { close(): void } }>();
  return {
    mailerFor: async (companyId) => {
      const settings = await readMailSettingsForDelivery(db, companyId);
      const cached = cache.get(companyId);
      if (settings === undefined) {
        cached?.mailer.close();
        cache.delete(companyId);
        return undefined;
      }
      const fingerprint = fingerprintOf(settings);
      if (cached?.fingerprint === fingerprint) {
        return cached.mailer;
      }
      cached?.mailer.close();
      const mailer = smtpMailer(settings);
      cache.set(companyId, { fingerprint, mailer });
      return mailer;
    },
    close: () => {
      for (const { mailer } of cache.values()) {
        mailer.close();
      }
      cache.clear();
    },
  };
}
