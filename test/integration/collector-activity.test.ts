/**
 * The collectors' activity on a real database (issue 11, docs/formulas.md « Collector
 * activity »), from what the real services record: the daily run's e-mail and call, the
 * call completed with a promise, a second promise, payments, the daily check settling one
 * promise kept and one partly kept — folded by ISO week with the rates worked by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { completeAction, listAgenda } from '../../src/dunning/agenda.ts';
import { runDunning } from '../../src/dunning/run.ts';
import { saveScenario } from '../../src/dunning/service.ts';
import { listOpenInvoicesOfCustomers } from '../../src/ledger/service.ts';
import { checkPromisesInTx, createPromise } from '../../src/promises/service.ts';
import { collectorActivityReport } from '../../src/reports/collector-activity.ts';
import { calendarDate, type CalendarDate } from '../../src/shared/calendar-date.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { cents } from '../../src/shared/money.ts';
import { InvalidError } from '../../src/shared/errors.ts';
import { openTestRuntime } from '../db.ts';
import {
  makeCompany,
  makeCustomer,
  makeInvoices,
  makePayment,
  makeUser,
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

const day = calendarDate;

/** The dependencies on `date`, at noon in Paris. */
function on(date: string): Deps {
  return { ...deps, clock: fixedClock(new Date(`${date}T11:00:00Z`)) };
}

/**
 * Customer C (collected by Claire) owes F1 (1 000,00 €) and F2 (500,00 €), due Monday 2
 * March 2026; its scenario e-mails at J+5 and calls at J+9.
 * - Sat 7 March (week of 2 March): the run e-mails C.
 * - Wed 11 March (week of 9 March): the run puts the call on Claire's agenda; she calls,
 *   reaches C, takes a promise of F1 for Friday 13 March, and one of F2 for Thursday 12th.
 * - Thu 12 March: C pays F1 in full and 200,00 € of F2.
 * - Tue 17 March (week of 16 March): the daily check settles F1's promise kept, F2's partly
 *   kept (its day plus 3 grace days passed on the 15th).
 */
async function workedWeeks(): Promise<{ ctx: Ctx; claire: { id: string } }> {
  const { ctx } = await makeCompany(deps);
  const claire = await makeUser(deps, ctx, 'collector');
  const claireCtx: Ctx = {
    companyId: ctx.companyId,
    actor: { type: 'user', id: claire.id, name: 'Test collector' },
    role: 'collector',
  };
  await saveScenario(deps, ctx, undefined, {
    name: 'E-mail puis appel',
    isCompanyDefault: true,
    riskCategory: null,
    steps: [scenarioStep(5, 'email', 'reminder_1'), scenarioStep(9, 'call', 'call_script')],
  });
  const customer = await makeCustomer(deps, ctx, {
    collectorUserId: claire.id,
    contacts: [{ role: 'billing', name: 'Léa Roux', email: 'compta@client.test', phone: null }],
  });
  await makeInvoices(deps, ctx, customer.id, [
    { number: 'F1', issueDate: '2026-02-01', dueDate: '2026-03-02', amount: 100_000 },
    { number: 'F2', issueDate: '2026-02-01', dueDate: '2026-03-02', amount: 50_000 },
  ]);
  const invoices = await listOpenInvoicesOfCustomers(deps.db, ctx, [customer.id]);
  const id = (number: string) => invoices.find((invoice) => invoice.number === number)?.id ?? '';

  expect(
    (await runDunning(on('2026-03-07'), ctx, { date: day('2026-03-07') })).counts,
  ).toMatchObject({
    messages: 1,
  });
  await runDunning(on('2026-03-11'), ctx, { date: day('2026-03-11') });
  const agenda = await listAgenda(on('2026-03-11'), claireCtx, {
    assignee: 'me',
    limit: 10,
  });
  const call = agenda.items.find((item) => item.kind === 'call');
  expect(call).toBeDefined();
  await completeAction(on('2026-03-11'), claireCtx, call?.id ?? '', {
    outcome: 'promise_given',
    promise: { amountCents: cents(100_000), promisedOn: day('2026-03-13'), invoiceIds: [id('F1')] },
  });
  await createPromise(on('2026-03-11'), claireCtx, {
    customerId: customer.id,
    amountCents: cents(50_000),
    currency: 'EUR',
    promisedOn: day('2026-03-12'),
    invoiceIds: [id('F2')],
    channel: 'phone',
  });
  await makePayment(on('2026-03-12'), ctx, customer.id, {
    reference: 'VIR-1',
    receivedOn: '2026-03-12',
    amount: 100_000,
    invoiceNumber: 'F1',
  });
  await makePayment(on('2026-03-12'), ctx, customer.id, {
    reference: 'VIR-2',
    receivedOn: '2026-03-12',
    amount: 20_000,
    invoiceNumber: 'F2',
  });
  const settled = await inTransaction(deps.db, (tx) =>
    checkPromisesInTx(on('2026-03-17'), tx, ctx, day('2026-03-17')),
  );
  expect([settled.kept.length, settled.partlyKept.length]).toEqual([1, 1]);
  return { ctx, claire };
}

const zero = {
  contacts: 0,
  messages: 0,
  calls: 0,
  callsReached: 0,
  callsNotReached: 0,
  promisesTaken: 0,
  promisesDue: 0,
  promisesDueKept: 0,
  promisesDuePartlyKept: 0,
  promisesDueBroken: 0,
  promisesDecided: 0,
  promisesDecidedKept: 0,
  keptRateByCount: null,
  amounts: [],
};

describe('the collectors’ activity', () => {
  it('counts each week’s contacts and promises, and the kept rates by count and amount', async () => {
    const { ctx, claire } = await workedWeeks();
    const report = await collectorActivityReport(on('2026-03-17'), ctx, {
      from: day('2026-03-03'),
      to: day('2026-03-17'),
    });
    expect(report.from).toBe('2026-03-02');
    expect(report.to).toBe('2026-03-22');
    expect(report.weeks).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(report.collectors).toHaveLength(1);
    const [row] = report.collectors;
    expect(row?.collector).toEqual({ id: claire.id, name: 'Test collector' });
    const amounts = (figures: Partial<Record<string, number | null>>) => [
      {
        currency: 'EUR',
        takenCents: 0,
        dueCents: 0,
        duePaidCents: 0,
        decidedCents: 0,
        decidedPaidCents: 0,
        keptRateByAmount: null,
        ...figures,
      },
    ];
    expect(row?.weeks).toEqual([
      { week: '2026-03-02', ...zero, contacts: 1, messages: 1 },
      {
        week: '2026-03-09',
        ...zero,
        contacts: 1,
        calls: 1,
        callsReached: 1,
        promisesTaken: 2,
        promisesDue: 2,
        promisesDueKept: 1,
        promisesDuePartlyKept: 1,
        amounts: amounts({ takenCents: 150_000, dueCents: 150_000, duePaidCents: 120_000 }),
      },
      {
        week: '2026-03-16',
        ...zero,
        promisesDecided: 2,
        promisesDecidedKept: 1,
        // 1 kept of 2 decided; 1 200,00 € paid of 1 500,00 € promised.
        keptRateByCount: 50,
        amounts: amounts({
          decidedCents: 150_000,
          decidedPaidCents: 120_000,
          keptRateByAmount: 80,
        }),
      },
    ]);
    expect(row?.total).toEqual({
      contacts: 2,
      messages: 1,
      calls: 1,
      callsReached: 1,
      callsNotReached: 0,
      promisesTaken: 2,
      promisesDue: 2,
      promisesDueKept: 1,
      promisesDuePartlyKept: 1,
      promisesDueBroken: 0,
      promisesDecided: 2,
      promisesDecidedKept: 1,
      keptRateByCount: 50,
      amounts: amounts({
        takenCents: 150_000,
        dueCents: 150_000,
        duePaidCents: 120_000,
        decidedCents: 150_000,
        decidedPaidCents: 120_000,
        keptRateByAmount: 80,
      }),
    });
    // One collector's, and nobody's: none.
    const own = await collectorActivityReport(on('2026-03-17'), ctx, { collectorId: claire.id });
    expect(own.weeks).toHaveLength(12);
    expect(own.collectors.map((entry) => entry.collector.id)).toEqual([claire.id]);
    const nobody = await collectorActivityReport(on('2026-03-17'), ctx, { collectorId: 'none' });
    expect(nobody.collectors).toEqual([]);
  });

  it('refuses a period that ends before it starts, or is too long', async () => {
    const { ctx } = await makeCompany(deps);
    const refused = (from: CalendarDate, to: CalendarDate) =>
      collectorActivityReport(deps, ctx, { from, to }).catch((error: unknown) => error);
    const backwards = await refused(day('2026-03-10'), day('2026-03-01'));
    expect(backwards).toBeInstanceOf(InvalidError);
    expect((backwards as InvalidError).issues.map((issue) => issue.code)).toEqual([
      'collector_activity_from_after_to',
    ]);
    const long = await refused(day('2020-01-01'), day('2026-03-01'));
    expect((long as InvalidError).issues.map((issue) => issue.code)).toEqual([
      'collector_activity_too_many_weeks',
    ]);
  });
});
