import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient, QueryResultRow } from 'pg';
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

/** Rows for a table, sent with COPY by whoever holds the session. */
export type RowSink = (
  table: string,
  columns: readonly string[],
  rows: readonly (readonly CopyValue[])[],
) => Promise<void>;

/** One session inside one transaction: COPY and plain statements. */
export type BulkSession = {
  /** `freeze`: rows land frozen and all-visible (only into a table emptied in this transaction). */
  copyText(
    table: string,
    columns: readonly string[],
    text: string,
    options?: { freeze?: boolean },
  ): Promise<void>;
  query<Row>(statement: string, parameters?: readonly unknown[]): Promise<Row[]>;
};

function copyStatement(
  table: string,
  columns: readonly string[],
  source: string,
  options: { freeze?: boolean },
): string {
  const freeze = options.freeze === true ? ' WITH (FREEZE)' : '';
  return `COPY ${table} (${columns.join(', ')}) FROM ${source}${freeze}`;
}

/** A sink that COPYs each call's rows at once and waits for them. */
export function copyRows(session: BulkSession): RowSink {
  return async (table, columns, rows) => {
    if (rows.length > 0) {
      await session.copyText(table, columns, encodeCopyRows(rows));
    }
  };
}

/**
 * Gathers rows per table and COPYs them in pieces of about `pieceChars`, one piece in
 * flight while the caller goes on producing rows: the server parses a piece while
 * Node builds the next. Only for tables without foreign keys to check. A table's piece
 * goes after what is pending of the tables first given before it (the invoices before
 * the allocations on them): the triggers that read an allocation's invoice find it
 * (ADR 24). The `frozen` tables are COPYed with `freeze`. `finish` sends what is left;
 * a failed piece fails the next call.
 */
export function createCopyStream(
  session: BulkSession,
  options: { pieceChars: number; frozen: readonly string[] },
): { add: RowSink; finish(): Promise<void> } {
  const pending = new Map<string, { columns: readonly string[]; text: string }>();
  // The tables in the order first given: the order their pieces are sent in.
  const order: string[] = [];
  let inFlight: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | undefined;
  const send = async (table: string) => {
    const piece = pending.get(table);
    pending.delete(table);
    await inFlight;
    if (failure !== undefined) {
      throw failure.error;
    }
    if (piece !== undefined) {
      const freeze = options.frozen.includes(table);
      // Settled either way, so that a failure waits for the next call instead of
      // surfacing as an unhandled rejection while the caller is busy.
      inFlight = session
        .copyText(table, piece.columns, piece.text, { freeze })
        .catch((error: unknown) => {
          failure = { error };
        });
    }
  };
  return {
    add: async (table, columns, rows) => {
      if (rows.length === 0) {
        return;
      }
      if (!order.includes(table)) {
        order.push(table);
      }
      const piece = pending.get(table) ?? { columns, text: '' };
      piece.text += encodeCopyRows(rows);
      pending.set(table, piece);
      if (piece.text.length >= options.pieceChars) {
        for (const earlier of order.slice(0, order.indexOf(table) + 1)) {
          await send(earlier);
        }
      }
    },
    finish: async () => {
      for (const table of order) {
        await send(table);
      }
      await inFlight;
      if (failure !== undefined) {
        throw failure.error;
      }
    },
  };
}

function pgSession(client: PoolClient): BulkSession {
  return {
    copyText: (table, columns, text, options = {}) =>
      pipeline(
        Readable.from([text]),
        client.query(copyFrom(copyStatement(table, columns, 'STDIN', options))),
      ),
    query: async <Row>(statement: string, parameters: readonly unknown[] = []) =>
      (await client.query<Row & QueryResultRow>(statement, [...parameters])).rows,
  };
}

/**
 * Runs `work` on one session inside one transaction: a batch of related tables lands
 * whole or not at all, and commits once instead of once per table.
 * `synchronous_commit` is off for that transaction only: the commit does not wait for
 * the WAL flush, so a crash right after it may lose the batch — never corrupt it —
 * which a loader that can be rerun accepts. Other sessions keep their settings.
 *
 * COPY is the fastest way into PostgreSQL (demo data, benchmarks). The caller owns
 * consistency: no rule is checked here. Table and column names are our own
 * constants, never user input.
 */
export async function inBulkTransaction<T>(
  handle: DbHandle,
  work: (session: BulkSession) => Promise<T>,
): Promise<T> {
  if (handle.raw.kind === 'pglite') {
    return handle.raw.pglite.transaction(async (tx) => {
      await tx.exec('SET LOCAL synchronous_commit = off');
      return work({
        copyText: async (table, columns, text, options = {}) => {
          await tx.query(copyStatement(table, columns, "'/dev/blob'", options), [], {
            blob: new Blob([text]),
          });
        },
        query: async <Row>(statement: string, parameters: readonly unknown[] = []) =>
          (await tx.query<Row>(statement, [...parameters])).rows,
      });
    });
  }
  const client = await handle.raw.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL synchronous_commit = off');
    const result = await work(pgSession(client));
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
 * there; PGlite runs no autovacuum at all, so it is vacuumed too. Tables `analyzed`
 * in the loading transaction are not analyzed again.
 */
export async function settleAfterBulkLoad(
  handle: DbHandle,
  tables: readonly string[],
  options: { analyzed?: readonly string[] } = {},
): Promise<void> {
  const analyzed = options.analyzed ?? [];
  const toAnalyze = tables.filter((table) => !analyzed.includes(table));
  const vacuum = handle.kind === 'pglite';
  if (toAnalyze.length > 0) {
    await run(handle, `${vacuum ? 'VACUUM (ANALYZE)' : 'ANALYZE'} ${toAnalyze.join(', ')}`);
  }
  if (vacuum && analyzed.length > 0) {
    await run(handle, `VACUUM ${analyzed.join(', ')}`);
  }
}

/** A maintenance statement (no transaction block: VACUUM refuses one). */
async function run(handle: DbHandle, statement: string): Promise<void> {
  if (handle.raw.kind === 'pglite') {
    await handle.raw.pglite.exec(statement);
    return;
  }
  await handle.raw.pool.query(statement);
}
