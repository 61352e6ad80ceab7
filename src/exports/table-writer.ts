/**
 * What every file export of the product writes through: a header of named, typed
 * columns, then rows of text cells. CSV writes the text as it is; XLSX turns
 * `decimal` and `date` cells into numbers and dates a spreadsheet can sum and sort.
 */
import { rm } from 'node:fs/promises';
import { minorDigits, parseCurrencyCode, toDecimalString, type Cents } from '../shared/money.ts';
import type { EXPORT_FORMATS } from '../shared/schemas.ts';

/**
 * What a column holds. Cells are always given as text: `decimal` as a plain decimal
 * with a dot (`1234.56`, `-120.50`, from integer cents, never a float), `date` as
 * `YYYY-MM-DD`.
 */
export type ExportColumnType = 'text' | 'decimal' | 'date';

/** A column of an exported table. */
export type ExportColumn = { name: string; type: ExportColumnType };

/** One row: a cell per column, in the columns' order; `''` is an empty cell. */
export type ExportRow = readonly string[];

/** An export file being written, row batch after row batch, so memory stays flat. */
export type TableWriter = {
  /** Appends rows; resolves once the file can take more (back-pressure). */
  writeRows(rows: readonly ExportRow[]): Promise<void>;
  /** Writes what is buffered and closes the file. */
  close(): Promise<void>;
  /** Stops writing and deletes the file (an export that failed half-way). */
  discard(): Promise<void>;
};

/** A file format of an export (`EXPORT_FORMATS`, which the API and the web share). */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Deletes a half-written file, ignoring one that was never created. */
export async function removePartialFile(path: string): Promise<void> {
  await rm(path, { force: true });
}

/** Throws when a row has not one cell per column: a bug in the caller, not bad data. */
export function assertRowWidth(row: ExportRow, columns: readonly ExportColumn[]): void {
  if (row.length !== columns.length) {
    throw new Error(`An export row has ${row.length} cells for ${columns.length} columns`);
  }
}

/** An amount's `decimal` cell, in its currency's minor digits (`1234.56`, JPY `1234`). */
export function moneyCell(amount: Cents, currency: string): string {
  const code = parseCurrencyCode(currency);
  return toDecimalString(amount, code === undefined ? 2 : minorDigits(code));
}
