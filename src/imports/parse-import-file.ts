/**
 * The parse layer of `encaisse import customers|invoices|payments FILE`: bytes in,
 * typed rows, per-line errors and notices out, no database. The service decides
 * what to do with them (atomic import, `--partial`, `--dry-run`; see docs/import.md).
 */
import type { Issue } from '../shared/errors.ts';
import type { CurrencyCode } from '../shared/money.ts';
import type {
  ColumnMapping,
  CustomerColumn,
  ImportKind,
  InvoiceColumn,
  PaymentColumn,
} from './column-mapping.ts';
import { parseCustomerRows, type CustomerImportRow } from './customer-rows.ts';
import type { TextEncodingName } from './decode-text.ts';
import { parseInvoiceRows, type InvoiceImportRow } from './invoice-rows.ts';
import { parsePaymentRows, type PaymentImportRow } from './payment-rows.ts';
import { readTable, type TableFormat } from './read-table.ts';
import { sortIssues, type DecimalMark } from './row-fields.ts';

/** Options of `parseImportFile`, as the CLI flags and the upload form give them. */
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

/**
 * What a file holds once parsed. `errors` are file-level (no `line`; then `rows` is
 * empty) or per line; a line with an error is not in `rows`. `notices` never stop
 * an import. `columns` are the canonical columns the file has, so an update
 * changes only those; `format` is `undefined` when the file could not be read.
 */
export type ParsedImportFile<Row, Column extends string> = {
  rows: Row[];
  errors: Issue[];
  notices: Issue[];
  columns: Column[];
  format: TableFormat | undefined;
};

/** Parses a customers file (CSV or XLSX). */
export function parseImportFile(
  kind: 'customers',
  bytes: Uint8Array,
  fileName: string,
  options?: ParseImportFileOptions,
): Promise<ParsedImportFile<CustomerImportRow, CustomerColumn>>;
/** Parses an invoices file (CSV or XLSX). */
export function parseImportFile(
  kind: 'invoices',
  bytes: Uint8Array,
  fileName: string,
  options?: ParseImportFileOptions,
): Promise<ParsedImportFile<InvoiceImportRow, InvoiceColumn>>;
/** Parses a payments file (CSV or XLSX). */
export function parseImportFile(
  kind: 'payments',
  bytes: Uint8Array,
  fileName: string,
  options?: ParseImportFileOptions,
): Promise<ParsedImportFile<PaymentImportRow, PaymentColumn>>;
/**
 * Decodes, reads, maps and parses an import file: `decodeText` → `readTable` →
 * `mapColumns` → the kind's row parser. Rows dropped by the reader (a line with
 * more values than the header) come back as errors on their line.
 */
export async function parseImportFile(
  kind: ImportKind,
  bytes: Uint8Array,
  fileName: string,
  options: ParseImportFileOptions = {},
): Promise<
  | ParsedImportFile<CustomerImportRow, CustomerColumn>
  | ParsedImportFile<InvoiceImportRow, InvoiceColumn>
  | ParsedImportFile<PaymentImportRow, PaymentColumn>
> {
  const read = await readTable(bytes, fileName, { encoding: options.encoding });
  if (!read.ok) {
    return { rows: [], errors: read.issues, notices: [], columns: [], format: undefined };
  }
  const rowOptions = {
    mapping: options.mapping,
    defaultCurrency: options.defaultCurrency,
    decimalMark: options.decimalMark,
  };
  const parsed =
    kind === 'customers'
      ? parseCustomerRows(read.table, rowOptions)
      : kind === 'invoices'
        ? parseInvoiceRows(read.table, rowOptions)
        : parsePaymentRows(read.table, rowOptions);
  // A file-level error (a missing column) makes line problems moot: report it alone.
  const isFileRefused = parsed.errors.some((issue) => issue.line === undefined);
  return {
    ...parsed,
    errors: isFileRefused ? parsed.errors : sortIssues([...read.issues, ...parsed.errors]),
    format: read.format,
  };
}
