import { describe, expect, it } from 'vitest';
import type { Issue } from './errors.ts';
import {
  normalizeCustomerCode,
  checkCustomerIdentifiers,
  frenchVatNumber,
  ibanFromRib,
  isValidFrenchVatNumber,
  isValidIban,
  isValidSiren,
  isValidSiret,
  normalizeIban,
  normalizeSiren,
  normalizeSiret,
  normalizeVatNumber,
  sirenOfFrenchVatNumber,
  type CustomerIdentifiers,
} from './identifiers.ts';

// Luhn, worked by hand: from the right, double every second digit and subtract 9 when the
// double exceeds 9; the total must be a multiple of 10.
//   732829320 → 0 + 4 + 3 + 9 + 2 + 7 + 2 + 6 + 7 = 40 ✓ (python-stdnum's example)
//   552100554 → 4 + 1 + 5 + 0 + 0 + 2 + 2 + 1 + 5 = 20 ✓
//   552081317 → 7 + 2 + 3 + 2 + 8 + 0 + 2 + 1 + 5 = 30 ✓
//   356000000 → 0 + 0 + 0 + 0 + 0 + 0 + 6 + 1 + 3 = 10 ✓ (La Poste)
//   732829321 → 1 + 4 + 3 + 9 + 2 + 7 + 2 + 6 + 7 = 41 ✗
describe('SIREN', () => {
  it.each([
    '732829320',
    '552100554',
    '552081317',
    '356000000',
    '732 829 320',
    ' 732829320 ',
    '732\u00a0829\u00a0320', // no-break spaces from a word processor
    '732\u202f829\u202f320',
  ])('accepts %j', (siren) => {
    expect(isValidSiren(siren)).toBe(true);
  });

  it.each([
    '732829321', // Luhn sum 41
    '552100555',
    '000000000', // passes Luhn, never issued
    '73282932', // 8 digits
    '7328293200', // 10 digits
    '732-829-320', // only spaces are separators
    '732.829.320',
    'ABCDEFGHI',
    '',
  ])('refuses %j', (siren) => {
    expect(isValidSiren(siren)).toBe(false);
  });

  it('normalizes by removing every kind of space', () => {
    expect(normalizeSiren(' 732 829\u00a0320 ')).toBe('732829320');
    expect(normalizeSiret('732 829 320 00074')).toBe('73282932000074');
  });
});

// 73282932000074 → 4 + 5 + 0 + 0 + 0 + 0 + 2 + 6 + 9 + 4 + 8 + 4 + 3 + 5 = 50 ✓
// 73282932000079 → Luhn sum 55 ✗
// 35600000000048 (La Poste head office) → Luhn 8 + 8 + 3 + 5 + 6 = 30 ✓; digit sum 26, not ×5
// 35600000049837 (La Poste) → Luhn 48 ✗; digit sum 3+5+6+4+9+8+3+7 = 45 ✓ (×5)
// 35600000049838 → Luhn 49 ✗, digit sum 46 ✗
// 73282932000072 → Luhn 48 ✗, digit sum 45: ×5, but not La Poste
// 73282932100007 → Luhn 50 ✓, but its SIREN 732829321 fails (41)
describe('SIRET', () => {
  it.each([
    '73282932000074',
    '732 829 320 00074',
    '35600000000048', // La Poste head office: ordinary Luhn
    '35600000049837', // La Poste establishment: digit sum multiple of 5
    '356 000 000 49837',
  ])('accepts %j', (siret) => {
    expect(isValidSiret(siret)).toBe(true);
  });

  it.each([
    '73282932000079',
    '35600000049838',
    '73282932000072', // the La Poste rule is for SIREN 356000000 only
    '73282932100007', // Luhn right over 14 digits, SIREN wrong
    '00000000000000',
    '7328293200007', // 13 digits
    '732829320000740',
    '7328293200007A',
    '',
  ])('refuses %j', (siret) => {
    expect(isValidSiret(siret)).toBe(false);
  });
});

// Key = (12 + 3 × (SIREN mod 97)) mod 97:
//   732829320 mod 97 = 43 → (12 + 129) mod 97 = 44
//   552081317 mod 97 = 94 → (12 + 282) mod 97 = 3
//   552100554 mod 97 = 28 → (12 + 84) mod 97 = 96
//   356000000 mod 97 = 9 → (12 + 27) mod 97 = 39
describe('French VAT number', () => {
  it.each([
    ['732829320', 'FR44732829320'],
    ['552081317', 'FR03552081317'], // two-digit key with a leading zero
    ['552100554', 'FR96552100554'],
    ['356000000', 'FR39356000000'],
    ['732 829 320', 'FR44732829320'],
  ])('frenchVatNumber(%j) = %s', (siren, vat) => {
    expect(frenchVatNumber(siren)).toBe(vat);
  });

  it.each(['732829321', '12345678', ''])('frenchVatNumber refuses %j', (siren) => {
    expect(() => frenchVatNumber(siren)).toThrow(RangeError);
  });

  it.each([
    'FR44732829320',
    'fr44732829320',
    'FR 44 732 829 320',
    'Fr44 732.829.320',
    'FR03552081317',
    'FR96552100554',
    'FR90000012345', // Monaco: no SIREN, key (12 + 3 × 26) mod 97 = 90
    'FRK7399859412', // new-style key: shape only, 399859412 is a valid SIREN
    // Other EU countries: format only.
    'DE123456789',
    'BE0123456789',
    'EL123456789', // Greece
    'XI123456789', // Northern Ireland
    'ATU12345678',
    'NL123456789B01',
    'ES X1234567X',
    'IE1234567WA',
    'de 123 456 789',
  ])('isValidFrenchVatNumber accepts %j', (vat) => {
    expect(isValidFrenchVatNumber(vat)).toBe(true);
  });

  it.each([
    'FR45732829320', // wrong key
    'FR44732829321', // key of nothing: 732829321 is not a SIREN
    'FR4473282932', // 8-digit SIREN
    'FR447328293200',
    'FR91000012345', // Monaco with a wrong key
    'FRIO732829320', // I and O are not key characters
    'FRK7399859413', // new-style key, SIREN fails Luhn
    '44732829320', // no country prefix
    'GB123456789', // not an EU VAT number since 2021
    'CH123456789',
    'US123',
    'DE1', // too short
    'DE12345678901234', // too long
    'DE123#456',
    'XX123456789',
    '',
  ])('isValidFrenchVatNumber refuses %j', (vat) => {
    expect(isValidFrenchVatNumber(vat)).toBe(false);
  });

  it('normalizes and extracts the SIREN', () => {
    expect(normalizeVatNumber(' fr 44-732.829.320 ')).toBe('FR44732829320');
    expect(sirenOfFrenchVatNumber('fr44 732 829 320')).toBe('732829320');
    expect(sirenOfFrenchVatNumber('FR90000012345')).toBeUndefined(); // Monaco
    expect(sirenOfFrenchVatNumber('DE123456789')).toBeUndefined();
  });
});

describe('IBAN', () => {
  it.each([
    'FR7630006000011234567890189',
    'fr76 3000 6000 0112 3456 7890 189',
    'FR76\u00a03000\u00a06000\u00a00112\u00a03456\u00a07890\u00a0189',
    'FR76-3000-6000-0112-3456-7890-189',
    'DE89370400440532013000',
    'GB82WEST12345698765432',
  ])('accepts %j', (iban) => {
    expect(isValidIban(iban)).toBe(true);
  });

  it.each([
    'FR7630006000011234567890188', // last digit changed: mod-97 key wrong
    'FR7730006000011234567890189', // check digits changed
    'FR763000600001123456789018', // one character short
    'DE89370400440532013001',
    'XX7630006000011234567890189', // unknown country
    'FR76',
    '',
  ])('refuses %j', (iban) => {
    expect(isValidIban(iban)).toBe(false);
  });

  it('normalizes to the electronic format', () => {
    expect(normalizeIban(' fr76 3000\u00a06000 0112 3456 7890 189 ')).toBe(
      'FR7630006000011234567890189',
    );
    expect(normalizeIban('')).toBe('');
  });
});

describe('ibanFromRib', () => {
  // Published pairs: the example of the French IBAN format (the banks' own, and Wikipedia's),
  // and SWIFT's IBAN registry example for France, whose account number holds a letter.
  it.each([
    ['30006', '00001', '12345678901', 'FR7630006000011234567890189'],
    ['20041', '01005', '0500013M026', 'FR1420041010050500013M02606'],
  ])('%s %s %s is %s', (bank, branch, account, iban) => {
    expect(ibanFromRib(bank, branch, account)).toBe(iban);
  });

  it('counts letters by the RIB rule: S is 2, as K and B are', () => {
    // Worked by hand: 0000000000S reads 00000000002, so the key is
    // 97 − ((89 × 10000 + 15 × 10000 + 3 × 2) mod 97) = 97 − (1040006 mod 97) = 97 − 69 = 28.
    expect(ibanFromRib('10000', '10000', '0000000000S').slice(-2)).toBe('28');
    expect(ibanFromRib('10000', '10000', '0000000000S').slice(-2)).toBe(
      ibanFromRib('10000', '10000', '0000000000K').slice(-2),
    );
  });

  it.each([
    ['30002', '00447', '0000888899H'],
    ['30004', '00003', '12345678901'],
    ['10278', '02204', '00020427603'],
    ['17515', '90000', 'ABCDEFGHIJK'],
  ])(
    'gives an IBAN that ibantools accepts, national key included: %s %s %s',
    (bank, branch, account) => {
      expect(isValidIban(ibanFromRib(bank, branch, account))).toBe(true);
    },
  );

  it('reads the account number in any case', () => {
    expect(ibanFromRib('20041', '01005', '0500013m026')).toBe('FR1420041010050500013M02606');
  });

  it.each([
    ['3000', '00001', '12345678901'],
    ['30006', '0000A', '12345678901'],
    ['30006', '00001', '1234567890'],
    ['30006', '00001', '1234567890-'],
  ])('refuses %s %s %s, which is no RIB', (bank, branch, account) => {
    expect(() => ibanFromRib(bank, branch, account)).toThrow(RangeError);
  });
});

describe('checkCustomerIdentifiers', () => {
  it.each<[string, CustomerIdentifiers, Issue[]]>([
    ['nothing given', {}, []],
    ['blank values', { siren: '', siret: '  ', vatNumber: undefined, iban: '' }, []],
    [
      'a consistent set',
      {
        siren: '732829320',
        siret: '732 829 320 00074',
        vatNumber: 'fr 44 732829320',
        iban: 'FR7630006000011234567890189',
      },
      [],
    ],
    ['La Poste', { siren: '356000000', siret: '35600000049837', vatNumber: 'FR39356000000' }, []],
    ['a foreign VAT number beside a SIREN', { siren: '732829320', vatNumber: 'DE123456789' }, []],
    [
      'a bad SIREN',
      { siren: '732829321' },
      [
        {
          field: 'siren',
          code: 'invalid_siren',
          message: 'SIREN "732829321" is not valid (9 digits, Luhn key)',
        },
      ],
    ],
    [
      'a SIRET of another company',
      { siren: '552100554', siret: '73282932000074' },
      [
        {
          field: 'siret',
          code: 'siret_siren_mismatch',
          message: 'SIRET "73282932000074" does not start with the SIREN 552100554',
        },
      ],
    ],
    [
      'a VAT number of another company',
      { siren: '732829320', vatNumber: 'FR03552081317' },
      [
        {
          field: 'vatNumber',
          code: 'vat_number_siren_mismatch',
          message:
            'VAT number "FR03552081317" does not match the SIREN 732829320 (expected FR44732829320)',
        },
      ],
    ],
    [
      'a VAT number checked against the SIRET when there is no SIREN',
      { siret: '73282932000074', vatNumber: 'FR03552081317' },
      [
        {
          field: 'vatNumber',
          code: 'vat_number_siren_mismatch',
          message:
            'VAT number "FR03552081317" does not match the SIREN 732829320 (expected FR44732829320)',
        },
      ],
    ],
    [
      'a Monaco VAT number beside a SIREN',
      { siren: '732829320', vatNumber: 'FR90000012345' },
      [
        {
          field: 'vatNumber',
          code: 'vat_number_siren_mismatch',
          message:
            'VAT number "FR90000012345" does not match the SIREN 732829320 (expected FR44732829320)',
        },
      ],
    ],
    [
      'a bad SIREN does not also report mismatches',
      { siren: '732829321', siret: '73282932000074', vatNumber: 'FR44732829320' },
      [
        {
          field: 'siren',
          code: 'invalid_siren',
          message: 'SIREN "732829321" is not valid (9 digits, Luhn key)',
        },
      ],
    ],
    [
      'everything wrong',
      {
        siren: '123',
        siret: '73282932000079',
        vatNumber: 'FR45732829320',
        iban: 'FR7630006000011234567890188',
      },
      [
        {
          field: 'siren',
          code: 'invalid_siren',
          message: 'SIREN "123" is not valid (9 digits, Luhn key)',
        },
        {
          field: 'siret',
          code: 'invalid_siret',
          message: 'SIRET "73282932000079" is not valid (14 digits, Luhn key)',
        },
        {
          field: 'vatNumber',
          code: 'invalid_vat_number',
          message: 'VAT number "FR45732829320" is not valid',
        },
        {
          field: 'iban',
          code: 'invalid_iban',
          message: 'IBAN "FR7630006000011234567890188" is not valid',
        },
      ],
    ],
  ])('%s', (_label, identifiers, expected) => {
    // The English sentences; their parameters, and the French, are the catalogue's (catalogue.test.ts).
    const issues = checkCustomerIdentifiers(identifiers);
    expect(
      issues.map((issue) => ({ field: issue.field, code: issue.code, message: issue.message })),
    ).toEqual(expected);
  });
});

describe('normalizeCustomerCode', () => {
  it.each([
    ['A001', 'A001'],
    ['a001', 'A001'],
    ['  cli-42 ', 'CLI-42'],
    ['société', 'SOCIÉTÉ'],
    // "e" + combining acute (NFD, as macOS writes file names) is the same code as "é".
    ['soci\u0065\u0301t\u0065\u0301', 'SOCIÉTÉ'],
    ['straße', 'STRASSE'],
  ])('%j is stored as %j', (typed, stored) => {
    expect(normalizeCustomerCode(typed)).toBe(stored);
  });
});
