/**
 * The customer list as filtered and sorted, every matching customer with its encours
 * and overdue figures, written to a CSV or XLSX file (src/exports/list-export.ts).
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { getCompany } from '../companies/service.ts';
import {
  EXPORT_BATCH_ROWS,
  writeListExport,
  type ExportField,
  type ListExport,
} from '../exports/list-export.ts';
import { moneyCell } from '../exports/table-writer.ts';
import type { TExportCustomersQuery } from './schemas.ts';
import { nameCollectors, toCustomerListFilter, type NamedCustomerRow } from './service.ts';
import { listCustomerRows } from './store.ts';

/** The list's columns, with the codes the API and the imports use for status and risk. */
function fields(currency: string): ExportField<NamedCustomerRow>[] {
  return [
    { name: 'code', type: 'text', cell: (row) => row.code },
    { name: 'legal_name', type: 'text', cell: (row) => row.legalName },
    { name: 'status', type: 'text', cell: (row) => row.status },
    { name: 'city', type: 'text', cell: (row) => row.city ?? '' },
    { name: 'risk_category', type: 'text', cell: (row) => row.riskCategory },
    { name: 'collector', type: 'text', cell: (row) => row.collector?.displayName ?? '' },
    { name: 'open_amount', type: 'decimal', cell: (row) => moneyCell(row.openCents, currency) },
    {
      name: 'overdue_amount',
      type: 'decimal',
      cell: (row) => moneyCell(row.overdueCents, currency),
    },
    { name: 'currency', type: 'text', cell: () => currency },
    {
      name: 'oldest_overdue_days',
      type: 'decimal',
      cell: (row) => (row.oldestOverdueDays === null ? '' : String(row.oldestOverdueDays)),
    },
  ];
}

/** Writes the export to a file of its own in the temporary folder; the caller sends and removes it. */
export async function exportCustomers(
  deps: Deps,
  ctx: Ctx,
  query: TExportCustomersQuery,
): Promise<ListExport> {
  requirePermission(ctx, 'customers:read');
  const company = await getCompany(deps, ctx.companyId);
  const today = deps.clock.today(company.timeZone);
  const list = {
    ...toCustomerListFilter(query),
    sort: query.sort,
    order: query.order,
    today,
    currency: company.currency,
  };
  return writeListExport(deps.db, {
    format: query.format,
    baseName: `clients-${today}`,
    sheetName: 'Clients',
    fields: fields(company.currency),
    // Pages of the list's own order. A company has thousands of customers, not hundreds
    // of thousands: reading each page from the start (OFFSET) stays cheap.
    async *batches(tx) {
      for (let offset = 0; ; offset += EXPORT_BATCH_ROWS) {
        const rows = await listCustomerRows(tx, ctx.companyId, {
          ...list,
          limit: EXPORT_BATCH_ROWS,
          offset,
        });
        yield await nameCollectors(deps, ctx, rows, tx);
        if (rows.length < EXPORT_BATCH_ROWS) {
          return;
        }
      }
    },
  });
}
