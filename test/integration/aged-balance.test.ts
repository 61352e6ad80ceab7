/**
 * The aged balance on a real database (issue 11, docs/formulas.md « Aged balance »): a
 * ledger moves through two months — invoices issued, a payment allocated with cash left
 * unapplied, a credit note applied, a payment allocated then undone — and at each date the
 * balance equals, to the cent, the open items as of that date rebuilt one by one from the
 * documents and their allocations (`openAmountAsOf`); by collector and category it regroups
 * the same sums; bad requests are refused with every issue.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { allocate } from '../../src/ledger/allocation-changes.ts';
import { agedBalance } from '../../src/reports/aged-balance.ts';
import { dsoReport } from '../../src/reports/dso-report.ts';
import { agingRows, agingTotals, openAmountAsOf, type AgingItem } from '../../src/reports/aging.ts';
import { calendarDate, endOfMonth, type CalendarDate } from '../../src/shared/calendar-date.ts';
import { cents, type Cents } from '../../src/shared/money.ts';
import { openTestRuntime } from '../db.ts';
import { depsOn, reportsLedger } from '../reports-ledger.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

/**
 * The reports' ledger (test/reports-ledger.ts): A pays F1 out of P1 on 15 Feb, B's payment
 * of F4 on 5 Mar is undone on 10 Mar; and here AV1 is applied to F2 on 1 Mar.
 */
async function ledger() {
  const written = await reportsLedger(deps);
  await allocate(depsOn(deps, '2026-03-01'), written.ctx, {
    invoiceId: written.id('F2'),
    creditNoteId: written.id('AV1'),
    amount: 20_000,
    allocatedOn: '2026-03-01',
  });
  return written;
}

/** Every open item of the company as of `asOf`, rebuilt one by one from the stored documents. */
async function itemsAsOf(
  ctx: Ctx,
  asOf: CalendarDate,
): Promise<(AgingItem & { customerId: string })[]> {
  const { rows: documents } = await sql<{
    id: string;
    customer_id: string;
    kind: 'invoice' | 'credit_note' | 'payment';
    currency: string;
    date: string;
    due_date: string;
    amount_cents: string;
  }>`
    SELECT id, customer_id, kind, currency, issue_date::text AS date, due_date::text,
      amount_cents::text
    FROM invoice WHERE company_id = ${ctx.companyId}
    UNION ALL
    SELECT id, customer_id, 'payment', currency, received_on::text, received_on::text,
      amount_cents::text
    FROM payment WHERE company_id = ${ctx.companyId}
  `.execute(deps.db);
  const { rows: allocations } = await sql<{
    invoice_id: string;
    credit_note_id: string | null;
    payment_id: string | null;
    amount_cents: string;
    allocated_on: string;
    undone_on: string | null;
  }>`
    SELECT invoice_id, credit_note_id, payment_id, amount_cents::text, allocated_on::text,
      undone_on::text
    FROM allocation WHERE company_id = ${ctx.companyId}
  `.execute(deps.db);
  return documents.flatMap((document): (AgingItem & { customerId: string })[] => {
    const touching = allocations
      .filter((allocation) =>
        [allocation.invoice_id, allocation.credit_note_id, allocation.payment_id].includes(
          document.id,
        ),
      )
      .map((allocation) => ({
        amountCents: cents(Number(allocation.amount_cents)),
        allocatedOn: calendarDate(allocation.allocated_on),
        undoneOn: allocation.undone_on === null ? null : calendarDate(allocation.undone_on),
      }));
    const open = openAmountAsOf(
      { date: calendarDate(document.date), amountCents: cents(Number(document.amount_cents)) },
      touching,
      asOf,
    );
    if (open === undefined || open === 0) {
      return [];
    }
    const common = {
      customerId: document.customer_id,
      currency: document.currency,
      openCents: open,
    };
    switch (document.kind) {
      case 'invoice':
        return [{ ...common, kind: 'invoice' as const, dueDate: calendarDate(document.due_date) }];
      case 'credit_note':
        return [{ ...common, kind: 'credit_note' as const }];
      case 'payment':
        return [{ ...common, kind: 'unapplied_cash' as const }];
    }
  });
}

const DATES = [
  '2026-01-05',
  '2026-01-31',
  '2026-02-01',
  '2026-02-15',
  '2026-02-20',
  '2026-03-01',
  '2026-03-05',
  '2026-03-09',
  '2026-03-10',
  '2026-03-15',
];

describe('the aged balance as of a date', () => {
  it('equals the open items rebuilt one by one, at every date the ledger moved', async () => {
    const { ctx } = await ledger();
    for (const date of DATES.map(calendarDate)) {
      const expected = agingRows(await itemsAsOf(ctx, date), (item) => item.customerId, date);
      const balance = await agedBalance(deps, ctx, { asOf: date, sort: 'name' });
      const strip = ({
        key,
        currency,
        buckets,
        invoicesOpen,
        creditNotesOpen,
        unappliedCash,
        net,
      }: (typeof expected)[number]) => ({
        key,
        currency,
        buckets,
        invoicesOpen,
        creditNotesOpen,
        unappliedCash,
        net,
      });
      const byKey = (rows: { key: string; currency: string }[]) =>
        rows.toSorted((x, y) => `${x.key}${x.currency}`.localeCompare(`${y.key}${y.currency}`));
      // The date travels with the figures, so a failure names the day it happened.
      expect({
        date,
        rows: byKey(balance.rows.map(strip)),
        totals: balance.totals.map(strip),
      }).toEqual({
        date,
        rows: byKey(expected),
        totals: agingTotals(expected),
      });
    }
  });

  it('gives the exact figures worked by hand on 9 and 10 March, before and after the undo', async () => {
    const { ctx, a, b } = await ledger();
    const march9 = await agedBalance(deps, ctx, { asOf: calendarDate('2026-03-09'), sort: 'name' });
    const row = (balance: typeof march9, customerId: string, currency = 'EUR') =>
      balance.rows.find((r) => r.key === customerId && r.currency === currency);
    // A: F2 300,00 € not yet due (500 − the 200 credit note applied on 1 Mar); F1 paid;
    // 200,00 € of P1 unapplied. B: F4 paid on 5 Mar. A in USD: F3 18 days late.
    expect(row(march9, a.id)).toMatchObject({
      group: { id: a.id, code: 'A', name: 'Alpha SARL' },
      buckets: [30_000, 0, 0, 0, 0],
      creditNotesOpen: 0,
      unappliedCash: 20_000,
      net: 10_000,
      overdue: 0,
    });
    expect(row(march9, a.id, 'USD')).toMatchObject({ buckets: [0, 30_000, 0, 0, 0] });
    expect(row(march9, b.id)).toBeUndefined();
    // Undone on 10 March: F4 open again (38 days late), P2 unapplied again.
    const march10 = await agedBalance(deps, ctx, { asOf: calendarDate('2026-03-10') });
    expect(row(march10, b.id)).toMatchObject({
      buckets: [0, 0, 80_000, 0, 0],
      unappliedCash: 80_000,
      net: 0,
      overdue: 80_000,
    });
    expect(march10.totals).toEqual([
      expect.objectContaining({ currency: 'EUR', invoicesOpen: 110_000, unappliedCash: 100_000 }),
      expect.objectContaining({ currency: 'USD', invoicesOpen: 30_000, net: 30_000 }),
    ]);
    // Before the credit note is applied (20 Feb): it shows in its own column.
    const feb20 = await agedBalance(deps, ctx, { asOf: calendarDate('2026-02-20') });
    expect(row(feb20, a.id)).toMatchObject({
      buckets: [50_000, 0, 0, 0, 0],
      creditNotesOpen: 20_000,
      unappliedCash: 20_000,
      net: 10_000,
    });
  });

  it('regroups by collector and by category, with custom buckets and one currency', async () => {
    const { ctx, collector } = await ledger();
    const asOf = calendarDate('2026-03-10');
    const byCollector = await agedBalance(deps, ctx, { asOf, by: 'collector', currency: 'EUR' });
    expect(byCollector.rows.map((r) => [r.group.id, r.group.name, r.invoicesOpen])).toEqual([
      [null, null, 80_000],
      [collector.id, 'Test collector', 30_000],
    ]);
    const byCategory = await agedBalance(deps, ctx, { asOf, by: 'category', bounds: [45] });
    expect(byCategory.buckets).toEqual([
      { minDaysLate: 0, maxDaysLate: 0 },
      { minDaysLate: 1, maxDaysLate: 45 },
      { minDaysLate: 46, maxDaysLate: null },
    ]);
    expect(byCategory.rows.map((r) => [r.group.code, r.currency, r.buckets as Cents[]])).toEqual([
      ['standard', 'EUR', [0, 80_000, 0]],
      ['high', 'EUR', [30_000, 0, 0]],
      ['high', 'USD', [0, 30_000, 0]],
    ]);
    const limited = await agedBalance(deps, ctx, { asOf, limit: 1 });
    expect(limited.rowCount).toBe(3);
    expect(limited.rows).toHaveLength(1);
    expect(limited.rows[0]?.group.code).toBe('B');
  });

  it('refuses a future date, a date before the first invoice, bad buckets and an unused currency, all at once', async () => {
    const { ctx } = await ledger();
    await expect(
      agedBalance(deps, ctx, {
        asOf: calendarDate('2026-03-16'),
        bounds: [30, 30, 0],
        currency: 'CHF',
      }),
    ).rejects.toMatchObject({
      reason: 'report_invalid',
      issues: [
        { field: 'asOf', code: 'report_as_of_in_future' },
        { field: 'buckets.1', code: 'aging_buckets_not_increasing' },
        { field: 'buckets.2', code: 'aging_bucket_not_positive' },
        { field: 'buckets.2', code: 'aging_buckets_not_increasing' },
        { field: 'currency', code: 'report_currency_unused' },
      ],
    });
    await expect(
      agedBalance(deps, ctx, { asOf: calendarDate('2026-01-04') }),
    ).rejects.toMatchObject({
      issues: [{ field: 'asOf', code: 'report_as_of_before_first_document' }],
    });
  });
});

describe('the DSO history', () => {
  it('reads each month’s sales and receivables as the aged balance of its last day, and counts back', async () => {
    const { ctx, a } = await ledger();
    const report = await dsoReport(deps, ctx, { months: 2 });
    expect(report.lastMonthEnd).toBe('2026-02-28');
    const [eur, usd] = report.currencies;
    // Sales: January F1 + F4 = 1 800,00 €; February F2 − AV1 = 300,00 €. Receivables on 31 Jan:
    // F1 and F4, both not yet due (F4 is due that very day); on 28 Feb: F2 (not due) and F4.
    expect(
      eur?.months.map((m) => [m.month, m.salesCents, m.receivablesCents, m.notDueCents]),
    ).toEqual([
      ['2026-01-01', 180_000, 180_000, 180_000],
      ['2026-02-01', 30_000, 130_000, 50_000],
    ]);
    expect(usd?.months.map((m) => [m.receivablesCents, m.notDueCents])).toEqual([
      [30_000, 30_000],
      [30_000, 0],
    ]);
    // 28 Feb: 1 300 − 300 (Feb, 28 d) = 1 000; Jan: 31 × 1 000 / 1 800 = 17,2 → 45,2 days.
    // BPDSO: 500 − 300 (28 d) = 200; 31 × 200 / 1 800 = 3,4 → 31,4. ADD 13,8.
    // CEI: (1 800 + 300 − 1 300) / (1 800 + 300 − 500) = 800 / 1 600 = 50 %.
    // Simple: 1 300 / 2 100 × (31 + 31 + 28) = 55,7.
    expect(eur?.months[1]).toMatchObject({
      dso: { days: 45.2, isExhausted: true },
      bestPossibleDso: { days: 31.4, isExhausted: true },
      averageDaysDelinquent: 13.8,
      collectionEffectiveness: 50,
      simpleDso: 55.7,
    });
    // 31 Jan: the month's sales exhaust the receivables exactly; nothing was collectable.
    expect(eur?.months[0]).toMatchObject({
      dso: { days: 31, isExhausted: true },
      averageDaysDelinquent: 0,
      collectionEffectiveness: null,
      simpleDso: 92,
    });
    // The same figures as the aged balance on each month end, to the cent.
    for (const month of eur?.months ?? []) {
      const end = endOfMonth(month.month);
      const [total] = (await agedBalance(deps, ctx, { asOf: end, currency: 'EUR' })).totals;
      expect([total?.invoicesOpen, total?.buckets[0]]).toEqual([
        month.receivablesCents,
        month.notDueCents,
      ]);
    }
    // One customer: A alone (F1 and F2; F4 is B's).
    const ofA = await dsoReport(deps, ctx, { months: 2, customerId: a.id, currency: 'EUR' });
    expect(ofA.currencies.map((c) => c.currency)).toEqual(['EUR']);
    expect(ofA.currencies[0]?.months.map((m) => [m.salesCents, m.receivablesCents])).toEqual([
      [100_000, 100_000],
      [30_000, 50_000],
    ]);
  });

  it('refuses a number of months out of range and a future date, at once', async () => {
    const { ctx } = await ledger();
    await expect(
      dsoReport(deps, ctx, { months: 61, asOf: calendarDate('2026-04-01') }),
    ).rejects.toMatchObject({
      reason: 'report_invalid',
      issues: [
        { field: 'asOf', code: 'report_as_of_in_future' },
        { field: 'months', code: 'report_months_out_of_range' },
      ],
    });
  });
});
