import { describe, expect, it } from 'vitest';

import { calendarDate } from '../../shared/calendar-date.ts';
import { cents, currencyCode } from '../../shared/money.ts';
import { parsePaymentRows } from './payment-rows.ts';
import { readWholeCsv } from '../../../test/whole-import-file.ts';

const EUR = currencyCode('EUR');
const HEADER = 'reference;customer_code;date;amount;currency;invoice_number;method';

function table(csv: string) {
  const result = readWholeCsv(csv);
  if (!result.ok) {
    throw new Error(JSON.stringify(result.issues));
  }
  return result.table;
}

function parse(...lines: string[]) {
  return parsePaymentRows(table([HEADER, ...lines].join('\n')), { defaultCurrency: EUR });
}

describe('parsePaymentRows', () => {
  it('names the customer by its code in capitals, as codes are stored', () => {
    const result = parse('VIR-1;c001;2026-02-20;100,00;EUR;;virement');

    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => row.customerCode)).toEqual(['C001']);
  });

  it('reads a French bank export with aliases, "1 234,56" and DD/MM/YYYY', () => {
    const csv = [
      'Réf;Code client;Date règlement;Montant;Devise;N° facture;Mode de règlement',
      'VIR-0001;C001;05/01/2026;1 234,56;EUR;F-2025-001;Virement',
      'CHQ-7;C002;20260106;80;;;',
    ].join('\r\n');

    const result = parsePaymentRows(table(csv), { defaultCurrency: EUR });

    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        reference: 'VIR-0001',
        customerCode: 'C001',
        date: calendarDate('2026-01-05'),
        amount: cents(123456),
        currency: EUR,
        invoiceNumber: 'F-2025-001',
        method: 'transfer',
      },
      {
        line: 3,
        reference: 'CHQ-7',
        customerCode: 'C002',
        date: calendarDate('2026-01-06'),
        amount: cents(8000),
        currency: EUR,
        invoiceNumber: undefined,
        method: undefined,
      },
    ]);
  });

  it.each([
    ['virement', 'transfer'],
    ['Prélèvement', 'sepa_direct_debit'],
    ['prelevement SEPA', 'sepa_direct_debit'],
    ['SEPA', 'sepa_direct_debit'],
    ['LCR', 'lcr'],
    ['traite', 'lcr'],
    ['CB', 'card'],
    ['carte bancaire', 'card'],
    ['Chèque', 'cheque'],
    ['espèces', 'cash'],
    ['sepa_direct_debit', 'sepa_direct_debit'],
  ])('reads method %j as %s', (method, expected) => {
    expect(parse(`P1;C1;2026-01-05;10;;;${method}`).rows.map((row) => row.method)).toEqual([
      expected,
    ]);
  });

  it.each<[string, string, string, string, Record<string, unknown>]>([
    [
      'reference',
      ';C1;2026-01-05;10;;;',
      'required',
      'reference is required.',
      { field: 'reference', context: 'cell' },
    ],
    [
      'customer_code',
      'P1;;2026-01-05;10;;;',
      'required',
      'customer_code is required.',
      { field: 'customer_code', context: 'cell' },
    ],
    ['date', 'P1;C1;;10;;;', 'required', 'date is required.', { field: 'date', context: 'cell' }],
    [
      'amount',
      'P1;C1;2026-01-05;;;;',
      'required',
      'amount is required.',
      { field: 'amount', context: 'cell' },
    ],
    [
      'date',
      'P1;C1;29/02/2025;10;;;',
      'invalid_date',
      'date "29/02/2025" is not a valid date (expected YYYY-MM-DD, DD/MM/YYYY or YYYYMMDD).',
      { field: 'date', value: '29/02/2025' },
    ],
    [
      'amount',
      'P1;C1;2026-01-05;10 EUR;;;',
      'invalid_amount',
      'amount "10 EUR" is not a valid EUR amount ("10 EUR" is not a number).',
      {
        field: 'amount',
        value: '10 EUR',
        currency: 'EUR',
        figure: '10 EUR',
        digits: 2,
        max: '99999999999.99',
        context: 'not_number',
      },
    ],
    [
      'amount',
      'P1;C1;2026-01-05;-10;;;',
      'negative_amount',
      'amount "-10" is negative; a payment is money received (a refund to the customer is not imported as a payment).',
      { value: '-10', context: 'payment' },
    ],
    ['amount', 'P1;C1;2026-01-05;0;;;', 'zero_amount', 'amount "0" is zero.', { value: '0' }],
    [
      'currency',
      'P1;C1;2026-01-05;10;euros;;',
      'unknown_currency',
      'currency "euros" is not an ISO 4217 currency code (e.g. EUR, USD, CHF).',
      { value: 'euros', context: 'cell' },
    ],
    [
      'method',
      'P1;C1;2026-01-05;10;;;bitcoin',
      'invalid_payment_method',
      'method "bitcoin" is not one of: transfer, sepa_direct_debit, lcr, card, cheque, cash.',
      {
        field: 'method',
        value: 'bitcoin',
        choices: 'transfer, sepa_direct_debit, lcr, card, cheque, cash',
      },
    ],
  ])('refuses line 2 on %s (%s)', (field, line, code, message, params) => {
    const result = parse(line);

    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([{ line: 2, field, code, message, params }]);
  });

  it('refuses a second line with the same reference, naming the first', () => {
    const result = parse(
      'P1;C1;2026-01-05;10;;;',
      'P2;C1;2026-01-05;10;;;',
      'P1;C2;2026-01-06;20;;;',
    );

    expect(result.rows.map((row) => row.reference)).toEqual(['P1', 'P2']);
    expect(result.errors).toEqual([
      {
        line: 4,
        field: 'reference',
        code: 'duplicate_in_file',
        message: 'Payment reference "P1" already appears on line 2.',
        params: { value: 'P1', firstLine: 2, context: 'payment_reference' },
      },
    ]);
  });

  it('reads "€" as the euro and a USD row in its own currency', () => {
    const result = parse('P1;C1;2026-01-05;10;€;;', 'P2;C1;2026-01-05;10.5;usd;;');

    expect(result.rows.map((row) => [row.amount, row.currency])).toEqual([
      [1000, 'EUR'],
      [1050, 'USD'],
    ]);
  });
});
