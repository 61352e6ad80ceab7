/**
 * What the invoice and payment exports share: the customer's columns, the amount
 * columns, and the rows read in keyset batches, each named by its customers.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import type { Tx } from '../db/client.ts';
import { EXPORT_BATCH_ROWS, type ExportField } from '../exports/list-export.ts';
import { moneyCell } from '../exports/table-writer.ts';
import type { Cents } from '../shared/money.ts';
import { labelCustomers, type WithCustomerLabel } from './customer-labels.ts';

/** The customer's code, so the file can be read back, and its name beside it. */
export const CUSTOMER_FIELDS: readonly ExportField<WithCustomerLabel<object>>[] = [
  { name: 'customer_code', type: 'text', cell: (row) => row.customerCode },
  { name: 'customer_name', type: 'text', cell: (row) => row.customerName },
];

/** An amount as a decimal in the currency's minor digits. */
export function moneyField<Row extends { currency: string }>(
  name: string,
  amountOf: (row: Row) => Cents,
): ExportField<Row> {
  return { name, type: 'decimal', cell: (row) => moneyCell(amountOf(row), row.currency) };
}

/**
 * Every row `readPage` gives, in keyset batches: each reads from the last row of the one
 * before (`after`), never an OFFSET. The customers' codes and names are read in the
 * export's snapshot too, one statement per batch (ADR 19).
 */
export async function* labelledBatches<Row extends { customerId: string }>(
  deps: Deps,
  tx: Tx,
  ctx: Ctx,
  readPage: (page: { limit: number; after: Row | undefined }) => Promise<Row[]>,
): AsyncGenerator<WithCustomerLabel<Row>[]> {
  let after: Row | undefined;
  for (;;) {
    const batch = await readPage({ limit: EXPORT_BATCH_ROWS, after });
    yield await labelCustomers(deps, tx, ctx, batch);
    after = batch.at(-1);
    if (batch.length < EXPORT_BATCH_ROWS) {
      return;
    }
  }
}
