/**
 * Row types of the evidence documents' table (migration 202612070300), beside the only SQL
 * that names it (document-store.ts), joined to the database's type with Kysely's
 * `withTables` (`documentDb`). `sales_order_invoice` (migration 202612070150) is typed with
 * the columns that SQL reads of it: an invoice's orders.
 */
import type { ColumnType, Kysely } from 'kysely';
import type { Queryable } from '../db/client.ts';
import type { Database } from '../db/schema.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type EvidenceDocumentTable = {
  company_id: string;
  id: string;
  order_id: string | null;
  invoice_id: string | null;
  kind: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string | null;
  uploaded_by_name: string | null;
  uploaded_at: Timestamp;
  note: string | null;
};

/** The link of an order to one of its invoices, as far as the documents read it. */
export type OrderInvoiceLinkTable = {
  company_id: string;
  order_id: string;
  invoice_id: string;
};

export type DocumentTables = {
  evidence_document: EvidenceDocumentTable;
  sales_order_invoice: OrderInvoiceLinkTable;
};

/** `q`, able to name the evidence documents' tables too. */
export function documentDb(q: Queryable): Kysely<Database & DocumentTables> {
  return q.withTables<DocumentTables>();
}
