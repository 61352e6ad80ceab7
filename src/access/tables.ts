/**
 * Row type of `access_link` (migration 202612040200), beside the only SQL that names it,
 * joined to the database's type with Kysely's `withTables` (`accessDb`).
 */
import type { ColumnType, Kysely } from 'kysely';
import type { Queryable } from '../db/client.ts';
import type { Database } from '../db/schema.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A nullable column an insert may leave out. */
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;

export type AccessLinkTable = {
  company_id: string;
  id: string;
  token_hash: string;
  audience: string;
  dispute_id: Optional<string>;
  customer_id: Optional<string>;
  recipient_name: Optional<string>;
  recipient_email: Optional<string>;
  message_id: Optional<string>;
  created_by_name: Optional<string>;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
};

export type AccessTables = { access_link: AccessLinkTable };

/** `q`, able to name `access_link` too. */
export function accessDb(q: Queryable): Kysely<Database & AccessTables> {
  return q.withTables<AccessTables>();
}
