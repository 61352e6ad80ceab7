/**
 * Row types of the daily run's tables (migration 202612022300), beside the only SQL that
 * names them, joined to the database's type with Kysely's `withTables` (`runDb`).
 */
import type { ColumnType, Kysely } from 'kysely';
import type { Queryable } from '../db/client.ts';
import type { Database } from '../db/schema.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `date` column: read and written as `YYYY-MM-DD` (the pg type parser is set so). */
type DateColumn = ColumnType<string, string, string>;

export type DunningRunTable = {
  company_id: string;
  id: string;
  run_on: DateColumn;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  counts: ColumnType<unknown, string, string>;
};

export type DunningActionTable = {
  company_id: string;
  id: string;
  dedupe_key: string;
  run_on: DateColumn;
  customer_id: string;
  kind: string;
  scenario_id: string | null;
  scenario_name: string | null;
  step_id: string | null;
  step_offset: number | null;
  channel: string | null;
  template_id: string | null;
  status: string;
  assignee_user_id: string | null;
  total_open_cents: ColumnType<string | number, number, number>;
  currency: string;
  oldest_due_date: ColumnType<string | null, string | null, string | null>;
  due_on: DateColumn;
  snoozed_until: ColumnType<string | null, string | null | undefined, string | null>;
  message_id: string | null;
  promise_id: string | null;
  outcome: string | null;
  note: string | null;
  completed_at: Timestamp | null;
  completed_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type DunningActionInvoiceTable = {
  company_id: string;
  action_id: string;
  invoice_id: string;
  open_cents: ColumnType<string | number, number, number>;
};

export type InvoiceDunningTable = {
  company_id: string;
  invoice_id: string;
  customer_id: string;
  step_id: string;
  reached_on: DateColumn;
  action_id: string;
};

export type RunTables = {
  dunning_run: DunningRunTable;
  dunning_action: DunningActionTable;
  dunning_action_invoice: DunningActionInvoiceTable;
  invoice_dunning: InvoiceDunningTable;
};

/** `q`, able to name the daily run's tables too. */
export function runDb(q: Queryable): Kysely<Database & RunTables> {
  return q.withTables<RunTables>();
}
