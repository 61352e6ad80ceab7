/**
 * A report written as a file (issue 11): CSV (the rows), XLSX (the rows then the totals,
 * amounts as numbers, dates as dates) through the product's writers (src/exports/), or the
 * PDF the report renders. The aged balance and the DSO history both go through here.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_CSV_LAYOUT,
  formatCsvRecord,
  openCsvWriter,
  type CsvLayout,
} from '../exports/csv-writer.ts';
import { EXPORT_CONTENT_TYPES, type ListExport } from '../exports/list-export.ts';
import type { ExportColumn, ExportRow, TableWriter } from '../exports/table-writer.ts';
import { openXlsxWriter } from '../exports/xlsx-writer.ts';
import type { ReportFormat } from './schemas.ts';

/** A report as the spreadsheets' table: typed columns, a line per row, the totals' lines. */
export type ReportTable = {
  columns: ExportColumn[];
  rows: ExportRow[];
  totals: ExportRow[];
};

/**
 * The table as CSV text: every row, no totals line (a script reads the rows; the totals
 * are `--json`'s and the XLSX's). `layout` as the files' (BOM, CRLF) unless told.
 */
export function reportCsv(table: ReportTable, layout: CsvLayout = DEFAULT_CSV_LAYOUT): string {
  return (
    (layout.byteOrderMark ? '\uFEFF' : '') +
    [table.columns.map((column) => column.name), ...table.rows]
      .map((cells) => formatCsvRecord(cells, layout))
      .join('')
  );
}

/** How a report becomes a file: its table, the XLSX sheet's name, its PDF when asked. */
export type ReportFileSource = {
  table: () => ReportTable;
  sheetName: string;
  pdf: () => Promise<Uint8Array>;
};

/**
 * Writes the report to `path` (replacing it) as `format`: CSV rows; XLSX rows then the
 * totals; the PDF. Resolves to the number of rows written, totals not counted. A file that
 * fails half-way is deleted.
 */
export async function writeReportFile(
  source: ReportFileSource,
  format: ReportFormat,
  path: string,
): Promise<number> {
  const table = source.table();
  if (format === 'pdf') {
    await writeFile(path, await source.pdf());
    return table.rows.length;
  }
  const writer: TableWriter =
    format === 'csv'
      ? await openCsvWriter(path, table.columns)
      : await openXlsxWriter(path, table.columns, { sheetName: source.sheetName });
  try {
    await writer.writeRows(table.rows);
    if (format === 'xlsx') {
      await writer.writeRows(table.totals);
    }
    await writer.close();
  } catch (error) {
    await writer.discard();
    throw error;
  }
  return table.rows.length;
}

const CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  ...EXPORT_CONTENT_TYPES,
  pdf: 'application/pdf',
};

/**
 * The report written to a file of its own in the temporary folder, named
 * `<baseName>.<format>`; the caller sends and removes it.
 */
export async function exportReportFile(
  source: ReportFileSource,
  format: ReportFormat,
  baseName: string,
): Promise<ListExport> {
  const dir = await mkdtemp(join(tmpdir(), 'encaisse-export-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const fileName = `${baseName}.${format}`;
  const path = join(dir, fileName);
  try {
    const rows = await writeReportFile(source, format, path);
    return { path, fileName, contentType: CONTENT_TYPES[format], rows, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
