/**
 * Reads French CFONB 120 bank statements (« relevé de compte 120 caractères ») into
 * `BankStatement`s. Pure: the caller decodes the bytes (the format is ASCII or Latin-1).
 *
 * A file is a run of 120-character records: 01 (old balance) opens a statement of one
 * account, 04 records are its movements, each 05 completes the 04 before it, 07 (new
 * balance) closes it; several accounts and days follow each other. Positions below are
 * 1-based, as the CFONB specification numbers them. docs/bank-statements.md says more.
 *
 * Errors are issues naming their line. A statement with an error in any of its records is
 * left out of `statements`: its movements could not all be read, so its balance would
 * mislead. An unbalanced statement is not an error; `statementBalances` tells, later.
 */
import { parseCalendarDate, type CalendarDate } from '../../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../../shared/errors.ts';
import type { MessageCode, MessageParams } from '../../shared/messages/catalogue.ts';
import {
  cents,
  isCurrencyCode,
  MAX_AMOUNT_CENTS,
  minorDigits,
  parseCurrencyCode,
  type Cents,
  type CurrencyCode,
} from '../../shared/money.ts';
import type { BankLine, BankStatement, StatedBalance } from './statement.ts';

export type Cfonb120Result = {
  statements: BankStatement[];
  /** What is wrong in the file, each with its line; a statement it touches is left out. */
  issues: Issue[];
  /** What was assumed (a currency or a number of decimals left blank); never an error. */
  notices: Issue[];
};

const RECORD_LENGTH = 120;
/** 01, 04 and 07 records end with their amount (91-104): the reference after it is often cut. */
const AMOUNT_END = 104;

type RecordCode = '01' | '04' | '05' | '07';

function isRecordCode(code: string): code is RecordCode {
  return code === '01' || code === '04' || code === '05' || code === '07';
}

/** A record as read, padded with spaces to 120 characters. */
type CfonbRecord = { line: number; code: RecordCode; text: string };

/** Positions `from` to `to` of a record (1-based, inclusive, as the specification counts). */
function field(record: CfonbRecord, from: number, to: number): string {
  return record.text.slice(from - 1, to);
}

type Movement = Omit<BankLine, 'remittanceText' | 'structuredReferences' | 'bankReferences'> & {
  texts: string[];
  structuredReferences: string[];
  bankReferences: Record<string, string>;
};

/** The statement an 01 record opened, until its 07. */
type OpenStatement = {
  line: number;
  bankCode: string;
  branchCode: string;
  /** Positions 22-32 as given: the 04 and 07 records must repeat them. */
  accountNumber: string;
  /** `null` when the 01 record's currency could not be read. */
  currency: CurrencyCode | null;
  opening: StatedBalance | null;
  movements: Movement[];
  /** The 04 that the next 05 records complete; `rejected` when it could not be read. */
  current: Movement | 'rejected' | null;
  hasError: boolean;
};

type Reading = {
  statements: BankStatement[];
  issues: Issue[];
  notices: Issue[];
  open: OpenStatement | null;
  /**
   * After a record outside any statement, the rest of that orphan run (to its 07 or the
   * next 01) is skipped silently: one issue says the 01 is missing, not one per record.
   */
  isSkippingOrphans: boolean;
};

/** Reads a CFONB 120 file: its statements, its errors and what it made assume. */
export function readCfonb120(text: string): Cfonb120Result {
  const reading: Reading = {
    statements: [],
    issues: [],
    notices: [],
    open: null,
    isSkippingOrphans: false,
  };
  for (const { line, text: content } of splitLines(text)) {
    readRecord(reading, line, content);
  }
  closeUnfinished(reading);
  const { statements, issues, notices } = reading;
  // An unclosed statement is found after its own line: the issues are put back in line order.
  return { statements, issues: issues.toSorted((a, b) => (a.line ?? 0) - (b.line ?? 0)), notices };
}

/**
 * The file's non-blank lines with their numbers; CR, LF and CRLF all end a line. A file
 * without any line break is one long line: it is cut every 120 characters, and a record's
 * "line" is then its number in the file.
 */
function splitLines(text: string): { line: number; text: string }[] {
  const filled = text
    .split(/\r\n|\r|\n/)
    .flatMap((content, index) =>
      content.trim() === '' ? [] : [{ line: index + 1, text: content }],
    );
  const only = filled.length === 1 ? filled[0] : undefined;
  if (only === undefined || only.text.trimEnd().length <= RECORD_LENGTH) {
    return filled;
  }
  const records: { line: number; text: string }[] = [];
  for (let start = 0; start < only.text.length; start += RECORD_LENGTH) {
    const content = only.text.slice(start, start + RECORD_LENGTH);
    if (content.trim() !== '') {
      records.push({ line: start / RECORD_LENGTH + 1, text: content });
    }
  }
  return records;
}

function readRecord(reading: Reading, line: number, content: string): void {
  // Trailing spaces past 120, or missing up to 120, are both common: only the rest counts.
  const body = content.trimEnd();
  const code = body.slice(0, 2);
  if (body.length > RECORD_LENGTH) {
    rejectRecord(reading, 'cfonb_wrong_length', { length: body.length }, line);
    return;
  }
  if (!isRecordCode(code)) {
    rejectRecord(reading, 'cfonb_unknown_record', { code }, line);
    return;
  }
  if (code !== '05' && body.length < AMOUNT_END) {
    rejectRecord(reading, 'cfonb_wrong_length', { length: body.length }, line);
    return;
  }
  const record: CfonbRecord = { line, code, text: body.padEnd(RECORD_LENGTH) };
  const { open } = reading;
  if (record.code === '01') {
    openStatement(reading, record);
  } else if (open === null) {
    if (!reading.isSkippingOrphans) {
      report(reading, 'record', 'cfonb_outside_statement', { record: record.code }, line);
    }
    reading.isSkippingOrphans = record.code !== '07';
  } else if (record.code === '04') {
    addMovement(reading, open, record);
  } else if (record.code === '05') {
    if (open.current === null) {
      rejectRecord(reading, 'cfonb_complement_without_movement', {}, line);
    } else if (open.current !== 'rejected') {
      applyComplement(open.current, field(record, 46, 48), field(record, 49, 118));
    }
  } else {
    closeStatement(reading, open, record);
  }
}

/** An error: the statement being read, if any, is left out. */
function report(
  reading: Reading,
  name: string,
  code: MessageCode,
  params: MessageParams,
  line: number,
): void {
  reading.issues.push(fieldIssue(name, code, params, line));
  if (reading.open !== null) {
    reading.open.hasError = true;
  }
}

/** A record that cannot be read at all; the 05 records after it are not its 04's. */
function rejectRecord(
  reading: Reading,
  code: MessageCode,
  params: MessageParams,
  line: number,
): void {
  report(reading, 'record', code, params, line);
  if (reading.open !== null) {
    reading.open.current = 'rejected';
  }
}

function closeUnfinished(reading: Reading): void {
  const { open } = reading;
  if (open !== null) {
    const params = { account: open.accountNumber.trim() };
    report(reading, 'record', 'cfonb_unclosed_statement', params, open.line);
    reading.open = null;
  }
}

function openStatement(reading: Reading, record: CfonbRecord): void {
  closeUnfinished(reading);
  reading.isSkippingOrphans = false;
  const open: OpenStatement = {
    line: record.line,
    bankCode: field(record, 3, 7),
    branchCode: field(record, 12, 16),
    accountNumber: field(record, 22, 32),
    currency: null,
    opening: null,
    movements: [],
    current: null,
    hasError: false,
  };
  reading.open = open;
  const { bankCode, branchCode, accountNumber } = open;
  if (
    !/^\d{5}$/.test(bankCode) ||
    !/^\d{5}$/.test(branchCode) ||
    !/^[0-9A-Z]{11}$/.test(accountNumber)
  ) {
    const params = { bankCode, branchCode, accountNumber };
    report(reading, 'account', 'cfonb_bad_account', params, record.line);
  }
  const read = readBalance(reading, record, null);
  if (read !== undefined) {
    open.currency = read.currency;
    open.opening = read.balance;
  }
}

function addMovement(reading: Reading, open: OpenStatement, record: CfonbRecord): void {
  open.current = 'rejected';
  const isOwn = isSameAccount(reading, open, record);
  const money = readCurrency(reading, record, open.currency);
  const bookingDate = readDate(reading, record, 35, 'booking_date');
  const valueDate =
    field(record, 43, 48).trim() === '' ? null : readDate(reading, record, 43, 'value_date');
  const amountCents = money === undefined ? undefined : readAmount(reading, record, money);
  if (
    !isOwn ||
    money === undefined ||
    bookingDate === undefined ||
    valueDate === undefined ||
    amountCents === undefined
  ) {
    return;
  }
  const bankReferences: Record<string, string> = {};
  const entry = field(record, 82, 88).trim();
  // Banks that do not number their entries fill the field with zeros.
  if (!/^0*$/.test(entry)) {
    bankReferences.entryReference = entry;
  }
  const reference = field(record, 105, 120).trim();
  if (reference !== '') {
    bankReferences.reference = reference;
  }
  const internalCode = field(record, 8, 11).trim();
  if (internalCode !== '') {
    bankReferences.internalOperationCode = internalCode;
  }
  const label = field(record, 49, 79).trim();
  // Positions 41-42 hold the CFONB reason code of a rejected or returned movement.
  const returnReason = field(record, 41, 42).trim() || null;
  const movement: Movement = {
    position: String(record.line),
    bookingDate,
    valueDate,
    amountCents,
    currency: money.currency,
    counterpartyName: null,
    counterpartyIban: null,
    texts: label === '' ? [] : [label],
    structuredReferences: [],
    bankReferences,
    transactionCode: field(record, 33, 34).trim() || null,
    isReversal: returnReason !== null,
    returnReason,
  };
  open.movements.push(movement);
  open.current = movement;
}

function closeStatement(reading: Reading, open: OpenStatement, record: CfonbRecord): void {
  const read = isSameAccount(reading, open, record)
    ? readBalance(reading, record, open.currency)
    : undefined;
  reading.open = null;
  if (read === undefined || open.hasError || open.opening === null || open.currency === null) {
    return;
  }
  const { bankCode, branchCode, accountNumber } = open;
  reading.statements.push({
    position: String(open.line),
    account: { kind: 'rib', bankCode, branchCode, accountNumber },
    currency: open.currency,
    statementId: `${bankCode}-${branchCode}-${accountNumber}-${open.opening.date}`,
    opening: open.opening,
    closing: read.balance,
    lines: open.movements.map(toBankLine),
  });
}

/**
 * 04 and 07 records must be for the account their 01 opened. Only the account number
 * (22-32) is compared: real files vary the bank code of their 04 and 07 records (a
 * Crédit Mutuel file gives its movements another bank code than its balances).
 */
function isSameAccount(reading: Reading, open: OpenStatement, record: CfonbRecord): boolean {
  const account = field(record, 22, 32);
  if (account === open.accountNumber) {
    return true;
  }
  const params = {
    record: record.code,
    account: account.trim(),
    expected: open.accountNumber.trim(),
    openingLine: open.line,
  };
  report(reading, 'account', 'cfonb_other_account', params, record.line);
  return false;
}

/** The balance of an 01 or 07 record: its date (35-40) and its amount. */
function readBalance(
  reading: Reading,
  record: CfonbRecord,
  statementCurrency: CurrencyCode | null,
): { currency: CurrencyCode; balance: StatedBalance } | undefined {
  const money = readCurrency(reading, record, statementCurrency);
  const date = readDate(reading, record, 35, 'balance_date');
  const amountCents = money === undefined ? undefined : readAmount(reading, record, money);
  if (money === undefined || date === undefined || amountCents === undefined) {
    return undefined;
  }
  return { currency: money.currency, balance: { date, amountCents } };
}

/** Some files leave the currency blank (their 01 and 07 records): French accounts, in euros. */
const EURO: CurrencyCode = (() => {
  const code = 'EUR';
  if (!isCurrencyCode(code)) {
    throw new RangeError('The runtime knows no EUR');
  }
  return code;
})();

/**
 * The record's currency (17-19) and the number of decimals of its amount (20). A blank
 * currency is the statement's (EUR on an 01 record); blank decimals are the currency's
 * minor digits. Whatever is assumed is said in a notice.
 */
function readCurrency(
  reading: Reading,
  record: CfonbRecord,
  statementCurrency: CurrencyCode | null,
): { currency: CurrencyCode; decimals: number } | undefined {
  const currencyText = field(record, 17, 19).trim();
  const decimalsText = field(record, 20, 20).trim();
  let currency = statementCurrency ?? EURO;
  if (currencyText !== '') {
    const parsed = parseCurrencyCode(currencyText);
    if (parsed === undefined) {
      const params = { record: record.code, value: currencyText };
      report(reading, 'currency', 'cfonb_unknown_currency', params, record.line);
      return undefined;
    }
    if (statementCurrency !== null && parsed !== statementCurrency) {
      const params = { record: record.code, currency: parsed, expected: statementCurrency };
      report(reading, 'currency', 'cfonb_other_currency', params, record.line);
      return undefined;
    }
    currency = parsed;
  }
  if (decimalsText !== '' && !/^\d$/.test(decimalsText)) {
    const params = { record: record.code, value: decimalsText };
    report(reading, 'decimals', 'cfonb_bad_decimal_count', params, record.line);
    return undefined;
  }
  const decimals = decimalsText === '' ? minorDigits(currency) : Number(decimalsText);
  if (decimalsText === '' || (currencyText === '' && statementCurrency === null)) {
    const params = { record: record.code, currency, decimals };
    reading.notices.push(fieldIssue('currency', 'cfonb_assumed_currency', params, record.line));
  }
  return { currency, decimals };
}

/** The signed last digit of an amount (COBOL overpunch): `{` A–I are +0…+9, `}` J–R −0…−9. */
function overpunch(character: string): { digit: number; isNegative: boolean } | undefined {
  if (character === '{' || character === '}') {
    return { digit: 0, isNegative: character === '}' };
  }
  const positive = 'ABCDEFGHI'.indexOf(character);
  if (positive >= 0) {
    return { digit: positive + 1, isNegative: false };
  }
  const negative = 'JKLMNOPQR'.indexOf(character);
  return negative >= 0 ? { digit: negative + 1, isNegative: true } : undefined;
}

/**
 * The amount (91-104) in minor units of its currency: 13 digits and an overpunched last
 * one, with the record's number of decimals. A credit (money in, a credit balance) is
 * positive. Computed in bigint, so 14 digits scaled to a currency's minor unit stay exact.
 */
function readAmount(
  reading: Reading,
  record: CfonbRecord,
  money: { currency: CurrencyCode; decimals: number },
): Cents | undefined {
  const value = field(record, 91, AMOUNT_END);
  const match = /^(\d{13})(.)$/.exec(value);
  const last = overpunch(match?.[2] ?? '');
  if (match === null || last === undefined) {
    report(reading, 'amount', 'cfonb_bad_amount', { record: record.code, value }, record.line);
    return undefined;
  }
  const given = BigInt(`${match[1]}${last.digit}`);
  const digits = minorDigits(money.currency);
  const scale = 10n ** BigInt(Math.abs(digits - money.decimals));
  if (money.decimals > digits && given % scale !== 0n) {
    const params = {
      record: record.code,
      value,
      decimals: money.decimals,
      currency: money.currency,
      digits,
    };
    report(reading, 'amount', 'cfonb_amount_below_minor_unit', params, record.line);
    return undefined;
  }
  const minorUnits = money.decimals > digits ? given / scale : given * scale;
  if (minorUnits > BigInt(MAX_AMOUNT_CENTS)) {
    const params = { record: record.code, value, max: MAX_AMOUNT_CENTS, currency: money.currency };
    report(reading, 'amount', 'cfonb_amount_too_large', params, record.line);
    return undefined;
  }
  const amount = Number(minorUnits);
  return cents(last.isNegative ? -amount : amount);
}

/**
 * A JJMMAA date at `from`. The century is always 2000: a credit manager imports no
 * statement of the last century, and a pivot year would turn the files of 2070 into 1970.
 */
function readDate(
  reading: Reading,
  record: CfonbRecord,
  from: number,
  name: string,
): CalendarDate | undefined {
  const value = field(record, from, from + 5);
  const match = /^(\d{2})(\d{2})(\d{2})$/.exec(value);
  const date =
    match === null ? undefined : parseCalendarDate(`${match[1]}/${match[2]}/20${match[3]}`);
  if (date === undefined) {
    const params = { record: record.code, positions: `${from}-${from + 5}`, value };
    report(reading, name, 'cfonb_bad_date', params, record.line);
  }
  return date;
}

/**
 * Whether `text` is an ISO 11649 creditor reference: `RF`, two check digits, then 1 to 21
 * letters or digits; moved to the end and read as digits (A = 10 … Z = 35), it is 1 mod
 * 97. Spaces are ignored: the reference is often printed in groups of four.
 */
function isCreditorReference(text: string): boolean {
  const compact = text.replace(/ /g, '').toUpperCase();
  if (!/^RF\d{2}[0-9A-Z]{1,21}$/.test(compact)) {
    return false;
  }
  let remainder = 0;
  for (const character of compact.slice(4) + compact.slice(0, 4)) {
    const value = Number.parseInt(character, 36);
    remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
  }
  return remainder === 1;
}

/**
 * What a 05 record (qualifier at 46-48, text at 49-118) adds to its movement. Nothing a
 * 05 says is dropped: a qualifier without a place of its own, or whose place is already
 * taken, goes into the remittance text behind its qualifier.
 */
function applyComplement(movement: Movement, qualifierText: string, detailText: string): void {
  const qualifier = qualifierText.trim();
  const detail = detailText.trim();
  if (detail === '') {
    return;
  }
  const keepAsText = () => {
    movement.texts.push(qualifier === '' ? detail : `${qualifier} ${detail}`);
  };
  const addStructured = (reference: string) => {
    if (!movement.structuredReferences.includes(reference)) {
      movement.structuredReferences.push(reference);
    }
  };
  /** Sets the given (non-blank) references, unless one is already set: then the 05 is kept as text. */
  const setReferences = (references: Record<string, string>): boolean => {
    const given = Object.entries(references).filter(([, value]) => value !== '');
    if (given.some(([name]) => Object.hasOwn(movement.bankReferences, name))) {
      keepAsText();
      return false;
    }
    for (const [name, value] of given) {
      movement.bankReferences[name] = value;
    }
    return true;
  };
  // RCN and IPY split their text in two zones of 35: a value, then its purpose or kind.
  const first = detailText.slice(0, 35).trim();
  const second = detailText.slice(35).trim();
  switch (qualifier) {
    case 'NPY':
      if (movement.counterpartyName === null) {
        movement.counterpartyName = detail;
      } else {
        keepAsText();
      }
      break;
    // The free label, and the SEPA unstructured remittance information (LCC, then LC2).
    case 'LIB':
    case 'LCC':
    case 'LC2':
      movement.texts.push(detail);
      break;
    // The SEPA structured remittance information: a creditor reference, as given.
    case 'LCS':
      addStructured(detail);
      break;
    // The customer's reference (the SEPA end-to-end id), then the payment's purpose.
    case 'RCN':
      if (setReferences({ endToEndId: first })) {
        if (isCreditorReference(first)) {
          addStructured(first);
        }
        if (second !== '') {
          movement.texts.push(second);
        }
      }
      break;
    case 'REF':
      if (setReferences({ accountServicerReference: detail }) && isCreditorReference(detail)) {
        addStructured(detail);
      }
      break;
    // The payer's identifier, then the kind of identifier.
    case 'IPY':
      setReferences({ counterpartyId: first, counterpartyIdType: second });
      break;
    default:
      keepAsText();
  }
}

function toBankLine({ texts, ...movement }: Movement): BankLine {
  return { ...movement, remittanceText: texts.length === 0 ? null : texts.join(' ') };
}
