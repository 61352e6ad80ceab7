/**
 * A worker that claims and dies, run as its own process by outbox.test.ts:
 * `node --import tsx dying-worker.ts POSTGRES_URL NOW_ISO`. It claims every due message
 * with a 600 s lease from NOW, prints their ids as one JSON line, and then hangs as if in
 * the middle of an SMTP conversation, until the test kills it (SIGKILL: no clean-up runs).
 */
import { openDatabase } from '../../src/db/client.ts';
import { claimMessages } from '../../src/jobs/outbox.ts';

const [url = '', now = ''] = process.argv.slice(2);
const handle = await openDatabase(url);
const claimed = await claimMessages(handle.db, {
  owner: `dying-worker:${process.pid}`,
  limit: 100,
  leaseSeconds: 600,
  now: new Date(now),
});
process.stdout.write(`${JSON.stringify(claimed.map((message) => message.id))}\n`);
setInterval(() => undefined, 60_000);
