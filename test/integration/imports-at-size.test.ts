/**
 * Imports larger than one statement could carry the old way (25,000 invoices of 11
 * columns are 275,000 values, past the protocol's 65,535 parameters), on both
 * databases, in a number of statements that does not grow with the file.
 */
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { importFile, type ImportOptions, type ImportReport } from '../../src/imports/service.ts';
import { listPayments } from '../../src/ledger/service.ts';
import { openTestRuntime } from '../db.ts';
import { makeCompany } from '../factories.ts';
import { findLedgerInconsistencies } from '../ledger-invariants.ts';

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
  let statements = 0;
  const counter: KyselyPlugin = {
    transformQuery: ({ node }) => {
      statements += 1;
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  const report = await importFile({ ...deps, db: deps.db.withPlugin(counter) }, ctx, {
    kind,
    bytes,
    fileName: `${kind}.csv`,
    dryRun: false,
    partial: false,
  });
  expect(report.errors).toEqual([]);
  return { report, statements };
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

/** Statements of an import whatever its size: the lookups, then writes of 10,000 rows each. */
const AT_MOST_STATEMENTS = 30;

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
});
