import { describe, expect, it } from 'vitest';
import type { Language } from '../shared/language.ts';
import { cents, currencyCode, formatMoney } from '../shared/money.ts';
import { cliWord } from '../shared/messages/catalogue.ts';
import { formatTable, numberColumn } from './output.ts';

/** Euros and days late, as `customers list` writes them in `language`. */
function cells(language: Language, amount: number, days: number): string[] {
  return [
    formatMoney(cents(amount), currencyCode('EUR'), language),
    cliWord(language, 'days', { count: days }),
  ];
}

/** The encours and days-late columns of `customers list`, in `language`. */
function customerTable(language: Language): string {
  return formatTable(
    [
      numberColumn(cliWord(language, 'columnBalance')),
      numberColumn(cliWord(language, 'columnDaysLate')),
    ],
    [cells(language, 123_456, 765), cells(language, 7_000, 3), cells(language, -1_500, 12)],
  );
}

describe('formatTable', () => {
  it('right-aligns English amounts and days, which start with a sign or end with a word', () => {
    expect(customerTable('en')).toBe(
      [
        'Outstanding   Late',
        '-----------  -----',
        '  €1,234.56  765 d',
        '     €70.00    3 d',
        '    -€15.00   12 d',
        '',
      ].join('\n'),
    );
  });

  it('right-aligns French amounts and days the same way', () => {
    const lines = customerTable('fr').split('\n').slice(0, -1);
    const width = lines[1]?.length ?? 0;

    // Every line ends where the rule under the headers ends: both columns are flush right.
    expect(lines.map((line) => line.length)).toEqual(lines.map(() => width));
    expect(lines[2]?.trim().split(/ {2,}/)).toEqual(['1\u00a0234,56\u00a0€', '765 j']);
  });

  it('left-aligns text, even text made of digits, and leaves no trailing spaces', () => {
    expect(
      formatTable(
        ['Code', 'RIB', numberColumn('Count')],
        [
          ['A1', '30004 00550 00012345678', '1'],
          ['LONGER', '1', '1,234'],
        ],
      ),
    ).toBe(
      [
        'Code    RIB                      Count',
        '------  -----------------------  -----',
        'A1      30004 00550 00012345678      1',
        'LONGER  1                        1,234',
        '',
      ].join('\n'),
    );
  });

  it('prints the headers of an empty table', () => {
    expect(formatTable(['Code', numberColumn('Amount')], [])).toBe('Code  Amount\n----  ------\n');
  });
});
