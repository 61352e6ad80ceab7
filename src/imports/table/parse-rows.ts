/**
 * The loop the three row parsers share: map the columns, read each record into a
 * partial row, refuse a business key seen on an earlier line, and keep either the
 * completed row or its issues (in column order). Each kind supplies only what
 * differs: how to read a record, its key, how to complete a row.
 */
import type { Issue } from '../../shared/errors.ts';
import { findUnstorableCharacter } from '../../shared/text.ts';
import {
  mapColumns,
  type ColumnMapping,
  type ColumnSpec,
  type MappedRecord,
} from './column-mapping.ts';
import type { Table } from './read-table.ts';
import {
  addIssue,
  createDuplicateDetector,
  orderByColumn,
  quote,
  sortIssues,
  type DecimalMark,
  type DuplicateDetector,
  type RowContext,
} from './row-fields.ts';

/**
 * A row's business key and how to name it when it repeats: the `duplicate_in_file`
 * variant that says what the key is (`customer_code`, `invoice_number`…) and its text.
 */
export type RowKey<Column extends string> = {
  column: Column;
  key: string;
  variant: string;
  value: string;
};

export type RowKind<Column extends string, Partial, Row> = {
  /** Its columns in canonical order (a line's issues come in that order), aliases, required ones. */
  spec: ColumnSpec<Column>;
  read: (context: RowContext, record: MappedRecord<Column>, notices: Issue[]) => Partial;
  keyOf: (row: Partial) => RowKey<Column> | undefined;
  /** Called only for rows without issues; may add notices. */
  complete: (row: Partial, notices: Issue[]) => Row;
};

export type ParsedRows<Row, Column extends string> = {
  rows: Row[];
  errors: Issue[];
  notices: Issue[];
  columns: Column[];
};

/** The spec's required columns, and `currency` too when no default currency fills it in. */
export function requiredColumns<Column extends string>(
  spec: ColumnSpec<Column | 'currency'>,
  defaultCurrency: string | undefined,
): readonly (Column | 'currency')[] {
  return defaultCurrency === undefined ? [...spec.required, 'currency'] : spec.required;
}

export function parseRows<Column extends string, Partial, Row>(
  table: Table,
  options: {
    mapping?: ColumnMapping | undefined;
    required?: readonly Column[] | undefined;
    decimalMark?: DecimalMark | undefined;
    firstLineOf?: DuplicateDetector | undefined;
  },
  kind: RowKind<Column, Partial, Row>,
): ParsedRows<Row, Column> {
  const mapped = mapColumns(kind.spec, table, {
    mapping: options.mapping,
    required: options.required,
  });
  if (!mapped.ok) {
    return { rows: [], errors: mapped.errors, notices: mapped.notices, columns: [] };
  }
  const rows: Row[] = [];
  const errors: Issue[] = [];
  const notices = [...mapped.notices];
  const firstLineOf = options.firstLineOf ?? createDuplicateDetector();
  for (const record of mapped.records) {
    const context: RowContext = { line: record.line, errors: [], decimalMark: options.decimalMark };
    refuseUnstorableCells(context, record, mapped.columns);
    const row = kind.read(context, record, notices);
    const key = kind.keyOf(row);
    const firstLine = key && firstLineOf(key.key, record.line);
    if (key && firstLine !== undefined) {
      addIssue(context, key.column, 'duplicate_in_file', {
        value: quote(key.value),
        firstLine,
        context: key.variant,
      });
    }
    if (context.errors.length > 0) {
      errors.push(...orderByColumn(context.errors, kind.spec.columns));
    } else {
      rows.push(kind.complete(row, notices));
    }
  }
  return { rows, errors: sortIssues(errors), notices, columns: mapped.columns };
}

/**
 * A cell holding a NUL or a lone surrogate rejects its line. Decoded CSV text never
 * has one (decode-text.ts refuses the file), but a workbook can: Excel writes them
 * `_x0000_`, `_xD800_`, which exceljs turns back into the characters.
 */
function refuseUnstorableCells<Column extends string>(
  context: RowContext,
  record: MappedRecord<Column>,
  columns: readonly Column[],
): void {
  for (const column of columns) {
    const found = findUnstorableCharacter(record.cell(column));
    if (found !== undefined) {
      addIssue(context, column, 'invalid_character', {
        field: column,
        codePoint: found.codePoint,
        position: found.index + 1,
        context: found.codePoint === 'U+0000' ? 'nul' : 'surrogate',
      });
    }
  }
}
