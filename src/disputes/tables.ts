/**
 * Row type of the disputes' table (migration 202612022100), beside the only SQL that names
 * it, joined to the database's type with Kysely's `withTables` (`disputesDb`).
 */
import type { ColumnType, Kysely } from 'kysely';
import type { Queryable } from '../db/client.ts';
import type { Database } from '../db/schema.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `date` column: read and written as `YYYY-MM-DD` (the pg type parser is set so). */
type DateColumn = ColumnType<string, string, string>;
/** A nullable column an insert may leave out. */
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;

export type InvoiceDisputeTable = {
  company_id: string;
  id: string;
  invoice_id: string;
  customer_id: string;
  reason: string;
  note: string | null;
  /** A `bigint` of cents: read as a number (the BIGINT parser is pinned). */
  amount_cents: ColumnType<number | null, number | null, number | null>;
  currency: string;
  raised_on: DateColumn;
  raised_by: string | null;
  raised_by_name: string | null;
  resolved_on: Optional<string>;
  resolved_by: Optional<string>;
  resolved_by_name: Optional<string>;
  resolution_note: Optional<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type DisputeTables = { invoice_dispute: InvoiceDisputeTable };

/** `q`, able to name the disputes' table too. */
export function disputesDb(q: Queryable): Kysely<Database & DisputeTables> {
  return q.withTables<DisputeTables>();
}
