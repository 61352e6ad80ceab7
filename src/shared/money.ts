/**
 * Money in integer minor units ("cents") of an ISO 4217 currency. No float ever
 * carries an amount: decimal strings are parsed digit by digit and formatting
 * happens only at the edge (HOUSE_STYLE §5).
 */

declare const centsBrand: unique symbol;
/** An amount in minor units of its row's currency (e.g. 123456 = 1 234,56 €). */
export type Cents = number & { readonly [centsBrand]: true };

/** An ISO 4217 currency code, upper case (`EUR`). */
export type CurrencyCode = string & { readonly __currency: true };

// The only place a number becomes `Cents`: a type predicate rather than a cast, so the
// brand cannot be forged without passing the safe-integer check.
function isSafeIntegerAmount(value: number): value is Cents {
  return Number.isSafeInteger(value);
}

/**
 * Builds a `Cents`, refusing anything that is not a safe integer. `-0` becomes `0`:
 * a negative zero would print as `-0,00 €` and fail `Object.is` comparisons.
 */
export function cents(value: number): Cents {
  const amount = value === 0 ? 0 : value;
  if (!isSafeIntegerAmount(amount)) {
    throw new RangeError(`Not an integer amount in minor units: ${value}`);
  }
  return amount;
}

/** Zero, in any currency. */
export const ZERO_CENTS = cents(0);

/**
 * The largest single amount accepted, in minor units: 99 999 999 999,99 € (one cent
 * under 10^13). No receivable comes near it, a SIRET pasted into an amount column
 * (73 282 932 000 074) is far above it, and 15 significant digits — what Excel
 * keeps of a number — hold it exactly. Files and the API refuse more.
 */
export const MAX_AMOUNT_CENTS = cents(9_999_999_999_999);

/**
 * The largest total one customer may have open in one currency — its open invoices,
 * its open credit notes, its unapplied payments, each — in minor units: one cent
 * under 10^15, a hundred largest amounts. Twice it is still a safe integer, so every
 * figure of a customer (the net balance included) is exact. Imports refuse the lines
 * that would pass it, and the database refuses a stored balance past it.
 */
export const MAX_TOTAL_CENTS = cents(999_999_999_999_999);

/**
 * A sum computed exactly (SQL `numeric`), brought into `[-MAX_TOTAL_CENTS,
 * MAX_TOTAL_CENTS]`: past it the figure shown is the bound, and `isCapped` says so.
 * Only data written before the bound existed can be past it; a list or a page then
 * shows the capped figure instead of failing for the whole company.
 */
export function capTotal(total: bigint): { amount: Cents; isCapped: boolean } {
  const bound = BigInt(MAX_TOTAL_CENTS);
  if (total > bound) {
    return { amount: MAX_TOTAL_CENTS, isCapped: true };
  }
  if (total < -bound) {
    return { amount: negateCents(MAX_TOTAL_CENTS), isCapped: true };
  }
  return { amount: cents(Number(total)), isCapped: false };
}

/** `a + b`; throws if the sum leaves the safe-integer range. */
export function addCents(a: Cents, b: Cents): Cents {
  return cents(a + b);
}

/** `a − b`; throws if the difference leaves the safe-integer range. */
export function subtractCents(a: Cents, b: Cents): Cents {
  return cents(a - b);
}

/** The sum of `amounts` (0 for none); throws if a partial sum leaves the safe range. */
export function sumCents(amounts: Iterable<Cents>): Cents {
  let total = ZERO_CENTS;
  for (const amount of amounts) {
    total = addCents(total, amount);
  }
  return total;
}

/** The smaller of two amounts. */
/** The opposite amount (a debit becomes a credit). */
export function negateCents(amount: Cents): Cents {
  return cents(0 - amount);
}

export function minCents(a: Cents, b: Cents): Cents {
  return a < b ? a : b;
}

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** Whether `code` is an ISO 4217 currency the runtime knows (ICU's list). */
export function isCurrencyCode(code: string): code is CurrencyCode {
  return /^[A-Z]{3}$/.test(code) && knownCurrencies.has(code);
}

/** `eur ` → `EUR`; `undefined` when the runtime does not know the currency. */
export function parseCurrencyCode(code: string): CurrencyCode | undefined {
  const upper = code.trim().toUpperCase();
  return isCurrencyCode(upper) ? upper : undefined;
}

/** A currency code known to be valid (fixtures, constants); throws on any other. */
export function currencyCode(code: string): CurrencyCode {
  const parsed = parseCurrencyCode(code);
  if (parsed === undefined) {
    throw new RangeError(`Not an ISO 4217 currency: ${code}`);
  }
  return parsed;
}

const minorDigitsCache = new Map<string, number>();

/** Number of minor-unit digits of a currency: 2 for EUR, 0 for JPY, 3 for TND (ISO 4217, via ICU). */
export function minorDigits(currency: CurrencyCode): number {
  const cached = minorDigitsCache.get(currency);
  if (cached !== undefined) {
    return cached;
  }
  const { maximumFractionDigits } = new Intl.NumberFormat('en', {
    style: 'currency',
    currency,
  }).resolvedOptions();
  if (maximumFractionDigits === undefined) {
    throw new RangeError(`No minor unit known for ${currency}`);
  }
  minorDigitsCache.set(currency, maximumFractionDigits);
  return maximumFractionDigits;
}

/** Why `parseAmount` refused a text, as a stable code (for the import messages). */
export type AmountProblem =
  | 'empty'
  | 'not_number'
  | 'ambiguous'
  | 'ill_formed'
  | 'decimals'
  | 'too_large';

/**
 * What `parseAmount` returns: the amount, or why the text was refused (errors as data, §6):
 * `reason` in English, `problem` its code.
 */
export type ParseAmountResult =
  | { ok: true; value: Cents }
  | { ok: false; reason: string; problem: AmountProblem };

/** Options of `parseAmount`. */
export type ParseAmountOptions = {
  /**
   * The decimal mark the source is known to use (FEC and French ERPs: `,`). When set, the
   * other mark can only group thousands, which settles `1.234` / `12,345`.
   */
  decimalMark?: ',' | '.';
};

// Characters people and exports use to group thousands besides `.` and `,`: spaces, the
// no-break space (U+00A0) and the narrow no-break space (U+202F) that Intl fr-FR writes,
// the thin space, and the Swiss apostrophe. They are all one "space" group separator.
const SPACE_GROUP = /[\s\u00a0\u202f\u2009'\u2019]/g;
const MINUS_SIGNS = new Set(['-', '\u2212']);

/**
 * Parses a decimal amount as written by people and accounting exports, digit by digit
 * (no float is ever involved, HOUSE_STYLE §5), into minor units with `digits` decimals.
 *
 * Accepted: `1234.56`, `1234,56`, `1 234,56` (with ordinary, no-break U+00A0 or narrow
 * no-break U+202F spaces), `1,234.56`, `1.234,56`, `1.234.567`, `-12,5`, `+3`, `−3` (U+2212),
 * `000000000001437,12` (FEC zero padding), and surplus trailing zeros (`1234,560` with
 * 2 digits = 1 234,56 €, as some French ERPs export three decimals).
 *
 * Rules, in order:
 * 1. When both `.` and `,` appear, the last one is the decimal mark and may appear once.
 * 2. A mark that appears more than once groups thousands (`1.234.567`).
 * 3. A single mark followed by anything but exactly 3 digits is the decimal mark (`12,5`).
 * 4. A single mark followed by exactly 3 digits is the decimal mark when it cannot be a
 *    thousands separator: 4+ digits before it (`1234,560`), a leading zero (`0,125`), or
 *    spaces already grouping (`1 234,567`).
 * 5. Otherwise (`1.234`, `12,345`, `999.000`) the text is **ambiguous** and refused, unless
 *    `options.decimalMark` says which mark is decimal. French usage reads `1.234` as
 *    one thousand two hundred and thirty-four, English usage as 1.234: guessing either way
 *    can be wrong by a factor of 1 000 on a receivable, so we ask rather than guess.
 *    FEC and French ERP exports never group thousands, so their amounts are never ambiguous.
 *
 * Grouping must be regular: one separator kind, a first group of 1–3 digits not starting
 * with 0, then groups of exactly 3 (`12 34,56` and `1.234,567.89` are refused). The decimal
 * mark needs a digit on each side (`12,` and `,5` are refused: likely truncated data).
 * Extra decimals are accepted only when they are zeros. Refused too: exponents (`1e5`),
 * empty text, and amounts beyond `MAX_AMOUNT_CENTS` minor units.
 */
export function parseAmount(
  text: string,
  digits = 2,
  options: ParseAmountOptions = {},
): ParseAmountResult {
  if (!Number.isSafeInteger(digits) || digits < 0 || digits > 6) {
    throw new RangeError(`Minor-unit digits must be an integer from 0 to 6: ${digits}`);
  }
  const trimmed = text.trim();
  if (trimmed === '') {
    return { ok: false, reason: 'empty amount', problem: 'empty' };
  }
  const first = trimmed.charAt(0);
  const isNegative = MINUS_SIGNS.has(first);
  const unsigned = isNegative || first === '+' ? trimmed.slice(1).trimStart() : trimmed;
  const body = unsigned.replace(SPACE_GROUP, ' ');
  if (!/^\d(?:[\d., ]*\d)?$/.test(body)) {
    return { ok: false, reason: `"${text}" is not a number`, problem: 'not_number' };
  }

  const split = splitDecimal(body, options.decimalMark);
  if (split === 'ambiguous') {
    return {
      ok: false,
      reason: `"${text}" is ambiguous: write it without a thousands separator or with all decimals (1234 or 1.234,00)`,
      problem: 'ambiguous',
    };
  }
  if (split === undefined || !isWellGrouped(split.integer)) {
    return { ok: false, reason: `"${text}" is not a well-formed amount`, problem: 'ill_formed' };
  }

  // Surplus decimals are harmless only when they are zeros (`1234,560`).
  const fraction = split.fraction.replace(/0+$/, '');
  if (fraction.length > digits) {
    return {
      ok: false,
      reason: `"${text}" has more than ${digits} decimal places`,
      problem: 'decimals',
    };
  }
  const minorUnits = BigInt(split.integer.replace(/\D/g, '') + fraction.padEnd(digits, '0'));
  if (minorUnits > BigInt(MAX_AMOUNT_CENTS)) {
    return {
      ok: false,
      reason: `"${text}" is above the largest amount accepted, ${toDecimalString(MAX_AMOUNT_CENTS, digits)}`,
      problem: 'too_large',
    };
  }
  const value = Number(minorUnits);
  return { ok: true, value: cents(isNegative ? -value : value) };
}

type DecimalSplit = { integer: string; fraction: string };

/** Finds the decimal mark by the rules of `parseAmount`; `undefined` when malformed. */
function splitDecimal(
  body: string,
  knownMark: ',' | '.' | undefined,
): DecimalSplit | 'ambiguous' | undefined {
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  let mark: ',' | '.' | undefined;
  if (knownMark !== undefined) {
    mark = body.includes(knownMark) ? knownMark : undefined;
  } else if (lastDot >= 0 && lastComma >= 0) {
    mark = lastDot > lastComma ? '.' : ',';
  } else if (lastDot >= 0 || lastComma >= 0) {
    const single = lastDot >= 0 ? '.' : ',';
    const index = Math.max(lastDot, lastComma);
    const isRepeated = body.indexOf(single) !== index;
    const before = body.slice(0, index);
    const after = body.slice(index + 1);
    if (isRepeated) {
      mark = undefined;
    } else if (after.length !== 3 || before.length > 3 || before.startsWith('0')) {
      // `before.length > 3` also covers space grouping (`1 234,567`): two kinds of
      // thousands separator never mix, so the mark must be decimal.
      mark = single;
    } else {
      return 'ambiguous';
    }
  }
  if (mark === undefined) {
    return { integer: body, fraction: '' };
  }
  // The decimal mark appears once, so the integer part holds only the other separator.
  const index = body.indexOf(mark);
  if (index !== body.lastIndexOf(mark)) {
    return undefined;
  }
  const fraction = body.slice(index + 1);
  if (!/^\d+$/.test(fraction)) {
    return undefined;
  }
  return { integer: body.slice(0, index), fraction };
}

/** Plain digits, or 1–3 digits (not starting with 0) then groups of 3 behind one separator kind. */
function isWellGrouped(integer: string): boolean {
  if (/^\d+$/.test(integer)) {
    return true;
  }
  const separators = new Set(integer.replace(/\d/g, ''));
  if (separators.size !== 1) {
    return false;
  }
  const [separator = ''] = separators;
  const escaped = separator === '.' ? '\\.' : separator;
  return new RegExp(`^[1-9]\\d{0,2}(?:${escaped}\\d{3})+$`).test(integer);
}

/** The text Intl can format exactly: a plain decimal literal (ES2023 Intl.NumberFormat v3). */
type DecimalLiteral = `${number}`;

function isDecimalLiteral(text: string): text is DecimalLiteral {
  return /^-?\d+(?:\.\d+)?$/.test(text);
}

/** Writes minor units as a plain decimal with a dot (`123456` → `1234.56`), for CSV exports. */
export function toDecimalString(amount: Cents, digits = 2): string {
  const negative = amount < 0;
  const padded = String(Math.abs(amount)).padStart(digits + 1, '0');
  const integer = padded.slice(0, padded.length - digits);
  const fraction = digits > 0 ? `.${padded.slice(padded.length - digits)}` : '';
  return `${negative ? '-' : ''}${integer}${fraction}`;
}

/** The locales the UI formats money for. */
export type MoneyLocale = 'fr' | 'en';

/** One formatter per locale and currency: building one costs more than formatting. */
const MONEY_FORMATTERS = new Map<string, Intl.NumberFormat>();

/**
 * Formats for people (UI only): `1 234,56 €` in French, `€1,234.56` in English.
 * Converts to a decimal string first so Intl never sees a float-rounded value.
 *
 * French output uses U+00A0 (no-break space) both between thousands and before the
 * symbol. ICU (CLDR ≥ 34) writes U+202F (narrow no-break space) between thousands; we
 * replace it because the PDF standard fonts and many e-mail clients have no glyph for
 * U+202F, and so the output does not change with the runtime's ICU version.
 */
export function formatMoney(
  amount: Cents,
  currency: CurrencyCode,
  locale: MoneyLocale = 'fr',
): string {
  const digits = minorDigits(currency);
  const key = `${locale}:${currency}`;
  let formatter = MONEY_FORMATTERS.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    MONEY_FORMATTERS.set(key, formatter);
  }
  const decimal = toDecimalString(amount, digits);
  if (!isDecimalLiteral(decimal)) {
    throw new RangeError(`Cannot format ${amount}`);
  }
  return formatter.format(decimal).replace(/\u202f/g, '\u00a0');
}

/**
 * How a fractional minor unit is settled; named at every call site (HOUSE_STYLE §5).
 * - `half-up`: to the nearest, .5 away from zero (12,5 → 13; −12,5 → −13): commercial rounding.
 * - `half-even`: to the nearest, .5 to the even neighbour (12,5 → 12; 13,5 → 14): banker's rounding.
 * - `down`: truncation toward zero (12,9 → 12; −12,9 → −12).
 */
export type Rounding = 'half-up' | 'half-even' | 'down';

/**
 * `amount × bps / 10 000`, rounded as named. Basis points keep rates integer
 * (10,15 % = 1015 bps). Computed in BigInt, so no intermediate float.
 */
export function percentOf(amount: Cents, basisPoints: number, rounding: Rounding): Cents {
  if (!Number.isSafeInteger(basisPoints)) {
    throw new RangeError(`Rate must be integer basis points: ${basisPoints}`);
  }
  const numerator = BigInt(amount) * BigInt(basisPoints);
  return cents(Number(divideRounded(numerator, 10_000n, rounding)));
}

function divideRounded(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d;
  const twiceRemainder = (n % d) * 2n;
  let magnitude = quotient;
  switch (rounding) {
    case 'half-up':
      if (twiceRemainder >= d) {
        magnitude += 1n;
      }
      break;
    case 'half-even':
      if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)) {
        magnitude += 1n;
      }
      break;
    case 'down':
      break;
  }
  return negative ? -magnitude : magnitude;
}

/**
 * Splits `total` in proportion to `weights` so the parts add up exactly to the total
 * (largest-remainder method). Each part first gets its share truncated toward zero;
 * the units left over go one each to the parts with the largest remainders, ties to
 * the earliest part. Negative totals mirror positive ones (−100 over [1, 1, 1] is
 * [−34, −33, −33]). A zero weight always gets 0.
 * Weights must be non-negative safe integers with a positive sum.
 */
export function allocateCents(total: Cents, weights: readonly number[]): Cents[] {
  if (weights.some((weight) => !Number.isSafeInteger(weight) || weight < 0)) {
    throw new RangeError('Weights must be non-negative integers');
  }
  const weightSum = weights.reduce((sum, weight) => sum + BigInt(weight), 0n);
  if (weightSum === 0n) {
    throw new RangeError('Weights must have a positive sum');
  }
  const big = BigInt(total);
  const parts = weights.map((weight) => (big * BigInt(weight)) / weightSum);
  // BigInt `%` keeps the dividend's sign, so for a negative total every remainder is ≤ 0
  // and the most negative one is the largest in magnitude.
  const byRemainder = weights.map((weight, index) => ({
    index,
    magnitude: absolute((big * BigInt(weight)) % weightSum),
  }));
  byRemainder.sort((a, b) =>
    a.magnitude === b.magnitude ? a.index - b.index : a.magnitude > b.magnitude ? -1 : 1,
  );
  let left = big - parts.reduce((a, b) => a + b, 0n);
  const step = left >= 0n ? 1n : -1n;
  for (const { index } of byRemainder) {
    if (left === 0n) {
      break;
    }
    parts[index] = (parts[index] ?? 0n) + step;
    left -= step;
  }
  return parts.map((part) => cents(Number(part)));
}

function absolute(value: bigint): bigint {
  return value < 0n ? -value : value;
}
