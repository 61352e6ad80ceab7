import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { inject } from 'vitest';
import { withDatabase } from '../../db-names.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../../bin/encaisse.js');

/** The instant the CLI tests' clock stands at (`ENCAISSE_NOW`): noon in Paris, 15 March 2026. */
export const CLI_NOW = '2026-03-15T11:00:00Z';

/** A brand-new, empty database for the CLI to migrate itself: a PGlite folder or a PostgreSQL database. */
export async function emptyDatabase(): Promise<{ location: string; drop: () => Promise<void> }> {
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
 * Runs `encaisse ...args` in a child process, the clock at `CLI_NOW`, with `env`
 * added to the environment; never throws on a non-zero exit.
 */
export async function runCli(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: '', ENCAISSE_NOW: CLI_NOW, ...env },
      maxBuffer: 256 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
