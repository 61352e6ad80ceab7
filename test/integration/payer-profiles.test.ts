/**
 * The payer profiles on a real database (issue 11, docs/formulas.md « Payer profile »): a
 * ledger with partial payments, an early payment, a credit note applied, an allocation
 * undone, open overdue items and two currencies; the figures computed by hand, and the
 * ledger's sums equal to the pure rule over the settlement records rebuilt one by one from
 * the stored documents, at every date the ledger moved.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { allocate, undoAllocation } from '../../src/ledger/allocation-changes.ts';
import { customerPayerProfile, payerReport } from '../../src/reports/payer-report.ts';
import {
  payerProfiles,
  payerWindowStart,
  type SettlementRecord,
} from '../../src/reports/payer-profile.ts';
import { calendarDate, type CalendarDate } from '../../src/shared/calendar-date.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { cents } from '../../src/shared/money.ts';
import { openTestRuntime } from '../db.ts';
import { makeCompany, makeCustomer, makeInvoices, makePayment } from '../factories.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

/** The dependencies on `date` (noon in Paris): allocations and undos are dated that day. */
function on(date: string): Deps {
  return { ...deps, clock: fixedClock(new Date(`${date}T11:00:00Z`)) };
}

/**
 * Customer A: F1 1 000 € due 4 Feb, paid 600 € on 1 Feb (early) and 400 € on 14 Feb (10 days);
 * F2 500 € due 9 Feb, 100 € of it by the credit note AV1 on 25 Feb (16 days), the rest open;
 * F3 300 € due 31 Mar (not yet due); F4 200 € due 14 Feb, paid 4 Mar (18 days), that
 * allocation undone on 10 Mar; F7 150 € due 28 Feb paid that day; F5 $300 due 19 Feb paid
 * that day. Customer B: F6 800 € due 31 Jan, paid 5 Mar (33 days). Customer C: F8 100 € due
 * 10 Apr, nothing else.
 */
async function ledger() {
  const { ctx } = await makeCompany(deps);
  const a = await makeCustomer(deps, ctx, { code: 'A', legalName: 'Alpha SARL' });
  const b = await makeCustomer(deps, ctx, { code: 'B', legalName: 'Bêta SA' });
  const c = await makeCustomer(deps, ctx, { code: 'C', legalName: 'Gamma SAS' });
  await makeInvoices(deps, ctx, a.id, [
    { number: 'F1', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 100_000 },
    { number: 'F2', issueDate: '2026-01-10', dueDate: '2026-02-09', amount: 50_000 },
    { number: 'F3', issueDate: '2026-03-01', dueDate: '2026-03-31', amount: 30_000 },
    { number: 'F4', issueDate: '2026-01-15', dueDate: '2026-02-14', amount: 20_000 },
    { number: 'F7', issueDate: '2026-01-29', dueDate: '2026-02-28', amount: 15_000 },
    {
      number: 'F5',
      issueDate: '2026-01-20',
      dueDate: '2026-02-19',
      amount: 30_000,
      currency: 'USD',
    },
    {
      number: 'AV1',
      issueDate: '2026-02-20',
      dueDate: '2026-02-20',
      amount: 10_000,
      kind: 'credit_note',
    },
  ]);
  await makeInvoices(deps, ctx, b.id, [
    { number: 'F6', issueDate: '2026-01-02', dueDate: '2026-01-31', amount: 80_000 },
  ]);
  await makeInvoices(deps, ctx, c.id, [
    { number: 'F8', issueDate: '2026-03-10', dueDate: '2026-04-10', amount: 10_000 },
  ]);
  const payments = [
    { customer: a.id, reference: 'P1', receivedOn: '2026-02-01', amount: 60_000 },
    { customer: a.id, reference: 'P2', receivedOn: '2026-02-14', amount: 40_000 },
    { customer: a.id, reference: 'P3', receivedOn: '2026-02-28', amount: 15_000 },
    { customer: a.id, reference: 'P4', receivedOn: '2026-03-04', amount: 20_000 },
    { customer: a.id, reference: 'P5', receivedOn: '2026-02-19', amount: 30_000, currency: 'USD' },
    { customer: b.id, reference: 'P6', receivedOn: '2026-03-05', amount: 80_000 },
  ];
  for (const { customer, ...payment } of payments) {
    await makePayment(deps, ctx, customer, payment);
  }
  const id = await idsOf(ctx);
  const pay = (invoice: string, source: string, amount: number, date: string) =>
    allocate(on(date), ctx, {
      invoiceId: id(invoice),
      ...(source.startsWith('AV') ? { creditNoteId: id(source) } : { paymentId: id(source) }),
      amount,
      allocatedOn: date,
    });
  await pay('F1', 'P1', 60_000, '2026-02-01');
  await pay('F1', 'P2', 40_000, '2026-02-14');
  await pay('F5', 'P5', 30_000, '2026-02-19');
  await pay('F2', 'AV1', 10_000, '2026-02-25');
  await pay('F7', 'P3', 15_000, '2026-02-28');
  const undone = await pay('F4', 'P4', 20_000, '2026-03-04');
  await pay('F6', 'P6', 80_000, '2026-03-05');
  await undoAllocation(on('2026-03-10'), ctx, undone.id);
  return { ctx, a, b, c };
}

async function idsOf(ctx: Ctx): Promise<(key: string) => string> {
  const { rows } = await sql<{ id: string; key: string }>`
    SELECT id, number AS key FROM invoice WHERE company_id = ${ctx.companyId}
    UNION ALL SELECT id, reference FROM payment WHERE company_id = ${ctx.companyId}
  `.execute(deps.db);
  return (key) => rows.find((row) => row.key === key)?.id ?? '';
}

/**
 * Each customer's settlement records as of `asOf`, rebuilt one by one from the stored
 * invoices and allocations: an allocation live on the date is a part settled on its date,
 * what the invoice still had open is its open part.
 */
async function recordsAsOf(ctx: Ctx, asOf: CalendarDate): Promise<Map<string, SettlementRecord[]>> {
  const { rows: invoices } = await sql<{
    id: string;
    customer_id: string;
    currency: string;
    issue_date: string;
    due_date: string;
    amount_cents: string;
  }>`
    SELECT id, customer_id, currency, issue_date::text, due_date::text, amount_cents::text
    FROM invoice WHERE company_id = ${ctx.companyId} AND kind = 'invoice'
  `.execute(deps.db);
  const { rows: allocations } = await sql<{
    invoice_id: string;
    amount_cents: string;
    allocated_on: string;
    undone_on: string | null;
  }>`
    SELECT invoice_id, amount_cents::text, allocated_on::text, undone_on::text
    FROM allocation WHERE company_id = ${ctx.companyId}
  `.execute(deps.db);
  const records = new Map<string, SettlementRecord[]>();
  for (const invoice of invoices.filter((row) => row.issue_date <= asOf)) {
    const part = (amount: number, paidOn: string | null): SettlementRecord => ({
      invoiceId: invoice.id,
      currency: invoice.currency,
      dueDate: calendarDate(invoice.due_date),
      amountCents: cents(amount),
      paidOn: paidOn === null ? null : calendarDate(paidOn),
    });
    const live = allocations.filter(
      (row) =>
        row.invoice_id === invoice.id &&
        row.allocated_on <= asOf &&
        (row.undone_on === null || row.undone_on > asOf),
    );
    const settled = live.map((row) => part(Number(row.amount_cents), row.allocated_on));
    const open = Number(invoice.amount_cents) - settled.reduce((s, r) => s + r.amountCents, 0);
    const own = records.get(invoice.customer_id) ?? [];
    own.push(...settled, ...(open > 0 ? [part(open, null)] : []));
    records.set(invoice.customer_id, own);
  }
  return records;
}

describe('the payer profiles of a ledger', () => {
  it('weighs days late by amount, open overdue items counted to the as-of date', async () => {
    const { ctx, a } = await ledger();
    const profile = await customerPayerProfile(deps, ctx, a.id);
    // Σ amount 600 + 400 + 100 + 400 (F2 open) + 200 (F4 open, its payment undone) + 150 =
    // 1 850 €; Σ amount × days = 400 × 10 + 100 × 16 + 400 × 34 + 200 × 29 = 25 000 € × days.
    expect(profile).toMatchObject({
      asOf: '2026-03-15',
      from: '2025-03-16',
      thresholds: [5, 15, 30],
      code: 'A',
      name: 'Alpha SARL',
    });
    expect(profile.profiles).toEqual([
      {
        currency: 'EUR',
        weightedDaysLate: 13.5,
        onTimeShareByAmount: 40.5,
        onTimeShareByCount: 25,
        category: 'B',
        trend: [
          { month: '2025-10-01', weightedDaysLate: null },
          { month: '2025-11-01', weightedDaysLate: null },
          { month: '2025-12-01', weightedDaysLate: null },
          { month: '2026-01-01', weightedDaysLate: null },
          // Settled in February, and F2 (19 days) and F4 (14 days) open at its end.
          { month: '2026-02-01', weightedDaysLate: 8.6 },
          // F2 and F4 open on 15 March: (400 × 34 + 200 × 29) ÷ 600.
          { month: '2026-03-01', weightedDaysLate: 32.3 },
        ],
      },
      {
        currency: 'USD',
        weightedDaysLate: 0,
        onTimeShareByAmount: 100,
        onTimeShareByCount: 100,
        category: 'A',
        trend: expect.any(Array),
      },
    ]);
  });

  it('counts an allocation live on a past date, later allocations left out', async () => {
    const { ctx, a, b } = await ledger();
    // On 5 March F4's payment (4 March, 18 days) was live: it was undone on the 10th.
    const march5 = await customerPayerProfile(deps, ctx, a.id, {
      asOf: calendarDate('2026-03-05'),
    });
    expect(march5.profiles[0]).toMatchObject({
      weightedDaysLate: 10.2,
      onTimeShareByAmount: 40.5,
      onTimeShareByCount: 25,
      category: 'B',
    });
    // On 1 March B had not paid F6 yet: 29 days late then; it paid on 5 March, 33 days late.
    const march1 = await customerPayerProfile(deps, ctx, b.id, {
      asOf: calendarDate('2026-03-01'),
    });
    expect(march1.profiles[0]).toMatchObject({ weightedDaysLate: 29, category: 'C' });
    const today = await customerPayerProfile(deps, ctx, b.id);
    expect(today.profiles[0]).toMatchObject({
      weightedDaysLate: 33,
      onTimeShareByCount: 0,
      category: 'D',
    });
  });

  it('equals the pure rule over the records rebuilt one by one, at every date', async () => {
    const { ctx } = await ledger();
    for (const date of [
      '2026-01-31',
      '2026-02-01',
      '2026-02-14',
      '2026-02-25',
      '2026-03-04',
      '2026-03-05',
      '2026-03-09',
      '2026-03-10',
      '2026-03-15',
    ].map(calendarDate)) {
      const records = await recordsAsOf(ctx, date);
      const report = await payerReport(deps, ctx, { asOf: date, sort: 'name' });
      const expected = [...records].flatMap(([customerId, own]) =>
        payerProfiles(own, { from: payerWindowStart(date), asOf: date }).map((profile) => ({
          customerId,
          ...profile,
        })),
      );
      const got = report.rows.map(({ code: _code, name: _name, ...row }) => row);
      const key = (row: { customerId: string; currency: string }) =>
        `${row.customerId} ${row.currency}`;
      // The date in the figures compared: a failure says which date it was.
      expect({ date, rows: got.toSorted((x, y) => key(x).localeCompare(key(y))) }).toEqual({
        date,
        rows: expected.toSorted((x, y) => key(x).localeCompare(key(y))),
      });
    }
  });

  it('ranks the worst payers first and counts the categories per currency', async () => {
    const { ctx, a, b, c } = await ledger();
    const report = await payerReport(deps, ctx);
    expect(
      report.rows.map((row) => [row.code, row.currency, row.weightedDaysLate, row.category]),
    ).toEqual([
      ['B', 'EUR', 33, 'D'],
      ['A', 'EUR', 13.5, 'B'],
      ['A', 'USD', 0, 'A'],
      ['C', 'EUR', null, null],
    ]);
    expect(report.categoryCounts).toEqual([
      { currency: 'EUR', A: 0, B: 1, C: 0, D: 1, none: 1 },
      { currency: 'USD', A: 1, B: 0, C: 0, D: 0, none: 0 },
    ]);
    const only = await payerReport(deps, ctx, {
      category: 'D',
      thresholds: [10, 20, 40],
      customerIds: [a.id, b.id, c.id],
      currency: 'EUR',
    });
    // 33 days is C under 10,20,40; A's 13,5 is B: no D.
    expect(only).toMatchObject({ rowCount: 0, rows: [], thresholds: [10, 20, 40] });
    expect(only.categoryCounts).toEqual([{ currency: 'EUR', A: 0, B: 1, C: 1, D: 0, none: 1 }]);
    const page = await payerReport(deps, ctx, { limit: 1, customerIds: [a.id] });
    expect(page.rowCount).toBe(2);
    expect(page.rows.map((row) => [row.code, row.currency])).toEqual([['A', 'EUR']]);
  });

  it('refuses bad thresholds, a future date and too many customers, every issue at once', async () => {
    const { ctx } = await ledger();
    await expect(
      payerReport(deps, ctx, {
        asOf: calendarDate('2026-03-16'),
        thresholds: [15, 5],
        customerIds: Array.from({ length: 201 }, () => crypto.randomUUID()),
      }),
    ).rejects.toMatchObject({
      reason: 'report_invalid',
      issues: [
        { field: 'asOf', code: 'report_as_of_in_future' },
        { field: 'thresholds', code: 'payer_thresholds_count' },
        { field: 'thresholds.1', code: 'payer_thresholds_not_increasing' },
        { field: 'customerIds', code: 'payer_customers_too_many' },
      ],
    });
  });
});
