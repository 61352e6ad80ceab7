/**
 * Reads a CSV file of scores sent by a credit insurer or a bureau (issue 12), one line per
 * company, with a header naming the columns `siren,score,scale,incidents,incident_amount,
 * assessed_on,source` (any order; `incidents` and `incident_amount` may be left out).
 * Every line is read; those with a problem come back as errors with their line, field and
 * code (errors as data, HOUSE_STYLE §6), the others as rows. docs/screening.md has the format.
 *
 * Pure (HOUSE_STYLE §3): the text is given already decoded.
 */
import Papa from 'papaparse';
import { parseCalendarDate, type CalendarDate } from '../../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../../shared/errors.ts';
import { isValidSiren, normalizeSiren } from '../../shared/identifiers.ts';
import { parseAmount } from '../../shared/money.ts';
import type { PaymentIncidents } from './model.ts';
import { normalizeScore, parseScoreScale, SCORE_SCALES, type RiskScore } from './score.ts';

/** The columns a bureau file must have. */
export const BUREAU_REQUIRED_COLUMNS = [
  'siren',
  'score',
  'scale',
  'assessed_on',
  'source',
] as const;

/** One company's line: its score, its incidents (null when the line gives none), the day assessed. */
export type BureauRow = {
  line: number;
  siren: string;
  score: RiskScore;
  incidents: PaymentIncidents | null;
  assessedOn: CalendarDate;
};

/** What `parseBureauFile` returns: the lines read, and the problems of the others (or of the file). */
export type BureauFile = { rows: BureauRow[]; errors: Issue[] };

type CsvLine = { line: number; cells: Record<string, string> };

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter the header line uses most: `,` as named, `;` as French Excel writes. */
function delimiterOf(headerLine: string): (typeof DELIMITERS)[number] {
  const count = (delimiter: string) => headerLine.split(delimiter).length;
  return [...DELIMITERS].sort((a, b) => count(b) - count(a))[0] ?? ',';
}

/**
 * The non-blank lines of `text` with their physical line number (a quoted cell may span
 * lines): papaparse gives no line numbers, so they are counted from its cursor.
 */
function readCsv(text: string): { header: string[]; lines: CsvLine[]; unclosedQuoteLine?: number } {
  const input = (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  const firstLine = input.split('\n').find((line) => line.trim() !== '') ?? '';
  const rows: { line: number; fields: string[] }[] = [];
  let unclosedQuoteLine: number | undefined;
  let nextLine = 1;
  let previousCursor = 0;
  Papa.parse<string[]>(input, {
    delimiter: delimiterOf(firstLine),
    newline: '\n',
    skipEmptyLines: false,
    step: (result) => {
      const line = nextLine;
      const cursor = result.meta.cursor;
      nextLine += input.slice(previousCursor, cursor).split('\n').length - 1;
      previousCursor = cursor;
      if (result.errors.some((error) => error.code === 'MissingQuotes')) {
        unclosedQuoteLine ??= line;
      }
      if (result.data.some((field) => field.trim() !== '')) {
        rows.push({ line, fields: result.data });
      }
    },
  });
  const [headerRow, ...dataRows] = rows;
  const header = (headerRow?.fields ?? []).map((name) => name.trim().toLowerCase());
  const lines = dataRows.map(({ line, fields }) => ({
    line,
    cells: Object.fromEntries(header.map((name, index) => [name, (fields[index] ?? '').trim()])),
  }));
  return unclosedQuoteLine === undefined ? { header, lines } : { header, lines, unclosedQuoteLine };
}

/** The import family's `required` issue: an empty cell of a column that needs one. */
function requiredIssue(line: number, field: string): Issue {
  return fieldIssue(field, 'required', { field, context: 'cell' }, line);
}

/** One line as a row, or its problems (every one of them). */
function readLine({ line, cells }: CsvLine): { row: BureauRow } | { errors: Issue[] } {
  const errors: Issue[] = [];
  const cell = (name: string) => cells[name] ?? '';
  const required = (name: string) => {
    if (cell(name) === '') {
      errors.push(requiredIssue(line, name));
    }
    return cell(name);
  };

  const siren = normalizeSiren(required('siren'));
  if (siren !== '' && !isValidSiren(siren)) {
    const params = { field: 'siren', value: cell('siren'), context: 'cell' };
    errors.push(fieldIssue('siren', 'invalid_siren', params, line));
  }
  const scaleText = required('scale');
  const scale = parseScoreScale(scaleText);
  if (scaleText !== '' && scale === undefined) {
    const params = { value: scaleText, choices: SCORE_SCALES.join(', ') };
    errors.push(fieldIssue('scale', 'score_scale_unknown', params, line));
  }
  const rawScore = required('score');
  const normalized =
    scale === undefined || rawScore === '' ? undefined : normalizeScore(rawScore, scale);
  if (normalized !== undefined && !normalized.ok) {
    errors.push(...normalized.issues.map((issue) => ({ ...issue, line })));
  }
  const assessedText = required('assessed_on');
  const assessedOn = parseCalendarDate(assessedText);
  if (assessedText !== '' && assessedOn === undefined) {
    const params = { field: 'assessed_on', value: assessedText };
    errors.push(fieldIssue('assessed_on', 'invalid_date', params, line));
  }
  const source = required('source');
  const incidents = readIncidents(line, cell('incidents'), cell('incident_amount'), errors);

  if (
    errors.length > 0 ||
    scale === undefined ||
    normalized?.ok !== true ||
    assessedOn === undefined
  ) {
    return { errors };
  }
  const score = { source, raw: rawScore, scale, normalized: normalized.normalized };
  return { row: { line, siren, score, incidents, assessedOn } };
}

/**
 * The incidents of a line: none known when both cells are empty; a count (whole number)
 * and an amount in euros read digit by digit by `parseAmount` (empty: 0). An amount
 * without a count is refused: the count is what the policy weighs.
 */
function readIncidents(
  line: number,
  countText: string,
  amountText: string,
  errors: Issue[],
): PaymentIncidents | null {
  if (countText === '' && amountText === '') {
    return null;
  }
  if (countText === '') {
    errors.push(requiredIssue(line, 'incidents'));
    return null;
  }
  const isCount = /^\d+$/.test(countText) && Number.isSafeInteger(Number(countText));
  if (!isCount) {
    const params = { field: 'incidents', value: countText };
    errors.push(fieldIssue('incidents', 'incident_count_invalid', params, line));
  }
  const amount = parseAmount(amountText === '' ? '0' : amountText);
  if (!amount.ok || amount.value < 0) {
    const params = { field: 'incident_amount', value: amountText };
    errors.push(fieldIssue('incident_amount', 'incident_amount_invalid', params, line));
  }
  return isCount && amount.ok
    ? { count: Number(countText), amountCents: amount.value, lastOn: null }
    : null;
}

/**
 * Reads a bureau file (decoded text; a BOM, CRLF and `;` or tab delimiters are accepted).
 * The whole file is refused (no rows) when it has no header (`empty_file`), a quote left
 * open (`malformed_csv`), or a required column missing (`bureau_column_missing`). Line
 * errors: `required`, `invalid_siren`, `score_scale_unknown`, `score_not_a_number`,
 * `score_out_of_scale`, `invalid_date`, `incident_count_invalid`,
 * `incident_amount_invalid`, and `duplicate_in_file` for a SIREN already on an earlier
 * line (the first line is kept, as the other importers do).
 */
export function parseBureauFile(text: string, fileName = 'file'): BureauFile {
  const csv = readCsv(text);
  if (csv.unclosedQuoteLine !== undefined) {
    const line = csv.unclosedQuoteLine;
    return {
      rows: [],
      errors: [fieldIssue('file', 'malformed_csv', { file: fileName, line }, line)],
    };
  }
  if (csv.header.length === 0) {
    return {
      rows: [],
      errors: [fieldIssue('file', 'empty_file', { file: fileName, context: 'no_header' })],
    };
  }
  const missing = BUREAU_REQUIRED_COLUMNS.filter((column) => !csv.header.includes(column));
  if (missing.length > 0) {
    const errors = missing.map((column) =>
      fieldIssue(column, 'bureau_column_missing', { column }, 1),
    );
    return { rows: [], errors };
  }
  const rows: BureauRow[] = [];
  const errors: Issue[] = [];
  const firstLineOf = new Map<string, number>();
  for (const csvLine of csv.lines) {
    const read = readLine(csvLine);
    const siren = normalizeSiren(csvLine.cells.siren ?? '');
    const firstLine = firstLineOf.get(siren);
    if (isValidSiren(siren) && firstLine !== undefined) {
      const params = { value: siren, firstLine, context: 'siren' };
      errors.push(fieldIssue('siren', 'duplicate_in_file', params, csvLine.line));
      continue;
    }
    if (isValidSiren(siren)) {
      firstLineOf.set(siren, csvLine.line);
    }
    if ('row' in read) {
      rows.push(read.row);
    } else {
      errors.push(...read.errors);
    }
  }
  return { rows, errors };
}
