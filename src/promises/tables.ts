/**
 * Row types of the payment promises' tables (migration 202612022200), beside the only SQL
 * that names them, joined to the database's type with Kysely's `withTables` (`promisesDb`).
 */
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Queryable } from '../db/client.ts';
import type { Database } from '../db/schema.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `date` column: read and written as `YYYY-MM-DD` (the pg type parser is set so). */
type DateColumn = ColumnType<string, string, string>;
/** A `bigint` of cents: read as a number (the BIGINT parser is pinned), written as one. */
type CentsColumn = ColumnType<number, number, number>;

export type PaymentPromiseTable = {
  company_id: string;
  id: string;
  customer_id: string;
  amount_cents: CentsColumn;
  currency: string;
  promised_on: DateColumn;
  grace_days: number;
  channel: string;
  note: string | null;
  taken_by: string | null;
  taken_by_name: string | null;
  status: Generated<string>;
  paid_cents: ColumnType<number, number | undefined, number>;
  settled_on: ColumnType<string | null, string | null | undefined, string | null>;
  source_action_id: string | null;
  created_on: DateColumn;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type PaymentPromiseInvoiceTable = {
  company_id: string;
  promise_id: string;
  invoice_id: string;
  open_cents_at_promise: CentsColumn;
};

export type PromiseTables = {
  payment_promise: PaymentPromiseTable;
  payment_promise_invoice: PaymentPromiseInvoiceTable;
};

/** `q`, able to name the promises' tables too. */
export function promisesDb(q: Queryable): Kysely<Database & PromiseTables> {
  return q.withTables<PromiseTables>();
}
