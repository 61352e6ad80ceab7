import { describe, expect, it } from 'vitest';

import { cents, currencyCode } from '../../shared/money.ts';
import { parseCustomerRows } from './customer-rows.ts';
import { readWholeCsv } from '../../../test/whole-import-file.ts';

const EUR = currencyCode('EUR');

function table(csv: string) {
  const result = readWholeCsv(csv);
  if (!result.ok) {
    throw new Error(JSON.stringify(result.issues));
  }
  return result.table;
}

/** A customer file with `code;name;<column>` and one data line per value. */
function parseColumn(column: string, ...values: string[]) {
  const lines = values.map((value, index) => `C${index + 1};Client ${index + 1};${value}`);
  return parseCustomerRows(table([`code;name;${column}`, ...lines].join('\n')), {
    defaultCurrency: EUR,
  });
}

describe('parseCustomerRows', () => {
  it('reads a full French customer line', () => {
    const csv = [
      'Code client;Raison sociale;SIREN;SIRET;TVA intracom;Adresse;Complément adresse;Code postal;Ville;Pays;Délai de paiement;Mode de règlement;E-mail;Téléphone;Contact;Email recouvreur;Commercial;Catégorie risque;Statut;Encours autorisé;Acompte',
      'C001;Société Générale de Plomberie;732 829 320;732 829 320 00074;FR 44 732829320;12 rue de la Paix;Bât. B;75002;Paris;France;45 jours fin de mois;prélèvement;compta@sgp.fr;01 23 45 67 89;Mme Durand;anne@encaisse.test;Paul;élevé;actif;15 000,00;30',
    ].join('\r\n');

    const result = parseCustomerRows(table(csv), { defaultCurrency: EUR });

    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        code: 'C001',
        name: 'Société Générale de Plomberie',
        siren: '732829320',
        siret: '73282932000074',
        vatNumber: 'FR44732829320',
        addressLine1: '12 rue de la Paix',
        addressLine2: 'Bât. B',
        postalCode: '75002',
        city: 'Paris',
        country: 'FR',
        paymentTerms: 'eom:45',
        paymentMethod: 'sepa_direct_debit',
        email: 'compta@sgp.fr',
        phone: '01 23 45 67 89',
        contactName: 'Mme Durand',
        collectorEmail: 'anne@encaisse.test',
        salesRep: 'Paul',
        riskCategory: 'high',
        status: 'active',
        creditLimit: { amount: cents(1_500_000), currency: EUR },
        depositBps: 3000,
      },
    ]);
    expect(result.notices.filter((notice) => notice.code !== 'alias_column')).toEqual([]);
  });

  it('fills defaults for empty cells and absent columns', () => {
    const result = parseCustomerRows(table('code,name,payment_terms\nC1,Acme,'));

    expect(result.columns).toEqual(['code', 'name', 'payment_terms']);
    expect(result.rows).toEqual([
      {
        line: 2,
        code: 'C1',
        name: 'Acme',
        siren: undefined,
        siret: undefined,
        vatNumber: undefined,
        addressLine1: undefined,
        addressLine2: undefined,
        postalCode: undefined,
        city: undefined,
        country: 'FR',
        paymentTerms: 'net:30',
        paymentMethod: 'transfer',
        email: undefined,
        phone: undefined,
        contactName: undefined,
        collectorEmail: undefined,
        salesRep: undefined,
        riskCategory: 'standard',
        status: 'active',
        creditLimit: undefined,
        depositBps: 0,
      },
    ]);
  });

  it('takes the SIREN from the SIRET when only the SIRET is given', () => {
    const result = parseColumn('siret', '73282932000074');

    expect(result.rows.map((row) => [row.siren, row.siret])).toEqual([
      ['732829320', '73282932000074'],
    ]);
  });

  it.each([
    ['30 jours net', 'net:30'],
    ['net:30', 'net:30'],
    ['60J', 'net:60'],
    ['45 jours fin de mois', 'eom:45'],
    ['à réception', 'net:0'],
  ])('reads payment terms %j as %s', (terms, code) => {
    expect(parseColumn('payment_terms', terms).rows.map((row) => row.paymentTerms)).toEqual([code]);
  });

  it('accepts terms past the legal maximum with a notice', () => {
    const result = parseColumn('payment_terms', '90 jours');

    expect(result.rows.map((row) => row.paymentTerms)).toEqual(['net:90']);
    expect(result.notices).toEqual([
      {
        line: 2,
        field: 'payment_terms',
        code: 'payment_terms_exceed_legal_maximum',
        message:
          'payment_terms "90 jours" can give due dates past the legal maximum (60 days, or 45 days end of month).',
        params: { value: '90 jours' },
      },
    ]);
  });

  it.each([
    ['status', 'Actif', 'active'],
    ['status', 'bloqué', 'on_hold'],
    ['status', 'en attente', 'on_hold'],
    ['status', 'contentieux', 'in_litigation'],
    ['status', 'clos', 'closed'],
    ['status', 'prospect', 'prospect'],
    ['risk_category', 'faible', 'low'],
    ['risk_category', 'Normal', 'standard'],
    ['risk_category', 'élevé', 'high'],
    ['risk_category', 'critique', 'critical'],
    ['country', 'be', 'BE'],
    ['country', 'Allemagne', 'DE'],
    ['country', 'United Kingdom', 'GB'],
    ['country', 'UK', 'GB'],
    ['deposit_percent', '12,5', 1250],
    ['deposit_percent', '100 %', 10_000],
    ['deposit_percent', '0', 0],
  ])('reads %s %j as %j', (column, value, expected) => {
    const result = parseColumn(column, value);
    const row = result.rows[0];
    const read = {
      status: row?.status,
      risk_category: row?.riskCategory,
      country: row?.country,
      deposit_percent: row?.depositBps,
    }[column];

    expect(result.errors).toEqual([]);
    expect(read).toBe(expected);
  });

  it.each<[string, string, string, string, Record<string, unknown>]>([
    ['code', 'required', 'code is required.', ';Acme', { field: 'code', context: 'cell' }],
    ['name', 'required', 'name is required.', 'C1;', { field: 'name', context: 'cell' }],
    [
      'code',
      'too_long',
      `code "${'X'.repeat(41)}" has 41 characters; at most 40 are allowed.`,
      `${'X'.repeat(41)};Acme`,
      { value: 'X'.repeat(41), length: 41, max: 40 },
    ],
  ])('refuses line 2 on %s (%s)', (field, code, message, line, params) => {
    const result = parseCustomerRows(table(`code;name\n${line}`));

    expect(result.errors).toEqual([{ line: 2, field, code, message, params }]);
  });

  it.each([
    [
      'siren',
      '123456789',
      'invalid_siren',
      'siren: SIREN "123456789" is not valid (9 digits, Luhn key).',
      { value: '123456789', field: 'siren', context: 'cell' },
    ],
    [
      'siret',
      '73282932000075',
      'invalid_siret',
      'siret: SIRET "73282932000075" is not valid (14 digits, Luhn key).',
      { value: '73282932000075', field: 'siret', context: 'cell' },
    ],
    [
      'vat_number',
      'FR00732829320',
      'invalid_vat_number',
      'vat_number: VAT number "FR00732829320" is not valid.',
      { value: 'FR00732829320', field: 'vat_number', context: 'cell' },
    ],
    [
      'payment_terms',
      'quand il peut',
      'invalid_payment_terms',
      'payment_terms "quand il peut" are not understood (e.g. "30 jours net", "45 jours fin de mois", "net:30", "eom:45").',
      { value: 'quand il peut', context: 'cell' },
    ],
    [
      'payment_method',
      'troc',
      'invalid_payment_method',
      'payment_method "troc" is not one of: transfer, sepa_direct_debit, lcr, card, cheque, cash.',
      {
        field: 'payment_method',
        value: 'troc',
        choices: 'transfer, sepa_direct_debit, lcr, card, cheque, cash',
      },
    ],
    [
      'country',
      'Gaule',
      'invalid_country',
      'country "Gaule" is not a country (expected an ISO 3166 two-letter code such as FR, BE, DE).',
      { value: 'Gaule' },
    ],
    [
      'email',
      'compta@',
      'invalid_email',
      'email "compta@" is not an e-mail address.',
      { field: 'email', value: 'compta@' },
    ],
    [
      'collector_email',
      'anne.encaisse.test',
      'invalid_email',
      'collector_email "anne.encaisse.test" is not an e-mail address.',
      { field: 'collector_email', value: 'anne.encaisse.test' },
    ],
    [
      'status',
      'dormant',
      'invalid_status',
      'status "dormant" is not one of: prospect, active, on_hold, in_litigation, closed.',
      {
        field: 'status',
        value: 'dormant',
        choices: 'prospect, active, on_hold, in_litigation, closed',
      },
    ],
    [
      'status',
      'constructor',
      'invalid_status',
      'status "constructor" is not one of: prospect, active, on_hold, in_litigation, closed.',
      {
        field: 'status',
        value: 'constructor',
        choices: 'prospect, active, on_hold, in_litigation, closed',
      },
    ],
    [
      'risk_category',
      'moyen',
      'invalid_risk_category',
      'risk_category "moyen" is not one of: low, standard, high, critical.',
      { field: 'risk_category', value: 'moyen', choices: 'low, standard, high, critical' },
    ],
    [
      'credit_limit',
      '-500',
      'negative_amount',
      'credit_limit "-500" is negative; use 0 for "no credit".',
      { value: '-500', context: 'credit_limit' },
    ],
    [
      'credit_limit',
      'illimité',
      'invalid_amount',
      'credit_limit "illimité" is not a valid EUR amount ("illimité" is not a number).',
      {
        field: 'credit_limit',
        value: 'illimité',
        currency: 'EUR',
        figure: 'illimité',
        digits: 2,
        max: '99999999999.99',
        context: 'not_number',
      },
    ],
    [
      'deposit_percent',
      '100,01',
      'invalid_percent',
      'deposit_percent "100,01" is not a percentage between 0 and 100 with at most 2 decimals.',
      { value: '100,01' },
    ],
    [
      'deposit_percent',
      '12,345',
      'invalid_percent',
      'deposit_percent "12,345" is not a percentage between 0 and 100 with at most 2 decimals.',
      { value: '12,345' },
    ],
  ])('refuses %s %j with %s', (column, value, code, message, params) => {
    const result = parseColumn(column, value);

    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([{ line: 2, field: column, code, message, params }]);
  });

  it.each([
    [
      'siren;siret',
      '732829320;55210055400005',
      'siret',
      'siret_siren_mismatch',
      'siret: SIRET "55210055400005" does not start with the SIREN 732829320.',
      { value: '55210055400005', siren: '732829320', field: 'siret', context: 'cell' },
    ],
    [
      'siren;vat_number',
      '732829320;FR96552100554',
      'vat_number',
      'vat_number_siren_mismatch',
      'vat_number: VAT number "FR96552100554" does not match the SIREN 732829320 (expected FR44732829320).',
      {
        value: 'FR96552100554',
        siren: '732829320',
        expected: 'FR44732829320',
        field: 'vat_number',
        context: 'cell',
      },
    ],
  ])(
    'refuses identifiers that contradict each other (%s)',
    (columns, values, field, code, message, params) => {
      const result = parseCustomerRows(table(`code;name;${columns}\nC1;Acme;${values}`));

      expect(result.errors).toEqual([{ line: 2, field, code, message, params }]);
    },
  );

  it('accepts another EU VAT number without comparing it with the SIREN', () => {
    expect(parseColumn('vat_number', 'DE 123456789').rows.map((row) => row.vatNumber)).toEqual([
      'DE123456789',
    ]);
  });

  it('refuses a second line with the same code, naming the first', () => {
    const result = parseCustomerRows(table('code;name\nC1;Acme\nC2;Beta\nC1;Acme bis'));

    expect(result.rows.map((row) => row.line)).toEqual([2, 3]);
    expect(result.errors).toEqual([
      {
        line: 4,
        field: 'code',
        code: 'duplicate_in_file',
        message: 'Customer code "C1" already appears on line 2.',
        params: { value: 'C1', firstLine: 2, context: 'customer_code' },
      },
    ]);
  });

  it('stores codes in capitals, so a001 and A001 on two lines are one customer twice', () => {
    const result = parseCustomerRows(table('code;name\n a001 ;Acme\nb-2;Beta\nA001;Acme bis'));

    expect(result.rows.map((row) => row.code)).toEqual(['A001', 'B-2']);
    expect(result.errors).toEqual([
      {
        line: 4,
        field: 'code',
        code: 'duplicate_in_file',
        message: 'Customer code "A001" already appears on line 2.',
        params: { value: 'A001', firstLine: 2, context: 'customer_code' },
      },
    ]);
  });

  it('refuses the file when the name column is missing', () => {
    const result = parseCustomerRows(table('code;ville\nC1;Paris'));

    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      {
        field: 'name',
        code: 'missing_column',
        message:
          'Required column "name" is missing (accepted names: name, raison_sociale, nom, nom_client, intitule, societe, denomination, legal_name); name another column with --map name=<column>.',
        params: {
          column: 'name',
          accepted:
            'name, raison_sociale, nom, nom_client, intitule, societe, denomination, legal_name',
        },
      },
    ]);
  });
});
