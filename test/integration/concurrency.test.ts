/**
 * Writers at the same time. On PostgreSQL the pool lends each transaction its own
 * connection, so `Promise.all` really runs them side by side; PGlite is one
 * session, which the pool lends to one transaction at a time: there the same
 * tests check that the serialised order gives the same figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import { sql } from 'kysely';
import { createCustomer } from '../../src/customers/service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { importFile, type ImportOptions } from '../../src/imports/service.ts';
import { allocate } from '../../src/ledger/allocation-changes.ts';
import { listInvoices } from '../../src/ledger/invoice-lists.ts';
import { listPayments } from '../../src/ledger/payment-lists.ts';
import { ConflictError } from '../../src/shared/errors.ts';
import { describeTestDatabase, openTestRuntime } from '../db.ts';
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

const csv = (lines: readonly string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);

async function importOk(ctx: Ctx, kind: ImportOptions['kind'], bytes: Uint8Array) {
  const report = await importFile(deps, ctx, {
    kind,
    bytes,
    fileName: `${kind}.csv`,
    dryRun: false,
    partial: false,
  });
  expect(report.errors).toEqual([]);
  expect(report.committed).toBe(true);
  return report;
}

async function findInvoice(ctx: Ctx, number: string) {
  const { items } = await listInvoices(deps, ctx, {
    page: 1,
    pageSize: undefined,
    sort: 'number',
    order: 'asc',
  });
  const invoice = items.find((item) => item.number === number);
  if (!invoice) {
    throw new Error(`no invoice ${number}`);
  }
  return invoice;
}

const number = (i: number) => `FA-${String(i).padStart(5, '0')}`;

describe('concurrent writers', () => {
  it('an invoice import and allocations on the same invoice at once lose no allocation', async () => {
    const { ctx } = await makeCompany(deps);
    await importOk(ctx, 'customers', csv(['code,name', 'C1,Alpha']));
    const invoiceCount = 5_000;
    const invoiceLines = (amount: string) => [
      'number,customer_code,issue_date,due_date,amount',
      ...Array.from(
        { length: invoiceCount },
        (_, i) => `${number(i + 1)},C1,2026-01-05,2026-02-04,${amount}`,
      ),
    ];
    await importOk(ctx, 'invoices', csv(invoiceLines('2500.00')));
    // The last invoice of the file (FA-3 of the issue): 1,000.00 already allocated, 1,500.00 open.
    const last = number(invoiceCount);
    await importOk(
      ctx,
      'payments',
      csv([
        'reference,customer_code,date,amount,invoice_number',
        `VIR-1,C1,2026-01-10,1000.00,${last}`,
        'VIR-BIG,C1,2026-01-10,100000.00,',
      ]),
    );
    const target = await findInvoice(ctx, last);
    const big = (await listPayments(deps, ctx, { page: 1, pageSize: 50 })).items.find(
      (payment) => payment.reference === 'VIR-BIG',
    );

    // Every invoice goes to 2,600.00 while allocations of 5.00 land on the last one.
    const progress = { isImportDone: false };
    const importing = importOk(ctx, 'invoices', csv(invoiceLines('2600.00'))).finally(() => {
      progress.isImportDone = true;
    });
    let allocated = 0;
    do {
      await allocate(deps, ctx, { invoiceId: target.id, paymentId: big?.id, amount: 500 });
      allocated += 1;
    } while (!progress.isImportDone);
    const report = await importing;
    expect(report).toMatchObject({ updated: invoiceCount, created: 0 });

    expect(await findInvoice(ctx, last)).toMatchObject({
      amount: 260_000,
      openAmount: 260_000 - 100_000 - 500 * allocated,
      status: 'partially_paid',
    });
    // What is left open is all that may still be allocated: the issue's 1,600.00 is refused.
    await expect(
      allocate(deps, ctx, { invoiceId: target.id, paymentId: big?.id, amount: 160_000 }),
    ).rejects.toMatchObject({
      code: 'invalid',
      issues: [expect.objectContaining({ code: 'exceeds_open_amount' })],
    });
    expect(await findLedgerInconsistencies(handle.db, ctx.companyId)).toEqual([]);
  });

  it('ten creations of one customer code at once: one is created, nine are conflicts naming the code', async () => {
    const { ctx } = await makeCompany(deps);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        createCustomer(deps, ctx, { code: 'RACE1', legalName: 'Race' }),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.flatMap((result) =>
      result.status === 'rejected' ? [result.reason] : [],
    );
    expect(refused).toHaveLength(9);
    for (const error of refused) {
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({
        message: 'A customer with code RACE1 already exists',
        issues: [{ field: 'code', code: 'duplicate', message: 'code RACE1 is already used' }],
      });
    }
  });

  it('two imports of the same new customers at once: the second waits and finds them unchanged', async () => {
    const { ctx } = await makeCompany(deps);
    const file = csv([
      'code,name,city',
      ...Array.from({ length: 2_000 }, (_, i) => `K${i},Client ${i},Lyon`),
    ]);
    const reports = await Promise.all([
      importOk(ctx, 'customers', file),
      importOk(ctx, 'customers', file),
    ]);
    const outcomes = reports
      .map((report) => [report.created, report.updated, report.unchanged])
      .sort((a, b) => (b[0] ?? 0) - (a[0] ?? 0));
    expect(outcomes).toEqual([
      [2_000, 0, 0],
      [0, 0, 2_000],
    ]);
  });

  it('two payment imports allocating the same invoices in opposite orders do not deadlock', async () => {
    const { ctx } = await makeCompany(deps);
    const count = 300;
    await importOk(ctx, 'customers', csv(['code,name', 'C1,Alpha']));
    await importOk(
      ctx,
      'invoices',
      csv([
        'number,customer_code,issue_date,due_date,amount',
        ...Array.from(
          { length: count },
          (_, i) => `${number(i + 1)},C1,2026-01-05,2026-02-04,100.00`,
        ),
      ]),
    );
    const payments = (prefix: string, order: readonly number[]) =>
      csv([
        'reference,customer_code,date,amount,invoice_number',
        ...order.map((i) => `${prefix}-${i},C1,2026-02-01,30.00,${number(i)}`),
      ]);
    const ascending = Array.from({ length: count }, (_, i) => i + 1);
    const [forward, backward] = await Promise.all([
      importOk(ctx, 'payments', payments('A', ascending)),
      importOk(ctx, 'payments', payments('B', ascending.toReversed())),
    ]);
    expect([forward.created, backward.created]).toEqual([count, count]);
    const { items } = await listInvoices(deps, ctx, {
      page: 1,
      pageSize: undefined,
      sort: 'number',
      order: 'asc',
    });
    expect(new Set(items.map((invoice) => invoice.openAmount))).toEqual(new Set([4_000]));
    expect(await findLedgerInconsistencies(handle.db, ctx.companyId)).toEqual([]);
  });

  // PGlite runs one transaction at a time: there is no deadlock to break.
  it.skipIf(describeTestDatabase() === 'pglite')(
    'a transaction the database aborts to break a deadlock is run again and succeeds',
    async () => {
      const { ctx } = await makeCompany(deps);
      await importOk(ctx, 'customers', csv(['code,name', 'D1,Un', 'D2,Deux']));
      const lock = (tx: Parameters<Parameters<typeof inTransaction>[1]>[0], code: string) =>
        sql`SELECT id FROM customer WHERE company_id = ${ctx.companyId} AND code = ${code} FOR UPDATE`.execute(
          tx,
        );
      const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      const signal = () => {
        let send = () => {};
        const received = new Promise<void>((resolve) => {
          send = resolve;
        });
        return { send, received };
      };
      const firstHoldsD1 = signal();
      const secondHoldsD2 = signal();
      let attempts = 0;
      // The first holds D1, the second D2; the second then waits for D1, and 300 ms
      // later the first for D2. The server checks the earliest waiter first (after its
      // 1 s deadlock timeout), so the second is the one aborted, and run again.
      // Signals, not delays, order the first locks: under load a delay may not.
      const first = deps.db.transaction().execute(async (tx) => {
        await lock(tx, 'D1');
        firstHoldsD1.send();
        await secondHoldsD2.received;
        await pause(300);
        await lock(tx, 'D2');
      });
      const second = inTransaction(deps.db, async (tx) => {
        attempts += 1;
        if (attempts === 1) {
          await firstHoldsD1.received;
        }
        await lock(tx, 'D2');
        if (attempts === 1) {
          secondHoldsD2.send();
          await lock(tx, 'D1');
        }
        return attempts;
      });
      await expect(Promise.all([first, second])).resolves.toEqual([undefined, 2]);
    },
  );
});
