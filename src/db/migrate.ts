import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DbHandle } from './client.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export type Migration = { name: string; sql: string; checksum: string };

export type MigrateResult = { applied: string[]; alreadyApplied: number };

/** The migrations in this release, oldest first (`YYYYMMDDHHMM_name.sql`). */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{12}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(`${dir}${file}`, 'utf8');
      return {
        name: file.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

/** Runs one script of several statements in a transaction, on the handle's own session. */
type ScriptRunner = {
  exec(script: string): Promise<void>;
  rows<T>(sql: string): Promise<T[]>;
  done(): void;
};

async function openRunner(handle: DbHandle): Promise<ScriptRunner> {
  if (handle.raw.kind === 'postgres') {
    const client = await handle.raw.pool.connect();
    return {
      exec: async (script) => {
        await client.query(script);
      },
      rows: async <T>(sql: string) => (await client.query(sql)).rows as T[],
      done: () => client.release(),
    };
  }
  const { pglite } = handle.raw;
  return {
    exec: async (script) => {
      await pglite.exec(script);
    },
    rows: async <T>(sql: string) => (await pglite.query<T>(sql)).rows,
    done: () => undefined,
  };
}

/**
 * Applies the migrations not yet recorded, each in its own transaction, and
 * refuses to go on if a recorded one was edited since it ran (its checksum
 * changed): a schema must be reproducible from its migrations.
 */
export async function migrate(
  handle: DbHandle,
  migrations = listMigrations(),
): Promise<MigrateResult> {
  const runner = await openRunner(handle);
  try {
    // Two servers starting at once must not apply the same migration twice.
    await runner.exec(`
      CREATE TABLE IF NOT EXISTS schema_migration (
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT schema_migration_pkey PRIMARY KEY (name)
      );
      SELECT pg_advisory_lock(727100);`);
    const recorded = await runner.rows<{ name: string; checksum: string }>(
      'SELECT name, checksum FROM schema_migration ORDER BY name',
    );
    const recordedByName = new Map(recorded.map((row) => [row.name, row.checksum]));
    for (const migration of migrations) {
      const checksum = recordedByName.get(migration.name);
      if (checksum !== undefined && checksum !== migration.checksum) {
        throw new Error(
          `Migration ${migration.name} was edited after it was applied (checksum differs). Write a new migration instead.`,
        );
      }
    }
    const applied: string[] = [];
    for (const migration of migrations) {
      if (recordedByName.has(migration.name)) {
        continue;
      }
      await runner.exec(
        `BEGIN;\n${migration.sql}\n;INSERT INTO schema_migration (name, checksum) VALUES ('${migration.name}', '${migration.checksum}');\nCOMMIT;`,
      );
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: recorded.length };
  } catch (error) {
    await runner.exec('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.exec('SELECT pg_advisory_unlock(727100)').catch(() => undefined);
    runner.done();
  }
}
