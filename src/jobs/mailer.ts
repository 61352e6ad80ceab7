/**
 * The port e-mails leave through, and its SMTP implementation (nodemailer). Every company
 * sends through its own server (`mail_setting`); transports are kept per company and
 * rebuilt when its settings change.
 */
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { Db } from '../db/client.ts';
// The store, not mail-settings.ts: that one sends a test e-mail through this file.
import { findMailSettings, type MailSettings } from './mail-setting-store.ts';
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

/**
 * The waits of a test e-mail, shorter than a worker's: an administrator waits on the
 * answer, and an unreachable server should say so within seconds.
 */
export const TEST_SMTP_TIMEOUTS = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 20_000,
} as const;

/**
 * Why a test e-mail did not go, by stable code (the catalogue words each):
 * - `smtp_unreachable`: no SMTP conversation (refused or timed-out connection, unknown host,
 *   TLS failure);
 * - `smtp_auth_refused`: the server refused the user name or the password;
 * - `smtp_recipient_refused`: the server refused the recipient's address;
 * - `smtp_refused`: any other refusal (the sender, the message itself).
 */
export type SmtpTestRefusal =
  | 'smtp_unreachable'
  | 'smtp_auth_refused'
  | 'smtp_recipient_refused'
  | 'smtp_refused';

export type TestMailOutcome =
  | { sent: true; messageId: string }
  | { sent: false; refusal: SmtpTestRefusal; reason: string };

/** nodemailer's codes of a conversation that never took place (its `errors.ts`). */
const UNREACHABLE_CODES: ReadonlySet<string> = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EPROTOCOL',
]);

/** What a failed test e-mail's error means, and the server's own words (or the system's). */
export function smtpTestRefusal(error: unknown): { refusal: SmtpTestRefusal; reason: string } {
  const smtp = error as SmtpError;
  const reason = (smtp.response ?? smtp.message ?? String(error)).trim();
  if (smtp.code === 'EAUTH' || smtp.command?.startsWith('AUTH') === true) {
    return { refusal: 'smtp_auth_refused', reason };
  }
  if (smtp.code === 'EENVELOPE' && smtp.command?.startsWith('RCPT') === true) {
    return { refusal: 'smtp_recipient_refused', reason };
  }
  if (
    typeof smtp.responseCode !== 'number' &&
    (smtp.code === undefined || UNREACHABLE_CODES.has(smtp.code))
  ) {
    return { refusal: 'smtp_unreachable', reason };
  }
  return { refusal: 'smtp_refused', reason };
}

/**
 * Sends one test e-mail to `mail.to` through `settings`, on a connection of its own closed
 * after it (no pool: it is one message). What the server answered, never a throw.
 */
export async function sendTestMail(
  settings: MailSettings,
  mail: { to: string; subject: string; text: string },
): Promise<TestMailOutcome> {
  const transport = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.username === null
      ? {}
      : { auth: { user: settings.username, pass: settings.password ?? '' } }),
    ...TEST_SMTP_TIMEOUTS,
  });
  try {
    const info = await transport.sendMail({
      from:
        settings.fromName === null
          ? settings.fromAddress
          : { name: settings.fromName, address: settings.fromAddress },
      ...(settings.replyTo === null ? {} : { replyTo: settings.replyTo }),
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
    });
    if (info.accepted.length === 0) {
      return {
        sent: false,
        refusal: 'smtp_recipient_refused',
        reason: info.rejected.map(String).join(', '),
      };
    }
    return { sent: true, messageId: info.messageId };
  } catch (error) {
    return { sent: false, ...smtpTestRefusal(error) };
  } finally {
    transport.close();
  }
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
      const settings = await findMailSettings(db, companyId);
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
