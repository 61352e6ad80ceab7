/**
 * What evidence documents say, in French, by stable code (merged into the catalogue's
 * `codes`). `documents.en.ts` has the same keys.
 */
import type { documentsEn } from './documents.en.ts';
import type { ShapeOf } from './shape.ts';

export const documentsFr = {
  evidence_document_refused: 'Le document ne peut pas être conservé',
  evidence_note_too_long: 'La note d’un document a {{max, number}} caractères au plus',
  evidence_document_not_found: 'Document {{key}} introuvable',
  evidence_document_altered:
    'Le document «\u00a0{{fileName}}\u00a0» a été modifié après sa réception\u00a0: son contenu ne correspond plus à son SHA-256 ({{sha256}}), il n’est donc pas remis',
} as const satisfies ShapeOf<typeof documentsEn>;
