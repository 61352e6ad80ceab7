/**
 * Row types of the portal's tables (migration 202612040300), beside the only SQL that names
 * them, joined to the database's type with Kysely's `withTables` (`portalDb`).
 */
import type { ColumnType, Kysely } from 'kysely';
import type { Queryable } from '../db/client.ts';
import type { Database } from '../db/schema.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A nullable column an insert may leave out. */
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;

export type InvoiceApprovalTable = {
  company_id: string;
  invoice_id: string;
  customer_id: string;
  approved_at: Timestamp;
  approved_by_name: Optional<string>;
  access_link_id: Optional<string>;
  ip: Optional<string>;
};

export type InvoiceDocumentTable = {
  company_id: string;
  invoice_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by_name: Optional<string>;
  created_at: Timestamp;
};

export type PortalTables = {
  invoice_approval: InvoiceApprovalTable;
  invoice_document: InvoiceDocumentTable;
};

/** `q`, able to name the portal's tables too. */
export function portalDb(q: Queryable): Kysely<Database & PortalTables> {
  return q.withTables<PortalTables>();
}
