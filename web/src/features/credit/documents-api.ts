/**
 * The evidence documents' hooks (issue 12, docs/evidence.md): an order's documents, an
 * invoice's (with those of its orders), an upload to either, and where a file is downloaded.
 * Every answer is parsed with the server's schemas; an upload refreshes every list, as an
 * order's document is listed with each of its invoices too.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZEvidenceDocument,
  ZEvidenceDocumentList,
  type EvidenceKind,
} from '../../../../src/credit/document-schemas.ts';
import { apiGet, apiUpload } from '../../api.ts';
import { invoiceKeys } from '../invoices/invoices-api.ts';
import { uploadContentType, type DocumentTarget } from './documents-model.ts';

/** The query keys of the documents' lists. */
export const documentKeys = {
  all: ['evidence-documents'] as const,
  order: (orderId: string) => ['evidence-documents', 'order', orderId] as const,
  invoice: (invoiceId: string) => ['evidence-documents', 'invoice', invoiceId] as const,
};

/** `/api/orders/:id/documents` or `/api/invoices/:id/documents`. */
function documentsPath(target: DocumentTarget): string {
  return 'orderId' in target
    ? `/api/orders/${encodeURIComponent(target.orderId)}/documents`
    : `/api/invoices/${encodeURIComponent(target.invoiceId)}/documents`;
}

function keyOf(target: DocumentTarget) {
  return 'orderId' in target
    ? documentKeys.order(target.orderId)
    : documentKeys.invoice(target.invoiceId);
}

/** Where a document's bytes are downloaded (the session cookie goes with a plain link). */
export function documentFileUrl(documentId: string): string {
  return `/api/documents/${encodeURIComponent(documentId)}/file`;
}

/** The documents of an order, or of an invoice and its orders, newest first. */
export function useDocuments(target: DocumentTarget) {
  return useQuery({
    queryKey: keyOf(target),
    queryFn: ({ signal }) =>
      apiGet(documentsPath(target), ZEvidenceDocumentList, undefined, signal),
    select: (list) => list.items,
  });
}

/** A document to attach: the file, what it proves, and what the uploader says of it. */
export type DocumentUpload = { file: File; kind: EvidenceKind; note: string };

/**
 * « Ajouter un document »: the file as the raw body with its own type (the server checks it
 * against the bytes), its kind and note in the query string. The answer is the document
 * kept, new or kept already.
 */
export function useAttachDocument(target: DocumentTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, kind, note }: DocumentUpload) =>
      apiUpload(documentsPath(target), ZEvidenceDocument, file, {
        query: { kind, note: note.trim() },
        contentType: uploadContentType(file.name, file.type),
      }),
    onSuccess: async () => {
      // The invoice's trail shows `document.attached`; its lists show the order's documents.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: documentKeys.all }),
        queryClient.invalidateQueries({ queryKey: invoiceKeys.all }),
      ]);
    },
  });
}
