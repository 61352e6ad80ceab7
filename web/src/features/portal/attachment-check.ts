/**
 * Files checked in the browser before they are sent (issue 10, « bad input »): a file of a
 * refused type or above the size limit is said at once, by name, rather than after a long
 * upload the server would refuse anyway (it checks again, bytes included).
 */
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_MIB } from '../../../../src/disputes/model.ts';

/** What a customer may attach on the portal: documents and pictures. */
export const PORTAL_ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

/** What a department member may attach too: a plain text, a forwarded e-mail (.eml). */
export const ANSWER_ATTACHMENT_TYPES = [
  ...PORTAL_ATTACHMENT_TYPES,
  'text/plain',
  'message/rfc822',
] as const;

export { MAX_ATTACHMENT_MIB };

/** Why a file cannot be attached; none when it can. */
export type AttachmentRefusal =
  | { file: File; problem: 'type' }
  | { file: File; problem: 'size'; sizeMib: number };

/**
 * The refusals of `files` against `types` and the 10 MiB limit. Some systems give a `.eml`
 * no type: its extension then speaks for it, as the server reads its bytes anyway.
 */
export function refusedAttachments(
  files: readonly File[],
  types: readonly string[],
): AttachmentRefusal[] {
  const refusals: AttachmentRefusal[] = [];
  for (const file of files) {
    if (!types.includes(attachmentType(file))) {
      refusals.push({ file, problem: 'type' });
    } else if (file.size > MAX_ATTACHMENT_BYTES) {
      refusals.push({ file, problem: 'size', sizeMib: sizeInMib(file.size) });
    }
  }
  return refusals;
}

/** The type sent as the upload's `Content-Type`: the browser's, or the one its extension names. */
export function attachmentType(file: Pick<File, 'name' | 'type'>): string {
  if (file.type !== '') {
    return file.type;
  }
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  return extension === undefined ? '' : (TYPE_BY_EXTENSION[extension] ?? '');
}

const TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  eml: 'message/rfc822',
};

/** Bytes as MiB with one decimal, rounded up so that 10.01 MiB never reads « 10 ». */
function sizeInMib(bytes: number): number {
  return Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
}
