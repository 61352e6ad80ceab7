import { describe, expect, it } from 'vitest';

import { calendarDate } from '../../shared/calendar-date.ts';
import { cents, currencyCode } from '../../shared/money.ts';
import { parseOrderRows } from './order-rows.ts';
import { readWholeCsv } from '../../../test/whole-import-file.ts';

const EUR = currencyCode('EUR');
const HEADER =
  'number;customer_code;order_date;amount;currency;expected_delivery_date;special_conditions;prices_agreed;delivery_date_confirmed;confirmation_sent';

function table(csv: string) {
  const result = readWholeCsv(csv);
  if (!result.ok) {
    throw new Error(JSON.stringify(result.issues));
  }
  return result.table;
}

function parse(...lines: string[]) {
  return parseOrderRows(table([HEADER, ...lines].join('\n')), { defaultCurrency: EUR });
}

describe('parseOrderRows', () => {
  it('reads every column of the canonical file, the customer code in capitals', () => {
    const result = parse(
      'CMD-1;c001;2026-03-02;1 234,56;EUR;2026-04-15;remise 3 %, 60 jours;oui;non;1',
      'CMD-2;C002;05/03/2026;80;;;;;;',
    );

    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        number: 'CMD-1',
        customerCode: 'C001',
        orderDate: calendarDate('2026-03-02'),
        amount: cents(123456),
        currency: EUR,
        expectedDeliveryDate: calendarDate('2026-04-15'),
        specialConditions: 'remise 3 %, 60 jours',
        pricesAgreed: true,
        deliveryDateConfirmed: false,
        confirmationSent: true,
      },
      {
        line: 3,
        number: 'CMD-2',
        customerCode: 'C002',
        orderDate: calendarDate('2026-03-05'),
        amount: cents(8000),
        currency: EUR,
        expectedDeliveryDate: null,
        specialConditions: null,
        pricesAgreed: false,
        deliveryDateConfirmed: false,
        confirmationSent: false,
      },
    ]);
  });

  it('reads the example of docs/import.md « Orders »', () => {
    const result = parseOrderRows(
      table(
        [
          'number,customer_code,order_date,amount,currency,expected_delivery_date,special_conditions,prices_agreed,delivery_date_confirmed,confirmation_sent',
          'CMD-2026-0101,C001,2026-03-10,"12 500,00",EUR,2026-04-01,remise 3 % sur le second lot,oui,oui,non',
          'CMD-2026-0102,C002,11/03/2026,800,,,,,,',
        ].join('\n'),
      ),
      { defaultCurrency: EUR },
    );

    expect(result.errors).toEqual([]);
    expect(
      result.rows.map((row) => [
        row.number,
        row.orderDate,
        row.amount,
        row.expectedDeliveryDate,
        row.specialConditions,
        row.pricesAgreed,
        row.deliveryDateConfirmed,
        row.confirmationSent,
      ]),
    ).toEqual([
      [
        'CMD-2026-0101',
        '2026-03-10',
        1_250_000,
        '2026-04-01',
        'remise 3 % sur le second lot',
        true,
        true,
        false,
      ],
      ['CMD-2026-0102', '2026-03-11', 80_000, null, null, false, false, false],
    ]);
  });

  it('reads an ERP export under its French column names, and says which it read so', () => {
    const csv = [
      'N° commande;Code client;Date commande;Montant TTC;Devise;Date de livraison prévue;Conditions particulières;Prix validés;Livraison confirmée;Confirmation envoyée',
      'BC-77;C001;20260301;500;EUR;20260320;;Oui;VRAI;x',
    ].join('\r\n');

    const result = parseOrderRows(table(csv), { defaultCurrency: EUR });

    expect(result.rows).toEqual([]);
    expect(result.columns).toEqual([
      'number',
      'customer_code',
      'order_date',
      'amount',
      'currency',
      'expected_delivery_date',
      'special_conditions',
      'prices_agreed',
      'delivery_date_confirmed',
      'confirmation_sent',
    ]);
    expect(result.notices.map((notice) => [notice.field, notice.params?.['name']])).toEqual([
      ['number', 'n_commande'],
      ['customer_code', 'code_client'],
      ['order_date', 'date_commande'],
      ['amount', 'montant_ttc'],
      ['currency', 'devise'],
      ['expected_delivery_date', 'date_de_livraison_prevue'],
      ['special_conditions', 'conditions_particulieres'],
      ['prices_agreed', 'prix_valides'],
      ['delivery_date_confirmed', 'livraison_confirmee'],
      ['confirmation_sent', 'confirmation_envoyee'],
    ]);
    expect(result.errors).toEqual([
      {
        line: 2,
        field: 'confirmation_sent',
        code: 'invalid_boolean',
        message: 'confirmation_sent "x" is not yes or no (oui, non, yes, no, 1, 0, true, false).',
        params: { field: 'confirmation_sent', value: 'x', choices: 'false, true' },
      },
    ]);
  });

  it.each([
    ['oui', true],
    ['Oui', true],
    ['yes', true],
    ['TRUE', true],
    ['vrai', true],
    ['1', true],
    ['non', false],
    ['NO', false],
    ['false', false],
    ['Faux', false],
    ['0', false],
    ['', false],
  ])('reads the checklist box %j as %s', (box, expected) => {
    expect(
      parse(`C1;C1;2026-03-02;10;;;;${box};${box};${box}`).rows.map((row) => [
        row.pricesAgreed,
        row.deliveryDateConfirmed,
        row.confirmationSent,
      ]),
    ).toEqual([[expected, expected, expected]]);
  });

  it.each([
    ['0', 0],
    ['-12,50', -1250],
  ])(
    'passes the amount %j on as %i: a positive amount is checkOrderInput’s rule',
    (amount, expected) => {
      expect(parse(`C1;C1;2026-03-02;${amount};;;;;;`).rows.map((row) => row.amount)).toEqual([
        expected,
      ]);
    },
  );

  it.each<[string, string, string, string, Record<string, unknown>]>([
    [
      'number',
      ';C1;2026-03-02;10;;;;;;',
      'required',
      'number is required.',
      { field: 'number', context: 'cell' },
    ],
    [
      'customer_code',
      'O1;;2026-03-02;10;;;;;;',
      'required',
      'customer_code is required.',
      { field: 'customer_code', context: 'cell' },
    ],
    [
      'order_date',
      'O1;C1;;10;;;;;;',
      'required',
      'order_date is required.',
      { field: 'order_date', context: 'cell' },
    ],
    [
      'amount',
      'O1;C1;2026-03-02;;;;;;;',
      'required',
      'amount is required.',
      { field: 'amount', context: 'cell' },
    ],
    [
      'order_date',
      'O1;C1;31/02/2026;10;;;;;;',
      'invalid_date',
      'order_date "31/02/2026" is not a valid date (expected YYYY-MM-DD, DD/MM/YYYY or YYYYMMDD).',
      { field: 'order_date', value: '31/02/2026' },
    ],
    [
      'expected_delivery_date',
      'O1;C1;2026-03-02;10;;bientôt;;;;',
      'invalid_date',
      'expected_delivery_date "bientôt" is not a valid date (expected YYYY-MM-DD, DD/MM/YYYY or YYYYMMDD).',
      { field: 'expected_delivery_date', value: 'bientôt' },
    ],
    [
      'amount',
      'O1;C1;2026-03-02;dix;;;;;;',
      'invalid_amount',
      'amount "dix" is not a valid EUR amount ("dix" is not a number).',
      {
        field: 'amount',
        value: 'dix',
        currency: 'EUR',
        figure: 'dix',
        digits: 2,
        max: '99999999999.99',
        context: 'not_number',
      },
    ],
    [
      'currency',
      'O1;C1;2026-03-02;10;euros;;;;;',
      'unknown_currency',
      'currency "euros" is not an ISO 4217 currency code (e.g. EUR, USD, CHF).',
      { value: 'euros', context: 'cell' },
    ],
    [
      'prices_agreed',
      'O1;C1;2026-03-02;10;;;;peut-être;;',
      'invalid_boolean',
      'prices_agreed "peut-être" is not yes or no (oui, non, yes, no, 1, 0, true, false).',
      { field: 'prices_agreed', value: 'peut-être', choices: 'false, true' },
    ],
  ])('refuses line 2 on %s (%s)', (field, line, code, message, params) => {
    const result = parse(line);

    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([{ line: 2, field, code, message, params }]);
  });

  it('refuses a second line with the same number, naming the first', () => {
    const result = parse(
      'O1;C1;2026-03-02;10;;;;;;',
      'O2;C1;2026-03-02;10;;;;;;',
      'O1;C2;2026-03-03;20;;;;;;',
    );

    expect(result.rows.map((row) => row.number)).toEqual(['O1', 'O2']);
    expect(result.errors).toEqual([
      {
        line: 4,
        field: 'number',
        code: 'duplicate_in_file',
        message: 'Order number "O1" already appears on line 2.',
        params: { value: 'O1', firstLine: 2, context: 'order_number' },
      },
    ]);
  });

  it('requires the currency column when the company has no default currency', () => {
    const result = parseOrderRows(
      table('number;customer_code;order_date;amount\nO1;C1;2026-03-02;10'),
    );

    expect(result.rows).toEqual([]);
    expect(result.errors.map((issue) => [issue.field, issue.code])).toEqual([
      ['currency', 'missing_column'],
    ]);
  });
});
