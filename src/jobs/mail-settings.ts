/**
 * A company's SMTP settings: set by an administrator, read by the outbox worker to send the
 * company's e-mails through the company's own server, under its name.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import type { Db } from '../db/client.ts';
import { findMailSettings, upsertMailSettings, type MailSettings } from './mail-setting-store.ts';

export type { MailSettings } from './mail-setting-store.ts';

/** Sets the company's SMTP settings. Administrators only: they hold a credential. */
export async function saveMailSettings(
  deps: Pick<Deps, 'db' | 'clock'>,
  ctx: Ctx,
  settings: MailSettings,
): Promise<void> {
  requirePermission(ctx, 'users:manage');
  await upsertMailSettings(deps.db, ctx.companyId, settings, deps.clock.now());
}

/** The company's SMTP settings, or undefined while none are set. Administrators only. */
export async function getMailSettings(
  deps: Pick<Deps, 'db'>,
  ctx: Ctx,
): Promise<MailSettings | undefined> {
  requirePermission(ctx, 'users:manage');
  return findMailSettings(deps.db, ctx.companyId);
}

/** The worker's read of a company's settings: it serves every company, as the system. */
export async function readMailSettingsForDelivery(
  db: Db,
  companyId: string,
): Promise<MailSettings | undefined> {
  return findMailSettings(db, companyId);
}
