import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readWholeTable } from '../../test/whole-import-file.ts';
import { openXlsxWriter } from './xlsx-writer.ts';

const dir = mkdtempSync(join(tmpdir(), 'encaisse-xlsx-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const columns = [
  { name: 'name', type: 'text' },
  { name: 'amount', type: 'decimal' },
  { name: 'issue_date', type: 'date' },
] as const;

describe('openXlsxWriter', () => {
  it('writes text with formulas neutralized, decimals as numbers and dates as dates', async () => {
    const path = join(dir, 'cells.xlsx');
    const writer = await openXlsxWriter(path, columns, { sheetName: 'invoices' });
    await writer.writeRows([
      ['=HYPERLINK("http://x","y")', '1234.56', '2026-02-28'],
      ['@SUM(A1)', '-120.50', '2024-12-31'],
      ['Acme "Sud"\nBât. B', '3', ''],
    ]);
    await writer.close();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('invoices');
    const cell = (row: number, column: number) => sheet?.getRow(row).getCell(column);
    expect(cell(2, 1)?.value).toBe(`'=HYPERLINK("http://x","y")`);
    expect(cell(2, 1)?.type).toBe(ExcelJS.ValueType.String);
    expect(cell(3, 1)?.value).toBe(`'@SUM(A1)`);
    expect([cell(2, 2)?.value, cell(2, 2)?.numFmt]).toEqual([1234.56, '0.00']);
    expect([cell(3, 2)?.value, cell(3, 2)?.numFmt]).toEqual([-120.5, '0.00']);
    expect([cell(4, 2)?.value, cell(4, 2)?.numFmt]).toEqual([3, '0']);
    expect(cell(2, 3)?.value).toEqual(new Date('2026-02-28T00:00:00Z'));
    expect(cell(2, 3)?.numFmt).toBe('yyyy-mm-dd');
    expect(cell(4, 3)?.value).toBeNull();

    // And the importer reads it back as the CSV writer would have written it.
    const read = await readWholeTable(readFileSync(path), 'cells.xlsx');
    if (!read.ok) {
      throw new Error(JSON.stringify(read.issues));
    }
    expect(read.table.records.map((record) => Object.values(record.values))).toEqual([
      [`'=HYPERLINK("http://x","y")`, '1234.56', '2026-02-28'],
      [`'@SUM(A1)`, '-120.5', '2024-12-31'],
      ['Acme "Sud"\nBât. B', '3', ''],
    ]);
  });

  it('refuses a decimal a spreadsheet number cannot hold exactly', async () => {
    const path = join(dir, 'big.xlsx');
    const writer = await openXlsxWriter(path, columns, { sheetName: 'invoices' });
    await expect(writer.writeRows([['x', '12345678901234.56', '2026-01-01']])).rejects.toThrow(
      'Not a decimal an XLSX number holds exactly',
    );
    await writer.discard();
    expect(() => readFileSync(path)).toThrow(/ENOENT/);
  });
});
