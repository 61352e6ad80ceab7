import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client } from 'pg';
import type { BenchDatabase } from './options.ts';

/** The only database the bench creates on the server; it drops it when done. */
export const BENCH_DATABASE = 'encaisse_bench';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** A fresh, empty place to load the demo into, and how to remove it. */
export type BenchLocation = {
  kind: BenchDatabase;
  /** What `openDatabase` takes: a URL or a PGlite directory. */
  location: string;
  /** For the report: the URL without password, or the directory. */
  label: string;
  remove(): Promise<void>;
};

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') {
    parsed.password = '***';
  }
  return parsed.toString();
}

async function onAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** `encaisse_bench` on the server of `adminUrl`, dropped first if a previous run left it. */
export async function preparePostgres(adminUrl: string): Promise<BenchLocation> {
  const drop = () =>
    onAdmin(adminUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
    });
  await drop();
  await onAdmin(adminUrl, async (client) => {
    await client.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  });
  const location = withDatabase(adminUrl, BENCH_DATABASE);
  return { kind: 'postgres', location, label: withoutPassword(location), remove: drop };
}

/** A new directory under the git-ignored `.tmp/`, removed afterwards. */
export function preparePglite(): BenchLocation {
  const parent = `${REPO_ROOT}.tmp`;
  mkdirSync(parent, { recursive: true });
  const location = mkdtempSync(`${parent}/bench-pglite-`);
  return {
    kind: 'pglite',
    location,
    label: location.slice(REPO_ROOT.length),
    remove: async () => {
      rmSync(location, { recursive: true, force: true });
    },
  };
}

export function prepareLocation(kind: BenchDatabase, adminUrl: string): Promise<BenchLocation> {
  return kind === 'postgres' ? preparePostgres(adminUrl) : Promise.resolve(preparePglite());
}

/** The PGlite npm package's version, as installed. */
export function pgliteVersion(): string {
  const manifest = JSON.parse(
    readFileSync(`${REPO_ROOT}node_modules/@electric-sql/pglite/package.json`, 'utf8'),
  ) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}
