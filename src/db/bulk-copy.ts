import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DbHandle } from './client.ts';

export type CopyValue = string | number | boolean | null;

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPED = /[\\\t\n\r]/g;

function escapeChar(char: string): string {
  return char === '\\' ? '\\\\' : char === '\t' ? '\\t' : char === '\n' ? '\\n' : '\\r';
}

/** PostgreSQL COPY text format: tab-separated, `\N` for NULL, backslash escapes. */
function encodeValue(value: CopyValue): string {
  if (value === null) {
    return '\\N';
  }
  if (typeof value !== 'string') {
    return String(value);
  }
  // Most values (ids, dates, codes) have nothing to escape: testing is cheaper than
  // replacing, and this runs a few million times for a demo of size L.
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPED, escapeChar) : value;
}

export function encodeCopyRows(rows: readonly (readonly CopyValue[])[]): string {
  let text = '';
  for (const row of rows) {
    text += `${row.map(encodeValue).join('\t')}\n`;
  }
  return text;
}

/** COPYs rows into a table, within the transaction `copyInTransaction` opened. */
export type CopyInto = (
  table: string,
  columns: readonly string[],
  rows: readonly (readonly CopyValue[])[],
) => Promise<void>;

type Session = { copyText(statement: string, text: string): Promise<void> };

async function copyWith(
  session: Session,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly CopyValue[])[],
) {
  if (rows.length === 0) {
    return;
  }
  await session.copyText(`COPY ${table} (${columns.join(', ')}) FROM STDIN`, encodeCopyRows(rows));
}

function pgSession(client: PoolClient): Session {
  return {
    copyText: (statement, text) =>
      pipeline(Readable.from([text]), client.query(copyFrom(statement))),
  };
}

/**
 * Runs `load`, whose COPYs go into one transaction on one session: a batch of related
 * tables lands whole or not at all, and commits once instead of once per table.
 * `synchronous_commit` is off for that transaction only: the commit does not wait for
 * the WAL flush, so a crash right after it may lose the batch — never corrupt it —
 * which a loader that can be rerun accepts. Other sessions keep their settings.
 *
 * COPY is the fastest way into PostgreSQL (demo data, benchmarks). The caller owns
 * consistency: no rule is checked here. Table and column names are our own
 * constants, never user input.
 */
export async function copyInTransaction<T>(
  handle: DbHandle,
  load: (copy: CopyInto) => Promise<T>,
): Promise<T> {
  if (handle.raw.kind === 'pglite') {
    return handle.raw.pglite.transaction(async (tx) => {
      await tx.exec('SET LOCAL synchronous_commit = off');
      const session: Session = {
        copyText: async (statement, text) => {
          await tx.query(statement.replace('STDIN', "'/dev/blob'"), [], { blob: new Blob([text]) });
        },
      };
      return load((table, columns, rows) => copyWith(session, table, columns, rows));
    });
  }
  const client = await handle.raw.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL synchronous_commit = off');
    const session = pgSession(client);
    const result = await load((table, columns, rows) => copyWith(session, table, columns, rows));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Refreshes the planner's statistics of `tables` (and so invalidates plans made on them). */
export async function analyzeTables(handle: DbHandle, tables: readonly string[]): Promise<void> {
  await run(handle, `ANALYZE ${tables.join(', ')}`);
}

/**
 * After a bulk load the planner has no statistics for the new rows (its first plans
 * assume near-empty tables) and the visibility map is unset (no index-only scans).
 * A PostgreSQL server's autovacuum fixes both within minutes, so ANALYZE is enough
 * there; PGlite runs no autovacuum at all, so it is vacuumed too.
 */
export async function settleAfterBulkLoad(
  handle: DbHandle,
  tables: readonly string[],
): Promise<void> {
  await run(
    handle,
    `${handle.kind === 'pglite' ? 'VACUUM (ANALYZE)' : 'ANALYZE'} ${tables.join(', ')}`,
  );
}

/** A maintenance statement (no transaction block: VACUUM refuses one). */
async function run(handle: DbHandle, statement: string): Promise<void> {
  if (handle.raw.kind === 'pglite') {
    await handle.raw.pglite.exec(statement);
    return;
  }
  await handle.raw.pool.query(statement);
}
