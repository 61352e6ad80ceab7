import { describe, expect, it } from 'vitest';
import {
  addCents,
  capTotal,
  MAX_AMOUNT_CENTS,
  allocateCents,
  cents,
  formatMoney,
  minCents,
  minorDigits,
  parseAmount,
  parseCurrencyCode,
  percentOf,
  subtractCents,
  sumCents,
  toDecimalString,
  type CurrencyCode,
  type ParseAmountOptions,
  type Rounding,
} from './money.ts';

function currency(code: string): CurrencyCode {
  const parsed = parseCurrencyCode(code);
  if (parsed === undefined) {
    throw new Error(`test setup: unknown currency ${code}`);
  }
  return parsed;
}

const EUR = currency('EUR');
const JPY = currency('JPY');
const TND = currency('TND');
const NBSP = '\u00a0';

describe('cents', () => {
  it('keeps safe integers and turns -0 into 0', () => {
    expect(cents(123456)).toBe(123456);
    expect(cents(-1)).toBe(-1);
    // toBe uses Object.is: -0 would fail here.
    expect(cents(-0)).toBe(0);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, -(2 ** 53)])(
    'refuses %s',
    (value) => {
      expect(() => cents(value)).toThrow(RangeError);
    },
  );

  it('adds, subtracts, sums and takes the minimum exactly', () => {
    expect(addCents(cents(10), cents(-25))).toBe(-15);
    expect(subtractCents(cents(10), cents(25))).toBe(-15);
    expect(sumCents([cents(1), cents(2), cents(-4)])).toBe(-1);
    expect(sumCents([])).toBe(0);
    expect(minCents(cents(3), cents(-3))).toBe(-3);
  });

  it('throws rather than losing precision past 2^53 − 1', () => {
    expect(() => addCents(cents(Number.MAX_SAFE_INTEGER), cents(1))).toThrow(RangeError);
    expect(() => sumCents([cents(Number.MAX_SAFE_INTEGER), cents(1), cents(-1)])).toThrow(
      RangeError,
    );
  });
});

describe('currencies', () => {
  it.each([
    ['EUR', 2],
    ['JPY', 0],
    ['TND', 3],
  ])('%s has %i minor digits', (code, digits) => {
    expect(minorDigits(currency(code))).toBe(digits);
  });

  it.each([
    [' eur ', 'EUR'],
    ['Jpy', 'JPY'],
    ['ZZZ', undefined],
    ['EURO', undefined],
    ['', undefined],
  ])('parseCurrencyCode(%j) = %j', (text, expected) => {
    expect(parseCurrencyCode(text)).toBe(expected);
  });
});

describe('parseAmount', () => {
  it.each<[string, number, number]>([
    // text, digits, minor units
    ['1234.56', 2, 123456],
    ['1234,56', 2, 123456],
    ['1 234,56', 2, 123456],
    [`1${NBSP}234,56`, 2, 123456],
    ['1\u202f234,56', 2, 123456], // narrow no-break space, as Intl fr-FR writes
    ['1\u2009234,56', 2, 123456], // thin space
    ["1'234.50", 2, 123450], // Swiss apostrophe
    ['1,234.56', 2, 123456],
    ['1.234,56', 2, 123456],
    ['1 234 567,89', 2, 123456789],
    ['1.234.567', 2, 123456700], // a repeated mark can only group thousands
    ['1,234,567', 2, 123456700],
    ['1,234,567.89', 2, 123456789],
    ['1.234.567,89', 2, 123456789],
    ['-12,5', 2, -1250],
    ['- 12,50', 2, -1250],
    ['\u22123', 2, -300], // U+2212 minus sign
    ['+3', 2, 300],
    ['0,00', 2, 0],
    ['-0,00', 2, 0],
    [' 000000000001437,12', 2, 143712], // FEC zero padding
    ['\t12,50\n', 2, 1250],
    ['12', 2, 1200],
    ['0,5', 2, 50],
    ['1234,560', 2, 123456], // 3 decimals from an ERP, surplus zero dropped
    ['1234,5600', 2, 123456],
    ['1 234,560', 2, 123456], // space grouping: the comma must be decimal
    ['0,120', 2, 12], // leading zero: the comma cannot group thousands
    ['99999999999,99', 2, 9_999_999_999_999],
    // JPY: no minor unit
    ['1234', 0, 1234],
    ['1 234', 0, 1234],
    ['1234,00', 0, 1234],
    ['-5', 0, -5],
    // TND: three decimals
    ['1234,567', 3, 1234567],
    ['1 234,567', 3, 1234567],
    ['1,5', 3, 1500],
    ['0,125', 3, 125],
    ['0.001', 3, 1],
  ])('%j with %i digits = %i', (text, digits, expected) => {
    expect(parseAmount(text, digits)).toEqual({ ok: true, value: expected });
  });

  it('returns 0, not -0, for a negative zero', () => {
    const result = parseAmount('-0,00');
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });

  it.each<[string, number, ParseAmountOptions, number]>([
    // The known decimal mark settles the ambiguous forms.
    ['1.234', 2, { decimalMark: ',' }, 123400],
    ['12,345', 2, { decimalMark: '.' }, 1234500],
    ['1,234', 3, { decimalMark: ',' }, 1234],
    ['1.234,56', 2, { decimalMark: ',' }, 123456],
    ['1 234,56', 2, { decimalMark: ',' }, 123456],
    ['1234,56', 2, { decimalMark: ',' }, 123456],
    ['1234', 2, { decimalMark: ',' }, 123400],
  ])('%j with %i digits and %j = %i', (text, digits, options, expected) => {
    expect(parseAmount(text, digits, options)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, number, ParseAmountOptions, string]>([
    // text, digits, options, exact reason
    ['', 2, {}, 'empty amount'],
    ['   ', 2, {}, 'empty amount'],
    ['abc', 2, {}, '"abc" is not a number'],
    ['1e5', 2, {}, '"1e5" is not a number'],
    ['-', 2, {}, '"-" is not a number'],
    ['--5', 2, {}, '"--5" is not a number'],
    ['+-5', 2, {}, '"+-5" is not a number'],
    ['12,', 2, {}, '"12," is not a number'],
    [',5', 2, {}, '",5" is not a number'],
    ['1 234,56 €', 2, {}, '"1 234,56 €" is not a number'],
    ['0x10', 2, {}, '"0x10" is not a number'],
    ['1,2,3', 2, {}, '"1,2,3" is not a well-formed amount'],
    ['12.345,6.7', 2, {}, '"12.345,6.7" is not a well-formed amount'],
    ['1,234,56', 2, {}, '"1,234,56" is not a well-formed amount'],
    ['1.234,567.89', 2, {}, '"1.234,567.89" is not a well-formed amount'],
    ['1234.567,89', 2, {}, '"1234.567,89" is not a well-formed amount'],
    ['12 34,56', 2, {}, '"12 34,56" is not a well-formed amount'],
    ['1  234,56', 2, {}, '"1  234,56" is not a well-formed amount'],
    ['1.234 567', 2, {}, '"1.234 567" is not a well-formed amount'],
    ['0.125.000', 2, {}, '"0.125.000" is not a well-formed amount'],
    ['1,234.56', 2, { decimalMark: ',' }, '"1,234.56" is not a well-formed amount'],
    ['1,234,5', 2, { decimalMark: ',' }, '"1,234,5" is not a well-formed amount'],
    [
      '1.234',
      2,
      {},
      '"1.234" is ambiguous: write it without a thousands separator or with all decimals (1234 or 1.234,00)',
    ],
    [
      '12.345',
      2,
      {},
      '"12.345" is ambiguous: write it without a thousands separator or with all decimals (1234 or 1.234,00)',
    ],
    [
      '999,000',
      2,
      {},
      '"999,000" is ambiguous: write it without a thousands separator or with all decimals (1234 or 1.234,00)',
    ],
    [
      '12,345',
      3,
      {},
      '"12,345" is ambiguous: write it without a thousands separator or with all decimals (1234 or 1.234,00)',
    ],
    ['12,3456', 2, {}, '"12,3456" has more than 2 decimal places'],
    ['0,125', 2, {}, '"0,125" has more than 2 decimal places'],
    ['1234,561', 2, {}, '"1234,561" has more than 2 decimal places'],
    ['1234,5', 0, {}, '"1234,5" has more than 0 decimal places'],
    ['1,2345', 3, {}, '"1,2345" has more than 3 decimal places'],
    [
      '90071992547409,92',
      2,
      {},
      '"90071992547409,92" is above the largest amount accepted, 99999999999.99',
    ],
    [
      '99999999999999999999',
      2,
      {},
      '"99999999999999999999" is above the largest amount accepted, 99999999999.99',
    ],
    // A SIRET pasted into an amount column.
    [
      '73282932000074',
      2,
      {},
      '"73282932000074" is above the largest amount accepted, 99999999999.99',
    ],
    [
      '10000000000000',
      0,
      {},
      '"10000000000000" is above the largest amount accepted, 9999999999999',
    ],
  ])('refuses %j with %i digits and %j', (text, digits, options, reason) => {
    expect(parseAmount(text, digits, options)).toEqual({
      ok: false,
      reason,
      problem: expect.any(String),
    });
  });

  it.each([
    ['', 'empty', {}],
    ['12a', 'not_number', {}],
    ['1.234', 'ambiguous', {}],
    ['12 34,56', 'ill_formed', {}],
    ['12,345', 'decimals', { decimalMark: ',' }],
    ['100 000 000 000,00', 'too_large', {}],
  ] satisfies [string, string, ParseAmountOptions][])(
    'says why %j is refused with a code: %s',
    (text, problem, options) => {
      expect(parseAmount(text, 2, options)).toMatchObject({ ok: false, problem });
    },
  );

  it.each([-1, 1.5, 7])('throws on %s minor digits (a programming error, not data)', (digits) => {
    expect(() => parseAmount('1', digits)).toThrow(RangeError);
  });
});

describe('toDecimalString', () => {
  it.each<[number, number, string]>([
    [123456, 2, '1234.56'],
    [-5, 2, '-0.05'],
    [0, 2, '0.00'],
    [100, 2, '1.00'],
    [1234, 0, '1234'],
    [1234567, 3, '1234.567'],
    [Number.MAX_SAFE_INTEGER, 2, '90071992547409.91'],
  ])('%i with %i digits = %j', (amount, digits, expected) => {
    expect(toDecimalString(cents(amount), digits)).toBe(expected);
  });
});

describe('formatMoney', () => {
  // ICU writes U+202F between thousands in fr-FR; formatMoney uses U+00A0 everywhere
  // (see its JSDoc), so these strings are exact, code point by code point.
  it.each<[number, CurrencyCode, 'fr' | 'en', string]>([
    [123456, EUR, 'fr', `1${NBSP}234,56${NBSP}€`],
    [-123456, EUR, 'fr', `-1${NBSP}234,56${NBSP}€`],
    [0, EUR, 'fr', `0,00${NBSP}€`],
    [5, EUR, 'fr', `0,05${NBSP}€`],
    [-5, EUR, 'fr', `-0,05${NBSP}€`],
    [100000000, EUR, 'fr', `1${NBSP}000${NBSP}000,00${NBSP}€`],
    [Number.MAX_SAFE_INTEGER, EUR, 'fr', `90${NBSP}071${NBSP}992${NBSP}547${NBSP}409,91${NBSP}€`],
    [1234, JPY, 'fr', `1${NBSP}234${NBSP}JPY`],
    [1234567, TND, 'fr', `1${NBSP}234,567${NBSP}TND`],
    [123456, EUR, 'en', '€1,234.56'],
    [-123456, EUR, 'en', '-€1,234.56'],
    [0, EUR, 'en', '€0.00'],
    [1234, JPY, 'en', 'JP¥1,234'],
  ])('%i %s in %s = %j', (amount, code, locale, expected) => {
    expect(formatMoney(cents(amount), code, locale)).toBe(expected);
  });

  it('writes French by default and never a U+202F', () => {
    const text = formatMoney(cents(123456789), EUR);
    expect(text).toBe(`1${NBSP}234${NBSP}567,89${NBSP}€`);
    expect(text.includes('\u202f')).toBe(false);
  });
});

describe('percentOf', () => {
  it.each<[number, number, Rounding, number]>([
    // amount × bps / 10 000: exact results are the same under every rounding
    [10000, 1015, 'half-up', 1015],
    [10000, 1015, 'half-even', 1015],
    [10000, 1015, 'down', 1015],
    [12345, 2000, 'half-up', 2469], // 20 % VAT on 123,45
    [10000, -500, 'half-up', -500],
    // 0.5 ties
    [1, 5000, 'half-up', 1],
    [1, 5000, 'half-even', 0],
    [1, 5000, 'down', 0],
    [3, 5000, 'half-up', 2], // 1.5
    [3, 5000, 'half-even', 2],
    [3, 5000, 'down', 1],
    [5, 5000, 'half-up', 3], // 2.5
    [5, 5000, 'half-even', 2],
    [5, 5000, 'down', 2],
    // negative amounts mirror the positive ones (away from / toward zero)
    [-1, 5000, 'half-up', -1],
    [-1, 5000, 'half-even', 0],
    [-1, 5000, 'down', 0],
    [-3, 5000, 'half-up', -2],
    [-3, 5000, 'half-even', -2],
    [-3, 5000, 'down', -1],
    [-5, 5000, 'half-up', -3],
    [-5, 5000, 'half-even', -2],
    [-5, 5000, 'down', -2],
    [5, -5000, 'half-up', -3], // negative rate
    // not ties
    [1, 6000, 'half-up', 1], // 0.6
    [1, 6000, 'half-even', 1],
    [1, 6000, 'down', 0],
    [-1, 6000, 'half-even', -1],
    [1, 4000, 'half-up', 0], // 0.4
    [12345, 1015, 'half-up', 1253], // 1253.0175
    [12345, 1015, 'down', 1253],
    [19999, 5, 'half-up', 10], // 9.9995
    [19999, 5, 'down', 9],
    [25, 2000, 'half-even', 5], // exact 5
    [Number.MAX_SAFE_INTEGER, 10000, 'half-up', Number.MAX_SAFE_INTEGER], // BigInt, no float
  ])('%i × %i bps (%s) = %i', (amount, bps, rounding, expected) => {
    expect(percentOf(cents(amount), bps, rounding)).toBe(expected);
  });

  it('refuses a rate that is not integer basis points', () => {
    expect(() => percentOf(cents(100), 10.5, 'half-up')).toThrow(RangeError);
  });

  it('throws when the result leaves the safe range', () => {
    expect(() => percentOf(cents(Number.MAX_SAFE_INTEGER), 20000, 'half-up')).toThrow(RangeError);
  });
});

describe('allocateCents', () => {
  it.each<[number, number[], number[]]>([
    [100, [1, 1, 1], [34, 33, 33]],
    [-100, [1, 1, 1], [-34, -33, -33]],
    [100, [1, 1], [50, 50]],
    [1, [1, 1], [1, 0]], // tie: the earliest part
    [-1, [1, 1], [-1, 0]],
    [2, [1, 1, 1], [1, 1, 0]],
    [101, [1, 2], [34, 67]], // 33.67 / 67.33: the larger remainder wins
    [-101, [1, 2], [-34, -67]],
    [10, [3, 3, 3], [4, 3, 3]],
    [1000, [0, 3, 7], [0, 300, 700]],
    [1, [0, 1, 1], [0, 1, 0]], // a zero weight gets nothing, even on a tie
    [0, [1, 2], [0, 0]],
    [100, [5], [100]],
    [10000, [3333, 3333, 3334], [3333, 3333, 3334]],
    [
      Number.MAX_SAFE_INTEGER,
      [1, 1],
      [4503599627370496, 4503599627370495], // exact halves of 2^53 − 1, no float
    ],
  ])('%i over %j = %j', (total, weights, expected) => {
    const parts = allocateCents(cents(total), weights);
    expect(parts).toEqual(expected);
    expect(sumCents(parts)).toBe(total);
  });

  it.each<[number, number[]]>([
    [123457, [1, 1, 1, 1, 1, 1, 1]],
    [-99999, [7, 11, 13, 17]],
    [1, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]],
    [987654321, [250, 250, 500, 1, 0]],
  ])('parts of %i over %j add up to it and stay within 1 of the exact share', (total, weights) => {
    const parts = allocateCents(cents(total), weights);
    const weightSum = weights.reduce((a, b) => a + b, 0);
    expect(sumCents(parts)).toBe(total);
    parts.forEach((part, index) => {
      expect(Math.abs(part - (total * (weights[index] ?? 0)) / weightSum)).toBeLessThan(1);
    });
  });

  it.each<[string, number[]]>([
    ['no weights', []],
    ['zero sum', [0, 0]],
    ['a negative weight', [-1, 2]],
    ['a fractional weight', [1.5, 1]],
    ['NaN', [Number.NaN]],
  ])('refuses %s', (_label, weights) => {
    expect(() => allocateCents(cents(100), weights)).toThrow(RangeError);
  });
});

describe('the largest amount', () => {
  it('accepts 99 999 999 999,99 and refuses one cent more', () => {
    expect(parseAmount('99 999 999 999,99')).toEqual({ ok: true, value: MAX_AMOUNT_CENTS });
    expect(parseAmount('-99 999 999 999,99')).toEqual({ ok: true, value: -9_999_999_999_999 });
    expect(parseAmount('100 000 000 000,00')).toEqual({
      ok: false,
      reason: '"100 000 000 000,00" is above the largest amount accepted, 99999999999.99',
      problem: 'too_large',
    });
  });
});

describe('capTotal', () => {
  it.each<[bigint, number, boolean]>([
    [0n, 0, false],
    [123_456n, 123_456, false],
    [-999_999_999_999_999n, -999_999_999_999_999, false],
    [999_999_999_999_999n, 999_999_999_999_999, false],
    [1_000_000_000_000_000n, 999_999_999_999_999, true],
    [14_656_586_400_014_800n, 999_999_999_999_999, true],
    [-(10n ** 30n), -999_999_999_999_999, true],
  ])('%s → %i (capped: %s)', (total, amount, isCapped) => {
    expect(capTotal(total)).toEqual({ amount, isCapped });
  });
});
