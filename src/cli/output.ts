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

/** A plain aligned table for people; numbers right-aligned. */
export function printTable(headers: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const isNumeric = headers.map(
    (_, column) =>
      rows.length > 0 &&
      rows.every((row) =>
        /^-?[\d\s\u00a0.,]+([\s\u00a0]?(€|[A-Z]{3}|j))?$|^$/.test(row[column] ?? ''),
      ),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        isNumeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(headers)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of rows) {
    process.stdout.write(`${line(row)}\n`);
  }
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
