/**
 * A company's SMS provider, reached as a generic webhook (sms-webhook.ts): set by an
 * administrator, read by the outbox worker for each SMS of the company; and a test text
 * through it, stored or about to be.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import type { Db } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { DomainError } from '../shared/errors.ts';
import type { Language } from '../shared/language.ts';
import { messageOf } from '../shared/messages/catalogue.ts';
import { findSmsSettings, upsertSmsSettings, type SmsSettings } from './sms-setting-store.ts';
import { postSms } from './sms-webhook.ts';

export type { SmsSettings } from './sms-setting-store.ts';

/** Settings as an administrator sends them: `token` omitted keeps the stored one. */
export type SmsSettingsInput = Omit<SmsSettings, 'token'> & { token?: string | null | undefined };

function resolveSmsSettings(input: SmsSettingsInput, stored: SmsSettings | undefined): SmsSettings {
  return {
    url: input.url,
    sender: input.sender,
    token: input.token === undefined ? (stored?.token ?? null) : input.token,
  };
}

/** The company's SMS webhook, or undefined while none is set. Administrators only. */
export async function getSmsSettings(
  deps: Pick<Deps, 'db'>,
  ctx: Ctx,
): Promise<SmsSettings | undefined> {
  requirePermission(ctx, 'users:manage');
  return findSmsSettings(deps.db, ctx.companyId);
}

/**
 * Replaces the company's SMS webhook with `input` (its token kept when omitted). The
 * settings stored. Administrators only: they hold a credential.
 */
export async function updateSmsSettings(
  deps: Pick<Deps, 'db' | 'clock'>,
  ctx: Ctx,
  input: SmsSettingsInput,
): Promise<SmsSettings> {
  requirePermission(ctx, 'users:manage');
  return inTransaction(deps.db, async (tx) => {
    const settings = resolveSmsSettings(input, await findSmsSettings(tx, ctx.companyId));
    await upsertSmsSettings(tx, ctx.companyId, settings, deps.clock.now());
    return settings;
  });
}

/**
 * Why a test text did not go: `sms_webhook_unreachable` (no HTTP answer: the network, the
 * timeout) or `sms_webhook_refused` (the provider answered, but not 2xx), with its words.
 */
export type TestSmsOutcome =
  | { sent: true }
  | { sent: false; refusal: 'sms_webhook_unreachable' | 'sms_webhook_refused'; reason: string };

/**
 * POSTs a test text to `to`, in `language`, through the stored webhook or through
 * `settings` as they are being edited (the stored token when omitted). Administrators only;
 * nothing is stored.
 */
export async function testSmsSettings(
  deps: Pick<Deps, 'db' | 'ids'>,
  ctx: Ctx,
  input: { to: string; settings?: SmsSettingsInput | undefined; language: Language },
): Promise<TestSmsOutcome> {
  requirePermission(ctx, 'users:manage');
  const stored = await findSmsSettings(deps.db, ctx.companyId);
  const settings =
    input.settings === undefined ? stored : resolveSmsSettings(input.settings, stored);
  if (settings === undefined) {
    throw new DomainError('not_found', 'sms_settings_not_found');
  }
  const result = await postSms(settings, {
    to: input.to,
    from: settings.sender,
    text: messageOf(input.language, 'sms_test_text', { company: settings.sender ?? 'Encaisse' }),
    reference: `test-${deps.ids.newId()}`,
  });
  if (result.accepted) {
    return { sent: true };
  }
  return {
    sent: false,
    refusal: result.httpStatus === null ? 'sms_webhook_unreachable' : 'sms_webhook_refused',
    reason: result.reason ?? `HTTP ${result.httpStatus}`,
  };
}

/** The worker's read of a company's webhook: it serves every company, as the system. */
export async function readSmsSettingsForDelivery(
  db: Db,
  companyId: string,
): Promise<SmsSettings | undefined> {
  return findSmsSettings(db, companyId);
}
