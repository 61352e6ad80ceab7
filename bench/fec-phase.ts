import { cliContext } from '../src/app/context.ts';
import { createDeps } from '../src/app/deps.ts';
import { createCompany } from '../src/companies/service.ts';
import { customerDirectory } from '../src/customers/directory.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { DEMO_SIZES, type DemoSize } from '../src/demo/generate.ts';
import { FEC_COLUMNS } from '../src/imports/fec/fec-format.ts';
import { importFec, type FecImportReport } from '../src/imports/service.ts';
import { prepareLocation } from './bench-database.ts';
import { buildFec } from './fec-file.ts';
import type { BenchDatabase } from './options.ts';

/**
 * The FEC's lines at a size: as many as the demo's invoices, so 1,000,000 at size L
 * (issue 8's target), 200,000 at M and 10,000 at S.
 */
export function fecLinesOf(size: DemoSize): number {
  return DEMO_SIZES[size].invoicesApprox;
}

/** The limit's timed runs, of which the best counts. */
const SPLIT_RUNS = 3;

/** An `importFec` of the whole file, bytes to commit. */
export type FecStep = {
  ms: number;
  /** Items of every kind (customers, invoices, credit notes, payments, allocations). */
  created: number;
  updated: number;
  unchanged: number;
  /** Resident memory of the bench process right after it. */
  rssMb: number;
  /** Why the import is not a measurement (refused, or thrown). */
  failure: string | undefined;
};

export type FecDatabaseRun = {
  kind: BenchDatabase;
  label: string;
  /** Lines of the file, the header aside. */
  lines: number;
  megabytes: number;
  /** The limit: decoding and splitting into lines and fields alone, best of `splitRuns`. */
  splitMs: number;
  splitRuns: number;
  import: FecStep;
  /** The same file again: nothing changes. */
  reimport: FecStep;
};

/** The FEC the phase imports (`fec-file.ts`), as the bytes of a file. */
export function buildFecBytes(lines: number): Uint8Array {
  return new TextEncoder().encode(buildFec(lines));
}

/**
 * The least any reader of the file does: decodes the bytes (`TextDecoder`) and splits the
 * text into lines and each line into its fields on the header's separator (tab or `|`,
 * whichever it has more of, as `parseFec` decides), nothing else: no trimming, no check
 * but the count of fields. Returns the lines, the header aside.
 */
export function splitFecFields(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes);
  const header = text.slice(0, text.indexOf('\n'));
  const separator = header.split('\t').length >= header.split('|').length ? '\t' : '|';
  let lines = 0;
  for (const line of text.split('\n')) {
    if (line === '') {
      continue;
    }
    if (line.split(separator).length !== FEC_COLUMNS.length) {
      throw new Error(`Line ${lines + 1} of the bench FEC has not ${FEC_COLUMNS.length} fields`);
    }
    lines += 1;
  }
  return lines - 1;
}

/** The best of `SPLIT_RUNS` runs of `splitFecFields`, each from the bytes. */
function timeSplit(bytes: Uint8Array): { ms: number; lines: number } {
  let best = Number.POSITIVE_INFINITY;
  let lines = 0;
  for (let run = 0; run < SPLIT_RUNS; run += 1) {
    const started = performance.now();
    lines = splitFecFields(bytes);
    best = Math.min(best, performance.now() - started);
  }
  return { ms: best, lines };
}

function stepOf(ms: number, report: FecImportReport | undefined, failure?: string): FecStep {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  if (report !== undefined) {
    const kinds = [
      report.customers,
      report.invoices,
      report.creditNotes,
      report.payments,
      report.allocations,
    ];
    for (const kind of kinds) {
      counts.created += kind.created;
      counts.updated += kind.updated;
      counts.unchanged += kind.unchanged;
    }
  }
  return { ms, ...counts, rssMb: process.memoryUsage().rss / 1024 / 1024, failure };
}

/**
 * The FEC phase on one database: times the limit (`splitFecFields`, best of 3), then,
 * into a fresh database (`encaisse_bench` on the server of `adminUrl`, or a PGlite
 * directory under `.tmp/`) and a new company in it, `importFec` of `bytes` from the bytes
 * to the commit, and the same file again. A refused or failed import is recorded, not thrown.
 */
export async function benchFec(
  kind: BenchDatabase,
  adminUrl: string,
  bytes: Uint8Array,
): Promise<FecDatabaseRun> {
  const split = timeSplit(bytes);
  const target = await prepareLocation(kind, adminUrl);
  try {
    const handle = await openDatabase(target.location);
    try {
      await migrate(handle);
      const deps = createDeps(handle.db, { customers: customerDirectory });
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
      const importOnce = async (): Promise<FecStep> => {
        const started = performance.now();
        try {
          const report = await importFec(deps, ctx, {
            bytes,
            fileName: 'bench.txt',
            dryRun: false,
            partial: false,
          });
          const ms = performance.now() - started;
          if (!report.committed) {
            return stepOf(ms, report, `refused: ${JSON.stringify(report.errors.slice(0, 3))}`);
          }
          if (report.lines !== split.lines) {
            return stepOf(ms, report, `read ${report.lines} lines of ${split.lines}`);
          }
          return stepOf(ms, report);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          return stepOf(performance.now() - started, undefined, message);
        }
      };
      const first = await importOnce();
      const again = await importOnce();
      return {
        kind,
        label: target.label,
        lines: split.lines,
        megabytes: bytes.length / 1e6,
        splitMs: split.ms,
        splitRuns: SPLIT_RUNS,
        import: first,
        reimport: again,
      };
    } finally {
      await handle.close();
    }
  } finally {
    await target.remove();
  }
}

/** Lines a second of `lines` in `ms`. */
export function linesPerSecond(lines: number, ms: number): number {
  return lines / (ms / 1000);
}
