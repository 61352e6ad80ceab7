/**
 * One contender for a data-directory lock, run as its own process by
 * data-dir-lock.test.ts: `node --import tsx lock-contender.ts DIR HOLD_MS`.
 * Once loaded it prints `ready` and reads the common instant (epoch ms) on
 * standard input, so that slow start-ups do not spread the contenders out; at
 * that instant it tries once, prints one JSON line, and if it won holds the lock
 * HOLD_MS before exiting (which releases it).
 */
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { acquireDataDirLock, DatabaseInUseError } from '../../src/db/data-dir-lock.ts';

const [dir = '', holdMs = '0'] = process.argv.slice(2);
process.stdout.write('ready\n');
const [startAt] = (await once(process.stdin, 'data')) as [Buffer];
process.stdin.destroy();
await sleep(Math.max(0, Number(startAt.toString()) - Date.now()));
try {
  await acquireDataDirLock(dir);
  process.stdout.write(`${JSON.stringify({ pid: process.pid, won: true })}\n`);
  await sleep(Number(holdMs));
} catch (error) {
  if (!(error instanceof DatabaseInUseError)) {
    throw error;
  }
  process.stdout.write(
    `${JSON.stringify({ pid: process.pid, won: false, holderPid: error.holder?.pid })}\n`,
  );
}
