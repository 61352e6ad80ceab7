/**
 * A company's SMTP settings: set by an administrator, read by the outbox worker to send the
 * company's e-mails through the company's own server, under its name; and a test e-mail
 * through them, stored or about to be.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import type { Db, Queryable } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { DomainError, fieldIssue, InvalidError, type Issue } from '../shared/errors.ts';
import type { Language } from '../shared/language.ts';
import { messageOf } from '../shared/messages/catalogue.ts';
import { findMailSettings, upsertMailSettings, type MailSettings } from './mail-setting-store.ts';
import { sendTestMail, type TestMailOutcome } from './mailer.ts';

export type { MailSettings } from './mail-setting-store.ts';

/**
 * Settings as an administrator sends them: `password` omitted keeps the stored one, `null`
 * removes it (the password is never read back).
 */
export type MailSettingsInput = Omit<MailSettings, 'password'> & {
  password?: string | null | undefined;
};

/** Sets the company's SMTP settings. Administrators only: they hold a credential. */
export async function saveMailSettings(
  deps: Pick<Deps, 'db' | 'clock'>,
  ctx: Ctx,
  settings: MailSettings,
): Promise<void> {
  requirePermission(ctx, 'users:manage');
  await upsertMailSettings(deps.db, ctx.companyId, settings, deps.clock.now());
}

/**
 * The settings `input` makes over `stored`: its password, or the stored one when omitted. A
 * user name needs a password and a password a user name (the server authenticates with
 * both, or with neither): refused with the field otherwise.
 */
function resolveMailSettings(
  input: MailSettingsInput,
  stored: MailSettings | undefined,
): MailSettings {
  const password = input.password === undefined ? (stored?.password ?? null) : input.password;
  const issues: Issue[] = [];
  if (input.username !== null && password === null) {
    issues.push(fieldIssue('password', 'mail_password_required'));
  }
  if (input.username === null && input.password !== undefined && input.password !== null) {
    issues.push(fieldIssue('username', 'mail_username_required'));
  }
  if (issues.length > 0) {
    throw new InvalidError('request_invalid', { part: 'body' }, issues);
  }
  return {
    host: input.host,
    port: input.port,
    secure: input.secure,
    username: input.username,
    // No user name, no password: one alone is never stored (mail_setting_credentials_check).
    password: input.username === null ? null : password,
    fromAddress: input.fromAddress,
    fromName: input.fromName,
    replyTo: input.replyTo,
  };
}

/**
 * Replaces the company's SMTP settings with `input` (its password kept when omitted). The
 * settings stored. Administrators only.
 */
export async function updateMailSettings(
  deps: Pick<Deps, 'db' | 'clock'>,
  ctx: Ctx,
  input: MailSettingsInput,
): Promise<MailSettings> {
  requirePermission(ctx, 'users:manage');
  return inTransaction(deps.db, async (tx) => {
    const settings = resolveMailSettings(input, await findMailSettings(tx, ctx.companyId));
    await upsertMailSettings(tx, ctx.companyId, settings, deps.clock.now());
    return settings;
  });
}

/** The company's SMTP settings, or undefined while none are set. Administrators only. */
export async function getMailSettings(
  deps: Pick<Deps, 'db'>,
  ctx: Ctx,
): Promise<MailSettings | undefined> {
  requirePermission(ctx, 'users:manage');
  return findMailSettings(deps.db, ctx.companyId);
}

async function settingsToTest(
  q: Queryable,
  ctx: Ctx,
  input: MailSettingsInput | undefined,
): Promise<MailSettings> {
  const stored = await findMailSettings(q, ctx.companyId);
  if (input !== undefined) {
    return resolveMailSettings(input, stored);
  }
  if (stored === undefined) {
    throw new DomainError('not_found', 'mail_settings_not_found');
  }
  return stored;
}

/**
 * Sends a test e-mail to `to`, in `language`, through the stored settings, or through
 * `settings` as they are being edited (their password omitted: the stored one), before
 * they are saved. What the server answered: sent with its `Message-ID`, or why not
 * (`smtp_unreachable`, `smtp_auth_refused`, `smtp_recipient_refused`, `smtp_refused`) with
 * the server's words. Administrators only; nothing is stored.
 */
export async function testMailSettings(
  deps: Pick<Deps, 'db'>,
  ctx: Ctx,
  input: { to: string; settings?: MailSettingsInput | undefined; language: Language },
): Promise<TestMailOutcome & { settings: MailSettings }> {
  requirePermission(ctx, 'users:manage');
  const settings = await settingsToTest(deps.db, ctx, input.settings);
  const sender = settings.fromName ?? settings.fromAddress;
  const outcome = await sendTestMail(settings, {
    to: input.to,
    subject: messageOf(input.language, 'mail_test_subject'),
    text: messageOf(input.language, 'mail_test_body', {
      company: sender,
      from: settings.fromAddress,
    }),
  });
  return { ...outcome, settings };
}

/** The worker's read of a company's settings: it serves every company, as the system. */
export async function readMailSettingsForDelivery(
  db: Db,
  companyId: string,
): Promise<MailSettings | undefined> {
  return findMailSettings(db, companyId);
}
