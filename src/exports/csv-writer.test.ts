import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWholeTable } from '../../test/whole-import-file.ts';
import {
  DEFAULT_CSV_LAYOUT,
  formatCsvField,
  formatCsvRecord,
  openCsvWriter,
  type CsvLayout,
} from './csv-writer.ts';

const dir = mkdtempSync(join(tmpdir(), 'encaisse-csv-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('formatCsvField', () => {
  it.each([
    ['Boulangerie Martin', 'Boulangerie Martin'],
    ['Acme "Sud"', '"Acme ""Sud"""'],
    ['12 rue de la Paix\nBât. B', '"12 rue de la Paix\nBât. B"'],
    ['ligne\r\nsuivante', '"ligne\r\nsuivante"'],
    ['Dupont, Fils & Cie', '"Dupont, Fils & Cie"'],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1', `'+1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['-2+3', `'-2+3`],
    ['-120.50', '-120.50'],
    ['', ''],
  ])('writes %j as %j', (value, expected) => {
    expect(formatCsvField(value, ',')).toBe(expected);
  });

  it('quotes on the layout’s delimiter only', () => {
    expect(formatCsvField('1 234,56', ';')).toBe('1 234,56');
    expect(formatCsvField('a;b', ';')).toBe('"a;b"');
    expect(formatCsvField('a;b', ',')).toBe('a;b');
  });
});

describe('formatCsvRecord', () => {
  it('joins the fields with the delimiter and ends the line as the layout says', () => {
    const semicolons: CsvLayout = { delimiter: ';', lineEnding: '\n', byteOrderMark: false };
    expect(formatCsvRecord(['C1', 'Acme; Sud', '-120.50', ''], semicolons)).toBe(
      'C1;"Acme; Sud";-120.50;\n',
    );
    expect(formatCsvRecord(['C1', '=1+1'], DEFAULT_CSV_LAYOUT)).toBe(`C1,'=1+1\r\n`);
  });
});

describe('openCsvWriter', () => {
  const columns = [
    { name: 'code', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'amount', type: 'decimal' },
  ] as const;

  it('writes a UTF-8 BOM, the header and the rows, which the importer reads back as written', async () => {
    const path = join(dir, 'tricky.csv');
    const writer = await openCsvWriter(path, columns);
    await writer.writeRows([
      ['C1', 'Société "Générale", Paris', '1234.56'],
      ['C2', '=HYPERLINK("http://x","y")', '-120.50'],
    ]);
    await writer.writeRows([['C3', '12 rue de la Paix\nBât. B', '0.01']]);
    await writer.close();

    const bytes = readFileSync(path);
    expect(bytes.toString('utf8')).toBe(
      '\uFEFFcode,name,amount\r\n' +
        'C1,"Société ""Générale"", Paris",1234.56\r\n' +
        `C2,"'=HYPERLINK(""http://x"",""y"")",-120.50\r\n` +
        'C3,"12 rue de la Paix\nBât. B",0.01\r\n',
    );
    const read = await readWholeTable(bytes, 'tricky.csv');
    if (!read.ok) {
      throw new Error(JSON.stringify(read.issues));
    }
    expect(read.table.records.map((record) => Object.values(record.values))).toEqual([
      ['C1', 'Société "Générale", Paris', '1234.56'],
      ['C2', `'=HYPERLINK("http://x","y")`, '-120.50'],
      ['C3', '12 rue de la Paix\nBât. B', '0.01'],
    ]);
  });

  it('refuses a row that has not one cell per column', async () => {
    const writer = await openCsvWriter(join(dir, 'short.csv'), columns);
    await expect(writer.writeRows([['C1', 'Acme']])).rejects.toThrow('2 cells for 3 columns');
    await writer.discard();
  });

  it('deletes the file when discarded', async () => {
    const path = join(dir, 'discarded.csv');
    const writer = await openCsvWriter(path, columns);
    await writer.writeRows([['C1', 'Acme', '1.00']]);
    await writer.discard();
    expect(() => readFileSync(path)).toThrow(/ENOENT/);
  });
});
