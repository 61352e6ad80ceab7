import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import type { Queryable } from '../db/client.ts';
import { creditCompanyForOrders } from '../credit/receive-orders.ts';
import {
  CANONICAL_IMPORTERS,
  orderImporter,
  type ImportOptions,
  type ImportReport,
} from './canonical/canonical-imports.ts';
import { fecImporter, type FecImportOptions, type FecImportReport } from './fec/fec-import.ts';
import { runImporter } from './importer.ts';
import { beginCompanyImport } from './store.ts';

export type { ImportOptions, ImportReport } from './canonical/canonical-imports.ts';
export type { FecImportOptions, FecImportReport } from './fec/fec-import.ts';

/**
 * Takes the company's import lock in `tx` (ADR 13), for work that must not interleave
 * with an import: the bank matcher reads the open items an import may be changing.
 */
export async function lockCompanyImports(tx: Queryable, ctx: Ctx): Promise<void> {
  await beginCompanyImport(tx, ctx.companyId);
}

/**
 * Imports a customers, invoices, payments or orders file in one transaction. Every
 * rejected line is reported with its field and reason; unless `partial`, one
 * rejected line means nothing is saved. Rows are keyed (customer code, invoice
 * number, payment reference, order number), so the same file imported twice
 * changes nothing. Each new order is checked on credit as `receiveOrder` does.
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
  if (options.kind === 'orders') {
    return runImporter(deps, ctx, orderImporter(await creditCompanyForOrders(deps, ctx)), options);
  }
  return runImporter(deps, ctx, CANONICAL_IMPORTERS[options.kind], options);
}

/**
 * Imports a FEC's receivables in one transaction (`applyFec`): customers, invoices,
 * credit notes, payments and the allocations of its lettering. Unless `partial`, one
 * refused line means nothing is saved; with it, the entries without a refused line are.
 * The same file imported again changes nothing; a later one adds and updates what
 * changed, and names what an earlier one gave that it lacks.
 */
export function importFec(
  deps: Deps,
  ctx: Ctx,
  options: FecImportOptions,
): Promise<FecImportReport> {
  return runImporter(deps, ctx, fecImporter, options);
}
