/**
 * How fast the matcher settles a day of bank lines against a big ledger (issue 8's
 * target: 10,000 lines against 1,000,000 invoices, 200,000 of them open, in under 10 s):
 * loads the demo at a size (default L) into a fresh database, then runs the bench's
 * match phase on it (`benchMatching`: N noisy lines, default 10,000, imported with
 * nothing applied, the matcher timed over that queue and scored against the lines'
 * truth). `npm run bench -- --phases load,match` runs the same phase with the others.
 * Usage: `node --import tsx bench/match.ts [lines] [size] [postgres|pglite] [URL]`.
 */
import { cliContext } from '../src/app/context.ts';
import { openDatabase } from '../src/db/client.ts';
import { listOpenItemsInTx } from '../src/ledger/received-payments.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { prepareLocation } from './bench-database.ts';
import { loadDatabase } from './load-phase.ts';
import { MATCH_LINES, benchMatching } from './match-phase.ts';
import { TARGETS } from './targets.ts';

const lineCount = Number(process.argv[2] ?? MATCH_LINES);
const size = process.argv[3] ?? 'L';
const kind = process.argv[4] ?? 'postgres';
const adminUrl =
  process.argv[5] ?? process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (
  !Number.isSafeInteger(lineCount) ||
  (size !== 'S' && size !== 'M' && size !== 'L') ||
  (kind !== 'postgres' && kind !== 'pglite')
) {
  throw new Error(
    'Usage: node --import tsx bench/match.ts [lines] [S|M|L] [postgres|pglite] [URL]',
  );
}

const clock = fixedClock(new Date());
const target = await prepareLocation(kind, adminUrl);
const handle = await openDatabase(target.location);
try {
  const { deps, demo, timings } = await loadDatabase(handle, { size, seed: 1, clock });
  const open = await listOpenItemsInTx(deps.db, cliContext(demo.company.id, 'bench'), 'EUR');
  console.log(
    `${kind}, size ${size}: ${demo.counts.invoices.toLocaleString('en-US')} invoices and credit notes, ` +
      `${open.length.toLocaleString('en-US')} open (loaded in ${(timings.loadMs / 1000).toFixed(1)} s)`,
  );
  const run = await benchMatching(deps, demo, { lines: lineCount });
  console.log(
    `${run.lines.toLocaleString('en-US')} lines stored in ${(run.importMs / 1000).toFixed(1)} s; ` +
      `matched in ${(run.matchMs / 1000).toFixed(2)} s (target < ${TARGETS.matchMs / 1000} s: ${run.matchMs < TARGETS.matchMs ? 'met' : 'NOT met'})`,
  );
  console.log(
    `applied ${run.applied}, queued ${run.queued}, set aside ${run.setAside}; ` +
      `payer rate ${(run.payerRate * 100).toFixed(1)} %, invoice rate ${(run.invoiceRate * 100).toFixed(1)} %`,
  );
  console.log(
    `against the truth: ${run.appliedRight} of ${run.receivables} receivables applied right ` +
      `(${(run.autoRate * 100).toFixed(1)} %, target ≥ ${TARGETS.matchAutoRate * 100} %), ${run.appliedWrong} applied wrongly ` +
      `(precision ${(run.precision * 100).toFixed(2)} %, target 100 %)`,
  );
} finally {
  await handle.close();
  await target.remove();
}
