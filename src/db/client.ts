import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import {
  Kysely,
  PostgresDialect,
  type PostgresPool,
  type PostgresPoolClient,
  type Transaction,
} from 'kysely';
import { Pool, TypeOverrides } from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Any handle a store can run queries on: the database or an open transaction. */
export type Queryable = Db | Tx;

export type DbHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives: a directory or a connection string without its password. */
  location: string;
  /** Raw access for bulk loading (COPY): the pg pool or the PGlite instance. */
  raw: { kind: 'postgres'; pool: Pool } | { kind: 'pglite'; pglite: PGlite };
  close(): Promise<void>;
};

const OID = { int8: 20, date: 1082 } as const;

/**
 * The most parameters one statement may carry. Lists travel as one array parameter
 * (array-parameters.ts), so no statement's count grows with its input; one that
 * does is a bug that would fail at 65,535 (or wrap silently), and this makes it
 * fail at any size, in the tests that run it.
 */
export const MAX_STATEMENT_PARAMETERS = 100;

function checkParameterCount(statement: string, parameters: readonly unknown[]): void {
  if (parameters.length > MAX_STATEMENT_PARAMETERS) {
    throw new RangeError(
      `A statement has ${parameters.length} parameters (at most ${MAX_STATEMENT_PARAMETERS}): pass the list as one array parameter (db/array-parameters.ts). ${statement.slice(0, 200)}`,
    );
  }
}

/** Kysely's view of a pg pool, with every statement's parameters counted first. */
function guardedPool(pool: Pool): PostgresPool {
  return {
    connect: async () => {
      const client = await pool.connect();
      return {
        query: ((statement: unknown, parameters: readonly unknown[] = []) => {
          if (typeof statement !== 'string') {
            // A cursor (Kysely's streaming) carries its own statement and values.
            const cursor = statement as { text: string; values?: readonly unknown[] };
            checkParameterCount(cursor.text, cursor.values ?? []);
            return client.query(statement as never);
          }
          checkParameterCount(statement, parameters);
          return client.query(statement, [...parameters]);
        }) as unknown as PostgresPoolClient['query'],
        release: () => client.release(),
      };
    },
    end: () => pool.end(),
  };
}

/**
 * BIGINT holds cents: both drivers must hand back a JS number, and refuse one
 * past 2^53 rather than round it (pg returns a string, PGlite a BigInt above it).
 */
function parseBigint(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`BIGINT ${text} does not fit a safe integer`);
  }
  return value;
}

/** DATE stays the `YYYY-MM-DD` string it is; turning it into a JS Date would drag in a time zone. */
const parseDate = (text: string): string => text;

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

/**
 * Opens the database `location` names: a `postgres://` URL, or a directory for the
 * embedded PGlite (created if missing; `memory://` keeps it in memory). A directory
 * belongs to one process at a time: if another holds it, this throws
 * `DatabaseInUseError` before PGlite reads a byte (ADR 8).
 */
export async function openDatabase(
  location: string,
  options: { loadDataDir?: Blob } = {},
): Promise<DbHandle> {
  if (isPostgresUrl(location)) {
    const typeParsers = new TypeOverrides();
    typeParsers.setTypeParser(OID.int8, parseBigint);
    typeParsers.setTypeParser(OID.date, parseDate);
    const pool = new Pool({ connectionString: location, max: 10, types: typeParsers });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: guardedPool(pool) }) });
    return {
      db,
      kind: 'postgres',
      location: location.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
      raw: { kind: 'postgres', pool },
      // Kysely ends the pool only if it used it; migrations may have used the pool alone.
      close: async () => {
        await db.destroy();
        if (!pool.ended) {
          await pool.end();
        }
      },
    };
  }
  let lock: DataDirLock | undefined;
  if (!location.startsWith('memory://')) {
    mkdirSync(location, { recursive: true });
    lock = await acquireDataDirLock(location);
  }
  try {
    // Loaded on first use: a PostgreSQL server's users need not load the WASM build.
    const [{ PGlite }, { pg_trgm }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
    ]);
    const pglite = await PGlite.create({
      dataDir: location,
      // The extensions the migrations create, built for WASM and shipped with PGlite.
      extensions: { pg_trgm },
      parsers: { [OID.int8]: parseBigint, [OID.date]: parseDate },
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    return wrapPglite(pglite, location, lock);
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Wraps an open PGlite (also a test clone) in the same handle as a server connection. */
function wrapPglite(pglite: PGlite, location: string, lock: DataDirLock | undefined): DbHandle {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) }) });
  return {
    db,
    kind: 'pglite',
    location,
    raw: { kind: 'pglite', pglite },
    close: async () => {
      try {
        await db.destroy();
        if (!pglite.closed) {
          await pglite.close();
        }
      } finally {
        // Only once PGlite has flushed and let go of the directory may the next process have it.
        lock?.release();
      }
    },
  };
}

/**
 * PGlite is one session. Kysely expects a pool; this one hands out that single
 * session to one borrower at a time, so a transaction never interleaves with
 * another caller's statements.
 */
function pglitePool(pglite: PGlite): PostgresPool {
  let queue: Promise<void> = Promise.resolve();
  return {
    connect: () =>
      new Promise<PostgresPoolClient>((resolve) => {
        queue = queue.then(
          () =>
            new Promise<void>((release) => {
              resolve({
                query: (async (sql: string, parameters: readonly unknown[]) => {
                  checkParameterCount(sql, parameters);
                  const result = await pglite.query(sql, [...parameters]);
                  return {
                    command: commandOf(sql),
                    rowCount: result.affectedRows ?? result.rows.length,
                    rows: result.rows,
                  };
                }) as PostgresPoolClient['query'],
                release: () => release(),
              });
            }),
        );
      }),
    end: () => pglite.close(),
  };
}

function commandOf(sql: string): 'UPDATE' | 'DELETE' | 'INSERT' | 'SELECT' | 'MERGE' {
  const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase();
  return verb === 'UPDATE' || verb === 'DELETE' || verb === 'INSERT' || verb === 'MERGE'
    ? verb
    : 'SELECT';
}
