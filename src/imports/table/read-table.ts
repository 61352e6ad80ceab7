/**
 * Reads an uploaded CSV or XLSX file into one uniform table of strings: a
 * normalized header and records that remember the line they came from, so every
 * later error can say "line 12". Nothing here knows what a customer or an invoice
 * is; that is the row parsers' job.
 */
import type { CellValue } from 'exceljs';
import Papa from 'papaparse';

import { fieldIssue, type Issue } from '../../shared/errors.ts';
import type { MessageCode, MessageParams } from '../../shared/messages/catalogue.ts';
import { decodeText, type TextEncodingName } from '../decode-text.ts';
import { findZipProblem } from './inspect-zip.ts';
import { MAX_CELL_LENGTH, MAX_IMPORT_FILE_BYTES, mebibytes } from './limits.ts';

/** One data row: its 1-based line in the file (Excel row number for XLSX) and its cells by header name. */
export type TableRecord = { line: number; values: Record<string, string> };

/**
 * Records as strings under their header. `header` holds normalized names (see
 * `normalizeHeaderName`), in file order, duplicates and empty names included;
 * `values` has one entry per distinct non-empty header name (the first column of
 * that name wins). A file is read as a sequence of such tables, one per batch.
 */
export type Table = { header: string[]; records: TableRecord[] };

/**
 * One batch of a file's records, in file order, and the lines of that stretch
 * dropped because their shape is wrong (more values than the header has columns).
 */
export type TableBatch = { records: TableRecord[]; issues: Issue[] };

/**
 * Records a batch holds at most. An import plans and writes one batch at a time,
 * so what it holds in memory does not grow with the file (ADR 15).
 */
export const TABLE_BATCH_RECORDS = 20_000;

/** The two formats `readTable` understands. */
export type TableFormat = 'csv' | 'xlsx';

/** Options of `readTable`. */
export type ReadTableOptions = {
  /** Encoding of a CSV file without byte-order mark (see decode-text.ts). */
  encoding?: TextEncodingName | undefined;
  /** Records a batch holds at most: `TABLE_BATCH_RECORDS` unless the caller's rows are wider. */
  batchRecords?: number | undefined;
};

/**
 * `readTable`'s answer. When not `ok`, `issues` say why the whole file is refused;
 * every check that refuses a whole file (encoding, an unclosed quote, a cell too
 * long, no header) is made before the first batch. `batches` reads the records
 * afresh on each call, so a transaction retried from the start reads them again.
 */
export type ReadTableResult =
  | { ok: true; format: TableFormat; header: string[]; batches: () => Iterable<TableBatch> }
  | { ok: false; issues: Issue[] };

/** Delimiters a CSV file may use; French Excel writes `;` because `,` is the decimal mark. */
export const CSV_DELIMITERS = [';', ',', '\t', '|'] as const;

/** A delimiter a CSV file may use. */
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46];

/**
 * Reads a CSV or XLSX file. The format comes from the content (an XLSX file is a
 * ZIP archive), not from the name, which users rename freely; a name ending in
 * `.xlsx`/`.xls` on something that is not a workbook is refused rather than read as
 * text. A file past the limits of limits.ts is refused before the work they bound.
 */
export async function readTable(
  bytes: Uint8Array,
  fileName: string,
  options: ReadTableOptions = {},
): Promise<ReadTableResult> {
  if (bytes.length === 0) {
    return refuse('empty_file', { file: fileName });
  }
  if (bytes.length > MAX_IMPORT_FILE_BYTES) {
    return refuse('file_too_large', fileTooLargeParams(fileName, bytes.length));
  }
  const batchRecords = options.batchRecords ?? TABLE_BATCH_RECORDS;
  if (startsWith(bytes, ZIP_SIGNATURE)) {
    return readXlsx(bytes, fileName, batchRecords);
  }
  if (startsWith(bytes, OLE2_SIGNATURE)) {
    return refuse('unsupported_format', { file: fileName, context: 'xls' });
  }
  if (startsWith(bytes, PDF_SIGNATURE) || /\.(xlsx|xlsm|xls|ods|pdf)$/i.test(fileName)) {
    return refuse('unsupported_format', { file: fileName, context: 'not_table' });
  }
  const decoded = decodeText(bytes, fileName, { encoding: options.encoding });
  if (!decoded.ok) {
    return { ok: false, issues: [decoded.issue] };
  }
  return readCsvText(decoded.value.text, fileName, batchRecords);
}

/**
 * Normalizes a column name so that `Code client`, `code-client` and `CODE_CLIENT`
 * meet: trimmed, lower case, accents removed, and every run of anything other than
 * a letter or digit (spaces, dashes, `°`, parentheses) turned into one `_`, so
 * `N° facture` becomes `n_facture` and `Montant TTC (€)` becomes `montant_ttc`.
 */
export function normalizeHeaderName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * Picks the delimiter from the header line, the one line that holds no amounts:
 * counting on data lines would let `1234,56` outvote the `;` of a French file.
 * The most frequent candidate outside quotes wins, ties in `CSV_DELIMITERS` order;
 * a header with none of them is a one-column file.
 */
export function detectCsvDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>();
  let isQuoted = false;
  let hasContent = false;
  for (const char of text) {
    if (char === '"') {
      isQuoted = !isQuoted;
    } else if (isQuoted) {
      continue;
    } else if (char === '\n' || char === '\r') {
      // Blank lines before the header are skipped; the header line ends the scan.
      if (hasContent) {
        break;
      }
    } else if (isCsvDelimiter(char)) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
    } else if (char.trim() !== '') {
      hasContent = true;
    }
  }
  let best: CsvDelimiter = ',';
  let bestCount = 0;
  for (const delimiter of CSV_DELIMITERS) {
    const count = counts.get(delimiter) ?? 0;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

function isCsvDelimiter(char: string): char is CsvDelimiter {
  return (CSV_DELIMITERS as readonly string[]).includes(char);
}

/**
 * Reads CSV text (already decoded). Quoted fields may hold delimiters, quotes
 * (`""`) and line breaks; `line` is the physical line where a record starts, so a
 * record after a quoted two-line address is numbered as an editor shows it. Lines
 * that are empty or hold only delimiters (Excel pads with `;;;`) are skipped.
 *
 * Every line end (CRLF, LF, a lone CR, mixed in one file) ends a record outside
 * quotes: they are all written as LF first. papaparse otherwise guesses one newline
 * from the first line, and a file whose header ends in CRLF and whose rows end in LF
 * (a header typed in Excel, rows appended by a script) became a single record, the
 * next customer's code inside the previous one's name. So an unquoted value can no
 * longer hold a line break, and a quoted one keeps it as LF.
 *
 * A first pass checks the whole text and notes where each batch starts (papaparse's
 * cursor, so a boundary is never inside a quoted value); each batch is then parsed
 * from its own slice when it is read. Parsing twice costs ~0.3 s for 200,000 lines
 * and keeps one batch of records in memory instead of the whole file as objects.
 */
export function readCsvText(
  text: string,
  fileName = 'file',
  batchRecords = TABLE_BATCH_RECORDS,
): ReadTableResult {
  const input = (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  const delimiter = detectCsvDelimiter(input);
  const scan = scanCsv(input, delimiter, batchRecords);
  if (scan.longCell !== undefined) {
    // In a CSV file this is nearly always a stray quote that swallowed the lines after it.
    return refuse(
      'cell_too_long',
      { ...cellTooLongParams(fileName, scan.longCell), context: 'in_csv' },
      scan.longCell.line,
    );
  }
  if (scan.unclosedQuoteLine !== undefined) {
    return refuse(
      'malformed_csv',
      { file: fileName, line: scan.unclosedQuoteLine },
      scan.unclosedQuoteLine,
    );
  }
  if (scan.header === undefined) {
    return refuse('empty_file', { file: fileName, context: 'no_header' });
  }
  const header = scan.header.map(normalizeHeaderName);
  const { starts } = scan;
  return {
    ok: true,
    format: 'csv',
    header,
    batches: function* () {
      for (const [index, start] of starts.entries()) {
        const end = starts[index + 1]?.cursor ?? input.length;
        const rows = csvRows(input.slice(start.cursor, end), delimiter, start.line);
        yield shapedBatch(header, rows, delimiter);
      }
    },
  };
}

/** Where a batch of records starts in the text: its character offset and its line. */
type BatchStart = { cursor: number; line: number };

type CsvScan = {
  header: string[] | undefined;
  starts: BatchStart[];
  unclosedQuoteLine: number | undefined;
  longCell: { line: number; length: number } | undefined;
};

/** The first pass of `readCsvText`: what refuses the file, the header, where batches start. */
function scanCsv(input: string, delimiter: CsvDelimiter, batchRecords: number): CsvScan {
  const scan: CsvScan = {
    header: undefined,
    starts: [],
    unclosedQuoteLine: undefined,
    longCell: undefined,
  };
  let dataRows = 0;
  forEachCsvRow(input, delimiter, 1, (row, result, parser) => {
    if (result.errors.some((error) => error.code === 'MissingQuotes')) {
      scan.unclosedQuoteLine ??= row.line;
    }
    const length = longestCell(row.fields);
    if (length > MAX_CELL_LENGTH) {
      scan.longCell = { line: row.line, length };
      parser.abort();
    }
    if (isBlank(row.fields)) {
      return;
    }
    if (scan.header === undefined) {
      scan.header = row.fields;
    } else {
      if (dataRows % batchRecords === 0) {
        scan.starts.push({ cursor: row.start, line: row.line });
      }
      dataRows += 1;
    }
  });
  return scan;
}

type CsvRow = { line: number; start: number; fields: string[] };

/**
 * Runs papaparse over `input`, numbering each row by the physical line it starts
 * on (`firstLine` for the first). papaparse does not report line numbers, so each
 * row's first line is counted from the cursor: the text between two cursors is
 * exactly one row. Empty lines are kept (skipEmptyLines: false) so that no row is
 * skipped between cursors.
 */
function forEachCsvRow(
  input: string,
  delimiter: CsvDelimiter,
  firstLine: number,
  onRow: (row: CsvRow, result: Papa.ParseStepResult<string[]>, parser: Papa.Parser) => void,
): void {
  let nextLine = firstLine;
  let previousCursor = 0;
  // papaparse drops a U+FEFF that starts what it parses, and counts its cursor without
  // it: a batch beginning on a row that starts with a stray one would shift every line.
  const dropped = input.startsWith('\uFEFF') ? 1 : 0;
  Papa.parse<string[]>(input, {
    delimiter,
    newline: '\n',
    skipEmptyLines: false,
    step: (result, parser) => {
      const cursor = result.meta.cursor + dropped;
      const row = { line: nextLine, start: previousCursor, fields: result.data };
      nextLine += countLineBreaks(input, previousCursor, cursor);
      previousCursor = cursor;
      onRow(row, result, parser);
    },
  });
}

/** The non-blank rows of one batch's slice of the text. */
function csvRows(slice: string, delimiter: CsvDelimiter, firstLine: number): CsvRow[] {
  const rows: CsvRow[] = [];
  forEachCsvRow(slice, delimiter, firstLine, (row) => {
    if (!isBlank(row.fields)) {
      rows.push(row);
    }
  });
  return rows;
}

/**
 * A batch's records by header name. A row with more values than the header has
 * columns is dropped with an issue on its line: with `,` as delimiter an unquoted
 * `1234,56` splits into two cells and every later value lands in the wrong column.
 */
function shapedBatch(
  header: readonly string[],
  rows: readonly CsvRow[],
  delimiter: CsvDelimiter,
): TableBatch {
  const records: TableRecord[] = [];
  const issues: Issue[] = [];
  for (const row of rows) {
    const extra = row.fields.slice(header.length).filter((field) => field.trim() !== '');
    if (extra.length > 0) {
      issues.push(
        fieldIssue(
          'row',
          'too_many_values',
          { line: row.line, values: row.fields.length, columns: header.length, delimiter },
          row.line,
        ),
      );
      continue;
    }
    records.push({ line: row.line, values: valuesByHeader(header, row.fields) });
  }
  return { records, issues };
}

/** A line that is empty or holds only delimiters or spaces. */
function isBlank(fields: readonly string[]): boolean {
  return !fields.some((field) => field.trim() !== '');
}

/** Line breaks in `text[start, end)`; the text has only LF ones (see `readCsvText`). */
function countLineBreaks(text: string, start: number, end: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', start); index >= 0 && index < end;) {
    count += 1;
    index = text.indexOf('\n', index + 1);
  }
  return count;
}

/** Cells by header name; a missing trailing cell reads as empty, a repeated name keeps its first column. */
function valuesByHeader(
  header: readonly string[],
  fields: readonly string[],
): Record<string, string> {
  const values: Record<string, string> = {};
  header.forEach((name, index) => {
    if (name !== '' && !Object.hasOwn(values, name)) {
      values[name] = fields[index] ?? '';
    }
  });
  return values;
}

/**
 * Reads the first worksheet of an XLSX workbook. Its first non-empty row is the
 * header; `line` is the Excel row number, so messages point at what the user sees.
 */
async function readXlsx(
  bytes: Uint8Array,
  fileName: string,
  batchRecords: number,
): Promise<ReadTableResult> {
  const problem = await findZipProblem(bytes);
  if (problem?.kind === 'too_large') {
    return refuse('file_too_large', {
      file: fileName,
      ...problem.params,
      context: problem.context,
    });
  }
  if (problem !== undefined) {
    // The ZIP reader could not read the archive itself: the file is damaged or cut short.
    return refuse('unsupported_format', {
      file: fileName,
      detail: problem.detail,
      context: 'damaged_zip',
    });
  }
  // Loaded on first use: exceljs takes ~0.5 s to import, which every CLI command paid.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs (through JSZip) takes an ArrayBuffer; `slice` gives one of exactly the file's bytes.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (error) {
    // exceljs's words (often a TypeError of its own: "Cannot read properties of
    // undefined") name no cause a user can act on: the sentence says what to do, and
    // they follow it only as a detail for support.
    const detail = error instanceof Error ? error.message : String(error);
    return refuse('unsupported_format', { file: fileName, detail, context: 'not_workbook' });
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) {
    return refuse('empty_file', { file: fileName, context: 'no_worksheet' });
  }
  const is1904 = workbook.properties.date1904;
  const rows: { line: number; fields: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const fields: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      fields[columnNumber - 1] = cellText(cell.value, cell.numFmt, is1904);
    });
    rows.push({ line: rowNumber, fields: Array.from(fields, (field) => field ?? '') });
  });
  const longCell = rows
    .map((row) => ({ line: row.line, length: longestCell(row.fields) }))
    .find((row) => row.length > MAX_CELL_LENGTH);
  if (longCell !== undefined) {
    return refuse('cell_too_long', cellTooLongParams(fileName, longCell), longCell.line);
  }
  const nonEmpty = rows.filter((row) => !isBlank(row.fields));
  const [headerRow, ...dataRows] = nonEmpty;
  if (headerRow === undefined) {
    return refuse('empty_file', { file: fileName, context: 'empty_sheet' });
  }
  const header = headerRow.fields.map(normalizeHeaderName);
  // The workbook is in memory whole anyway (exceljs has no random access to a
  // sheet), bounded by MAX_WORKBOOK_UNZIPPED_BYTES; records are built per batch.
  return {
    ok: true,
    format: 'xlsx',
    header,
    batches: function* () {
      for (let start = 0; start < dataRows.length; start += batchRecords) {
        const records = dataRows.slice(start, start + batchRecords).map((row) => ({
          line: row.line,
          values: valuesByHeader(header, row.fields),
        }));
        yield { records, issues: [] };
      }
    },
  };
}

/**
 * Converts a cell to the string the user sees, deterministically: dates as
 * `YYYY-MM-DD`, numbers as plain decimals with a dot, formulas as their cached
 * result, rich text and hyperlinks as their text, errors as `#N/A`-style codes.
 */
export function cellText(value: CellValue, numFmt: string | undefined, is1904 = false): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number') {
    if (numFmt !== undefined && isDateFormat(numFmt)) {
      return serialToIsoDate(value, is1904);
    }
    return formatCellNumber(value, numFmt);
  }
  if (typeof value === 'boolean') {
    return value ? 'true' : 'false';
  }
  if (value instanceof Date) {
    // exceljs builds dates at UTC midnight of the serial's day (plus its time of day).
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  }
  if ('richText' in value) {
    return value.richText.map((run) => run.text).join('');
  }
  if ('error' in value) {
    return value.error;
  }
  if ('hyperlink' in value) {
    return cellText(value.text, undefined, is1904);
  }
  return cellText(value.result, numFmt, is1904);
}

/**
 * Whether an Excel number format displays a date: it has a day, month or year
 * token once quoted literals, `[…]` sections (colours, locales) and escaped
 * characters are removed. `General` and `0.00 €` have none.
 */
function isDateFormat(numFmt: string): boolean {
  const tokens = numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[dmy]/i.test(tokens) && !/general/i.test(tokens);
}

const MS_PER_DAY = 86_400_000;
// Serial 0 of the 1900 system is 1899-12-30 because Excel keeps Lotus's
// nonexistent 29/02/1900; dates after it (every business date) come out right.
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

function serialToIsoDate(serial: number, is1904: boolean): string {
  const epoch = is1904 ? EPOCH_1904 : EPOCH_1900;
  return new Date(epoch + Math.floor(serial) * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Writes a cell number as a plain decimal with a dot. Excel shows 15 significant
 * digits and files may store the binary noise beyond them (`0.30000000000000004`,
 * `1234.5599999999999`), so the value is rounded to 15 digits first. A format made
 * only of zeros (`00000`, French postal codes, SIREN) keeps its leading zeros.
 */
function formatCellNumber(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) {
    return '';
  }
  const text = toPlainDecimal(Number(value.toPrecision(15)));
  if (numFmt !== undefined && /^0+$/.test(numFmt) && /^\d+$/.test(text)) {
    return text.padStart(numFmt.length, '0');
  }
  return text;
}

/** `1.5e-7` → `0.00000015`, `1e21` → `1000000000000000000000`: never an exponent. */
function toPlainDecimal(value: number): string {
  if (value === 0) {
    return '0';
  }
  const [mantissa = '0', exponentText = '0'] = value.toExponential().split('e');
  const isNegative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const pointIndex = Number(exponentText) + 1;
  let plain: string;
  if (pointIndex <= 0) {
    plain = `0.${'0'.repeat(-pointIndex)}${digits}`;
  } else if (pointIndex >= digits.length) {
    plain = digits + '0'.repeat(pointIndex - digits.length);
  } else {
    plain = `${digits.slice(0, pointIndex)}.${digits.slice(pointIndex)}`;
  }
  return isNegative ? `-${plain}` : plain;
}

function longestCell(fields: readonly string[]): number {
  return fields.reduce((longest, field) => Math.max(longest, field.length), 0);
}

/** The parameters of the `file_too_large` message; also said by the CLI, which checks first. */
export function fileTooLargeParams(fileName: string, size: number): MessageParams {
  return {
    file: fileName,
    size: mebibytes(size),
    max: mebibytes(MAX_IMPORT_FILE_BYTES),
  };
}

function cellTooLongParams(
  fileName: string,
  cell: { line: number; length: number },
): MessageParams {
  return { file: fileName, line: cell.line, length: cell.length, max: MAX_CELL_LENGTH };
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** The whole file refused: the catalogue's `code` said with `params`, at `line` if known. */
function refuse(code: MessageCode, params: MessageParams, line?: number): ReadTableResult {
  return { ok: false, issues: [fieldIssue('file', code, params, line)] };
}
