/**
 * parseFec over real FEC files written by other software (../shared/testdata/fec, described
 * in ../shared/testdata/SOURCES.md: Tryton, Odoo, Banana). They are not ours, so they are
 * read in place, never copied; without the folder the test says why and is skipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { parseCurrencyCode } from '../../shared/money.ts';
import { parseFec, type ParseFecOptions } from './parse-fec.ts';
import { planFec } from './plan-fec.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIR = resolve(REPO_ROOT, '../shared/testdata/fec');
const isPresent = existsSync(DIR);
if (!isPresent) {
  // oxlint-disable-next-line no-console -- a skipped suite must say why.
  console.warn(`FEC conformance skipped: ${DIR} is absent (third-party samples).`);
}

function parse(name: string, options: ParseFecOptions = {}) {
  return parseFec(new Uint8Array(readFileSync(join(DIR, name))), name, options);
}

describe.skipIf(!isPresent)('parseFec on third-party FEC files', () => {
  const files = isPresent ? readdirSync(DIR).sort() : [];

  it.each(files)('reads %s, or refuses it as a whole with a reason', (name) => {
    const result = parse(name);

    expect(result.issues.every((issue) => issue.params !== undefined)).toBe(true);
    expect(result.ok || result.issues.length === 1).toBe(true);
  });

  it.each(['tryton-FEC.csv', 'tryton-FEC-previous.csv'])(
    'reads %s (tab, CRLF, comma decimals) without an issue, every entry balanced',
    (name) => {
      const result = parse(name);

      expect(result.issues).toEqual([]);
      expect(result.ok && result.format).toEqual({
        separator: '\t',
        amounts: 'debit_credit',
        encoding: 'utf-8',
        hasByteOrderMark: false,
      });
      const lines = result.ok ? result.lines : [];
      expect(lines.length).toBeGreaterThan(0);
      // Debits less credits, by entry: all zero.
      const balances = new Map<string, number>();
      for (const line of lines) {
        const key = `${line.journalCode} ${line.ecritureNum}`;
        balances.set(key, (balances.get(key) ?? 0) + line.debitCents - line.creditCents);
      }
      expect(new Set(balances.values())).toEqual(new Set([0]));
    },
  );

  it('reads the Odoo file (pipe, zero-padded amounts) and its invoice of 7 760,45 on 411100', () => {
    const result = parse('odoo-expected-fec.txt');

    expect(result.issues).toEqual([]);
    expect(result.ok && result.format.separator).toBe('|');
    const lines = result.ok ? result.lines : [];
    expect(
      lines
        .filter((line) => line.compteNum === '411100')
        .map((line) => [line.debitCents, line.creditCents, line.compAuxLib]),
    ).toEqual([[776_045, 0, 'partner_a']]);
    const currency = parseCurrencyCode('EUR');
    if (currency === undefined) {
      throw new Error('EUR');
    }
    const plan = planFec(lines, { currency });
    expect(
      plan.invoices.map((invoice) => [invoice.number, invoice.amountCents, invoice.currency]),
    ).toEqual([['INV/2021/00001', 776_045, 'EUR']]);
  });

  it('refuses the Banana file for its decimal points, and reads it when told to', () => {
    const refused = parse('banana-sirenFEC20190109.txt');
    const read = parse('banana-sirenFEC20190109.txt', { decimalPoint: true });

    expect(refused.ok ? [] : refused.issues.map((issue) => [issue.code, issue.params])).toEqual([
      [
        'fec_decimal_point',
        { file: 'banana-sirenFEC20190109.txt', field: 'Debit', value: '80.00', line: 2 },
      ],
    ]);
    expect(read.issues).toEqual([]);
    expect(read.ok && read.lines.map((line) => line.debitCents + line.creditCents)).toEqual([
      8_000, 8_000, 800_000, 800_000, 500_000, 400_000, 100_000, 60_000, 60_000, 20_000, 20_000,
    ]);
  });
});
