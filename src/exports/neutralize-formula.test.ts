import { describe, expect, it } from 'vitest';
import { neutralizeFormula } from './neutralize-formula.ts';

describe('neutralizeFormula (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['=1+1', `'=1+1`],
    ['+1', `'+1`],
    ['+33 4 72 12 34 56', `'+33 4 72 12 34 56`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['-2+3', `'-2+3`],
    ['-', `'-`],
    ['- 5', `'- 5`],
    ['-1e5', `'-1e5`],
    ['-A1', `'-A1`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('prefixes %j with an apostrophe', (text, expected) => {
    expect(neutralizeFormula(text)).toBe(expected);
  });

  it.each([
    '-120.50',
    '-3',
    '-0.01',
    '1234.56',
    '0',
    'Boulangerie Martin',
    '',
    "'=already",
    ' =spaced',
  ])('leaves %j as it is (a plain number, or text a spreadsheet does not evaluate)', (text) => {
    expect(neutralizeFormula(text)).toBe(text);
  });
});
