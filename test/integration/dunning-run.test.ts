/**
 * The daily dunning run on a real database (docs/dunning.md "The daily run"): one message
 * per customer and step, the climb one step a run once the step before was carried out,
 * paid invoices leaving, running twice sending nothing twice, the dry run changing
 * nothing, approvals, calls and credits on the agenda.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import { authenticateAccessLink } from '../../src/access/service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { listMessagePage } from '../../src/jobs/messages.ts';
import { markBounced } from '../../src/jobs/outbox.ts';
import { deliverDueMessages } from '../../src/jobs/outbox-worker.ts';
import { listDisputes } from '../../src/disputes/read.ts';
import { openDispute } from '../../src/disputes/service.ts';
import { approveAction, completeAction, listAgenda } from '../../src/dunning/agenda.ts';
import { listRuns, runDunning } from '../../src/dunning/run.ts';
import { assignScenario, saveScenario } from '../../src/dunning/service.ts';
import { calendarDate, type CalendarDate } from '../../src/shared/calendar-date.ts';
import { cents } from '../../src/shared/money.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openTestRuntime } from '../db.ts';
import {
  makeCompany,
  makeCustomer,
  makeInvoices,
  makePayment,
  scenarioStep,
} from '../factories.ts';

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

async function customerWithInvoices(
  ctx: Ctx,
  invoices: { number: string; amount: number; dueDate?: string }[],
  overrides: Parameters<typeof makeCustomer>[2] = {},
) {
  const customer = await makeCustomer(deps, ctx, {
    contacts: [
      { role: 'billing', name: 'Claire Martin', email: 'compta@client.test', phone: null },
    ],
    billingAddress: {
      line1: '3 place Bellecour',
      line2: null,
      postalCode: '69002',
      city: 'Lyon',
      country: 'FR',
    },
    ...overrides,
  });
  await makeInvoices(
    deps,
    ctx,
    customer.id,
    invoices.map((invoice) => ({
      number: invoice.number,
      issueDate: '2026-01-30',
      dueDate: invoice.dueDate ?? DUE,
      amount: invoice.amount,
    })),
  );
  return customer;
}

/** The dependencies on the day `date` (noon in Paris): the agenda is read on its own today. */
function on(date: CalendarDate): Deps {
  return { ...deps, clock: fixedClock(new Date(`${date}T11:00:00Z`)) };
}

async function messagesOf(ctx: Ctx, customerId: string) {
  const page = await listMessagePage(deps, ctx, { customerId, limit: 100 });
  return page.items;
}

describe('the daily run', () => {
  it('sends nothing at J+4 and the first reminder at J+5, one e-mail listing both invoices', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await customerWithInvoices(ctx, [
      { number: 'FA-2026-0101', amount: 123_456 },
      { number: 'FA-2026-0102', amount: 50_000 },
    ]);
    const before = await runDunning(deps, ctx, { date: day(4) });
    expect(before.counts.actions).toBe(0);
    expect(await messagesOf(ctx, customer.id)).toHaveLength(0);

    const report = await runDunning(deps, ctx, { date: day(5) });
    expect(report.actions).toEqual([
      expect.objectContaining({
        stepDay: 5,
        channel: 'email',
        status: 'queued',
        invoiceCount: 2,
        totalOpenCents: 173_456,
      }),
    ]);
    const messages = await messagesOf(ctx, customer.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      channel: 'email',
      recipients: ['compta@client.test'],
      status: 'queued',
    });
  });

  it('climbs one step a run once the step before went out, and never twice on one day', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await customerWithInvoices(ctx, [{ number: 'FA-1', amount: 80_000 }]);
    // Imported at J+20: the first reminder first, not the second.
    const first = await runDunning(deps, ctx, { date: day(20) });
    expect(first.actions.map((action) => action.stepDay)).toEqual([5]);
    const again = await runDunning(deps, ctx, { date: day(20) });
    expect(again.counts.actions).toBe(0);
    expect(await messagesOf(ctx, customer.id)).toHaveLength(1);
    // The next day the reminder was handed to the outbox: the invoice may climb, but the
    // gap between two written contacts (7 days) holds the second reminder until J+27.
    const held = await runDunning(deps, ctx, { date: day(21) });
    expect(held.heldBack).toEqual([
      expect.objectContaining({ reason: 'recent_contact', invoiceCount: 1 }),
    ]);
    const second = await runDunning(deps, ctx, { date: day(27) });
    expect(second.actions.map((action) => action.stepDay)).toEqual([15]);
    // The call follows at once (a call does not wait for the gap).
    const call = await runDunning(deps, ctx, { date: day(28) });
    expect(call.actions).toEqual([expect.objectContaining({ stepDay: 17, status: 'open' })]);
    expect(await messagesOf(ctx, customer.id)).toHaveLength(2);
    const runs = await listRuns(deps, ctx);
    expect(runs.map((run) => run.runOn)).toEqual([day(28), day(27), day(21), day(20)]);
    expect(runs.every((run) => run.finishedAt !== null)).toBe(true);
  });

  it('lets a paid invoice leave at once and keeps a partly paid one for what is left', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await customerWithInvoices(ctx, [
      { number: 'FA-10', amount: 100_000 },
      { number: 'FA-11', amount: 60_000 },
    ]);
    await runDunning(deps, ctx, { date: day(5) });
    await makePayment(deps, ctx, customer.id, {
      reference: 'VIR-1',
      receivedOn: day(6),
      amount: 100_000,
      invoiceNumber: 'FA-10',
    });
    await makePayment(deps, ctx, customer.id, {
      reference: 'VIR-2',
      receivedOn: day(6),
      amount: 20_000,
      invoiceNumber: 'FA-11',
    });
    const report = await runDunning(deps, ctx, { date: day(15) });
    expect(report.counts.leaves).toBe(1);
    expect(report.actions).toEqual([
      expect.objectContaining({ stepDay: 15, invoiceCount: 1, totalOpenCents: 40_000 }),
    ]);
  });

  it('previews without changing anything, and the run then does what the preview said', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await customerWithInvoices(ctx, [{ number: 'FA-20', amount: 30_000 }]);
    const preview = await runDunning(deps, ctx, { date: day(5), dryRun: true });
    expect(preview.dryRun).toBe(true);
    expect(preview.counts.messages).toBe(1);
    expect(await messagesOf(ctx, customer.id)).toHaveLength(0);
    expect(await listRuns(deps, ctx)).toEqual([]);
    const run = await runDunning(deps, ctx, { date: day(5) });
    expect(run.actions).toEqual(preview.actions);
    expect(run.counts).toEqual(preview.counts);
  });

  it('holds back a customer whose credits cover what would go out, and asks the collector to apply them', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await customerWithInvoices(ctx, [{ number: 'FA-30', amount: 40_000 }]);
    await makePayment(deps, ctx, customer.id, {
      reference: 'VIR-UNAPPLIED',
      receivedOn: day(1),
      amount: 50_000,
    });
    const report = await runDunning(deps, ctx, { date: day(5) });
    expect(report.counts.actions).toBe(0);
    expect(report.heldBack).toEqual([
      expect.objectContaining({ reason: 'covered_by_credits', invoiceCount: 1 }),
    ]);
    const agenda = await listAgenda(on(day(5)), ctx, { assignee: 'all' });
    expect(agenda.items).toEqual([
      expect.objectContaining({
        kind: 'credits_to_apply',
        totalOpenCents: 40_000,
        customer: expect.objectContaining({ id: customer.id }),
      }),
    ]);
    // Not made again the next day while nobody has applied them.
    await runDunning(deps, ctx, { date: day(6) });
    expect((await listAgenda(on(day(6)), ctx, { assignee: 'all' })).items).toHaveLength(1);
  });

  it('waits for approval of the formal notice, then prints the letter once approved', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await customerWithInvoices(ctx, [{ number: 'FA-40', amount: 250_000 }]);
    const notice = await saveScenario(deps, ctx, undefined, {
      name: 'Mise en demeure directe',
      steps: [scenarioStep(30, 'letter', 'formal_notice', { needsApproval: true })],
      riskCategory: null,
      isCompanyDefault: false,
    });
    await assignScenario(deps, ctx, customer.id, { scenarioId: notice.id, manualFollowUp: false });
    const report = await runDunning(deps, ctx, { date: day(30) });
    expect(report.actions).toEqual([
      expect.objectContaining({ channel: 'letter', status: 'awaiting_approval' }),
    ]);
    expect(await messagesOf(ctx, customer.id)).toHaveLength(0);
    const agenda = await listAgenda(on(day(30)), ctx, { assignee: 'all', kind: 'approval' });
    expect(agenda.items).toHaveLength(1);
    const item = agenda.items[0];
    expect(item?.preview?.bodyText).toContain('FA-40');
    expect(item?.preview?.bodyText).toMatch(/2\s500,00\s€/u);
    await approveAction(on(day(30)), ctx, item?.id ?? '', {});
    const letters = await messagesOf(ctx, customer.id);
    expect(letters).toEqual([expect.objectContaining({ channel: 'letter', status: 'queued' })]);
    // A step approved is carried out: the run goes on with the next day.
    const next = await runDunning(deps, ctx, { date: day(31) });
    expect(next.heldBack.filter((held) => held.reason === 'awaiting_approval')).toEqual([]);
  });

  it('gives an e-mail approved on the agenda its own portal link, tied to it', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await customerWithInvoices(ctx, [{ number: 'FA-45', amount: 80_000 }]);
    const approved = await saveScenario(deps, ctx, undefined, {
      name: 'Relance validée',
      steps: [scenarioStep(5, 'email', 'reminder_1', { needsApproval: true })],
      riskCategory: null,
      isCompanyDefault: false,
    });
    await assignScenario(deps, ctx, customer.id, {
      scenarioId: approved.id,
      manualFollowUp: false,
    });
    await runDunning(deps, ctx, { date: day(5) });
    const [item] = (await listAgenda(on(day(5)), ctx, { assignee: 'all', kind: 'approval' })).items;
    await approveAction(
      on(day(5)),
      ctx,
      item?.id ?? '',
      {},
      { publicUrl: 'https://encaisse.example.test' },
    );
    const [message] = await messagesOf(ctx, customer.id);
    const token = /https:\/\/encaisse\.example\.test\/portail#([A-Za-z0-9_-]{43})\n/.exec(
      message?.bodyText ?? '',
    )?.[1];
    const { link } = await authenticateAccessLink(
      deps,
      token ?? '',
      new Date(`${day(5)}T12:00:00Z`),
    );
    expect(link).toMatchObject({
      audience: 'customer',
      customerId: customer.id,
      messageId: message?.id,
    });
  });

  it('puts the call on the agenda with its script, and a promise given holds the invoice back', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await customerWithInvoices(ctx, [{ number: 'FA-50', amount: 90_000 }]);
    const callOnly = await saveScenario(deps, ctx, undefined, {
      name: 'Appel',
      steps: [scenarioStep(3, 'call', 'call_script'), scenarioStep(10, 'email', 'reminder_2')],
      riskCategory: null,
      isCompanyDefault: false,
    });
    await assignScenario(deps, ctx, customer.id, {
      scenarioId: callOnly.id,
      manualFollowUp: false,
    });
    await runDunning(deps, ctx, { date: day(3) });
    const agenda = await listAgenda(on(day(3)), ctx, { assignee: 'all' });
    const call = agenda.items[0];
    expect(call).toMatchObject({ kind: 'call', daysLate: 3, totalOpenCents: 90_000 });
    expect(call?.script).toContain('FA-50');
    const done = await completeAction(on(day(3)), ctx, call?.id ?? '', {
      outcome: 'promise_given',
      note: 'Paiement promis par la comptable',
      promise: {
        amountCents: cents(90_000),
        promisedOn: day(12),
        invoiceIds: [call?.invoices[0]?.id ?? ''],
      },
    });
    expect(done.promiseId).not.toBeNull();
    expect((await listAgenda(on(day(3)), ctx, { assignee: 'all' })).items).toEqual([]);
    const report = await runDunning(deps, ctx, { date: day(10) });
    expect(report.counts.actions).toBe(0);
    expect(report.heldBack).toEqual([expect.objectContaining({ reason: 'promised' })]);
  });

  it('writes to a customer in its own language', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await customerWithInvoices(ctx, [{ number: 'FA-60', amount: 123_456 }]);
    await assignScenario(deps, ctx, customer.id, {
      scenarioId: null,
      manualFollowUp: false,
      language: 'en',
    });
    await runDunning(deps, ctx, { date: day(5) });
    const [message] = await messagesOf(ctx, customer.id);
    expect(message?.subject).toMatch(/invoice/iu);
    expect(message?.subject).not.toMatch(/facture/iu);
  });

  it('never escalates an invoice a call said was disputed, and goes on with the others', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await customerWithInvoices(ctx, [{ number: 'FA-70', amount: 70_000 }]);
    const calls = await saveScenario(deps, ctx, undefined, {
      name: 'Appel puis relance',
      steps: [scenarioStep(3, 'call', 'call_script'), scenarioStep(10, 'email', 'reminder_1')],
      riskCategory: null,
      isCompanyDefault: false,
    });
    await assignScenario(deps, ctx, customer.id, { scenarioId: calls.id, manualFollowUp: false });
    await runDunning(deps, ctx, { date: day(3) });
    const [call] = (await listAgenda(on(day(3)), ctx, { assignee: 'all' })).items;
    await completeAction(on(day(3)), ctx, call?.id ?? '', {
      outcome: 'dispute_raised',
      note: 'Livraison incomplète selon le client',
      dispute: { reason: 'not_delivered' },
    });
    await makeInvoices(deps, ctx, customer.id, [
      { number: 'FA-71', issueDate: '2026-02-01', dueDate: DUE, amount: 30_000 },
    ]);
    for (const offset of [10, 20, 40]) {
      const report = await runDunning(deps, ctx, { date: day(offset) });
      expect(report.heldBack).toContainEqual(
        expect.objectContaining({ reason: 'disputed', invoiceCount: 1 }),
      );
    }
    // FA-71 went on alone: its call, and nothing about FA-70.
    const agenda = await listAgenda(on(day(40)), ctx, { assignee: 'all' });
    expect(agenda.items.map((item) => item.invoices.map((invoice) => invoice.number))).toEqual([
      ['FA-71'],
    ]);
    expect(await messagesOf(ctx, customer.id)).toEqual([]);
  });

  it('opens « litige signalé » over the call’s invoices still free, leaving one already disputed in its own', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await customerWithInvoices(ctx, [
      { number: 'FA-90', amount: 70_000 },
      { number: 'FA-91', amount: 30_000 },
      { number: 'FA-92', amount: 20_000 },
    ]);
    const calls = await saveScenario(deps, ctx, undefined, {
      name: 'Appel puis relance',
      steps: [scenarioStep(3, 'call', 'call_script'), scenarioStep(10, 'email', 'reminder_1')],
      riskCategory: null,
      isCompanyDefault: false,
    });
    await assignScenario(deps, ctx, customer.id, { scenarioId: calls.id, manualFollowUp: false });
    await runDunning(deps, ctx, { date: day(3) });
    const [call] = (await listAgenda(on(day(3)), ctx, { assignee: 'all' })).items;
    const idOf = (number: string) =>
      call?.invoices.find((invoice) => invoice.number === number)?.id ?? '';
    expect(call?.invoices.map((invoice) => invoice.number).sort()).toEqual([
      'FA-90',
      'FA-91',
      'FA-92',
    ]);
    const earlier = await openDispute(on(day(3)), ctx, {
      invoices: [{ invoiceId: idOf('FA-91'), disputedCents: 10_000 }],
      cause: 'quantity',
    });
    await completeAction(on(day(3)), ctx, call?.id ?? '', {
      outcome: 'dispute_raised',
      note: 'Prix contesté sur deux factures',
      dispute: { reason: 'price' },
    });
    const disputes = await listDisputes(on(day(3)), ctx, { customerId: customer.id, limit: 10 });
    const raised = disputes.find(({ dispute }) => dispute.id !== earlier.id)?.dispute;
    expect(disputes).toHaveLength(2);
    expect(raised).toMatchObject({
      cause: 'price',
      source: 'agenda',
      amountCents: 90_000,
      description: 'Prix contesté sur deux factures',
    });
    expect(raised?.invoices.map((invoice) => invoice.invoiceId).sort()).toEqual(
      [idOf('FA-90'), idOf('FA-92')].sort(),
    );
    expect(
      disputes.find(({ dispute }) => dispute.id === earlier.id)?.dispute.invoices,
    ).toMatchObject([{ invoiceId: idOf('FA-91'), disputedCents: 10_000 }]);
    // The reminder asks only for FA-91's undisputed 200,00 €.
    const report = await runDunning(deps, ctx, { date: day(10) });
    expect(report.actions).toEqual([
      expect.objectContaining({ channel: 'email', invoiceCount: 1, totalOpenCents: 20_000 }),
    ]);
  });

  it('puts the invoices of a broken promise back into their scenario, with an agenda item', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await customerWithInvoices(ctx, [{ number: 'FA-80', amount: 45_000 }]);
    await runDunning(deps, ctx, { date: day(5) });
    const { items } = await listAgenda(on(day(5)), ctx, { assignee: 'all' });
    expect(items).toEqual([]);
    const { createPromise } = await import('../../src/promises/service.ts');
    const invoices = await import('../../src/ledger/service.ts').then((ledger) =>
      ledger.listOpenInvoicesOfCustomers(deps.db, ctx, [customer.id]),
    );
    await createPromise(on(day(6)), ctx, {
      customerId: customer.id,
      amountCents: 45_000,
      promisedOn: day(14),
      graceDays: 0,
      invoiceIds: invoices.map((invoice) => invoice.id),
      channel: 'phone',
    });
    // Nothing paid by the promised day: broken at the next run, which sends the reminder
    // the promise held back.
    const broken = await runDunning(deps, ctx, { date: day(15) });
    expect(broken.counts.promisesBroken).toBe(1);
    expect(broken.actions).toEqual([expect.objectContaining({ stepDay: 15 })]);
    expect((await listAgenda(on(day(15)), ctx, { assignee: 'all' })).items).toEqual([
      expect.objectContaining({
        kind: 'promise_broken',
        totalOpenCents: 45_000,
        promise: expect.objectContaining({
          amountCents: 45_000,
          promisedOn: day(14),
          paidCents: 0,
        }),
      }),
    ]);
  });

  it('holds back the invoices of a reminder that bounced until the address is mended', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await customerWithInvoices(ctx, [{ number: 'FA-90', amount: 20_000 }]);
    await runDunning(deps, ctx, { date: day(5) });
    const [reminder] = await messagesOf(ctx, customer.id);
    const mailers = { mailerFor: async () => ({ send: async () => ({ accepted: true }) }) };
    await deliverDueMessages({ db: deps.db, owner: 'w', clock: deps.clock, ...mailers });
    expect(
      await markBounced(deps, ctx, {
        messageId: reminder?.id ?? '',
        reason: '550 5.1.1 user unknown',
      }),
    ).toBe('bounced');
    const report = await runDunning(deps, ctx, { date: day(15) });
    expect(report.counts.actions).toBe(0);
    expect(report.heldBack).toEqual([
      expect.objectContaining({ reason: 'previous_step_failed', invoiceCount: 1 }),
    ]);
  });
});
