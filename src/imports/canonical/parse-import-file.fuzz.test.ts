/**
 * Property tests of the import parsers: whatever the bytes, encoding, delimiter,
 * quoting and line ends, `parseImportFile` answers with rows and issues and never
 * throws (a throw is a 500 or an exit 1).
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCurrencyCode } from '../../shared/money.ts';
import { TEXT_ENCODINGS } from '../decode-text.ts';
import type { ImportKind } from '../table/column-mapping.ts';
import type { ParseImportFileOptions } from './parse-import-file.ts';
import { CSV_DELIMITERS } from '../table/read-table.ts';
import {
  parseWholeImportFile,
  readWholeCsv,
  type WholeImportFile,
} from '../../../test/whole-import-file.ts';

const KINDS = ['customers', 'invoices', 'payments'] as const;
const LINE_ENDS = ['\n', '\r\n', '\r'] as const;
const HEADERS = {
  customers: ['code', 'name', 'siren', 'city', 'credit_limit', 'payment_terms'],
  invoices: ['number', 'customer_code', 'issue_date', 'due_date', 'amount', 'currency', 'kind'],
  payments: ['reference', 'customer_code', 'date', 'amount', 'invoice_number'],
} as const;

const kind = fc.constantFrom(...KINDS);
const options: fc.Arbitrary<ParseImportFileOptions> = fc.record({
  encoding: fc.option(fc.constantFrom(...TEXT_ENCODINGS), { nil: undefined }),
  defaultCurrency: fc.constantFrom(parseCurrencyCode('EUR'), undefined),
  decimalMark: fc.constantFrom(',' as const, '.' as const, undefined),
});

/** Cells people and machines write, and hostile ones: quotes, delimiters, NUL, lone surrogates, huge numbers. */
const cell = fc.oneof(
  fc.constantFrom(
    'C1',
    'Société Générale',
    '1 234,56',
    '99999999999.99',
    '73282932000074',
    '-150,00',
    '31/02/2025',
    '2026-03-01',
    'avoir',
    '"',
    '""',
    'NUL\u0000X',
    'a\ud800b',
    '\uFEFF',
    '',
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom('"', ';', ',', '\t', '|', '\n', '\r', 'a', ' '),
    maxLength: 8,
  }),
);

/** One CSV text: a header of the kind's columns, rows of cells, quoted or not, with mixed line ends. */
const csvText = fc
  .record({
    kind,
    delimiter: fc.constantFrom(...CSV_DELIMITERS),
    rows: fc.array(fc.array(fc.tuple(cell, fc.boolean()), { maxLength: 8 }), { maxLength: 12 }),
    lineEnds: fc.array(fc.constantFrom(...LINE_ENDS), { minLength: 13, maxLength: 13 }),
  })
  .map(({ kind: fileKind, delimiter, rows, lineEnds }) => {
    const lines = [
      HEADERS[fileKind].join(delimiter),
      ...rows.map((row) =>
        row
          .map(([text, isQuoted]) => (isQuoted ? `"${text.replace(/"/g, '""')}"` : text))
          .join(delimiter),
      ),
    ];
    return { kind: fileKind, text: lines.map((line, index) => line + lineEnds[index]).join('') };
  });

/** The text as bytes in an encoding a user may have: UTF-8 with or without BOM, UTF-16LE/BE with BOM. */
function encode(
  text: string,
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be',
): Uint8Array {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    const body = new TextEncoder().encode(text);
    return encoding === 'utf-8' ? body : new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
  }
  const bytes = [encoding === 'utf-16le' ? 0xff : 0xfe, encoding === 'utf-16le' ? 0xfe : 0xff];
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    bytes.push(...(encoding === 'utf-16le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]));
  }
  return new Uint8Array(bytes);
}

/** `parseWholeImportFile` for any kind. */
const parseAnyKind = parseWholeImportFile as (
  kind: ImportKind,
  bytes: Uint8Array,
  fileName: string,
  options?: ParseImportFileOptions,
) => Promise<WholeImportFile<{ line: number }, string>>;

async function expectAnswer(
  promise: Promise<WholeImportFile<{ line: number }, string>>,
): Promise<void> {
  const result = await promise;
  expect(Array.isArray(result.errors)).toBe(true);
  // A refused file has no rows; a row never comes with an error on its own line.
  const isFileRefused = result.errors.some((issue) => issue.line === undefined);
  expect(isFileRefused ? result.rows : []).toEqual([]);
  const errorLines = new Set(result.errors.map((issue) => issue.line));
  expect(result.rows.filter((row) => errorLines.has(row.line))).toEqual([]);
}

describe('parseImportFile never throws', () => {
  it('on random bytes, in any encoding', async () => {
    await expect(
      fc.assert(
        fc.asyncProperty(
          kind,
          fc.uint8Array({ maxLength: 300 }),
          options,
          async (k, bytes, opts) => {
            await expectAnswer(parseAnyKind(k, bytes, 'random.csv', opts));
          },
        ),
        { numRuns: 300 },
      ),
    ).resolves.toBeUndefined();
  });

  it('on random CSV text: delimiters, quotes, NUL, surrogates, mixed line ends, any encoding', async () => {
    await expect(
      fc.assert(
        fc.asyncProperty(
          csvText,
          fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'),
          options,
          async (file, encoding, opts) => {
            await expectAnswer(parseAnyKind(file.kind, encode(file.text, encoding), 'f.csv', opts));
          },
        ),
        { numRuns: 300 },
      ),
    ).resolves.toBeUndefined();
  });

  it('on random bytes after a ZIP signature (a broken workbook)', async () => {
    await expect(
      fc.assert(
        fc.asyncProperty(kind, fc.uint8Array({ maxLength: 200 }), async (k, tail) => {
          const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]);
          await expectAnswer(parseAnyKind(k, bytes, 'broken.xlsx'));
        }),
        { numRuns: 50 },
      ),
    ).resolves.toBeUndefined();
  });
});

describe('readCsvText reads one record per line', () => {
  it('whatever line ends a file mixes, when no value is quoted', () => {
    const token = fc.stringMatching(/^[A-Za-z0-9é][A-Za-z0-9 é]{0,5}$/);
    expect(() =>
      fc.assert(
        fc.property(
          fc.array(fc.array(token, { minLength: 3, maxLength: 3 }), {
            minLength: 1,
            maxLength: 20,
          }),
          fc.array(fc.constantFrom(...LINE_ENDS), { minLength: 21, maxLength: 21 }),
          (rows, lineEnds) => {
            const lines = ['a;b;c', ...rows.map((row) => row.join(';'))];
            const text = lines.map((line, index) => line + lineEnds[index]).join('');

            const result = readWholeCsv(text);

            expect(result.ok && result.table.records.map((record) => record.line)).toEqual(
              rows.map((_, index) => index + 2),
            );
          },
        ),
      ),
    ).not.toThrow();
  });
});
