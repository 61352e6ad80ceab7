import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildZip, repeated, workbookMembers } from '../../../test/zip-archive.ts';
import { messageOf } from '../../shared/messages/catalogue.ts';
import { MAX_IMPORT_FILE_BYTES } from './limits.ts';
import { readWholeCsv, readWholeTable } from '../../../test/whole-import-file.ts';

const MIB = 1024 * 1024;
/** Deflating a bomb of 1 GB takes a few seconds on a busy machine. */
const BOMB_TIMEOUT = 60_000;

describe('readTable on files built to exhaust memory', () => {
  it('reads the small workbook the bombs below are made of', async () => {
    const workbook = await buildZip(workbookMembers(() => repeated(0x41, 10, 1)));

    expect(await readWholeTable(workbook, 'w.xlsx')).toMatchObject({
      ok: true,
      table: { header: ['name'], records: [{ line: 2, values: { name: 'AAAAAAAAAA' } }] },
    });
  });

  it(
    'refuses a ~300 KB workbook whose one cell unzips to 300 MB, before exceljs inflates it',
    async () => {
      const bomb = await buildZip(workbookMembers(() => repeated(0x41, MIB, 300)));

      const result = await readWholeTable(bomb, 'bomb.xlsx');
      expect(bomb.length).toBeLessThan(400 * 1024);
      expect(result).toEqual({
        ok: false,
        issues: [
          {
            field: 'file',
            code: 'file_too_large',
            message: expect.stringMatching(
              /^"bomb\.xlsx" is not read: its part xl\/sharedStrings\.xml expands 1,0\d\d times \(to 301 MiB\), where a spreadsheet expands at most 100 times: it looks like a ZIP bomb\.$/,
            ) as unknown,
            params: {
              file: 'bomb.xlsx',
              part: 'xl/sharedStrings.xml',
              ratio: expect.any(Number) as unknown,
              size: 301,
              maxRatio: 100,
              context: 'zip_bomb',
            },
          },
        ],
      });
    },
    BOMB_TIMEOUT,
  );

  it(
    'refuses a ~1 MB workbook that unzips to 1 GB, by its declared size',
    async () => {
      const bomb = await buildZip(workbookMembers(() => repeated(0x30, MIB, 1024)));

      const result = await readWholeTable(bomb, 'bomb.xlsx');

      expect(bomb.length).toBeLessThan(1.1 * MIB);
      expect(result).toEqual({
        ok: false,
        issues: [
          {
            field: 'file',
            code: 'file_too_large',
            message:
              '"bomb.xlsx" is not read: it unzips to more than 384 MiB, the most a workbook may hold (save it as CSV, or split it).',
            params: { file: 'bomb.xlsx', max: 384, context: 'zip_size' },
          },
        ],
      });
    },
    BOMB_TIMEOUT,
  );

  it(
    'refuses a workbook whose part unzips past the size its headers declare',
    async () => {
      const liar = await buildZip(workbookMembers(() => repeated(0x41, MIB, 200), 1000));

      const result = await readWholeTable(liar, 'liar.xlsx');
      expect(result).toEqual({
        ok: false,
        issues: [
          {
            field: 'file',
            code: 'file_too_large',
            message:
              '"liar.xlsx" is not read: its part xl/sharedStrings.xml expands past the 1,000 bytes it declares: it is damaged or built to exhaust memory.',
            params: {
              file: 'liar.xlsx',
              part: 'xl/sharedStrings.xml',
              declared: 1000,
              context: 'zip_liar',
            },
          },
        ],
      });
    },
    BOMB_TIMEOUT,
  );

  it('refuses a file larger than an import reads, before decoding it', async () => {
    const result = await readWholeTable(new Uint8Array(MAX_IMPORT_FILE_BYTES + 1), 'huge.csv');

    expect(result).toEqual({
      ok: false,
      issues: [
        {
          field: 'file',
          code: 'file_too_large',
          message: '"huge.csv" is 257 MiB: an import reads files of at most 256 MiB. Split it.',
          params: { file: 'huge.csv', size: 257, max: 256 },
        },
      ],
    });
  });

  it('says sizes in French as French writes them: grouped digits, Mio', () => {
    const params = { file: 'huge.csv', size: 1024, max: 256 };

    expect(messageOf('fr', 'file_too_large', params)).toBe(
      "« huge.csv » pèse 1\u202f024\u00a0Mio : un import lit des fichiers d'au plus 256\u00a0Mio. Découpez-le.",
    );
    expect(messageOf('en', 'file_too_large', params)).toBe(
      '"huge.csv" is 1,024 MiB: an import reads files of at most 256 MiB. Split it.',
    );
  });
});

describe('cells longer than a spreadsheet cell holds', () => {
  it('refuses a CSV whose value passes 32,767 characters, at its line (a quote left open?)', () => {
    const text = `code,name\nC1,Acme\nC2,"${'x'.repeat(40_000)}"\nC3,Beta\n`;

    expect(readWholeCsv(text, 'clients.csv')).toEqual({
      ok: false,
      issues: [
        {
          line: 3,
          field: 'file',
          code: 'cell_too_long',
          message:
            '"clients.csv": line 3 has a value of 40,000 characters, more than the 32,767 a spreadsheet cell holds (a quote opened and closed much later?).',
          params: { file: 'clients.csv', line: 3, length: 40_000, max: 32_767, context: 'in_csv' },
        },
      ],
    });
  });

  it('refuses a workbook cell past 32,767 characters, at its row', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Clients').addRows([
      ['code', 'name'],
      ['C1', 'y'.repeat(32_768)],
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    expect(await readWholeTable(bytes, 'clients.xlsx')).toEqual({
      ok: false,
      issues: [
        {
          line: 2,
          field: 'file',
          code: 'cell_too_long',
          message:
            '"clients.xlsx": line 2 has a value of 32,768 characters, more than the 32,767 a spreadsheet cell holds.',
          params: { file: 'clients.xlsx', line: 2, length: 32_768, max: 32_767 },
        },
      ],
    });
  });

  it('reads a cell of exactly 32,767 characters', () => {
    const result = readWholeCsv(`code,name\nC1,${'z'.repeat(32_767)}\n`);

    expect(result.ok && result.table.records[0]?.values['name']?.length).toBe(32_767);
  });
});
