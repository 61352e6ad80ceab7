import { sql } from 'kysely';
import { createDeps, type Deps } from '../src/app/deps.ts';
import { customerDirectory } from '../src/customers/directory.ts';
import { printDemoProgress } from '../src/cli/commands/demo.ts';
import type { DbHandle } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { generateDemo, type DemoSize } from '../src/demo/generate.ts';
import { LOADED_TABLES, loadDemo, type DemoResult } from '../src/demo/load-demo.ts';
import type { CalendarDate } from '../src/shared/calendar-date.ts';
import type { Clock } from '../src/shared/clock.ts';
import { timeOnce } from './timing.ts';

export type LoadedTable = (typeof LOADED_TABLES)[number];

export type LoadTimings = {
  migrateMs: number;
  loadMs: number;
  /** CPU this Node process spent during the load (generator, encoding, and PGlite itself). */
  loadCpuMs: number;
  /** VACUUM (ANALYZE) after the load: what autovacuum does on a server shortly after. */
  vacuumAnalyzeMs: number;
  rows: Record<LoadedTable, number>;
  totalRows: number;
  /** Resident memory of the bench process right after the load. */
  rssMb: number;
};

export type LoadedDatabase = { deps: Deps; demo: DemoResult; timings: LoadTimings };

async function countRows(handle: DbHandle): Promise<Record<LoadedTable, number>> {
  const counts = {} as Record<LoadedTable, number>;
  for (const table of LOADED_TABLES) {
    const result = await sql<{
      n: number;
    }>`SELECT count(*)::bigint AS n FROM ${sql.table(table)}`.execute(handle.db);
    counts[table] = result.rows[0]?.n ?? 0;
  }
  return counts;
}

/** Migrates an empty database, loads the demo into it, then vacuums and analyzes; each step timed. */
export async function loadDatabase(
  handle: DbHandle,
  options: { size: DemoSize; seed: number; clock: Clock },
): Promise<LoadedDatabase> {
  const deps = createDeps(handle.db, { customers: customerDirectory, clock: options.clock });
  const migrated = await timeOnce(() => migrate(handle));
  const cpuBefore = process.cpuUsage();
  const loaded = await timeOnce(() =>
    loadDemo(handle, deps, {
      size: options.size,
      seed: options.seed,
      operator: 'bench',
      onProgress: printDemoProgress(`${handle.kind}: `),
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  process.stderr.write('\n');
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  // The state autovacuum leaves a minute after a bulk load on a server (statistics and
  // the visibility map; this test server runs with autovacuum off). loadDemo already
  // did it on PGlite, which has no autovacuum.
  const settled = await timeOnce(() => sql`VACUUM (ANALYZE)`.execute(handle.db));
  const rows = await countRows(handle);
  return {
    deps,
    demo: loaded.value,
    timings: {
      migrateMs: migrated.ms,
      loadMs: loaded.ms,
      loadCpuMs: (cpu.user + cpu.system) / 1000,
      vacuumAnalyzeMs: settled.ms,
      rows,
      totalRows: Object.values(rows).reduce((sum, count) => sum + count, 0),
      rssMb,
    },
  };
}

export type GeneratorTimings = { ms: number; cpuMs: number; customers: number; invoices: number };

/** The demo generator alone, without a database: the floor under any load time. */
export function timeGenerator(options: {
  size: DemoSize;
  seed: number;
  today: CalendarDate;
}): GeneratorTimings {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let customers = 0;
  let invoices = 0;
  for (const batch of generateDemo({
    size: options.size,
    seed: options.seed,
    today: options.today,
    // Not mixed into the data, only checked to be a UUID.
    companyId: '00000000-0000-4000-8000-000000000000',
    currency: 'EUR',
  })) {
    customers += batch.customers.length;
    invoices += batch.invoices.length;
  }
  const cpu = process.cpuUsage(cpuBefore);
  return {
    ms: performance.now() - started,
    cpuMs: (cpu.user + cpu.system) / 1000,
    customers,
    invoices,
  };
}
