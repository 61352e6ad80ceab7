import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { DbHandle } from './client.ts';

export type CopyValue = string | number | boolean | null;

/** PostgreSQL COPY text format: tab-separated, `\N` for NULL, backslash escapes. */
function encodeValue(value: CopyValue): string {
  if (value === null) {
    return '\\N';
  }
  if (typeof value !== 'string') {
    return String(value);
  }
  return value.replace(/[\\\t\n\r]/g, (char) =>
    char === '\\' ? '\\\\' : char === '\t' ? '\\t' : char === '\n' ? '\\n' : '\\r',
  );
}

export function encodeCopyRows(rows: readonly (readonly CopyValue[])[]): string {
  let text = '';
  for (const row of rows) {
    text += `${row.map(encodeValue).join('\t')}\n`;
  }
  return text;
}

/**
 * Loads rows with COPY … FROM STDIN, the fastest way into PostgreSQL (demo data,
 * benchmarks). The caller owns consistency: no rule is checked here. Table and
 * column names are our own constants, never user input.
 */
export async function copyRows(
  handle: DbHandle,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly CopyValue[])[],
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const statement = `COPY ${table} (${columns.join(', ')}) FROM STDIN`;
  const text = encodeCopyRows(rows);
  if (handle.raw.kind === 'pglite') {
    await handle.raw.pglite.query(statement.replace('STDIN', "'/dev/blob'"), [], {
      blob: new Blob([text]),
    });
    return;
  }
  const client = await handle.raw.pool.connect();
  try {
    await pipeline(Readable.from([text]), client.query(copyFrom(statement)));
  } finally {
    client.release();
  }
}
