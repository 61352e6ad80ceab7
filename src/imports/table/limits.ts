/**
 * How much an import reads, at most. Each limit is checked before the work it
 * bounds, so a hostile file is refused in milliseconds instead of exhausting memory
 * (a 300 KB workbook expanding to one 300 MB cell took 2.3 GB before failing). The
 * figures leave room for real files: 200,000 invoices are ~20 MB of CSV, and our
 * 219,773-customer file is ~50 MB of CSV or a 26 MB workbook that unzips to 193 MiB.
 */

const MIB = 1024 * 1024;

/** Largest file an import reads (CSV or XLSX), checked before the file is read into memory. */
export const MAX_IMPORT_FILE_BYTES = 256 * MIB;

/**
 * Most a workbook's parts may hold once unzipped, all parts together. exceljs holds
 * the whole workbook as objects, about 13 times its unzipped size (2.6 GB for the
 * 193 MiB of the 219,773-customer workbook), so this bounds its memory too.
 */
export const MAX_WORKBOOK_UNZIPPED_BYTES = 384 * MIB;

/**
 * How many times its compressed size a part of a workbook may expand. Real sheets
 * compress 5 to 20 times; a ZIP bomb, a thousand (deflate's maximum is ~1,030).
 */
export const MAX_COMPRESSION_RATIO = 100;

/** Parts smaller than this are not held to `MAX_COMPRESSION_RATIO`: tiny repetitive XML compresses well and costs nothing. */
export const COMPRESSION_RATIO_FLOOR_BYTES = MIB;

/** Most parts a workbook may have (a real one has a dozen, one per sheet, style, theme…). */
export const MAX_WORKBOOK_PARTS = 10_000;

/** Longest value of a cell, in characters: Excel's own maximum, for CSV and XLSX alike. */
export const MAX_CELL_LENGTH = 32_767;

/**
 * `268435456` → `256`: a size in MiB, rounded up, for messages. A number rather than a
 * text, so each language writes it its own way (`1,024 MiB`, `1 024 Mio`).
 */
export function mebibytes(bytes: number): number {
  return Math.ceil(bytes / MIB);
}
