import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { recordEvents } from '../audit/service.ts';
import { requirePermission } from '../app/permissions.ts';
import { getCompany } from '../companies/service.ts';
import type { Queryable } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Outcome, UpsertPlan } from '../ledger/upsert-items.ts';
import type { Issue } from '../shared/errors.ts';
import { currencyCode, parseCurrencyCode } from '../shared/money.ts';
import type { ColumnMapping, ImportKind } from './table/column-mapping.ts';
import type { TextEncodingName } from './decode-text.ts';
import {
  openImportFile,
  type ImportBatch,
  type OpenedImportFile,
  type ParseImportFileOptions,
} from './canonical/parse-import-file.ts';
import { planCustomers, planInvoices, planPayments } from './canonical/plan-rows.ts';
import {
  applyFec,
  noFecOutcomes,
  prepareFec,
  type FecOutcomes,
  type FecProgress,
} from './fec/apply-fec.ts';
import type { FecFormat } from './fec/parse-fec.ts';
import { beginCompanyImport } from './store.ts';
import type { TableFormat } from './table/read-table.ts';
import { sortIssues } from './table/row-fields.ts';

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

/**
 * Takes the company's import lock in `tx` (ADR 13), for work that must not interleave
 * with an import: the bank matcher reads the open items an import may be changing.
 */
export async function lockCompanyImports(tx: Queryable, ctx: Ctx): Promise<void> {
  await beginCompanyImport(tx, ctx.companyId);
}

/** Thrown inside the transaction to roll it back once the report is built. */
class Rollback extends Error {}

/**
 * Runs an import in one transaction under the company's import lock (ADR 13): `run`
 * plans and writes, then its changes are kept unless it is a dry run or it refused a
 * line without `partial`, and a kept import is recorded (`import.completed`, with
 * `summary` of what it did). Retried as a whole if the database breaks a deadlock
 * (`inTransaction`): `run` starts afresh, and so do its figures.
 */
export async function runImport<Result extends { errors: readonly Issue[] }>(
  deps: Deps,
  ctx: Ctx,
  mode: { dryRun: boolean; partial: boolean },
  run: (tx: Queryable) => Promise<Result>,
  summary: (result: Result) => Record<string, unknown>,
): Promise<{ result: Result; committed: boolean }> {
  let outcome: { result: Result; committed: boolean } | undefined;
  try {
    await inTransaction(deps.db, async (tx) => {
      await beginCompanyImport(tx, ctx.companyId);
      const result = await run(tx);
      outcome = { result, committed: false };
      if (mode.dryRun || (result.errors.length > 0 && !mode.partial)) {
        throw new Rollback();
      }
      await recordEvents(tx, ctx, [
        {
          action: 'import.completed',
          entityType: 'company',
          entityId: ctx.companyId,
          customerId: null,
          data: summary(result),
        },
      ]);
    });
    if (outcome !== undefined) {
      outcome.committed = true;
    }
  } catch (error) {
    if (!(error instanceof Rollback)) {
      throw error;
    }
  }
  if (outcome === undefined) {
    throw new Error('The import transaction ended without running');
  }
  return outcome;
}

/**
 * Imports a customers, invoices or payments file in one transaction. Every
 * rejected line is reported with its field and reason; unless `partial`, one
 * rejected line means nothing is saved. Rows are keyed (customer code, invoice
 * number, payment reference), so the same file imported twice changes nothing.
 *
 * The file is planned and written a batch at a time inside that transaction, so
 * memory does not grow with the file and each batch is planned over what the
 * earlier ones wrote (ADR 15). A dry run or a refused import writes its batches
 * too and rolls them back: its counts are exactly what an import would do.
 */
export async function importFile(
  deps: Deps,
  ctx: Ctx,
  options: ImportOptions,
): Promise<ImportReport> {
  requirePermission(ctx, 'imports:run');
  const company = await getCompany(deps, ctx.companyId);
  const parseOptions: ParseImportFileOptions = {
    encoding: options.encoding,
    mapping: options.mapping,
    defaultCurrency: parseCurrencyCode(company.currency),
  };
  const report: ImportReport = {
    kind: options.kind,
    file: options.fileName,
    format: null,
    dryRun: options.dryRun,
    partial: options.partial,
    committed: false,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    errors: [],
    notices: [],
  };
  const opened = await openForImport(deps, ctx, options, parseOptions);
  if (!opened.ok) {
    return { ...report, errors: opened.errors, notices: opened.notices };
  }
  report.format = opened.format;

  const { result, committed } = await runImport(
    deps,
    ctx,
    options,
    async (tx) => {
      const counts = { created: 0, updated: 0, unchanged: 0 };
      const errors: Issue[] = [];
      const notices = [...opened.notices];
      for await (const batch of opened.planBatches(tx)) {
        for (const outcome of batch.outcomes) {
          counts[outcome] += 1;
        }
        errors.push(...batch.errors);
        notices.push(...batch.notices);
      }
      const rejected = new Set(errors.map((issue) => issue.line)).size;
      const rows = counts.created + counts.updated + counts.unchanged + rejected;
      return { ...counts, rows, rejected, errors: sortIssues(errors), notices };
    },
    (counts) => ({
      kind: report.kind,
      file: report.file,
      created: counts.created,
      updated: counts.updated,
      unchanged: counts.unchanged,
      rejected: counts.rejected,
    }),
  );
  return { ...report, ...result, committed };
}

/** What one batch did: an outcome per row kept, the issues of its refused lines. */
type BatchResult = { outcomes: Outcome[]; errors: Issue[]; notices: Issue[] };

/** A file opened for import, its batches bound to the planner of its kind; or refused whole. */
type OpenedForImport =
  | { ok: false; errors: Issue[]; notices: Issue[] }
  | {
      ok: true;
      format: TableFormat;
      notices: Issue[];
      planBatches: (tx: Queryable) => AsyncGenerator<BatchResult>;
    };

async function openForImport(
  deps: Deps,
  ctx: Ctx,
  options: ImportOptions,
  parseOptions: ParseImportFileOptions,
): Promise<OpenedForImport> {
  const { bytes, fileName } = options;
  switch (options.kind) {
    case 'customers': {
      const file = await openImportFile('customers', bytes, fileName, parseOptions);
      return file.ok
        ? withPlanner(file, (tx, rows) => planCustomers(deps, tx, ctx, rows, file.columns))
        : file;
    }
    case 'invoices': {
      const file = await openImportFile('invoices', bytes, fileName, parseOptions);
      return file.ok ? withPlanner(file, (tx, rows) => planInvoices(deps, tx, ctx, rows)) : file;
    }
    case 'payments': {
      const file = await openImportFile('payments', bytes, fileName, parseOptions);
      return file.ok ? withPlanner(file, (tx, rows) => planPayments(deps, tx, ctx, rows)) : file;
    }
  }
}

function withPlanner<Row, Column extends string>(
  file: Extract<OpenedImportFile<Row, Column>, { ok: true }>,
  plan: (tx: Queryable, rows: Row[]) => Promise<UpsertPlan>,
): OpenedForImport {
  return {
    ok: true,
    format: file.format,
    notices: file.notices,
    planBatches: (tx) => planEach(file.batches(), (rows) => plan(tx, rows)),
  };
}

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

export type FecImportOptions = {
  bytes: Uint8Array;
  fileName: string;
  dryRun: boolean;
  /** Import the good entries even when some lines are refused (default: all or nothing). */
  partial: boolean;
  /** The file writes its amounts with a decimal point (not the FEC's comma). */
  decimalPoint?: boolean | undefined;
  /** Prefixes of the receivable accounts: `411` by default. */
  receivableAccounts?: readonly string[] | undefined;
  /** Codes of the sales journals, whose receivable credits are credit notes. */
  salesJournals?: readonly string[] | undefined;
  /** Net days of the customers the import creates: 30 by default. */
  defaultTermsDays?: number | undefined;
  /** Told as the items are written, slice by slice. */
  onProgress?: ((progress: FecProgress) => void) | undefined;
};

export type FecImportReport = FecOutcomes & {
  kind: 'fec';
  file: string;
  format: FecFormat | null;
  dryRun: boolean;
  partial: boolean;
  /** Whether the changes were saved. */
  committed: boolean;
  /** Lines read, the header and blank lines aside. */
  lines: number;
  /** Lines refused: for their own problems, their entry's, or their item's. */
  rejected: number;
  errors: Issue[];
  notices: Issue[];
};

/**
 * Imports a FEC's receivables in one transaction (`applyFec`): customers, invoices,
 * credit notes, payments and the allocations of its lettering. Unless `partial`, one
 * refused line means nothing is saved; with it, the entries without a refused line are.
 * The same file imported again changes nothing; a later one adds and updates what
 * changed, and names what an earlier one gave that it lacks.
 */
export async function importFec(
  deps: Deps,
  ctx: Ctx,
  options: FecImportOptions,
): Promise<FecImportReport> {
  requirePermission(ctx, 'imports:run');
  const company = await getCompany(deps, ctx.companyId);
  const report: FecImportReport = {
    kind: 'fec',
    file: options.fileName,
    format: null,
    dryRun: options.dryRun,
    partial: options.partial,
    committed: false,
    lines: 0,
    rejected: 0,
    ...noFecOutcomes(),
    errors: [],
    notices: [],
  };
  const prepared = prepareFec(options.bytes, options.fileName, {
    currency: currencyCode(company.currency),
    decimalPoint: options.decimalPoint,
    receivableAccounts: options.receivableAccounts,
    salesJournals: options.salesJournals,
    defaultTermsDays: options.defaultTermsDays,
  });
  if (!prepared.ok) {
    return { ...report, errors: prepared.errors };
  }
  const { result, committed } = await runImport(
    deps,
    ctx,
    options,
    async (tx) => {
      const applied = await applyFec(deps, tx, ctx, prepared, options.onProgress);
      const errors = [...prepared.errors, ...applied.errors];
      // Lines left out before the plan, and the planned lines refused since.
      const refusedPlanned = new Set(
        [...prepared.plan.issues, ...applied.errors].flatMap((issue) =>
          issue.line === undefined ? [] : [issue.line],
        ),
      );
      return {
        ...applied,
        rejected: prepared.leftOut + refusedPlanned.size,
        errors: sortIssues(errors),
      };
    },
    (applied) => ({
      kind: 'fec',
      file: options.fileName,
      lines: prepared.lineCount,
      rejected: applied.rejected,
      customers: applied.customers,
      invoices: applied.invoices,
      creditNotes: applied.creditNotes,
      payments: applied.payments,
      allocations: applied.allocations,
    }),
  );
  return {
    ...report,
    ...result,
    format: prepared.format,
    lines: prepared.lineCount,
    committed,
  };
}
