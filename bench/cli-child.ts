import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/encaisse.js', import.meta.url));
const RECORD_MAX_RSS = fileURLToPath(new URL('./record-max-rss.mjs', import.meta.url));

/** How one `encaisse` process went: exit code, wall-clock time, peak memory, output. */
export type CliChildRun = {
  /** `null` when it was killed (see `signal` and `timedOut`). */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  ms: number;
  /**
   * Peak resident memory of the child: its own `process.resourceUsage()` at exit, or
   * what Linux reported while it ran (a killed child), whichever is larger.
   */
  maxRssMb: number | undefined;
  stdout: string;
  stderr: string;
};

/**
 * The peak resident memory Linux has seen for `pid` so far (`VmHWM`), in kB; `undefined`
 * elsewhere or once the process is gone. Read while the child runs, so a child killed
 * for taking too long still has a figure (its own exit hook never runs then).
 */
function peakRssKb(pid: number | undefined): number | undefined {
  if (pid === undefined) {
    return undefined;
  }
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `encaisse ...args` in a child process, as a user or a cron job does (the same
 * `bin/encaisse.js`, its own Node, its own connection), and measures it from the
 * spawn to the exit. A child still running after `timeoutMs` is killed.
 */
export async function runCliChild(
  args: readonly string[],
  options: { timeoutMs: number },
): Promise<CliChildRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'encaisse-bench-rss-'));
  const rssFile = join(scratch, 'max-rss-kb');
  const started = performance.now();
  try {
    const child = spawn(process.execPath, ['--import', RECORD_MAX_RSS, BIN, ...args], {
      env: { ...process.env, DATABASE_URL: '', BENCH_MAX_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let timedOut = false;
    let sampledKb = 0;
    const sampler = setInterval(() => {
      sampledKb = Math.max(sampledKb, peakRssKb(child.pid) ?? 0);
    }, 250);
    const timer = setTimeout(() => {
      timedOut = true;
      sampledKb = Math.max(sampledKb, peakRssKb(child.pid) ?? 0);
      child.kill('SIGKILL');
    }, options.timeoutMs);
    const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(
      (resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code, killedBy) => resolve([code, killedBy]));
      },
    ).finally(() => {
      clearTimeout(timer);
      clearInterval(sampler);
    });
    const ms = performance.now() - started;
    let reportedKb = 0;
    try {
      reportedKb = Number(readFileSync(rssFile, 'utf8'));
    } catch {
      // Killed, or it died before its exit hook: the sampled figure is all there is.
    }
    const peakKb = Math.max(reportedKb, sampledKb);
    const maxRssMb = peakKb > 0 ? peakKb / 1024 : undefined;
    return {
      exitCode,
      signal,
      timedOut,
      ms,
      maxRssMb,
      stdout: Buffer.concat(stdout).toString('utf8'),
      stderr: Buffer.concat(stderr).toString('utf8'),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
