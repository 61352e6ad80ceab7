/**
 * The import phase of `npm run bench`: exports a demo ledger as the canonical files,
 * then imports them the way a user does — `encaisse import customers|invoices|payments`,
 * each in its own process — into a fresh database of each kind, imports them again
 * (which must change nothing), and times a bare COPY of the same rows into unindexed
 * tables as the floor. Then a 219,773-customer file alone on PostgreSQL. A failed
 * import is a failed measurement, reported with its reason; the bench goes on.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCopyStream, inBulkTransaction, type CopyValue } from '../src/db/bulk-copy.ts';
import { openDatabase } from '../src/db/client.ts';
import { exportDemo, NO_COMPANY, type DemoExportFile } from '../src/demo/export-demo.ts';
import { DEMO_EXPORT_COLUMNS, demoExportRows } from '../src/demo/export-rows.ts';
import { generateDemo, type DemoSize } from '../src/demo/generate.ts';
import type { ExportColumn, ExportRow } from '../src/exports/table-writer.ts';
import { IMPORT_KINDS, type ImportKind } from '../src/imports/table/column-mapping.ts';
import type { ImportReport } from '../src/imports/service.ts';
import type { CalendarDate } from '../src/shared/calendar-date.ts';
import { prepareLocation } from './bench-database.ts';
import { runCliChild, type CliChildRun } from './cli-child.ts';
import type { BenchDatabase } from './options.ts';
import { timeOnce } from './timing.ts';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The company the bench imports into (created by the CLI, as a user would). */
const BENCH_COMPANY = 'bench';

/** What an import's `--json` report says, reduced to its counts. */
export type ImportCounts = Pick<
  ImportReport,
  'committed' | 'rows' | 'created' | 'updated' | 'unchanged' | 'rejected'
> & { errors: number };

/** One `encaisse import KIND FILE --json` process. */
export type ImportStep = {
  kind: ImportKind;
  /** Data lines in the file. */
  fileRows: number;
  ms: number;
  maxRssMb: number | undefined;
  exitCode: number | null;
  counts: ImportCounts | undefined;
  /** Why the step is a failed measurement; `undefined` when it did what it must. */
  failure: string | undefined;
};

/** The import and the re-import of the files into one fresh database. */
export type DatabaseImportRun = {
  kind: BenchDatabase;
  label: string;
  /**
   * `encaisse companies list` on the same database: what any CLI process costs before
   * it reads a file (Node, the TypeScript sources through tsx, opening the database,
   * checking migrations). Every import step includes it once.
   */
  processFloorMs: number;
  first: ImportStep[];
  again: ImportStep[];
  /** COPY of the same rows into tables without index, key or rule. */
  bareCopy: { ms: number; rows: number } | { failure: string };
};

/** The big customers file, imported alone into a fresh PostgreSQL database. */
export type BigCustomersRun = { customers: number; megabytes: number; step: ImportStep };

export type ImportPhaseRun = {
  size: DemoSize;
  seed: number;
  exportMs: number;
  files: { kind: ImportKind; rows: number; megabytes: number }[];
  databases: DatabaseImportRun[];
  bigCustomers: BigCustomersRun | undefined;
};

export type ImportPhaseOptions = {
  size: DemoSize;
  seed: number;
  today: CalendarDate;
  adminUrl: string;
  /** Where to import the ledger's files; none skips the ledger. */
  databases: readonly BenchDatabase[];
  /** Customers in the big customers file (imported on PostgreSQL); 0 skips it. */
  bigCustomers: number;
  /** A child still running after this is killed and reported as failed. */
  timeoutMs: number;
};

function megabytes(path: string): number {
  return statSync(path).size / 1024 / 1024;
}

function firstLine(text: string): string {
  const line = text
    .split('\n')
    .map((part) => part.trim())
    .find((part) => part !== '');
  return (line ?? '').slice(0, 200);
}

function parseReport(stdout: string): ImportReport | undefined {
  try {
    return JSON.parse(stdout) as ImportReport;
  } catch {
    return undefined;
  }
}

/**
 * Judges a finished import process: a first import must create every line, a
 * re-import must find every line unchanged (created = updated = 0).
 */
export function judgeImport(
  kind: ImportKind,
  fileRows: number,
  run: CliChildRun,
  expectation: 'creates' | 'changes nothing',
): ImportStep {
  const report = parseReport(run.stdout);
  const counts: ImportCounts | undefined = report && {
    committed: report.committed,
    rows: report.rows,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    rejected: report.rejected,
    errors: report.errors.length,
  };
  let failure: string | undefined;
  if (run.timedOut) {
    failure = `killed after ${Math.round(run.ms / 1000)} s`;
  } else if (run.signal !== null) {
    failure = `stopped by ${run.signal} after ${Math.round(run.ms / 1000)} s`;
  } else if (counts === undefined) {
    failure = `exit ${run.exitCode}: ${firstLine(run.stderr) || 'no report'}`;
  } else if (run.exitCode !== 0 || !counts.committed) {
    const reason = report?.errors[0]?.message ?? firstLine(run.stderr);
    failure = `exit ${run.exitCode}, ${counts.rejected} of ${fileRows} lines rejected (${counts.errors} errors; first: ${reason})`;
  } else if (expectation === 'creates' && counts.created !== fileRows) {
    failure = `${counts.created} of ${fileRows} lines created`;
  } else if (
    expectation === 'changes nothing' &&
    (counts.created !== 0 || counts.updated !== 0 || counts.unchanged !== fileRows)
  ) {
    failure = `the re-import changed data: ${counts.created} created, ${counts.updated} updated`;
  }
  return {
    kind,
    fileRows,
    ms: run.ms,
    maxRssMb: run.maxRssMb,
    exitCode: run.exitCode,
    counts,
    failure,
  };
}

async function importFiles(
  location: string,
  files: readonly DemoExportFile[],
  expectation: 'creates' | 'changes nothing',
  options: { timeoutMs: number; label: string },
): Promise<ImportStep[]> {
  const steps: ImportStep[] = [];
  for (const file of files) {
    console.error(
      `${options.label}: encaisse import ${file.kind} (${file.rows.toLocaleString('en-US')} lines)`,
    );
    const run = await runCliChild(
      ['--db', location, '--company', BENCH_COMPANY, 'import', file.kind, file.path, '--json'],
      { timeoutMs: options.timeoutMs },
    );
    const step = judgeImport(file.kind, file.rows, run, expectation);
    console.error(
      `${options.label}:   ${(step.ms / 1000).toFixed(1)} s, ${step.maxRssMb === undefined ? '?' : Math.round(step.maxRssMb)} MB${step.failure === undefined ? '' : `, FAILED: ${step.failure}`}`,
    );
    steps.push(step);
  }
  return steps;
}

async function createBenchCompany(location: string, timeoutMs: number): Promise<void> {
  const run = await runCliChild(
    [
      '--db',
      location,
      'companies',
      'create',
      '--code',
      BENCH_COMPANY,
      '--name',
      'Bench Import SAS',
    ],
    { timeoutMs },
  );
  if (run.exitCode !== 0) {
    throw new Error(`encaisse companies create failed: ${firstLine(run.stderr)}`);
  }
}

const SQL_TYPES: Record<ExportColumn['type'], string> = {
  text: 'text',
  decimal: 'numeric',
  date: 'date',
};

/** The canonical rows of the ledger, as the export writes them, file by file. */
function collectRows(options: ImportPhaseOptions): Record<ImportKind, ExportRow[]> {
  const rows: Record<ImportKind, ExportRow[]> = { customers: [], invoices: [], payments: [] };
  for (const batch of generateDemo({
    size: options.size,
    seed: options.seed,
    today: options.today,
    companyId: NO_COMPANY,
    currency: 'EUR',
  })) {
    const batchRows = demoExportRows(batch);
    for (const kind of IMPORT_KINDS) {
      rows[kind].push(...batchRows[kind]);
    }
  }
  return rows;
}

/**
 * The floor under any import: COPY of the very rows of the files into tables that
 * have the files' columns and nothing else (no key, index, trigger or foreign key),
 * in one transaction. Only the COPY and its commit are timed.
 */
async function timeBareCopy(
  location: string,
  rows: Record<ImportKind, ExportRow[]>,
): Promise<DatabaseImportRun['bareCopy']> {
  const handle = await openDatabase(location);
  try {
    const tables = IMPORT_KINDS.map((kind) => ({
      name: `bench_copy_${kind}`,
      columns: DEMO_EXPORT_COLUMNS[kind],
      rows: rows[kind],
    }));
    await inBulkTransaction(handle, async (session) => {
      for (const table of tables) {
        const columns = table.columns.map((column) => `${column.name} ${SQL_TYPES[column.type]}`);
        await session.query(`CREATE TABLE ${table.name} (${columns.join(', ')})`);
      }
    });
    const copied = await timeOnce(() =>
      inBulkTransaction(handle, async (session) => {
        const stream = createCopyStream(session, { pieceChars: 8_000_000, frozen: [] });
        for (const table of tables) {
          const names = table.columns.map((column) => column.name);
          // An empty cell is NULL for a number or a date, and '' for text, as the importer reads it.
          const isText = table.columns.map((column) => column.type === 'text');
          for (let start = 0; start < table.rows.length; start += 1_000) {
            const piece = table.rows
              .slice(start, start + 1_000)
              .map((row) =>
                row.map((cell, index): CopyValue => (cell === '' && !isText[index] ? null : cell)),
              );
            await stream.add(table.name, names, piece);
          }
        }
        await stream.finish();
      }),
    );
    await inBulkTransaction(handle, async (session) => {
      await session.query(`DROP TABLE ${tables.map((table) => table.name).join(', ')}`);
    });
    return { ms: copied.ms, rows: tables.reduce((sum, table) => sum + table.rows.length, 0) };
  } catch (error) {
    return { failure: error instanceof Error ? error.message : String(error) };
  } finally {
    await handle.close();
  }
}

async function benchDatabaseImport(
  kind: BenchDatabase,
  files: readonly DemoExportFile[],
  rows: Record<ImportKind, ExportRow[]>,
  options: ImportPhaseOptions,
): Promise<DatabaseImportRun> {
  const target = await prepareLocation(kind, options.adminUrl);
  try {
    await createBenchCompany(target.location, options.timeoutMs);
    const floor = await runCliChild(['--db', target.location, 'companies', 'list', '--json'], {
      timeoutMs: options.timeoutMs,
    });
    const label = `${kind} import`;
    const first = await importFiles(target.location, files, 'creates', { ...options, label });
    const again = await importFiles(target.location, files, 'changes nothing', {
      ...options,
      label: `${kind} re-import`,
    });
    console.error(`${kind}: bare COPY of the same rows`);
    const bareCopy = await timeBareCopy(target.location, rows);
    return { kind, label: target.label, processFloorMs: floor.ms, first, again, bareCopy };
  } finally {
    await target.remove();
  }
}

async function benchBigCustomers(
  dir: string,
  options: ImportPhaseOptions,
): Promise<BigCustomersRun> {
  console.error(`big customers file: exporting ${options.bigCustomers.toLocaleString('en-US')}`);
  // More customers than size L has: the size's own proportions, scaled.
  const exported = await exportDemo({
    size: 'L',
    seed: options.seed,
    today: options.today,
    customers: options.bigCustomers,
    dir,
    format: 'csv',
    kinds: ['customers'],
  });
  const [file] = exported.files;
  if (file === undefined) {
    throw new Error('The big customers export wrote no file');
  }
  const target = await prepareLocation('postgres', options.adminUrl);
  try {
    await createBenchCompany(target.location, options.timeoutMs);
    const [step] = await importFiles(target.location, [file], 'creates', {
      ...options,
      label: 'postgres big customers',
    });
    if (step === undefined) {
      throw new Error('The big customers import ran no step');
    }
    return { customers: file.rows, megabytes: megabytes(file.path), step };
  } finally {
    await target.remove();
  }
}

/** Runs the import phase (see the module comment); `.tmp/bench-import-*` holds the files meanwhile. */
export async function benchImports(options: ImportPhaseOptions): Promise<ImportPhaseRun> {
  mkdirSync(`${REPO_ROOT}.tmp`, { recursive: true });
  const dir = mkdtempSync(`${REPO_ROOT}.tmp/bench-import-`);
  try {
    let exportMs = 0;
    let files: DemoExportFile[] = [];
    const databases: DatabaseImportRun[] = [];
    if (options.databases.length > 0) {
      console.error(
        `import: exporting size ${options.size} as CSV into ${dir.slice(REPO_ROOT.length)}`,
      );
      const exported = await timeOnce(() =>
        exportDemo({
          size: options.size,
          seed: options.seed,
          today: options.today,
          dir: join(dir, 'ledger'),
          format: 'csv',
        }),
      );
      exportMs = exported.ms;
      files = exported.value.files;
      const rows = collectRows(options);
      for (const kind of options.databases) {
        databases.push(await benchDatabaseImport(kind, files, rows, options));
      }
    }
    const bigCustomers =
      options.bigCustomers > 0 ? await benchBigCustomers(join(dir, 'big'), options) : undefined;
    return {
      size: options.size,
      seed: options.seed,
      exportMs,
      files: files.map((file) => ({
        kind: file.kind,
        rows: file.rows,
        megabytes: megabytes(file.path),
      })),
      databases,
      bigCustomers,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
