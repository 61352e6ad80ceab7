/**
 * readCfonb120 over real files written elsewhere (../shared/testdata/cfonb, described in
 * ../shared/testdata/SOURCES.md). They are not ours, so they are read in place, never
 * copied; without the folder the test says why and is skipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { readCfonb120 } from './cfonb120.ts';
import { statementBalances } from './statement.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIR = join(REPO_ROOT, '..', 'shared', 'testdata', 'cfonb');
const isPresent = existsSync(DIR);
if (!isPresent) {
  // oxlint-disable-next-line no-console -- a skipped suite must say why.
  console.warn(`CFONB 120 conformance skipped: ${DIR} is absent (third-party samples).`);
}

/** The file's statements; CFONB is ASCII or Latin-1, decoded here as the caller would. */
function read(name: string) {
  return readCfonb120(readFileSync(join(DIR, name), 'latin1'));
}

describe.skipIf(!isPresent)('readCfonb120 on third-party CFONB 120 files', () => {
  const files = isPresent ? readdirSync(DIR).sort() : [];

  it.each(files)(
    'reads %s without error, every statement balanced but the unbalanced one',
    (name) => {
      const result = read(name);

      expect(result.issues).toEqual([]);
      expect(result.statements.length).toBeGreaterThan(0);
      const isBalanced = name !== 'akretion-unbalanced.cfo';
      expect(result.statements.map(statementBalances)).toEqual(
        result.statements.map(() => isBalanced),
      );
    },
  );

  it('flags akretion-unbalanced.cfo, whose 01 and 07 give no currency nor decimals', () => {
    const result = read('akretion-unbalanced.cfo');

    expect(result.notices.map((notice) => [notice.line, notice.code, notice.params])).toEqual([
      [1, 'cfonb_assumed_currency', { record: '01', currency: 'EUR', decimals: 2 }],
      [6, 'cfonb_assumed_currency', { record: '07', currency: 'EUR', decimals: 2 }],
    ]);
    const [statement] = result.statements;
    expect(result.statements).toHaveLength(1);
    expect(statement).toMatchObject({
      account: {
        kind: 'rib',
        bankCode: '30002',
        branchCode: '00447',
        accountNumber: '0000888899H',
      },
      currency: 'EUR',
      // `0000000000000H`: the overpunched H is +8, so 0,08 €.
      opening: { date: '2011-09-16', amountCents: 8 },
      closing: { date: '2011-09-16', amountCents: 1_187_114 },
    });
    expect(statement?.lines.map((line) => [line.valueDate, line.amountCents])).toEqual([
      ['2011-09-23', -200_000],
      ['2011-09-21', -100_000],
      ['2011-10-02', 400_000],
      ['2011-10-01', -300_000],
    ]);
    // 0,08 − 2 000,00 ≠ 11 871,14.
    expect(statement === undefined ? undefined : statementBalances(statement)).toBe(false);
  });

  it('reads both accounts of oca-test_cfonb.txt, with their LIB complements', () => {
    const { statements } = read('oca-test_cfonb.txt');

    expect(
      statements.map((statement) => [
        statement.account.kind === 'rib' ? statement.account.bankCode : '',
        statement.opening?.amountCents,
        statement.closing?.date,
        statement.closing?.amountCents,
        statement.lines.length,
      ]),
    ).toEqual([
      ['30001', 1_905, '2016-02-10', -965_452, 4],
      ['30004', -4_172_864, '2016-02-10', -4_365_223, 3],
    ]);
    expect(statements[0]?.lines[1]).toMatchObject({
      position: '6',
      bookingDate: '2016-02-10',
      amountCents: -37_577,
      transactionCode: '29',
      bankReferences: { entryReference: '0000877' },
      remittanceText:
        "RETRAIT G.A.B.       064    000 *WASHINGTON AVE LE 08/02/16  CB.920027136 MT D'ORIGINE USA 40300 1 USD = 0,90220843 EUR COMMISSION DE SERVICE 12,18 EUR",
    });
    expect(statements[1]?.lines[0]).toMatchObject({
      valueDate: '2016-02-01',
      amountCents: -28_919,
      remittanceText: 'FAC.CIC SGT16009999971208 DONT TVA 2 80EUR',
    });
  });

  it('reads pennylane-example.txt, its 05 qualifiers and its negative balances', () => {
    const { statements } = read('pennylane-example.txt');

    expect(
      statements.map((statement) => [statement.position, statement.opening, statement.closing]),
    ).toEqual([
      [
        '1',
        { date: '2019-05-15', amountCents: -19_040 },
        { date: '2019-05-16', amountCents: -24_121 },
      ],
      [
        '24',
        { date: '2019-05-16', amountCents: -24_121 },
        { date: '2019-05-17', amountCents: -16_372 },
      ],
    ]);
    const [first, second] = statements[0]?.lines ?? [];
    expect(first).toMatchObject({
      amountCents: -3_221,
      transactionCode: 'B1',
      counterpartyName: 'INTERNET SFR',
      bankReferences: { accountServicerReference: 'REFERENCE', endToEndId: 'OTHER REFERENCE' },
    });
    // The unusual qualifiers are kept in the text behind their qualifier.
    expect(first?.remittanceText).toContain('AAA INTERNETA AAA');
    expect(first?.remittanceText).toContain("2'C EXAMPLE WITH OTHER COMBINATIONS");
    expect(second).toMatchObject({
      amountCents: -1_070,
      counterpartyName: 'ELEC ERDF',
      bankReferences: { reference: 'REFERENCE' },
    });
    expect(statements[1]?.lines.map((line) => line.amountCents)).toEqual([9_749, -1_210, -790]);
  });

  it('reads every day of silarhi-complex-test.txt, days without movement included', () => {
    const { statements } = read('silarhi-complex-test.txt');

    expect(
      statements.map((statement) => [
        statement.account.kind === 'rib' ? statement.account.accountNumber : '',
        statement.opening?.date,
        statement.closing?.date,
        statement.lines.length,
      ]),
    ).toEqual([
      ['00012345603', '2020-04-06', '2020-04-07', 1],
      ['00020427603', '2020-04-07', '2020-04-08', 2],
      ['00020427603', '2020-04-08', '2020-04-09', 0],
      ['00020427603', '2020-04-09', '2020-04-10', 1],
      ['00020427603', '2020-04-10', '2020-04-13', 0],
      ['00020427603', '2020-04-13', '2020-04-14', 1],
      ['00020427603', '2020-04-14', '2020-04-15', 0],
      ['00020427603', '2020-04-23', '2020-04-24', 0],
    ]);
    expect(statements[1]?.lines.map((line) => [line.amountCents, line.remittanceText])).toEqual([
      [-2_011, 'PRLV SEPA FREE MOBILE'],
      [-500_000, 'VIR JOHNDOE / FOOBAR'],
    ]);
    expect(statements[7]?.closing?.amountCents).toBe(58_435_302);
  });
});
