/**
 * The invoice list as filtered and sorted, every matching row, written to a CSV or
 * XLSX file (src/exports/list-export.ts): amounts as decimals in the currency's minor
 * digits, dates as dates.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import {
  EXPORT_BATCH_ROWS,
  writeListExport,
  type ExportField,
  type ListExport,
} from '../exports/list-export.ts';
import { moneyCell } from '../exports/table-writer.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { daysLate } from './balances.ts';
import type { TExportInvoicesQuery } from './schemas.ts';
import { companyToday, toInvoiceListFilter } from './service.ts';
import { listInvoiceRows, type InvoiceListRow } from './store.ts';

/**
 * The columns of the canonical invoices file (docs/import.md): the amounts are positive
 * and `kind` says which way they go, so the file can be read back.
 */
function fields(today: CalendarDate): ExportField<InvoiceListRow>[] {
  return [
    { name: 'number', type: 'text', cell: (row) => row.number },
    { name: 'kind', type: 'text', cell: (row) => row.kind },
    { name: 'customer_code', type: 'text', cell: (row) => row.customerCode },
    { name: 'customer_name', type: 'text', cell: (row) => row.customerName },
    { name: 'issue_date', type: 'date', cell: (row) => row.issueDate },
    { name: 'due_date', type: 'date', cell: (row) => row.dueDate },
    { name: 'amount', type: 'decimal', cell: (row) => moneyCell(row.amountCents, row.currency) },
    {
      name: 'open_amount',
      type: 'decimal',
      cell: (row) => moneyCell(row.openCents, row.currency),
    },
    { name: 'currency', type: 'text', cell: (row) => row.currency },
    { name: 'status', type: 'text', cell: (row) => row.status },
    { name: 'days_late', type: 'decimal', cell: (row) => String(daysLate(row, today)) },
  ];
}

/** Writes the export to a file of its own in the temporary folder; the caller sends and removes it. */
export async function exportInvoices(
  deps: Deps,
  ctx: Ctx,
  query: TExportInvoicesQuery,
): Promise<ListExport> {
  requirePermission(ctx, 'ledger:read');
  const today = await companyToday(deps, ctx);
  const { format, ...filters } = query;
  const filter = toInvoiceListFilter(filters, today);
  return writeListExport(deps.db, {
    format,
    baseName: `factures-${today}`,
    sheetName: 'Factures',
    fields: fields(today),
    // Keyset batches: each reads from the last row of the one before, never an OFFSET.
    async *batches(tx) {
      let after: InvoiceListRow | undefined;
      for (;;) {
        const batch = await listInvoiceRows(tx, ctx.companyId, {
          ...filter,
          limit: EXPORT_BATCH_ROWS,
          offset: 0,
          after,
        });
        yield batch;
        after = batch.at(-1);
        if (batch.length < EXPORT_BATCH_ROWS) {
          return;
        }
      }
    },
  });
}
