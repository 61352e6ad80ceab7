import { describe, expect, it } from 'vitest';

import {
  CUSTOMER_COLUMN_SPEC,
  INVOICE_COLUMN_SPEC,
  PAYMENT_COLUMN_SPEC,
  mapColumns,
  parseMappingOption,
  type ColumnSpec,
  type MapColumnsResult,
} from './column-mapping.ts';
import { readWholeCsv } from '../../../test/whole-import-file.ts';

function table(csv: string) {
  const result = readWholeCsv(csv);
  if (!result.ok) {
    throw new Error(JSON.stringify(result.issues));
  }
  return result.table;
}

function mapped<C extends string>(result: MapColumnsResult<C>) {
  if (!result.ok) {
    throw new Error(JSON.stringify(result.errors));
  }
  return result;
}

/** The canonical column a file column is read as, when it is the only column. */
function columnFor<C extends string>(spec: ColumnSpec<C>, header: string): C | undefined {
  const result = mapColumns(spec, table(`${header}\nx`), { required: [] });
  return mapped(result).columns[0];
}

describe('French and English column names', () => {
  it.each([
    ['Raison sociale', 'name'],
    ['Nom', 'name'],
    ['Code client', 'code'],
    ['SIRET', 'siret'],
    ['TVA intracom', 'vat_number'],
    ['Code postal', 'postal_code'],
    ['Ville', 'city'],
    ['Pays', 'country'],
    ['Conditions de paiement', 'payment_terms'],
    ['Délai paiement', 'payment_terms'],
    ['Mode de règlement', 'payment_method'],
    ['Téléphone', 'phone'],
    ['E-mail', 'email'],
    ['Encours autorisé', 'credit_limit'],
    ['address_line1', 'address_line1'],
  ])('customers: %j → %s', (header, expected) => {
    expect(columnFor(CUSTOMER_COLUMN_SPEC, header)).toBe(expected);
  });

  it.each([
    ['Numéro', 'number'],
    ['N° facture', 'number'],
    ['Code client', 'customer_code'],
    ['Date facture', 'issue_date'],
    ["Date d'émission", 'issue_date'],
    ['Échéance', 'due_date'],
    ['Date échéance', 'due_date'],
    ['Montant TTC', 'amount'],
    ['Devise', 'currency'],
    ['Type', 'kind'],
  ])('invoices: %j → %s', (header, expected) => {
    expect(columnFor(INVOICE_COLUMN_SPEC, header)).toBe(expected);
  });

  it.each([
    ['Référence', 'reference'],
    ['Réf', 'reference'],
    ['Code client', 'customer_code'],
    ['Date paiement', 'date'],
    ['Date de règlement', 'date'],
    ['Montant', 'amount'],
    ['Facture', 'invoice_number'],
    ['Mode de règlement', 'method'],
  ])('payments: %j → %s', (header, expected) => {
    expect(columnFor(PAYMENT_COLUMN_SPEC, header)).toBe(expected);
  });
});

describe('mapColumns', () => {
  it('reads records by canonical column, trimmed, with notices for aliases and ignored columns', () => {
    const result = mapColumns(
      INVOICE_COLUMN_SPEC,
      table(
        'N° facture;Code client;Date facture;Montant TTC;Commentaire\nF-1; C1 ;2025-12-31;10;rien',
      ),
    );

    const { records, columns, notices } = mapped(result);
    expect(columns).toEqual(['number', 'customer_code', 'issue_date', 'amount']);
    expect(
      records.map((record) => [record.line, record.cell('customer_code'), record.cell('due_date')]),
    ).toEqual([[2, 'C1', '']]);
    expect(notices.map((notice) => [notice.code, notice.field])).toEqual([
      ['alias_column', 'number'],
      ['alias_column', 'customer_code'],
      ['alias_column', 'issue_date'],
      ['alias_column', 'amount'],
      ['ignored_column', 'commentaire'],
    ]);
    expect(notices[4]?.message).toBe(
      'Column "commentaire" is ignored (not a column of invoices files).',
    );
  });

  it('lets an explicit mapping name any column, compared after normalization', () => {
    const result = mapColumns(
      INVOICE_COLUMN_SPEC,
      table('Pièce;Tiers;Le;Total\nF-1;C1;2025-12-31;10'),
      { mapping: { number: 'PIÈCE', customer_code: 'Tiers', issue_date: 'le', amount: 'Total' } },
    );

    const { records, notices } = mapped(result);
    expect(records[0]?.cell('number')).toBe('F-1');
    expect(records[0]?.cell('amount')).toBe('10');
    expect(notices).toEqual([]);
  });

  it('prefers the exact canonical name over an alias, and reports the alias column as ignored', () => {
    const result = mapped(
      mapColumns(
        PAYMENT_COLUMN_SPEC,
        table('reference;customer_code;date;amount;montant\nP1;C1;2025-01-01;5;6'),
      ),
    );

    expect(result.records[0]?.cell('amount')).toBe('5');
    expect(result.notices.map((notice) => [notice.code, notice.field])).toEqual([
      ['ignored_column', 'montant'],
    ]);
  });

  it.each([
    [
      'a missing required column',
      'numero;code_client;date_facture\nF1;C1;2025-01-01',
      {},
      {
        field: 'amount',
        code: 'missing_column',
        message:
          'Required column "amount" is missing (accepted names: amount, montant_ttc, montant, total_ttc, ttc); name another column with --map amount=<column>.',
        params: { column: 'amount', accepted: 'amount, montant_ttc, montant, total_ttc, ttc' },
      },
    ],
    [
      'two aliases for the same column',
      'numero;code_client;date_facture;montant;montant_ttc\nF1;C1;2025-01-01;1;2',
      {},
      {
        field: 'amount',
        code: 'ambiguous_column',
        message:
          'Columns "montant" and "montant_ttc" could all be "amount"; choose one with --map amount=<column>.',
        params: { first: 'montant', second: 'montant_ttc', column: 'amount' },
      },
    ],
    [
      'a repeated column name',
      'numero;code_client;date_facture;montant;Montant\nF1;C1;2025-01-01;1;2',
      {},
      {
        field: 'amount',
        code: 'duplicate_column',
        message:
          'The file has more than one column named "montant"; rename one, or choose with --map.',
        params: { name: 'montant' },
      },
    ],
    [
      'a mapping to a column the file does not have',
      'numero;code_client;date_facture;montant\nF1;C1;2025-01-01;1',
      { mapping: { amount: 'Montant TTC' } },
      {
        field: 'amount',
        code: 'missing_column',
        message:
          '--map amount=Montant TTC: the file has no column "Montant TTC" (it has: numero, code_client, date_facture, montant).',
        params: {
          column: 'amount',
          fileColumn: 'Montant TTC',
          header: 'numero, code_client, date_facture, montant',
          context: 'mapped',
        },
      },
    ],
    [
      'a mapping of a column invoices do not have',
      'numero;code_client;date_facture;montant\nF1;C1;2025-01-01;1',
      { mapping: { total: 'montant' } },
      {
        field: 'mapping',
        code: 'unknown_column',
        message:
          '--map: "total" is not a column of invoices files (expected one of: number, customer_code, issue_date, due_date, amount, currency, kind).',
        params: {
          key: 'total',
          columns: 'number, customer_code, issue_date, due_date, amount, currency, kind',
          context: 'invoices_file',
        },
      },
    ],
  ])('refuses the file for %s', (_label, csv, options, issue) => {
    const result = mapColumns(INVOICE_COLUMN_SPEC, table(csv), options);

    expect(result.ok ? [] : result.errors).toEqual([issue]);
  });

  it('makes a column required on request (currency without a default)', () => {
    const result = mapColumns(
      PAYMENT_COLUMN_SPEC,
      table('reference;customer_code;date;amount\nP1;C1;2025-01-01;5'),
      {
        required: [...PAYMENT_COLUMN_SPEC.required, 'currency'],
      },
    );

    expect(result.ok ? [] : result.errors.map((issue) => [issue.code, issue.field])).toEqual([
      ['missing_column', 'currency'],
    ]);
  });
});

describe('parseMappingOption', () => {
  it.each([
    ['amount=Montant TTC,number=Facture', { amount: 'Montant TTC', number: 'Facture' }],
    [' amount = Montant TTC , ', { amount: 'Montant TTC' }],
    [
      'amount="Montant, TTC",Customer_Code=Tiers',
      { amount: 'Montant, TTC', customer_code: 'Tiers' },
    ],
    ['', {}],
  ])('%j', (text, mapping) => {
    expect(parseMappingOption(text)).toEqual({ ok: true, mapping });
  });

  it.each([
    [
      'amount',
      '--map: "amount" is not of the form column=File column (e.g. amount=Montant TTC).',
      { entry: 'amount', context: 'form' },
    ],
    [
      '=Montant',
      '--map: "=Montant" is not of the form column=File column (e.g. amount=Montant TTC).',
      { entry: '=Montant', context: 'form' },
    ],
    [
      'amount=',
      '--map: "amount=" is not of the form column=File column (e.g. amount=Montant TTC).',
      { entry: 'amount=', context: 'form' },
    ],
    [
      'amount=A,amount=B',
      '--map: "amount" is mapped twice.',
      { column: 'amount', context: 'twice' },
    ],
  ])('refuses %j', (text, message, params) => {
    expect(parseMappingOption(text)).toEqual({
      ok: false,
      issues: [{ field: 'mapping', code: 'invalid_mapping', message, params }],
    });
  });
});
