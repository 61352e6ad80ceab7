import { describe, expect, it } from 'vitest';
import { parseBureauFile } from './bureau-file.ts';

const HEADER = 'siren,score,scale,incidents,incident_amount,assessed_on,source';

const file = (...lines: string[]) => [HEADER, ...lines].join('\n');

/** The errors as `[line, field, code]`, the rows as `[line, siren, normalized]`. */
function summary(text: string) {
  const { rows, errors } = parseBureauFile(text, 'scores.csv');
  return {
    rows: rows.map((row) => [row.line, row.siren, row.score.normalized]),
    errors: errors.map((error) => [error.line, error.field, error.code]),
  };
}

describe('parseBureauFile', () => {
  it('reads every column of a line', () => {
    expect(
      parseBureauFile(file('812345676,14,1-20,2,"1 234,50",2025-05-31,Assureur')).rows,
    ).toEqual([
      {
        line: 2,
        siren: '812345676',
        score: { source: 'Assureur', raw: '14', scale: '1-20', normalized: 68 },
        incidents: { count: 2, amountCents: 123_450, lastOn: null },
        assessedOn: '2025-05-31',
      },
    ]);
  });

  it.each<[string, string, { rows: unknown[]; errors: unknown[] }]>([
    [
      'each scale, dates as people write them, incidents left empty',
      file(
        '812 345 676,72,0-100,,,2025-05-31,Bureau',
        '901234567,7,1-10,0,,31/05/2025,Bureau',
        '845678903,4+,BDF,,,20250531,Banque de France',
        '444555668,0,bdf,,,2025-05-31,Banque de France',
      ),
      {
        rows: [
          [2, '812345676', 72],
          [3, '901234567', 67],
          [4, '845678903', 70],
          [5, '444555668', null],
        ],
        errors: [],
      },
    ],
    [
      'a French Excel file: BOM, CRLF, semicolons, decimal commas',
      `\uFEFFsiren;score;scale;incidents;incident_amount;assessed_on;source\r\n812345676;12,5;1-20;1;1234,5;2025-05-31;Assureur\r\n`,
      { rows: [[2, '812345676', 61]], errors: [] },
    ],
    [
      'columns in another order, without the incidents, blank lines skipped',
      'source,assessed_on,siren,scale,score\n\nBureau,2025-05-31,812345676,0-100,40\n,,,,\n',
      { rows: [[3, '812345676', 40]], errors: [] },
    ],
    [
      'every problem of a line at once',
      file('123456789,25,1-20,deux,12.345.6,2025-02-30,'),
      {
        rows: [],
        errors: [
          [2, 'siren', 'invalid_siren'],
          [2, 'score', 'score_out_of_scale'],
          [2, 'assessed_on', 'invalid_date'],
          [2, 'source', 'required'],
          [2, 'incidents', 'incident_count_invalid'],
          [2, 'incident_amount', 'incident_amount_invalid'],
        ],
      },
    ],
    [
      'empty required cells (a line of empty cells only is skipped, as Excel pads)',
      file(',,,0,,,', ',,,,,,'),
      {
        rows: [],
        errors: [
          [2, 'siren', 'required'],
          [2, 'scale', 'required'],
          [2, 'score', 'required'],
          [2, 'assessed_on', 'required'],
          [2, 'source', 'required'],
        ],
      },
    ],
    [
      'an unknown scale, a score that is not a number, an amount without a count',
      file('812345676,72,0-20,,,2025-05-31,B', '901234567,A,1-10,,100,2025-05-31,B'),
      {
        rows: [],
        errors: [
          [2, 'scale', 'score_scale_unknown'],
          [3, 'score', 'score_not_a_number'],
          [3, 'incidents', 'required'],
        ],
      },
    ],
    [
      'a SIREN already on an earlier line: the first is kept',
      file(
        '812345676,72,0-100,,,2025-05-31,B',
        '901234567,72,0-100,,,2025-05-31,B',
        '812 345 676,30,0-100,,,2025-06-30,B',
      ),
      {
        rows: [
          [2, '812345676', 72],
          [3, '901234567', 72],
        ],
        errors: [[4, 'siren', 'duplicate_in_file']],
      },
    ],
    [
      'a quoted cell over two lines: the next line keeps its number',
      file('812345676,72,0-100,,,2025-05-31,"Bureau\nNord"', '901234567,7,1-10,,,2025-05-31,B'),
      {
        rows: [
          [2, '812345676', 72],
          [4, '901234567', 67],
        ],
        errors: [],
      },
    ],
    [
      'a required column missing: the whole file',
      'siren,score,incidents\n812345676,72,0\n',
      {
        rows: [],
        errors: [
          [1, 'scale', 'bureau_column_missing'],
          [1, 'assessed_on', 'bureau_column_missing'],
          [1, 'source', 'bureau_column_missing'],
        ],
      },
    ],
    ['an empty file', '\n\n', { rows: [], errors: [[undefined, 'file', 'empty_file']] }],
    [
      'a quote left open',
      file('812345676,72,0-100,,,2025-05-31,B', '901234567,"7,1-10,,,2025-05-31,B'),
      { rows: [], errors: [[3, 'file', 'malformed_csv']] },
    ],
  ])('%s', (_, text, expected) => {
    expect(summary(text)).toEqual(expected);
  });

  it('names the duplicate’s first line, and the cell’s value', () => {
    const { errors } = parseBureauFile(
      file(
        '812345676,72,0-100,,,2025-05-31,B',
        '812345676,72,0-100,,,2025-05-31,B',
        '1,72,0-100,,,2025-05-31,B',
      ),
    );
    expect(errors).toEqual([
      expect.objectContaining({
        line: 3,
        params: { value: '812345676', firstLine: 2, context: 'siren' },
      }),
      expect.objectContaining({
        line: 4,
        code: 'invalid_siren',
        message: 'siren: SIREN "1" is not valid (9 digits, Luhn key).',
      }),
    ]);
  });
});
