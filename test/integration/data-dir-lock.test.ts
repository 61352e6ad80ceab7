import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import {
  acquireDataDirLock,
  DatabaseInUseError,
  LOCK_FILE_NAME,
  type LockHolder,
} from '../../src/db/data-dir-lock.ts';
import { ERROR_CODES } from '../../src/shared/errors.ts';

const CONTENDER = join(import.meta.dirname, 'lock-contender.ts');

let dir: string;
let lockPath: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'encaisse-lock-'));
  lockPath = join(dir, LOCK_FILE_NAME);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has already exited. */
function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  if (pid === undefined) {
    throw new Error('could not start a process');
  }
  return pid;
}

/** A lock file as another process would have left it. */
function leaveLock(path: string, holder: Partial<LockHolder>): LockHolder {
  const complete: LockHolder = {
    pid: deadPid(),
    hostname: hostname(),
    command: 'bin/encaisse.js serve',
    since: '2026-03-15T10:00:00.000Z',
    processStart: null,
    nonce: 'left-behind',
    ...holder,
  };
  writeFileSync(path, JSON.stringify(complete));
  return complete;
}

function readLock(): LockHolder {
  return JSON.parse(readFileSync(lockPath, 'utf8')) as LockHolder;
}

async function refusal(): Promise<DatabaseInUseError> {
  const error: unknown = await acquireDataDirLock(dir).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DatabaseInUseError);
  return error as DatabaseInUseError;
}

describe('data-directory lock', () => {
  it('refuses a second holder, naming the first, until the first releases it', async () => {
    const lock = await acquireDataDirLock(dir);
    expect(readLock()).toEqual(lock.holder);
    expect(lock.holder).toMatchObject({ pid: process.pid, hostname: hostname() });

    const refused = await refusal();
    expect(refused.code).toBe('database_in_use');
    expect(ERROR_CODES[refused.code].exitCode).toBe(8);
    expect(refused.holder).toEqual(lock.holder);
    expect(refused.message).toContain(
      `The embedded database in ${dir} is in use by process ${process.pid} on ${hostname()} (`,
    );
    expect(refused.message).toContain(`since ${lock.holder.since}.`);
    expect(refused.message).toContain('use PostgreSQL (--db postgres://…)');

    lock.release();
    lock.release();
    expect(readdirSync(dir)).toEqual([]);
    (await acquireDataDirLock(dir)).release();
  });

  it('is taken by openDatabase before PGlite touches the directory, and released by close()', async () => {
    const held = await acquireDataDirLock(dir);
    await expect(openDatabase(dir)).rejects.toBeInstanceOf(DatabaseInUseError);
    expect(readdirSync(dir)).toEqual([LOCK_FILE_NAME]);
    held.release();

    const handle = await openDatabase(dir);
    expect(readLock().pid).toBe(process.pid);
    await expect(openDatabase(dir)).rejects.toThrow(`in use by process ${process.pid}`);
    await handle.close();
    expect(readdirSync(dir)).not.toContain(LOCK_FILE_NAME);
    await (await openDatabase(dir)).close();

    // Test clones live in memory: any number at once, no lock.
    const clones = await Promise.all([openDatabase('memory://'), openDatabase('memory://')]);
    await Promise.all(clones.map((clone) => clone.close()));
  });

  it('takes over a lock whose holder has exited', async () => {
    leaveLock(lockPath, {});
    const lock = await acquireDataDirLock(dir);
    expect(readLock()).toEqual(lock.holder);
    expect(lock.holder.pid).toBe(process.pid);
    expect(readdirSync(dir)).toEqual([LOCK_FILE_NAME]);
    lock.release();
  });

  it('takes over a lock when the process taking it over died halfway', async () => {
    leaveLock(lockPath, { nonce: 'first' });
    leaveLock(`${lockPath}.takeover-first`, { nonce: 'second' });
    const lock = await acquireDataDirLock(dir);
    expect(readLock().nonce).toBe(lock.holder.nonce);
    expect(readdirSync(dir)).toEqual([LOCK_FILE_NAME]);
    lock.release();
  });

  it('waits for a live process taking a stale lock over, and is then refused by it', async () => {
    leaveLock(lockPath, { nonce: 'stale' });
    leaveLock(`${lockPath}.takeover-stale`, { pid: process.ppid, nonce: 'claim' });
    const refused = await refusal();
    expect(refused.holder).toMatchObject({ pid: process.ppid, nonce: 'claim' });
    expect(readdirSync(dir).sort()).toEqual([LOCK_FILE_NAME, `${LOCK_FILE_NAME}.takeover-stale`]);
  });

  it('treats its own pid in a lock it does not hold as a former life (a restarted container)', async () => {
    leaveLock(lockPath, { pid: process.pid });
    const lock = await acquireDataDirLock(dir);
    expect(readLock().nonce).toBe(lock.holder.nonce);
    lock.release();
  });

  it.runIf(process.platform === 'linux')(
    'tells a reused pid from the holder by the process start time',
    async () => {
      leaveLock(lockPath, { pid: process.ppid, processStart: 'another-boot:12345' });
      const lock = await acquireDataDirLock(dir);
      expect(readLock().nonce).toBe(lock.holder.nonce);
      expect(lock.holder.processStart).toMatch(/^[\da-f-]{36}:\d+$/);
      lock.release();
    },
  );

  it('never takes over a lock held on another host, and says which file to delete', async () => {
    leaveLock(lockPath, { pid: 1, hostname: 'autre-serveur' });
    const refused = await refusal();
    expect(refused.message).toContain(
      'in use by process 1 on autre-serveur (bin/encaisse.js serve)',
    );
    expect(refused.message).toContain(
      `This host cannot tell whether that process still runs: if it does not, delete ${lockPath}.`,
    );
  });

  it('refuses an unreadable lock file rather than guess', async () => {
    writeFileSync(lockPath, 'not a lock');
    const refused = await refusal();
    expect(refused.holder).toBeUndefined();
    expect(refused.message).toContain(`is locked by ${lockPath}, which cannot be read`);
  });

  it.each([
    ['a free directory', false],
    ['a stale lock', true],
  ])('gives %s to exactly one of four processes starting at the same instant', async (_, stale) => {
    if (stale) {
      leaveLock(lockPath, {});
    }
    const contenders = Array.from({ length: 4 }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', CONTENDER, dir, '1500']);
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      const exited = new Promise((resolve) => child.on('exit', resolve));
      return { child, lines, exited };
    });
    for (const { lines } of contenders) {
      expect((await lines.next()).value).toBe('ready');
    }
    const startAt = `${Date.now() + 500}\n`;
    for (const { child } of contenders) {
      child.stdin.write(startAt);
    }
    const outcomes = await Promise.all(
      contenders.map(
        async ({ lines }) =>
          JSON.parse(String((await lines.next()).value)) as {
            pid: number;
            won: boolean;
            holderPid?: number;
          },
      ),
    );
    await Promise.all(contenders.map(({ exited }) => exited));
    const winners = outcomes.filter((outcome) => outcome.won);
    expect(winners).toHaveLength(1);
    for (const loser of outcomes.filter((outcome) => !outcome.won)) {
      expect(loser.holderPid).toBe(winners[0]?.pid);
    }
    // The winner released it on exit; no claim or draft is left behind.
    expect(readdirSync(dir)).toEqual([]);
  });
});
