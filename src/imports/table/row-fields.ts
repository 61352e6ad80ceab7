/**
 * Cell readers shared by the customer, invoice and payment row parsers. Each one
 * takes a trimmed cell, returns the typed value or `undefined`, and on failure
 * appends one `Issue` naming the line, the canonical column and the bad value, so a
 * row reports every problem it has at once.
 */
import type { PaymentMethod } from '../../customers/model.ts';
import { normalizeCustomerCode } from '../../shared/identifiers.ts';
import { parseCalendarDate, type CalendarDate } from '../../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../../shared/errors.ts';
import type { MessageCode, MessageParams } from '../../shared/messages/catalogue.ts';
import {
  MAX_AMOUNT_CENTS,
  minorDigits,
  parseAmount,
  parseCurrencyCode,
  toDecimalString,
  type AmountProblem,
  type Cents,
  type CurrencyCode,
  type ParseAmountOptions,
} from '../../shared/money.ts';

/** A decimal mark a user can impose (`--decimal-mark`), see `parseAmount`. */
export type DecimalMark = ',' | '.';

/**
 * Where a cell's problems go (the record's line and the list to append to), and
 * how the file writes decimals when the user said so.
 */
export type RowContext = { line: number; errors: Issue[]; decimalMark?: DecimalMark | undefined };

/** Options shared by the three row parsers. */
export type RowParseOptions = {
  /**
   * Currency of rows whose `currency` cell is empty (the company's currency). When
   * absent, invoices and payments files must carry a currency on every row, and a
   * customer's credit limit is read in euros.
   */
  defaultCurrency?: CurrencyCode | undefined;
  /**
   * The file's decimal mark, when known. Without it `1.234` and `12,345` are
   * refused as ambiguous (a factor of 1 000 either way), as `parseAmount` does.
   */
  decimalMark?: DecimalMark | undefined;
  /**
   * The business keys of the file's earlier batches and their lines, so a key seen
   * in an earlier batch is refused as a duplicate too; a new one when absent.
   */
  firstLineOf?: DuplicateDetector | undefined;
};

/**
 * Appends an issue for `field` on the context's line: the catalogue's `code` said with
 * `params` (a `context` parameter picks the code's variant, see imports.en.ts).
 */
export function addIssue(
  context: RowContext,
  field: string,
  code: MessageCode,
  params: MessageParams = {},
): void {
  context.errors.push(fieldIssue(field, code, params, context.line));
}

/**
 * A cell's text for a message, which writes it between quotes: the escapes of a JSON
 * string (without its quotes), so that a `"` or a newline in it stays readable.
 */
export function quote(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/** The cell, or `undefined` (and a `required` issue) when it is empty. */
export function requireText(context: RowContext, field: string, value: string): string | undefined {
  if (value === '') {
    addIssue(context, field, 'required', { field, context: 'cell' });
    return undefined;
  }
  return value;
}

/** The customer a row names, by its code compared as codes are stored (capitals). */
export function readCustomerCode(context: RowContext, value: string): string | undefined {
  const code = requireText(context, 'customer_code', value);
  return code === undefined ? undefined : normalizeCustomerCode(code);
}

/** The cell, or `undefined` when it is empty. */
export function optionalText(value: string): string | undefined {
  return value === '' ? undefined : value;
}

/** A date written `YYYY-MM-DD`, `DD/MM/YYYY` or `YYYYMMDD`; `undefined` when empty or invalid. */
export function readDate(
  context: RowContext,
  field: string,
  value: string,
): CalendarDate | undefined {
  if (value === '') {
    return undefined;
  }
  const date = parseCalendarDate(value);
  if (date === undefined) {
    addIssue(context, field, 'invalid_date', { field, value: quote(value) });
  }
  return date;
}

/** The row's currency: the cell, else the default; `required` or `unknown_currency` otherwise. */
export function readCurrency(
  context: RowContext,
  value: string,
  defaultCurrency: CurrencyCode | undefined,
): CurrencyCode | undefined {
  if (value === '') {
    if (defaultCurrency === undefined) {
      addIssue(context, 'currency', 'required', { field: 'currency', context: 'no_default' });
    }
    return defaultCurrency;
  }
  // "€" is what a French spreadsheet puts in a currency column more often than "EUR".
  const currency = value === '€' ? parseCurrencyCode('EUR') : parseCurrencyCode(value);
  if (currency === undefined) {
    addIssue(context, 'currency', 'unknown_currency', { value: quote(value), context: 'cell' });
  }
  return currency;
}

/**
 * A signed amount in minor units of `currency`, read digit by digit
 * (`1 234,56`, `1234.56`, `1,234.56`). A `€` before or after the figure is
 * accepted on euro amounts, as French spreadsheets format them. `undefined`
 * when empty or invalid.
 */
export function readAmount(
  context: RowContext,
  field: string,
  value: string,
  currency: CurrencyCode,
): Cents | undefined {
  if (value === '') {
    return undefined;
  }
  const figure = currency === 'EUR' ? value.replace(/^€\s*|\s*€$/g, '') : value;
  const digits = minorDigits(currency);
  const parsed = parseAmount(figure, digits, amountOptions(context));
  if (!parsed.ok) {
    addIssue(context, field, 'invalid_amount', {
      field,
      value: quote(value),
      currency,
      // `parseAmount` quotes the figure as it read it, after the `€` is dropped.
      figure,
      digits,
      max: toDecimalString(MAX_AMOUNT_CENTS, digits),
      context: AMOUNT_PROBLEM_VARIANTS[parsed.problem],
    });
    return undefined;
  }
  return parsed.value;
}

/** The variant of `invalid_amount` that says each of `parseAmount`'s reasons. */
const AMOUNT_PROBLEM_VARIANTS: Readonly<Record<AmountProblem, string>> = {
  empty: 'empty_text',
  not_number: 'not_number',
  ambiguous: 'ambiguous_mark',
  ill_formed: 'ill_formed',
  decimals: 'decimals',
  too_large: 'above_max',
};

/** `parseAmount`'s options for this file: the decimal mark when the user gave one. */
export function amountOptions(context: RowContext): ParseAmountOptions {
  return context.decimalMark === undefined ? {} : { decimalMark: context.decimalMark };
}

/**
 * Normalizes a choice as people type it, so that `Prélèvement`, `PRELEVEMENT`
 * and `prélèvement SEPA` meet their key: lower case, no accents, and runs of
 * spaces, dashes and punctuation turned into `_`.
 */
export function choiceKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * Reads one of a fixed set of choices through its table of accepted spellings
 * (keys are `choiceKey`s); `undefined` when empty or unknown, with an issue
 * listing the canonical values in the latter case.
 */
export function readChoice<T extends string>(
  context: RowContext,
  field: string,
  value: string,
  spellings: Readonly<Record<string, T>>,
  code: MessageCode,
): T | undefined {
  if (value === '') {
    return undefined;
  }
  const key = choiceKey(value);
  // `hasOwn`, so that a cell reading "constructor" is not found on Object.prototype.
  const choice = Object.hasOwn(spellings, key) ? spellings[key] : undefined;
  if (choice === undefined) {
    const canonical = [...new Set(Object.values(spellings))].join(', ');
    addIssue(context, field, code, { field, value: quote(value), choices: canonical });
  }
  return choice;
}

/** Accepted spellings of each payment method, English and French (`choiceKey` form). */
export const PAYMENT_METHOD_SPELLINGS: Readonly<Record<string, PaymentMethod>> = {
  transfer: 'transfer',
  bank_transfer: 'transfer',
  virement: 'transfer',
  virement_bancaire: 'transfer',
  vir: 'transfer',
  sepa_direct_debit: 'sepa_direct_debit',
  direct_debit: 'sepa_direct_debit',
  prelevement: 'sepa_direct_debit',
  prelevement_sepa: 'sepa_direct_debit',
  sepa: 'sepa_direct_debit',
  prlv: 'sepa_direct_debit',
  lcr: 'lcr',
  lcr_directe: 'lcr',
  traite: 'lcr',
  lettre_de_change: 'lcr',
  card: 'card',
  carte: 'card',
  carte_bancaire: 'card',
  cb: 'card',
  cheque: 'cheque',
  chq: 'cheque',
  cash: 'cash',
  especes: 'cash',
};

/** A payment method (`virement`, `prélèvement`, `LCR`, `CB`…), or `undefined` when empty or unknown. */
export function readPaymentMethod(
  context: RowContext,
  field: string,
  value: string,
): PaymentMethod | undefined {
  return readChoice(context, field, value, PAYMENT_METHOD_SPELLINGS, 'invalid_payment_method');
}

/**
 * Remembers the first line of each key in a file and answers, for a later line
 * with the same key, which line had it first.
 */
/** Remembers a key's first line; answers the first line of a key seen before, else `undefined`. */
export type DuplicateDetector = (key: string, line: number) => number | undefined;

export function createDuplicateDetector(): DuplicateDetector {
  const firstLines = new Map<string, number>();
  return (key, line) => {
    const first = firstLines.get(key);
    if (first === undefined) {
      firstLines.set(key, line);
    }
    return first;
  };
}

/** Orders one line's issues by column, as the columns appear in the canonical format. */
export function orderByColumn(issues: readonly Issue[], columns: readonly string[]): Issue[] {
  const rank = (issue: Issue): number => {
    const index = columns.indexOf(issue.field);
    return index < 0 ? columns.length : index;
  };
  return [...issues].sort((a, b) => rank(a) - rank(b));
}

/** Orders issues as a reader scans a report: file-level first, then by line (stable within a line). */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
