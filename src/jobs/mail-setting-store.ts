/** The companies' SMTP settings' SQL (migration 202612020100), and nothing else. */
import type { Queryable } from '../db/client.ts';
import { jobsDb } from './tables.ts';

/**
 * A company's own SMTP server. `password` is its SMTP credential, stored as given (no key
 * management exists yet to encrypt it: ADR 21).
 */
export type MailSettings = {
  host: string;
  port: number;
  /** TLS from the first byte (465); else STARTTLS when the server offers it. */
  secure: boolean;
  username: string | null;
  password: string | null;
  fromAddress: string;
  fromName: string | null;
  replyTo: string | null;
};

export async function findMailSettings(
  q: Queryable,
  companyId: string,
): Promise<MailSettings | undefined> {
  const row = await jobsDb(q)
    .selectFrom('mail_setting')
    .selectAll()
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : {
        host: row.host,
        port: row.port,
        secure: row.secure,
        username: row.username,
        password: row.password,
        fromAddress: row.from_address,
        fromName: row.from_name,
        replyTo: row.reply_to,
      };
}

export async function upsertMailSettings(
  q: Queryable,
  companyId: string,
  settings: MailSettings,
  now: Date,
): Promise<void> {
  const row = {
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    username: settings.username,
    password: settings.password,
    from_address: settings.fromAddress,
    from_name: settings.fromName,
    reply_to: settings.replyTo,
    updated_at: now,
  };
  await jobsDb(q)
    .insertInto('mail_setting')
    .values({ company_id: companyId, ...row })
    .onConflict((conflict) => conflict.column('company_id').doUpdateSet(row))
    .execute();
}
