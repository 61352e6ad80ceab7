/**
 * What the evidence documents' screens decide (docs/evidence.md): which files the picker
 * offers, the type an upload is sent with, the SHA-256 as shown, whether an answer is a
 * document kept already, and who may attach. Pure: no DOM, no clock.
 */
import { can } from '../../../../src/app/permissions.ts';
import {
  EVIDENCE_TYPES_BY_EXTENSION,
  type TEvidenceDocument,
} from '../../../../src/credit/document-schemas.ts';
import { ROLES } from '../../../../src/shared/schemas.ts';

/** The file picker's `accept`: the extensions and the types, as browsers match either. */
export const EVIDENCE_ACCEPT = [
  ...Object.keys(EVIDENCE_TYPES_BY_EXTENSION).map((extension) => `.${extension}`),
  ...new Set(Object.values(EVIDENCE_TYPES_BY_EXTENSION)),
].join(',');

/**
 * The `Content-Type` an upload goes with: the browser's when it gives one, else the one its
 * extension names (browsers often give none for an `.eml`), else octet-stream, which the
 * server refuses in words (`attachment_type_refused`).
 */
export function uploadContentType(fileName: string, browserType: string): string {
  if (browserType !== '') {
    return browserType;
  }
  const dot = fileName.lastIndexOf('.');
  const extension = dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
  return EVIDENCE_TYPES_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

/** How many hex digits of a SHA-256 are shown at each end (the whole is copied). */
const SHOWN_DIGITS = 8;

/** A SHA-256 shortened to read: its first and last 8 hex digits (`3f2a9c10…8be41d07`). */
export function shortSha256(sha256: string): string {
  return sha256.length <= SHOWN_DIGITS * 2 + 1
    ? sha256
    : `${sha256.slice(0, SHOWN_DIGITS)}…${sha256.slice(-SHOWN_DIGITS)}`;
}

/**
 * Whether an upload's answer is a document the list held already: the server answers the
 * same file attached again as the same kind with the document it kept (200, not 201).
 */
export function isAlreadyKept(
  kept: readonly Pick<TEvidenceDocument, 'id'>[],
  answer: Pick<TEvidenceDocument, 'id'>,
): boolean {
  return kept.some((document) => document.id === answer.id);
}

/** The distinct orders documents came from, in their order of first appearance. */
export function orderIdsOf(documents: readonly Pick<TEvidenceDocument, 'orderId'>[]): string[] {
  return [
    ...new Set(
      documents.flatMap((document) => (document.orderId === null ? [] : [document.orderId])),
    ),
  ];
}

/** Where documents are attached: an order (`orders:write`) or an invoice (`ledger:write`). */
export type DocumentTarget = { orderId: string } | { invoiceId: string };

/** Whether `role` may attach to `target`, as `attachDocument` asks (docs/evidence.md). */
export function canAttachDocument(role: string, target: DocumentTarget): boolean {
  const known = ROLES.find((name) => name === role);
  return known !== undefined && can(known, 'orderId' in target ? 'orders:write' : 'ledger:write');
}
