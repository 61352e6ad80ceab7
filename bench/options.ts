import { parseArgs } from 'node:util';
import { z } from 'zod';
import { fecLinesOf } from './fec-phase.ts';
import { MATCH_LINES } from './match-phase.ts';

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';

/**
 * What a run measures: `load`, loading the demo and the queries on it; `match`, the
 * matcher over a day of noisy bank lines on the database the load loaded (loaded
 * without the queries when `load` is not asked for); `import`, the canonical files of
 * a demo ledger imported through the CLI; `customers`, the big customers file imported
 * through the CLI on PostgreSQL; `fec`, a FEC imported with `importFec` into a fresh
 * database, against the time of merely splitting it into fields; `dunning`, the daily
 * dunning run for the demo's today on the database the load loaded, the same date
 * again, and the busiest collector's agenda (before `match`, which applies payments);
 * `forecast`, the cash forecast as of the demo's today and its backtest over the last 13
 * weeks, on the database the load loaded (before `dunning` and `match`).
 */
export const BENCH_PHASES = [
  'load',
  'forecast',
  'dunning',
  'match',
  'credit',
  'import',
  'customers',
  'fec',
] as const;

/** The customers of the big customers file (about 50 MB of CSV), as the performance issue states. */
export const BIG_CUSTOMERS = 219_773;

const ZBenchOptions = z.object({
  size: z.enum(['S', 'M', 'L']).default('L'),
  only: z.enum(['postgres', 'pglite']).optional(),
  url: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .default(DEFAULT_ADMIN_URL),
  runs: z.coerce.number().int().min(3).max(1000).default(20),
  warmup: z.coerce.number().int().min(0).max(100).default(3),
  seed: z.coerce.number().int().min(0).default(1),
  doc: z.string().optional(),
  skipGenerator: z.boolean().default(false),
  phases: z
    .string()
    .default(BENCH_PHASES.join(','))
    .transform((text) => text.split(',').map((phase) => phase.trim()))
    .pipe(z.array(z.enum(BENCH_PHASES)).min(1)),
  importSize: z.enum(['S', 'M', 'L']).default('M'),
  bigCustomers: z.coerce.number().int().min(1).default(BIG_CUSTOMERS),
  importTimeout: z.coerce.number().int().min(1).default(1_200),
  /** Lines of the FEC phase's file; `fecLinesOf(size)` when not given. */
  fecLines: z.coerce.number().int().min(10).max(10_000_000).optional(),
});

export type BenchOptions = z.infer<typeof ZBenchOptions>;
export type BenchDatabase = 'postgres' | 'pglite';

export const USAGE = `npm run bench -- [options]
  --size S|M|L        demo size to load (default L: 100,000 customers, ~1M invoices)
  --only postgres|pglite
  --url URL           admin connection to PostgreSQL (default ${DEFAULT_ADMIN_URL});
                      the bench creates and drops its own database "encaisse_bench"
  --runs N            timed runs per query (default 20), after --warmup N (default 3)
  --seed N            demo seed (default 1)
  --doc PATH|none     where to write the report (default docs/PERFORMANCE.md, written
                      only by a full run: size L on both databases, every phase)
  --skip-generator    do not time the demo generator on its own
  --phases LIST       any of load (load the demo, time the queries), dunning (then
                      the daily dunning run for the demo's today, the same date
                      again, and the busiest collector's agenda), match (then match
                      ${MATCH_LINES.toLocaleString('en-US')} noisy bank lines on it; dunning and match load
                      the demo without the queries when load is not asked for), import (export
                      the demo as CSV, import it through the CLI, re-import it) and
                      customers (the big customers file, PostgreSQL) and fec (a FEC
                      imported with importFec, and again, beside the time of splitting
                      it into fields), forecast (the cash forecast and its backtest on
                      the loaded demo), credit (limits decided and orders received
                      for 200 entities, then the credit check timed); default all eight
  --import-size S|M|L size of the exported ledger the import phase imports (default M)
  --big-customers N   customers in the big customers file (default
                      ${BIG_CUSTOMERS.toLocaleString('en-US')}, about 50 MB)
  --import-timeout S  seconds after which an import process is killed (default 1200)
  --fec-lines N       lines of the FEC phase's file (default as many as the size's
                      invoices: ${fecLinesOf('S').toLocaleString('en-US')} at S, ${fecLinesOf('M').toLocaleString('en-US')} at M, ${fecLinesOf('L').toLocaleString('en-US')} at L)`;

/** Reads the command line; throws a readable message on a bad option. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      size: { type: 'string' },
      only: { type: 'string' },
      url: { type: 'string' },
      runs: { type: 'string' },
      warmup: { type: 'string' },
      seed: { type: 'string' },
      doc: { type: 'string' },
      'skip-generator': { type: 'boolean' },
      phases: { type: 'string' },
      'import-size': { type: 'string' },
      'big-customers': { type: 'string' },
      'import-timeout': { type: 'string' },
      'fec-lines': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const parsed = ZBenchOptions.safeParse({
    size: values.size?.toUpperCase(),
    only: values.only,
    url: values.url,
    runs: values.runs,
    warmup: values.warmup,
    seed: values.seed,
    doc: values.doc,
    skipGenerator: values['skip-generator'] ?? false,
    phases: values.phases,
    importSize: values['import-size']?.toUpperCase(),
    bigCustomers: values['big-customers'],
    importTimeout: values['import-timeout'],
    fecLines: values['fec-lines'],
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `--${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`${issues.join('\n')}\n\n${USAGE}`);
  }
  return parsed.data;
}

export function databasesOf(options: BenchOptions): BenchDatabase[] {
  return options.only === undefined ? ['postgres', 'pglite'] : [options.only];
}
