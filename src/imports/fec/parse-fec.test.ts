import { describe, expect, it } from 'vitest';

import { messageOf } from '../../shared/messages/catalogue.ts';
import {
  FEC_AMOUNT_DIRECTION_COLUMNS,
  FEC_COLUMNS,
  fecEntryKey,
  type FecColumn,
} from './fec-format.ts';
import { MAX_FEC_ISSUES, parseFec, type ParseFecOptions } from './parse-fec.ts';

type Row = Partial<Record<FecColumn, string>>;

/** A sale of 120,00 € to Dupont: the customer's debit, then the revenue's credit. */
const SALE: readonly [Row, Row] = [
  {
    CompteNum: '411000',
    CompteLib: 'Clients',
    CompAuxNum: 'C001',
    CompAuxLib: 'Société Dupont',
    EcritureLib: 'Facture F1 €',
    Debit: '120,00',
    Credit: '0,00',
  },
  { CompteNum: '706000', CompteLib: 'Prestations', Debit: '0,00', Credit: '120,00' },
];

const DEFAULTS: Row = {
  JournalCode: 'VT',
  JournalLib: 'Ventes',
  EcritureNum: '1',
  EcritureDate: '20240110',
  PieceRef: 'F1',
  PieceDate: '20240109',
  EcritureLib: 'Facture F1',
  ValidDate: '20240111',
};

/** A FEC text: the header of `columns`, then each row over `DEFAULTS`, empty fields elsewhere. */
function fecText(
  rows: readonly Row[],
  options: { separator?: string; lineEnd?: string; columns?: readonly FecColumn[] } = {},
): string {
  const { separator = '\t', lineEnd = '\n', columns = FEC_COLUMNS } = options;
  const lines = [
    columns.join(separator),
    ...rows.map((row) =>
      columns.map((column) => ({ ...DEFAULTS, ...row })[column] ?? '').join(separator),
    ),
  ];
  return lines.map((line) => line + lineEnd).join('');
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function parse(rows: readonly Row[], options: ParseFecOptions = {}) {
  return parseFec(utf8(fecText(rows)), 'fec.txt', options);
}

/** The issues of a parse that was not refused as a whole, as `[line, field, code]`. */
function issuesOf(rows: readonly Row[], options: ParseFecOptions = {}) {
  const result = parse(rows, options);
  if (!result.ok) {
    throw new Error(`refused: ${JSON.stringify(result.issues)}`);
  }
  return result.issues.map((issue) => [issue.line, issue.field, issue.code]);
}

/** `text` in an 8-bit encoding: every character below U+0100, and `extra` for the others. */
function eightBit(text: string, extra: Readonly<Record<string, number>>): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) {
    bytes[index] = extra[text.charAt(index)] ?? text.charCodeAt(index);
  }
  return bytes;
}

describe('parseFec', () => {
  it('reads a tab-separated file into typed lines', () => {
    const result = parse(SALE);

    expect(result).toEqual({
      ok: true,
      format: {
        separator: '\t',
        amounts: 'debit_credit',
        encoding: 'utf-8',
        hasByteOrderMark: false,
      },
      issues: [],
      lines: [
        {
          line: 2,
          lineInEntry: 1,
          journalCode: 'VT',
          journalLib: 'Ventes',
          ecritureNum: '1',
          ecritureDate: '2024-01-10',
          compteNum: '411000',
          compteLib: 'Clients',
          compAuxNum: 'C001',
          compAuxLib: 'Société Dupont',
          pieceRef: 'F1',
          pieceDate: '2024-01-09',
          ecritureLib: 'Facture F1 €',
          debitCents: 12000,
          creditCents: 0,
          ecritureLet: '',
          dateLet: null,
          validDate: '2024-01-11',
          montantDeviseCents: null,
          idevise: null,
        },
        expect.objectContaining({
          line: 3,
          lineInEntry: 2,
          compteNum: '706000',
          creditCents: 12000,
        }),
      ],
      refusedEntries: new Set(),
      lineCount: 2,
    });
  });

  it('reads a pipe-separated CRLF file with zero-padded, space-padded amounts and a header in capitals', () => {
    const padded: Row[] = [
      {
        ...SALE[0],
        Debit: ' 000000000000120,00',
        Credit: '0,00',
        Montantdevise: ' 000000000000120,00',
        Idevise: 'EUR',
      },
      {
        ...SALE[1],
        Debit: '0,00',
        Credit: ' 000000000000120,00',
        Montantdevise: '-000000000000120,00',
        Idevise: 'EUR',
      },
    ];
    const text = fecText(padded, { separator: '|', lineEnd: '\r\n' }).replace(
      FEC_COLUMNS.join('|'),
      FEC_COLUMNS.join('|').toUpperCase(),
    );

    const result = parseFec(utf8(text), 'fec.txt');

    expect(result.ok && result.format.separator).toBe('|');
    expect(result.issues).toEqual([]);
    expect(
      result.ok &&
        result.lines.map((line) => [
          line.debitCents,
          line.creditCents,
          line.montantDeviseCents,
          line.idevise,
        ]),
    ).toEqual([
      [12000, 0, 12000, 'EUR'],
      [0, 12000, -12000, 'EUR'],
    ]);
  });

  it('strips a UTF-8 byte-order mark and says it was there', () => {
    const result = parseFec(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(fecText(SALE))]), 'fec.txt');

    expect(result.ok && [result.format, result.lines[0]?.compAuxLib]).toEqual([
      { separator: '\t', amounts: 'debit_credit', encoding: 'utf-8', hasByteOrderMark: true },
      'Société Dupont',
    ]);
  });

  it('detects ISO-8859-15 (é = 0xE9, € = 0xA4, œ = 0xBD) without mojibake', () => {
    const rows = [
      { ...SALE[0], CompAuxLib: 'Société Dupont', EcritureLib: 'Main d’œuvre €' },
      SALE[1],
    ];
    const text = fecText(rows).replace('’', "'");

    const result = parseFec(eightBit(text, { '€': 0xa4, œ: 0xbd }), 'fec.txt');

    expect(
      result.ok && [
        result.format.encoding,
        result.lines[0]?.compAuxLib,
        result.lines[0]?.ecritureLib,
      ],
    ).toEqual(['iso-8859-15', 'Société Dupont', "Main d'œuvre €"]);
  });

  it('reads an 8-bit file with bytes 0x80–0x9F as Windows-1252 (€ = 0x80, ’ = 0x92)', () => {
    const rows = [{ ...SALE[0], EcritureLib: 'Main d’œuvre €' }, SALE[1]];

    const result = parseFec(eightBit(fecText(rows), { '€': 0x80, '’': 0x92, œ: 0x9c }), 'fec.txt');

    expect(result.ok && [result.format.encoding, result.lines[0]?.ecritureLib]).toEqual([
      'windows-1252',
      'Main d’œuvre €',
    ]);
  });

  it('reads the Montant + Sens layout into debits and credits', () => {
    const rows: Row[] = [
      { ...SALE[0], Montant: '120,00', Sens: 'D' },
      { ...SALE[1], Montant: '120,00', Sens: 'c' },
    ];
    const text = fecText(rows, { columns: FEC_AMOUNT_DIRECTION_COLUMNS });

    const result = parseFec(utf8(text), 'fec.txt');

    expect(result.ok && result.format.amounts).toBe('amount_direction');
    expect(result.issues).toEqual([]);
    expect(result.ok && result.lines.map((line) => [line.debitCents, line.creditCents])).toEqual([
      [12000, 0],
      [0, 12000],
    ]);
  });

  it('refuses a Sens that is neither D nor C', () => {
    const rows: Row[] = [
      { ...SALE[0], Montant: '120,00', Sens: 'X' },
      { ...SALE[1], Montant: '120,00', Sens: 'C' },
    ];
    const result = parseFec(
      utf8(fecText(rows, { columns: FEC_AMOUNT_DIRECTION_COLUMNS })),
      'fec.txt',
    );

    expect(result.issues.map((issue) => [issue.line, issue.field, issue.code])).toEqual([
      [2, 'Sens', 'fec_invalid_direction'],
    ]);
  });

  it('refuses a file written with decimal points, naming the first amount and the option', () => {
    const rows = [
      { ...SALE[0], Debit: '120.00', Credit: '' },
      { ...SALE[1], Debit: '', Credit: '120.00' },
    ];

    expect(parse(rows)).toEqual({
      ok: false,
      issues: [
        {
          line: 2,
          field: 'file',
          code: 'fec_decimal_point',
          message:
            '"fec.txt" writes its amounts with a decimal point (Debit "120.00" on line 2) where a FEC writes a decimal comma (LPF art. A47 A-1). If the file is right otherwise, import it again with --decimal-point.',
          params: { file: 'fec.txt', field: 'Debit', value: '120.00', line: 2 },
        },
      ],
    });
  });

  it('reads decimal points with decimalPoint, and then refuses a comma', () => {
    const rows = [
      { ...SALE[0], Debit: '120.00', Credit: '' },
      { ...SALE[1], Debit: '', Credit: '120.00' },
    ];

    const result = parse(rows, { decimalPoint: true });

    expect(result.ok && result.lines.map((line) => [line.debitCents, line.creditCents])).toEqual([
      [12000, 0],
      [0, 12000],
    ]);
    expect(issuesOf([{ ...SALE[0], Debit: '120,00', Credit: '' }], { decimalPoint: true })).toEqual(
      [[2, 'Debit', 'fec_invalid_amount']],
    );
  });

  it('refuses a header of 17 columns, naming the expected and found ones', () => {
    const columns = FEC_COLUMNS.filter((column) => column !== 'Idevise');

    const result = parseFec(utf8(fecText(SALE, { columns })), 'fec.txt');

    expect(result).toEqual({
      ok: false,
      issues: [
        expect.objectContaining({
          line: 1,
          field: 'file',
          code: 'fec_column_count',
          params: {
            file: 'fec.txt',
            count: 17,
            expectedCount: 18,
            expected: FEC_COLUMNS.join(', '),
            found: columns.join(', '),
          },
        }),
      ],
    });
  });

  it('refuses columns out of order, naming the first one', () => {
    const columns = [...FEC_COLUMNS];
    columns.splice(4, 2, 'CompteLib', 'CompteNum');

    const result = parseFec(utf8(fecText(SALE, { columns })), 'fec.txt');

    expect(result.issues).toEqual([
      expect.objectContaining({
        line: 1,
        code: 'fec_column_order',
        params: expect.objectContaining({
          position: 5,
          name: 'CompteLib',
          expectedName: 'CompteNum',
        }),
      }),
    ]);
    expect(result.issues[0]?.message).toContain(
      'its column 5 is "CompteLib" where a FEC has CompteNum',
    );
  });

  it.each([
    ['an empty file', '', 'fec_empty_file'],
    ['a file separated by semicolons', `${FEC_COLUMNS.join(';')}\n`, 'fec_no_separator'],
  ])('refuses %s', (_label, text, code) => {
    const result = parseFec(utf8(text), 'fec.txt');

    expect(result.ok ? undefined : result.issues.map((issue) => issue.code)).toEqual([code]);
  });

  it('reports an entry that does not balance on its first line, with both totals', () => {
    const rows = [SALE[0], { ...SALE[1], Credit: '100,00' }];

    const result = parse(rows);

    expect(result.issues).toEqual([
      {
        line: 2,
        field: 'EcritureNum',
        code: 'fec_unbalanced_entry',
        message:
          'Entry 1 of journal VT does not balance: its debits total €120.00 and its credits €100.00.',
        params: { journal: 'VT', entry: '1', debit: 12000, credit: 10000, currency: 'EUR' },
      },
    ]);
    expect(result.ok && result.lines).toHaveLength(2);
    expect(messageOf('fr', 'fec_unbalanced_entry', result.issues[0]?.params)).toBe(
      "L'écriture 1 du journal VT n'est pas équilibrée : ses débits totalisent 120,00\u00a0€ et ses crédits 100,00\u00a0€.",
    );
  });

  it('checks every line on its own and names the line and field of each problem', () => {
    const rows: Row[] = [
      { ...SALE[0], EcritureDate: '20240231' },
      { ...SALE[1], Credit: '1 20,00' },
      { ...SALE[1], EcritureNum: '2', CompteLib: '' },
      { ...SALE[1], EcritureNum: '3', Debit: '', Credit: '' },
      { ...SALE[1], EcritureNum: '4', Debit: '5,00', Credit: '5,00' },
      { ...SALE[1], EcritureNum: '5', Debit: '-5,00', Credit: '0,00' },
      { ...SALE[1], EcritureNum: '6', Credit: '12,345' },
      { ...SALE[1], EcritureNum: '7', PieceDate: '2024-01-09', DateLet: '1/2/2024' },
    ];

    expect(issuesOf(rows)).toEqual([
      [2, 'EcritureDate', 'fec_invalid_date'],
      [3, 'Credit', 'fec_invalid_amount'],
      [4, 'CompteLib', 'fec_required'],
      [5, 'Debit', 'fec_required'],
      [5, 'Credit', 'fec_required'],
      [6, 'Debit', 'fec_debit_and_credit'],
      [7, 'Debit', 'fec_negative_amount'],
      [8, 'Credit', 'fec_invalid_amount'],
      [9, 'PieceDate', 'fec_invalid_date'],
      [9, 'DateLet', 'fec_invalid_date'],
    ]);
  });

  it('says a bad amount and a bad date with their value, in both languages', () => {
    const result = parse([{ ...SALE[0], Debit: '1.234,56', PieceDate: '20240230' }]);
    const [date, amount] = result.issues;

    expect([date?.message, amount?.message]).toEqual([
      'PieceDate "20240230" is not a date written YYYYMMDD (AAAAMMJJ), or no such day exists.',
      'Debit "1.234,56" is not an amount as a FEC writes it: digits, then at most 2 decimals after a ",", without thousands separators (e.g. 1234,56).',
    ]);
    expect(messageOf('fr', 'fec_invalid_amount', amount?.params)).toBe(
      "Debit « 1.234,56 » n'est pas un montant écrit comme dans un FEC : des chiffres, puis au plus 2 décimales après « , », sans séparateur de milliers (par exemple 1234,56).",
    );
  });

  it('refuses a line whose field count is not the header’s, and skips blank lines', () => {
    const text = `${fecText(SALE)}\n\nVT\tVentes\t1\n`;

    const result = parseFec(utf8(text), 'fec.txt');

    expect(result.issues.map((issue) => [issue.line, issue.code, issue.params])).toEqual([
      [6, 'fec_field_count', { line: 6, count: 3, expectedCount: 18 }],
    ]);
  });

  it('does not also call the entry of a line with a field too many unbalanced', () => {
    const text = fecText([SALE[0], { ...SALE[1], CompteLib: 'Prestations\tde services' }]);

    const result = parseFec(utf8(text), 'fec.txt');

    expect(result.issues.map((issue) => [issue.line, issue.code])).toEqual([
      [3, 'fec_field_count'],
    ]);
  });

  it('reads a last line without a line feed', () => {
    const result = parseFec(utf8(fecText(SALE).slice(0, -1)), 'fec.txt');

    expect(result.ok && result.lines.map((line) => line.creditCents)).toEqual([0, 12000]);
  });

  it('reads a foreign amount with its currency’s decimals, and refuses one without a known currency', () => {
    const rows: Row[] = [
      { ...SALE[0], Montantdevise: '1500', Idevise: 'JPY' },
      { ...SALE[1], Montantdevise: '-12,5', Idevise: 'usd' },
      { ...SALE[1], EcritureNum: '2', Montantdevise: '10,00', Idevise: '' },
      { ...SALE[1], EcritureNum: '3', Montantdevise: '10,00', Idevise: 'XYZ' },
      { ...SALE[1], EcritureNum: '4', Montantdevise: '0,00', Idevise: '' },
    ];

    const result = parse(rows);

    expect(
      result.ok && result.lines.map((line) => [line.montantDeviseCents, line.idevise]),
    ).toEqual([
      [1500, 'JPY'],
      [-1250, 'USD'],
      [null, null],
    ]);
    expect(result.issues.map((issue) => [issue.line, issue.field, issue.code])).toEqual([
      [4, 'Idevise', 'fec_currency_missing'],
      [5, 'Idevise', 'fec_unknown_currency'],
      [6, 'EcritureNum', 'fec_unbalanced_entry'],
    ]);
  });

  it('ranks each line in its entry, even when the entry’s lines are apart', () => {
    const rows: Row[] = [
      { ...SALE[0], Debit: '60,00' },
      { ...SALE[1], EcritureNum: '2', Credit: '0,00' },
      { ...SALE[1], Credit: '60,00' },
    ];

    const result = parse(rows);

    expect(result.ok && result.lines.map((line) => [line.ecritureNum, line.lineInEntry])).toEqual([
      ['1', 1],
      ['2', 1],
      ['1', 2],
    ]);
    expect(result.issues).toEqual([]);
  });

  it('names the entries an import leaves out whole, and counts the lines read', () => {
    const text = fecText([
      SALE[0],
      { ...SALE[1], Credit: '100,00' },
      { ...SALE[0], EcritureNum: '2' },
      { ...SALE[1], EcritureNum: '2', ValidDate: '' },
      { ...SALE[0], EcritureNum: '3' },
      { ...SALE[1], EcritureNum: '3' },
    ]);

    const result = parseFec(utf8(`${text}\n`), 'fec.txt');

    expect(result.ok && [result.refusedEntries, result.lineCount]).toEqual([
      new Set([
        fecEntryKey({ journalCode: 'VT', ecritureNum: '1' }),
        fecEntryKey({ journalCode: 'VT', ecritureNum: '2' }),
      ]),
      6,
    ]);
  });

  it('does not call an entry unbalanced when one of its lines was refused', () => {
    expect(issuesOf([SALE[0], { ...SALE[1], ValidDate: '' }])).toEqual([
      [3, 'ValidDate', 'fec_required'],
    ]);
  });

  it(`lists at most ${MAX_FEC_ISSUES} issues and counts the others`, () => {
    const rows = Array.from({ length: MAX_FEC_ISSUES + 5 }, (_, index) => ({
      ...SALE[1],
      EcritureNum: String(index),
      Credit: '0,00',
      CompteLib: '',
    }));

    const result = parse(rows);

    expect(result.issues).toHaveLength(MAX_FEC_ISSUES + 1);
    expect(result.issues[0]).toMatchObject({
      field: 'file',
      code: 'fec_too_many_issues',
      params: { file: 'fec.txt', count: MAX_FEC_ISSUES + 5, shown: MAX_FEC_ISSUES },
    });
  });
});
