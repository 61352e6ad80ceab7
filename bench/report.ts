import { LOADED_TABLES } from '../src/demo/load-demo.ts';
import type { DunningPass, DunningRunResults } from './dunning-phase.ts';
import { linesPerSecond, type FecDatabaseRun, type FecStep } from './fec-phase.ts';
import type { ImportPhaseRun, ImportStep } from './import-phase.ts';
import type { BenchRun, DatabaseRun } from './results.ts';
import {
  TARGETS,
  checkTargets,
  dunningChecks,
  fecCheck,
  isJudgedListCase,
  passTime,
  type TargetCheck,
} from './targets.ts';
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

function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)} %`;
}

function formatTarget(value: number | undefined, unit: TargetCheck['unit']): string {
  if (value === undefined) {
    return 'failed';
  }
  switch (unit) {
    case 'ms':
      return formatMs(value);
    case 'MB':
      return `${formatCount(value)} MB`;
    case '%':
      return formatPercent(value);
    case 'lines':
      return formatCount(value);
    case 'lines/s':
      return `${formatCount(value)} lines/s`;
    case 'days':
      return `${value.toFixed(1)} days`;
  }
}

/** A rate's limit is a floor, unlike the others: says so in the limit column. */
function formatLimit(check: TargetCheck): string {
  const limit = formatTarget(check.limit, check.unit);
  return check.unit === '%' || check.unit === 'lines/s' ? `≥ ${limit}` : limit;
}

function targetsTitle(run: BenchRun): string {
  const matched = run.databases.find((database) => database.matching !== undefined)?.matching;
  const matching =
    matched === undefined
      ? ''
      : `; matching ${formatCount(matched.lines)} bank lines on the loaded demo`;
  const fec = run.fec[0] === undefined ? '' : `; a FEC of ${formatCount(run.fec[0].lines)} lines`;
  return `Targets (load and queries at size ${run.size}, queries on PostgreSQL judged on the median; import at size ${run.imports?.size ?? '–'}${matching}${fec})`;
}

function targetsTable(run: BenchRun): Table {
  return {
    title: targetsTitle(run),
    header: ['target', 'limit', 'measured', 'what', 'met'],
    rows: checkTargets(run).map((check) => [
      check.label,
      formatLimit(check),
      formatTarget(check.measured, check.unit),
      check.detail,
      mark(check.isMet),
    ]),
  };
}

function matchingTable(run: BenchRun): Table {
  const rows: string[][] = [];
  for (const database of run.databases) {
    const { matching } = database;
    if (matching === undefined) {
      continue;
    }
    rows.push([
      DATABASE_NAMES[database.kind],
      formatCount(matching.lines),
      formatMs(matching.importMs),
      formatMs(matching.matchMs),
      formatCount(matching.lines / (matching.matchMs / 1000)),
      `${formatCount(matching.applied)} / ${formatCount(matching.queued)} / ${formatCount(matching.setAside)}`,
      `${formatPercent(matching.payerRate)} / ${formatPercent(matching.invoiceRate)}`,
      `${formatCount(matching.appliedRight)} of ${formatCount(matching.receivables)} (${formatPercent(matching.autoRate)})`,
      formatCount(matching.appliedWrong),
    ]);
  }
  return {
    title: `Matching noisy bank lines over the loaded demo's open items: stored with nothing applied, then \`runMatcher\` timed over the queue and scored against the lines' truth`,
    header: [
      'database',
      'lines',
      'import (not judged)',
      'matcher',
      'lines/s',
      'applied / queued / set aside',
      'payer / invoice rate',
      'receivables applied right',
      'applied wrongly',
    ],
    rows,
  };
}

function passCells(pass: DunningPass): string[] {
  const { counts } = pass;
  return [
    formatMs(pass.ms),
    `${formatCount(counts.customers)} / ${formatCount(pass.slices)}`,
    `${formatCount(counts.actions)} / ${formatCount(counts.messages)} / ${formatCount(pass.outboxAdded)}`,
    `${formatCount(counts.awaitingApproval)} / ${formatCount(counts.tasks)} / ${formatCount(counts.heldBack)}`,
    formatMs(pass.firstSliceMs),
    pass.otherSlices === undefined
      ? ''
      : `${formatSample(pass.otherSlices)} (max ${formatMs(pass.otherSlices.maxMs)})`,
  ];
}

function dunningTable(run: BenchRun): Table {
  const rows: string[][] = [];
  for (const database of run.databases) {
    const { dunning } = database;
    if (dunning === undefined) {
      continue;
    }
    const [runCheck] = dunningChecks(database.kind, dunning);
    for (const [pass, name] of [
      [dunning.first, 'run'],
      [dunning.second, 'same date again'],
    ] as const) {
      rows.push([
        DATABASE_NAMES[database.kind],
        `${name} (${dunning.today})`,
        ...passCells(pass),
        pass === dunning.first && runCheck !== undefined ? mark(runCheck.isMet) : '',
      ]);
    }
  }
  return {
    title: `The daily dunning run (\`runDunning\`, slices of ${formatCount(run.databases.find((database) => database.dunning)?.dunning?.sliceSize ?? 0)} customers, each one transaction) on the loaded demo, then the same date again`,
    header: [
      'database',
      'run',
      'time',
      'customers / slices',
      'actions / messages / outbox rows added',
      'awaiting approval / tasks / held back',
      'to the 1st slice (setup, promises, leaves, slice 1)',
      'other slices (median / p95)',
      `< ${formatMs(TARGETS.dunningRunMs.postgres)} PostgreSQL, ${formatMs(TARGETS.dunningRunMs.pglite)} PGlite`,
    ],
    rows,
  };
}

function agendaTable(run: BenchRun): Table {
  const rows: string[][] = [];
  for (const database of run.databases) {
    const agenda = database.dunning?.agenda;
    if (agenda === undefined) {
      continue;
    }
    rows.push([
      DATABASE_NAMES[database.kind],
      agenda.assignee.name,
      `${formatCount(agenda.items)} of ${formatCount(agenda.total)}`,
      formatSample(agenda.http),
      formatSample(agenda.service),
      mark(agenda.http.medianMs < TARGETS.agendaMs),
    ]);
  }
  return {
    title: `The busiest collector's agenda after the run (median / p95 of ${run.runs} runs)`,
    header: [
      'database',
      'collector',
      'items / total',
      'HTTP',
      'listAgenda',
      `< ${TARGETS.agendaMs} ms`,
    ],
    rows,
  };
}

/** What the dunning phase measured on one database, as lines of text. */
export function dunningSummaryLines(dunning: DunningRunResults): string[] {
  const pass = (name: string, value: DunningPass): string => {
    const { counts } = value;
    const slices =
      value.otherSlices === undefined
        ? ''
        : `, other slices ${formatSample(value.otherSlices)} (median / p95)`;
    return (
      `${name}: ${formatMs(value.ms)}, ${formatCount(counts.customers)} customers in ${value.slices} slices, ` +
      `${formatCount(counts.actions)} actions, ${formatCount(counts.messages)} messages (${formatCount(value.outboxAdded)} outbox rows), ` +
      `${formatCount(counts.tasks)} tasks, ${formatCount(counts.awaitingApproval)} awaiting approval; ` +
      `to the 1st slice ${formatMs(value.firstSliceMs)}${slices}`
    );
  };
  const lines = [
    `${formatCount(dunning.customersWithEmail)} of ${formatCount(dunning.customers)} customers have a contact with an e-mail`,
    pass(`run of ${dunning.today}`, dunning.first),
    pass('same date again', dunning.second),
  ];
  const { agenda } = dunning;
  lines.push(
    agenda === undefined
      ? 'agenda: no collector has anything to do'
      : `agenda of ${agenda.assignee.name}: ${agenda.items} of ${formatCount(agenda.total)} items, HTTP ${formatSample(agenda.http)}, listAgenda ${formatSample(agenda.service)} (median / p95)`,
  );
  return lines;
}

function formatMb(value: number | undefined): string {
  return value === undefined ? '' : `${formatCount(value)} MB`;
}

function stepRow(database: string, pass: string, step: ImportStep): string[] {
  const counts = step.counts;
  return [
    database,
    pass,
    step.kind,
    formatCount(step.fileRows),
    formatMs(step.ms),
    formatCount(step.fileRows / (step.ms / 1000)),
    formatMb(step.maxRssMb),
    counts === undefined
      ? ''
      : `${formatCount(counts.created)} / ${formatCount(counts.updated)} / ${formatCount(counts.unchanged)} / ${formatCount(counts.rejected)}`,
    step.failure === undefined ? '✅' : `❌ ${step.failure}`,
  ];
}

function importFilesTable(imports: ImportPhaseRun): Table {
  return {
    title: `Exported files: size ${imports.size}, seed ${imports.seed} (written in ${formatMs(imports.exportMs)} by \`encaisse demo --export-csv\`)`,
    header: ['file', 'lines', 'size'],
    rows: imports.files.map((file) => [
      `${file.kind}.csv`,
      formatCount(file.rows),
      `${file.megabytes.toFixed(1)} MB`,
    ]),
  };
}

function importStepsTable(imports: ImportPhaseRun): Table {
  const rows: string[][] = [];
  for (const run of imports.databases) {
    for (const step of run.first) {
      rows.push(stepRow(DATABASE_NAMES[run.kind], 'import', step));
    }
    for (const step of run.again) {
      rows.push(stepRow(DATABASE_NAMES[run.kind], 're-import', step));
    }
  }
  if (imports.bigCustomers !== undefined) {
    rows.push(
      stepRow(
        'PostgreSQL',
        `${formatCount(imports.bigCustomers.customers)} customers (${imports.bigCustomers.megabytes.toFixed(0)} MB)`,
        imports.bigCustomers.step,
      ),
    );
  }
  return {
    title: `Importing through the CLI: one \`encaisse import … --json\` process per file, timed from spawn to exit`,
    header: [
      'database',
      'pass',
      'file',
      'lines',
      'time',
      'lines/s',
      'peak RSS',
      'created / updated / unchanged / rejected',
      'result',
    ],
    rows,
  };
}

function ratio(pass: ReturnType<typeof passTime>, copyMs: number | undefined): string {
  return 'ms' in pass && copyMs !== undefined ? `${(pass.ms / copyMs).toFixed(1)}×` : '';
}

function importTotalsTable(imports: ImportPhaseRun): Table {
  const lines = imports.files.reduce((sum, file) => sum + file.rows, 0);
  return {
    title: `The three files together (${formatCount(lines)} lines) against a bare COPY of the same rows into unindexed tables`,
    header: [
      'database',
      'CLI process floor',
      'import',
      'lines/s',
      're-import',
      'lines/s',
      'bare COPY',
      'lines/s',
      'import ÷ COPY',
      're-import ÷ COPY',
    ],
    rows: imports.databases.map((run) => {
      const first = passTime(run.first);
      const again = passTime(run.again);
      const copyMs = 'ms' in run.bareCopy ? run.bareCopy.ms : undefined;
      const time = (pass: ReturnType<typeof passTime>) =>
        'ms' in pass ? formatMs(pass.ms) : 'failed';
      const speed = (ms: number | undefined) =>
        ms === undefined ? '' : formatCount(lines / (ms / 1000));
      return [
        DATABASE_NAMES[run.kind],
        formatMs(run.processFloorMs),
        time(first),
        speed('ms' in first ? first.ms : undefined),
        time(again),
        speed('ms' in again ? again.ms : undefined),
        copyMs === undefined ? `failed` : formatMs(copyMs),
        speed(copyMs),
        ratio(first, copyMs),
        ratio(again, copyMs),
      ];
    }),
  };
}

/** Seconds, and lines a second, of `lines` in `ms`. */
function formatSpeed(lines: number, ms: number): string {
  return `${formatMs(ms)} (${formatCount(linesPerSecond(lines, ms))} lines/s)`;
}

function formatFileMb(megabytes: number): string {
  return `${megabytes.toFixed(megabytes < 10 ? 1 : 0)} MB`;
}

function fecStepCells(run: FecDatabaseRun, step: FecStep): string[] {
  if (step.failure !== undefined) {
    return [`❌ ${step.failure}`, ''];
  }
  return [formatSpeed(run.lines, step.ms), `${(step.ms / run.splitMs).toFixed(1)}×`];
}

function fecTable(run: BenchRun): Table {
  return {
    title: `Importing a FEC (\`bench/fec-file.ts\`) with \`importFec\` into a fresh database, bytes to commit, against the limit: decoding it and splitting it into lines and fields alone (best of ${run.fec[0]?.splitRuns ?? 3})`,
    header: [
      'database',
      'lines',
      'size',
      'limit: split into fields',
      'import',
      'import ÷ limit',
      'target',
      're-import (nothing changes)',
      're-import ÷ limit',
      'RSS after',
    ],
    rows: run.fec.map((fec) => {
      const check = fecCheck(fec);
      return [
        DATABASE_NAMES[fec.kind],
        formatCount(fec.lines),
        formatFileMb(fec.megabytes),
        formatSpeed(fec.lines, fec.splitMs),
        ...fecStepCells(fec, fec.import),
        `${formatLimit(check)} ${mark(check.isMet)}`,
        ...fecStepCells(fec, fec.reimport),
        formatMb(Math.max(fec.import.rssMb, fec.reimport.rssMb)),
      ];
    }),
  };
}

/** What the FEC phase measured on one database, as lines of text. */
export function fecSummaryLines(run: FecDatabaseRun): string[] {
  const check = fecCheck(run);
  const step = (name: string, value: FecStep, judged: string): string =>
    value.failure === undefined
      ? `${name}: ${formatSpeed(run.lines, value.ms)}${judged}, ${(value.ms / run.splitMs).toFixed(1)}× the limit; ` +
        `${formatCount(value.created)} created, ${formatCount(value.updated)} updated, ${formatCount(value.unchanged)} unchanged; ` +
        `RSS ${formatMb(value.rssMb)}`
      : `${name}: failed after ${formatMs(value.ms)}: ${value.failure}`;
  return [
    `${DATABASE_NAMES[run.kind]}, FEC of ${formatCount(run.lines)} lines (${formatFileMb(run.megabytes)})`,
    `limit, decode and split into fields: ${formatSpeed(run.lines, run.splitMs)}, best of ${run.splitRuns}`,
    step(
      'import',
      run.import,
      ` (target ${formatLimit(check)}: ${check.isMet ? 'met' : 'NOT met'})`,
    ),
    step('re-import', run.reimport, ''),
  ];
}

export function resultTables(run: BenchRun): Table[] {
  const tables = [
    targetsTable(run),
    loadTable(run),
    rowsTable(run),
    listTable(run),
    bundleTable(run),
    dunningTable(run),
    agendaTable(run),
    matchingTable(run),
  ];
  if (run.imports !== undefined) {
    tables.push(
      importFilesTable(run.imports),
      importStepsTable(run.imports),
      importTotalsTable(run.imports),
    );
  }
  tables.push(fecTable(run));
  return tables.filter((table) => table.rows.length > 0);
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
