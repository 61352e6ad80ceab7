/**
 * A dunning run in a process of its own, killed by dunning-run-crash.test.ts:
 * `node --import tsx dunning-run-child.ts POSTGRES_URL COMPANY_ID DATE SLICE_SIZE`. It
 * prints one line per slice committed and goes on; the test kills it (SIGKILL: no clean-up
 * runs) after the first line, while the next slice is being decided.
 */
import { cliContext } from '../../src/app/context.ts';
import { createDeps } from '../../src/app/deps.ts';
import { customerDirectory } from '../../src/customers/directory.ts';
import { openDatabase } from '../../src/db/client.ts';
import { runDunning } from '../../src/dunning/run.ts';
import { calendarDate } from '../../src/shared/calendar-date.ts';

const [url = '', companyId = '', date = '', slice = '10'] = process.argv.slice(2);
const handle = await openDatabase(url);
const deps = createDeps(handle.db, { customers: customerDirectory });
await runDunning(deps, cliContext(companyId, 'crash-test'), {
  date: calendarDate(date),
  sliceSize: Number(slice),
  onProgress: (done) => process.stdout.write(`${done}\n`),
});
process.stdout.write('finished\n');
await handle.close();
