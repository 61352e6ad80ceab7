import { describe, expect, it } from 'vitest';

import { calendarDate } from '../../shared/calendar-date.ts';
import { cents, currencyCode } from '../../shared/money.ts';
import { parseInvoiceRows } from './invoice-rows.ts';
import { readWholeCsv } from '../../../test/whole-import-file.ts';

const EUR = currencyCode('EUR');
const HEADER = 'number;customer_code;issue_date;due_date;amount;currency;kind';

function table(csv: string) {
  const result = readWholeCsv(csv);
  if (!result.ok) {
    throw new Error(JSON.stringify(result.issues));
  }
  return result.table;
}

/** Parses the header plus `lines` (line 2 onwards) with EUR as the default currency. */
function parse(...lines: string[]) {
  return parseInvoiceRows(table([HEADER, ...lines].join('\n')), { defaultCurrency: EUR });
}

/** The parameters of a `required` issue on a cell. */
function required(field: string) {
  return { field, context: 'cell' };
}

/** The parameters of an `invalid_amount` issue on the amount column. */
function amountParams(value: string, code: string, context: string) {
  const digits = code === 'JPY' ? 0 : 2;
  const max = digits === 0 ? '9999999999999' : '99999999999.99';
  return { field: 'amount', value, currency: code, figure: value, digits, max, context };
}

describe('parseInvoiceRows', () => {
  it('reads a French ";" file with "1 234,56" amounts and DD/MM/YYYY dates', () => {
    const csv = [
      'N° facture;Code client;Date facture;Échéance;Montant TTC;Devise;Type',
      'F-2025-001;C001;31/12/2025;31/01/2026;1 234,56;EUR;facture',
      'AV-2025-001;C001;15/12/2025;;-120,50;;avoir',
    ].join('\r\n');

    const result = parseInvoiceRows(table(csv), { defaultCurrency: EUR });

    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        number: 'F-2025-001',
        customerCode: 'C001',
        kind: 'invoice',
        issueDate: calendarDate('2025-12-31'),
        dueDate: calendarDate('2026-01-31'),
        amount: cents(123456),
        currency: EUR,
      },
      {
        line: 3,
        number: 'AV-2025-001',
        customerCode: 'C001',
        kind: 'credit_note',
        issueDate: calendarDate('2025-12-15'),
        dueDate: undefined,
        amount: cents(12050),
        currency: EUR,
      },
    ]);
  });

  it.each([
    ['1234.56', 'EUR', 123456],
    ['1 234,56', 'EUR', 123456],
    ['1,234.56', 'EUR', 123456],
    ['1\u00a0234,5', 'EUR', 123450],
    ['1 234,56 €', 'EUR', 123456],
    ['1 500', 'JPY', 1500],
    ['1 234,567', 'TND', 1234567],
  ])('reads amount %j in %s as %i minor units', (amount, code, expected) => {
    const result = parse(`F1;C1;2025-01-01;;${amount};${code};`);

    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => [row.amount, row.currency])).toEqual([[expected, code]]);
  });

  it.each([
    ['invoice', 'invoice'],
    ['Facture', 'invoice'],
    ['credit_note', 'credit_note'],
    ['credit note', 'credit_note'],
    ['AVOIR', 'credit_note'],
    ['', 'invoice'],
  ])('reads kind %j as %s', (kind, expected) => {
    expect(parse(`F1;C1;2025-01-01;;10;;${kind}`).rows.map((row) => row.kind)).toEqual([expected]);
  });

  it.each<[string, string, string, string, Record<string, unknown>]>([
    ['number', ';C1;2025-01-01;;10;;', 'required', 'number is required.', required('number')],
    [
      'customer_code',
      'F1;;2025-01-01;;10;;',
      'required',
      'customer_code is required.',
      required('customer_code'),
    ],
    ['issue_date', 'F1;C1;;;10;;', 'required', 'issue_date is required.', required('issue_date')],
    ['amount', 'F1;C1;2025-01-01;;;;', 'required', 'amount is required.', required('amount')],
    [
      'issue_date',
      'F1;C1;31/02/2025;;10;;',
      'invalid_date',
      'issue_date "31/02/2025" is not a valid date (expected YYYY-MM-DD, DD/MM/YYYY or YYYYMMDD).',
      { field: 'issue_date', value: '31/02/2025' },
    ],
    [
      'due_date',
      'F1;C1;2025-01-01;2025-13-01;10;;',
      'invalid_date',
      'due_date "2025-13-01" is not a valid date (expected YYYY-MM-DD, DD/MM/YYYY or YYYYMMDD).',
      { field: 'due_date', value: '2025-13-01' },
    ],
    [
      'due_date',
      'F1;C1;15/01/2025;14/01/2025;10;;',
      'due_before_issue',
      'due_date "14/01/2025" is before issue_date "15/01/2025".',
      { value: '14/01/2025', issueDate: '15/01/2025' },
    ],
    [
      'amount',
      'F1;C1;2025-01-01;;douze;;',
      'invalid_amount',
      'amount "douze" is not a valid EUR amount ("douze" is not a number).',
      amountParams('douze', 'EUR', 'not_number'),
    ],
    [
      'amount',
      'F1;C1;2025-01-01;;12,3456;EUR;',
      'invalid_amount',
      'amount "12,3456" is not a valid EUR amount ("12,3456" has more than 2 decimal places).',
      amountParams('12,3456', 'EUR', 'decimals'),
    ],
    [
      'amount',
      'F1;C1;2025-01-01;;1.234;EUR;',
      'invalid_amount',
      'amount "1.234" is not a valid EUR amount ("1.234" is ambiguous: write it without a thousands separator or with all decimals (1234 or 1.234,00)).',
      amountParams('1.234', 'EUR', 'ambiguous_mark'),
    ],
    [
      'amount',
      'F1;C1;2025-01-01;;12,5;JPY;',
      'invalid_amount',
      'amount "12,5" is not a valid JPY amount ("12,5" has more than 0 decimal places).',
      amountParams('12,5', 'JPY', 'decimals'),
    ],
    [
      'amount',
      'F1;C1;2025-01-01;;-10,00;;invoice',
      'negative_amount',
      'amount "-10,00" is negative on an invoice; import a credit note with kind=credit_note (or "avoir") and a positive amount.',
      { value: '-10,00', context: 'for_invoice' },
    ],
    [
      'amount',
      'F1;C1;2025-01-01;;0,00;;',
      'zero_amount',
      'amount "0,00" is zero.',
      { value: '0,00' },
    ],
    [
      'currency',
      'F1;C1;2025-01-01;;10;EUX;',
      'unknown_currency',
      'currency "EUX" is not an ISO 4217 currency code (e.g. EUR, USD, CHF).',
      { value: 'EUX', context: 'cell' },
    ],
    [
      'kind',
      'F1;C1;2025-01-01;;10;;proforma',
      'invalid_kind',
      'kind "proforma" is not one of: invoice, credit_note.',
      { field: 'kind', value: 'proforma', choices: 'invoice, credit_note' },
    ],
  ])('refuses line 2 on %s (%s)', (field, line, code, message, params) => {
    const result = parse(line);

    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([{ line: 2, field, code, message, params }]);
  });

  it('names the customer by its code in capitals, as codes are stored', () => {
    const result = parse('FA-1; c001 ;2026-01-10;2026-02-09;100,00;EUR;facture');

    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => row.customerCode)).toEqual(['C001']);
  });

  it('reports every problem of a line, in column order', () => {
    const result = parse(';C1;2025-02-30;;-5;ZZZ;');

    expect(result.errors.map((issue) => [issue.line, issue.field, issue.code])).toEqual([
      [2, 'number', 'required'],
      [2, 'issue_date', 'invalid_date'],
      [2, 'currency', 'unknown_currency'],
    ]);
  });

  it('refuses a second line with the same number and kind, naming the first', () => {
    const result = parse(
      'F1;C1;2025-01-01;;10;;',
      'F1;C2;2025-01-01;;10;;avoir',
      'F2;C1;2025-01-01;;10;;',
      'F1;C3;2025-01-02;;20;;facture',
    );

    expect(result.rows.map((row) => row.line)).toEqual([2, 3, 4]);
    expect(result.errors).toEqual([
      {
        line: 5,
        field: 'number',
        code: 'duplicate_in_file',
        message: 'Invoice number "F1" already appears on line 2.',
        params: { value: 'F1', firstLine: 2, context: 'invoice_number' },
      },
    ]);
  });

  it('requires a currency on every row when there is no default currency', () => {
    const result = parseInvoiceRows(
      table(`${HEADER}\nF1;C1;2025-01-01;;10;;\nF2;C1;2025-01-01;;10;USD;`),
    );

    expect(result.rows.map((row) => [row.number, row.currency])).toEqual([['F2', 'USD']]);
    expect(result.errors).toEqual([
      {
        line: 2,
        field: 'currency',
        code: 'required',
        message: 'currency is required (no default currency is set).',
        params: { field: 'currency', context: 'no_default' },
      },
    ]);
  });

  it('refuses the whole file when the currency column is missing and there is no default', () => {
    const result = parseInvoiceRows(
      table('number;customer_code;issue_date;amount\nF1;C1;2025-01-01;10'),
    );

    expect(result.rows).toEqual([]);
    expect(result.errors.map((issue) => [issue.line, issue.field, issue.code])).toEqual([
      [undefined, 'currency', 'missing_column'],
    ]);
  });

  it('imports a due date past the legal maximum with a notice (C. com. L441-10)', () => {
    const result = parse('F1;C1;2025-01-31;2025-06-30;10;;', 'F2;C1;2025-01-31;2025-03-31;10;;');

    expect(result.rows.map((row) => row.number)).toEqual(['F1', 'F2']);
    expect(result.notices).toEqual([
      {
        line: 2,
        field: 'due_date',
        code: 'payment_terms_exceed_legal_maximum',
        message:
          'due_date 2025-06-30 is 90 days past the legal maximum (2025-04-01) for an invoice issued on 2025-01-31.',
        params: {
          dueDate: '2025-06-30',
          excessDays: 90,
          maximumDueDate: '2025-04-01',
          issueDate: '2025-01-31',
          context: 'due_date',
        },
      },
    ]);
  });

  it.each([
    [',', '1.234', 123400],
    ['.', '1,234', 123400],
    ['.', '12,345.5', 1234550],
    [',', '0,5', 50],
  ] as const)(
    'settles ambiguous amounts with decimalMark %j: %j → %i',
    (decimalMark, amount, expected) => {
      const csv = `${HEADER}\nF1;C1;2025-01-01;;${amount};;`;
      const result = parseInvoiceRows(table(csv), { defaultCurrency: EUR, decimalMark });

      expect(result.errors).toEqual([]);
      expect(result.rows.map((row) => row.amount)).toEqual([expected]);
    },
  );

  it('reads columns named by an explicit mapping', () => {
    const result = parseInvoiceRows(table('Pièce;Tiers;Le;Total TTC\nF1;C1;2025-01-01;10'), {
      defaultCurrency: EUR,
      mapping: { number: 'Pièce', customer_code: 'Tiers', issue_date: 'Le', amount: 'Total TTC' },
    });

    expect(result.errors).toEqual([]);
    expect(result.columns).toEqual(['number', 'customer_code', 'issue_date', 'amount']);
    expect(result.rows.map((row) => [row.number, row.amount])).toEqual([['F1', 1000]]);
  });
});
