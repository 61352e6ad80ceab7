/**
 * `encaisse demo --export-csv DIR`: the demo ledger written as the canonical import
 * files (`customers.csv`, `invoices.csv`, `payments.csv`, or `.xlsx`), without any
 * database, so that anyone can replay a real import of a known size. The rows stream
 * from the generator to the files batch by batch: size L needs the memory of one
 * batch, not of the ledger.
 */
import { access, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { openCsvWriter } from '../exports/csv-writer.ts';
import type { ExportFormat, TableWriter } from '../exports/table-writer.ts';
import { openXlsxWriter } from '../exports/xlsx-writer.ts';
import { IMPORT_KINDS, type ImportKind } from '../imports/table/column-mapping.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { ConflictError } from '../shared/errors.ts';
import { DEMO_EXPORT_COLUMNS, demoExportRows } from './export-rows.ts';
import { generateDemo, type DemoBatch, type DemoSize } from './generate.ts';

/**
 * The generator checks the company id but does not mix it into the data, and files
 * carry no ids: any valid UUID gives the same files.
 */
export const NO_COMPANY = '00000000-0000-4000-8000-000000000000';

/** One written file and its number of data lines (the header not counted). */
export type DemoExportFile = { kind: ImportKind; path: string; rows: number };

/** What an export wrote, and how many demo records it came from. */
export type DemoExportResult = {
  files: DemoExportFile[];
  /** Demo records: customers, invoices and credit notes, payments (before any split). */
  counts: { customers: number; invoices: number; payments: number };
};

/** Where and how to write. */
export type DemoExportTarget = {
  /** Created if missing; none of the files may exist in it yet. */
  dir: string;
  format: ExportFormat;
  /** The files to write; all three by default. */
  kinds?: readonly ImportKind[] | undefined;
  /** Called after each batch with the records written so far. */
  onBatch?: ((written: DemoExportResult['counts']) => void) | undefined;
};

/** The file name of `kind` in `format`: `customers.csv`, `invoices.xlsx`… */
export function demoExportFileName(kind: ImportKind, format: ExportFormat): string {
  return `${kind}.${format}`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function openWriter(path: string, kind: ImportKind, format: ExportFormat): Promise<TableWriter> {
  return format === 'csv'
    ? openCsvWriter(path, DEMO_EXPORT_COLUMNS[kind])
    : openXlsxWriter(path, DEMO_EXPORT_COLUMNS[kind], { sheetName: kind });
}

/**
 * Writes `batches` (from `generateDemo`, or any part of them) as the canonical files
 * in `target.dir`. Each file is written under a `.partial` name and renamed when all
 * are complete, so a failed export leaves no file that looks whole.
 *
 * @throws ConflictError when one of the files already exists (nothing is replaced).
 */
export async function writeDemoFiles(
  batches: Iterable<DemoBatch>,
  target: DemoExportTarget,
): Promise<DemoExportResult> {
  const kinds = IMPORT_KINDS.filter((kind) => target.kinds?.includes(kind) ?? true);
  await mkdir(target.dir, { recursive: true });
  const files = kinds.map((kind) => ({
    kind,
    path: join(target.dir, demoExportFileName(kind, target.format)),
    rows: 0,
  }));
  for (const file of files) {
    if (await exists(file.path)) {
      throw new ConflictError('export_file_exists', { path: file.path });
    }
  }
  const writers = new Map<ImportKind, TableWriter>();
  const counts = { customers: 0, invoices: 0, payments: 0 };
  try {
    for (const file of files) {
      writers.set(file.kind, await openWriter(`${file.path}.partial`, file.kind, target.format));
    }
    for (const batch of batches) {
      const rows = demoExportRows(batch);
      for (const file of files) {
        await writers.get(file.kind)?.writeRows(rows[file.kind]);
        file.rows += rows[file.kind].length;
      }
      counts.customers += batch.customers.length;
      counts.invoices += batch.invoices.length;
      counts.payments += batch.payments.length;
      target.onBatch?.(counts);
    }
    for (const writer of writers.values()) {
      await writer.close();
    }
  } catch (error) {
    for (const writer of writers.values()) {
      await writer.discard();
    }
    throw error;
  }
  for (const file of files) {
    await rename(`${file.path}.partial`, file.path);
  }
  return { files, counts };
}

/**
 * Generates the demo ledger of (`size`, `seed`, `today`) and writes it as the canonical
 * files: the same arguments give the same CSV files, byte for byte. `customers`
 * overrides the size's customer count (the bench's 219,773-customer file).
 */
export function exportDemo(
  options: {
    size: DemoSize;
    seed: number;
    today: CalendarDate;
    customers?: number | undefined;
  } & DemoExportTarget,
): Promise<DemoExportResult> {
  const batches = generateDemo({
    size: options.size,
    seed: options.seed,
    today: options.today,
    customers: options.customers,
    companyId: NO_COMPANY,
    currency: 'EUR',
  });
  return writeDemoFiles(batches, options);
}
