/**
 * Imports larger than one statement could carry the old way (25,000 invoices of 11
 * columns are 275,000 values, past the protocol's 65,535 parameters), on both
 * databases, in a number of statements that grows with the batches of the file, not
 * with its lines; and files of several batches that stay atomic.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { TABLE_BATCH_RECORDS } from '../../src/imports/table/read-table.ts';
import { importFile, type ImportOptions, type ImportReport } from '../../src/imports/service.ts';
import { listPayments } from '../../src/ledger/payment-lists.ts';
import { openTestRuntime } from '../db.ts';
import { makeCompany } from '../factories.ts';
import { findLedgerInconsistencies } from '../ledger-invariants.ts';
import { countStatements } from '../statement-counter.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const ROWS = 25_000;
const CUSTOMERS = 500;
const csv = (lines: readonly string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);
const customerCode = (i: number) => `C${String(i % CUSTOMERS).padStart(4, '0')}`;

/** Imports `bytes` and counts the statements the import sent. */
async function importCounting(
  ctx: Ctx,
  kind: ImportOptions['kind'],
  bytes: Uint8Array,
): Promise<{ report: ImportReport; statements: number }> {
  const counted = countStatements(deps.db);
  const report = await importFile({ ...deps, db: counted.db }, ctx, {
    kind,
    bytes,
    fileName: `${kind}.csv`,
    dryRun: false,
    partial: false,
  });
  expect(report.errors).toEqual([]);
  return { report, statements: counted.sent.length };
}

const invoices = (amount: (i: number) => string) =>
  csv([
    'number,customer_code,issue_date,due_date,amount,currency,kind',
    ...Array.from(
      { length: ROWS },
      (_, i) => `FA-${i},${customerCode(i)},2026-01-05,2026-02-04,${amount(i)},EUR,invoice`,
    ),
  ]);

async function companyWithCustomers(): Promise<Ctx> {
  const { ctx } = await makeCompany(deps);
  await importCounting(
    ctx,
    'customers',
    csv([
      'code,name',
      ...Array.from({ length: CUSTOMERS }, (_, i) => `${customerCode(i)},Client ${i}`),
    ]),
  );
  return ctx;
}

/**
 * Statements of an import: at most 16 per batch of TABLE_BATCH_RECORDS lines (the
 * lookups, then the writes in statements of 10,000 rows), so their count grows
 * with the batches, never their size with the file.
 */
const AT_MOST_STATEMENTS = 4 + 16 * Math.ceil(ROWS / TABLE_BATCH_RECORDS);

describe('imports at size', () => {
  it(
    'imports 25,000 invoices, re-imports them as unchanged, then updates them all',
    { timeout: 300_000 },
    async () => {
      const ctx = await companyWithCustomers();

      const first = await importCounting(
        ctx,
        'invoices',
        invoices((i) => `${100 + (i % 7)}.00`),
      );
      expect(first.report).toMatchObject({
        created: ROWS,
        updated: 0,
        unchanged: 0,
        committed: true,
      });
      expect(first.statements).toBeLessThanOrEqual(AT_MOST_STATEMENTS);

      const again = await importCounting(
        ctx,
        'invoices',
        invoices((i) => `${100 + (i % 7)}.00`),
      );
      expect(again.report).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: ROWS,
        committed: true,
      });

      const changed = await importCounting(
        ctx,
        'invoices',
        invoices((i) => `${101 + (i % 7)}.00`),
      );
      expect(changed.report).toMatchObject({ created: 0, updated: ROWS, unchanged: 0 });
      expect(changed.statements).toBeLessThanOrEqual(AT_MOST_STATEMENTS);
      expect(await findLedgerInconsistencies(handle.db, ctx.companyId)).toEqual([]);
    },
  );

  it(
    'imports 25,000 payments naming their invoices, allocates them, and re-imports them as unchanged',
    { timeout: 300_000 },
    async () => {
      const ctx = await companyWithCustomers();
      await importCounting(
        ctx,
        'invoices',
        invoices(() => '100.00'),
      );
      // Every other payment settles its invoice; the others pay 40.00 and 60.00 more than due.
      const payments = csv([
        'reference,customer_code,date,amount,invoice_number',
        ...Array.from(
          { length: ROWS },
          (_, i) =>
            `VIR-${i},${customerCode(i)},2026-02-01,${i % 2 === 0 ? '100.00' : '160.00'},FA-${i}`,
        ),
      ]);

      const first = await importCounting(ctx, 'payments', payments);
      expect(first.report).toMatchObject({
        created: ROWS,
        updated: 0,
        unchanged: 0,
        committed: true,
      });
      expect(first.statements).toBeLessThanOrEqual(AT_MOST_STATEMENTS);

      const again = await importCounting(ctx, 'payments', payments);
      expect(again.report).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: ROWS,
        committed: true,
      });

      const withCash = await listPayments(deps, ctx, {
        page: 1,
        pageSize: 100,
        hasUnapplied: 'true',
      });
      expect(withCash.total).toBe(ROWS / 2);
      expect(new Set(withCash.items.map((payment) => payment.unappliedAmount))).toEqual(
        new Set([6_000]),
      );
      expect(await findLedgerInconsistencies(handle.db, ctx.companyId)).toEqual([]);
    },
  );

  it(
    'saves nothing of a file of several batches when a line of its last batch is refused',
    { timeout: 300_000 },
    async () => {
      const ctx = await companyWithCustomers();
      const lines = Array.from(
        { length: 2 * TABLE_BATCH_RECORDS + 10 },
        (_, i) => `FB-${i},${customerCode(i)},2026-01-05,2026-02-04,100.00,EUR,invoice`,
      );
      const badLine = lines.length; // the file's line of the last row, after the header
      lines[lines.length - 1] =
        `FB-LAST,${customerCode(1)},2026-01-05,2026-02-04,cent euros,EUR,invoice`;
      // The first number again, two batches later.
      lines[lines.length - 2] = `FB-0,${customerCode(0)},2026-01-05,2026-02-04,100.00,EUR,invoice`;
      const bytes = csv([
        'number,customer_code,issue_date,due_date,amount,currency,kind',
        ...lines,
      ]);
      const options = { kind: 'invoices', bytes, fileName: 'big.csv' } as const;
      const eventsBefore = await countRows('event', ctx);

      const refused = await importFile(deps, ctx, { ...options, dryRun: false, partial: false });
      expect(refused).toMatchObject({
        committed: false,
        created: lines.length - 2,
        rejected: 2,
        rows: lines.length,
      });
      expect(refused.errors.map((issue) => [issue.line, issue.field, issue.code])).toEqual([
        [badLine, 'number', 'duplicate_in_file'],
        [badLine + 1, 'amount', 'invalid_amount'],
      ]);
      expect(refused.errors[0]?.message).toContain('line 2');
      expect(await countRows('invoice', ctx)).toBe(0);
      expect(await countRows('event', ctx)).toBe(eventsBefore);

      const dryRun = await importFile(deps, ctx, { ...options, dryRun: true, partial: true });
      expect(dryRun).toMatchObject({ committed: false, created: lines.length - 2, rejected: 2 });
      expect(await countRows('invoice', ctx)).toBe(0);

      const partial = await importFile(deps, ctx, { ...options, dryRun: false, partial: true });
      expect(partial).toMatchObject({ committed: true, created: lines.length - 2, rejected: 2 });
      expect(await countRows('invoice', ctx)).toBe(lines.length - 2);
      expect(await findLedgerInconsistencies(handle.db, ctx.companyId)).toEqual([]);
    },
  );
});

/** The company's rows in `table`. */
async function countRows(table: 'invoice' | 'event', ctx: Ctx): Promise<number> {
  const row = await handle.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('company_id', '=', ctx.companyId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
