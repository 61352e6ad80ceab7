/**
 * The figures the triggers keep for the reports (ADR 24): each month's changes to the
 * portfolio's sales and receivables (`ledger_month_change`) and each invoice's day of
 * settlement (`settled_on`). Every kind of write moves them — an import, a payment, a credit
 * note, an undo, a revised amount and due date — and after each the invariant check, which
 * works them out from the ledger alone, finds nothing; the DSO's portfolio figures, read from
 * the kept changes, are the sum of its customers', worked out from their documents.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { monthFigures, type MonthFigures } from '../../src/ledger/aged-balance.ts';
import { allocate, undoAllocation } from '../../src/ledger/allocation-changes.ts';
import { addMonths, type CalendarDate } from '../../src/shared/calendar-date.ts';
import { describeTestDatabase, openTestRuntime } from '../db.ts';
import { makeCompany, makeCustomer, makeInvoices, makePayment } from '../factories.ts';
import { findLedgerInconsistencies } from '../ledger-invariants.ts';
import { depsOn, documentIds } from '../reports-ledger.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const FROM = '2025-12-01' as CalendarDate;
const TO = '2026-08-01' as CalendarDate;

/** Each currency's figures at every month from FROM to TO, the last known carried forward. */
function everyMonth(rows: readonly MonthFigures[]): string[] {
  const lines: string[] = [];
  for (const currency of [...new Set(rows.map((row) => row.currency))].sort()) {
    let receivables = 0;
    let notDue = 0;
    for (let month = FROM; month <= TO; month = addMonths(month, 1)) {
      const [sales, open, due] = rows
        .filter((row) => row.currency === currency && row.month === month)
        .reduce(
          (sum, row) => [
            sum[0] + row.salesCents,
            sum[1] + row.receivablesCents,
            sum[2] + row.notDueCents,
          ],
          [0, 0, 0],
        );
      const known = rows.some((row) => row.currency === currency && row.month === month);
      receivables = known ? open : receivables;
      notDue = known ? due : notDue;
      lines.push(`${currency} ${month} ${sales} ${receivables} ${notDue}`);
    }
  }
  return lines;
}

/** The portfolio's month figures (kept), and the sum of each customer's (worked out). */
async function portfolioAndCustomers(ctx: Ctx, customerIds: readonly string[]) {
  const portfolio = await monthFigures(deps.db, ctx, { from: FROM, to: TO });
  const perCustomer = await Promise.all(
    customerIds.map((customerId) => monthFigures(deps.db, ctx, { from: FROM, to: TO, customerId })),
  );
  // Each customer densified on its own, then added month by month.
  const added = new Map<string, number[]>();
  for (const line of perCustomer.flatMap((rows) => everyMonth(rows))) {
    const [currency, month, ...figures] = line.split(' ');
    const key = `${currency} ${month}`;
    const sum = added.get(key) ?? [0, 0, 0];
    added.set(
      key,
      sum.map((value, index) => value + Number(figures[index])),
    );
  }
  return {
    portfolio: everyMonth(portfolio),
    customers: [...added].map(([key, figures]) => `${key} ${figures.join(' ')}`).sort(),
  };
}

async function settledDays(ctx: Ctx): Promise<Record<string, string | null>> {
  const { rows } = await sql<{ number: string; settled_on: string | null }>`
    SELECT number, settled_on::text AS settled_on FROM invoice
    WHERE company_id = ${ctx.companyId} AND kind = 'invoice' ORDER BY number`.execute(deps.db);
  return Object.fromEntries(rows.map((row) => [row.number, row.settled_on]));
}

describe('the figures kept for the reports', () => {
  it('follow every write of the ledger, and the invariant check finds them right', async () => {
    const { ctx } = await makeCompany(deps);
    const a = await makeCustomer(deps, ctx, { code: 'A', legalName: 'Alpha SARL' });
    const b = await makeCustomer(deps, ctx, { code: 'B', legalName: 'Bêta SA' });
    const holds = async () => {
      expect(await findLedgerInconsistencies(deps.db, ctx.companyId)).toEqual([]);
      const { portfolio, customers } = await portfolioAndCustomers(ctx, [a.id, b.id]);
      expect(portfolio).toEqual(customers);
      return portfolio;
    };

    await makeInvoices(deps, ctx, a.id, [
      { number: 'F1', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 100_000 },
      { number: 'F2', issueDate: '2026-02-10', dueDate: '2026-03-12', amount: 50_000 },
      {
        number: 'AV1',
        issueDate: '2026-02-20',
        dueDate: '2026-02-20',
        amount: 20_000,
        kind: 'credit_note',
      },
    ]);
    await makeInvoices(deps, ctx, b.id, [
      {
        number: 'F3',
        issueDate: '2026-01-20',
        dueDate: '2026-02-19',
        amount: 30_000,
        currency: 'USD',
      },
    ]);
    const issued = await holds();
    // January: F1 issued (1 000,00 €), not yet due at its end; February: F2 less AV1 sold,
    // F1 due, F2 not yet.
    expect(issued).toContain('EUR 2026-01-01 100000 100000 100000');
    expect(issued).toContain('EUR 2026-02-01 30000 150000 50000');
    expect(await settledDays(ctx)).toEqual({ F1: null, F2: null, F3: null });

    // P1 settles F1 in full on 15 February.
    await makePayment(deps, ctx, a.id, {
      reference: 'P1',
      receivedOn: '2026-02-15',
      amount: 100_000,
      invoiceNumber: 'F1',
    });
    expect(await holds()).toContain('EUR 2026-02-01 30000 50000 50000');
    expect(await settledDays(ctx)).toMatchObject({ F1: '2026-02-15', F2: null });

    // AV1 on F2, then P2 for the rest: F2 is settled on the later of the two dates.
    const id = await documentIds(deps, ctx);
    await allocate(depsOn(deps, '2026-03-01'), ctx, {
      invoiceId: id('F2'),
      creditNoteId: id('AV1'),
      amount: 20_000,
      allocatedOn: '2026-03-01',
    });
    await holds();
    expect(await settledDays(ctx)).toMatchObject({ F2: null });
    await makePayment(deps, ctx, a.id, {
      reference: 'P2',
      receivedOn: '2026-03-20',
      amount: 30_000,
    });
    const paid = await allocate(depsOn(deps, '2026-03-20'), ctx, {
      invoiceId: id('F2'),
      paymentId: (await documentIds(deps, ctx))('P2'),
      amount: 30_000,
      allocatedOn: '2026-03-20',
    });
    await holds();
    expect(await settledDays(ctx)).toMatchObject({ F2: '2026-03-20' });

    // Undone on 25 March: F2 owes 300,00 € again from that month end on.
    await undoAllocation(depsOn(deps, '2026-03-25'), ctx, paid.id);
    expect(await holds()).toContain('EUR 2026-03-01 0 30000 0');
    expect(await settledDays(ctx)).toMatchObject({ F2: null });

    // F1 re-imported at 1 200,00 €, due on the last day of February: P1 no longer settles it,
    // and its 200,00 € are owed, still not due at the end of February.
    await makeInvoices(deps, ctx, a.id, [
      { number: 'F1', issueDate: '2026-01-05', dueDate: '2026-02-28', amount: 120_000 },
    ]);
    const revised = await holds();
    expect(revised).toContain('EUR 2026-01-01 120000 120000 120000');
    expect(revised).toContain('EUR 2026-02-01 30000 70000 70000');
    expect(revised).toContain('EUR 2026-03-01 0 50000 0');
    expect(await settledDays(ctx)).toMatchObject({ F1: null });

    // F3 paid in dollars.
    await makePayment(deps, ctx, b.id, {
      reference: 'P3',
      receivedOn: '2026-04-02',
      amount: 30_000,
      currency: 'USD',
      invoiceNumber: 'F3',
    });
    expect(await holds()).toContain('USD 2026-04-01 0 0 0');
    expect(await settledDays(ctx)).toEqual({ F1: null, F2: null, F3: '2026-04-02' });
  });

  it('are reported by the invariant check once they drift', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx, { code: 'DRIFT', legalName: 'Dérive SAS' });
    await makeInvoices(deps, ctx, customer.id, [
      { number: 'D1', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 40_000 },
    ]);
    await makePayment(deps, ctx, customer.id, {
      reference: 'DP1',
      receivedOn: '2026-02-10',
      amount: 40_000,
      invoiceNumber: 'D1',
    });
    expect(await findLedgerInconsistencies(deps.db, ctx.companyId)).toEqual([]);

    await sql`UPDATE invoice SET settled_on = DATE '2026-02-11'
      WHERE company_id = ${ctx.companyId} AND number = 'D1'`.execute(deps.db);
    await sql`INSERT INTO ledger_month_change
        (company_id, currency, month, sales_cents, receivables_cents, not_due_cents)
      VALUES (${ctx.companyId}, 'EUR', DATE '2026-02-01', 0, 1, 0)`.execute(deps.db);
    const days = (date: string) =>
      (Date.parse(`${date}T00:00:00Z`) - Date.parse('2000-01-01T00:00:00Z')) / 86_400_000;
    const found = await findLedgerInconsistencies(deps.db, ctx.companyId);
    expect(found).toContainEqual({
      entity: 'invoice',
      key: 'D1',
      stored: days('2026-02-11'),
      expected: days('2026-02-10'),
      problem: 'settlement day differs from its live allocations',
    });
    // The extra cent counts from February on; the month ends checked run to the ledger's
    // last date, February here.
    expect(found).toContainEqual({
      entity: 'ledger_month_change',
      key: 'EUR 2026-02-01 receivables',
      stored: 1,
      expected: 0,
      problem: 'kept month changes differ from the ledger as it stood that month end',
    });
    expect(found.filter((row) => row.entity === 'ledger_month_change')).toHaveLength(1);
  });

  // PGlite is one session: a second writer cannot be in flight there.
  it.skipIf(describeTestDatabase() === 'pglite')(
    'let two writers of the same month go on at once: neither waits for the other',
    async () => {
      const { ctx } = await makeCompany(deps);
      const a = await makeCustomer(deps, ctx, { code: 'W1', legalName: 'Premier SARL' });
      const b = await makeCustomer(deps, ctx, { code: 'W2', legalName: 'Second SARL' });
      await makeInvoices(deps, ctx, a.id, [
        { number: 'W1-F', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 10_000 },
      ]);
      await makeInvoices(deps, ctx, b.id, [
        { number: 'W2-F', issueDate: '2026-01-06', dueDate: '2026-02-05', amount: 20_000 },
      ]);
      await makePayment(deps, ctx, a.id, {
        reference: 'W1-P',
        receivedOn: '2026-02-10',
        amount: 10_000,
      });
      await makePayment(deps, ctx, b.id, {
        reference: 'W2-P',
        receivedOn: '2026-02-11',
        amount: 20_000,
      });
      const id = await documentIds(deps, ctx);
      if (handle.raw.kind !== 'postgres') {
        throw new Error('a PostgreSQL pool is needed');
      }
      const [first, second] = [await handle.raw.pool.connect(), await handle.raw.pool.connect()];
      // Each allocates on its own invoice, in February, as the allocation door writes it:
      // the allocation, then the open amount, then the payment's unapplied cash.
      const writeAllocation = async (
        client: typeof first,
        invoice: string,
        payment: string,
        cents: number,
        on: string,
      ) => {
        await client.query(
          `INSERT INTO allocation (company_id, id, invoice_id, payment_id, amount_cents, allocated_on)
           VALUES ($1, gen_random_uuid(), $2, $3, $4, $5)`,
          [ctx.companyId, invoice, payment, cents, on],
        );
        await client.query(
          `UPDATE invoice SET open_cents = 0, status = 'paid' WHERE company_id = $1 AND id = $2`,
          [ctx.companyId, invoice],
        );
        await client.query(
          `UPDATE payment SET unapplied_cents = 0 WHERE company_id = $1 AND id = $2`,
          [ctx.companyId, payment],
        );
      };
      try {
        await first.query('BEGIN');
        await writeAllocation(first, id('W1-F'), id('W1-P'), 10_000, '2026-02-10');
        // The first holds its month rows until it commits; the second would wait for them
        // if writers shared them, and its lock timeout would end it.
        await second.query(`SET lock_timeout = '3s'`);
        await second.query('BEGIN');
        await writeAllocation(second, id('W2-F'), id('W2-P'), 20_000, '2026-02-11');
        await second.query('COMMIT');
        await first.query('COMMIT');
      } finally {
        // Nothing in progress once committed; a failed writer's transaction is ended.
        await second.query('ROLLBACK');
        await second.query('RESET lock_timeout');
        await first.query('ROLLBACK');
        first.release();
        second.release();
      }
      expect(await findLedgerInconsistencies(deps.db, ctx.companyId)).toEqual([]);
      expect(await settledDays(ctx)).toEqual({ 'W1-F': '2026-02-10', 'W2-F': '2026-02-11' });
    },
  );
});
