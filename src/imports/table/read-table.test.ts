import ExcelJS from 'exceljs';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { readWholeCsv, readWholeTable, type WholeTable } from '../../../test/whole-import-file.ts';
import { buildZip, textMember, workbookMembers } from '../../../test/zip-archive.ts';
import { issueMessage } from '../../shared/errors.ts';
import {
  cellText,
  detectCsvDelimiter,
  normalizeHeaderName,
  readCsvText,
  readTable,
} from './read-table.ts';

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

function tableOf(result: WholeTable) {
  if (!result.ok) {
    throw new Error(`expected a table, got ${JSON.stringify(result.issues)}`);
  }
  return result;
}

describe('normalizeHeaderName', () => {
  it.each([
    ['code', 'code'],
    [' Code-Client ', 'code_client'],
    ['N° facture', 'n_facture'],
    ['Échéance', 'echeance'],
    ['Montant TTC (€)', 'montant_ttc'],
    ['RAISON  SOCIALE', 'raison_sociale'],
    ['Délai de paiement', 'delai_de_paiement'],
    ['address_line1', 'address_line1'],
    ['', ''],
  ])('%j → %j', (name, expected) => {
    expect(normalizeHeaderName(name)).toBe(expected);
  });
});

describe('detectCsvDelimiter', () => {
  it.each([
    ['numero;client;montant\nF1;C1;1234,56', ';'],
    ['number,customer_code,amount\nF1,C1,"1234,56"', ','],
    ['number\tcustomer_code\tamount\nF1\tC1\t1234,56', '\t'],
    ['number|customer_code|amount\nF1|C1|1234,56', '|'],
    // The comma inside the quoted name does not count.
    ['"Montant, TTC";numero\n1,5;F1', ';'],
    // Only the header line counts: the amounts' commas below are outvoted.
    ['numero;montant\nF1;1,5,5,5,5,5', ';'],
    // Blank lines before the header are skipped.
    ['\r\n\r\na;b\n', ';'],
    ['number\nF1,F2,F3', ','],
  ])('%j → %j', (text, expected) => {
    expect(detectCsvDelimiter(text)).toBe(expected);
  });
});

describe('readCsvText', () => {
  it('reads a French Excel export: ";", CRLF, normalized header, trailing blank lines ignored', () => {
    const text =
      'N° facture;Code client;Montant TTC\r\nF-001;C001;1 234,56\r\nF-002;C002;12,00\r\n\r\n\r\n';

    expect(tableOf(readWholeCsv(text))).toEqual({
      ok: true,
      format: 'csv',
      table: {
        header: ['n_facture', 'code_client', 'montant_ttc'],
        records: [
          { line: 2, values: { n_facture: 'F-001', code_client: 'C001', montant_ttc: '1 234,56' } },
          { line: 3, values: { n_facture: 'F-002', code_client: 'C002', montant_ttc: '12,00' } },
        ],
      },
      issues: [],
    });
  });

  it('numbers lines physically: a quoted field with line breaks pushes the next records down', () => {
    const text = [
      'code,name,address_line1',
      'C1,"Acme ""Sud""","12 rue A',
      'Bâtiment B',
      'BP 4"',
      'C2,Beta,3 rue B',
    ].join('\n');

    const { table } = tableOf(readWholeCsv(text));

    expect(table.records).toEqual([
      {
        line: 2,
        values: { code: 'C1', name: 'Acme "Sud"', address_line1: '12 rue A\nBâtiment B\nBP 4' },
      },
      { line: 5, values: { code: 'C2', name: 'Beta', address_line1: '3 rue B' } },
    ]);
  });

  it('skips blank lines and lines of bare delimiters in the middle, keeping line numbers', () => {
    const text = 'a;b\r\n1;2\r\n\r\n;;\r\n  \r\n3;4';

    expect(tableOf(readWholeCsv(text)).table.records.map((record) => record.line)).toEqual([2, 6]);
  });

  it('keeps numbering lines right after a row that starts with a stray U+FEFF', () => {
    // Found by the property test: papaparse drops a BOM at the start of what it parses,
    // and a batch starting on such a row shifted every later line number by one.
    const text = 'code;name\n\uFEFF;C1\n\u000e;""""\nY;Z\n';

    for (const batchRecords of [1, 2, 1000]) {
      const { records } = tableOf(readWholeCsv(text, 'f.csv', batchRecords)).table;
      expect(records.map((record) => [record.line, record.values['name']])).toEqual([
        [2, 'C1'],
        [3, '"'],
        [4, 'Z'],
      ]);
    }
  });

  it('counts old Mac CR-only line breaks', () => {
    const text = 'a,b\r1,2\r3,4\r';

    expect(tableOf(readWholeCsv(text)).table.records.map((record) => record.line)).toEqual([2, 3]);
  });

  it('reads a missing trailing cell as empty', () => {
    expect(tableOf(readWholeCsv('a;b;c\n1;2')).table.records).toEqual([
      { line: 2, values: { a: '1', b: '2', c: '' } },
    ]);
  });

  it('drops a row with more values than the header, and says where', () => {
    const text = 'number,amount,currency\nF1,1234,56,EUR\nF2,"1234,56",EUR\nF3,10,EUR,,\n';

    const result = tableOf(readWholeCsv(text));

    expect(result.table.records.map((record) => record.line)).toEqual([3, 4]);
    expect(result.issues).toEqual([
      {
        line: 2,
        field: 'row',
        code: 'too_many_values',
        message:
          'Line 2 has 4 values but the header has 3 columns (an unquoted "," inside a value?).',
        params: { line: 2, values: 4, columns: 3, delimiter: ',' },
      },
    ]);
  });

  it('keeps the first of two columns with the same name in values, and both in the header', () => {
    expect(tableOf(readWholeCsv('Montant;montant\n1;2')).table).toEqual({
      header: ['montant', 'montant'],
      records: [{ line: 2, values: { montant: '1' } }],
    });
  });

  it.each([
    ['an empty text', '', 'empty_file', undefined],
    ['only blank lines', '\r\n\r\n;;\r\n', 'empty_file', undefined],
    ['an unclosed quote', 'a;b\n1;2\n3;"oops\n4;5\n', 'malformed_csv', 3],
  ])('refuses %s', (_label, text, code, line) => {
    const result = readWholeCsv(text, 'f.csv');

    expect(result.ok ? undefined : result.issues.map((issue) => [issue.code, issue.line])).toEqual([
      [code, line],
    ]);
  });
});

describe('readTable', () => {
  it('reads a UTF-8 CSV with BOM', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf('code;name\nC1;Société')]);

    expect(tableOf(await readWholeTable(bytes, 'c.csv')).table).toEqual({
      header: ['code', 'name'],
      records: [{ line: 2, values: { code: 'C1', name: 'Société' } }],
    });
  });

  it('passes the encoding refusal through', async () => {
    const result = await readWholeTable(new Uint8Array([0x61, 0x0a, 0xe9]), 'c.csv');

    expect(result.ok ? undefined : result.issues.map((issue) => issue.code)).toEqual([
      'bad_encoding',
    ]);
  });

  it.each([
    [
      'an empty file',
      [],
      'c.csv',
      'empty_file',
      '"c.csv" is empty: a header row is required.',
      { file: 'c.csv' },
    ],
    [
      'an Excel 97-2003 workbook',
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0],
      'c.xls',
      'unsupported_format',
      '"c.xls" is an Excel 97-2003 workbook (.xls), which is not supported: save it as .xlsx or as CSV.',
      { file: 'c.xls', context: 'xls' },
    ],
    [
      'a PDF',
      [...bytesOf('%PDF-1.7\n')],
      'c.csv',
      'unsupported_format',
      '"c.csv" is neither a CSV file nor an Excel .xlsx workbook.',
      { file: 'c.csv', context: 'not_table' },
    ],
    [
      'text named .xlsx',
      [...bytesOf('code;name\n')],
      'c.xlsx',
      'unsupported_format',
      '"c.xlsx" is neither a CSV file nor an Excel .xlsx workbook.',
      { file: 'c.xlsx', context: 'not_table' },
    ],
  ])('refuses %s', async (_label, bytes, fileName, code, message, params) => {
    expect(await readWholeTable(new Uint8Array(bytes), fileName)).toEqual({
      ok: false,
      issues: [{ field: 'file', code, message, params }],
    });
  });

  it('refuses a damaged ZIP archive in its reader’s words, the ZIP reader’s kept as a detail', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
    const detail =
      'End of central directory record signature not found. Either not a zip file, or file is truncated.';

    const result = await readWholeTable(bytes, 'c.xlsx');

    expect(result).toEqual({
      ok: false,
      issues: [
        {
          field: 'file',
          code: 'unsupported_format',
          message: `"c.xlsx" cannot be read: its ZIP archive is damaged or incomplete (a download or a copy cut short?). Save it again as .xlsx, or as CSV. Technical detail: ${detail}`,
          params: { file: 'c.xlsx', detail, context: 'damaged_zip' },
        },
      ],
    });
    expect(result.ok ? [] : result.issues.map((issue) => issueMessage('fr', issue))).toEqual([
      `Le fichier «\u00a0c.xlsx\u00a0» est illisible\u00a0: son archive ZIP est endommagée ou incomplète (un téléchargement ou une copie interrompus\u00a0?). Enregistrez-le à nouveau en .xlsx, ou en CSV. Détail technique, en anglais\u00a0: ${detail}`,
    ]);
  });

  it('refuses a sound ZIP archive exceljs cannot read, its error kept only as a detail', async () => {
    // A workbook part cut short: exceljs fails with a TypeError of its own.
    const members = workbookMembers(() => [bytesOf('A')]).map((member) =>
      member.name === 'xl/workbook.xml'
        ? textMember(member.name, '<?xml version="1.0"?><workbook><sheets')
        : member,
    );

    const result = await readWholeTable(await buildZip(members), 'c.xlsx');

    const issues = result.ok ? [] : result.issues;
    expect(issues).toMatchObject([
      {
        field: 'file',
        code: 'unsupported_format',
        params: { file: 'c.xlsx', detail: expect.any(String) as unknown, context: 'not_workbook' },
      },
    ]);
    const detail = String(issues[0]?.params?.['detail']);
    expect(issues.map((issue) => issueMessage('en', issue))).toEqual([
      `"c.xlsx" is a ZIP archive but not an Excel .xlsx workbook that can be read: save it as .xlsx or as CSV. Technical detail: ${detail}`,
    ]);
    expect(issues.map((issue) => issueMessage('fr', issue))).toEqual([
      `Le fichier «\u00a0c.xlsx\u00a0» est une archive ZIP mais pas un classeur Excel .xlsx lisible\u00a0: enregistrez-le en .xlsx ou en CSV. Détail technique, en anglais\u00a0: ${detail}`,
    ]);
  });
});

describe('readTable on XLSX', () => {
  /** A workbook as a user makes it: typed cells, a formula, a blank row, a second sheet. */
  async function invoiceWorkbook(): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Factures');
    sheet.addRow(['N° facture', 'Date facture', 'Montant TTC', 'Double', 'Note', 'CP', 'Payée']);
    sheet.addRow([
      'F-001',
      new Date(Date.UTC(2025, 11, 31)),
      1234.56,
      { formula: 'C2*2', result: 2469.12 },
      { richText: [{ text: 'très ' }, { text: 'urgent', font: { bold: true } }] },
      1000,
      true,
    ]);
    sheet.getCell('B2').numFmt = 'dd/mm/yyyy';
    sheet.getCell('F2').numFmt = '00000';
    sheet.addRow([]);
    sheet.addRow([
      'F-002',
      new Date(Date.UTC(2024, 1, 29, 15, 30)),
      0.1 + 0.2,
      { formula: 'C4*2' },
      { text: 'voir le portail', hyperlink: 'https://example.test/f2' },
      75001,
      false,
    ]);
    sheet.addRow(['F-003', '2025-01-15', 1e21, 1.5e-7, { error: '#N/A' }, null, null]);
    workbook.addWorksheet('Notes').addRow(['not read']);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  it('reads the first sheet, numbers records by Excel row and converts cells deterministically', async () => {
    const result = await readWholeTable(await invoiceWorkbook(), 'factures.xlsx');

    expect(result).toEqual({
      ok: true,
      format: 'xlsx',
      issues: [],
      table: {
        header: ['n_facture', 'date_facture', 'montant_ttc', 'double', 'note', 'cp', 'payee'],
        records: [
          {
            line: 2,
            values: {
              n_facture: 'F-001',
              date_facture: '2025-12-31',
              montant_ttc: '1234.56',
              double: '2469.12',
              note: 'très urgent',
              cp: '01000',
              payee: 'true',
            },
          },
          {
            line: 4,
            values: {
              n_facture: 'F-002',
              date_facture: '2024-02-29',
              montant_ttc: '0.3',
              double: '',
              note: 'voir le portail',
              cp: '75001',
              payee: 'false',
            },
          },
          {
            line: 5,
            values: {
              n_facture: 'F-003',
              date_facture: '2025-01-15',
              montant_ttc: '1000000000000000000000',
              double: '0.00000015',
              note: '#N/A',
              cp: '',
              payee: '',
            },
          },
        ],
      },
    });
  });

  it('refuses a workbook whose first sheet is empty', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Vide');

    const result = await readWholeTable(
      new Uint8Array(await workbook.xlsx.writeBuffer()),
      'v.xlsx',
    );

    expect(result.ok ? undefined : result.issues.map((issue) => issue.code)).toEqual([
      'empty_file',
    ]);
  });
});

describe('cellText', () => {
  it.each([
    ['a number with binary noise', 1234.5599999999999, undefined, '1234.56'],
    ['a negative number', -42.5, undefined, '-42.5'],
    ['an integer', 123456789, undefined, '123456789'],
    ['a SIREN kept as number with a 000000000 format', 12345678, '000000000', '012345678'],
    ['a date serial in a date-formatted formula result', 46022, 'dd/mm/yyyy', '2025-12-31'],
    ['a date serial with a time', 46022.75, '[$-40C]d mmmm yyyy;@', '2025-12-31'],
    ['a currency format is not a date', 12.5, '#,##0.00 "€"', '12.5'],
  ])('%s', (_label, value, numFmt, expected) => {
    expect(cellText(value, numFmt)).toBe(expected);
  });

  it('reads serials of the 1904 date system (old Mac workbooks)', () => {
    expect(cellText(44560, 'yyyy-mm-dd', true)).toBe('2025-12-31');
  });

  it('reads a formula whose cached result is a date', () => {
    expect(
      cellText({ formula: 'B2+30', result: new Date(Date.UTC(2026, 0, 30)) }, 'dd/mm/yyyy'),
    ).toBe('2026-01-30');
  });
});

describe('readCsvText line ends', () => {
  it.each([
    ['CRLF', '\r\n', '\r\n'],
    ['LF', '\n', '\n'],
    ['CR', '\r', '\r'],
    ['a CRLF header over LF rows', '\r\n', '\n'],
    ['an LF header over CRLF rows', '\n', '\r\n'],
    ['a CR header over LF rows', '\r', '\n'],
  ])('reads one record per line with %s', (_label, headerEnd, rowEnd) => {
    const text = `code,name,city${headerEnd}L001,Alpha${rowEnd}L002,Beta,Lyon${rowEnd}`;

    expect(tableOf(readWholeCsv(text)).table.records).toEqual([
      { line: 2, values: { code: 'L001', name: 'Alpha', city: '' } },
      { line: 3, values: { code: 'L002', name: 'Beta', city: 'Lyon' } },
    ]);
  });

  it('breaks a record at every kind of line end in one file, and numbers lines as an editor does', () => {
    const text = 'code;name\r\nA;1\nB;2\rC;3\r\n\nD;4\r\r\nE;5';

    expect(
      tableOf(readWholeCsv(text)).table.records.map((record) => [record.line, record.values]),
    ).toEqual([
      [2, { code: 'A', name: '1' }],
      [3, { code: 'B', name: '2' }],
      [4, { code: 'C', name: '3' }],
      [6, { code: 'D', name: '4' }],
      [8, { code: 'E', name: '5' }],
    ]);
  });

  it('keeps a quoted line break inside its value, written as one LF whatever the file used', () => {
    const text = 'code,address_line1\r\nC1,"12 rue A\r\nBât. B\rBP 4"\nC2,3 rue B\n';

    expect(tableOf(readWholeCsv(text)).table.records).toEqual([
      { line: 2, values: { code: 'C1', address_line1: '12 rue A\nBât. B\nBP 4' } },
      { line: 5, values: { code: 'C2', address_line1: '3 rue B' } },
    ]);
  });
});

describe('readCsvText, batch by batch', () => {
  const cell = fc.string({
    unit: fc.constantFrom('"', ';', 'a', 'é', ' ', '\n', '\r'),
    maxLength: 6,
  });
  const quoted = cell.map((value) => `"${value.replaceAll('"', '""')}"`);
  const line = fc.array(
    fc.oneof(
      cell.filter((value) => !/["\n\r;]/.test(value)),
      quoted,
    ),
    {
      maxLength: 4,
    },
  );
  const csvText = fc
    .tuple(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'))
    .map(([lines, end]) =>
      ['code;name;city', ...lines.map((fields) => fields.join(';'))].join(end),
    );

  it('reads the same records, lines and dropped lines whatever the size of its batches', () => {
    fc.assert(
      fc.property(csvText, fc.integer({ min: 1, max: 4 }), (text, batchRecords) => {
        expect(readWholeCsv(text, 'f.csv', batchRecords)).toEqual(readWholeCsv(text, 'f.csv'));
      }),
      { numRuns: 500 },
    );
  });

  it('cuts batches between records, never inside a quoted value that spans lines', () => {
    const text = 'code;address\nA;"1\n2"\nB;"3\n\n4"\nC;5\n';
    const read = readCsvText(text, 'f.csv', 1);

    expect(read.ok && [...read.batches()].map((batch) => batch.records)).toEqual([
      [{ line: 2, values: { code: 'A', address: '1\n2' } }],
      [{ line: 4, values: { code: 'B', address: '3\n\n4' } }],
      [{ line: 7, values: { code: 'C', address: '5' } }],
    ]);
  });

  it('refuses a file whose quote never closes before it yields any batch', () => {
    const text = `code;name\n${'A;ok\n'.repeat(10)}B;"open\nC;x\n`;

    expect(readCsvText(text, 'f.csv', 2)).toMatchObject({
      ok: false,
      issues: [{ line: 12, field: 'file', code: 'malformed_csv' }],
    });
  });

  it('holds as many records a batch as its reader asks', async () => {
    const text = `code;name\n${Array.from({ length: 5 }, (_, i) => `C${i};n${i}`).join('\n')}\n`;
    const csv = await readTable(new TextEncoder().encode(text), 'f.csv', { batchRecords: 2 });
    expect(csv.ok && [...csv.batches()].map((batch) => batch.records.length)).toEqual([2, 2, 1]);
  });
});
