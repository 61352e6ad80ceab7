/**
 * camt.053 / camt.054 files written by banks and by other parsers' test suites
 * (../shared/testdata/camt, see its SOURCES.md): read, never copied into the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { parseAmount, type Cents } from '../../shared/money.ts';
import { readCamt } from './camt.ts';
import { statementBalances, type BankStatement } from './statement.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SAMPLES = resolve(REPO_ROOT, '../shared/testdata/camt');
const FILES = existsSync(SAMPLES)
  ? readdirSync(SAMPLES)
      .filter((name) => name.endsWith('.xml'))
      .sort()
  : [];

if (FILES.length === 0) {
  // oxlint-disable-next-line no-console -- a skipped conformance suite must say why
  console.warn(`camt conformance: no sample in ${SAMPLES}; these tests are skipped.`);
}

/**
 * Statements whose closing balance does not follow from the entries the sample keeps,
 * by file: closing − (opening + lines), in minor units. Kept exact, so that a change in
 * how we sign or split entries shows here; every other statement must balance.
 */
const KNOWN_IMBALANCES: Readonly<Record<string, number>> = {
  // OCA's test statement: its golden parse lists the same balances and transactions,
  // which do not add up there either.
  'oca-test-camt053.xml': -43_416,
  // Trimmed by viafintech: TxsSummry counts 35 entries, the file keeps 3.
  'viafintech-053-ing-batch.xml': 1_277_414,
  // Its lines add up to 542.28 (one is booked in EUR on this CHF account), its balances
  // differ by 1 793.30; no TxsSummry says how many entries it had.
  'viafintech-053-ubs-v8.xml': 125_102,
  // The redacted PostFinance statement (currency XXX): 13 010.00 of credits between
  // balances of 0.00 and 10 000.00.
  'kedder-postfinance-gcamp6.xml': -301_000,
};

async function read(name: string) {
  return readCamt(readFileSync(join(SAMPLES, name)));
}

function imbalance(statement: BankStatement): number | undefined {
  if (statement.opening === null || statement.closing === null) {
    return undefined;
  }
  const movements = statement.lines.reduce((sum, line) => sum + line.amountCents, 0);
  return statement.closing.amountCents - (statement.opening.amountCents + movements);
}

describe.skipIf(FILES.length === 0)('camt samples', () => {
  it.each(FILES)('%s: reads with no issue', async (name) => {
    const { statements, issues } = await read(name);

    expect(issues).toEqual([]);
    expect(statements.length).toBeGreaterThan(0);
  });

  it.each(FILES.filter((name) => !(name in KNOWN_IMBALANCES)))(
    '%s: every statement with both balances balances',
    async (name) => {
      const { statements } = await read(name);

      expect(statements.map(statementBalances)).not.toContain(false);
    },
  );

  it.each(Object.entries(KNOWN_IMBALANCES).filter(([name]) => FILES.includes(name)))(
    '%s: is off, as the sample is, by exactly %i minor units',
    async (name, difference) => {
      const { statements } = await read(name);

      expect(statements.map(imbalance)).toEqual([difference]);
    },
  );
});

// A reader of the Python literals of OCA's golden files (`pprint` of tuples, lists,
// dicts, strings, floats, booleans and None): enough for those two files. Numbers keep
// their text, so amounts become cents digit by digit, as ours do.

type PyValue = string | { number: string } | boolean | null | PyValue[] | PyDict;
type PyDict = { [key: string]: PyValue };

const PY_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

function readPython(source: string): PyValue {
  let at = 0;
  const peek = () => source.charAt(at);
  const skipSpace = () => {
    while (/\s/.test(peek()) && at < source.length) {
      at += 1;
    }
  };
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at ${at}: ${source.slice(at, at + 20)}`);
  };
  const readString = (): string => {
    const quote = peek();
    let text = '';
    at += 1;
    while (peek() !== quote) {
      if (at >= source.length) {
        fail('unterminated string');
      }
      if (peek() === '\\') {
        text += PY_ESCAPES[source.charAt(at + 1)] ?? fail('unknown escape');
        at += 2;
      } else {
        text += peek();
        at += 1;
      }
    }
    at += 1;
    return text;
  };
  const readItems = <T>(close: string, readItem: () => T): T[] => {
    const items: T[] = [];
    at += 1;
    skipSpace();
    while (peek() !== close) {
      items.push(readItem());
      skipSpace();
      if (peek() === ',') {
        at += 1;
        skipSpace();
      }
    }
    at += 1;
    return items;
  };
  const readPair = (): [string, PyValue] => {
    const key = readValue();
    skipSpace();
    if (typeof key !== 'string' || peek() !== ':') {
      return fail('expected a string key and a colon');
    }
    at += 1;
    return [key, readValue()];
  };
  const readValue = (): PyValue => {
    skipSpace();
    const next = peek();
    if (next === "'" || next === '"') {
      // pprint cuts long strings into adjacent literals, which Python joins.
      let text = readString();
      skipSpace();
      while (peek() === "'" || peek() === '"') {
        text += readString();
        skipSpace();
      }
      return text;
    }
    if (next === '(' || next === '[') {
      return readItems(next === '(' ? ')' : ']', readValue);
    }
    if (next === '{') {
      return Object.fromEntries(readItems('}', readPair));
    }
    const word = /^(?:-?\d+(?:\.\d+)?|True|False|None)/.exec(source.slice(at))?.[0];
    if (word === undefined) {
      return fail('unexpected value');
    }
    at += word.length;
    const constants: Readonly<Record<string, PyValue>> = { True: true, False: false, None: null };
    return constants[word] ?? { number: word };
  };
  return readValue();
}

function isNumber(value: PyValue | undefined): value is { number: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'number' in value;
}

function isDict(value: PyValue | undefined): value is PyDict {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isNumber(value);
}

function listOf(value: PyValue | undefined): PyValue[] {
  if (!Array.isArray(value)) {
    throw new TypeError(`not a list: ${JSON.stringify(value)}`);
  }
  return value;
}

function dictOf(value: PyValue | undefined): PyDict {
  if (!isDict(value)) {
    throw new TypeError(`not a dict: ${JSON.stringify(value)}`);
  }
  return value;
}

function textOf(value: PyValue | undefined): string {
  if (typeof value !== 'string') {
    throw new TypeError(`not a string: ${JSON.stringify(value)}`);
  }
  return value;
}

/** A Python float of an amount (`-754.25`, `5.0`) in cents, from its text. */
function centsOf(value: PyValue | undefined): Cents {
  const parsed = parseAmount(isNumber(value) ? value.number : '', 2, { decimalMark: '.' });
  if (!parsed.ok) {
    throw new TypeError(`not an amount: ${JSON.stringify(value)}`);
  }
  return parsed.value;
}

/** What OCA's module expects of a file: `(currency, account number, [statement, …])`. */
function readGolden(name: string) {
  const [currency, account, statements] = listOf(
    readPython(readFileSync(join(SAMPLES, name), 'utf8')),
  );
  return {
    currency: textOf(currency),
    account: textOf(account),
    statements: listOf(statements).map((value) => {
      const statement = dictOf(value);
      return {
        name: textOf(statement['name']),
        balanceStart: centsOf(statement['balance_start']),
        balanceEnd: centsOf(statement['balance_end_real']),
        transactions: listOf(statement['transactions']).map((transactionValue) => {
          const transaction = dictOf(transactionValue);
          return {
            amount: centsOf(transaction['amount']),
            date: textOf(transaction['date']),
            partnerName: textOf(transaction['partner_name']),
            ref: textOf(transaction['ref']),
          };
        }),
      };
    }),
  };
}

const OCA = [
  ['oca-test-camt053.xml', 'oca-golden-camt053.pydata'],
  ['oca-test-camt054.xml', 'oca-golden-camt054.pydata'],
] as const;
const HAS_OCA = OCA.every(([sample, golden]) =>
  [sample, golden].every((file) => existsSync(join(SAMPLES, file))),
);

describe.skipIf(!HAS_OCA)('camt samples against OCA’s expected parse', () => {
  it.each(OCA)('%s reads as %s says', async (sample, goldenFile) => {
    const golden = readGolden(goldenFile);
    const { statements, issues } = await read(sample);

    expect(issues).toEqual([]);
    expect(statements).toHaveLength(golden.statements.length);
    statements.forEach((statement, index) => {
      const expected = golden.statements[index];
      expect(statement.currency).toBe(golden.currency);
      expect(statement.account).toEqual({ kind: 'iban', iban: golden.account });
      expect(statement.statementId).toBe(expected?.name);
      // OCA writes 0.0 for a balance the file does not give (the camt.054 has none); we
      // say there is none.
      expect(statement.opening?.amountCents ?? 0).toBe(expected?.balanceStart);
      expect(statement.closing?.amountCents ?? 0).toBe(expected?.balanceEnd);
      // OCA also makes one transaction per TxDtls (the batch entry of the camt.053 is
      // two), so the lists compare one to one, in order. Its `ref` is the structured
      // creditor reference when there is one, else the end-to-end id.
      expect(
        statement.lines.map((line) => ({
          amount: line.amountCents,
          date: line.bookingDate,
          partnerName: line.counterpartyName,
          ref: line.structuredReferences[0] ?? line.bankReferences['endToEndId'],
        })),
      ).toEqual(expected?.transactions);
    });
  });
});
