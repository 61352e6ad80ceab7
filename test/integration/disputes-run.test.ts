/**
 * What the daily run does with disputes, on both drivers (issue 10): a partial dispute holds
 * back only its amount (the reminder goes out for the rest, with the exact undisputed
 * amount); a whole dispute holds the invoice; a rejected dispute puts it back at the step
 * it had reached; a dispute closes by itself when a credit note settles its invoice
 * (justified, credit note issued) or a payment does (paid).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import { readEntityEvents } from '../../src/audit/service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { resolveDispute } from '../../src/disputes/manage.ts';
import { getDisputeDetail } from '../../src/disputes/read.ts';
import { openDispute } from '../../src/disputes/service.ts';
import { runDunning } from '../../src/dunning/run.ts';
import { listMessagePage } from '../../src/jobs/messages.ts';
import { allocate } from '../../src/ledger/allocation-changes.ts';
import { listInvoices } from '../../src/ledger/invoice-lists.ts';
import { calendarDate, type CalendarDate } from '../../src/shared/calendar-date.ts';
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

const DUE = '2026-03-01';

function day(offset: number): CalendarDate {
  const date = new Date(`${DUE}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return calendarDate(date.toISOString().slice(0, 10));
}

/** A company and a customer with an e-mail, owing FA-1 (1 000,00 €, due on DUE); and AV-1 if asked. */
async function owing(options: { creditNote?: boolean } = {}) {
  const { ctx } = await makeCompany(deps);
  const customer = await makeCustomer(deps, ctx, {
    contacts: [
      { role: 'billing', name: 'Claire Martin', email: 'compta@client.test', phone: null },
    ],
  });
  await makeInvoices(deps, ctx, customer.id, [
    { number: 'FA-1', issueDate: '2026-01-30', dueDate: DUE, amount: 100_000 },
    ...(options.creditNote === true
      ? [
          {
            number: 'AV-1',
            issueDate: '2026-03-10',
            dueDate: '2026-03-10',
            amount: 100_000,
            kind: 'credit_note' as const,
          },
        ]
      : []),
  ]);
  const { items } = await listInvoices(deps, ctx, {
    page: 1,
    pageSize: undefined,
    sort: 'number',
    order: 'asc',
  });
  const id = (number: string) => items.find((item) => item.number === number)?.id ?? '';
  return { ctx, customer, fa1: id('FA-1'), av1: id('AV-1') };
}

async function messagesOf(ctx: Ctx, customerId: string) {
  return (await listMessagePage(deps, ctx, { customerId, limit: 100 })).items;
}

describe('the run and open disputes', () => {
  it('holds back only the disputed part: the reminder asks for the rest, to the cent', async () => {
    const { ctx, customer, fa1 } = await owing();
    await openDispute(deps, ctx, {
      invoices: [{ invoiceId: fa1, disputedCents: 30_050 }],
      cause: 'price',
    });
    const report = await runDunning(deps, ctx, { date: day(20) });
    expect(report.actions).toEqual([
      expect.objectContaining({ stepDay: 5, invoiceCount: 1, totalOpenCents: 69_950 }),
    ]);
    const [message] = await messagesOf(ctx, customer.id);
    expect(message?.bodyText).toMatch(/699,50\s€/u);
    expect(message?.bodyText).not.toMatch(/1\s000,00\s€/u);
  });

  it('holds a wholly disputed invoice back', async () => {
    const { ctx, customer, fa1 } = await owing();
    await openDispute(deps, ctx, { invoices: [{ invoiceId: fa1 }], cause: 'quality' });
    const report = await runDunning(deps, ctx, { date: day(20) });
    expect(report.actions).toEqual([]);
    expect(report.heldBack).toEqual([
      expect.objectContaining({ reason: 'disputed', invoiceCount: 1 }),
    ]);
    expect(await messagesOf(ctx, customer.id)).toHaveLength(0);
  });

  it('puts a rejected dispute’s invoice back at the step it had reached', async () => {
    const { ctx, fa1 } = await owing();
    const first = await runDunning(deps, ctx, { date: day(5) });
    expect(first.actions.map((action) => action.stepDay)).toEqual([5]);
    const dispute = await openDispute(deps, ctx, {
      invoices: [{ invoiceId: fa1 }],
      cause: 'price',
    });
    const held = await runDunning(deps, ctx, { date: day(27) });
    expect(held.actions).toEqual([]);
    expect(held.heldBack).toEqual([expect.objectContaining({ reason: 'disputed' })]);
    await resolveDispute(deps, ctx, dispute.id, { outcome: 'rejected' });
    const back = await runDunning(deps, ctx, { date: day(28) });
    // The next step after J+5, not the first one again.
    expect(back.actions).toEqual([
      expect.objectContaining({ stepDay: 15, totalOpenCents: 100_000 }),
    ]);
  });
});

describe('closing by itself', () => {
  it('closes a dispute whose invoice a credit note settled: justified, credit note issued', async () => {
    const { ctx, fa1, av1 } = await owing({ creditNote: true });
    const dispute = await openDispute(deps, ctx, {
      invoices: [{ invoiceId: fa1 }],
      cause: 'price',
    });
    await allocate(deps, ctx, { invoiceId: fa1, creditNoteId: av1, amount: 100_000 });
    await runDunning(deps, ctx, { date: day(20) });
    const closed = await getDisputeDetail(deps, ctx, dispute.id);
    expect(closed.dispute).toMatchObject({
      status: 'resolved',
      outcome: 'justified',
      creditNote: 'issued',
      resolvedOn: day(20),
      resolvedBy: { id: null, name: null },
    });
    expect(closed.comments).toEqual([
      expect.objectContaining({
        authorKind: 'system',
        body: 'Clos de lui-même\u00a0: un avoir a été imputé sur ses factures.',
      }),
    ]);
    const [event] = await readEntityEvents(
      deps.db,
      ctx,
      [{ entityType: 'dispute', entityId: dispute.id }],
      1,
    );
    expect(event).toMatchObject({
      action: 'dispute.resolved',
      data: expect.objectContaining({ automatic: true, reason: 'credit_note' }),
    });
  });

  it('closes a dispute whose invoice was paid: paid; a dry run closes nothing', async () => {
    const { ctx, customer, fa1 } = await owing();
    const dispute = await openDispute(deps, ctx, {
      invoices: [{ invoiceId: fa1, disputedCents: 10_000 }],
      cause: 'price',
    });
    await makePayment(deps, ctx, customer.id, {
      reference: 'VIR-9',
      receivedOn: '2026-03-15',
      amount: 100_000,
      invoiceNumber: 'FA-1',
    });
    await runDunning(deps, ctx, { date: day(20), dryRun: true });
    expect((await getDisputeDetail(deps, ctx, dispute.id)).dispute.status).toBe('open');
    await runDunning(deps, ctx, { date: day(20) });
    const closed = await getDisputeDetail(deps, ctx, dispute.id);
    expect(closed.dispute).toMatchObject({ status: 'resolved', outcome: 'paid', creditNote: null });
    expect(closed.comments.map((comment) => comment.body)).toEqual([
      'Clos de lui-même\u00a0: ses factures sont payées.',
    ]);
  });
});
