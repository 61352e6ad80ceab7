/**
 * The evidence documents' SQL (migration 202612070300): `evidence_document`, and the links
 * of `sales_order_invoice` that make an order's documents an invoice's too. Every query
 * filters on the company; a list is one statement and never reads the bytes.
 */
import type { EvidenceKind } from './document-schemas.ts';
import { documentDb } from './document-tables.ts';
import type { Queryable } from '../db/client.ts';

/** A document as kept, without its bytes. */
export type EvidenceDocument = {
  id: string;
  /** The order it is attached to, or `null`; at least one of the two is set. */
  orderId: string | null;
  invoiceId: string | null;
  kind: EvidenceKind;
  fileName: string;
  /** Its media type, without parameters. */
  contentType: string;
  sizeBytes: number;
  /** SHA-256 of the bytes as received, lowercase hex. */
  sha256: string;
  /** The user who uploaded it (`id` null for a token, the CLI, a run), as named then. */
  uploadedBy: { id: string | null; name: string | null };
  uploadedAt: Date;
  note: string | null;
};

/** Where a document is attached: an order or an invoice of the company. */
export type DocumentTarget = { orderId: string } | { invoiceId: string };

const INFO_COLUMNS = [
  'id',
  'order_id',
  'invoice_id',
  'kind',
  'file_name',
  'content_type',
  'size_bytes',
  'sha256',
  'uploaded_by',
  'uploaded_by_name',
  'uploaded_at',
  'note',
] as const;

type InfoRow = {
  id: string;
  order_id: string | null;
  invoice_id: string | null;
  kind: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_by_name: string | null;
  uploaded_at: Date;
  note: string | null;
};

function toDocument(row: InfoRow): EvidenceDocument {
  return {
    id: row.id,
    orderId: row.order_id,
    invoiceId: row.invoice_id,
    // The table's check admits only these kinds.
    kind: row.kind as EvidenceKind,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    // `char(64)`: read back as written, but trimmed so that a driver's padding never counts.
    sha256: row.sha256.trim(),
    uploadedBy: { id: row.uploaded_by, name: row.uploaded_by_name },
    uploadedAt: row.uploaded_at,
    note: row.note,
  };
}

function orderIdOf(target: DocumentTarget): string | null {
  return 'orderId' in target ? target.orderId : null;
}

function invoiceIdOf(target: DocumentTarget): string | null {
  return 'invoiceId' in target ? target.invoiceId : null;
}

/**
 * Keeps `document` unless the same file (its SHA-256) is kept already as the same kind on the
 * same target (`evidence_document_target_sha256_key`): whether it was written.
 */
export async function insertDocument(
  tx: Queryable,
  companyId: string,
  target: DocumentTarget,
  document: Omit<EvidenceDocument, 'orderId' | 'invoiceId'> & { content: Uint8Array },
): Promise<boolean> {
  const rows = await documentDb(tx)
    .insertInto('evidence_document')
    .values({
      company_id: companyId,
      id: document.id,
      order_id: orderIdOf(target),
      invoice_id: invoiceIdOf(target),
      kind: document.kind,
      file_name: document.fileName,
      content_type: document.contentType,
      size_bytes: document.sizeBytes,
      sha256: document.sha256,
      content: document.content,
      uploaded_by: document.uploadedBy.id,
      uploaded_by_name: document.uploadedBy.name,
      uploaded_at: document.uploadedAt,
      note: document.note,
    })
    .onConflict((conflict) =>
      conflict.columns(['company_id', 'order_id', 'invoice_id', 'kind', 'sha256']).doNothing(),
    )
    .returning('id')
    .execute();
  return rows.length > 0;
}

/** The document kept as `kind` on `target` with this SHA-256, if there is one. */
export async function findSameDocument(
  q: Queryable,
  companyId: string,
  target: DocumentTarget,
  key: { kind: EvidenceKind; sha256: string },
): Promise<EvidenceDocument | undefined> {
  const orderId = orderIdOf(target);
  const invoiceId = invoiceIdOf(target);
  const row = await documentDb(q)
    .selectFrom('evidence_document')
    .select(INFO_COLUMNS)
    .where('company_id', '=', companyId)
    .where('order_id', orderId === null ? 'is' : '=', orderId)
    .where('invoice_id', invoiceId === null ? 'is' : '=', invoiceId)
    .where('kind', '=', key.kind)
    .where('sha256', '=', key.sha256)
    .executeTakeFirst();
  return row === undefined ? undefined : toDocument(row);
}

/**
 * The documents of `target`, newest first: an order's own; an invoice's own and those of
 * the orders linked to it (`sales_order_invoice`: the order's signed delivery receipt is the
 * invoice's evidence too). One statement, the bytes left unread.
 */
export async function listDocumentsOf(
  q: Queryable,
  companyId: string,
  target: DocumentTarget,
): Promise<EvidenceDocument[]> {
  const rows = await documentDb(q)
    .selectFrom('evidence_document')
    .select(INFO_COLUMNS)
    .where('company_id', '=', companyId)
    .where((eb) =>
      'orderId' in target
        ? eb('order_id', '=', target.orderId)
        : eb.or([
            eb('invoice_id', '=', target.invoiceId),
            eb(
              'order_id',
              'in',
              eb
                .selectFrom('sales_order_invoice')
                .select('sales_order_invoice.order_id')
                .where('sales_order_invoice.company_id', '=', companyId)
                .where('sales_order_invoice.invoice_id', '=', target.invoiceId),
            ),
          ]),
    )
    .orderBy('uploaded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toDocument);
}

/** A document with its bytes, if the company has one of that id. */
export async function findDocumentContent(
  q: Queryable,
  companyId: string,
  documentId: string,
): Promise<(EvidenceDocument & { content: Uint8Array }) | undefined> {
  const row = await documentDb(q)
    .selectFrom('evidence_document')
    .select([...INFO_COLUMNS, 'content'])
    .where('company_id', '=', companyId)
    .where('id', '=', documentId)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : { ...toDocument(row), content: new Uint8Array(row.content) };
}
