/**
 * Checks that a ZIP archive (an XLSX workbook) is safe to hand to exceljs, which
 * inflates every part into memory with no limit of its own. The declared sizes are
 * checked first, without inflating anything; but declared sizes can lie, so every
 * part is then inflated once into nothing, counted: yauzl stops a part at the first
 * byte past its declared size. Both read the central directory, as exceljs's JSZip
 * does, so the parts checked are the parts exceljs will read.
 */
import { finished } from 'node:stream/promises';
import { fromBufferPromise, type Entry, type ZipFile } from 'yauzl';
import type { MessageParams } from '../../shared/messages/catalogue.ts';
import {
  COMPRESSION_RATIO_FLOOR_BYTES,
  MAX_COMPRESSION_RATIO,
  MAX_WORKBOOK_PARTS,
  MAX_WORKBOOK_UNZIPPED_BYTES,
  mebibytes,
} from './limits.ts';

/**
 * Why an archive is refused: it could not be read (`detail` is the ZIP reader's own
 * words, in English, which the catalogue's `unsupported_format_damaged_zip` says only
 * as a technical detail), or it expands too far (`context` names the `file_too_large`
 * variant of the catalogue that says how, with its `params`).
 */
export type ZipProblem =
  | { kind: 'unreadable'; detail: string }
  | { kind: 'too_large'; context: string; params: MessageParams };

/** The first reason not to unzip `bytes`, or `undefined` when exceljs may read it. */
export async function findZipProblem(bytes: Uint8Array): Promise<ZipProblem | undefined> {
  let zip: ZipFile;
  try {
    zip = await fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (error) {
    return { kind: 'unreadable', detail: errorText(error) };
  }
  try {
    const entries: Entry[] = [];
    let declared = 0;
    for await (const entry of zip.eachEntry()) {
      entries.push(entry);
      declared += entry.uncompressedSize;
      const problem = declaredSizeProblem(entry, entries.length, declared);
      if (problem !== undefined) {
        return problem;
      }
    }
    for (const entry of entries) {
      const problem = await inflatedSizeProblem(zip, entry);
      if (problem !== undefined) {
        return problem;
      }
    }
    return undefined;
  } catch (error) {
    return { kind: 'unreadable', detail: errorText(error) };
  } finally {
    zip.close();
  }
}

function tooLarge(context: string, params: MessageParams): ZipProblem {
  return { kind: 'too_large', context, params };
}

function declaredSizeProblem(
  entry: Entry,
  parts: number,
  declared: number,
): ZipProblem | undefined {
  if (parts > MAX_WORKBOOK_PARTS) {
    return tooLarge('zip_parts', { max: MAX_WORKBOOK_PARTS });
  }
  if (declared > MAX_WORKBOOK_UNZIPPED_BYTES) {
    return tooLarge('zip_size', { max: mebibytes(MAX_WORKBOOK_UNZIPPED_BYTES) });
  }
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize > COMPRESSION_RATIO_FLOOR_BYTES && ratio > MAX_COMPRESSION_RATIO) {
    return tooLarge('zip_bomb', {
      part: entry.fileName,
      ratio: Math.round(ratio),
      size: mebibytes(entry.uncompressedSize),
      maxRatio: MAX_COMPRESSION_RATIO,
    });
  }
  return undefined;
}

/** Inflates one part into nothing; yauzl errors as soon as it passes its declared size. */
async function inflatedSizeProblem(zip: ZipFile, entry: Entry): Promise<ZipProblem | undefined> {
  const stream = await zip.openReadStreamPromise(entry);
  try {
    // Drained, not kept: yauzl counts the bytes against entry.uncompressedSize.
    stream.resume();
    await finished(stream);
  } catch (error) {
    const detail = errorText(error);
    if (/too many bytes/.test(detail)) {
      return tooLarge('zip_liar', { part: entry.fileName, declared: entry.uncompressedSize });
    }
    return { kind: 'unreadable', detail };
  }
  return undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
