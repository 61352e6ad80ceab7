/**
 * The invoice list as filtered and sorted, every matching row, written to a CSV or
 * XLSX file through the product's writers (src/exports/): amounts as decimals in the
 * currency's minor digits, dates as dates. Rows are read in keyset batches and
 * written as they come, so memory stays flat at 200,000 invoices.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../auth/service.ts';
import { openCsvWriter } from '../exports/csv-writer.ts';
import type { ExportColumn, ExportRow, TableWriter } from '../exports/table-writer.ts';
import { openXlsxWriter } from '../exports/xlsx-writer.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { daysLate } from './model.ts';
import { minorDigits, parseCurrencyCode, toDecimalString, type Cents } from '../shared/money.ts';
import type { TExportInvoicesQuery } from './schemas.ts';
import { companyToday, toInvoiceListFilter } from './service.ts';
import { listInvoiceRows, type InvoiceListRow } from './store.ts';

const BATCH_ROWS = 2_000;

const COLUMNS: readonly ExportColumn[] = [
  { name: 'number', type: 'text' },
  { name: 'kind', type: 'text' },
  { name: 'customer_code', type: 'text' },
  { name: 'customer_name', type: 'text' },
  { name: 'issue_date', type: 'date' },
  { name: 'due_date', type: 'date' },
  { name: 'amount', type: 'decimal' },
  { name: 'open_amount', type: 'decimal' },
  { name: 'currency', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'days_late', type: 'decimal' },
];

export type InvoiceExport = {
  path: string;
  /** What the file is called when downloaded: `factures-2026-03-15.csv`. */
  fileName: string;
  contentType: string;
  rows: number;
  /** Deletes the file and its folder, once sent. */
  remove: () => Promise<void>;
};

function decimal(amount: Cents, currency: string): string {
  const code = parseCurrencyCode(currency);
  return toDecimalString(amount, code === undefined ? 2 : minorDigits(code));
}

/**
 * One row as the canonical invoices file writes it (docs/import.md): the amounts are
 * positive and `kind` says which way they go, so the file can be read back.
 */
function exportRow(row: InvoiceListRow, today: CalendarDate): ExportRow {
  return [
    row.number,
    row.kind,
    row.customerCode,
    row.customerName,
    row.issueDate,
    row.dueDate,
    decimal(row.amountCents, row.currency),
    decimal(row.openCents, row.currency),
    row.currency,
    row.status,
    String(daysLate(row, today)),
  ];
}

/** Writes the export to a file of its own in the temporary folder; the caller sends and removes it. */
export async function exportInvoices(
  deps: Deps,
  ctx: Ctx,
  query: TExportInvoicesQuery,
): Promise<InvoiceExport> {
  requirePermission(ctx, 'ledger:read');
  const today = await companyToday(deps, ctx);
  const { format, ...filters } = query;
  const filter = toInvoiceListFilter(filters, today);
  const dir = await mkdtemp(join(tmpdir(), 'encaisse-export-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const fileName = `factures-${today}.${format}`;
  const path = join(dir, fileName);
  let writer: TableWriter | undefined;
  try {
    writer =
      format === 'csv'
        ? await openCsvWriter(path, COLUMNS)
        : await openXlsxWriter(path, COLUMNS, { sheetName: 'Factures' });
    let rows = 0;
    let after: InvoiceListRow | undefined;
    for (;;) {
      const batch = await listInvoiceRows(deps.db, ctx.companyId, {
        ...filter,
        limit: BATCH_ROWS,
        offset: 0,
        after,
      });
      await writer.writeRows(batch.map((row) => exportRow(row, today)));
      rows += batch.length;
      after = batch.at(-1);
      if (batch.length < BATCH_ROWS) {
        break;
      }
    }
    await writer.close();
    return {
      path,
      fileName,
      contentType:
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      rows,
      remove,
    };
  } catch (error) {
    await writer?.discard();
    await remove();
    throw error;
  }
}
