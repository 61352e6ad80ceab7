/**
 * How fast a FEC lands in the ledger: builds a FEC of N lines (`fec-file.ts`, default
 * 100,000), then, into a fresh database, times `importFec` end to end (parse, plan,
 * every write and the commit) and a re-import of the same file, and, for the floor,
 * `prepareFec` alone (reading and planning, no database). Usage:
 * `node --import tsx bench/fec-import.ts [lines] [postgres|pglite] [admin URL]`; the
 * server is `$DATABASE_URL` unless given (docs/PERFORMANCE.md, "FEC import").
 */
import { cliContext } from '../src/app/context.ts';
import { createDeps } from '../src/app/deps.ts';
import { createCompany } from '../src/companies/service.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { prepareFec } from '../src/imports/fec/apply-fec.ts';
import { importFec, type FecImportReport } from '../src/imports/service.ts';
import { currencyCode } from '../src/shared/money.ts';
import { prepareLocation } from './bench-database.ts';
import { buildFec } from './fec-file.ts';

const lineCount = Number(process.argv[2] ?? 100_000);
const kind = process.argv[3] ?? 'postgres';
const adminUrl =
  process.argv[4] ?? process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (
  !Number.isSafeInteger(lineCount) ||
  lineCount < 1 ||
  (kind !== 'postgres' && kind !== 'pglite')
) {
  throw new Error('Usage: node --import tsx bench/fec-import.ts [lines] [postgres|pglite] [URL]');
}

const bytes = new TextEncoder().encode(buildFec(lineCount));
const count = (value: number): string => value.toLocaleString('en-US');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const rate = (lines: number, ms: number): string =>
  `${count(Math.round(lines / (ms / 1000)))} lines/s`;

let started = performance.now();
const prepared = prepareFec(bytes, 'bench.txt', { currency: currencyCode('EUR') });
const preparedMs = performance.now() - started;
if (!prepared.ok || prepared.errors.length > 0) {
  throw new Error('The bench file is refused');
}
const lines = prepared.lineCount;
console.log(
  `${count(lines)} lines (${(bytes.length / 1e6).toFixed(0)} MB): ${count(prepared.plan.customers.length)} customers, ` +
    `${count(prepared.plan.invoices.length)} invoices, ${count(prepared.plan.payments.length)} payments, ` +
    `${count(prepared.plan.allocations.length)} allocations`,
);
console.log(`floor, read and plan alone: ${seconds(preparedMs)} (${rate(lines, preparedMs)})`);

const target = await prepareLocation(kind, adminUrl);
const handle = await openDatabase(target.location);
try {
  await migrate(handle);
  const deps = createDeps(handle.db);
  const company = await createCompany(deps, {
    code: 'bench-fec',
    legalName: 'Bench FEC SAS',
    siren: null,
    vatNumber: null,
    addressLine1: null,
    addressLine2: null,
    postalCode: null,
    city: null,
    country: 'FR',
    currency: 'EUR',
    timeZone: 'Europe/Paris',
  });
  const ctx = cliContext(company.id, 'bench');
  const run = async (label: string): Promise<FecImportReport> => {
    started = performance.now();
    const report = await importFec(deps, ctx, {
      bytes,
      fileName: 'bench.txt',
      dryRun: false,
      partial: false,
    });
    const ms = performance.now() - started;
    if (!report.committed) {
      throw new Error(`${label}: refused, ${JSON.stringify(report.errors.slice(0, 3))}`);
    }
    console.log(
      `${kind} ${label}: ${seconds(ms)} (${rate(lines, ms)}); invoices ${JSON.stringify(report.invoices)}, ` +
        `allocations ${JSON.stringify(report.allocations)}; ` +
        `heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
    );
    return report;
  };
  await run('import');
  await run('re-import');
} finally {
  await handle.close();
  await target.remove();
}
