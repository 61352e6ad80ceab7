import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RISK_CATEGORIES } from '../customers/schemas.ts';
import { addDays, calendarDate, type CalendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import {
  decideCustomer,
  type CarriedOut,
  type CustomerDecision,
  type CustomerForDunning,
  type InvoiceInDunning,
} from './decide.ts';
import {
  frenchDefaultScenario,
  isContactChannel,
  orderedSteps,
  type Channel,
  type DunningPolicy,
  type Scenario,
  type ScenarioStep,
} from './scenario.ts';

const DUE = calendarDate('2026-03-02');
/** The day `days` after the due date (before it when negative): J+days. */
const j = (days: number) => addDays(DUE, days);
const NO_POLICY: DunningPolicy = { toleranceCents: cents(0), minDaysBetweenContacts: 0 };

function step(id: string, offsetDays: number, overrides: Partial<ScenarioStep> = {}): ScenarioStep {
  return {
    id,
    offsetDays,
    channel: 'email',
    templateId: id,
    needsApproval: false,
    minOverdueCents: null,
    riskCategories: null,
    ...overrides,
  };
}

function scenario(...steps: ScenarioStep[]): Scenario {
  return { id: 'sc-1', name: 'Standard', steps };
}

const L1 = step('level_1', 5);
const L2 = step('level_2', 20);
const L3 = step('level_3', 40);
/** The issue's levels: reminders 5, 20 and 40 days after the due date. */
const LEVELS = scenario(L1, L2, L3);

function invoice(overrides: Partial<InvoiceInDunning> = {}): InvoiceInDunning {
  const amountCents = overrides.amountCents ?? cents(100_000);
  return {
    invoiceId: 'inv-1',
    number: 'F-001',
    issueDate: addDays(DUE, -30),
    dueDate: DUE,
    amountCents,
    openCents: amountCents,
    disputed: false,
    promised: false,
    state: null,
    ...overrides,
  };
}

function at(stepId: string, reachedOn: CalendarDate, carriedOut: CarriedOut = 'done') {
  return { stepId, reachedOn, carriedOut };
}

function customer(
  invoices: readonly InvoiceInDunning[],
  overrides: Partial<CustomerForDunning> = {},
): CustomerForDunning {
  return {
    customerId: 'cus-1',
    riskCategory: 'standard',
    status: 'active',
    manualFollowUp: false,
    scenario: LEVELS,
    lastContactOn: null,
    creditsCents: cents(0),
    currency: 'EUR',
    invoices,
    ...overrides,
  };
}

/**
 * The expected decision: only what `parts` says, every other list empty. Its figures are
 * plain numbers, as `toEqual` compares them with the decision's `Cents`.
 */
function decision(parts: { [K in keyof CustomerDecision]?: unknown } = {}) {
  return {
    customerId: 'cus-1',
    currency: 'EUR',
    actions: [],
    advances: [],
    leaves: [],
    skipped: [],
    heldBack: [],
    ...parts,
  };
}

/** The customer after the run's decision is stored and every action carried out as `carriedOut`. */
function afterRun(
  before: CustomerForDunning,
  today: CalendarDate,
  made: CustomerDecision,
  carriedOut: CarriedOut = 'done',
): CustomerForDunning {
  const reached = new Map(made.advances.map((advance) => [advance.invoiceId, advance.stepId]));
  const contacted = made.actions.some((action) => isContactChannel(action.step.channel));
  return {
    ...before,
    lastContactOn: contacted ? today : before.lastContactOn,
    invoices: before.invoices
      .filter((each) => !made.leaves.includes(each.invoiceId))
      .map((each) => {
        const stepId = reached.get(each.invoiceId);
        return stepId === undefined ? each : { ...each, state: at(stepId, today, carriedOut) };
      }),
  };
}

describe('decideCustomer: the levels at 5, 20 and 40 days', () => {
  it('does nothing at J+4', () => {
    expect(decideCustomer(customer([invoice()]), j(4), NO_POLICY)).toEqual(decision());
  });

  it('reaches level 1 at J+5', () => {
    expect(decideCustomer(customer([invoice()]), j(5), NO_POLICY)).toEqual(
      decision({
        actions: [{ step: L1, invoiceIds: ['inv-1'], totalOpenCents: 100_000 }],
        advances: [{ invoiceId: 'inv-1', stepId: 'level_1' }],
      }),
    );
  });

  it('stays at level 1 at J+30 while level 1 is unsent', () => {
    const unsent = invoice({ state: at('level_1', j(5), 'pending') });
    expect(decideCustomer(customer([unsent]), j(30), NO_POLICY)).toEqual(
      decision({
        heldBack: [{ invoiceId: 'inv-1', stepId: 'level_2', reason: 'awaiting_approval' }],
      }),
    );
  });

  it('reaches level 2 at the next run after level 1 is sent, and not level 3 at once', () => {
    const sent = invoice({ state: at('level_1', j(5), 'done') });
    const expected = decision({
      actions: [{ step: L2, invoiceIds: ['inv-1'], totalOpenCents: 100_000 }],
      advances: [{ invoiceId: 'inv-1', stepId: 'level_2' }],
    });
    expect(decideCustomer(customer([sent]), j(31), NO_POLICY)).toEqual(expected);
    // Runs missed until past level 3's date: still one step, level 2.
    expect(decideCustomer(customer([sent]), j(45), NO_POLICY)).toEqual(expected);
  });

  it('climbs day by day: J+5 level 1, J+20 level 2, J+40 level 3, then nothing more', () => {
    let current = customer([invoice()]);
    const reached: string[] = [];
    for (let day = -15; day <= 120; day += 1) {
      const made = decideCustomer(current, j(day), NO_POLICY);
      reached.push(...made.advances.map((advance) => `J+${day} ${advance.stepId}`));
      current = afterRun(current, j(day), made);
    }
    expect(reached).toEqual(['J+5 level_1', 'J+20 level_2', 'J+40 level_3']);
  });

  it('climbs from the first step whose date has come, never several at once, for an invoice new to the run', () => {
    // Imported at J+45 with no state: level 1 first, level 2 the next day, level 3 the day after.
    let current = customer([invoice()]);
    const reached: string[] = [];
    for (const day of [45, 46, 47, 48]) {
      const made = decideCustomer(current, j(day), NO_POLICY);
      reached.push(...made.advances.map((advance) => `J+${day} ${advance.stepId}`));
      current = afterRun(current, j(day), made);
    }
    expect(reached).toEqual(['J+45 level_1', 'J+46 level_2', 'J+47 level_3']);
  });
});

describe('decideCustomer: the run twice for one date', () => {
  it('decides nothing new the second time, whether the step is still pending or done', () => {
    const first = customer([invoice(), invoice({ invoiceId: 'inv-2', number: 'F-002' })]);
    const made = decideCustomer(first, j(5), NO_POLICY);
    expect(made.advances).toHaveLength(2);
    for (const carriedOut of ['pending', 'done'] as const) {
      const second = afterRun(first, j(5), made, carriedOut);
      expect(decideCustomer(second, j(5), NO_POLICY)).toEqual(decision());
    }
  });

  it('does not climb an invoice whose state was reached on a later run date', () => {
    const ahead = invoice({ state: at('level_1', j(25)) });
    expect(decideCustomer(customer([ahead]), j(22), NO_POLICY)).toEqual(decision());
  });
});

describe('decideCustomer: open amounts', () => {
  it('lets a fully paid invoice leave the scenario at once', () => {
    const paid = invoice({ openCents: cents(0), state: at('level_1', j(5)) });
    expect(decideCustomer(customer([paid]), j(25), NO_POLICY)).toEqual(
      decision({ leaves: ['inv-1'] }),
    );
  });

  it('ignores a paid invoice that never entered the scenario', () => {
    const paid = invoice({ openCents: cents(0) });
    expect(decideCustomer(customer([paid]), j(25), NO_POLICY)).toEqual(decision());
  });

  it('keeps a partly paid invoice in, dunned for what is left open', () => {
    const partly = invoice({ openCents: cents(40_000), state: at('level_1', j(5)) });
    expect(decideCustomer(customer([partly]), j(20), NO_POLICY)).toEqual(
      decision({
        actions: [{ step: L2, invoiceIds: ['inv-1'], totalOpenCents: 40_000 }],
        advances: [{ invoiceId: 'inv-1', stepId: 'level_2' }],
      }),
    );
  });
});

describe('decideCustomer: one message per customer and step', () => {
  it('gives two invoices at one step one action, oldest due date first, with their total', () => {
    const older = invoice({
      invoiceId: 'inv-2',
      number: 'F-002',
      dueDate: j(-2),
      amountCents: cents(25_000),
    });
    const made = decideCustomer(customer([invoice(), older]), j(5), NO_POLICY);
    expect(made).toEqual(
      decision({
        actions: [{ step: L1, invoiceIds: ['inv-2', 'inv-1'], totalOpenCents: 125_000 }],
        advances: [
          { invoiceId: 'inv-2', stepId: 'level_1' },
          { invoiceId: 'inv-1', stepId: 'level_1' },
        ],
      }),
    );
  });

  it('gives invoices at different steps one action per step, in the scenario order', () => {
    const later = invoice({ invoiceId: 'inv-2', number: 'F-002', amountCents: cents(30_000) });
    const earlier = invoice({ state: at('level_1', j(5)) });
    const made = decideCustomer(customer([later, earlier]), j(20), NO_POLICY);
    expect(made.actions).toEqual([
      { step: L1, invoiceIds: ['inv-2'], totalOpenCents: 30_000 },
      { step: L2, invoiceIds: ['inv-1'], totalOpenCents: 100_000 },
    ]);
  });
});

describe('decideCustomer: pre-due steps', () => {
  const COURTESY = step('courtesy', -10);
  const WITH_COURTESY = scenario(COURTESY, L1);

  it('sends the courtesy message ten days before the due date', () => {
    expect(
      decideCustomer(customer([invoice()], { scenario: WITH_COURTESY }), j(-10), NO_POLICY),
    ).toEqual(
      decision({
        actions: [{ step: COURTESY, invoiceIds: ['inv-1'], totalOpenCents: 100_000 }],
        advances: [{ invoiceId: 'inv-1', stepId: 'courtesy' }],
      }),
    );
  });

  it('still sends it to an invoice entering after the step date but before the due date', () => {
    const made = decideCustomer(
      customer([invoice()], { scenario: WITH_COURTESY }),
      j(-3),
      NO_POLICY,
    );
    expect(made.advances).toEqual([{ invoiceId: 'inv-1', stepId: 'courtesy' }]);
  });

  it('skips it for an invoice entering on or after its due date', () => {
    for (const day of [0, 2]) {
      expect(
        decideCustomer(customer([invoice()], { scenario: WITH_COURTESY }), j(day), NO_POLICY),
      ).toEqual(
        decision({
          skipped: [{ invoiceId: 'inv-1', stepId: 'courtesy', reason: 'pre_due_passed' }],
        }),
      );
    }
  });

  it('goes on to the first post-due step whose date has come, in the same run', () => {
    expect(
      decideCustomer(customer([invoice()], { scenario: WITH_COURTESY }), j(7), NO_POLICY),
    ).toEqual(
      decision({
        actions: [{ step: L1, invoiceIds: ['inv-1'], totalOpenCents: 100_000 }],
        advances: [{ invoiceId: 'inv-1', stepId: 'level_1' }],
        skipped: [{ invoiceId: 'inv-1', stepId: 'courtesy', reason: 'pre_due_passed' }],
      }),
    );
  });

  it('skips a second pre-due step once the due date has come, for an invoice already in', () => {
    const twoCourtesies = scenario(step('courtesy', -10), step('approval_check', -3), L1);
    const inAlready = invoice({ state: at('courtesy', j(-10)) });
    expect(
      decideCustomer(customer([inAlready], { scenario: twoCourtesies }), j(1), NO_POLICY),
    ).toEqual(
      decision({
        skipped: [{ invoiceId: 'inv-1', stepId: 'approval_check', reason: 'pre_due_passed' }],
      }),
    );
  });
});

describe('decideCustomer: step conditions', () => {
  const CALL = step('call', 10, { channel: 'call', riskCategories: ['high', 'critical'] });
  const BIG_CALL = step('call', 10, { channel: 'call', minOverdueCents: cents(200_000) });
  const sent = invoice({ state: at('level_1', j(5)) });

  it('passes over a step whose risk categories exclude the customer, without blocking the next', () => {
    const calls = scenario(L1, CALL, L2);
    const skipped = [{ invoiceId: 'inv-1', stepId: 'call', reason: 'conditions_not_met' }];
    expect(decideCustomer(customer([sent], { scenario: calls }), j(12), NO_POLICY)).toEqual(
      decision({ skipped }),
    );
    expect(decideCustomer(customer([sent], { scenario: calls }), j(20), NO_POLICY)).toEqual(
      decision({
        actions: [{ step: L2, invoiceIds: ['inv-1'], totalOpenCents: 100_000 }],
        advances: [{ invoiceId: 'inv-1', stepId: 'level_2' }],
        skipped,
      }),
    );
  });

  it('takes the step for a customer of a listed category', () => {
    const calls = scenario(L1, CALL, L2);
    const made = decideCustomer(
      customer([sent], { scenario: calls, riskCategory: 'high' }),
      j(12),
      NO_POLICY,
    );
    expect(made.advances).toEqual([{ invoiceId: 'inv-1', stepId: 'call' }]);
  });

  it('passes over a step whose minimum is above the overdue total, which leaves out disputed and not-yet-due invoices', () => {
    const calls = scenario(L1, BIG_CALL, L2);
    const disputed = invoice({
      invoiceId: 'inv-2',
      number: 'F-002',
      disputed: true,
      amountCents: cents(500_000),
    });
    const notDue = invoice({
      invoiceId: 'inv-3',
      number: 'F-003',
      dueDate: j(30),
      amountCents: cents(500_000),
    });
    expect(
      decideCustomer(customer([sent, disputed, notDue], { scenario: calls }), j(12), NO_POLICY),
    ).toEqual(
      decision({
        skipped: [{ invoiceId: 'inv-1', stepId: 'call', reason: 'conditions_not_met' }],
        heldBack: [{ invoiceId: 'inv-2', stepId: 'level_1', reason: 'disputed' }],
      }),
    );
  });

  it('takes the step once the overdue total reaches its minimum', () => {
    const calls = scenario(L1, BIG_CALL, L2);
    const other = invoice({
      invoiceId: 'inv-2',
      number: 'F-002',
      dueDate: j(-1),
      amountCents: cents(100_000),
      state: at('call', j(9)),
    });
    // 100 000 + 100 000 overdue = 200 000, the minimum.
    const made = decideCustomer(customer([sent, other], { scenario: calls }), j(12), NO_POLICY);
    expect(made.actions).toEqual([
      { step: BIG_CALL, invoiceIds: ['inv-1'], totalOpenCents: 100_000 },
    ]);
  });
});

describe('decideCustomer: held back, not dunned', () => {
  it('never escalates a disputed invoice', () => {
    let current = customer([invoice({ disputed: true, state: at('level_1', j(5)) })]);
    for (let day = 6; day <= 90; day += 1) {
      const made = decideCustomer(current, j(day), NO_POLICY);
      expect(made.advances).toEqual([]);
      current = afterRun(current, j(day), made);
    }
    expect(decideCustomer(current, j(90), NO_POLICY)).toEqual(
      decision({ heldBack: [{ invoiceId: 'inv-1', stepId: 'level_2', reason: 'disputed' }] }),
    );
  });

  it('holds back a promised invoice and dunns the others', () => {
    const promised = invoice({ invoiceId: 'inv-2', number: 'F-002', promised: true });
    expect(decideCustomer(customer([invoice(), promised]), j(5), NO_POLICY)).toEqual(
      decision({
        actions: [{ step: L1, invoiceIds: ['inv-1'], totalOpenCents: 100_000 }],
        advances: [{ invoiceId: 'inv-1', stepId: 'level_1' }],
        heldBack: [{ invoiceId: 'inv-2', stepId: 'level_1', reason: 'promised' }],
      }),
    );
  });

  it('does not report a held-back invoice on a day it has no step due', () => {
    expect(decideCustomer(customer([invoice({ disputed: true })]), j(4), NO_POLICY)).toEqual(
      decision(),
    );
  });

  it('does not escalate past a step awaiting approval', () => {
    const notice = step('formal_notice', 30, { channel: 'letter', needsApproval: true });
    const hold = step('hold', 45, { channel: 'hold', templateId: null, needsApproval: true });
    const waiting = invoice({ state: at('formal_notice', j(30), 'pending') });
    expect(
      decideCustomer(customer([waiting], { scenario: scenario(notice, hold) }), j(50), NO_POLICY),
    ).toEqual(
      decision({ heldBack: [{ invoiceId: 'inv-1', stepId: 'hold', reason: 'awaiting_approval' }] }),
    );
  });

  it('does not escalate past a step that failed', () => {
    const failed = invoice({ state: at('level_1', j(5), 'failed') });
    expect(decideCustomer(customer([failed]), j(25), NO_POLICY)).toEqual(
      decision({
        heldBack: [{ invoiceId: 'inv-1', stepId: 'level_2', reason: 'previous_step_failed' }],
      }),
    );
  });

  it('says disputed rather than failed when both hold an invoice back', () => {
    const both = invoice({ disputed: true, state: at('level_1', j(5), 'failed') });
    expect(decideCustomer(customer([both]), j(25), NO_POLICY).heldBack).toEqual([
      { invoiceId: 'inv-1', stepId: 'level_2', reason: 'disputed' },
    ]);
  });

  it('holds back the whole customer under manual follow-up, and still lets paid invoices leave', () => {
    const paid = invoice({
      invoiceId: 'inv-2',
      number: 'F-002',
      openCents: cents(0),
      state: at('level_1', j(5)),
    });
    expect(
      decideCustomer(customer([invoice(), paid], { manualFollowUp: true }), j(25), NO_POLICY),
    ).toEqual(
      decision({
        leaves: ['inv-2'],
        heldBack: [{ invoiceId: null, stepId: null, reason: 'manual_follow_up' }],
      }),
    );
  });

  it.each([
    ['in_litigation', 'in_litigation'],
    ['closed', 'closed'],
  ] as const)('holds back the whole of a customer %s', (status, reason) => {
    expect(decideCustomer(customer([invoice()], { status }), j(25), NO_POLICY)).toEqual(
      decision({ heldBack: [{ invoiceId: null, stepId: null, reason }] }),
    );
  });

  it('gives every reason of the whole customer at once', () => {
    const made = decideCustomer(
      customer([invoice()], { status: 'closed', manualFollowUp: true, scenario: null }),
      j(25),
      NO_POLICY,
    );
    expect(made.heldBack.map((each) => each.reason)).toEqual([
      'closed',
      'manual_follow_up',
      'no_scenario',
    ]);
  });

  it('says nothing of a held customer with nothing open', () => {
    expect(decideCustomer(customer([], { status: 'closed' }), j(25), NO_POLICY)).toEqual(
      decision(),
    );
  });

  it.each(['prospect', 'active', 'on_hold'] as const)('dunns a customer %s', (status) => {
    expect(decideCustomer(customer([invoice()], { status }), j(5), NO_POLICY).advances).toEqual([
      { invoiceId: 'inv-1', stepId: 'level_1' },
    ]);
  });

  it('holds back a customer with no scenario', () => {
    expect(decideCustomer(customer([invoice()], { scenario: null }), j(25), NO_POLICY)).toEqual(
      decision({ heldBack: [{ invoiceId: null, stepId: null, reason: 'no_scenario' }] }),
    );
  });

  it('holds back an invoice whose state names a step the scenario no longer has', () => {
    const stale = invoice({ state: at('removed_step', j(5)) });
    expect(decideCustomer(customer([stale]), j(25), NO_POLICY)).toEqual(
      decision({
        heldBack: [{ invoiceId: 'inv-1', stepId: null, reason: 'step_not_in_scenario' }],
      }),
    );
  });
});

describe('decideCustomer: the money rules', () => {
  const TOLERANCE: DunningPolicy = { toleranceCents: cents(1_000), minDaysBetweenContacts: 0 };

  it('leaves alone a customer whose dunnable open total is below the tolerance', () => {
    expect(
      decideCustomer(customer([invoice({ amountCents: cents(999) })]), j(5), TOLERANCE),
    ).toEqual(
      decision({
        heldBack: [{ invoiceId: 'inv-1', stepId: 'level_1', reason: 'below_tolerance' }],
      }),
    );
  });

  it('dunns a customer whose dunnable open total equals the tolerance', () => {
    const made = decideCustomer(
      customer([invoice({ amountCents: cents(1_000) })]),
      j(5),
      TOLERANCE,
    );
    expect(made.actions).toEqual([{ step: L1, invoiceIds: ['inv-1'], totalOpenCents: 1_000 }]);
  });

  it('counts neither disputed nor promised invoices in the dunnable total', () => {
    const small = invoice({ amountCents: cents(500) });
    const disputed = invoice({
      invoiceId: 'inv-2',
      number: 'F-002',
      disputed: true,
      dueDate: j(30),
    });
    const promised = invoice({
      invoiceId: 'inv-3',
      number: 'F-003',
      promised: true,
      dueDate: j(30),
    });
    expect(decideCustomer(customer([small, disputed, promised]), j(5), TOLERANCE)).toEqual(
      decision({
        heldBack: [{ invoiceId: 'inv-1', stepId: 'level_1', reason: 'below_tolerance' }],
      }),
    );
  });

  it('counts invoices not yet due in the dunnable total', () => {
    const small = invoice({ amountCents: cents(500) });
    const notDue = invoice({
      invoiceId: 'inv-2',
      number: 'F-002',
      dueDate: j(30),
      amountCents: cents(500),
    });
    expect(decideCustomer(customer([small, notDue]), j(5), TOLERANCE).advances).toEqual([
      { invoiceId: 'inv-1', stepId: 'level_1' },
    ]);
  });

  it('sends nothing when the credits cover what would be dunned, and says so', () => {
    const both = [
      invoice(),
      invoice({ invoiceId: 'inv-2', number: 'F-002', amountCents: cents(20_000) }),
    ];
    expect(
      decideCustomer(customer(both, { creditsCents: cents(120_000) }), j(5), NO_POLICY),
    ).toEqual(
      decision({
        heldBack: [
          { invoiceId: 'inv-1', stepId: 'level_1', reason: 'covered_by_credits' },
          { invoiceId: 'inv-2', stepId: 'level_1', reason: 'covered_by_credits' },
        ],
      }),
    );
  });

  it('dunns when the credits cover only part of it', () => {
    const made = decideCustomer(
      customer([invoice()], { creditsCents: cents(99_999) }),
      j(5),
      NO_POLICY,
    );
    expect(made.actions).toEqual([{ step: L1, invoiceIds: ['inv-1'], totalOpenCents: 100_000 }]);
  });
});

describe('decideCustomer: the minimum gap between contacts', () => {
  const GAP: DunningPolicy = { toleranceCents: cents(0), minDaysBetweenContacts: 5 };

  it('waits while the last contact is less than the gap ago', () => {
    expect(decideCustomer(customer([invoice()], { lastContactOn: j(1) }), j(5), GAP)).toEqual(
      decision({ heldBack: [{ invoiceId: 'inv-1', stepId: 'level_1', reason: 'recent_contact' }] }),
    );
  });

  it('sends once the gap has passed', () => {
    const made = decideCustomer(customer([invoice()], { lastContactOn: j(0) }), j(5), GAP);
    expect(made.advances).toEqual([{ invoiceId: 'inv-1', stepId: 'level_1' }]);
  });

  it('sends the reminder on the first day the gap allows, in a run of days', () => {
    let current = customer([invoice()], { lastContactOn: j(2) });
    const reached: string[] = [];
    for (let day = 4; day <= 9; day += 1) {
      const made = decideCustomer(current, j(day), GAP);
      reached.push(...made.advances.map((advance) => `J+${day} ${advance.stepId}`));
      current = afterRun(current, j(day), made);
    }
    expect(reached).toEqual(['J+7 level_1']);
  });

  it('does not make an account hold, which contacts nobody, wait for the gap', () => {
    const hold = step('hold', 45, { channel: 'hold', templateId: null });
    const made = decideCustomer(
      customer([invoice({ state: at('level_1', j(5)) })], {
        scenario: scenario(L1, hold),
        lastContactOn: j(44),
      }),
      j(45),
      GAP,
    );
    expect(made.actions).toEqual([{ step: hold, invoiceIds: ['inv-1'], totalOpenCents: 100_000 }]);
  });

  it('does not make a call wait for the gap: it follows the written reminder on purpose', () => {
    const call = step('call', 17, { channel: 'call', templateId: 'call_script' });
    const reminded = invoice({ state: at('level_1', j(15)) });
    const made = decideCustomer(
      customer([reminded], { scenario: scenario(L1, call), lastContactOn: j(15) }),
      j(17),
      GAP,
    );
    expect(made.actions).toEqual([{ step: call, invoiceIds: ['inv-1'], totalOpenCents: 100_000 }]);
  });

  it('holds for the gap first, then compares the credits with what is left to go', () => {
    const hold = step('hold', 45, { channel: 'hold', templateId: null });
    const atHold = invoice({ state: at('level_1', j(5)), amountCents: cents(50_000) });
    const atReminder = invoice({
      invoiceId: 'inv-2',
      number: 'F-002',
      dueDate: j(40),
      amountCents: cents(80_000),
    });
    const made = decideCustomer(
      customer([atHold, atReminder], {
        scenario: scenario(L1, hold),
        lastContactOn: j(44),
        creditsCents: cents(60_000),
      }),
      j(45),
      GAP,
    );
    expect(made).toEqual(
      decision({
        heldBack: [
          { invoiceId: 'inv-2', stepId: 'level_1', reason: 'recent_contact' },
          { invoiceId: 'inv-1', stepId: 'hold', reason: 'covered_by_credits' },
        ],
      }),
    );
  });
});

describe('decideCustomer: account hold and litigation', () => {
  const NOTICE = step('formal_notice', 30, { channel: 'letter', needsApproval: true });
  const HOLD = step('hold', 45, { channel: 'hold', templateId: null, needsApproval: true });
  const LITIGATION = step('litigation', 60, {
    channel: 'litigation',
    templateId: null,
    needsApproval: true,
  });
  const TO_COURT = scenario(NOTICE, HOLD, LITIGATION);

  it('produces the hold and the litigation steps as actions like the others', () => {
    const noticed = invoice({ state: at('formal_notice', j(30)) });
    expect(
      decideCustomer(customer([noticed], { scenario: TO_COURT }), j(45), NO_POLICY).actions,
    ).toEqual([{ step: HOLD, invoiceIds: ['inv-1'], totalOpenCents: 100_000 }]);
    const heldAccount = invoice({ state: at('hold', j(45)) });
    expect(
      decideCustomer(
        customer([heldAccount], { scenario: TO_COURT, status: 'on_hold' }),
        j(60),
        NO_POLICY,
      ).actions,
    ).toEqual([{ step: LITIGATION, invoiceIds: ['inv-1'], totalOpenCents: 100_000 }]);
  });

  it('does nothing more after the litigation step', () => {
    const inCourt = invoice({ state: at('litigation', j(60)) });
    expect(decideCustomer(customer([inCourt], { scenario: TO_COURT }), j(300), NO_POLICY)).toEqual(
      decision(),
    );
  });
});

describe('decideCustomer: the default French scenario', () => {
  it('takes an unpaid invoice through every step on its day, when each is carried out at once', () => {
    let next = 0;
    const defaults = frenchDefaultScenario({ newId: () => `step-${(next += 1)}` });
    const names = new Map(defaults.steps.map((each) => [each.id, each.templateId ?? each.channel]));
    let current = customer([invoice()], { scenario: defaults });
    const reached: string[] = [];
    for (let day = -20; day <= 100; day += 1) {
      const made = decideCustomer(current, j(day), NO_POLICY);
      reached.push(
        ...made.advances.map(
          (advance) => `J${day < 0 ? '' : '+'}${day} ${names.get(advance.stepId)}`,
        ),
      );
      current = afterRun(current, j(day), made);
    }
    expect(reached).toEqual([
      'J-10 courtesy',
      'J+5 reminder_1',
      'J+15 reminder_2',
      'J+17 call_script',
      'J+30 formal_notice',
      'J+45 hold',
      'J+60 litigation',
    ]);
  });
});

describe('decideCustomer: invariants', () => {
  it('refuses a scenario that fails its check', () => {
    expect(() =>
      decideCustomer(
        customer([invoice()], { scenario: scenario(L1, step('twin', 5)) }),
        j(5),
        NO_POLICY,
      ),
    ).toThrow('Cannot decide dunning for cus-1: steps[1].offsetDays: dunning_step_same_offset');
  });

  it('refuses a policy that fails its check', () => {
    expect(() =>
      decideCustomer(customer([invoice()]), j(5), {
        toleranceCents: cents(-1),
        minDaysBetweenContacts: 0,
      }),
    ).toThrow('Cannot decide dunning for cus-1: toleranceCents: dunning_negative_tolerance');
  });

  it('refuses negative credits', () => {
    expect(() =>
      decideCustomer(customer([invoice()], { creditsCents: cents(-1) }), j(5), NO_POLICY),
    ).toThrow('Credits are a positive amount: -1');
  });
});

const CHANNELS_BEFORE_LITIGATION: readonly Channel[] = [
  'email',
  'letter',
  'sms',
  'call',
  'task',
  'hold',
];

/** Mostly `usual`, sometimes anything `other` gives: the rules under test need climbs to judge. */
function mostly<T, U>(usual: T, other: fc.Arbitrary<U>): fc.Arbitrary<T | U> {
  return fc.oneof({ arbitrary: fc.constant(usual), weight: 3 }, { arbitrary: other, weight: 1 });
}

/** A valid scenario: distinct offsets, hold only after the due date, litigation last if at all. */
const arbitraryScenario: fc.Arbitrary<Scenario> = fc
  .record({
    offsets: fc.uniqueArray(fc.integer({ min: -20, max: 70 }), { minLength: 1, maxLength: 7 }),
    channels: fc.array(fc.constantFrom(...CHANNELS_BEFORE_LITIGATION), {
      minLength: 7,
      maxLength: 7,
    }),
    conditions: fc.array(
      fc.record({
        minOverdueCents: mostly(null, fc.integer({ min: 0, max: 300_000 }).map(cents)),
        riskCategories: mostly(null, fc.subarray([...RISK_CATEGORIES], { minLength: 1 })),
      }),
      { minLength: 7, maxLength: 7 },
    ),
    endsInLitigation: fc.boolean(),
  })
  .map(({ offsets, channels, conditions, endsInLitigation }) => {
    const steps = offsets.map((offsetDays, index): ScenarioStep => {
      const channel = channels[index] ?? 'email';
      return step(`s${index}`, offsetDays, {
        channel: channel === 'hold' && offsetDays <= 0 ? 'task' : channel,
        ...conditions[index],
      });
    });
    const last = Math.max(...offsets);
    return scenario(
      ...steps,
      ...(endsInLitigation ? [step('lit', Math.max(last, 0) + 5, { channel: 'litigation' })] : []),
    );
  });

const arbitraryInvoices: fc.Arbitrary<InvoiceInDunning[]> = fc
  .array(
    fc.record({
      dueIn: fc.integer({ min: -40, max: 40 }),
      amount: fc.integer({ min: 1, max: 200_000 }),
      paid: fc.integer({ min: 0, max: 100 }),
      disputed: fc.boolean(),
      promised: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((rows) =>
    rows.map((row, index) =>
      invoice({
        invoiceId: `inv-${index}`,
        number: `F-${index}`,
        dueDate: addDays(DUE, row.dueIn),
        amountCents: cents(row.amount),
        // A quarter of them partly paid, some fully.
        openCents: cents(
          row.paid < 75 ? row.amount : Math.floor((row.amount * (100 - row.paid)) / 25),
        ),
        disputed: row.disputed && row.paid % 3 === 0,
        promised: row.promised && row.paid % 5 === 0,
      }),
    ),
  );

describe('decideCustomer: properties over random scenarios and runs', () => {
  it('climbs at most one step a run, never back, never before the date, passing over only what it reports skipped', () => {
    fc.assert(
      fc.property(
        arbitraryScenario,
        arbitraryInvoices,
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 20, maxLength: 60 }),
        fc.record({
          toleranceCents: mostly(cents(0), fc.integer({ min: 0, max: 50_000 }).map(cents)),
          minDaysBetweenContacts: fc.integer({ min: 0, max: 6 }),
        }),
        fc.constantFrom(...RISK_CATEGORIES),
        mostly(cents(0), fc.integer({ min: 0, max: 150_000 }).map(cents)),
        (scenarioOf, invoices, gaps, policy, riskCategory, creditsCents) => {
          const steps = orderedSteps(scenarioOf);
          const position = (stepId: string | undefined) =>
            steps.findIndex((each) => each.id === stepId);
          let current = customer(invoices, { scenario: scenarioOf, riskCategory, creditsCents });
          let today = addDays(DUE, -30);
          for (const gap of gaps) {
            today = addDays(today, gap);
            const made = decideCustomer(current, today, policy);
            const advanced = made.advances.map((advance) => advance.invoiceId);
            expect(new Set(advanced).size).toBe(advanced.length);
            for (const advance of made.advances) {
              const before = current.invoices.find((each) => each.invoiceId === advance.invoiceId);
              expect(before).toBeDefined();
              if (before === undefined) {
                continue;
              }
              const from = position(before.state?.stepId);
              const to = position(advance.stepId);
              const reached = steps[to];
              expect(to).toBeGreaterThan(from);
              expect(
                reached !== undefined && addDays(before.dueDate, reached.offsetDays) <= today,
              ).toBe(true);
              expect(before.state === null || before.state.carriedOut === 'done').toBe(true);
              expect(before.disputed || before.promised || before.openCents <= 0).toBe(false);
              const passedOver = steps.slice(from + 1, to).map((each) => each.id);
              const reported = made.skipped
                .filter((each) => each.invoiceId === advance.invoiceId)
                .map((each) => each.stepId);
              expect(reported).toEqual(passedOver);
            }
            current = afterRun(current, today, made);
            // The same date again decides nothing new.
            const again = decideCustomer(current, today, policy);
            expect(again.actions).toEqual([]);
            expect(again.advances).toEqual([]);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
