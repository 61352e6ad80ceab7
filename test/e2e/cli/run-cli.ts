import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../../bin/encaisse.js');

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs `encaisse --db <db> …args` in a child process, the clock fixed, whatever it exits with. */
export async function runCli(db: string, ...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, '--db', db, ...args], {
      env: { ...process.env, DATABASE_URL: '', ENCAISSE_NOW: '2026-03-15T11:00:00Z' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as CliResult;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
