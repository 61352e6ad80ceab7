/**
 * Row types of the jobs' tables (migration 202612020100), as Kysely sees them. They are
 * declared here, beside the only SQL that names them, and joined to the database's type
 * with Kysely's `withTables` (`jobsDb`).
 */
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Queryable } from '../db/client.ts';
import type { Database } from '../db/schema.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/**
 * The columns both queues carry, `outbox_message` and `job`: the state, the attempts and
 * the lease a worker claims them with (leases.ts), and the row's instants.
 */
export type LeaseColumns = {
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  lease_owner: string | null;
  lease_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type OutboxMessageTable = {
  company_id: string;
  id: string;
  channel: string;
  recipients: string[];
  subject: string | null;
  body_text: string;
  body_html: string | null;
  attachment_name: string | null;
  attachment_type: string | null;
  /** bytea: a Buffer from pg, a Uint8Array from PGlite. */
  attachment: Uint8Array | null;
  customer_id: string | null;
  source_type: string;
  source_id: string | null;
  sent_at: Timestamp | null;
} & LeaseColumns;

export type JobTable = {
  company_id: string;
  id: string;
  kind: string;
  run_key: string;
  run_at: Timestamp;
  payload: ColumnType<unknown, string | undefined, string>;
  finished_at: Timestamp | null;
} & LeaseColumns;

export type MailSettingTable = {
  company_id: string;
  host: string;
  port: number;
  secure: boolean;
  username: string | null;
  password: string | null;
  from_address: string;
  from_name: string | null;
  reply_to: string | null;
  updated_at: Timestamp;
};

export type JobsTables = {
  outbox_message: OutboxMessageTable;
  job: JobTable;
  mail_setting: MailSettingTable;
};

export type JobsDb = Kysely<Database & JobsTables>;

/** `q`, able to name the jobs' tables too. */
export function jobsDb(q: Queryable): JobsDb {
  return q.withTables<JobsTables>();
}
