import { domainErrorOfDatabase } from '../db/errors.ts';
import { DomainError, ERROR_CODES, errorMessage, issueMessage } from '../shared/errors.ts';
import type { Language } from '../shared/language.ts';
import {
  cliOutputWord,
  cliWord,
  labelled,
  type CliOutputWord,
  type CliWord,
  type MessageParams,
} from '../shared/messages/catalogue.ts';

/** What a command prints in `language` (`cli-output.*.ts`): its lines and table headers. */
export function outputWords(
  language: Language,
): (key: CliOutputWord, params?: MessageParams) => string {
  return (key, params) => cliOutputWord(language, key, params);
}

/** One JSON document on stdout (DESIGN.md: amounts in minor units, dates YYYY-MM-DD). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * A column of `printTable`: its header and the kind of value it holds. Numbers (amounts,
 * counts, days late) are right-aligned so their digits line up; text (codes, names,
 * dates, identifiers) is left-aligned. Decided by the column, not by reading its cells:
 * `€1,234.56` and `12 d` are numbers in English as `1 234,56 €` and `12 j` are in French.
 */
export type TableColumn = { readonly title: string; readonly kind: 'text' | 'number' };

/** A column of numbers, right-aligned (a bare header is a column of text). */
export function numberColumn(title: string): TableColumn {
  return { title, kind: 'number' };
}

/** A plain aligned table for people, one line per row, columns two spaces apart. */
export function formatTable(
  columns: readonly (string | TableColumn)[],
  rows: readonly (readonly string[])[],
): string {
  const kinds = columns.map((column) => (typeof column === 'string' ? 'text' : column.kind));
  const headers = columns.map((column) => (typeof column === 'string' ? column : column.title));
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        kinds[column] === 'number'
          ? cell.padStart(widths[column] ?? 0)
          : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)]
    .map((text) => `${text}\n`)
    .join('');
}

/** `formatTable` on stdout. */
export function printTable(
  columns: readonly (string | TableColumn)[],
  rows: readonly (readonly string[])[],
): void {
  process.stdout.write(formatTable(columns, rows));
}

/**
 * Reports a failed command on stderr and returns its exit code: the domain
 * error's code from the shared table, 1 for anything unexpected.
 */
export function reportError(error: unknown, language: Language): number {
  const domainError = error instanceof DomainError ? error : domainErrorOfDatabase(error);
  const say = (key: CliWord, params?: MessageParams) => cliWord(language, key, params);
  if (domainError !== undefined) {
    process.stderr.write(`${say('error', { message: errorMessage(language, domainError) })}\n`);
    for (const issue of domainError.issues) {
      const where =
        issue.line === undefined
          ? issue.field
          : say('lineField', { line: issue.line, field: issue.field });
      process.stderr.write(`  - ${labelled(language, where, issueMessage(language, issue))}\n`);
    }
    return ERROR_CODES[domainError.code].exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${say('error', { message })}\n`);
  return 1;
}
