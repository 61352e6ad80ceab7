/**
 * The one CSV writer of the product: RFC 4180 quoting, UTF-8, formulas neutralized
 * (`neutralize-formula.ts`). Every CSV the product writes goes through it, so no
 * export can forget the quoting or the formula rule.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { neutralizeFormula } from './neutralize-formula.ts';
import {
  assertRowWidth,
  removePartialFile,
  type ExportColumn,
  type ExportRow,
  type TableWriter,
} from './table-writer.ts';

/** How a CSV file is laid out. */
export type CsvLayout = {
  /** `,` (the canonical files of docs/import.md), or `;` for French Excel, or tab. */
  delimiter: ',' | ';' | '\t';
  /** CRLF is RFC 4180's; LF for Unix tools. */
  lineEnding: '\r\n' | '\n';
  /** A UTF-8 byte-order mark, without which Excel reads UTF-8 as Windows-1252 (`SociÃ©tÃ©`). */
  byteOrderMark: boolean;
};

/** RFC 4180 line ends, and a BOM so that Excel shows accents. */
export const DEFAULT_CSV_LAYOUT: CsvLayout = {
  delimiter: ',',
  lineEnding: '\r\n',
  byteOrderMark: true,
};

const UTF8_BOM = '\uFEFF';

/**
 * One field: formula neutralized, then quoted (RFC 4180 §2.6–2.7) when it holds the
 * delimiter, a double quote or a line break, with its double quotes doubled.
 */
export function formatCsvField(value: string, delimiter: CsvLayout['delimiter']): string {
  const text = neutralizeFormula(value);
  const mustQuote =
    text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r');
  return mustQuote ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, line ending included. */
export function formatCsvRecord(values: readonly string[], layout: CsvLayout): string {
  let line = '';
  for (let index = 0; index < values.length; index++) {
    if (index > 0) {
      line += layout.delimiter;
    }
    line += formatCsvField(values[index] ?? '', layout.delimiter);
  }
  return line + layout.lineEnding;
}

/**
 * Opens `path` for writing (replacing it) and writes the header. Rows are encoded a
 * batch at a time and written with back-pressure, so a file of a million lines
 * needs the memory of one batch.
 */
export async function openCsvWriter(
  path: string,
  columns: readonly ExportColumn[],
  layout: CsvLayout = DEFAULT_CSV_LAYOUT,
): Promise<TableWriter> {
  const stream = createWriteStream(path, { encoding: 'utf8' });
  let failure: { error: unknown } | undefined;
  stream.on('error', (error) => {
    failure = { error };
  });
  await once(stream, 'open');
  const write = async (text: string) => {
    if (failure !== undefined) {
      throw failure.error;
    }
    if (!stream.write(text)) {
      await once(stream, 'drain');
    }
  };
  await write(
    (layout.byteOrderMark ? UTF8_BOM : '') +
      formatCsvRecord(
        columns.map((column) => column.name),
        layout,
      ),
  );
  return {
    writeRows: async (rows: readonly ExportRow[]) => {
      let text = '';
      for (const row of rows) {
        assertRowWidth(row, columns);
        text += formatCsvRecord(row, layout);
      }
      if (text !== '') {
        await write(text);
      }
    },
    close: async () => {
      stream.end();
      await finished(stream);
      if (failure !== undefined) {
        throw failure.error;
      }
    },
    discard: async () => {
      stream.destroy();
      await removePartialFile(path);
    },
  };
}
