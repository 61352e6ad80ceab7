/**
 * The SMS port's implementation (ADR 21): a generic HTTP webhook. Each text is POSTed as
 * JSON to the company's URL (`sms_setting`), one request per recipient, with its bearer
 * token; the provider's answer decides what becomes of the message (docs/messages.md):
 *
 *     POST <url>   Authorization: Bearer <token>   Idempotency-Key: <reference>
 *     { "to": "+33612345678", "from": "ACME", "text": "…", "reference": "<message id>" }
 *
 * - 2xx: accepted, the text is the provider's now;
 * - 4xx: refused for good (the number, the text), with the status and the start of the body;
 *   but 401 and 403 (the company's token), 408 and 429 (the provider's load) are temporary,
 *   as a refused SMTP password is: the messages go once the settings are fixed;
 * - 5xx, 3xx (redirects are not followed: a POST must not become a GET), a network error or
 *   the timeout: temporary, tried again after the backoff.
 */
import type { SmsSender } from './mailer.ts';
import type { DeliveryResult, OutboxMessage } from './model.ts';
import type { SmsSettings } from './sms-setting-store.ts';

/** Why an SMS waits: its company has no SMS webhook set yet (docs/messages.md). */
export const NO_SMS_SETTINGS = 'sms_settings_missing';

/** How long one request may take: well inside a worker's lease, and short for a test. */
export const SMS_WEBHOOK_TIMEOUT_MS = 10_000;

/** How much of a refusal's body the reason keeps. */
const BODY_EXCERPT = 200;

/** The statuses of 4xx that are about the settings or the load, not the message: retried. */
const TEMPORARY_CLIENT_STATUSES: ReadonlySet<number> = new Set([401, 403, 408, 429]);

/** What one webhook request carries. */
export type SmsPayload = { to: string; from: string | null; text: string; reference: string };

/**
 * What the provider's HTTP status means for the message: accepted (2xx), refused for good
 * (4xx, but those of `TEMPORARY_CLIENT_STATUSES`), or refused for now (anything else).
 */
export function webhookOutcome(status: number, body: string): DeliveryResult {
  if (status >= 200 && status <= 299) {
    return { accepted: true };
  }
  const excerpt = body.replace(/\s+/g, ' ').trim().slice(0, BODY_EXCERPT);
  const reason = excerpt === '' ? `HTTP ${status}` : `HTTP ${status}: ${excerpt}`;
  const isPermanent = status >= 400 && status <= 499 && !TEMPORARY_CLIENT_STATUSES.has(status);
  return { accepted: false, permanent: isPermanent, reason };
}

/**
 * POSTs one text to the webhook of `settings`. Never throws: a network error or the timeout
 * is a temporary refusal, with its reason. `httpStatus`: the provider's answer, null when
 * none came.
 */
export async function postSms(
  settings: SmsSettings,
  payload: SmsPayload,
  timeoutMs: number = SMS_WEBHOOK_TIMEOUT_MS,
): Promise<DeliveryResult & { httpStatus: number | null }> {
  try {
    const response = await fetch(settings.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': payload.reference,
        ...(settings.token === null ? {} : { authorization: `Bearer ${settings.token}` }),
      },
      body: JSON.stringify(payload),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.text();
    return { ...webhookOutcome(response.status, body), httpStatus: response.status };
  } catch (error) {
    // fetch says `fetch failed`; its cause says why (ECONNREFUSED, ENOTFOUND, a bad port).
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    const why =
      typeof cause?.code === 'string'
        ? cause.code
        : typeof cause?.message === 'string'
          ? cause.message
          : undefined;
    const message =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${timeoutMs / 1000} s`
        : error instanceof Error
          ? error.message
          : String(error);
    return {
      accepted: false,
      reason: why === undefined ? message : `${message} (${why})`,
      httpStatus: null,
    };
  }
}

/**
 * Hands each recipient of `message` to the provider. All accepted: accepted. Some: accepted,
 * the refused ones noted (sending again would repeat the text to the others). None: the
 * refusal, temporary if any was.
 */
async function sendToEach(
  settings: SmsSettings,
  message: OutboxMessage,
  timeoutMs: number,
): Promise<DeliveryResult> {
  const refusals: { to: string; result: DeliveryResult }[] = [];
  for (const to of message.recipients) {
    const result = await postSms(
      settings,
      { to, from: settings.sender, text: message.bodyText, reference: message.id },
      timeoutMs,
    );
    if (!result.accepted) {
      refusals.push({ to, result });
    }
  }
  if (refusals.length === 0) {
    return { accepted: true };
  }
  const reasons = refusals.map(({ to, result }) => `${to}: ${result.reason ?? 'refused'}`);
  if (refusals.length < message.recipients.length) {
    return { accepted: true, reason: `refused recipients: ${reasons.join('; ')}` };
  }
  return {
    accepted: false,
    permanent: refusals.every(({ result }) => result.permanent === true),
    reason: reasons.join('; '),
  };
}

/**
 * The worker's `SmsSender` for every company: each message goes to its company's webhook
 * (`settingsFor`, read per message: a change of settings applies at the next message). A
 * company without settings has its SMS retried with `sms_settings_missing`.
 */
export function webhookSmsSender(
  settingsFor: (companyId: string) => Promise<SmsSettings | undefined>,
  options: { timeoutMs?: number } = {},
): SmsSender {
  return {
    send: async (message) => {
      const settings = await settingsFor(message.companyId);
      if (settings === undefined) {
        return { accepted: false, reason: NO_SMS_SETTINGS };
      }
      return sendToEach(settings, message, options.timeoutMs ?? SMS_WEBHOOK_TIMEOUT_MS);
    },
  };
}
