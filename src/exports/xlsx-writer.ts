/**
 * Excel workbooks written row by row with exceljs's streaming writer: rows go to
 * the ZIP as they are committed, so a sheet of 200,000 rows never sits whole in
 * memory. Text cells follow the CSV writer's formula rule; `decimal` columns become
 * numbers and `date` columns dates, so the sheet can be summed and sorted.
 */
import type { CellValue } from 'exceljs';
import { neutralizeFormula } from './neutralize-formula.ts';
import {
  assertRowWidth,
  removePartialFile,
  type ExportColumn,
  type ExportColumnType,
  type ExportRow,
  type TableWriter,
} from './table-writer.ts';

const DECIMAL = /^-?(\d+)(?:\.(\d+))?$/;

// A double holds 15 significant decimal digits exactly: up to there the number in the
// file prints back as the very decimal it was made from (1234.56, never 1234.5599…).
const MAX_EXACT_DIGITS = 15;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The number of a `decimal` cell and the format that shows all its decimals (`0.00`). */
function decimalCell(text: string): { value: number; numFmt: string } {
  const match = DECIMAL.exec(text);
  const digits = (match?.[1]?.replace(/^0+/, '') ?? '') + (match?.[2] ?? '');
  if (!match || digits.length > MAX_EXACT_DIGITS) {
    throw new Error(`Not a decimal an XLSX number holds exactly: "${text}"`);
  }
  const decimals = match[2]?.length ?? 0;
  return { value: Number(text), numFmt: decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}` };
}

/** A `YYYY-MM-DD` date as the UTC midnight exceljs turns into the day's serial number. */
function dateCell(text: string): Date {
  const match = DATE.exec(text);
  if (!match) {
    throw new Error(`Not a YYYY-MM-DD date: "${text}"`);
  }
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

function cellOf(text: string, type: ExportColumnType): { value: CellValue; numFmt?: string } {
  if (text === '') {
    return { value: null };
  }
  switch (type) {
    case 'text':
      return { value: neutralizeFormula(text) };
    case 'decimal':
      return decimalCell(text);
    case 'date':
      return { value: dateCell(text), numFmt: 'yyyy-mm-dd' };
  }
}

/**
 * Creates the workbook at `path` (replacing it) with one sheet named `sheetName` and
 * the header row. Between batches the writer yields to the event loop, so the ZIP
 * compresses what was committed before more is added.
 */
export async function openXlsxWriter(
  path: string,
  columns: readonly ExportColumn[],
  options: { sheetName: string },
): Promise<TableWriter> {
  // Loaded on first use, as the importer does: exceljs takes ~0.5 s to import.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(options.sheetName);
  sheet.addRow(columns.map((column) => neutralizeFormula(column.name))).commit();
  return {
    writeRows: async (rows: readonly ExportRow[]) => {
      for (const cells of rows) {
        assertRowWidth(cells, columns);
        const typed = cells.map((text, index) => cellOf(text, columns[index]?.type ?? 'text'));
        const row = sheet.addRow(typed.map((cell) => cell.value));
        typed.forEach((cell, index) => {
          if (cell.numFmt !== undefined) {
            row.getCell(index + 1).numFmt = cell.numFmt;
          }
        });
        row.commit();
      }
      await new Promise(setImmediate);
    },
    close: async () => {
      sheet.commit();
      await workbook.commit();
    },
    discard: async () => {
      // exceljs has no abort: finish the archive, then delete it.
      await workbook.commit().catch(() => undefined);
      await removePartialFile(path);
    },
  };
}
