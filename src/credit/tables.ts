/**
 * Row types of the credit tables (migration 202612070100), beside the only SQL that names
 * them, joined to the database's type with Kysely's `withTables` (`creditDb`).
 */
import type { ColumnType, Kysely } from 'kysely';
import type { Queryable } from '../db/client.ts';
import type { Database } from '../db/schema.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `date` column: read and written as `YYYY-MM-DD` (the pg type parser is set so). */
type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
/** A `bigint` of cents: read as a number (the BIGINT parser is pinned), written as one. */
type CentsColumn = ColumnType<number, number, number>;
type NullableCents = ColumnType<number | null, number | null | undefined, number | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type CreditLimitTable = {
  company_id: string;
  id: string;
  siren: string | null;
  customer_id: string | null;
  amount_cents: CentsColumn;
  currency: string;
  covered_cents: CentsColumn;
  cover: string | null;
  valid_from: DateColumn;
  review_on: NullableDate;
  expires_on: NullableDate;
  authority_level: number;
  decided_by: string | null;
  decided_by_name: string | null;
  source: string;
  reason: string | null;
  decided_at: Timestamp;
  superseded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
};

export type CreditSettingTable = {
  company_id: string;
  alert_bps: number;
  block_bps: number;
  without_limit: string;
  collector_limit_max_cents: NullableCents;
  collector_exception_max_cents: NullableCents;
  manager_limit_max_cents: NullableCents;
  manager_exception_max_cents: NullableCents;
  updated_at: Timestamp;
};

export type SalesOrderTable = {
  company_id: string;
  id: string;
  number: string;
  customer_id: string;
  ordered_on: DateColumn;
  amount_cents: CentsColumn;
  currency: string;
  invoiced_cents: Defaulted<number>;
  expected_delivery_on: NullableDate;
  delivered_on: NullableDate;
  special_conditions: string | null;
  prices_agreed: Defaulted<boolean>;
  delivery_date_confirmed: Defaulted<boolean>;
  confirmation_sent: Defaulted<boolean>;
  status: string;
  hold_reason: string | null;
  prepayment_required: Defaulted<boolean>;
  exception_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type CreditExceptionTable = {
  company_id: string;
  id: string;
  siren: string | null;
  customer_id: string | null;
  amount_cents: CentsColumn;
  currency: string;
  expires_on: DateColumn;
  reason: string;
  order_id: string | null;
  authority_level: number;
  granted_by: string | null;
  granted_by_name: string | null;
  granted_on: DateColumn;
  granted_at: Timestamp;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
};

export type CreditAlertTable = {
  company_id: string;
  id: string;
  siren: string | null;
  customer_id: string | null;
  level: string;
  exposure_cents: CentsColumn;
  limit_cents: CentsColumn;
  currency: string;
  raised_on: DateColumn;
  raised_at: Timestamp;
  cleared_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
};

export type CreditHoldTable = {
  company_id: string;
  id: string;
  customer_id: string;
  source: string;
  reason: string | null;
  placed_by: string | null;
  placed_by_name: string | null;
  placed_at: Timestamp;
  released_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  released_by: string | null;
  released_by_name: string | null;
  release_kind: string | null;
  release_reason: string | null;
};

export type CreditTables = {
  credit_hold: CreditHoldTable;
  credit_limit: CreditLimitTable;
  credit_setting: CreditSettingTable;
  sales_order: SalesOrderTable;
  credit_exception: CreditExceptionTable;
  credit_alert: CreditAlertTable;
};

/** `q`, able to name the credit tables too. */
export function creditDb(q: Queryable): Kysely<Database & CreditTables> {
  return q.withTables<CreditTables>();
}
