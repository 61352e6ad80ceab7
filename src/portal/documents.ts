/**
 * Invoice documents (issue 10, docs/portal.md): the PDF of an invoice as the company issued
 * it, uploaded beside the invoice by staff and handed to the customer on its portal. Kept
 * with its SHA-256; only a PDF that starts as one, of at most 10 MiB, is kept. Each upload
 * is an event `invoice.document_uploaded`, each download by the customer
 * `portal.document_downloaded` with the address and the link.
 */
import { createHash } from 'node:crypto';
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { authorize } from '../app/policy.ts';
import { recordEvents } from '../audit/service.ts';
import { checkAttachment } from '../disputes/model.ts';
import { inTransaction } from '../db/transaction.ts';
import { listInvoicesByIds } from '../ledger/service.ts';
import { DomainError, InvalidError, NotFoundError, fieldIssue } from '../shared/errors.ts';
import { requireCustomerInvoices } from './account-reads.ts';
import { findDocument, upsertDocument } from './store.ts';

/** A document as it is handed out. */
export type InvoiceDocumentFile = {
  fileName: string;
  contentType: string;
  content: Uint8Array;
};

/** What an upload keeps of the file, as the staff API answers it. */
export type StoredDocument = { fileName: string; sizeBytes: number; sha256: string };

const PDF = 'application/pdf';

function documentNotFound(invoiceId: string): DomainError {
  return new DomainError('not_found', 'invoice_document_not_found', { key: invoiceId });
}

/**
 * Keeps `file` as the document of invoice `invoiceId` (`ledger:write`), replacing the one it
 * had. 404 for an invoice of no customer of the company; 400 `invoice_document_refused` with
 * its issue: not a PDF (`invoice_document_not_pdf`), empty, over 10 MiB, or not starting as
 * a PDF does (`attachment_content_mismatch`: a renamed file).
 */
export async function uploadInvoiceDocument(
  deps: Deps,
  ctx: Ctx,
  invoiceId: string,
  file: { fileName: string; contentType: string; bytes: Uint8Array },
): Promise<StoredDocument> {
  requirePermission(ctx, 'ledger:write');
  const type = file.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const issues =
    type === PDF
      ? checkAttachment('file', { contentType: type, bytes: file.bytes })
      : [fieldIssue('file', 'invoice_document_not_pdf', { type })];
  if (issues.length > 0) {
    throw new InvalidError('invoice_document_refused', {}, issues);
  }
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  return inTransaction(deps.db, async (tx) => {
    const [invoice] = await listInvoicesByIds(tx, ctx, [invoiceId]);
    if (invoice === undefined) {
      throw new NotFoundError('invoice', invoiceId);
    }
    const stored = { fileName: file.fileName, sizeBytes: file.bytes.length, sha256 };
    await upsertDocument(tx, ctx.companyId, {
      invoiceId,
      ...stored,
      contentType: PDF,
      content: file.bytes,
      uploadedByName: ctx.actor.name,
      createdAt: deps.clock.now(),
    });
    await recordEvents(tx, ctx, [
      {
        action: 'invoice.document_uploaded',
        entityType: 'invoice',
        entityId: invoiceId,
        customerId: invoice.customerId,
        data: { number: invoice.number, ...stored },
      },
    ]);
    return stored;
  });
}

/** The document of invoice `invoiceId`, as staff download it (`ledger:read`). */
export async function getInvoiceDocument(
  deps: Deps,
  ctx: Ctx,
  invoiceId: string,
): Promise<InvoiceDocumentFile> {
  requirePermission(ctx, 'ledger:read');
  const document = await findDocument(deps.db, ctx.companyId, invoiceId);
  if (document === undefined) {
    throw documentNotFound(invoiceId);
  }
  return {
    fileName: document.fileName,
    contentType: document.contentType,
    content: document.content,
  };
}

/**
 * The document of `invoiceId` as the customer downloads it on its portal (`account:read` on
 * `customerId`): 404 for an invoice not the customer's, as for one without a document. The
 * download is an event `portal.document_downloaded` on the invoice.
 */
export async function downloadPortalDocument(
  deps: Deps,
  ctx: Ctx,
  input: { customerId: string; invoiceId: string },
): Promise<InvoiceDocumentFile> {
  authorize(ctx, 'account:read', { customerId: input.customerId });
  return inTransaction(deps.db, async (tx) => {
    const [invoice] = await requireCustomerInvoices(tx, ctx, input.customerId, [input.invoiceId]);
    const document = invoice && (await findDocument(tx, ctx.companyId, invoice.id));
    if (invoice === undefined || document === undefined) {
      throw documentNotFound(input.invoiceId);
    }
    await recordEvents(tx, ctx, [
      {
        action: 'portal.document_downloaded',
        entityType: 'invoice',
        entityId: invoice.id,
        customerId: input.customerId,
        data: { document: 'invoice', number: invoice.number, sha256: document.sha256 },
      },
    ]);
    return {
      fileName: document.fileName,
      contentType: document.contentType,
      content: document.content,
    };
  });
}
