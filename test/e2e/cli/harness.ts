import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { emptyDatabase } from '../../empty-database.ts';
import { runCli, type CliResult } from './run-cli.ts';

/**
 * For one test file: an empty database and a folder for input files, made before
 * its tests and removed after (`pathOf` names a file in it). `encaisse` runs the
 * real command in a child process against that database (see `runCli`).
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
  const encaisseWithEnv = (env: Record<string, string>, ...args: string[]) =>
    runCli(['--db', db, ...args], env);
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
