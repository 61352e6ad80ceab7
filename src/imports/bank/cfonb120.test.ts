import { describe, expect, it } from 'vitest';

import { calendarDate } from '../../shared/calendar-date.ts';
import { messageOf } from '../../shared/messages/catalogue.ts';
import { readCfonb120 } from './cfonb120.ts';
import { statementBalances } from './statement.ts';

type Account = { bank: string; branch: string; number: string };

const ACME_BANK: Account = { bank: '30004', branch: '00100', number: '00012345678' };
const OTHER_BANK: Account = { bank: '10278', branch: '02204', number: '0004567890K' };

/** A record of 120 characters, each text at its 1-based position, as the specification counts. */
function record(fields: Readonly<Record<number, string>>): string {
  let text = ' '.repeat(120);
  for (const [position, value] of Object.entries(fields)) {
    const start = Number(position) - 1;
    text = text.slice(0, start) + value + text.slice(start + value.length);
  }
  expect(text).toHaveLength(120);
  return text;
}

/** An 01 or 07 record; `money` is the currency (17-19) and the number of decimals (20). */
function balance(
  code: '01' | '07',
  account: Account,
  date: string,
  amount: string,
  money = 'EUR2',
) {
  return record({
    1: code,
    3: account.bank,
    12: account.branch,
    17: money,
    22: account.number,
    35: date,
    91: amount,
  });
}

type MovementFields = {
  booking: string;
  value?: string;
  label: string;
  amount: string;
  interbank?: string;
  entry?: string;
  reference?: string;
  reject?: string;
  money?: string;
  accountNumber?: string;
};

function movement(account: Account, fields: MovementFields): string {
  return record({
    1: '04',
    3: account.bank,
    8: '0158',
    12: account.branch,
    17: fields.money ?? 'EUR2',
    22: fields.accountNumber ?? account.number,
    33: fields.interbank ?? '05',
    35: fields.booking,
    41: fields.reject ?? '',
    43: fields.value ?? fields.booking,
    49: fields.label,
    82: fields.entry ?? '0000000',
    91: fields.amount,
    105: fields.reference ?? '',
  });
}

function complement(account: Account, qualifier: string, text: string): string {
  return record({
    1: '05',
    3: account.bank,
    8: '0158',
    12: account.branch,
    17: 'EUR2',
    22: account.number,
    33: '05',
    35: '030326',
    46: qualifier,
    49: text,
  });
}

// Two accounts, two days of the first: 1 500,00 + 120,00 − 455,01 = 1 164,99, then
// + 250,00 = 1 414,99; the second account is overdrawn: −1 000,00 − 7,90 = −1 007,90.
const TWO_ACCOUNTS = [
  balance('01', ACME_BANK, '020326', '0000000015000{'),
  movement(ACME_BANK, {
    booking: '030326',
    value: '040326',
    label: 'VIR SEPA ACME SARL',
    amount: '0000000001200{',
    entry: '0000123',
    reference: 'VIR0001',
  }),
  complement(ACME_BANK, 'NPY', 'ACME SARL'),
  complement(ACME_BANK, 'LIB', 'FACT F230875 F230876'),
  complement(ACME_BANK, 'RCN', `${'RF18539007547034'.padEnd(35)}SUPP`),
  movement(ACME_BANK, {
    booking: '030326',
    label: 'PRLV SEPA EDF',
    amount: '0000000004550J',
    interbank: 'B1',
  }),
  balance('07', ACME_BANK, '030326', '0000000011649I'),
  balance('01', ACME_BANK, '030326', '0000000011649I'),
  movement(ACME_BANK, { booking: '040326', label: 'REMISE CHEQUES', amount: '0000000002500{' }),
  balance('07', ACME_BANK, '040326', '0000000014149I'),
  balance('01', OTHER_BANK, '020326', '0000000010000}'),
  movement(OTHER_BANK, {
    booking: '030326',
    label: 'COMMISSION',
    amount: '0000000000079}',
    interbank: '62',
  }),
  balance('07', OTHER_BANK, '030326', '0000000010079}'),
];

/** A statement of the first account around `records`, its balances left unchecked. */
function statementOf(...records: string[]): string[] {
  return [
    balance('01', ACME_BANK, '020326', '0000000000000{'),
    ...records,
    balance('07', ACME_BANK, '030326', '0000000000000{'),
  ];
}

describe('readCfonb120', () => {
  it('reads the statements of two accounts over several days', () => {
    const result = readCfonb120(TWO_ACCOUNTS.join('\n'));

    expect(result.issues).toEqual([]);
    expect(result.notices).toEqual([]);
    expect(result.statements.map((statement) => statement.statementId)).toEqual([
      '30004-00100-00012345678-2026-03-02',
      '30004-00100-00012345678-2026-03-03',
      '10278-02204-0004567890K-2026-03-02',
    ]);
    expect(result.statements.map(statementBalances)).toEqual([true, true, true]);
    expect(result.statements[0]).toEqual({
      position: '1',
      account: {
        kind: 'rib',
        bankCode: '30004',
        branchCode: '00100',
        accountNumber: '00012345678',
      },
      currency: 'EUR',
      statementId: '30004-00100-00012345678-2026-03-02',
      opening: { date: calendarDate('2026-03-02'), amountCents: 150_000 },
      closing: { date: calendarDate('2026-03-03'), amountCents: 116_499 },
      lines: [
        {
          position: '2',
          bookingDate: calendarDate('2026-03-03'),
          valueDate: calendarDate('2026-03-04'),
          amountCents: 12_000,
          currency: 'EUR',
          counterpartyName: 'ACME SARL',
          counterpartyIban: null,
          remittanceText: 'VIR SEPA ACME SARL FACT F230875 F230876 SUPP',
          structuredReferences: ['RF18539007547034'],
          bankReferences: {
            entryReference: '0000123',
            reference: 'VIR0001',
            internalOperationCode: '0158',
            endToEndId: 'RF18539007547034',
          },
          transactionCode: '05',
          isReversal: false,
          returnReason: null,
        },
        {
          position: '6',
          bookingDate: calendarDate('2026-03-03'),
          valueDate: calendarDate('2026-03-03'),
          amountCents: -45_501,
          currency: 'EUR',
          counterpartyName: null,
          counterpartyIban: null,
          remittanceText: 'PRLV SEPA EDF',
          structuredReferences: [],
          bankReferences: { internalOperationCode: '0158' },
          transactionCode: 'B1',
          isReversal: false,
          returnReason: null,
        },
      ],
    });
    expect(result.statements[2]).toMatchObject({
      account: {
        kind: 'rib',
        bankCode: '10278',
        branchCode: '02204',
        accountNumber: '0004567890K',
      },
      opening: { amountCents: -100_000 },
      closing: { amountCents: -100_790 },
      lines: [{ amountCents: -790, transactionCode: '62', remittanceText: 'COMMISSION' }],
    });
  });

  it('skips blank lines, numbering records by their line in the file', () => {
    const [first, ...rest] = TWO_ACCOUNTS;
    const text = ['', first, '   ', ...rest, ''].join('\r\n');

    const result = readCfonb120(text);

    expect(result.issues).toEqual([]);
    expect(result.statements.map((statement) => statement.position)).toEqual(['2', '10', '13']);
    expect(result.statements[0]?.lines.map((line) => line.position)).toEqual(['4', '8']);
  });

  it.each([
    ['no line break at all, cut every 120 characters', TWO_ACCOUNTS.join('')],
    ['CR only', TWO_ACCOUNTS.join('\r')],
    [
      'CRLF and LF mixed, no final newline',
      TWO_ACCOUNTS.map((r, i) => r + (i % 2 ? '\n' : '\r\n'))
        .join('')
        .trimEnd(),
    ],
    ['trailing spaces missing', TWO_ACCOUNTS.map((line) => line.trimEnd()).join('\n')],
    ['trailing spaces past 120 characters', TWO_ACCOUNTS.map((line) => `${line}    `).join('\n')],
  ])('reads the same statements with %s', (_, text) => {
    const result = readCfonb120(text);

    expect(result.issues).toEqual([]);
    expect(result.statements).toEqual(readCfonb120(TWO_ACCOUNTS.join('\n')).statements);
  });

  it.each([
    ['0000000001234{', 12_340],
    ['0000000001234A', 12_341],
    ['0000000001234E', 12_345],
    ['0000000001234I', 12_349],
    ['0000000001234}', -12_340],
    ['0000000001234J', -12_341],
    ['0000000001234N', -12_345],
    ['0000000001234R', -12_349],
    ['0000000000000}', 0],
  ])('reads the overpunched amount %s as %i cents', (amount, expected) => {
    const text = statementOf(movement(ACME_BANK, { booking: '030326', label: 'X', amount }));

    const [statement] = readCfonb120(text.join('\n')).statements;

    expect(statement?.lines.map((line) => line.amountCents)).toEqual([expected]);
    expect(Object.is(statement?.lines[0]?.amountCents, -0)).toBe(false);
  });

  it.each([
    ['0', '0000000000012{', 12_000],
    ['1', '0000000000012{', 1_200],
    ['3', '0000000001234{', 1_234],
  ])('reads amounts with %s decimals in cents', (decimals, amount, expected) => {
    const text = statementOf(
      movement(ACME_BANK, { booking: '030326', label: 'X', amount, money: `EUR${decimals}` }),
    );

    const result = readCfonb120(text.join('\n'));

    expect(result.issues).toEqual([]);
    expect(result.statements[0]?.lines.map((line) => line.amountCents)).toEqual([expected]);
  });

  it('reads a file without currency nor decimals as euros with 2 decimals, and says so', () => {
    const text = [
      balance('01', ACME_BANK, '020326', '0000000010000{', '    '),
      movement(ACME_BANK, {
        booking: '030326',
        label: 'VIR',
        amount: '0000000000500{',
        money: '    ',
      }),
      balance('07', ACME_BANK, '030326', '0000000010050{', 'EUR '),
    ];

    const result = readCfonb120(text.join('\n'));

    expect(result.issues).toEqual([]);
    expect(result.statements).toMatchObject([
      { currency: 'EUR', opening: { amountCents: 100_000 }, closing: { amountCents: 100_500 } },
    ]);
    expect(result.notices.map((notice) => [notice.line, notice.code, notice.params])).toEqual([
      [1, 'cfonb_assumed_currency', { record: '01', currency: 'EUR', decimals: 2 }],
      [2, 'cfonb_assumed_currency', { record: '04', currency: 'EUR', decimals: 2 }],
      [3, 'cfonb_assumed_currency', { record: '07', currency: 'EUR', decimals: 2 }],
    ]);
  });

  it('fills the movement from its 05 records, keeping every one', () => {
    const text = statementOf(
      movement(ACME_BANK, {
        booking: '030326',
        label: 'VIR SEPA DUPONT',
        amount: '0000000024000{',
      }),
      complement(ACME_BANK, 'NPY', 'DUPONT ET FILS SAS'),
      complement(ACME_BANK, 'IPY', `${'FR12ZZZ123456'.padEnd(35)}CINV`),
      complement(ACME_BANK, 'LCC', 'FACT F230875 F230876'),
      complement(ACME_BANK, 'LC2', 'SOLDE AVRIL'),
      complement(ACME_BANK, 'REF', 'BQ2026030300042'),
      complement(ACME_BANK, 'RCN', 'RF19539007547034'),
      complement(ACME_BANK, 'LCS', 'RF71 2348 231'),
      complement(ACME_BANK, 'NBE', 'ENCAISSE DEMO SA'),
      complement(ACME_BANK, 'NPY', 'DUPONT HOLDING'),
      complement(ACME_BANK, 'REF', 'BQ-SECOND'),
      complement(ACME_BANK, '   ', '   '),
    );

    const result = readCfonb120(text.join('\n'));

    expect(result.issues).toEqual([]);
    expect(result.statements[0]?.lines).toMatchObject([
      {
        counterpartyName: 'DUPONT ET FILS SAS',
        remittanceText:
          'VIR SEPA DUPONT FACT F230875 F230876 SOLDE AVRIL NBE ENCAISSE DEMO SA NPY DUPONT HOLDING REF BQ-SECOND',
        // RF19… fails its check digits: it stays a bank reference, not a creditor reference.
        structuredReferences: ['RF71 2348 231'],
        bankReferences: {
          counterpartyId: 'FR12ZZZ123456',
          counterpartyIdType: 'CINV',
          accountServicerReference: 'BQ2026030300042',
          endToEndId: 'RF19539007547034',
        },
      },
    ]);
  });

  it('takes an RF creditor reference given in a REF record', () => {
    const text = statementOf(
      movement(ACME_BANK, { booking: '030326', label: 'VIR', amount: '0000000000100{' }),
      complement(ACME_BANK, 'REF', 'RF18 5390 0754 7034'),
    );

    const [statement] = readCfonb120(text.join('\n')).statements;

    expect(statement?.lines[0]?.structuredReferences).toEqual(['RF18 5390 0754 7034']);
  });

  it('marks a movement with a reject reason code (41-42) as a reversal', () => {
    const text = statementOf(
      movement(ACME_BANK, {
        booking: '030326',
        label: 'IMPAYE PRLV SEPA',
        amount: '0000000012000}',
        interbank: 'B3',
        reject: '04',
      }),
    );

    const [statement] = readCfonb120(text.join('\n')).statements;

    expect(statement?.lines[0]).toMatchObject({
      isReversal: true,
      returnReason: '04',
      transactionCode: 'B3',
    });
  });

  it('keeps a statement that does not balance, for statementBalances to flag', () => {
    const text = [
      balance('01', ACME_BANK, '020326', '0000000010000{'),
      movement(ACME_BANK, { booking: '030326', label: 'VIR', amount: '0000000000500{' }),
      balance('07', ACME_BANK, '030326', '0000000099999I'),
    ];

    const result = readCfonb120(text.join('\n'));

    expect(result.issues).toEqual([]);
    expect(result.statements.map(statementBalances)).toEqual([false]);
  });
});

describe('readCfonb120 on bad input', () => {
  function issuesOf(lines: readonly string[]) {
    const result = readCfonb120(lines.join('\n'));
    return result.issues.map((issue) => [issue.line, issue.field, issue.code, issue.params]);
  }

  it('names the line and leaves out only the statement in error', () => {
    const text = [...TWO_ACCOUNTS];
    text[3] = complement(ACME_BANK, 'LIB', 'FACT F230875').replace('05', '03');

    const result = readCfonb120(text.join('\n'));

    expect(result.issues).toEqual([
      {
        field: 'record',
        code: 'cfonb_unknown_record',
        params: { code: '03' },
        line: 4,
        message:
          'Record code "03" is not a CFONB 120 one (01 old balance, 04 movement, 05 movement complement, 07 new balance).',
      },
    ]);
    expect(result.statements.map((statement) => statement.position)).toEqual(['8', '11']);
    expect(messageOf('fr', 'cfonb_unknown_record', { code: '03' })).toBe(
      "Le code d'enregistrement « 03 » n'existe pas en CFONB 120 (01 ancien solde, 04 mouvement, 05 complément de mouvement, 07 nouveau solde).",
    );
  });

  it('refuses a record of the wrong length', () => {
    const long = `${movement(ACME_BANK, { booking: '030326', label: 'X', amount: '0000000000100{' })}XYZ`;
    const short = movement(ACME_BANK, {
      booking: '030326',
      label: 'X',
      amount: '0000000000100{',
    }).slice(0, 100);

    expect(issuesOf(statementOf(long, short))).toEqual([
      [2, 'record', 'cfonb_wrong_length', { length: 123 }],
      [3, 'record', 'cfonb_wrong_length', { length: 100 }],
    ]);
  });

  it('refuses movements before any 01 record, once for the whole run', () => {
    const lines = [
      movement(ACME_BANK, { booking: '030326', label: 'X', amount: '0000000000100{' }),
      complement(ACME_BANK, 'LIB', 'FACT F230875'),
      balance('07', ACME_BANK, '030326', '0000000000100{'),
      complement(ACME_BANK, 'LIB', 'AFTER THE 07'),
      ...TWO_ACCOUNTS.slice(10),
    ];

    const result = readCfonb120(lines.join('\n'));

    expect(result.issues.map((issue) => [issue.line, issue.code, issue.params])).toEqual([
      [1, 'cfonb_outside_statement', { record: '04' }],
      [4, 'cfonb_outside_statement', { record: '05' }],
    ]);
    expect(result.statements).toHaveLength(1);
  });

  it('refuses 05 records with no 04 before them, once for the run', () => {
    const complements = [
      complement(ACME_BANK, 'LIB', 'FACT F230875'),
      complement(ACME_BANK, 'LIB', 'FACT F230876'),
    ];

    expect(issuesOf(statementOf(...complements))).toEqual([
      [2, 'record', 'cfonb_complement_without_movement', {}],
    ]);
  });

  it('refuses a statement without its 07 record, issues in line order', () => {
    const lines = [
      balance('01', ACME_BANK, '020326', '0000000000000{'),
      movement(ACME_BANK, { booking: '030326', label: 'X', amount: '00000000001000' }),
      ...TWO_ACCOUNTS.slice(10, 12),
    ];

    expect(issuesOf(lines)).toEqual([
      [1, 'record', 'cfonb_unclosed_statement', { account: '00012345678' }],
      [2, 'amount', 'cfonb_bad_amount', { record: '04', value: '00000000001000' }],
      [3, 'record', 'cfonb_unclosed_statement', { account: '0004567890K' }],
    ]);
  });

  it('refuses a 07 record for another account than its 01', () => {
    const lines = [
      balance('01', ACME_BANK, '020326', '0000000000000{'),
      balance('07', OTHER_BANK, '030326', '0000000000000{'),
    ];

    expect(issuesOf(lines)).toEqual([
      [
        2,
        'account',
        'cfonb_other_account',
        { record: '07', account: '0004567890K', expected: '00012345678', openingLine: 1 },
      ],
    ]);
  });

  it('refuses a 04 record for another account than its 01', () => {
    const other = movement(ACME_BANK, {
      booking: '030326',
      label: 'X',
      amount: '0000000000100{',
      accountNumber: '00099999999',
    });

    expect(issuesOf(statementOf(other, complement(ACME_BANK, 'LIB', 'ITS COMPLEMENT')))).toEqual([
      [
        2,
        'account',
        'cfonb_other_account',
        { record: '04', account: '00099999999', expected: '00012345678', openingLine: 1 },
      ],
    ]);
  });

  it('refuses an 01 record naming no account', () => {
    const lines = [
      balance('01', { ...ACME_BANK, bank: '     ' }, '020326', '0000000000000{'),
      balance('07', { ...ACME_BANK, bank: '     ' }, '030326', '0000000000000{'),
    ];

    expect(issuesOf(lines)).toEqual([
      [
        1,
        'account',
        'cfonb_bad_account',
        { bankCode: '     ', branchCode: '00100', accountNumber: '00012345678' },
      ],
    ]);
  });

  it('refuses bad dates, naming their positions', () => {
    const lines = [
      balance('01', ACME_BANK, '310226', '0000000000000{'),
      movement(ACME_BANK, {
        booking: '03-03-',
        value: '030326',
        label: 'X',
        amount: '0000000000100{',
      }),
      movement(ACME_BANK, {
        booking: '030326',
        value: '000000',
        label: 'X',
        amount: '0000000000100{',
      }),
      balance('07', ACME_BANK, '030326', '0000000000200{'),
    ];

    expect(issuesOf(lines)).toEqual([
      [1, 'balance_date', 'cfonb_bad_date', { record: '01', positions: '35-40', value: '310226' }],
      [2, 'booking_date', 'cfonb_bad_date', { record: '04', positions: '35-40', value: '03-03-' }],
      [3, 'value_date', 'cfonb_bad_date', { record: '04', positions: '43-48', value: '000000' }],
    ]);
  });

  it('refuses bad amounts', () => {
    const lines = statementOf(
      movement(ACME_BANK, { booking: '030326', label: 'X', amount: '0000000000100X' }),
      movement(ACME_BANK, { booking: '030326', label: 'X', amount: '   00000001000' }),
      movement(ACME_BANK, { booking: '030326', label: 'X', amount: '9999999999999I' }),
      movement(ACME_BANK, {
        booking: '030326',
        label: 'X',
        amount: '0000000001234E',
        money: 'EUR3',
      }),
    );

    expect(issuesOf(lines)).toEqual([
      [2, 'amount', 'cfonb_bad_amount', { record: '04', value: '0000000000100X' }],
      [3, 'amount', 'cfonb_bad_amount', { record: '04', value: '   00000001000' }],
      [
        4,
        'amount',
        'cfonb_amount_too_large',
        { record: '04', value: '9999999999999I', max: 9_999_999_999_999, currency: 'EUR' },
      ],
      [
        5,
        'amount',
        'cfonb_amount_below_minor_unit',
        { record: '04', value: '0000000001234E', decimals: 3, currency: 'EUR', digits: 2 },
      ],
    ]);
  });

  it('refuses an unknown currency, another currency than the statement’s, bad decimals', () => {
    const lines = [
      balance('01', ACME_BANK, '020326', '0000000000000{', 'XYZ2'),
      balance('07', ACME_BANK, '030326', '0000000000000{'),
      ...statementOf(
        movement(ACME_BANK, {
          booking: '030326',
          label: 'X',
          amount: '0000000000100{',
          money: 'USD2',
        }),
        movement(ACME_BANK, {
          booking: '030326',
          label: 'X',
          amount: '0000000000100{',
          money: 'EURX',
        }),
      ),
    ];

    expect(issuesOf(lines)).toEqual([
      [1, 'currency', 'cfonb_unknown_currency', { record: '01', value: 'XYZ' }],
      [4, 'currency', 'cfonb_other_currency', { record: '04', currency: 'USD', expected: 'EUR' }],
      [5, 'decimals', 'cfonb_bad_decimal_count', { record: '04', value: 'X' }],
    ]);
  });
});
