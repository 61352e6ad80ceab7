/**
 * The HTTP contract of evidence documents (docs/evidence.md): what an upload says of the file
 * beside its bytes, and a document as it is listed (never its bytes: they are downloaded from
 * `/api/documents/{id}/file`). Pure, as the web may import it.
 */
import { z } from 'zod';
import { ZId } from '../shared/schemas.ts';

/**
 * What a document proves, the names a court order's evidence pack (PRODUCT.md: approved
 * order, signed delivery receipt, invoice, reminder history) picks them by.
 */
export const EVIDENCE_KINDS = [
  'delivery_receipt',
  'order_confirmation',
  'purchase_order',
  'other',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** The longest note kept with a document (the table's check says the same). */
export const MAX_EVIDENCE_NOTE_LENGTH = 1000;

/**
 * The files kept as evidence, by extension: PDF, PNG, JPEG, plain text and an e-mail saved
 * as `.eml` — what the server accepts and the web's file picker offers.
 */
export const EVIDENCE_TYPES_BY_EXTENSION: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  eml: 'message/rfc822',
};

export const ZEvidenceKind = z.enum(EVIDENCE_KINDS).meta({
  id: 'EvidenceKind',
  description:
    'delivery_receipt (the signed delivery note, bon de livraison signé), order_confirmation (the accusé de réception de commande sent to the customer), purchase_order (the customer’s bon de commande), other',
});

/** An upload's query: what the file is, and what the uploader says of it. */
export const ZAttachDocumentQuery = z.object({
  kind: ZEvidenceKind,
  note: z.string().max(MAX_EVIDENCE_NOTE_LENGTH).optional().meta({
    description: 'What the uploader says of it (« signé par M. Martin, réserves sur 2 palettes »)',
  }),
});
export type TAttachDocumentQuery = z.infer<typeof ZAttachDocumentQuery>;

/** The upload's headers: the file's name (its type is the `Content-Type`). */
export const ZDocumentUploadHeaders = z.looseObject({
  'x-file-name': z.string().max(1000).optional().meta({
    description: 'The file’s name, URI-encoded (`BL%204512%20sign%C3%A9.pdf`). Default `document`',
  }),
});

export const ZEvidenceDocument = z
  .object({
    id: ZId,
    orderId: ZId.nullable().meta({ description: 'The order it is attached to, if any' }),
    invoiceId: ZId.nullable().meta({ description: 'The invoice it is attached to, if any' }),
    kind: ZEvidenceKind,
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int().positive(),
    sha256: z.string().meta({ description: 'SHA-256 of the bytes as received, lowercase hex' }),
    uploadedByName: z.string().nullable(),
    uploadedAt: z.string(),
    note: z.string().nullable(),
  })
  .meta({ id: 'EvidenceDocument' });
export type TEvidenceDocument = z.infer<typeof ZEvidenceDocument>;

export const ZEvidenceDocumentList = z
  .object({ items: z.array(ZEvidenceDocument) })
  .meta({ id: 'EvidenceDocumentList' });
export type TEvidenceDocumentList = z.infer<typeof ZEvidenceDocumentList>;
