import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../../bin/encaisse.js');

/** The instant the CLI tests' clock stands at (`ENCAISSE_NOW`): noon in Paris, 15 March 2026. */
export const CLI_NOW = '2026-03-15T11:00:00Z';

export type CliResult = { code: number; stdout: string; stderr: string };

/**
 * Runs `encaisse ...args` in a child process, the clock at `CLI_NOW`, in English, with `env`
 * added to the environment; never throws on a non-zero exit.
 */
export async function runCli(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      // English unless a test asks otherwise: most assertions were written in it. The CLI's
      // default, French, is proven by the tests that pass `ENCAISSE_LANG: ''`.
      env: { ...process.env, DATABASE_URL: '', ENCAISSE_NOW: CLI_NOW, ENCAISSE_LANG: 'en', ...env },
      maxBuffer: 256 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
