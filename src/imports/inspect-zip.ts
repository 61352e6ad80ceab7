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
import {
  COMPRESSION_RATIO_FLOOR_BYTES,
  formatMebibytes,
  MAX_COMPRESSION_RATIO,
  MAX_WORKBOOK_PARTS,
  MAX_WORKBOOK_UNZIPPED_BYTES,
} from './limits.ts';

/** Why an archive is refused: it could not be read, or it expands too far. */
export type ZipProblem = { kind: 'unreadable' | 'too_large'; reason: string };

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
    return { kind: 'unreadable', reason: messageOf(error) };
  }
  try {
    const entries: Entry[] = [];
    let declared = 0;
    for await (const entry of zip.eachEntry()) {
      entries.push(entry);
      declared += entry.uncompressedSize;
      const problem = declaredSizeProblem(entry, entries.length, declared);
      if (problem !== undefined) {
        return { kind: 'too_large', reason: problem };
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
    return { kind: 'unreadable', reason: messageOf(error) };
  } finally {
    zip.close();
  }
}

function declaredSizeProblem(entry: Entry, parts: number, declared: number): string | undefined {
  if (parts > MAX_WORKBOOK_PARTS) {
    return `it has more than ${MAX_WORKBOOK_PARTS.toLocaleString('en')} parts`;
  }
  if (declared > MAX_WORKBOOK_UNZIPPED_BYTES) {
    return `it unzips to more than ${formatMebibytes(MAX_WORKBOOK_UNZIPPED_BYTES)}, the most a workbook may hold (save it as CSV, or split it)`;
  }
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize > COMPRESSION_RATIO_FLOOR_BYTES && ratio > MAX_COMPRESSION_RATIO) {
    return `its part ${entry.fileName} expands ${Math.round(ratio).toLocaleString('en')} times (to ${formatMebibytes(entry.uncompressedSize)}), where a spreadsheet expands at most ${MAX_COMPRESSION_RATIO} times: it looks like a ZIP bomb`;
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
    const reason = messageOf(error);
    if (/too many bytes/.test(reason)) {
      return {
        kind: 'too_large',
        reason: `its part ${entry.fileName} expands past the ${entry.uncompressedSize.toLocaleString('en')} bytes it declares: it is damaged or built to exhaust memory`,
      };
    }
    return { kind: 'unreadable', reason };
  }
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
