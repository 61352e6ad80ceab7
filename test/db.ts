import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { inject } from 'vitest';
import { createDeps, type Deps } from '../src/app/deps.ts';
import { customerDirectory } from '../src/customers/directory.ts';
import { openDatabase, type DbHandle } from '../src/db/client.ts';
import { todayIn } from '../src/shared/calendar-date.ts';
import { fixedClock, type Clock } from '../src/shared/clock.ts';
import { withDatabase } from './db-names.ts';

/**
 * A fresh, migrated database for one test file: a copy of the run's template.
 * On PostgreSQL it is a database of its own, dropped on close.
 */
export async function openTestDatabase(): Promise<DbHandle> {
  const template = inject('dbTemplate');
  if (template.kind === 'pglite') {
    return openDatabase('memory://', { loadDataDir: new Blob([readFileSync(template.path)]) });
  }
  const name = `encaisse_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: template.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.template}`);
  } finally {
    await admin.end();
  }
  const handle = await openDatabase(withDatabase(template.url, name));
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new Client({ connectionString: template.url });
      await cleanup.connect();
      // pg-pool's end() resolves once it has asked its clients to end, not once their
      // sockets closed: a FORCE drop then terminates a client still ending, whose FATAL
      // error no listener catches any more (an uncaught exception failing the run). Wait
      // for this file's connections to go, a few seconds at most, then drop.
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const { rows } = await cleanup.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
        if ((rows[0]?.n ?? 0) === 0) {
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** The URL or directory of a test database, for driving the CLI in a child process. */
export function describeTestDatabase(): 'pglite' | 'postgres' {
  return inject('dbTemplate').kind;
}

/** The tests' business moment: Sunday 15 March 2026, noon in Paris. */
export const TEST_NOW = new Date('2026-03-15T11:00:00Z');

/** A fresh database and the use-case dependencies over it, with the clock stopped at `now`. */
export async function openTestRuntime(
  now: Date = TEST_NOW,
): Promise<{ handle: DbHandle; deps: Deps }> {
  const handle = await openTestDatabase();
  return {
    handle,
    deps: createDeps(handle.db, { customers: customerDirectory, clock: fixedClock(now) }),
  };
}

/** A clock the test moves by hand (token expiry, throttled writes); nothing global is patched. */
export function movableClock(start: Date = TEST_NOW): Clock & { advance(seconds: number): void } {
  let instant = start;
  return {
    now: () => new Date(instant),
    today: (timeZone) => todayIn(timeZone, instant),
    advance: (seconds) => {
      instant = new Date(instant.getTime() + seconds * 1000);
    },
  };
}
