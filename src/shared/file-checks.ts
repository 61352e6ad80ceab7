/**
 * What a kept file may be, for any capability that keeps one (evidence documents today;
 * disputes' attachments and the portal's invoice PDFs could use it too): not empty, at most
 * a size, one of a few types, and whose bytes are what its type says, so that a renamed
 * program is refused before anything is written. Pure: the bytes come in as an argument.
 */
import { fieldIssue, type Issue } from './errors.ts';

/** What one kind of upload accepts. */
export type FileRules = {
  /** Media types accepted, lowercase and without parameters (`application/pdf`). */
  types: readonly string[];
  /** The largest size, in MiB (1 MiB = 1 048 576 bytes). */
  maxMib: number;
};

/** A file as it came: the type its sender gave (`Content-Type`) and its bytes. */
export type IncomingFile = { contentType: string; bytes: Uint8Array };

const BYTES_PER_MIB = 1024 * 1024;

/**
 * The first bytes of the types that have a signature: `%PDF-` (ISO 32000-1 §7.5.2), PNG's
 * eight bytes (ISO/IEC 15948 §5.2), JPEG's SOI marker and the next marker's `FF`.
 */
const SIGNATURES: Readonly<Record<string, readonly number[]>> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

/** The types read as text: they have no signature, but a text has no NUL byte. */
const TEXT_TYPES: ReadonlySet<string> = new Set(['text/plain', 'message/rfc822']);

/** How far a text is looked into for a NUL byte, as git decides a file is binary. */
const TEXT_SNIFF_BYTES = 8000;

/** `contentType` without its parameters, lowercase (`Application/PDF; x=1` → `application/pdf`). */
export function mediaTypeOf(contentType: string): string {
  return contentType.split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Whether `bytes` begin as a file of `type` does (a text: no NUL byte early on). */
export function startsAsItsType(type: string, bytes: Uint8Array): boolean {
  const signature = SIGNATURES[type];
  if (signature !== undefined) {
    return signature.every((byte, index) => bytes[index] === byte);
  }
  if (TEXT_TYPES.has(type)) {
    return !bytes.subarray(0, TEXT_SNIFF_BYTES).includes(0);
  }
  // A type without a signature nor text: nothing to compare its bytes with.
  return true;
}

/**
 * Why `file` may not be kept under `rules`, on `field`: the first refusal only, in the order
 * a sender mends them: `attachment_empty`, `attachment_too_large` (`max` in MiB),
 * `attachment_type_refused` or `attachment_content_mismatch` (`type`). None: it may be kept.
 */
export function checkFile(field: string, file: IncomingFile, rules: FileRules): Issue[] {
  if (file.bytes.length === 0) {
    return [fieldIssue(field, 'attachment_empty')];
  }
  if (file.bytes.length > rules.maxMib * BYTES_PER_MIB) {
    return [fieldIssue(field, 'attachment_too_large', { max: rules.maxMib })];
  }
  const type = mediaTypeOf(file.contentType);
  if (!rules.types.includes(type)) {
    return [fieldIssue(field, 'attachment_type_refused', { type })];
  }
  if (!startsAsItsType(type, file.bytes)) {
    return [fieldIssue(field, 'attachment_content_mismatch', { type })];
  }
  return [];
}

/**
 * A file name as kept: its folders dropped (a browser may send `C:\fakepath\…`), its control
 * characters too (a NUL cannot be stored in text), trimmed, at most `maxLength` characters
 * (whole code points); `fallback` when nothing is left.
 */
export function keptFileName(name: string, fallback: string, maxLength: number): string {
  const base = (name.split(/[\\/]/).at(-1) ?? '').replace(/\p{Cc}/gu, '').trim();
  // Code points, as PostgreSQL's `char_length` counts them: a pair is never cut in two.
  const kept = Array.from(base).slice(0, maxLength).join('').trim();
  return kept === '' ? fallback : kept;
}
