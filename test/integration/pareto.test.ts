/**
 * The Pareto of the overdue amount on a real database (issue 11, docs/formulas.md «
 * Pareto »): a ledger worked by hand, by customer and by invoice, today and before a
 * payment, in two currencies; the largest overdue invoices; a bad share refused.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/app/deps.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { allocate } from '../../src/ledger/allocation-changes.ts';
import { largestOverdueInvoices, paretoReport } from '../../src/reports/pareto-report.ts';
import { calendarDate } from '../../src/shared/calendar-date.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { InvalidError } from '../../src/shared/errors.ts';
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

/**
 * A owes F1 (600,00 € due 1 Feb; 500,00 € of it paid on 10 March), F2 (100,00 € due 10 Feb)
 * and F6 ($200.00 due 1 Feb); B owes F3 (300,00 € due 15 Feb); C owes F4 (50,00 € due 20
 * Feb) and F5 (1 000,00 €, not due before 30 April).
 */
async function ledger() {
  const { ctx } = await makeCompany(deps);
  const [a, b, c] = [
    await makeCustomer(deps, ctx, { code: 'A', legalName: 'Alpha SARL' }),
    await makeCustomer(deps, ctx, { code: 'B', legalName: 'Bêta SA' }),
    await makeCustomer(deps, ctx, { code: 'C', legalName: 'Gamma SAS' }),
  ];
  const issueDate = '2026-01-05';
  await makeInvoices(deps, ctx, a.id, [
    { number: 'F1', issueDate, dueDate: '2026-02-01', amount: 60_000 },
    { number: 'F2', issueDate, dueDate: '2026-02-10', amount: 10_000 },
    { number: 'F6', issueDate, dueDate: '2026-02-01', amount: 20_000, currency: 'USD' },
  ]);
  await makeInvoices(deps, ctx, b.id, [
    { number: 'F3', issueDate, dueDate: '2026-02-15', amount: 30_000 },
  ]);
  await makeInvoices(deps, ctx, c.id, [
    { number: 'F4', issueDate, dueDate: '2026-02-20', amount: 5_000 },
    { number: 'F5', issueDate, dueDate: '2026-04-30', amount: 100_000 },
  ]);
  await makePayment(deps, ctx, a.id, { reference: 'P1', receivedOn: '2026-03-10', amount: 50_000 });
  const { rows } = await sql<{ id: string; key: string }>`
    SELECT id, number AS key FROM invoice WHERE company_id = ${ctx.companyId}
    UNION ALL SELECT id, reference FROM payment WHERE company_id = ${ctx.companyId}
  `.execute(deps.db);
  const id = (key: string) => rows.find((row) => row.key === key)?.id ?? '';
  await allocate({ ...deps, clock: fixedClock(new Date('2026-03-10T11:00:00Z')) }, ctx, {
    invoiceId: id('F1'),
    paymentId: id('P1'),
    amount: 50_000,
    allocatedOn: '2026-03-10',
  });
  return { ctx, a, b, c };
}

describe('the Pareto of the overdue amount', () => {
  it('takes the largest customers until 80 % of each currency is reached', async () => {
    const { ctx, a, b } = await ledger();
    // Today (15 March): A 200,00 € (F1’s 100 + F2), B 300,00 €, C 50,00 €; 80 % of 550 is
    // 440: B (300) then A (500 ≥ 440).
    const today = await paretoReport(deps, ctx, { limit: 10 });
    expect(today).toEqual({
      asOf: '2026-03-15',
      of: 'customers',
      share: 80,
      currencies: [
        {
          currency: 'EUR',
          totalCents: 55_000,
          coveredCents: 50_000,
          sharePercent: 90.9,
          setCount: 2,
          itemCount: 3,
          lines: [
            {
              id: b.id,
              overdueCents: 30_000,
              customer: { id: b.id, code: 'B', name: 'Bêta SA' },
              invoice: null,
            },
            {
              id: a.id,
              overdueCents: 20_000,
              customer: { id: a.id, code: 'A', name: 'Alpha SARL' },
              invoice: null,
            },
          ],
        },
        {
          currency: 'USD',
          totalCents: 20_000,
          coveredCents: 20_000,
          sharePercent: 100,
          setCount: 1,
          itemCount: 1,
          lines: [expect.objectContaining({ id: a.id, overdueCents: 20_000 })],
        },
      ],
    });
  });

  it('takes the largest invoices, as the ledger stood before a payment', async () => {
    const { ctx } = await ledger();
    // 5 March: F1 600, F3 300, F2 100, F4 50 overdue (1 050,00 €); 80 % is 840: F1, F3.
    const before = await paretoReport(deps, ctx, {
      asOf: calendarDate('2026-03-05'),
      of: 'invoices',
      currency: 'EUR',
      limit: 10,
    });
    const [eur] = before.currencies;
    expect(before.currencies).toHaveLength(1);
    expect(eur).toMatchObject({
      totalCents: 105_000,
      coveredCents: 90_000,
      sharePercent: 85.7,
      setCount: 2,
      itemCount: 4,
    });
    expect(eur?.lines).toEqual([
      {
        id: expect.any(String),
        overdueCents: 60_000,
        customer: expect.objectContaining({ code: 'A' }),
        invoice: { number: 'F1', dueDate: '2026-02-01', daysPastDue: 32 },
      },
      {
        id: expect.any(String),
        overdueCents: 30_000,
        customer: expect.objectContaining({ code: 'B' }),
        invoice: { number: 'F3', dueDate: '2026-02-15', daysPastDue: 18 },
      },
    ]);
    // Today F1 has 100,00 € left: 300, 100, 100 reach 440 of 550; the lines shown are cut.
    const today = await paretoReport(deps, ctx, { of: 'invoices', currency: 'EUR', limit: 1 });
    expect(today.currencies[0]).toMatchObject({
      totalCents: 55_000,
      coveredCents: 50_000,
      setCount: 3,
      itemCount: 4,
      lines: [expect.objectContaining({ overdueCents: 30_000 })],
    });
  });

  it('lists the largest overdue invoices, and refuses a share out of range', async () => {
    const { ctx } = await ledger();
    const largest = await largestOverdueInvoices(deps, ctx, { currency: 'EUR', limit: 2 });
    expect(largest.map((line) => [line.invoice?.number, line.overdueCents])).toEqual([
      ['F3', 30_000],
      [expect.stringMatching(/^F[12]$/), 10_000],
    ]);
    const refused = await paretoReport(deps, ctx, { share: 0, limit: 10 }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(InvalidError);
    expect((refused as InvalidError).issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['share', 'pareto_share_out_of_range'],
    ]);
  });
});
