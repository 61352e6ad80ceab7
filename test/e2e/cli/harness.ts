import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { withDatabase } from '../../db-names.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../../bin/encaisse.js');

/** A brand-new, empty database for the CLI to migrate itself: a PGlite folder or a PostgreSQL database. */
async function emptyDatabase(): Promise<{ location: string; drop: () => Promise<void> }> {
  const template = inject('dbTemplate');
  if (template.kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'encaisse-cli-'));
    return { location: dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `encaisse_cli_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: template.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    location: withDatabase(template.url, name),
    drop: async () => {
      const client = new Client({ connectionString: template.url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export type CliResult = { code: number; stdout: string; stderr: string };

/**
 * For one test file: an empty database and a folder for input files, made before
 * its tests and removed after (`pathOf` names a file in it). `encaisse` runs the real command in a child process
 * against that database, with the clock stopped at the tests' moment.
 */
export function useCli(): {
  encaisse: (...args: string[]) => Promise<CliResult>;
  /** `encaisse` with extra environment variables. */
  encaisseWithEnv: (env: Record<string, string>, ...args: string[]) => Promise<CliResult>;
  file: (name: string, content: string | Uint8Array) => string;
  pathOf: (name: string) => string;
} {
  let db = '';
  let workDir = '';
  let cleanup: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const database = await emptyDatabase();
    db = database.location;
    cleanup = database.drop;
    workDir = mkdtempSync(join(tmpdir(), 'encaisse-files-'));
  });
  afterAll(async () => {
    await cleanup();
    rmSync(workDir, { recursive: true, force: true });
  });
  const encaisseWithEnv = async (
    env: Record<string, string>,
    ...args: string[]
  ): Promise<CliResult> => {
    try {
      const { stdout, stderr } = await run(process.execPath, [BIN, '--db', db, ...args], {
        env: { ...process.env, DATABASE_URL: '', ENCAISSE_NOW: '2026-03-15T11:00:00Z', ...env },
        maxBuffer: 64 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as CliResult;
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };
  return {
    encaisse: (...args) => encaisseWithEnv({}, ...args),
    encaisseWithEnv,
    file: (name, content) => {
      const path = join(workDir, name);
      writeFileSync(path, content);
      return path;
    },
    pathOf: (name) => join(workDir, name),
  };
}
