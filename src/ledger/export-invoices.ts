/**
 * The invoice list as filtered and sorted, every matching row, written to a CSV or
 * XLSX file (src/exports/list-export.ts): amounts as decimals in the currency's minor
 * digits, dates as dates.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { writeListExport, type ExportField, type ListExport } from '../exports/list-export.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { daysLate } from './balances.ts';
import { resolveCustomerCode, type WithCustomerLabel } from './customer-labels.ts';
import { CUSTOMER_FIELDS, labelledBatches, moneyField } from './export-rows.ts';
import { toInvoiceListFilter } from './invoice-lists.ts';
import type { Invoice } from './model.ts';
import type { TExportInvoicesQuery } from './schemas.ts';
import { companyToday } from './service.ts';
import { listInvoiceRows } from './store.ts';

/**
 * The columns of the canonical invoices file (docs/import.md): the amounts are positive
 * and `kind` says which way they go, so the file can be read back.
 */
function fields(today: CalendarDate): ExportField<WithCustomerLabel<Invoice>>[] {
  return [
    { name: 'number', type: 'text', cell: (row) => row.number },
    { name: 'kind', type: 'text', cell: (row) => row.kind },
    ...CUSTOMER_FIELDS,
    { name: 'issue_date', type: 'date', cell: (row) => row.issueDate },
    { name: 'due_date', type: 'date', cell: (row) => row.dueDate },
    moneyField('amount', (row) => row.amountCents),
    moneyField('open_amount', (row) => row.openCents),
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
  const listFilter = toInvoiceListFilter(filters, today);
  return writeListExport(deps.db, {
    format,
    baseName: `factures-${today}`,
    sheetName: 'Factures',
    fields: fields(today),
    // The customer code is resolved in the export's snapshot too.
    async *batches(tx) {
      const filter = await resolveCustomerCode(deps, tx, ctx, listFilter);
      if (filter === undefined) {
        return;
      }
      yield* labelledBatches(deps, tx, ctx, (page) =>
        listInvoiceRows(tx, ctx.companyId, { ...filter, ...page, offset: 0 }),
      );
    },
  });
}
