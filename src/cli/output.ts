import { domainErrorOfDatabase } from '../db/errors.ts';
import { DomainError, ERROR_CODES } from '../shared/errors.ts';

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
export function reportError(error: unknown): number {
  const domainError = error instanceof DomainError ? error : domainErrorOfDatabase(error);
  if (domainError !== undefined) {
    process.stderr.write(`error: ${domainError.message}\n`);
    for (const issue of domainError.issues) {
      const where = issue.line === undefined ? issue.field : `line ${issue.line}, ${issue.field}`;
      process.stderr.write(`  - ${where}: ${issue.message}\n`);
    }
    return ERROR_CODES[domainError.code].exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message}\n`);
  return 1;
}
