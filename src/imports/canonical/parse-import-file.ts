/**
 * The parse layer of `encaisse import customers|invoices|payments|orders FILE`: bytes in,
 * typed rows, per-line errors and notices out, no database. The service decides
 * what to do with them (atomic import, `--partial`, `--dry-run`; see docs/import.md).
 */
import type { Issue } from '../../shared/errors.ts';
import type { CurrencyCode } from '../../shared/money.ts';
import type {
  CanonicalKind,
  ColumnMapping,
  CustomerColumn,
  InvoiceColumn,
  OrderColumn,
  PaymentColumn,
} from '../table/column-mapping.ts';
import { parseCustomerRows, type CustomerImportRow } from './customer-rows.ts';
import type { TextEncodingName } from '../decode-text.ts';
import { parseInvoiceRows, type InvoiceImportRow } from './invoice-rows.ts';
import { parseOrderRows, type OrderImportRow } from './order-rows.ts';
import type { ParsedRows } from '../table/parse-rows.ts';
import { parsePaymentRows, type PaymentImportRow } from './payment-rows.ts';
import {
  readTable,
  TABLE_BATCH_RECORDS,
  type ReadTableResult,
  type Table,
  type TableFormat,
} from '../table/read-table.ts';
import {
  createDuplicateDetector,
  sortIssues,
  type DecimalMark,
  type DuplicateDetector,
} from '../table/row-fields.ts';

/** Options of `openImportFile`, as the CLI flags and the upload form give them. */
export type ParseImportFileOptions = {
  /** `--encoding`: how to decode a CSV file that has no byte-order mark. */
  encoding?: TextEncodingName | undefined;
  /** `--map` (see `parseMappingOption`): canonical column → the file's column name. */
  mapping?: ColumnMapping | undefined;
  /** The company's currency, for rows with an empty `currency` cell and for credit limits. */
  defaultCurrency?: CurrencyCode | undefined;
  /** `--decimal-mark`: settles amounts such as `1.234` that are otherwise refused as ambiguous. */
  decimalMark?: DecimalMark | undefined;
};

/** One batch of a file, parsed: its valid rows, the issues of its refused lines, its notices. */
export type ImportBatch<Row> = { rows: Row[]; errors: Issue[]; notices: Issue[] };

/**
 * A file opened for import. Not `ok`: the whole file is refused (unreadable, a
 * missing or ambiguous column) and `errors` say why, without lines to reject one
 * by one. `ok`: `columns` are the canonical columns the file has, so an update
 * changes only those; `notices` are the file's own (aliases, ignored columns);
 * `batches` parses the records a batch at a time, afresh on each call, and refuses
 * a business key seen on an earlier line of the file, in any batch.
 */
export type OpenedImportFile<Row, Column extends string> =
  | { ok: false; errors: Issue[]; notices: Issue[] }
  | {
      ok: true;
      format: TableFormat;
      columns: Column[];
      notices: Issue[];
      batches: () => Iterable<ImportBatch<Row>>;
    };

/**
 * Records per batch of each kind (ADR 15). A customer's row is wide (addresses, contacts,
 * terms), and a re-import holds, for each batch, its records, its rows and the stored
 * customers they are compared with: at 20,000 the re-import of 60,000 customers reached a
 * 150 MB heap (`import-memory.test.ts`), at 10,000 it stays under 110 MB. Invoices and
 * payments are narrow and their files the longest: they keep the faster 20,000, and so do
 * orders, whose batch reads each of its customers' credit once.
 */
const BATCH_RECORDS: Readonly<Record<CanonicalKind, number>> = {
  customers: 10_000,
  invoices: TABLE_BATCH_RECORDS,
  payments: TABLE_BATCH_RECORDS,
  orders: TABLE_BATCH_RECORDS,
};

/** Opens a customers file (CSV or XLSX). */
export function openImportFile(
  kind: 'customers',
  bytes: Uint8Array,
  fileName: string,
  options?: ParseImportFileOptions,
): Promise<OpenedImportFile<CustomerImportRow, CustomerColumn>>;
/** Opens an invoices file (CSV or XLSX). */
export function openImportFile(
  kind: 'invoices',
  bytes: Uint8Array,
  fileName: string,
  options?: ParseImportFileOptions,
): Promise<OpenedImportFile<InvoiceImportRow, InvoiceColumn>>;
/** Opens a payments file (CSV or XLSX). */
export function openImportFile(
  kind: 'payments',
  bytes: Uint8Array,
  fileName: string,
  options?: ParseImportFileOptions,
): Promise<OpenedImportFile<PaymentImportRow, PaymentColumn>>;
/** Opens an orders file (CSV or XLSX). */
export function openImportFile(
  kind: 'orders',
  bytes: Uint8Array,
  fileName: string,
  options?: ParseImportFileOptions,
): Promise<OpenedImportFile<OrderImportRow, OrderColumn>>;
/**
 * Decodes and reads an import file, then maps its header (`decodeText` →
 * `readTable` → `mapColumns`); each batch then goes through the kind's row parser.
 * Rows dropped by the reader (a line with more values than the header) come back
 * as errors on their line.
 */
export async function openImportFile(
  kind: CanonicalKind,
  bytes: Uint8Array,
  fileName: string,
  options: ParseImportFileOptions = {},
): Promise<
  | OpenedImportFile<CustomerImportRow, CustomerColumn>
  | OpenedImportFile<InvoiceImportRow, InvoiceColumn>
  | OpenedImportFile<PaymentImportRow, PaymentColumn>
  | OpenedImportFile<OrderImportRow, OrderColumn>
> {
  const read = await readTable(bytes, fileName, {
    encoding: options.encoding,
    batchRecords: BATCH_RECORDS[kind],
  });
  if (!read.ok) {
    return { ok: false, errors: read.issues, notices: [] };
  }
  const rowOptions = {
    mapping: options.mapping,
    defaultCurrency: options.defaultCurrency,
    decimalMark: options.decimalMark,
  };
  switch (kind) {
    case 'customers':
      return openRows(read, (table, firstLineOf) =>
        parseCustomerRows(table, { ...rowOptions, firstLineOf }),
      );
    case 'invoices':
      return openRows(read, (table, firstLineOf) =>
        parseInvoiceRows(table, { ...rowOptions, firstLineOf }),
      );
    case 'payments':
      return openRows(read, (table, firstLineOf) =>
        parsePaymentRows(table, { ...rowOptions, firstLineOf }),
      );
    case 'orders':
      return openRows(read, (table, firstLineOf) =>
        parseOrderRows(table, { ...rowOptions, firstLineOf }),
      );
  }
}

function openRows<Row, Column extends string>(
  read: Extract<ReadTableResult, { ok: true }>,
  parse: (table: Table, firstLineOf: DuplicateDetector) => ParsedRows<Row, Column>,
): OpenedImportFile<Row, Column> {
  // The header alone says whether the columns are there, and gives the file's notices.
  const opened = parse({ header: read.header, records: [] }, createDuplicateDetector());
  if (opened.errors.length > 0) {
    return { ok: false, errors: opened.errors, notices: opened.notices };
  }
  return {
    ok: true,
    format: read.format,
    columns: opened.columns,
    notices: opened.notices,
    batches: function* () {
      const firstLineOf = createDuplicateDetector();
      for (const batch of read.batches()) {
        const parsed = parse({ header: read.header, records: batch.records }, firstLineOf);
        yield {
          rows: parsed.rows,
          errors: sortIssues([...batch.issues, ...parsed.errors]),
          // The header's notices come with every batch: they are the file's, said once.
          notices: parsed.notices.filter((notice) => notice.line !== undefined),
        };
      }
    },
  };
}
