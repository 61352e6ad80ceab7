/**
 * Reads a FEC (`encaisse import fec FILE`): bytes in, checked lines and issues out, no
 * database. What the lines build is `plan-fec.ts`'s business; docs/import.md ("FEC") says
 * what is read and refused.
 *
 * Written for a million lines a second: lines and fields are found by `indexOf` in the
 * decoded text, and a field is sliced out once, trimmed, or not at all when it repeats
 * the line above (the lines of an entry share their journal, number, dates and piece), so
 * a line costs its record and the strings that change. Amounts are read digit by digit in
 * place, dates through a cache (a year of books has a few hundred distinct dates), and no
 * regular expression runs per field.
 */
import { parseCalendarDate, type CalendarDate } from '../../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../../shared/errors.ts';
import type { MessageCode, MessageParams } from '../../shared/messages/catalogue.ts';
import {
  cents,
  isCurrencyCode,
  MAX_AMOUNT_CENTS,
  MAX_TOTAL_CENTS,
  minorDigits,
  parseCurrencyCode,
  type CurrencyCode,
} from '../../shared/money.ts';
import {
  decodeText,
  findByteOrderMark,
  findInvalidUtf8Offset,
  type DecodableEncoding,
  type DecodedText,
  type DecodeTextResult,
} from '../decode-text.ts';
import { quote, sortIssues } from '../table/row-fields.ts';
import {
  FEC_AMOUNT_DIRECTION_COLUMNS,
  FEC_COLUMNS,
  FEC_FIELD,
  fecEntryKey,
  type FecAmountLayout,
  type FecColumn,
  type FecLine,
  type FecSeparator,
} from './fec-format.ts';

/** Options of `parseFec`. */
export type ParseFecOptions = {
  /**
   * Read amounts written with a decimal point (`80.00`), which art. A47 A-1 does not
   * allow; a comma is then refused. Without it, a decimal point refuses the file.
   */
  decimalPoint?: boolean | undefined;
  /** Decode with this encoding instead of detecting one (a byte-order mark still wins). */
  encoding?: DecodableEncoding | undefined;
  /** The books' currency, that of `Debit` and `Credit` (its decimals bound theirs): EUR by default. */
  currency?: CurrencyCode | undefined;
};

/** How the file was written, as the reader found it. */
export type FecFormat = {
  separator: FecSeparator;
  amounts: FecAmountLayout;
  encoding: DecodedText['encoding'];
  hasByteOrderMark: boolean;
};

/**
 * `parseFec`'s answer. Not `ok`: the file is refused as a whole (its encoding, its
 * header, decimal points) and `issues` says why. `ok`: `lines` are the lines that passed
 * every check of their own, `issues` the problems of the others and the entries that do
 * not balance (their lines are in `lines`: each is right, their sum is not);
 * `refusedEntries` names (`fecEntryKey`) the entries with a refused line or that do not
 * balance, which an import leaves out whole; `lineCount` counts the lines read, blank
 * ones aside.
 */
export type ParseFecResult =
  | { ok: false; issues: Issue[] }
  | {
      ok: true;
      format: FecFormat;
      lines: FecLine[];
      issues: Issue[];
      refusedEntries: ReadonlySet<string>;
      lineCount: number;
    };

/**
 * The most issues listed for one file; past it they are counted (`fec_too_many_issues`).
 * A file wrong on every line (a column shifted by an export) says so in its first lines,
 * and a million sentences would only cost time and memory.
 */
export const MAX_FEC_ISSUES = 1000;

/** The columns `parseFec` expects, by layout, in order. */
const COLUMNS_BY_LAYOUT: Readonly<Record<FecAmountLayout, readonly FecColumn[]>> = {
  debit_credit: FEC_COLUMNS,
  amount_direction: FEC_AMOUNT_DIRECTION_COLUMNS,
};

/** The books' currency unless told: French books are kept in euros (C. com. art. L123-22). */
const EURO: CurrencyCode = (() => {
  const code = 'EUR';
  if (!isCurrencyCode(code)) {
    throw new RangeError('The runtime knows no EUR');
  }
  return code;
})();
const POWERS_OF_TEN = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];
const CHAR = {
  carriageReturn: 13,
  space: 32,
  plus: 43,
  comma: 44,
  minus: 45,
  dot: 46,
  zero: 48,
  nine: 57,
} as const;
/** The longest part of a header quoted in a message (a file with CR line ends is one line). */
const MAX_QUOTED_HEADER = 300;
/** Past this many distinct texts the date cache starts again: a bound for hostile files. */
const MAX_CACHED_DATES = 50_000;

/**
 * Reads `bytes` as a FEC. Every line is checked on its own (field count, mandatory
 * fields, dates, amounts, currency, a debit and a credit at once), then every entry
 * (`JournalCode` + `EcritureNum`) whose lines all passed is checked to balance.
 */
export function parseFec(
  bytes: Uint8Array,
  fileName: string,
  options: ParseFecOptions = {},
): ParseFecResult {
  const decoded = decodeFec(bytes, fileName, options.encoding);
  if (!decoded.ok) {
    return { ok: false, issues: [decoded.issue] };
  }
  const { text, encoding, hasByteOrderMark } = decoded.value;
  const headerEnd = text.indexOf('\n');
  const header = readHeader(
    text.slice(0, lineStop(text, 0, headerEnd === -1 ? text.length : headerEnd)),
    fileName,
  );
  if (!header.ok) {
    return { ok: false, issues: [header.issue] };
  }
  const read = readLines(text, headerEnd === -1 ? text.length : headerEnd + 1, header, {
    fileName,
    currency: options.currency ?? EURO,
    mark: options.decimalPoint === true ? CHAR.dot : CHAR.comma,
  });
  if (!read.ok) {
    return read;
  }
  return {
    ok: true,
    format: { separator: header.separator, amounts: header.layout, encoding, hasByteOrderMark },
    lines: read.lines,
    issues: read.issues,
    refusedEntries: read.refusedEntries,
    lineCount: read.lineCount,
  };
}

/**
 * The file's text, without guessing silently. A byte-order mark or `encoding` decides;
 * otherwise the bytes are strict UTF-8, or else an 8-bit file: ISO-8859-15, the 8-bit set
 * the FEC rules name, unless it holds bytes 0x80–0x9F, which are control characters in
 * ISO-8859-15 (no text has them) and `€ ’ œ …` in Windows-1252, the set of French Windows
 * software. UTF-8 is tried first because 8-bit French text is never valid UTF-8 (an `é`,
 * 0xE9, starts a sequence the next letter breaks), while UTF-8 read as 8-bit would turn
 * `Société` into `SociÃ©tÃ©` without a complaint.
 */
export function decodeFec(
  bytes: Uint8Array,
  fileName: string,
  encoding?: DecodableEncoding,
): DecodeTextResult {
  const asUtf8 = decodeText(bytes, fileName, { encoding });
  if (
    asUtf8.ok ||
    encoding !== undefined ||
    findByteOrderMark(bytes) !== undefined ||
    findInvalidUtf8Offset(bytes) === undefined
  ) {
    return asUtf8;
  }
  return decodeText(bytes, fileName, {
    encoding: hasC1Byte(bytes) ? 'windows-1252' : 'iso-8859-15',
  });
}

/** Whether a byte is in 0x80–0x9F (a plain loop: `some` with a callback is 5 times slower). */
function hasC1Byte(bytes: Uint8Array): boolean {
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index] ?? 0;
    if (byte >= 0x80 && byte <= 0x9f) {
      return true;
    }
  }
  return false;
}

/** Where the line from `start` to the line feed at `end` stops: before a CR, if any. */
function lineStop(text: string, start: number, end: number): number {
  return end > start && text.charCodeAt(end - 1) === CHAR.carriageReturn ? end - 1 : end;
}

type Header = { ok: true; separator: FecSeparator; layout: FecAmountLayout };

/**
 * The header row: the separator is the one it uses (tab or `|`, whichever it has more
 * of), and its names must be a layout's 18 columns in order, compared without case
 * (exports write `JournalCode`, `JOURNALCODE` or `journalcode`) or surrounding spaces.
 */
function readHeader(header: string, fileName: string): Header | { ok: false; issue: Issue } {
  const refuse = (code: MessageCode, params: MessageParams): { ok: false; issue: Issue } => ({
    ok: false,
    issue: fieldIssue('file', code, { file: fileName, ...params }, 1),
  });
  if (header.trim() === '') {
    return refuse('fec_empty_file', {});
  }
  const tabs = header.split('\t').length;
  const pipes = header.split('|').length;
  if (tabs === 1 && pipes === 1) {
    return refuse('fec_no_separator', { found: abbreviate(quote(header)) });
  }
  const separator: FecSeparator = tabs >= pipes ? '\t' : '|';
  const names = header.split(separator).map((name) => name.trim());
  const found = abbreviate(quote(names.join(', ')));
  const isAmountDirection =
    names[FEC_FIELD.debit]?.toLowerCase() === 'montant' &&
    names[FEC_FIELD.credit]?.toLowerCase() === 'sens';
  const layout: FecAmountLayout = isAmountDirection ? 'amount_direction' : 'debit_credit';
  const expected = COLUMNS_BY_LAYOUT[layout];
  if (names.length !== expected.length) {
    return refuse('fec_column_count', {
      count: names.length,
      expectedCount: expected.length,
      expected: FEC_COLUMNS.join(', '),
      found,
    });
  }
  const position = expected.findIndex(
    (column, index) => column.toLowerCase() !== names[index]?.toLowerCase(),
  );
  if (position !== -1) {
    return refuse('fec_column_order', {
      position: position + 1,
      name: quote(names[position] ?? ''),
      expectedName: expected[position] ?? '',
      expected: expected.join(', '),
      found,
    });
  }
  return { ok: true, separator, layout };
}

function abbreviate(text: string): string {
  return text.length > MAX_QUOTED_HEADER ? `${text.slice(0, MAX_QUOTED_HEADER)}…` : text;
}

/** The issues of a file, listed up to `MAX_FEC_ISSUES` and counted past it. */
type IssueSink = { issues: Issue[]; count: number };

function report(
  sink: IssueSink,
  field: string,
  code: MessageCode,
  params: MessageParams,
  line: number,
): void {
  sink.count += 1;
  if (sink.count <= MAX_FEC_ISSUES) {
    sink.issues.push(fieldIssue(field, code, params, line));
  }
}

/** What `readLines` is told: the file's name (for messages), the books' currency, the decimal mark. */
type ReadOptions = { fileName: string; currency: CurrencyCode; mark: DecimalMarkCode };

/** The decimal mark as a character code: `,` or `.`. */
type DecimalMarkCode = typeof CHAR.comma | typeof CHAR.dot;

/**
 * The state of the line being checked, one object for the whole file so that a line
 * costs no object but its record: where its fields are, its number, whether a check
 * failed, what the amount checks read, and the caches of the read.
 */
type LineCheck = {
  sink: IssueSink;
  text: string;
  separator: FecSeparator;
  /** Where each field of the line starts and ends, in `text`. */
  starts: Int32Array;
  ends: Int32Array;
  /** Each field's text on the line above, given again when it repeats. */
  previous: string[];
  line: number;
  isBad: boolean;
  mark: DecimalMarkCode;
  /** The books' currency and its decimals. */
  currency: CurrencyCode;
  digits: number;
  /** What the amount checks read, in minor units. */
  debit: number;
  credit: number;
  foreignAmount: number | null;
  foreignCurrency: CurrencyCode | null;
  dates: Map<string, CalendarDate | null>;
  currencies: Map<string, CurrencyCode | null>;
  /** The first amount written with a decimal point, when they are not allowed. */
  decimalPoint: { field: FecColumn; value: string; line: number } | undefined;
};

function fail(check: LineCheck, field: FecColumn, code: MessageCode, params: MessageParams): void {
  check.isBad = true;
  report(check.sink, field, code, { field, ...params }, check.line);
}

/** An entry (`JournalCode` + `EcritureNum`) being read: its totals, and whether a line of it failed. */
type EntryTotals = {
  journalCode: string;
  ecritureNum: string;
  firstLine: number;
  lineCount: number;
  debit: number;
  credit: number;
  hasBadLine: boolean;
};

type ReadLines =
  | {
      ok: true;
      lines: FecLine[];
      issues: Issue[];
      refusedEntries: Set<string>;
      lineCount: number;
    }
  | { ok: false; issues: Issue[] };

function readLines(text: string, start: number, header: Header, options: ReadOptions): ReadLines {
  const sink: IssueSink = { issues: [], count: 0 };
  const columnCount = COLUMNS_BY_LAYOUT[header.layout].length;
  const check: LineCheck = {
    sink,
    text,
    separator: header.separator,
    starts: new Int32Array(columnCount),
    ends: new Int32Array(columnCount),
    previous: Array.from({ length: columnCount }, () => ''),
    line: 1,
    isBad: false,
    mark: options.mark,
    currency: options.currency,
    digits: minorDigits(options.currency),
    debit: 0,
    credit: 0,
    foreignAmount: null,
    foreignCurrency: null,
    dates: new Map(),
    currencies: new Map(),
    decimalPoint: undefined,
  };
  const isAmountDirection = header.layout === 'amount_direction';
  // By journal, then by number: no key string to build and hash for each entry.
  const entries = new Map<string, Map<string, EntryTotals>>();
  const lines: FecLine[] = [];
  let lineCount = 0;
  let entry: EntryTotals | undefined;
  for (let next = start; next < text.length;) {
    const lineFeed = text.indexOf('\n', next);
    const end = lineFeed === -1 ? text.length : lineFeed;
    const count = findFields(check, next, lineStop(text, next, end));
    next = end + 1;
    check.line += 1;
    check.isBad = false;
    if (count !== columnCount) {
      // A blank line (the one after the last line feed, often) is no line.
      if (count > 1 || field(check, 0) !== '') {
        lineCount += 1;
        const params = { line: check.line, count, expectedCount: columnCount };
        report(sink, 'row', 'fec_field_count', params, check.line);
      }
      // Its entry is still told, when the line gets as far as naming it, so that it is
      // not also called unbalanced for the line it lacks, and the next ranks stay put.
      if (count > FEC_FIELD.ecritureNum) {
        const lineEntry = findEntry(
          entries,
          field(check, FEC_FIELD.journalCode),
          field(check, FEC_FIELD.ecritureNum),
          check.line,
        );
        lineEntry.lineCount += 1;
        lineEntry.hasBadLine = true;
      }
      continue;
    }
    lineCount += 1;
    const journalCode = requireText(check, 'JournalCode', field(check, FEC_FIELD.journalCode));
    const ecritureNum = requireText(check, 'EcritureNum', field(check, FEC_FIELD.ecritureNum));
    // Consecutive lines are usually of one entry: the maps are looked up when it changes.
    if (entry?.journalCode !== journalCode || entry.ecritureNum !== ecritureNum) {
      entry = findEntry(entries, journalCode, ecritureNum, check.line);
    }
    entry.lineCount += 1;
    const journalLib = requireText(check, 'JournalLib', field(check, FEC_FIELD.journalLib));
    const ecritureDate = readDate(check, 'EcritureDate', field(check, FEC_FIELD.ecritureDate));
    const compteNum = requireText(check, 'CompteNum', field(check, FEC_FIELD.compteNum));
    const compteLib = requireText(check, 'CompteLib', field(check, FEC_FIELD.compteLib));
    const pieceRef = requireText(check, 'PieceRef', field(check, FEC_FIELD.pieceRef));
    const pieceDate = readDate(check, 'PieceDate', field(check, FEC_FIELD.pieceDate));
    const ecritureLib = requireText(check, 'EcritureLib', field(check, FEC_FIELD.ecritureLib));
    const debitText = field(check, FEC_FIELD.debit);
    const creditText = field(check, FEC_FIELD.credit);
    if (isAmountDirection) {
      readAmountAndDirection(check, debitText, creditText);
    } else {
      readDebitAndCredit(check, debitText, creditText);
    }
    const dateLetText = field(check, FEC_FIELD.dateLet);
    const dateLet = dateLetText === '' ? null : readDate(check, 'DateLet', dateLetText);
    const validDate = readDate(check, 'ValidDate', field(check, FEC_FIELD.validDate));
    readForeignAmount(
      check,
      field(check, FEC_FIELD.montantDevise),
      field(check, FEC_FIELD.idevise),
    );
    if (check.decimalPoint !== undefined) {
      const { field, value, line } = check.decimalPoint;
      const params = { file: options.fileName, field, value, line };
      return { ok: false, issues: [fieldIssue('file', 'fec_decimal_point', params, line)] };
    }
    if (check.isBad || ecritureDate === null || pieceDate === null || validDate === null) {
      entry.hasBadLine = true;
      continue;
    }
    entry.debit += check.debit;
    entry.credit += check.credit;
    lines.push({
      line: check.line,
      lineInEntry: entry.lineCount,
      journalCode,
      journalLib,
      ecritureNum,
      ecritureDate,
      compteNum,
      compteLib,
      compAuxNum: field(check, FEC_FIELD.compAuxNum),
      compAuxLib: field(check, FEC_FIELD.compAuxLib),
      pieceRef,
      pieceDate,
      ecritureLib,
      debitCents: cents(check.debit),
      creditCents: cents(check.credit),
      ecritureLet: field(check, FEC_FIELD.ecritureLet),
      dateLet,
      validDate,
      montantDeviseCents: check.foreignAmount === null ? null : cents(check.foreignAmount),
      idevise: check.foreignCurrency,
    });
  }
  const refusedEntries = new Set<string>();
  for (const totals of [...entries.values()].flatMap((journal) => [...journal.values()])) {
    const isUnbalanced = !totals.hasBadLine && totals.debit !== totals.credit;
    if (totals.hasBadLine || isUnbalanced) {
      refusedEntries.add(fecEntryKey(totals));
    }
    if (isUnbalanced) {
      const params = {
        journal: totals.journalCode,
        entry: totals.ecritureNum,
        // Bounded so that the sentence can be written: only a hostile file comes near it.
        debit: Math.min(totals.debit, MAX_TOTAL_CENTS),
        credit: Math.min(totals.credit, MAX_TOTAL_CENTS),
        currency: options.currency,
      };
      report(sink, 'EcritureNum', 'fec_unbalanced_entry', params, totals.firstLine);
    }
  }
  const issues = sortIssues(sink.issues);
  if (sink.count > MAX_FEC_ISSUES) {
    const params = { file: options.fileName, count: sink.count, shown: MAX_FEC_ISSUES };
    issues.unshift(fieldIssue('file', 'fec_too_many_issues', params));
  }
  return { ok: true, lines, issues, refusedEntries, lineCount };
}

/** The entry of `journalCode` and `ecritureNum`, made when `line` is its first. */
function findEntry(
  entries: Map<string, Map<string, EntryTotals>>,
  journalCode: string,
  ecritureNum: string,
  line: number,
): EntryTotals {
  let journal = entries.get(journalCode);
  if (journal === undefined) {
    journal = new Map();
    entries.set(journalCode, journal);
  }
  let entry = journal.get(ecritureNum);
  if (entry === undefined) {
    entry = {
      journalCode,
      ecritureNum,
      firstLine: line,
      lineCount: 0,
      debit: 0,
      credit: 0,
      hasBadLine: false,
    };
    journal.set(ecritureNum, entry);
  }
  return entry;
}

/**
 * Finds the fields of the line from `start` to `stop` and returns how many it has
 * (their bounds are kept for the first `check.starts.length`).
 */
function findFields(check: LineCheck, start: number, stop: number): number {
  const { text, separator, starts, ends } = check;
  let count = 0;
  for (let from = start; ; count += 1) {
    const found = text.indexOf(separator, from);
    const end = found === -1 || found > stop ? stop : found;
    if (count < starts.length) {
      starts[count] = from;
      ends[count] = end;
    }
    if (end === stop) {
      return count + 1;
    }
    from = end + 1;
  }
}

/**
 * Field `index` of the line, without the spaces around it (Odoo pads amounts with one,
 * Banana ends labels with one): the string of the line above when it is the same text,
 * so that an entry's repeated journal, number and dates are held once.
 */
function field(check: LineCheck, index: number): string {
  const { text } = check;
  let from = check.starts[index] ?? 0;
  let to = check.ends[index] ?? 0;
  while (from < to && text.charCodeAt(from) <= CHAR.space) {
    from += 1;
  }
  while (to > from && text.charCodeAt(to - 1) <= CHAR.space) {
    to -= 1;
  }
  const previous = check.previous[index] ?? '';
  if (previous.length === to - from && text.startsWith(previous, from)) {
    return previous;
  }
  const value = text.slice(from, to);
  check.previous[index] = value;
  return value;
}

/** A mandatory text field: as given, with a `fec_required` issue when empty. */
function requireText(check: LineCheck, field: FecColumn, value: string): string {
  if (value === '') {
    fail(check, field, 'fec_required', {});
  }
  return value;
}

/** A mandatory date written AAAAMMJJ; `null`, with its issue, when empty or wrong. */
function readDate(check: LineCheck, field: FecColumn, value: string): CalendarDate | null {
  if (value === '') {
    fail(check, field, 'fec_required', {});
    return null;
  }
  let date = check.dates.get(value);
  if (date === undefined) {
    // `parseCalendarDate` also reads `5/1/2019` and `2019-01-05`, which a FEC never writes.
    date = isDigits(value, 8) ? (parseCalendarDate(value) ?? null) : null;
    if (check.dates.size >= MAX_CACHED_DATES) {
      check.dates.clear();
    }
    check.dates.set(value, date);
  }
  if (date === null) {
    fail(check, field, 'fec_invalid_date', { value: quote(value) });
  }
  return date;
}

function isDigits(text: string, length: number): boolean {
  if (text.length !== length) {
    return false;
  }
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < CHAR.zero || code > CHAR.nine) {
      return false;
    }
  }
  return true;
}

/**
 * `Debit` and `Credit` into `check.debit` / `check.credit`: amounts of the books'
 * currency, not negative, at most one of them not zero. An empty one is zero (exports
 * leave the side a line is not on empty, Banana among them); both empty is an issue on each.
 */
function readDebitAndCredit(check: LineCheck, debitText: string, creditText: string): void {
  if (debitText === '' && creditText === '') {
    fail(check, 'Debit', 'fec_required', {});
    fail(check, 'Credit', 'fec_required', {});
    return;
  }
  check.debit = debitText === '' ? 0 : readPositiveAmount(check, 'Debit', debitText);
  check.credit = creditText === '' ? 0 : readPositiveAmount(check, 'Credit', creditText);
  if (check.debit !== 0 && check.credit !== 0) {
    fail(check, 'Debit', 'fec_debit_and_credit', {
      line: check.line,
      debit: quote(debitText),
      credit: quote(creditText),
    });
  }
}

/** `Montant` (not negative) and `Sens`, `D` or `C` in either case, into `check.debit` / `check.credit`. */
function readAmountAndDirection(check: LineCheck, amountText: string, direction: string): void {
  let amount = 0;
  if (amountText === '') {
    fail(check, 'Montant', 'fec_required', {});
  } else {
    amount = readPositiveAmount(check, 'Montant', amountText);
  }
  const isDebit = direction === 'D' || direction === 'd';
  if (direction === '') {
    fail(check, 'Sens', 'fec_required', {});
  } else if (!isDebit && direction !== 'C' && direction !== 'c') {
    fail(check, 'Sens', 'fec_invalid_direction', { value: quote(direction) });
  }
  check.debit = isDebit ? amount : 0;
  check.credit = isDebit ? 0 : amount;
}

/** An amount that may not be negative; 0, with its issue, when it is not one. */
function readPositiveAmount(check: LineCheck, field: FecColumn, text: string): number {
  const amount = readAmount(check, field, text, check.currency, check.digits);
  if (amount !== undefined && amount < 0) {
    fail(check, field, 'fec_negative_amount', { value: quote(text) });
    return 0;
  }
  return amount ?? 0;
}

/**
 * `Montantdevise` and `Idevise`, both optional, into `check.foreignAmount` /
 * `check.foreignCurrency`. The amount is read with its currency's decimals (none for
 * JPY), so it needs the currency; a currency without an amount is kept.
 */
function readForeignAmount(check: LineCheck, amountText: string, currencyText: string): void {
  check.foreignAmount = null;
  check.foreignCurrency = null;
  if (currencyText !== '') {
    let currency = check.currencies.get(currencyText);
    if (currency === undefined) {
      currency = parseCurrencyCode(currencyText) ?? null;
      check.currencies.set(currencyText, currency);
    }
    if (currency === null) {
      fail(check, 'Idevise', 'fec_unknown_currency', { value: quote(currencyText) });
      return;
    }
    check.foreignCurrency = currency;
  }
  if (amountText === '') {
    return;
  }
  if (check.foreignCurrency === null) {
    // Some exports write a zero foreign amount on every line: no foreign amount at all.
    if (scanAmount(amountText, check.mark, check.digits) !== 0) {
      fail(check, 'Idevise', 'fec_currency_missing', { value: quote(amountText) });
    }
    return;
  }
  const digits = minorDigits(check.foreignCurrency);
  const amount = readAmount(check, 'Montantdevise', amountText, check.foreignCurrency, digits);
  check.foreignAmount = amount ?? null;
}

/** Why `scanAmount` refused a text; `other_mark` when it met the decimal mark not in use. */
type AmountFault = 'invalid' | 'too_large' | 'other_mark';

/** An amount in minor units of `currency` (signed), or `undefined` with its issue. */
function readAmount(
  check: LineCheck,
  field: FecColumn,
  text: string,
  currency: CurrencyCode,
  digits: number,
): number | undefined {
  const amount = scanAmount(text, check.mark, digits);
  if (typeof amount === 'number') {
    return amount;
  }
  if (amount === 'too_large') {
    fail(check, field, 'fec_amount_too_large', {
      value: quote(text),
      max: MAX_AMOUNT_CENTS,
      currency,
    });
    return undefined;
  }
  // A decimal point where a comma belongs is how the whole file is written, not a typo.
  if (
    amount === 'other_mark' &&
    check.mark === CHAR.comma &&
    typeof scanAmount(text, CHAR.dot, digits) === 'number'
  ) {
    check.decimalPoint ??= { field, value: quote(text), line: check.line };
    check.isBad = true;
    return undefined;
  }
  const mark = check.mark === CHAR.dot ? '.' : ',';
  fail(check, field, 'fec_invalid_amount', {
    value: quote(text),
    digits,
    mark,
    example: digits === 0 ? '1234' : `1234${mark}${'56'.slice(0, digits).padEnd(digits, '0')}`,
  });
  return undefined;
}

/**
 * Reads `[+|-][spaces]digits[mark digits]` (the text is trimmed) into minor units with
 * `digits` decimals, digit by digit: no float ever holds the amount (HOUSE_STYLE §5).
 * Zero padding (`000000000001437,12`, as Odoo writes) is just digits; a thousands
 * separator is refused, since art. A47 A-1 writes none. Surplus decimals are accepted
 * when they are zeros (`12,500` with 2 decimals), as `parseAmount` does.
 */
function scanAmount(text: string, mark: DecimalMarkCode, digits: number): number | AmountFault {
  const length = text.length;
  let index = 0;
  const sign = text.charCodeAt(0);
  if (sign === CHAR.minus || sign === CHAR.plus) {
    index = 1;
    while (text.charCodeAt(index) === CHAR.space) {
      index += 1;
    }
  }
  const integerStart = index;
  let integer = 0;
  for (let code = text.charCodeAt(index); code >= CHAR.zero && code <= CHAR.nine;) {
    integer = integer * 10 + (code - CHAR.zero);
    index += 1;
    code = text.charCodeAt(index);
  }
  if (index === integerStart) {
    return 'invalid';
  }
  let fraction = 0;
  let fractionDigits = 0;
  if (index < length) {
    const code = text.charCodeAt(index);
    if (code !== mark) {
      return code === CHAR.comma || code === CHAR.dot ? 'other_mark' : 'invalid';
    }
    index += 1;
    const fractionStart = index;
    for (let digit = text.charCodeAt(index); digit >= CHAR.zero && digit <= CHAR.nine;) {
      if (fractionDigits < digits) {
        fraction = fraction * 10 + (digit - CHAR.zero);
        fractionDigits += 1;
      } else if (digit !== CHAR.zero) {
        return 'invalid';
      }
      index += 1;
      digit = text.charCodeAt(index);
    }
    if (index === fractionStart || index < length) {
      return 'invalid';
    }
  }
  const magnitude =
    integer * (POWERS_OF_TEN[digits] ?? 1) +
    fraction * (POWERS_OF_TEN[digits - fractionDigits] ?? 1);
  if (magnitude > MAX_AMOUNT_CENTS) {
    return 'too_large';
  }
  return sign === CHAR.minus ? -magnitude : magnitude;
}
