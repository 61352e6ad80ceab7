import os from 'node:os';
import { sql } from 'kysely';
import type { DbHandle } from '../src/db/client.ts';
import { pgliteVersion } from './bench-database.ts';

export type Machine = {
  cpuModel: string;
  cpuCount: number;
  memoryGb: number;
  os: string;
  node: string;
};

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

/** One-minute load average: the machine is shared, so every figure carries it. */
export function loadAverage(): number {
  return os.loadavg()[0] ?? 0;
}

/** Server settings that decide bulk-load and sort speed, as they were during the run. */
const SETTINGS = [
  'shared_buffers',
  'work_mem',
  'maintenance_work_mem',
  'effective_cache_size',
  'max_wal_size',
  'synchronous_commit',
  'full_page_writes',
  'wal_compression',
  'max_parallel_workers_per_gather',
  'jit',
  'autovacuum',
] as const;

export type DatabaseInfo = { version: string; settings: Record<string, string> };

export async function describeDatabase(handle: DbHandle): Promise<DatabaseInfo> {
  const version = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(
    handle.db,
  );
  const serverVersion = version.rows[0]?.v ?? 'unknown';
  const settings = await sql<{ name: string; setting: string }>`
    SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name IN (${sql.join([...SETTINGS])})`.execute(
    handle.db,
  );
  return {
    version:
      handle.kind === 'postgres'
        ? `PostgreSQL ${serverVersion}`
        : `PGlite ${pgliteVersion()} (PostgreSQL ${serverVersion} in WASM)`,
    settings: Object.fromEntries(settings.rows.map((row) => [row.name, row.setting])),
  };
}
