/**
 * What evidence documents say, in English, by stable code (merged into the catalogue's
 * `codes`): their refusals (docs/evidence.md). The file's own refusals (`attachment_empty`,
 * `attachment_too_large`, `attachment_type_refused`, `attachment_content_mismatch`) are the
 * disputes' attachments' words. `documents.fr.ts` has the same keys.
 */
export const documentsEn = {
  evidence_document_refused: 'The document cannot be kept',
  evidence_note_too_long: 'A document’s note has at most {{max, number}} characters',
  evidence_document_not_found: 'Document {{key}} not found',
  evidence_document_altered:
    'Document "{{fileName}}" was altered after it was received: its content no longer matches its SHA-256 ({{sha256}}), so it is not handed out',
} as const;
