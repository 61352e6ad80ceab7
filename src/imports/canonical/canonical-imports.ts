/**
 * The customers, invoices and payments files as importers (../importer.ts): the parse
 * opens the table and maps its header (`openImportFile`), the apply plans and writes it a
 * batch at a time in the import's transaction, so memory does not grow with the file and
 * each batch is planned over what the earlier ones wrote (ADR 15). A dry run or a refused
 * import writes its batches too and rolls them back: its counts are exactly what an
 * import would do.
 */
import type { Ctx } from '../../app/context.ts';
import type { Deps } from '../../app/deps.ts';
import type { Queryable } from '../../db/client.ts';
import type { Outcome, UpsertPlan } from '../../ledger/upsert-items.ts';
import type { Issue } from '../../shared/errors.ts';
import { parseCurrencyCode } from '../../shared/money.ts';
import type { TextEncodingName } from '../decode-text.ts';
import type { Importer } from '../importer.ts';
import type { ColumnMapping, ImportKind } from '../table/column-mapping.ts';
import type { TableFormat } from '../table/read-table.ts';
import { sortIssues } from '../table/row-fields.ts';
import {
  openImportFile,
  type ImportBatch,
  type OpenedImportFile,
  type ParseImportFileOptions,
} from './parse-import-file.ts';
import { planCustomers, planInvoices, planPayments } from './plan-rows.ts';

export type ImportOptions = {
  kind: ImportKind;
  bytes: Uint8Array;
  fileName: string;
  /** Check and count, change nothing. */
  dryRun: boolean;
  /** Import the good rows even when some are rejected (default: all or nothing). */
  partial: boolean;
  encoding?: TextEncodingName | undefined;
  mapping?: ColumnMapping | undefined;
};

export type ImportReport = {
  kind: ImportKind;
  file: string;
  format: TableFormat | null;
  dryRun: boolean;
  partial: boolean;
  /** Whether the changes were saved. */
  committed: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: Issue[];
  notices: Issue[];
};

/** What one batch did: an outcome per row kept, the issues of its refused lines. */
type BatchResult = { outcomes: Outcome[]; errors: Issue[]; notices: Issue[] };

/** A file opened, its batches bound to the planner of its kind. */
type OpenedTable = {
  format: TableFormat;
  notices: Issue[];
  planBatches: (deps: Deps, tx: Queryable, ctx: Ctx) => AsyncGenerator<BatchResult>;
};

/** What a file's batches did, in all. */
type TableCounts = Pick<
  ImportReport,
  'rows' | 'created' | 'updated' | 'unchanged' | 'rejected' | 'errors' | 'notices'
>;

/** The importer of one canonical file: the same for the three kinds but for the planner. */
export type CanonicalImporter = Importer<ImportOptions, OpenedTable, TableCounts, ImportReport>;

function canonicalImporter<Row, Column extends string>(
  kind: ImportKind,
  open: (
    bytes: Uint8Array,
    fileName: string,
    options: ParseImportFileOptions,
  ) => Promise<OpenedImportFile<Row, Column>>,
  plan: (
    deps: Deps,
    tx: Queryable,
    ctx: Ctx,
    rows: Row[],
    columns: Column[],
  ) => Promise<UpsertPlan>,
): CanonicalImporter {
  return {
    kind,
    async parse(options, company) {
      const file = await open(options.bytes, options.fileName, {
        encoding: options.encoding,
        mapping: options.mapping,
        defaultCurrency: parseCurrencyCode(company.currency),
      });
      if (!file.ok) {
        return file;
      }
      return {
        ok: true,
        parsed: {
          format: file.format,
          notices: file.notices,
          planBatches: (deps, tx, ctx) =>
            planEach(file.batches(), (rows) => plan(deps, tx, ctx, rows, file.columns)),
        },
      };
    },
    async apply(deps, tx, ctx, file) {
      const counts = { created: 0, updated: 0, unchanged: 0 };
      const errors: Issue[] = [];
      const notices = [...file.notices];
      for await (const batch of file.planBatches(deps, tx, ctx)) {
        for (const outcome of batch.outcomes) {
          counts[outcome] += 1;
        }
        errors.push(...batch.errors);
        notices.push(...batch.notices);
      }
      const rejected = new Set(errors.map((issue) => issue.line)).size;
      const rows = counts.created + counts.updated + counts.unchanged + rejected;
      return { rows, ...counts, rejected, errors: sortIssues(errors), notices };
    },
    summary: ({ rows: _rows, errors: _errors, notices: _notices, ...counts }) => counts,
    report(run, options) {
      // In the order of `ImportReport`: the counts come after what the file was.
      const counts: TableCounts = run.ok
        ? run.result
        : { ...NOTHING_COUNTED, errors: run.errors, notices: run.notices };
      return {
        kind,
        file: options.fileName,
        format: run.ok ? run.parsed.format : null,
        dryRun: options.dryRun,
        partial: options.partial,
        committed: run.committed,
        ...counts,
      };
    },
  };
}

const NOTHING_COUNTED = { rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };

/**
 * Plans and writes each batch of the file. A refused line is never written; the
 * rows of the batch that are kept are, before the next batch is planned, so that
 * it sees them (a payment allocated to an invoice an earlier payment of the file
 * already reduced).
 */
async function* planEach<Row>(
  batches: Iterable<ImportBatch<Row>>,
  plan: (rows: Row[]) => Promise<UpsertPlan>,
): AsyncGenerator<BatchResult> {
  for (const batch of batches) {
    const planned = await plan(batch.rows);
    await planned.write();
    yield {
      outcomes: planned.outcomes,
      errors: [...batch.errors, ...planned.issues],
      notices: batch.notices,
    };
  }
}

/** The importer of each canonical file, by what it holds. */
export const CANONICAL_IMPORTERS: Readonly<Record<ImportKind, CanonicalImporter>> = {
  customers: canonicalImporter(
    'customers',
    (bytes, fileName, options) => openImportFile('customers', bytes, fileName, options),
    planCustomers,
  ),
  invoices: canonicalImporter(
    'invoices',
    (bytes, fileName, options) => openImportFile('invoices', bytes, fileName, options),
    planInvoices,
  ),
  payments: canonicalImporter(
    'payments',
    (bytes, fileName, options) => openImportFile('payments', bytes, fileName, options),
    planPayments,
  ),
};
