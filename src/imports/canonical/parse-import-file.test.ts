import { readFile } from 'node:fs/promises';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { calendarDate } from '../../shared/calendar-date.ts';
import { cents, currencyCode } from '../../shared/money.ts';
import { parseMappingOption } from '../table/column-mapping.ts';
import { parseWholeImportFile } from '../../../test/whole-import-file.ts';

const EUR = currencyCode('EUR');
const FIXTURES = new URL('../../../test/fixtures/csv/', import.meta.url);

async function fixture(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(name, FIXTURES)));
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** `text` in UTF-16LE (code units low byte first) after a byte-order mark. */
function utf16leWithBom(text: string): Uint8Array {
  const bytes = [0xff, 0xfe];
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    bytes.push(unit & 0xff, unit >> 8);
  }
  return new Uint8Array(bytes);
}

describe('parseImportFile', () => {
  describe('a French Excel invoice export in Windows-1252 (test/fixtures/csv)', () => {
    it('is refused without --encoding, at the line of the first accented letter', async () => {
      const bytes = await fixture('invoices-fr-windows-1252.csv');

      const result = await parseWholeImportFile('invoices', bytes, 'invoices-fr-windows-1252.csv', {
        defaultCurrency: EUR,
      });

      expect(result).toEqual({
        rows: [],
        errors: [
          {
            line: 3,
            field: 'file',
            code: 'bad_encoding',
            message:
              '"invoices-fr-windows-1252.csv" is not valid UTF-8: byte 0xE9 on line 3. It was probably saved by Excel in Windows-1252; import it again with --encoding windows-1252, or save it as "CSV UTF-8".',
            params: { file: 'invoices-fr-windows-1252.csv', byte: 'E9', line: 3 },
          },
        ],
        notices: [],
        columns: [],
        format: undefined,
      });
    });

    it('is read with --encoding windows-1252: ";", "1 234,56", DD/MM/YYYY, facture/avoir', async () => {
      const bytes = await fixture('invoices-fr-windows-1252.csv');

      const result = await parseWholeImportFile('invoices', bytes, 'invoices-fr-windows-1252.csv', {
        encoding: 'windows-1252',
        defaultCurrency: EUR,
      });

      expect(result.errors).toEqual([]);
      expect(result.format).toBe('csv');
      expect(result.rows).toEqual([
        {
          line: 2,
          number: 'F-2025-101',
          customerCode: 'C001',
          kind: 'invoice',
          issueDate: calendarDate('2025-12-31'),
          dueDate: calendarDate('2026-01-31'),
          amount: cents(123456),
          currency: EUR,
        },
        {
          line: 3,
          number: 'F-2025-102',
          customerCode: 'C002',
          kind: 'invoice',
          issueDate: calendarDate('2025-12-15'),
          dueDate: undefined,
          amount: cents(1_200_000),
          currency: EUR,
        },
        {
          line: 4,
          number: 'AV-2025-007',
          customerCode: 'C001',
          kind: 'credit_note',
          issueDate: calendarDate('2025-12-20'),
          dueDate: undefined,
          amount: cents(15000),
          currency: EUR,
        },
      ]);
      expect(result.notices.filter((notice) => notice.code === 'ignored_column')).toEqual([
        {
          field: 'libelle',
          code: 'ignored_column',
          message: 'Column "libelle" is ignored (not a column of invoices files).',
          params: { name: 'libelle', context: 'invoices_file' },
        },
      ]);
    });
  });

  it('reads a UTF-8 payments file with BOM (test/fixtures/csv)', async () => {
    const bytes = await fixture('payments-fr-utf8-bom.csv');

    const result = await parseWholeImportFile('payments', bytes, 'payments-fr-utf8-bom.csv', {
      defaultCurrency: EUR,
    });

    expect(result.errors).toEqual([]);
    expect(result.columns).toEqual([
      'reference',
      'customer_code',
      'date',
      'amount',
      'invoice_number',
      'method',
    ]);
    expect(result.rows).toEqual([
      {
        line: 2,
        reference: 'VIR-2026-0001',
        customerCode: 'C001',
        date: calendarDate('2026-01-05'),
        amount: cents(123456),
        currency: EUR,
        invoiceNumber: 'F-2025-101',
        method: 'transfer',
      },
      {
        line: 3,
        reference: 'CHQ-0042',
        customerCode: 'C002',
        date: calendarDate('2026-01-06'),
        amount: cents(600000),
        currency: EUR,
        invoiceNumber: 'F-2025-102',
        method: 'cheque',
      },
    ]);
  });

  it('reads an Excel "Unicode text" export: UTF-16LE with BOM, tab-separated', async () => {
    const bytes = utf16leWithBom('Code\tRaison sociale\tVille\r\nC1\tSociété Générale\tLyon\r\n');

    const result = await parseWholeImportFile('customers', bytes, 'clients.txt');

    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => [row.line, row.code, row.name, row.city])).toEqual([
      [2, 'C1', 'Société Générale', 'Lyon'],
    ]);
  });

  it('keeps line numbers right after a quoted address spanning three lines', async () => {
    const csv = [
      'code;name;address_line1;email',
      'C1;Acme;"12 rue A',
      'Bâtiment B',
      'BP 4";compta@acme.test',
      'C2;Beta;3 rue B;pas-un-email',
    ].join('\r\n');

    const result = await parseWholeImportFile('customers', utf8(csv), 'clients.csv');

    // The quoted line breaks are kept, written as LF (see readCsvText).
    expect(result.rows.map((row) => [row.line, row.addressLine1])).toEqual([
      [2, '12 rue A\nBâtiment B\nBP 4'],
    ]);
    expect(result.errors).toEqual([
      {
        line: 5,
        field: 'email',
        code: 'invalid_email',
        message: 'email "pas-un-email" is not an e-mail address.',
        params: { field: 'email', value: 'pas-un-email' },
      },
    ]);
  });

  it('reads an XLSX workbook: date cells, a 1234.56 number cell, formulas by their result', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Factures');
    sheet.addRow([
      'number',
      'customer_code',
      'issue_date',
      'due_date',
      'amount',
      'currency',
      'kind',
    ]);
    sheet.addRow([
      'F-001',
      'C001',
      new Date(Date.UTC(2025, 11, 31)),
      { formula: 'C2+30', result: new Date(Date.UTC(2026, 0, 30)) },
      1234.56,
      'EUR',
      'facture',
    ]);
    sheet.addRow([
      'AV-001',
      'C001',
      new Date(Date.UTC(2026, 0, 5)),
      null,
      { formula: 'E2/2', result: 617.28 },
      'EUR',
      'avoir',
    ]);
    sheet.addRow(['F-002', 'C002', new Date(Date.UTC(2026, 0, 6)), null, -5, 'EUR', 'facture']);
    for (const cell of ['C2', 'D2', 'C3', 'C4']) {
      sheet.getCell(cell).numFmt = 'dd/mm/yyyy';
    }
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const result = await parseWholeImportFile('invoices', bytes, 'factures.xlsx');

    expect(result.format).toBe('xlsx');
    expect(result.rows).toEqual([
      {
        line: 2,
        number: 'F-001',
        customerCode: 'C001',
        kind: 'invoice',
        issueDate: calendarDate('2025-12-31'),
        dueDate: calendarDate('2026-01-30'),
        amount: cents(123456),
        currency: EUR,
      },
      {
        line: 3,
        number: 'AV-001',
        customerCode: 'C001',
        kind: 'credit_note',
        issueDate: calendarDate('2026-01-05'),
        dueDate: undefined,
        amount: cents(61728),
        currency: EUR,
      },
    ]);
    expect(result.errors).toEqual([
      {
        line: 4,
        field: 'amount',
        code: 'negative_amount',
        message:
          'amount "-5" is negative on an invoice; import a credit note with kind=credit_note (or "avoir") and a positive amount.',
        params: { value: '-5', context: 'for_invoice' },
      },
    ]);
  });

  it('applies a --map option to the columns of an in-house export', async () => {
    const csv = 'Pièce,Tiers,Le,Total TTC,Monnaie\nF1,C1,2025-12-31,"1 234,56",EUR\n';
    const mapping = parseMappingOption(
      'number=Pièce,customer_code=Tiers,issue_date=Le,amount=Total TTC',
    );
    if (!mapping.ok) {
      throw new Error(JSON.stringify(mapping.issues));
    }

    const result = await parseWholeImportFile('invoices', utf8(csv), 'export.csv', {
      mapping: mapping.mapping,
    });

    expect(result.errors).toEqual([]);
    expect(
      result.rows.map((row) => [row.number, row.customerCode, row.amount, row.currency]),
    ).toEqual([['F1', 'C1', 123456, 'EUR']]);
  });

  it('merges rows dropped by the reader with row errors, in line order', async () => {
    const csv = [
      'number,customer_code,issue_date,amount',
      'F1,C1,2025-01-01,0',
      'F2,C1,2025-01-01,1234,56',
      'F3,C1,2025-01-01,10',
    ].join('\n');

    const result = await parseWholeImportFile('invoices', utf8(csv), 'f.csv', {
      defaultCurrency: EUR,
    });

    expect(result.rows.map((row) => row.number)).toEqual(['F3']);
    expect(result.errors.map((issue) => [issue.line, issue.field, issue.code])).toEqual([
      [2, 'amount', 'zero_amount'],
      [3, 'row', 'too_many_values'],
    ]);
  });

  it('reports a file-level error alone, with no rows', async () => {
    const csv = 'reference;customer_code;amount\nP1;C1;10\nP2;C1;1;2;3\n';

    const result = await parseWholeImportFile('payments', utf8(csv), 'p.csv', {
      defaultCurrency: EUR,
    });

    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      {
        field: 'date',
        code: 'missing_column',
        message:
          'Required column "date" is missing (accepted names: date, date_paiement, date_de_paiement, date_reglement, date_de_reglement, date_encaissement); name another column with --map date=<column>.',
        params: {
          column: 'date',
          accepted:
            'date, date_paiement, date_de_paiement, date_reglement, date_de_reglement, date_encaissement',
        },
      },
    ]);
  });

  it('refuses a file that is neither CSV nor XLSX', async () => {
    const result = await parseWholeImportFile('customers', utf8('%PDF-1.7\n'), 'clients.pdf');

    expect(result.errors).toEqual([
      {
        field: 'file',
        code: 'unsupported_format',
        message: '"clients.pdf" is neither a CSV file nor an Excel .xlsx workbook.',
        params: { file: 'clients.pdf', context: 'not_table' },
      },
    ]);
  });
});

describe('parseImportFile on characters no text holds', () => {
  it('rejects the lines of a workbook whose cells hold a NUL or a lone surrogate (Excel writes them _x0000_)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Clients');
    sheet.addRows([
      ['code', 'name', 'city'],
      ['C1', 'NUL_x0000_X', 'Lyon'],
      ['C2', 'Acme', 'a_xD800_b'],
      ['C3', 'Beta', 'Paris'],
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const result = await parseWholeImportFile('customers', bytes, 'clients.xlsx');

    expect(result.rows.map((row) => row.code)).toEqual(['C3']);
    expect(result.errors).toEqual([
      {
        line: 2,
        field: 'name',
        code: 'invalid_character',
        message: 'name contains a NUL character (U+0000) at position 4, which cannot be stored.',
        params: { field: 'name', codePoint: 'U+0000', position: 4, context: 'nul' },
      },
      {
        line: 3,
        field: 'city',
        code: 'invalid_character',
        message:
          'city contains a lone surrogate (U+D800, not a Unicode character) at position 2, which cannot be stored.',
        params: { field: 'city', codePoint: 'U+D800', position: 2, context: 'surrogate' },
      },
    ]);
  });
});
