/**
 * Row types of the disputes' tables (migration 202612040100), beside the only SQL that names
 * them, joined to the database's type with Kysely's `withTables` (`disputesDb`).
 */
import type { ColumnType, Kysely } from 'kysely';
import type { Queryable } from '../db/client.ts';
import type { Database } from '../db/schema.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `date` column: read and written as `YYYY-MM-DD` (the pg type parser is set so). */
type DateColumn = ColumnType<string, string, string>;
/** A nullable column an insert may leave out. */
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;
/** A column with a default an insert may leave out. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** A `bigint` of cents: read as a number (the BIGINT parser is pinned). */
type CentsColumn = ColumnType<number, number, number>;

export type DisputeCauseTable = {
  company_id: string;
  code: string;
  label: string | null;
  deadline_days: number;
  is_active: Defaulted<boolean>;
  position: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type DepartmentTable = {
  company_id: string;
  id: string;
  code: string;
  name: string;
  default_assignee_name: Optional<string>;
  default_assignee_email: Optional<string>;
  manager_name: Optional<string>;
  manager_email: Optional<string>;
  is_active: Defaulted<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type DisputeTable = {
  company_id: string;
  id: string;
  reference: string;
  customer_id: string;
  cause: string;
  description: Optional<string>;
  amount_cents: CentsColumn;
  currency: string;
  department_id: Optional<string>;
  assignee_name: Optional<string>;
  assignee_email: Optional<string>;
  deadline: DateColumn;
  status: Defaulted<string>;
  outcome: Optional<string>;
  credit_note: Optional<string>;
  source: Defaulted<string>;
  sales_rep: Optional<string>;
  raised_on: DateColumn;
  raised_by: Optional<string>;
  raised_by_name: Optional<string>;
  resolved_on: Optional<string>;
  resolved_by: Optional<string>;
  resolved_by_name: Optional<string>;
  resolution_note: Optional<string>;
  reminded_on: Optional<string>;
  escalated_on: Optional<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type DisputeInvoiceTable = {
  company_id: string;
  dispute_id: string;
  invoice_id: string;
  customer_id: string;
  disputed_cents: ColumnType<number | null, number | null | undefined, number | null>;
  is_open: Defaulted<boolean>;
};

export type DisputeCommentTable = {
  company_id: string;
  id: string;
  dispute_id: string;
  author_kind: string;
  author_id: Optional<string>;
  author_name: Optional<string>;
  body: string;
  proposed_outcome: Optional<string>;
  /** A system comment's message code (migration 202612050200); null for a person's. */
  system_code: Optional<string>;
  created_at: Timestamp;
};

export type DisputeAttachmentTable = {
  company_id: string;
  id: string;
  dispute_id: string;
  comment_id: Optional<string>;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
  uploaded_by_kind: string;
  uploaded_by_name: Optional<string>;
  created_at: Timestamp;
};

export type DisputeCounterTable = {
  company_id: string;
  last_number: number;
};

export type DisputeTables = {
  dispute: DisputeTable;
  dispute_invoice: DisputeInvoiceTable;
  dispute_comment: DisputeCommentTable;
  dispute_attachment: DisputeAttachmentTable;
  dispute_cause: DisputeCauseTable;
  department: DepartmentTable;
  dispute_counter: DisputeCounterTable;
};

/** `q`, able to name the disputes' tables too. */
export function disputesDb(q: Queryable): Kysely<Database & DisputeTables> {
  return q.withTables<DisputeTables>();
}
