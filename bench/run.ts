/**
 * `npm run bench`: loads the demo at a size into PostgreSQL and PGlite, then times
 * the customer list and the customer page, then the daily dunning run and a collector's
 * agenda, then the matcher over a day of bank lines;
 * exports the demo as the canonical CSV
 * files and imports them through the CLI on both; imports a FEC into a fresh database of
 * each, beside the time of splitting it into fields; and reports against the targets of
 * the performance issues (docs/PERFORMANCE.md). Usage: `npm run bench -- --help`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/db/client.ts';
import { DEMO_TIME_ZONE } from '../src/demo/load-demo.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { benchAgedBalance } from './aged-balance-phase.ts';
import { benchCreditCheck } from './credit-phase.ts';
import { prepareLocation } from './bench-database.ts';
import { benchDisputeReports } from './dispute-report-phase.ts';
import { writeResults } from './doc.ts';
import { benchDunning } from './dunning-phase.ts';
import { benchFec, buildFecBytes, fecLinesOf, type FecDatabaseRun } from './fec-phase.ts';
import { benchForecast } from './forecast-phase.ts';
import { benchImports } from './import-phase.ts';
import { loadDatabase, timeGenerator } from './load-phase.ts';
import { MATCH_LINES, benchMatching } from './match-phase.ts';
import { describeDatabase, describeMachine, loadAverage } from './machine.ts';
import {
  databasesOf,
  parseBenchOptions,
  type BenchDatabase,
  type BenchOptions,
} from './options.ts';
import { benchPortalAccount } from './portal-phase.ts';
import { benchQueries } from './query-phase.ts';
import {
  dunningSummaryLines,
  fecSummaryLines,
  renderConsoleTable,
  renderMarkdownResults,
  resultTables,
} from './report.ts';
import type { BenchRun, DatabaseRun } from './results.ts';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const DEFAULT_DOC = `${REPO_ROOT}docs/PERFORMANCE.md`;
const LAST_RUN_JSON = `${REPO_ROOT}.tmp/bench/last-run.json`;

async function benchDatabase(
  kind: BenchDatabase,
  options: BenchOptions,
  clock: ReturnType<typeof fixedClock>,
): Promise<DatabaseRun> {
  const before = loadAverage();
  const target = await prepareLocation(kind, options.url);
  console.error(`${kind}: loading size ${options.size} into ${target.label}`);
  try {
    const handle = await openDatabase(target.location);
    if (handle.raw.kind === 'postgres') {
      // Report a connection dropped under us (server restart, someone dropping the
      // database) as a failed query rather than an unhandled 'error' event.
      handle.raw.pool.on('error', (error) =>
        console.error(`${kind}: connection lost: ${error.message}`),
      );
    }
    try {
      const loaded = await loadDatabase(handle, { size: options.size, seed: options.seed, clock });
      const info = await describeDatabase(handle);
      let queries: DatabaseRun['queries'] = { list: [], bundles: [] };
      let disputeReports: DatabaseRun['disputeReports'];
      let portalAccount: DatabaseRun['portalAccount'];
      let agedBalance: DatabaseRun['agedBalance'];
      if (options.phases.includes('load')) {
        console.error(
          `${kind}: timing queries (${options.warmup} warm-up + ${options.runs} runs each)`,
        );
        queries = await benchQueries(handle, loaded.deps, loaded.demo, options);
        disputeReports = await benchDisputeReports(loaded.deps, loaded.demo, options);
        console.error(
          `${kind}: dispute report (${loaded.demo.disputes.total.toLocaleString('en-US')} disputes, ${loaded.demo.disputes.open.toLocaleString('en-US')} open): HTTP median ${disputeReports.http.medianMs.toFixed(1)} ms, use case ${disputeReports.service.medianMs.toFixed(1)} ms`,
        );
        portalAccount = await benchPortalAccount(loaded.deps, loaded.demo, options);
        console.error(
          `${kind}: portal account of ${portalAccount.customerCode} (${portalAccount.items.toLocaleString('en-US')} open items): HTTP median ${portalAccount.http.medianMs.toFixed(1)} ms, use case ${portalAccount.service.medianMs.toFixed(1)} ms`,
        );
        agedBalance = await benchAgedBalance(loaded.deps, loaded.demo, options);
        console.error(
          `${kind}: aged balance as of ${agedBalance.today} (${agedBalance.rowsToday.toLocaleString('en-US')} rows): median ${agedBalance.todayMs.medianMs.toFixed(1)} ms; as of ${agedBalance.pastDate} (${agedBalance.rowsPast.toLocaleString('en-US')} rows): median ${agedBalance.pastMs.medianMs.toFixed(1)} ms; DSO history of 24 months: median ${agedBalance.dsoMs.medianMs.toFixed(1)} ms`,
        );
      }
      let forecast: DatabaseRun['forecast'];
      if (options.phases.includes('forecast')) {
        // Before the matcher, which applies payments: the backtest replays the demo as loaded.
        forecast = await benchForecast(loaded.deps, loaded.demo, options);
        console.error(
          `${kind}: cash forecast as of ${forecast.today} (${forecast.openInvoices.toLocaleString('en-US')} open invoices): median ${forecast.forecastMs.medianMs.toFixed(1)} ms; backtest from ${forecast.from} (${forecast.paidInvoices.toLocaleString('en-US')} paid since, ${forecast.unpaidInvoices.toLocaleString('en-US')} unpaid): model MAE ${forecast.modelMaeDays ?? '–'} days, baseline ${forecast.baselineMaeDays ?? '–'} days, median ${forecast.backtestMs.medianMs.toFixed(1)} ms`,
        );
      }
      let dunning: DatabaseRun['dunning'];
      if (options.phases.includes('dunning')) {
        // Before the matcher, which applies payments: the run reads the ledger as loaded.
        console.error(`${kind}: the daily dunning run, the same date again, a collector's agenda`);
        dunning = await benchDunning(loaded.deps, loaded.demo, options);
        for (const line of dunningSummaryLines(dunning)) {
          console.error(`${kind}: ${line}`);
        }
      }
      let matching: DatabaseRun['matching'];
      if (options.phases.includes('match')) {
        // After the queries: the matcher applies payments, the queries read the ledger as loaded.
        console.error(
          `${kind}: matching up to ${MATCH_LINES.toLocaleString('en-US')} noisy bank lines (fewer when the open items run out)`,
        );
        matching = await benchMatching(loaded.deps, loaded.demo, { lines: MATCH_LINES });
      }
      let creditCheck: DatabaseRun['creditCheck'];
      if (options.phases.includes('credit')) {
        // Last: it decides limits, receives orders and may put customers on hold.
        creditCheck = await benchCreditCheck(loaded.deps, loaded.demo, options);
        console.error(
          `${kind}: credit check over ${creditCheck.entities} entities (${creditCheck.held} orders held): HTTP p99 ${creditCheck.http.p99Ms.toFixed(1)} ms (median ${creditCheck.http.medianMs.toFixed(1)}), use case p99 ${creditCheck.service.p99Ms.toFixed(1)} ms`,
        );
      }
      return {
        kind,
        label: target.label,
        info,
        load: loaded.timings,
        queries,
        disputeReports,
        portalAccount,
        creditCheck,
        agedBalance,
        forecast,
        dunning,
        matching,
        loadAverage: { before, after: loadAverage() },
      };
    } finally {
      await handle.close();
    }
  } finally {
    await target.remove();
  }
}

function docPathOf(options: BenchOptions, run: BenchRun): string | undefined {
  if (options.doc === 'none') {
    return undefined;
  }
  if (options.doc !== undefined) {
    return options.doc;
  }
  // Only a full run may replace the published figures.
  return run.size === 'L' &&
    run.databases.length === 2 &&
    run.databases.every(
      (database) => database.matching !== undefined && database.dunning !== undefined,
    ) &&
    run.imports?.databases.length === 2 &&
    run.fec.length === 2
    ? DEFAULT_DOC
    : undefined;
}

/** The FEC phase: one file, imported into a fresh database of each kind in turn. */
async function benchFecs(options: BenchOptions): Promise<FecDatabaseRun[]> {
  const lines = options.fecLines ?? fecLinesOf(options.size);
  console.error(`fec: building a FEC of ${lines.toLocaleString('en-US')} lines`);
  const bytes = buildFecBytes(lines);
  const runs: FecDatabaseRun[] = [];
  for (const kind of databasesOf(options)) {
    console.error(`${kind}: splitting the FEC into fields, importing it, importing it again`);
    const run = await benchFec(kind, options.url, bytes);
    for (const line of fecSummaryLines(run)) {
      console.error(`${kind}: ${line}`);
    }
    runs.push(run);
  }
  return runs;
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const startedAt = new Date();
  const clock = fixedClock(startedAt);
  const today = clock.today(DEMO_TIME_ZONE);
  const isLoading = options.phases.includes('load');
  // The forecast, dunning, match and credit phases run on the database the load phase loads.
  const hasDatabases =
    isLoading ||
    (['forecast', 'dunning', 'match', 'credit'] as const).some((phase) =>
      options.phases.includes(phase),
    );

  let generator: BenchRun['generator'];
  if (isLoading && !options.skipGenerator) {
    console.error(`generator: size ${options.size} without a database`);
    generator = timeGenerator({ size: options.size, seed: options.seed, today });
  }
  const databases: DatabaseRun[] = [];
  for (const kind of hasDatabases ? databasesOf(options) : []) {
    databases.push(await benchDatabase(kind, options, clock));
  }
  const hasBigCustomers = options.phases.includes('customers') && options.only !== 'pglite';
  const imports =
    options.phases.includes('import') || hasBigCustomers
      ? await benchImports({
          size: options.importSize,
          seed: options.seed,
          today,
          adminUrl: options.url,
          databases: options.phases.includes('import') ? databasesOf(options) : [],
          bigCustomers: hasBigCustomers ? options.bigCustomers : 0,
          timeoutMs: options.importTimeout * 1000,
        })
      : undefined;
  const fec = options.phases.includes('fec') ? await benchFecs(options) : [];
  const run: BenchRun = {
    startedAt,
    finishedAt: new Date(),
    size: options.size,
    seed: options.seed,
    today,
    runs: options.runs,
    warmup: options.warmup,
    machine: describeMachine(),
    generator,
    databases,
    imports,
    fec,
  };

  console.log('');
  for (const table of resultTables(run)) {
    console.log(`${renderConsoleTable(table)}\n`);
  }
  mkdirSync(`${REPO_ROOT}.tmp/bench`, { recursive: true });
  writeFileSync(LAST_RUN_JSON, `${JSON.stringify(run, null, 2)}\n`);
  const docPath = docPathOf(options, run);
  if (docPath === undefined) {
    console.log(
      `Raw figures in ${LAST_RUN_JSON}; report not written (only a full size-L run on both databases writes it, or --doc PATH).`,
    );
    return;
  }
  writeResults(docPath, renderMarkdownResults(run));
  console.log(`Raw figures in ${LAST_RUN_JSON}; report written to ${docPath}.`);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}
