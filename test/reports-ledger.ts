/**
 * The small ledger the reports' integration tests move through dates (the aged balance, its
 * cells): A (a collector's, high risk) owes F1 (1 000,00 €, due 4 Feb), F2 (500,00 €, due
 * 12 Mar) and F3 ($300.00, due 19 Feb) and has a credit note AV1 (200,00 €, 20 Feb) not
 * applied; on 15 Feb it pays P1 (1 200,00 €), 1 000,00 € of it on F1. B (no collector) owes
 * F4 (800,00 €, due 31 Jan): its P2 pays F4 on 5 Mar, and that allocation is undone on 10 Mar.
 */
import { sql } from 'kysely';
import type { Ctx } from '../src/app/context.ts';
import type { Deps } from '../src/app/deps.ts';
import { allocate, undoAllocation } from '../src/ledger/allocation-changes.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { makeCompany, makeCustomer, makeInvoices, makePayment, makeUser } from './factories.ts';

/** The dependencies on `date` (noon in Paris): allocations and undos are dated that day. */
export function depsOn(deps: Deps, date: string): Deps {
  return { ...deps, clock: fixedClock(new Date(`${date}T11:00:00Z`)) };
}

/** The ids of a company's documents by number (invoices, credit notes) or reference (payments). */
export async function documentIds(deps: Deps, ctx: Ctx): Promise<(key: string) => string> {
  const { rows } = await sql<{ id: string; key: string }>`
    SELECT id, number AS key FROM invoice WHERE company_id = ${ctx.companyId}
    UNION ALL SELECT id, reference FROM payment WHERE company_id = ${ctx.companyId}
  `.execute(deps.db);
  return (key) => rows.find((row) => row.key === key)?.id ?? '';
}

/** Writes the ledger in a new company; its customers, collector and documents' ids. */
export async function reportsLedger(deps: Deps) {
  const { ctx } = await makeCompany(deps);
  const collector = await makeUser(deps, ctx, 'collector');
  const a = await makeCustomer(deps, ctx, {
    code: 'A',
    legalName: 'Alpha SARL',
    collectorUserId: collector.id,
    riskCategory: 'high',
  });
  const b = await makeCustomer(deps, ctx, { code: 'B', legalName: 'Bêta SA' });
  await makeInvoices(deps, ctx, a.id, [
    { number: 'F1', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 100_000 },
    { number: 'F2', issueDate: '2026-02-10', dueDate: '2026-03-12', amount: 50_000 },
    {
      number: 'F3',
      issueDate: '2026-01-20',
      dueDate: '2026-02-19',
      amount: 30_000,
      currency: 'USD',
    },
    {
      number: 'AV1',
      issueDate: '2026-02-20',
      dueDate: '2026-02-20',
      amount: 20_000,
      kind: 'credit_note',
    },
  ]);
  await makeInvoices(deps, ctx, b.id, [
    { number: 'F4', issueDate: '2026-01-10', dueDate: '2026-01-31', amount: 80_000 },
  ]);
  await makePayment(deps, ctx, a.id, {
    reference: 'P1',
    receivedOn: '2026-02-15',
    amount: 120_000,
  });
  await makePayment(deps, ctx, b.id, { reference: 'P2', receivedOn: '2026-03-05', amount: 80_000 });
  const id = await documentIds(deps, ctx);
  await allocate(depsOn(deps, '2026-02-15'), ctx, {
    invoiceId: id('F1'),
    paymentId: id('P1'),
    amount: 100_000,
    allocatedOn: '2026-02-15',
  });
  const paid = await allocate(depsOn(deps, '2026-03-05'), ctx, {
    invoiceId: id('F4'),
    paymentId: id('P2'),
    amount: 80_000,
    allocatedOn: '2026-03-05',
  });
  await undoAllocation(depsOn(deps, '2026-03-10'), ctx, paid.id);
  return { ctx, a, b, collector, id };
}
