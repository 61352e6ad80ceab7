/**
 * How fast the matcher settles a day of bank lines against a big ledger (issue 8's
 * target: 10,000 lines against 1,000,000 invoices, 200,000 of them open, in under 10 s):
 * loads the demo at a size (default L) into a fresh database, draws N noisy lines over
 * its open items (default 10,000), imports them with nothing applied, then times the
 * matcher over that queue (`runMatcher`: read the open items and customers, propose,
 * apply through the ledger, commit) and scores what it applied against the lines'
 * truth. Usage: `node --import tsx bench/match.ts [lines] [size] [postgres|pglite] [URL]`.
 */
import { cliContext } from '../src/app/context.ts';
import { runMatcher } from '../src/bank/matching/service.ts';
import { importBankFile } from '../src/bank/service.ts';
import { openDatabase } from '../src/db/client.ts';
import {
  addDemoBankAccount,
  drawNoisyStatement,
  readAppliedMatches,
} from '../src/demo/demo-statement.ts';
import { scoreMatches } from '../src/demo/matching-score.ts';
import { listOpenItemsInTx } from '../src/ledger/received-payments.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { prepareLocation } from './bench-database.ts';
import { loadDatabase } from './load-phase.ts';

const lineCount = Number(process.argv[2] ?? 10_000);
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
const TARGET_MS = 10_000;

const clock = fixedClock(new Date());
const target = await prepareLocation(kind, adminUrl);
const handle = await openDatabase(target.location);
try {
  const { deps, demo, timings } = await loadDatabase(handle, { size, seed: 1, clock });
  const ctx = cliContext(demo.company.id, 'bench');
  const open = await listOpenItemsInTx(deps.db, ctx, 'EUR');
  console.log(
    `${kind}, size ${size}: ${demo.counts.invoices.toLocaleString('en-US')} invoices and credit notes, ` +
      `${open.length.toLocaleString('en-US')} open (loaded in ${(timings.loadMs / 1000).toFixed(1)} s)`,
  );
  const { noisy, xml, fileName } = await drawNoisyStatement(deps, ctx, {
    seed: 11,
    count: lineCount,
  });
  await addDemoBankAccount(deps, ctx);
  let started = performance.now();
  // Stored, none applied: the timed run below does all the matching.
  const stored = await importBankFile(deps, ctx, {
    bytes: new TextEncoder().encode(xml),
    fileName,
    addAccount: false,
    dryRun: false,
    threshold: 101,
  });
  const importMs = performance.now() - started;
  started = performance.now();
  const run = await runMatcher(deps, ctx);
  const matchMs = performance.now() - started;
  const score = scoreMatches(noisy.truths, await readAppliedMatches(deps, ctx, noisy.lines));
  console.log(
    `${stored.totals.linesNew.toLocaleString('en-US')} lines stored in ${(importMs / 1000).toFixed(1)} s; ` +
      `matched in ${(matchMs / 1000).toFixed(2)} s (target < ${TARGET_MS / 1000} s: ${matchMs < TARGET_MS ? 'met' : 'NOT met'})`,
  );
  console.log(
    `applied ${run.applied}, queued ${run.queued}, set aside ${run.outgoing + run.reversals}; ` +
      `payer rate ${(run.payerRate * 100).toFixed(1)} %, invoice rate ${(run.invoiceRate * 100).toFixed(1)} %`,
  );
  console.log(
    `against the truth: ${score.appliedRight} of ${score.receivables} receivables applied right ` +
      `(${(score.autoRate * 100).toFixed(1)} %, target ≥ 95 %), ${score.appliedWrong} applied wrongly ` +
      `(precision ${(score.precision * 100).toFixed(2)} %, target 100 %)`,
  );
} finally {
  await handle.close();
  await target.remove();
}
