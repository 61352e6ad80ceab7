/**
 * For tests: a file read or parsed whole, its batches put back together, in the
 * shapes a test can compare at a glance. The product itself only reads batches.
 */
import type {
  CustomerColumn,
  InvoiceColumn,
  PaymentColumn,
} from '../src/imports/table/column-mapping.ts';
import type { CustomerImportRow } from '../src/imports/canonical/customer-rows.ts';
import type { InvoiceImportRow } from '../src/imports/canonical/invoice-rows.ts';
import {
  openImportFile,
  type OpenedImportFile,
  type ParseImportFileOptions,
} from '../src/imports/canonical/parse-import-file.ts';
import type { PaymentImportRow } from '../src/imports/canonical/payment-rows.ts';
import {
  readCsvText,
  readTable,
  type ReadTableOptions,
  type ReadTableResult,
  type Table,
  type TableFormat,
} from '../src/imports/table/read-table.ts';
import type { Issue } from '../src/shared/errors.ts';

/** A file's records all at once, with every line its batches dropped. */
export type WholeTable =
  | { ok: true; format: TableFormat; table: Table; issues: Issue[] }
  | { ok: false; issues: Issue[] };

function whole(read: ReadTableResult): WholeTable {
  if (!read.ok) {
    return read;
  }
  const table: Table = { header: read.header, records: [] };
  const issues: Issue[] = [];
  for (const batch of read.batches()) {
    table.records.push(...batch.records);
    issues.push(...batch.issues);
  }
  return { ok: true, format: read.format, table, issues };
}

/** `readTable`, whole. */
export async function readWholeTable(
  bytes: Uint8Array,
  fileName: string,
  options?: ReadTableOptions,
): Promise<WholeTable> {
  return whole(await readTable(bytes, fileName, options));
}

/** `readCsvText`, whole. */
export function readWholeCsv(text: string, fileName?: string, batchRecords?: number): WholeTable {
  return whole(readCsvText(text, fileName, batchRecords));
}

/** A file parsed whole: `errors` are the file's alone when it is refused, else every line's. */
export type WholeImportFile<Row, Column extends string> = {
  rows: Row[];
  errors: Issue[];
  notices: Issue[];
  columns: Column[];
  format: TableFormat | undefined;
};

type Rows = {
  customers: [CustomerImportRow, CustomerColumn];
  invoices: [InvoiceImportRow, InvoiceColumn];
  payments: [PaymentImportRow, PaymentColumn];
};

/** `openImportFile`, every batch parsed. */
export async function parseWholeImportFile<Kind extends keyof Rows>(
  kind: Kind,
  bytes: Uint8Array,
  fileName: string,
  options?: ParseImportFileOptions,
): Promise<WholeImportFile<Rows[Kind][0], Rows[Kind][1]>> {
  // The overloads of openImportFile take one literal kind at a time.
  const opened = (await openImportFile(
    kind as 'customers',
    bytes,
    fileName,
    options,
  )) as unknown as OpenedImportFile<Rows[Kind][0], Rows[Kind][1]>;
  if (!opened.ok) {
    return {
      rows: [],
      errors: opened.errors,
      notices: opened.notices,
      columns: [],
      format: undefined,
    };
  }
  const file: WholeImportFile<Rows[Kind][0], Rows[Kind][1]> = {
    rows: [],
    errors: [],
    notices: [...opened.notices],
    columns: opened.columns,
    format: opened.format,
  };
  for (const batch of opened.batches()) {
    file.rows.push(...batch.rows);
    file.errors.push(...batch.errors);
    file.notices.push(...batch.notices);
  }
  return file;
}
