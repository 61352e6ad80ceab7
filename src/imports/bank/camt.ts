/**
 * Reads ISO 20022 bank-to-customer statements, camt.053 (`BkToCstmrStmt/Stmt`) and
 * camt.054 notifications (`BkToCstmrDbtCdtNtfctn/Ntfctn`), of any version `.001.NN`,
 * into `BankStatement`s. docs/bank-statements.md says which element fills which field.
 *
 * The XML is read as a stream (saxes, namespace-aware): no tree of the file is built.
 * Each element is matched on its path relative to the statement, balance, entry or
 * transaction detail it sits in, and only the leaves we read keep their text; an entry
 * becomes its lines as soon as it closes. Memory is the statements read, not the file.
 *
 * Problems are issues, never exceptions. A file that is not UTF-8, not well-formed XML,
 * cut short, or not a camt.053/054 gives no statement at all (half a statement must
 * not be imported). A bad entry or balance is reported with its XML path and line, and
 * its statement is left out, as the CFONB reader does: without all its movements its
 * balances would mislead. Reading goes on, so one pass reports every problem, and the
 * file's other statements are kept.
 */
import { TextDecoder } from 'node:util';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { parseIsoDate, type CalendarDate } from '../../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../../shared/errors.ts';
import type { MessageCode, MessageParams } from '../../shared/messages/catalogue.ts';
import {
  isCurrencyCode,
  MAX_AMOUNT_CENTS,
  minorDigits,
  negateCents,
  parseAmount,
  sumCents,
  type Cents,
} from '../../shared/money.ts';
import type { BankAccountKey, BankLine, BankStatement, StatedBalance } from './statement.ts';

/** The statements read, the issues that refuse the file, and what was read but left out. */
export type CamtReadResult = { statements: BankStatement[]; issues: Issue[]; notices: Issue[] };

/** `urn:iso:std:iso:20022:tech:xsd:camt.053.001.08` → the message (053/054); any version. */
const CAMT_NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:camt\.(053|054)\.001\.\d{2}$/;
const MESSAGE_ELEMENT = { '053': 'BkToCstmrStmt', '054': 'BkToCstmrDbtCdtNtfctn' } as const;
const STATEMENT_ELEMENT = { '053': 'Stmt', '054': 'Ntfctn' } as const;
type CamtKind = keyof typeof MESSAGE_ELEMENT;

/** Elements that repeat among their siblings: their paths carry an index (`Ntry[3]`). */
const INDEXED = new Set(['Stmt', 'Ntfctn', 'Bal', 'Ntry', 'NtryDtls', 'TxDtls']);

// What each scope reads, by path relative to the scope's element. Alternatives of one
// field (`Dt` or `DtTm`, `Nm` or the `Pty/Nm` of versions 8 and later) share its name.
const STATEMENT_FIELDS = {
  Id: 'id',
  'Acct/Id/IBAN': 'iban',
  'Acct/Id/Othr/Id': 'otherId',
  'Acct/Ccy': 'currency',
} as const;
const BALANCE_FIELDS = {
  'Tp/CdOrPrtry/Cd': 'type',
  Amt: 'amount',
  CdtDbtInd: 'indicator',
  'Dt/Dt': 'date',
  'Dt/DtTm': 'date',
} as const;
const ENTRY_FIELDS = {
  Amt: 'amount',
  CdtDbtInd: 'indicator',
  RvslInd: 'reversal',
  // A code text up to version 7, a `Cd` (or `Prtry`) from version 8.
  Sts: 'status',
  'Sts/Cd': 'status',
  'Sts/Prtry': 'status',
  'BookgDt/Dt': 'bookingDate',
  'BookgDt/DtTm': 'bookingDate',
  'ValDt/Dt': 'valueDate',
  'ValDt/DtTm': 'valueDate',
  NtryRef: 'entryReference',
  AcctSvcrRef: 'accountServicerReference',
  'BkTxCd/Domn/Cd': 'domain',
  'BkTxCd/Domn/Fmly/Cd': 'family',
  'BkTxCd/Domn/Fmly/SubFmlyCd': 'subFamily',
  'BkTxCd/Prtry/Cd': 'proprietaryCode',
  AddtlNtryInf: 'additionalInfo',
} as const;
const DETAIL_FIELDS = {
  Amt: 'amount',
  'AmtDtls/TxAmt/Amt': 'transactionAmount',
  CdtDbtInd: 'indicator',
  'Refs/EndToEndId': 'endToEndId',
  'Refs/TxId': 'transactionId',
  'Refs/MsgId': 'messageId',
  'Refs/InstrId': 'instructionId',
  'Refs/MndtId': 'mandateId',
  'Refs/AcctSvcrRef': 'transactionAccountServicerReference',
  'RltdPties/Dbtr/Nm': 'debtorName',
  'RltdPties/Dbtr/Pty/Nm': 'debtorName',
  'RltdPties/DbtrAcct/Id/IBAN': 'debtorIban',
  'RltdPties/Cdtr/Nm': 'creditorName',
  'RltdPties/Cdtr/Pty/Nm': 'creditorName',
  'RltdPties/CdtrAcct/Id/IBAN': 'creditorIban',
  'RmtInf/Ustrd': 'unstructured',
  'RmtInf/Strd/CdtrRefInf/Ref': 'structured',
  'RtrInf/Rsn/Cd': 'returnReason',
  'RtrInf/Rsn/Prtry': 'returnReason',
  AddtlTxInf: 'additionalInfo',
  'BkTxCd/Domn/Cd': 'domain',
  'BkTxCd/Domn/Fmly/Cd': 'family',
  'BkTxCd/Domn/Fmly/SubFmlyCd': 'subFamily',
  'BkTxCd/Prtry/Cd': 'proprietaryCode',
} as const;

type FieldOf<T> = T[keyof T];
type StatementField = FieldOf<typeof STATEMENT_FIELDS>;
type BalanceField = FieldOf<typeof BALANCE_FIELDS>;
type EntryField = FieldOf<typeof ENTRY_FIELDS>;
type DetailField = FieldOf<typeof DETAIL_FIELDS>;
type CodeField = 'domain' | 'family' | 'subFamily' | 'proprietaryCode';

/** The text of an element we read, with where it is (for issues) and its `Ccy`. */
type Leaf = { text: string; currency: string | undefined; path: string; line: number };
type Collect = (leaf: Leaf) => void;

/** The leaves one scope (a statement, a balance, an entry, a detail) has read so far. */
type Fields<F extends string> = {
  collector(relativePath: string): Collect | undefined;
  first(field: F): Leaf | undefined;
  all(field: F): readonly Leaf[];
};

// A Map rather than the object: an element named `constructor` must not find a field.
function makeFields<F extends string>(table: Readonly<Record<string, F>>): Fields<F> {
  const paths = new Map(Object.entries(table));
  const values = new Map<F, Leaf[]>();
  return {
    collector(relativePath) {
      const field = paths.get(relativePath);
      if (field === undefined) {
        return undefined;
      }
      return (leaf) => {
        const list = values.get(field);
        if (list === undefined) {
          values.set(field, [leaf]);
        } else {
          list.push(leaf);
        }
      };
    },
    first: (field) => values.get(field)?.[0],
    all: (field) => values.get(field) ?? [],
  };
}

type Scope<F extends string> = { path: string; line: number; fields: Fields<F> };
type BalanceType = 'OPBD' | 'PRCD' | 'CLBD';
type StatementScope = Scope<StatementField> & {
  balances: Partial<Record<BalanceType, StatedBalance>>;
  /** The first amount's currency: the statement's when `Acct/Ccy` is absent. */
  amountCurrency: string | undefined;
  lines: BankLine[];
  /** How many issues the file had when the statement opened: more at its end drop it. */
  issuesBefore: number;
};
type EntryScope = Scope<EntryField> & { details: Scope<DetailField>[] };

type Frame = {
  /** Absolute XML path, for positions and issues. */
  path: string;
  /** Path relative to the innermost scope's element; `undefined` outside any statement. */
  relativePath: string | undefined;
  line: number;
  childCounts: Map<string, number>;
  collect: Collect | undefined;
  text: string;
  currency: string | undefined;
  opens: 'statement' | 'balance' | 'entry' | 'detail' | undefined;
};

/**
 * Reads a camt.053 or camt.054 file from its bytes, as one buffer or as a stream of
 * chunks (a Node `Readable` is one). Never throws on bad input: see the module comment.
 */
export async function readCamt(
  input: AsyncIterable<Uint8Array> | Uint8Array,
): Promise<CamtReadResult> {
  const reader = startReader();
  // Fatal: ISO 20022 messages are UTF-8, and a replacement character would change text silently.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const chunks = input instanceof Uint8Array ? [input] : input;
  for await (const chunk of chunks) {
    const text = decode(decoder, chunk);
    if (text === undefined) {
      return reader.refuse(fieldIssue('file', 'camt_not_utf8'));
    }
    reader.write(text);
    if (reader.hasFailed()) {
      break;
    }
  }
  if (!reader.hasFailed()) {
    const rest = decode(decoder, undefined);
    if (rest === undefined) {
      return reader.refuse(fieldIssue('file', 'camt_not_utf8'));
    }
    reader.write(rest);
  }
  return reader.close();
}

/** The chunk's text (the end of the input for `undefined`); `undefined` when it is not UTF-8. */
function decode(decoder: TextDecoder, chunk: Uint8Array | undefined): string | undefined {
  try {
    return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
  } catch (error) {
    // A fatal decoder throws a TypeError for bytes that are not UTF-8, and nothing else.
    if (error instanceof TypeError) {
      return undefined;
    }
    throw error;
  }
}

function startReader() {
  const issues: Issue[] = [];
  const notices: Issue[] = [];
  const statements: BankStatement[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  const frames: Frame[] = [];
  let hasFailed = false;
  let isClosing = false;
  let kind: CamtKind | undefined;
  let namespace = '';
  let statementCount = 0;
  let statement: StatementScope | undefined;
  let balance: Scope<BalanceField> | undefined;
  let entry: EntryScope | undefined;
  let detail: Scope<DetailField> | undefined;

  function fail(issue: Issue): void {
    hasFailed = true;
    issues.push(issue);
  }

  // saxes reports the first error and carries on; we stop there. `column` is that of the
  // next character, 0-based, so it is the 1-based column of the last one read.
  parser.on('error', () => {
    if (!hasFailed) {
      const code = isClosing ? 'camt_truncated' : 'camt_not_xml';
      const params = { line: parser.line, column: parser.column };
      fail(fieldIssue('file', code, params, parser.line));
    }
  });

  parser.on('opentag', (tag) => {
    if (hasFailed) {
      return;
    }
    const parent = frames.at(-1);
    const line = parser.line;
    if (parent === undefined || frames.length === 1) {
      checkDocument(tag, parent === undefined, line);
      if (hasFailed) {
        return;
      }
    }
    const name = tag.uri === namespace ? tag.local : `{${tag.uri}}${tag.local}`;
    const index = (parent?.childCounts.get(name) ?? 0) + 1;
    parent?.childCounts.set(name, index);
    const step = INDEXED.has(name) ? `${name}[${index}]` : name;
    const path = `${parent?.path ?? ''}/${step}`;
    const frame: Frame = {
      path,
      relativePath: undefined,
      line,
      childCounts: new Map(),
      collect: undefined,
      text: '',
      currency: tag.attributes['Ccy']?.value,
      opens: undefined,
    };
    frames.push(frame);
    if (parent === undefined) {
      return;
    }
    if (frames.length === 3 && kind !== undefined && name === STATEMENT_ELEMENT[kind]) {
      statementCount += 1;
      statement = {
        path,
        line,
        fields: makeFields(STATEMENT_FIELDS),
        balances: {},
        amountCurrency: undefined,
        lines: [],
        issuesBefore: issues.length,
      };
      openScope(frame, 'statement');
      return;
    }
    if (parent.relativePath === undefined) {
      return;
    }
    const relativePath = parent.relativePath === '' ? name : `${parent.relativePath}/${name}`;
    if (statement !== undefined && balance === undefined && entry === undefined) {
      if (relativePath === 'Bal') {
        balance = { path, line, fields: makeFields(BALANCE_FIELDS) };
        openScope(frame, 'balance');
        return;
      }
      if (relativePath === 'Ntry') {
        entry = { path, line, fields: makeFields(ENTRY_FIELDS), details: [] };
        openScope(frame, 'entry');
        return;
      }
    }
    if (entry !== undefined && detail === undefined && relativePath === 'NtryDtls/TxDtls') {
      detail = { path, line, fields: makeFields(DETAIL_FIELDS) };
      openScope(frame, 'detail');
      return;
    }
    frame.relativePath = relativePath;
    const scope = detail ?? entry ?? balance ?? statement;
    frame.collect = scope?.fields.collector(relativePath);
  });

  function openScope(frame: Frame, opens: Frame['opens']): void {
    frame.relativePath = '';
    frame.opens = opens;
  }

  /** Refuses, at its first element or the one under it, a file that is not a camt.053/054. */
  function checkDocument(tag: SaxesTagNS, isRoot: boolean, line: number): void {
    if (isRoot) {
      const match = CAMT_NAMESPACE.exec(tag.uri);
      const camtKind = match?.[1];
      if (tag.local === 'Document' && (camtKind === '053' || camtKind === '054')) {
        kind = camtKind;
        namespace = tag.uri;
        return;
      }
    } else if (kind !== undefined && tag.uri === namespace && tag.local === MESSAGE_ELEMENT[kind]) {
      return;
    }
    fail(fieldIssue('file', 'camt_not_camt', { element: tag.local, namespace: tag.uri }, line));
  }

  function appendText(text: string): void {
    const frame = frames.at(-1);
    if (!hasFailed && frame?.collect !== undefined) {
      frame.text += text;
    }
  }
  parser.on('text', appendText);
  parser.on('cdata', appendText);

  parser.on('closetag', () => {
    const frame = frames.pop();
    if (hasFailed || frame === undefined) {
      return;
    }
    frame.collect?.({
      text: detach(frame.text),
      currency: frame.currency,
      path: frame.path,
      line: frame.line,
    });
    if (frame.opens === 'detail' && detail !== undefined) {
      entry?.details.push(detail);
      detail = undefined;
    } else if (frame.opens === 'entry' && entry !== undefined) {
      if (statement !== undefined) {
        readEntry(entry, statement, issues, notices);
      }
      entry = undefined;
    } else if (frame.opens === 'balance' && balance !== undefined) {
      if (statement !== undefined) {
        readBalance(balance, statement, issues);
      }
      balance = undefined;
    } else if (frame.opens === 'statement' && statement !== undefined) {
      const read = finishStatement(statement, issues);
      if (read !== undefined) {
        statements.push(read);
      }
      statement = undefined;
    } else if (frames.length === 1 && kind !== undefined && statementCount === 0) {
      const params = { path: frame.path, element: STATEMENT_ELEMENT[kind] };
      issues.push(fieldIssue(frame.path, 'camt_no_statement', params, frame.line));
    }
  });

  return {
    write(text: string): void {
      parser.write(text);
    },
    hasFailed: () => hasFailed,
    refuse(issue: Issue): CamtReadResult {
      return { statements: [], issues: [...issues, issue], notices };
    },
    close(): CamtReadResult {
      if (!hasFailed) {
        // Errors from here on mean the input ended inside the document (or held none).
        isClosing = true;
        parser.close();
      }
      return { statements: hasFailed ? [] : statements, issues, notices };
    },
  };
}

/**
 * A copy of `text` that holds nothing else. saxes hands out substrings of the chunk it
 * reads, and V8 keeps a substring of 13 characters or more as a view on its parent: a
 * line keeping an IBAN would keep its whole 64 KiB chunk, and a 50 MB statement would
 * stay in memory through its lines (measured: 111 MiB held for 44,000 lines). Joining
 * to a space makes V8 write a new flat string, which `slice` then views alone.
 */
function detach(text: string): string {
  return ` ${text}`.slice(1);
}

function issueAt(
  issues: Issue[],
  field: string,
  line: number,
  code: MessageCode,
  params: MessageParams,
): undefined {
  issues.push(fieldIssue(field, code, params, line));
  return undefined;
}

/** The leaf of a mandatory element, or an issue saying the scope lacks it. */
function required<F extends string>(
  scope: Scope<F>,
  field: F,
  element: string,
  issues: Issue[],
): Leaf | undefined {
  const leaf = scope.fields.first(field);
  if (leaf !== undefined) {
    return leaf;
  }
  const params = { path: scope.path, element };
  return issueAt(issues, `${scope.path}/${element}`, scope.line, 'camt_missing_element', params);
}

function textOf(leaf: Leaf | undefined): string | undefined {
  const text = leaf?.text.trim();
  return text === '' ? undefined : text;
}

function textsOf(leaves: readonly Leaf[]): string[] {
  return leaves.flatMap((leaf) => textOf(leaf) ?? []);
}

type Money = { amount: Cents; currency: string };

/**
 * An `Amt` (xs:decimal, never negative, a dot before the decimals, no grouping) in minor
 * units of its `Ccy`, exactly. A well-formed code the runtime does not list (`XXX`, the
 * ISO code for "no currency", in a redacted bank sample) is read with two decimals,
 * ISO 4217's usual; whether the currency is accepted is the importer's decision.
 */
function readAmount(leaf: Leaf, issues: Issue[]): Money | undefined {
  const value = leaf.text.trim();
  const { currency } = leaf;
  if (currency === undefined) {
    const params = { path: leaf.path, element: 'Ccy' };
    return issueAt(issues, `${leaf.path}/@Ccy`, leaf.line, 'camt_missing_element', params);
  }
  if (!/^[A-Z]{3}$/.test(currency)) {
    const params = { path: leaf.path, value: currency };
    return issueAt(issues, `${leaf.path}/@Ccy`, leaf.line, 'camt_invalid_currency', params);
  }
  if (!/^\d+(?:\.\d+)?$/.test(value)) {
    const params = { path: leaf.path, value };
    return issueAt(issues, leaf.path, leaf.line, 'camt_invalid_amount', params);
  }
  const digits = isCurrencyCode(currency) ? minorDigits(currency) : 2;
  const parsed = parseAmount(value, digits, { decimalMark: '.' });
  if (parsed.ok) {
    return { amount: parsed.value, currency };
  }
  if (parsed.problem === 'decimals') {
    const params = { path: leaf.path, value, digits, currency };
    return issueAt(issues, leaf.path, leaf.line, 'camt_amount_precision', params);
  }
  if (parsed.problem === 'too_large') {
    const params = { path: leaf.path, value, max: MAX_AMOUNT_CENTS, currency };
    return issueAt(issues, leaf.path, leaf.line, 'camt_amount_too_large', params);
  }
  return issueAt(issues, leaf.path, leaf.line, 'camt_invalid_amount', { path: leaf.path, value });
}

/**
 * Keeps the first well-formed `Ccy` of the statement's amounts, the statement's currency
 * when `Acct/Ccy` is absent; taken as written, so a bad amount does not also cost the
 * statement its currency.
 */
function noteCurrency(statement: StatementScope, amount: Leaf | undefined): void {
  if (amount?.currency !== undefined && /^[A-Z]{3}$/.test(amount.currency)) {
    statement.amountCurrency ??= amount.currency;
  }
}

type Direction = 'CRDT' | 'DBIT';

function readDirection(leaf: Leaf, issues: Issue[]): Direction | undefined {
  const value = leaf.text.trim();
  if (value === 'CRDT' || value === 'DBIT') {
    return value;
  }
  const params = { path: leaf.path, value, choices: 'CRDT, DBIT' };
  return issueAt(issues, leaf.path, leaf.line, 'camt_invalid_code', params);
}

/** Signed as statement.ts wants it: a debit (DBIT) is negative. */
function signed(amount: Cents, direction: Direction): Cents {
  return direction === 'DBIT' ? negateCents(amount) : amount;
}

// xs:date may carry a time zone (`2024-03-01+01:00`), xs:dateTime a time after `T`.
const DATE_OR_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?$/;

/**
 * A `Dt` or `DtTm` as the calendar date it is written with: `2023-06-21T23:30:00-05:00`
 * is the 21st. The bank booked it on the day it wrote; converting to another zone
 * would move it.
 */
function readDate(leaf: Leaf, issues: Issue[]): CalendarDate | undefined {
  const value = leaf.text.trim();
  const day = DATE_OR_DATE_TIME.exec(value)?.[1];
  const date = day === undefined ? undefined : parseIsoDate(day);
  if (date !== undefined) {
    return date;
  }
  return issueAt(issues, leaf.path, leaf.line, 'camt_invalid_date', { path: leaf.path, value });
}

/** `RvslInd`, an xs:boolean; absent means not a reversal. */
function readReversal(leaf: Leaf | undefined, issues: Issue[]): boolean | undefined {
  if (leaf === undefined) {
    return false;
  }
  const value = leaf.text.trim();
  if (value === 'true' || value === '1') {
    return true;
  }
  if (value === 'false' || value === '0') {
    return false;
  }
  const params = { path: leaf.path, value, choices: 'true, false' };
  return issueAt(issues, leaf.path, leaf.line, 'camt_invalid_code', params);
}

/** `PMNT/RCDT/ESCT` from the ISO domain, family and sub-family; else the bank's own code. */
function transactionCodeOf(fields: Fields<CodeField>): string | undefined {
  const domain = textOf(fields.first('domain'));
  if (domain !== undefined) {
    const parts = [domain, textOf(fields.first('family')), textOf(fields.first('subFamily'))];
    return parts.filter((part) => part !== undefined).join('/');
  }
  return textOf(fields.first('proprietaryCode'));
}

function readBalance(
  balance: Scope<BalanceField>,
  statement: StatementScope,
  issues: Issue[],
): void {
  const type = textOf(balance.fields.first('type'));
  // Only the booked opening and closing balances are kept (available, forward… are not).
  if (type !== 'OPBD' && type !== 'PRCD' && type !== 'CLBD') {
    return;
  }
  const amountLeaf = required(balance, 'amount', 'Amt', issues);
  const directionLeaf = required(balance, 'indicator', 'CdtDbtInd', issues);
  const dateLeaf = required(balance, 'date', 'Dt', issues);
  noteCurrency(statement, amountLeaf);
  const money = amountLeaf && readAmount(amountLeaf, issues);
  const direction = directionLeaf && readDirection(directionLeaf, issues);
  const date = dateLeaf && readDate(dateLeaf, issues);
  if (money === undefined || direction === undefined || date === undefined) {
    return;
  }
  statement.balances[type] ??= { date, amountCents: signed(money.amount, direction) };
}

type Party = { name: string | null; iban: string | null };
const NO_PARTY: Party = { name: null, iban: null };

function partyOf(name: Leaf | undefined, iban: Leaf | undefined): Party | undefined {
  const party = { name: textOf(name) ?? null, iban: textOf(iban) ?? null };
  return party.name === null && party.iban === null ? undefined : party;
}

/**
 * The other side of the movement: who paid a credit (`Dbtr`), whom a debit paid (`Cdtr`).
 * A reversal keeps the parties of the transaction it reverses (a returned direct debit
 * still names the customer as `Dbtr`), so its counterparty is the reversed direction's;
 * banks are not consistent there (OCA's ABN AMRO sample names the creditor), so a
 * reversal falls back to the party that is given.
 */
function counterpartyOf(
  fields: Fields<DetailField>,
  direction: Direction,
  isReversal: boolean,
): Party {
  const debtor = partyOf(fields.first('debtorName'), fields.first('debtorIban'));
  const creditor = partyOf(fields.first('creditorName'), fields.first('creditorIban'));
  const paidUs = (direction === 'CRDT') !== isReversal;
  const expected = paidUs ? debtor : creditor;
  const other = isReversal ? (paidUs ? creditor : debtor) : undefined;
  return expected ?? other ?? NO_PARTY;
}

/** The bank's references of an entry or a detail, by the names statement.ts documents. */
function referencesOf<F extends string>(
  fields: Fields<F>,
  names: readonly F[],
): Record<string, string> {
  const references: Record<string, string> = {};
  for (const name of names) {
    const value = textOf(fields.first(name));
    if (value !== undefined) {
      references[name] = value;
    }
  }
  return references;
}

const ENTRY_REFERENCES = ['entryReference', 'accountServicerReference'] as const;
const DETAIL_REFERENCES = [
  'endToEndId',
  'transactionId',
  'messageId',
  'instructionId',
  'mandateId',
  'transactionAccountServicerReference',
] as const;

/**
 * Turns a closed entry into its lines, added to the statement: one per `TxDtls` (a batch
 * booking of three transfers is three lines), or one for an entry without details. The
 * lines of an entry must add up to its amount, or the statement would no longer match
 * the bank's: details that do not are an issue, like a bad amount.
 */
function readEntry(
  entry: EntryScope,
  statement: StatementScope,
  issues: Issue[],
  notices: Issue[],
): void {
  // Only booked entries move the account: a pending (PDNG) or informative (INFO) one, as
  // camt.052/054 send, may never be booked, and the booked balances leave it out.
  const status = textOf(entry.fields.first('status'));
  if (status !== undefined && status !== 'BOOK') {
    notices.push(fieldIssue(entry.path, 'camt_entry_not_booked', { path: entry.path, status }));
    return;
  }
  const before = issues.length;
  const amountLeaf = required(entry, 'amount', 'Amt', issues);
  const directionLeaf = required(entry, 'indicator', 'CdtDbtInd', issues);
  const bookingLeaf = required(entry, 'bookingDate', 'BookgDt', issues);
  const valueLeaf = entry.fields.first('valueDate');
  const money = amountLeaf && readAmount(amountLeaf, issues);
  const direction = directionLeaf && readDirection(directionLeaf, issues);
  const bookingDate = bookingLeaf && readDate(bookingLeaf, issues);
  const valueDate = valueLeaf === undefined ? null : readDate(valueLeaf, issues);
  const isReversal = readReversal(entry.fields.first('reversal'), issues);
  noteCurrency(statement, amountLeaf);
  if (
    money === undefined ||
    direction === undefined ||
    bookingDate === undefined ||
    valueDate === undefined ||
    isReversal === undefined
  ) {
    return;
  }
  const entryAmount = signed(money.amount, direction);
  const entryCode = transactionCodeOf(entry.fields);
  const entryInfo = textOf(entry.fields.first('additionalInfo')) ?? null;
  const entryReferences = referencesOf(entry.fields, ENTRY_REFERENCES);
  const line = {
    bookingDate,
    valueDate,
    currency: money.currency,
    isReversal,
  };

  if (entry.details.length === 0) {
    statement.lines.push({
      ...line,
      position: entry.path,
      amountCents: entryAmount,
      counterpartyName: null,
      counterpartyIban: null,
      remittanceText: entryInfo,
      structuredReferences: [],
      bankReferences: entryReferences,
      transactionCode: entryCode ?? null,
      returnReason: null,
    });
    return;
  }

  const isSingle = entry.details.length === 1;
  const lines: BankLine[] = [];
  for (const detail of entry.details) {
    const { fields } = detail;
    const amountLeaf = fields.first('amount') ?? fields.first('transactionAmount');
    // A lone detail without an amount is the whole entry; in a batch each needs its own.
    let detailMoney: Money | undefined = money;
    if (amountLeaf !== undefined) {
      detailMoney = readAmount(amountLeaf, issues);
    } else if (!isSingle) {
      const params = { path: detail.path, element: 'Amt' };
      detailMoney = issueAt(
        issues,
        `${detail.path}/Amt`,
        detail.line,
        'camt_missing_element',
        params,
      );
    }
    const detailDirectionLeaf = fields.first('indicator');
    const detailDirection =
      detailDirectionLeaf === undefined ? direction : readDirection(detailDirectionLeaf, issues);
    if (detailMoney === undefined || detailDirection === undefined) {
      continue;
    }
    if (detailMoney.currency !== money.currency) {
      const params = {
        path: detail.path,
        currency: detailMoney.currency,
        entryCurrency: money.currency,
      };
      issueAt(issues, detail.path, detail.line, 'camt_detail_currency', params);
      continue;
    }
    const party = counterpartyOf(fields, detailDirection, isReversal);
    const unstructured = textsOf(fields.all('unstructured'));
    lines.push({
      ...line,
      position: detail.path,
      amountCents: signed(detailMoney.amount, detailDirection),
      counterpartyName: party.name,
      counterpartyIban: party.iban,
      // What the payer wrote; else the bank's words for the transaction, then for the
      // entry when it is this transaction alone (a batch's describes the batch).
      remittanceText:
        unstructured.length > 0
          ? unstructured.join(' ')
          : (textOf(fields.first('additionalInfo')) ?? (isSingle ? entryInfo : null)),
      structuredReferences: textsOf(fields.all('structured')),
      bankReferences: { ...entryReferences, ...referencesOf(fields, DETAIL_REFERENCES) },
      transactionCode: entryCode ?? transactionCodeOf(fields) ?? null,
      returnReason: textOf(fields.first('returnReason')) ?? null,
    });
  }
  if (issues.length > before) {
    return;
  }
  const total = sumCents(lines.map((detailLine) => detailLine.amountCents));
  if (total !== entryAmount) {
    const params = { path: entry.path, total, amount: entryAmount, currency: money.currency };
    issueAt(issues, entry.path, entry.line, 'camt_details_do_not_add_up', params);
    return;
  }
  statement.lines.push(...lines);
}

/**
 * The statement once its element closes; `undefined` when it names no account (with an
 * issue) or when one of its entries or balances had an issue. An account without IBAN
 * (`Othr/Id`, e.g. a Wise account number) is keyed as an IBAN holding that id:
 * `BankAccountKey` has no other kind, and the id is what the company will have
 * registered for that account.
 */
function finishStatement(statement: StatementScope, issues: Issue[]): BankStatement | undefined {
  const { fields } = statement;
  const accountId = textOf(fields.first('iban')) ?? textOf(fields.first('otherId'));
  const currencyLeaf = fields.first('currency');
  const currency = textOf(currencyLeaf) ?? statement.amountCurrency;
  if (accountId === undefined) {
    required(statement, 'iban', 'Acct/Id/IBAN', issues);
    return undefined;
  }
  if (currency === undefined) {
    required(statement, 'currency', 'Acct/Ccy', issues);
    return undefined;
  }
  if (!/^[A-Z]{3}$/.test(currency)) {
    const where = currencyLeaf ?? statement;
    const params = { path: where.path, value: currency };
    return issueAt(issues, where.path, where.line, 'camt_invalid_currency', params);
  }
  if (issues.length > statement.issuesBefore) {
    return undefined;
  }
  const account: BankAccountKey = { kind: 'iban', iban: accountId };
  return {
    position: statement.path,
    account,
    currency,
    statementId: textOf(fields.first('id')) ?? null,
    // A German bank's "previous closing booked" (PRCD) is the opening when no OPBD is given.
    opening: statement.balances.OPBD ?? statement.balances.PRCD ?? null,
    closing: statement.balances.CLBD ?? null,
    lines: statement.lines,
  };
}
