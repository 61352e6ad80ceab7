/** The companies' SMS webhook settings' SQL (migration 202612022000), and nothing else. */
import type { ColumnType } from 'kysely';
import type { Queryable } from '../db/client.ts';

type SmsSettingTable = {
  company_id: string;
  url: string;
  token: string | null;
  sender: string | null;
  updated_at: ColumnType<Date, Date | string, Date | string>;
};

/** `q`, able to name `sms_setting` (declared here, beside the only SQL that names it). */
function smsDb(q: Queryable) {
  return q.withTables<{ sms_setting: SmsSettingTable }>();
}

/**
 * A company's SMS provider, reached as a generic webhook (src/jobs/sms-webhook.ts). `token`
 * is its bearer credential, stored as given (ADR 21, like the SMTP password).
 */
export type SmsSettings = {
  url: string;
  token: string | null;
  sender: string | null;
};

export async function findSmsSettings(
  q: Queryable,
  companyId: string,
): Promise<(SmsSettings & { updatedAt: Date }) | undefined> {
  const row = await smsDb(q)
    .selectFrom('sms_setting')
    .selectAll()
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : { url: row.url, token: row.token, sender: row.sender, updatedAt: row.updated_at };
}

export async function upsertSmsSettings(
  q: Queryable,
  companyId: string,
  settings: SmsSettings,
  now: Date,
): Promise<void> {
  const row = {
    url: settings.url,
    token: settings.token,
    sender: settings.sender,
    updated_at: now,
  };
  await smsDb(q)
    .insertInto('sms_setting')
    .values({ company_id: companyId, ...row })
    .onConflict((conflict) => conflict.column('company_id').doUpdateSet(row))
    .execute();
}
