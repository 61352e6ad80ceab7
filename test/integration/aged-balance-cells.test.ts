/**
 * The aged balance's drill-down on a real database (issue 11): for every cell of a small
 * ledger's balance — by customer, by collector (and the customers without one), by risk
 * category, today and on past dates before and after an allocation and its undoing — the
 * documents behind the cell sum to the cell, to the cent; a page is cut by the database in
 * the order asked; bad requests are refused with every issue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { agedBalance, type AgedBalanceGroup } from '../../src/reports/aged-balance.ts';
import {
  agedBalanceCell,
  type AgedBalanceCellColumn,
  type AgedBalanceCellInput,
} from '../../src/reports/aged-balance-cells.ts';
import { calendarDate, type CalendarDate } from '../../src/shared/calendar-date.ts';
import { InvalidError } from '../../src/shared/errors.ts';
import { openTestRuntime } from '../db.ts';
import { documentIds, reportsLedger } from '../reports-ledger.ts';
import { makeInvoices } from '../factories.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

/**
 * The reports' ledger (test/reports-ledger.ts), AV1 left unapplied, and B's F5 (50,00 €, due
 * 20 Mar) beside F4.
 */
async function ledger() {
  const written = await reportsLedger(deps);
  await makeInvoices(deps, written.ctx, written.b.id, [
    { number: 'F5', issueDate: '2026-02-18', dueDate: '2026-03-20', amount: 5_000 },
  ]);
  return { ...written, id: await documentIds(deps, written.ctx) };
}

/** Every cell of the balance as of `asOf` grouped `by`, beside the drill-down's sum of it. */
async function cellsAndSums(ctx: Ctx, asOf: CalendarDate, by: AgedBalanceGroup) {
  const balance = await agedBalance(deps, ctx, { asOf, by });
  const pairs: { cell: string; balance: number; drilled: number; count: number }[] = [];
  for (const row of balance.rows) {
    const rowFilter: Partial<AgedBalanceCellInput> =
      by === 'customer'
        ? { customerId: row.group.id ?? '' }
        : by === 'collector'
          ? { collectorId: row.group.id ?? 'none' }
          : { category: row.group.id ?? '' };
    const columns: [AgedBalanceCellColumn, number][] = [
      ...row.buckets.map((amount, index): [AgedBalanceCellColumn, number] => [index, amount]),
      // Every late bucket at once: the « Échu » column.
      ['overdue', row.overdue],
      ['credit_notes', row.creditNotesOpen],
      ['unapplied_cash', row.unappliedCash],
    ];
    for (const [cell, amount] of columns) {
      const drilled = await agedBalanceCell(deps, ctx, {
        asOf,
        cell,
        currency: row.currency,
        limit: 1000,
        ...rowFilter,
      });
      const total = drilled.totals.find((entry) => entry.currency === row.currency);
      pairs.push({
        cell: `${row.group.code ?? row.group.id ?? 'none'} ${row.currency} ${cell}`,
        balance: amount,
        drilled: total?.openCents ?? 0,
        count: drilled.items.length,
      });
      expect(drilled.items.reduce((sum, item) => sum + item.openCents, 0)).toBe(
        total?.openCents ?? 0,
      );
    }
  }
  return pairs;
}

describe('the aged balance’s drill-down', () => {
  it.each(['customer', 'collector', 'category'] as const)(
    'sums every cell of the balance by %s to the cent, today and on past dates',
    async (by) => {
      const { ctx } = await ledger();
      for (const asOf of ['2026-02-20', '2026-03-07', '2026-03-12', '2026-03-15']) {
        const pairs = await cellsAndSums(ctx, calendarDate(asOf), by);
        expect(pairs.length).toBeGreaterThan(0);
        for (const pair of pairs) {
          expect({ cell: pair.cell, drilled: pair.drilled }).toEqual({
            cell: pair.cell,
            drilled: pair.balance,
          });
        }
      }
    },
  );

  it('lists the documents of a cell with their amounts as of the date, largest first', async () => {
    const { ctx, a, b } = await ledger();
    // 31–60 days late: on 7 March F1 is paid and F4 was paid on the 5th; on the 12th F4's
    // payment is undone (on the 10th), and it is open again, 40 days late.
    const before = await agedBalanceCell(deps, ctx, {
      asOf: calendarDate('2026-03-07'),
      cell: 2,
      limit: 10,
    });
    expect(before).toMatchObject({ items: [], totals: [] });
    const after = await agedBalanceCell(deps, ctx, {
      asOf: calendarDate('2026-03-12'),
      cell: 2,
      limit: 10,
    });
    expect(after.items).toEqual([
      {
        id: expect.any(String),
        kind: 'invoice',
        number: 'F4',
        customerId: b.id,
        customerCode: 'B',
        customerName: 'Bêta SA',
        issueDate: '2026-01-10',
        dueDate: '2026-01-31',
        daysPastDue: 40,
        openCents: 80_000,
        currency: 'EUR',
      },
    ]);
    expect(after.totals).toEqual([{ currency: 'EUR', count: 1, openCents: 80_000 }]);
    const cash = await agedBalanceCell(deps, ctx, {
      asOf: calendarDate('2026-03-15'),
      cell: 'unapplied_cash',
      customerId: a.id,
      limit: 10,
    });
    expect(cash.items).toEqual([
      expect.objectContaining({
        kind: 'payment',
        number: 'P1',
        issueDate: '2026-02-15',
        dueDate: null,
        daysPastDue: null,
        openCents: 20_000,
      }),
    ]);
  });

  it('pages in the order asked, the totals covering every page', async () => {
    const { ctx } = await ledger();
    // 1–30 days late on 10 February: F1 (1 000,00 €, 6 days) and F4 (800,00 €, 10 days).
    const asOf = calendarDate('2026-02-10');
    const page = async (sort: 'open' | 'oldest' | 'number', offset: number) => {
      const read = await agedBalanceCell(deps, ctx, {
        asOf,
        cell: 1,
        currency: 'EUR',
        sort,
        limit: 1,
        offset,
      });
      expect(read.totals).toEqual([{ currency: 'EUR', count: 2, openCents: 180_000 }]);
      return read.items.map((item) => item.number);
    };
    expect([...(await page('open', 0)), ...(await page('open', 1))]).toEqual(['F1', 'F4']);
    expect([...(await page('oldest', 0)), ...(await page('oldest', 1))]).toEqual(['F4', 'F1']);
    expect([...(await page('number', 0)), ...(await page('number', 1))]).toEqual(['F1', 'F4']);
    expect(await page('open', 2)).toEqual([]);
  });

  it('refuses a bucket past the last, two rows and bad bounds at once', async () => {
    const { ctx, a } = await ledger();
    const refused = await agedBalanceCell(deps, ctx, {
      cell: 9,
      bounds: [30, 20],
      customerId: a.id,
      category: 'high',
      limit: 10,
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidError);
    expect((refused as InvalidError).issues.map((issue) => issue.code)).toEqual([
      'aging_buckets_not_increasing',
      'aged_balance_cell_one_row',
    ]);
    const past = await agedBalanceCell(deps, ctx, { cell: 5, limit: 10 }).catch(
      (error: unknown) => error,
    );
    expect((past as InvalidError).issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['bucket', 'aged_balance_cell_out_of_range'],
    ]);
  });
});
