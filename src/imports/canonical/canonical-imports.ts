/**
 * The customers, invoices, payments and orders files as importers (../importer.ts): the
 * parse opens the table and maps its header (`openImportFile`), the apply plans and writes
 * it a batch at a time in the import's transaction, so memory does not grow with the file
 * and each batch is planned over what the earlier ones wrote (ADR 15). A dry run or a
 * refused import writes its batches too and rolls them back: its counts are exactly what an
 * import would do.
 */
import type { Ctx } from '../../app/context.ts';
import type { Deps } from '../../app/deps.ts';
import type { Permission } from '../../app/permissions.ts';
import type { CreditCompany } from '../../credit/entity-state.ts';
import type { Queryable } from '../../db/client.ts';
import type { Outcome, UpsertPlan } from '../../ledger/upsert-items.ts';
import type { Issue } from '../../shared/errors.ts';
import { parseCurrencyCode } from '../../shared/money.ts';
import type { TextEncodingName } from '../decode-text.ts';
import type { Importer } from '../importer.ts';
import type { CanonicalKind, ColumnMapping, ImportKind } from '../table/column-mapping.ts';
import type { TableFormat } from '../table/read-table.ts';
import { sortIssues } from '../table/row-fields.ts';
import {
  openImportFile,
  type ImportBatch,
  type OpenedImportFile,
  type ParseImportFileOptions,
} from './parse-import-file.ts';
import {
  applyOrders,
  planCustomers,
  planInvoices,
  planPayments,
  type AppliedBatch,
  type OrderFigures,
} from './plan-rows.ts';

export type { OrderFigures } from './plan-rows.ts';

export type ImportOptions = {
  kind: CanonicalKind;
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
  kind: CanonicalKind;
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
  /** An orders file only: what the credit check made of the orders it created. */
  orders?: OrderFigures;
  errors: Issue[];
  notices: Issue[];
};

/** What one batch did: an outcome per row kept, the issues of its refused lines. */
type BatchResult = {
  outcomes: Outcome[];
  errors: Issue[];
  notices: Issue[];
  orders?: OrderFigures | undefined;
};

/** A file opened, its batches bound to the planner of its kind. */
type OpenedTable = {
  format: TableFormat;
  notices: Issue[];
  planBatches: (deps: Deps, tx: Queryable, ctx: Ctx) => AsyncGenerator<BatchResult>;
};

/** What a file's batches did, in all. */
type TableCounts = Pick<
  ImportReport,
  'rows' | 'created' | 'updated' | 'unchanged' | 'rejected' | 'orders' | 'errors' | 'notices'
>;

/** The importer of one canonical file: the same for the four kinds but for the planner. */
export type CanonicalImporter = Importer<ImportOptions, OpenedTable, TableCounts, ImportReport>;

/** Plans and writes one batch of rows in the import's transaction. */
type ApplyBatch<Row, Column extends string> = (
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  rows: Row[],
  columns: Column[],
) => Promise<AppliedBatch>;

function canonicalImporter<Row, Column extends string>(
  kind: CanonicalKind,
  open: (
    bytes: Uint8Array,
    fileName: string,
    options: ParseImportFileOptions,
  ) => Promise<OpenedImportFile<Row, Column>>,
  apply: ApplyBatch<Row, Column>,
  permissions: readonly Permission[] = [],
): CanonicalImporter {
  return {
    kind,
    permissions: () => permissions,
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
            planEach(file.batches(), (rows) => apply(deps, tx, ctx, rows, file.columns)),
        },
      };
    },
    async apply(deps, tx, ctx, file) {
      const counts = { created: 0, updated: 0, unchanged: 0 };
      const errors: Issue[] = [];
      const notices = [...file.notices];
      let orders: OrderFigures | undefined;
      for await (const batch of file.planBatches(deps, tx, ctx)) {
        for (const outcome of batch.outcomes) {
          counts[outcome] += 1;
        }
        errors.push(...batch.errors);
        notices.push(...batch.notices);
        if (batch.orders !== undefined) {
          orders = {
            validated: (orders?.validated ?? 0) + batch.orders.validated,
            held: (orders?.held ?? 0) + batch.orders.held,
          };
        }
      }
      const rejected = new Set(errors.map((issue) => issue.line)).size;
      const rows = counts.created + counts.updated + counts.unchanged + rejected;
      return {
        rows,
        ...counts,
        rejected,
        ...(orders === undefined ? {} : { orders }),
        errors: sortIssues(errors),
        notices,
      };
    },
    summary: ({ rows: _rows, errors: _errors, notices: _notices, ...counts }) => counts,
    report(run, options) {
      // In the order of `ImportReport`: the counts come after what the file was.
      const counts: TableCounts = run.ok
        ? run.result
        : {
            ...NOTHING_COUNTED,
            ...(kind === 'orders' ? { orders: { validated: 0, held: 0 } } : {}),
            errors: run.errors,
            notices: run.notices,
          };
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
  apply: (rows: Row[]) => Promise<AppliedBatch>,
): AsyncGenerator<BatchResult> {
  for (const batch of batches) {
    const applied = await apply(batch.rows);
    yield {
      outcomes: applied.outcomes,
      errors: [...batch.errors, ...applied.issues],
      notices: batch.notices,
      orders: applied.orders,
    };
  }
}

/** A planner of the ledger's kinds as a batch's apply: its plan, then its write. */
function planThenWrite<Row, Column extends string>(
  plan: (
    deps: Deps,
    tx: Queryable,
    ctx: Ctx,
    rows: Row[],
    columns: Column[],
  ) => Promise<UpsertPlan>,
): ApplyBatch<Row, Column> {
  return async (deps, tx, ctx, rows, columns) => {
    const planned = await plan(deps, tx, ctx, rows, columns);
    await planned.write();
    return planned;
  };
}

/** The importer of each canonical file of the ledger, by what it holds. */
export const CANONICAL_IMPORTERS: Readonly<Record<ImportKind, CanonicalImporter>> = {
  customers: canonicalImporter(
    'customers',
    (bytes, fileName, options) => openImportFile('customers', bytes, fileName, options),
    planThenWrite(planCustomers),
  ),
  invoices: canonicalImporter(
    'invoices',
    (bytes, fileName, options) => openImportFile('invoices', bytes, fileName, options),
    planThenWrite(planInvoices),
  ),
  payments: canonicalImporter(
    'payments',
    (bytes, fileName, options) => openImportFile('payments', bytes, fileName, options),
    planThenWrite(planPayments),
  ),
};

/**
 * The importer of an orders file in `company`, read before the import's transaction opens
 * (ADR 8), with who hears of the alerts its orders raise. Receiving an order takes the API's
 * `orders:write` (POST /api/orders), whatever the door.
 */
export function orderImporter(company: CreditCompany): CanonicalImporter {
  return canonicalImporter(
    'orders',
    (bytes, fileName, options) => openImportFile('orders', bytes, fileName, options),
    (deps, tx, ctx, rows, columns) => applyOrders(deps, tx, ctx, company, rows, columns),
    ['orders:write'],
  );
}
