/**
 * The payment list as filtered, every matching row in the list's order (newest first),
 * written to a CSV or XLSX file (src/exports/list-export.ts): amounts as decimals in the
 * currency's minor digits, dates as dates.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { writeListExport, type ExportField, type ListExport } from '../exports/list-export.ts';
import type { WithCustomerLabel } from './customer-labels.ts';
import { CUSTOMER_FIELDS, labelledBatches, moneyField } from './export-rows.ts';
import type { Payment } from './model.ts';
import type { TExportPaymentsQuery } from './schemas.ts';
import { toPaymentListFilter } from './payment-lists.ts';
import { companyToday } from './service.ts';
import { listPaymentRows } from './store.ts';

/**
 * The columns of the canonical payments file (docs/import.md), so the file can be read
 * back, with the customer's name and the cash still unapplied beside them (an import
 * ignores the columns it does not know).
 */
const FIELDS: readonly ExportField<WithCustomerLabel<Payment>>[] = [
  { name: 'reference', type: 'text', cell: (row) => row.reference },
  ...CUSTOMER_FIELDS,
  { name: 'date', type: 'date', cell: (row) => row.receivedOn },
  moneyField('amount', (row) => row.amountCents),
  moneyField('unapplied_amount', (row) => row.unappliedCents),
  { name: 'currency', type: 'text', cell: (row) => row.currency },
  { name: 'method', type: 'text', cell: (row) => row.method },
];

/** Writes the export to a file of its own in the temporary folder; the caller sends and removes it. */
export async function exportPayments(
  deps: Deps,
  ctx: Ctx,
  query: TExportPaymentsQuery,
): Promise<ListExport> {
  requirePermission(ctx, 'ledger:read');
  const today = await companyToday(deps, ctx);
  const { format, ...filters } = query;
  const filter = toPaymentListFilter(filters);
  return writeListExport(deps.db, {
    format,
    baseName: `paiements-${today}`,
    sheetName: 'Paiements',
    fields: FIELDS,
    batches: (tx) =>
      labelledBatches(deps, tx, ctx, (page) =>
        listPaymentRows(tx, ctx.companyId, { ...filter, ...page, offset: 0 }),
      ),
  });
}
