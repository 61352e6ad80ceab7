/**
 * The portal's SQL (HOUSE_STYLE §3): invoice approvals and invoice documents. Every query
 * filters on the company; any number of invoices is one statement (`anyOf`).
 */
import { anyOf } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import { portalDb } from './tables.ts';

/** An approval as stored: who said the invoice is right, when, from where. */
export type InvoiceApproval = {
  invoiceId: string;
  customerId: string;
  approvedAt: Date;
  approvedByName: string | null;
  accessLinkId: string | null;
  ip: string | null;
};

/** An invoice's document, without its bytes. */
export type InvoiceDocumentInfo = {
  invoiceId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedByName: string | null;
  createdAt: Date;
};

/**
 * Inserts the approvals not there yet (one per invoice: approving again changes nothing)
 * and returns those it inserted. One statement.
 */
export async function insertApprovals(
  q: Queryable,
  companyId: string,
  approvals: readonly InvoiceApproval[],
): Promise<InvoiceApproval[]> {
  if (approvals.length === 0) {
    return [];
  }
  const rows = await portalDb(q)
    .insertInto('invoice_approval')
    .values(
      approvals.map((approval) => ({
        company_id: companyId,
        invoice_id: approval.invoiceId,
        customer_id: approval.customerId,
        approved_at: approval.approvedAt,
        approved_by_name: approval.approvedByName,
        access_link_id: approval.accessLinkId,
        ip: approval.ip,
      })),
    )
    .onConflict((conflict) => conflict.columns(['company_id', 'invoice_id']).doNothing())
    .returning(['invoice_id'])
    .execute();
  const inserted = new Set(rows.map((row) => row.invoice_id));
  return approvals.filter((approval) => inserted.has(approval.invoiceId));
}

const APPROVAL_COLUMNS = [
  'invoice_id',
  'customer_id',
  'approved_at',
  'approved_by_name',
  'access_link_id',
  'ip',
] as const;

function toApproval(row: {
  invoice_id: string;
  customer_id: string;
  approved_at: Date;
  approved_by_name: string | null;
  access_link_id: string | null;
  ip: string | null;
}): InvoiceApproval {
  return {
    invoiceId: row.invoice_id,
    customerId: row.customer_id,
    approvedAt: row.approved_at,
    approvedByName: row.approved_by_name,
    accessLinkId: row.access_link_id,
    ip: row.ip,
  };
}

/** The approvals of `invoiceIds` (those that have one), in one statement. */
export async function findApprovals(
  q: Queryable,
  companyId: string,
  invoiceIds: readonly string[],
): Promise<InvoiceApproval[]> {
  if (invoiceIds.length === 0) {
    return [];
  }
  const rows = await portalDb(q)
    .selectFrom('invoice_approval')
    .select(APPROVAL_COLUMNS)
    .where('company_id', '=', companyId)
    .where('invoice_id', '=', anyOf(invoiceIds, 'uuid'))
    .execute();
  return rows.map(toApproval);
}

/** A customer's approvals, the newest first (at most `limit`). */
export async function listCustomerApprovals(
  q: Queryable,
  companyId: string,
  customerId: string,
  limit: number,
): Promise<InvoiceApproval[]> {
  const rows = await portalDb(q)
    .selectFrom('invoice_approval')
    .select(APPROVAL_COLUMNS)
    .where('company_id', '=', companyId)
    .where('customer_id', '=', customerId)
    .orderBy('approved_at', 'desc')
    .orderBy('invoice_id')
    .limit(limit)
    .execute();
  return rows.map(toApproval);
}

/** Writes (or replaces) an invoice's document. */
export async function upsertDocument(
  q: Queryable,
  companyId: string,
  document: InvoiceDocumentInfo & { content: Uint8Array },
): Promise<void> {
  const values = {
    file_name: document.fileName,
    content_type: document.contentType,
    size_bytes: document.sizeBytes,
    sha256: document.sha256,
    content: document.content,
    uploaded_by_name: document.uploadedByName,
    created_at: document.createdAt,
  };
  await portalDb(q)
    .insertInto('invoice_document')
    .values({ company_id: companyId, invoice_id: document.invoiceId, ...values })
    .onConflict((conflict) => conflict.columns(['company_id', 'invoice_id']).doUpdateSet(values))
    .execute();
}

/** An invoice's document with its bytes, if it has one. */
export async function findDocument(
  q: Queryable,
  companyId: string,
  invoiceId: string,
): Promise<(InvoiceDocumentInfo & { content: Uint8Array }) | undefined> {
  const row = await portalDb(q)
    .selectFrom('invoice_document')
    .select([
      'invoice_id',
      'file_name',
      'content_type',
      'size_bytes',
      'sha256',
      'content',
      'uploaded_by_name',
      'created_at',
    ])
    .where('company_id', '=', companyId)
    .where('invoice_id', '=', invoiceId)
    .executeTakeFirst();
  return (
    row && {
      invoiceId: row.invoice_id,
      fileName: row.file_name,
      contentType: row.content_type,
      sizeBytes: row.size_bytes,
      sha256: row.sha256,
      content: new Uint8Array(row.content),
      uploadedByName: row.uploaded_by_name,
      createdAt: row.created_at,
    }
  );
}

/** Which of `invoiceIds` have a document, in one statement (the bytes are not read). */
export async function findDocumentInvoiceIds(
  q: Queryable,
  companyId: string,
  invoiceIds: readonly string[],
): Promise<Set<string>> {
  if (invoiceIds.length === 0) {
    return new Set();
  }
  const rows = await portalDb(q)
    .selectFrom('invoice_document')
    .select('invoice_id')
    .where('company_id', '=', companyId)
    .where('invoice_id', '=', anyOf(invoiceIds, 'uuid'))
    .execute();
  return new Set(rows.map((row) => row.invoice_id));
}
