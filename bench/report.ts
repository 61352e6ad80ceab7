import { LOADED_TABLES } from '../src/demo/load-demo.ts';
import type { BenchRun, DatabaseRun } from './results.ts';
import { TARGETS, checkTargets, isJudgedListCase } from './targets.ts';
import type { Sample } from './timing.ts';

/** A table as text cells: the console and the Markdown report print the same ones. */
export type Table = { title: string; header: string[]; rows: string[][] };

const DATABASE_NAMES = { postgres: 'PostgreSQL', pglite: 'PGlite' } as const;

export function formatMs(ms: number): string {
  if (ms >= 10_000) {
    return `${(ms / 1000).toFixed(1)} s`;
  }
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function formatSample(sample: Sample): string {
  return `${formatMs(sample.medianMs)} / ${formatMs(sample.p95Ms)}`;
}

function mark(isMet: boolean): string {
  return isMet ? '✅' : '❌';
}

function loadTable(run: BenchRun): Table {
  const rows = run.databases.map((database) => {
    const { load } = database;
    const seconds = load.loadMs / 1000;
    return [
      DATABASE_NAMES[database.kind],
      formatMs(load.migrateMs),
      formatMs(load.loadMs),
      formatMs(load.loadCpuMs),
      formatCount(load.totalRows),
      formatCount(load.totalRows / seconds),
      formatCount(load.rows.invoice / seconds),
      formatMs(load.vacuumAnalyzeMs),
      `${formatCount(load.rssMb)} MB`,
      `${database.loadAverage.before.toFixed(1)} → ${database.loadAverage.after.toFixed(1)}`,
    ];
  });
  if (run.generator) {
    const { generator } = run;
    rows.push([
      'generator alone',
      '',
      formatMs(generator.ms),
      formatMs(generator.cpuMs),
      '',
      '',
      formatCount(generator.invoices / (generator.ms / 1000)),
      '',
      '',
      '',
    ]);
  }
  return {
    title: `Loading size ${run.size} (seed ${run.seed})`,
    header: [
      'database',
      'migrate',
      'loadDemo',
      'Node CPU in load',
      'rows',
      'rows/s',
      'invoices/s',
      'VACUUM ANALYZE',
      'RSS after',
      'load avg',
    ],
    rows,
  };
}

function rowsTable(run: BenchRun): Table {
  return {
    title: 'Rows loaded',
    header: ['database', ...LOADED_TABLES, 'total'],
    rows: run.databases.map((database) => [
      DATABASE_NAMES[database.kind],
      ...LOADED_TABLES.map((table) => formatCount(database.load.rows[table])),
      formatCount(database.load.totalRows),
    ]),
  };
}

function listTable(run: BenchRun): Table {
  const rows: string[][] = [];
  for (const database of run.databases) {
    for (const item of database.queries.list) {
      rows.push([
        DATABASE_NAMES[database.kind],
        item.search === undefined ? item.sort : `${item.sort}, search "${item.search}"`,
        item.order,
        String(item.page),
        formatSample(item.http),
        formatSample(item.store),
        database.kind !== 'postgres'
          ? ''
          : isJudgedListCase(item)
            ? mark(item.http.medianMs < TARGETS.listPageMs)
            : 'not judged',
      ]);
    }
  }
  return {
    title: `Customer list, ${run.databases[0]?.queries.list[0]?.rows ?? 50} rows a page (median / p95 of ${run.runs} runs)`,
    header: [
      'database',
      'sort',
      'order',
      'page',
      'HTTP',
      'SQL (listCustomerRows)',
      `< ${TARGETS.listPageMs} ms`,
    ],
    rows,
  };
}

function bundleTable(run: BenchRun): Table {
  const rows: string[][] = [];
  for (const database of run.databases) {
    for (const bundle of database.queries.bundles) {
      rows.push([
        DATABASE_NAMES[database.kind],
        `${bundle.label} (${bundle.customerCode})`,
        `${bundle.invoices} / ${bundle.openItems} / ${bundle.payments} / ${bundle.allocations}`,
        formatSample(bundle.http),
        formatSample(bundle.service),
        bundle.endpoints
          .map((endpoint) => `${endpoint.name} ${formatMs(endpoint.http.medianMs)}`)
          .join(', '),
        database.kind === 'postgres' ? mark(bundle.http.medianMs < TARGETS.customerPageMs) : '',
      ]);
    }
  }
  return {
    title: `Customer page: its 5 API calls at once (median / p95 of ${run.runs} runs)`,
    header: [
      'database',
      'customer',
      'invoices / open / payments / allocations',
      'HTTP, 5 at once',
      'services, 5 at once',
      'each endpoint alone (HTTP median)',
      `< ${TARGETS.customerPageMs} ms`,
    ],
    rows,
  };
}

function targetsTable(run: BenchRun): Table {
  return {
    title: 'Targets (size L; queries on PostgreSQL, judged on the median)',
    header: ['target', 'limit', 'measured', 'what', 'met'],
    rows: checkTargets(run).map((check) => [
      check.label,
      formatMs(check.limitMs),
      formatMs(check.measuredMs),
      check.detail,
      mark(check.isMet),
    ]),
  };
}

export function resultTables(run: BenchRun): Table[] {
  return [targetsTable(run), loadTable(run), rowsTable(run), listTable(run), bundleTable(run)];
}

function width(text: string): number {
  // The ✅ and ❌ marks take two columns in a terminal.
  return text.length + (text.match(/[✅❌]/g)?.length ?? 0);
}

export function renderConsoleTable(table: Table): string {
  const widths = table.header.map((cell, column) =>
    Math.max(width(cell), ...table.rows.map((row) => width(row[column] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => cell + ' '.repeat((widths[column] ?? 0) - width(cell))).join('  ');
  return [
    table.title,
    line(table.header),
    widths.map((size) => '-'.repeat(size)).join('  '),
    ...table.rows.map(line),
  ].join('\n');
}

export function renderMarkdownTable(table: Table): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${table.header.map(escape).join(' | ')} |`,
    `| ${table.header.map(() => '---').join(' | ')} |`,
    ...table.rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

function settingsLine(database: DatabaseRun): string {
  return Object.entries(database.info.settings)
    .map(([name, value]) => `\`${name}=${value}\``)
    .join(', ');
}

/** The part of docs/PERFORMANCE.md the bench rewrites on each full run. */
export function renderMarkdownResults(run: BenchRun): string {
  const { machine } = run;
  const lines = [
    `Run on ${run.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC (${formatMs(
      run.finishedAt.getTime() - run.startedAt.getTime(),
    )}), \`npm run bench -- --size ${run.size}\`, seed ${run.seed}, demo "today" ${run.today}, ${run.warmup} warm-up + ${run.runs} timed runs per query.`,
    '',
    `- Machine: ${machine.cpuModel}, ${machine.cpuCount} CPUs, ${machine.memoryGb} GB RAM, ${machine.os}`,
    `- Node ${machine.node}`,
    ...run.databases.map(
      (database) => `- ${database.info.version} (${database.label}): ${settingsLine(database)}`,
    ),
    '',
  ];
  for (const table of resultTables(run)) {
    lines.push(`### ${table.title}`, '', renderMarkdownTable(table), '');
  }
  return lines.join('\n');
}
