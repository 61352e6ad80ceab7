import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { DomainError } from '../shared/errors.ts';
import type { MessageCode, MessageParams } from '../shared/messages/catalogue.ts';

/**
 * The embedded database belongs to one process at a time (ADR 8). PGlite is a
 * single-user PostgreSQL compiled to WASM: two processes on one directory each
 * keep their own buffers and WAL position and overwrite each other's pages, and
 * its own `postmaster.pid` always holds the same fake pid (-42), so it cannot tell
 * them apart. This lock, a file in the data directory, is taken before PGlite
 * opens the directory and says who holds it.
 */
export const LOCK_FILE_NAME = 'encaisse.lock';

const ZLockHolder = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  command: z.string(),
  /** When the lock was taken (ISO instant). */
  since: z.string(),
  /** Linux: boot id and start tick of the process, to tell a reused pid from the holder. */
  processStart: z.string().nullable(),
  /** Unique to this file: a takeover removes exactly the lock it judged stale, never a newer one. */
  nonce: z.string().min(1),
});

export type LockHolder = z.infer<typeof ZLockHolder>;

export type DataDirLock = {
  path: string;
  holder: LockHolder;
  /** Removes the lock file if it is still ours; safe to call twice. */
  release(): void;
};

/** The second process on an embedded database: refused before it reads or writes anything. */
export class DatabaseInUseError extends DomainError {
  readonly holder: LockHolder | undefined;
  readonly lockPath: string;

  constructor(dir: string, lockPath: string, holder: LockHolder | undefined) {
    super('database_in_use', ...inUseMessage(dir, lockPath, holder));
    this.name = 'DatabaseInUseError';
    this.holder = holder;
    this.lockPath = lockPath;
  }
}

function inUseMessage(
  dir: string,
  lockPath: string,
  holder: LockHolder | undefined,
): [MessageCode, MessageParams] {
  if (holder === undefined) {
    return ['database_locked_unreadable', { dir, lockPath }];
  }
  const { pid, hostname: host, command, since } = holder;
  return [
    host === hostname() ? 'database_in_use_here' : 'database_in_use_elsewhere',
    { dir, lockPath, pid, hostname: host, command, since },
  ];
}

/** Nonces of the lock files this process holds: a lock with our own pid but not listed here is a former life's. */
const heldHere = new Set<string>();

const RETRY_MS = 20;
const MAX_ATTEMPTS = 100;

/**
 * Takes the lock on a PGlite data directory, or throws `DatabaseInUseError`
 * naming the holder. A lock whose holder is gone (same host, no such process) is
 * taken over; when several processes find it stale at once, exactly one does.
 * Released by `release()` or when the process exits; a killed process leaves
 * the file, and the next opener finds it stale.
 */
export async function acquireDataDirLock(dir: string): Promise<DataDirLock> {
  const path = join(dir, LOCK_FILE_NAME);
  let holder: LockHolder | 'missing' | 'unreadable' = 'missing';
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const mine = describeThisProcess();
    if (createExclusive(path, mine)) {
      return holdLock(path, mine);
    }
    holder = readHolder(path);
    if (holder === 'missing') {
      continue; // released between our two looks
    }
    if (holder === 'unreadable' || !isGone(holder)) {
      break;
    }
    const claimant = removeStaleLock(path, holder);
    if (claimant !== undefined) {
      // Another process is taking the stale lock over right now: it is the one to name.
      holder = claimant;
      await sleep(RETRY_MS);
    }
  }
  throw new DatabaseInUseError(dir, path, typeof holder === 'string' ? undefined : holder);
}

function holdLock(path: string, holder: LockHolder): DataDirLock {
  heldHere.add(holder.nonce);
  const release = (): void => {
    if (!heldHere.delete(holder.nonce)) {
      return;
    }
    process.off('exit', release);
    const current = readHolder(path);
    if (typeof current !== 'string' && current.nonce === holder.nonce) {
      unlinkIfPresent(path);
    }
  };
  // 'exit' also runs after an uncaught exception; a signal or SIGKILL leaves the file, found stale later.
  process.on('exit', release);
  return { path, holder, release };
}

/**
 * Removes `stale` from `path` if this process wins the right to: exclusively
 * creating `<path>.takeover-<nonce of stale>`. Only one process can create that
 * file, and no one else can replace the lock while it exists, so the winner's
 * re-read and unlink cannot hit a newer lock. A claimant that died before
 * finishing leaves its claim, which is taken over the same way, one link further.
 * Returns the live process holding the claim, if any (try again shortly).
 */
function removeStaleLock(path: string, stale: LockHolder): LockHolder | 'unreadable' | undefined {
  const passed: string[] = [];
  let target = stale;
  for (;;) {
    const claimPath = `${path}.takeover-${target.nonce}`;
    if (createExclusive(claimPath, describeThisProcess())) {
      passed.push(claimPath);
      break;
    }
    const claimant = readHolder(claimPath);
    if (claimant === 'missing') {
      return undefined; // a claimant just finished: the stale lock is gone
    }
    if (claimant === 'unreadable' || !isGone(claimant)) {
      return claimant;
    }
    passed.push(claimPath);
    target = claimant;
  }
  const current = readHolder(path);
  if (typeof current !== 'string' && current.nonce === stale.nonce) {
    unlinkIfPresent(path);
  }
  // Only now: a late claimant that recreates one of these finds the stale lock gone and stops.
  for (const claim of passed) {
    unlinkIfPresent(claim);
  }
  return undefined;
}

/** Whether the process that wrote `holder` is certainly gone (only knowable on this host). */
function isGone(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) {
    return false;
  }
  if (holder.pid === process.pid) {
    return !heldHere.has(holder.nonce);
  }
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists under another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  const start = holder.processStart === null ? null : processStartOf(holder.pid);
  return start !== null && start !== holder.processStart;
}

function describeThisProcess(): LockHolder {
  return {
    pid: process.pid,
    hostname: hostname(),
    command: process.argv.slice(1).join(' '),
    since: new Date().toISOString(),
    processStart: processStartOf(process.pid),
    nonce: randomBytes(12).toString('hex'),
  };
}

/**
 * Linux only: the boot id and the start time of a process, which together name it
 * even after its pid is reused (a container restarted with the same pids).
 */
function processStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    // Field 22 (starttime), counted after the command name, which may hold spaces and parentheses.
    const startTicks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return startTicks === undefined ? null : `${bootId}:${startTicks}`;
  } catch {
    return null;
  }
}

/**
 * Creates `path` holding `holder`, or returns false if it exists. The content is
 * written to a draft first and hard-linked into place: `link` is atomic and fails
 * on an existing name, so no reader ever sees a half-written lock.
 */
function createExclusive(path: string, holder: LockHolder): boolean {
  const draft = `${path}.${holder.nonce}.draft`;
  writeFileSync(draft, `${JSON.stringify(holder, null, 2)}\n`);
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }
    throw error;
  } finally {
    unlinkIfPresent(draft);
  }
}

function readHolder(path: string): LockHolder | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return 'missing';
    }
    throw error;
  }
  try {
    const parsed = ZLockHolder.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function unlinkIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error;
    }
  }
}
