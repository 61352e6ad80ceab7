/**
 * A list as filtered and sorted, every matching row, written to a CSV or XLSX file in
 * a temporary folder of its own, batch after batch as the rows are read, so memory
 * stays flat at 200,000 rows. The caller sends the file and removes it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db, Tx } from '../db/client.ts';
import { openCsvWriter } from './csv-writer.ts';
import type { ExportColumn, ExportFormat, TableWriter } from './table-writer.ts';
import { openXlsxWriter } from './xlsx-writer.ts';

/** A written export, ready to be sent. */
export type ListExport = {
  path: string;
  /** What the file is called when downloaded: `factures-2026-03-15.csv`. */
  fileName: string;
  contentType: string;
  rows: number;
  /** Deletes the file and its folder, once sent. */
  remove: () => Promise<void>;
};

export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** How many rows an export reads per statement. */
export const EXPORT_BATCH_ROWS = 2_000;

/** A column of a list export and how a row of the list fills its cell. */
export type ExportField<Row> = ExportColumn & { cell: (row: Row) => string };

export type ListExportRequest<Row> = {
  format: ExportFormat;
  /** The file's name without its extension: `factures-2026-03-15`. */
  baseName: string;
  /** The XLSX sheet's name. */
  sheetName: string;
  fields: readonly ExportField<Row>[];
  /** The rows in order, batch after batch, read from `tx`. */
  batches: (tx: Tx) => AsyncIterable<readonly Row[]>;
};

/**
 * Writes the export from one snapshot of the database (a read-only repeatable-read
 * transaction), so a payment recorded while the batches are read cannot show an
 * invoice twice, or neither before nor after its change, nor make the totals of the
 * file disagree with themselves. On the embedded database, which is one session,
 * other requests wait meanwhile (docs/PERFORMANCE.md).
 */
export async function writeListExport<Row>(
  db: Db,
  request: ListExportRequest<Row>,
): Promise<ListExport> {
  const dir = await mkdtemp(join(tmpdir(), 'encaisse-export-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const fileName = `${request.baseName}.${request.format}`;
  const path = join(dir, fileName);
  const columns = request.fields.map(({ name, type }) => ({ name, type }));
  let writer: TableWriter | undefined;
  try {
    writer =
      request.format === 'csv'
        ? await openCsvWriter(path, columns)
        : await openXlsxWriter(path, columns, { sheetName: request.sheetName });
    const opened = writer;
    const rows = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (tx) => {
        let written = 0;
        for await (const batch of request.batches(tx)) {
          await opened.writeRows(
            batch.map((row) => request.fields.map((field) => field.cell(row))),
          );
          written += batch.length;
        }
        return written;
      });
    await writer.close();
    return { path, fileName, contentType: EXPORT_CONTENT_TYPES[request.format], rows, remove };
  } catch (error) {
    await writer?.discard();
    await remove();
    throw error;
  }
}
