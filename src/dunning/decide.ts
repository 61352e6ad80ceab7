/**
 * The daily dunning run's decision for one customer on one day: which step each of its
 * open invoices climbs to, what goes out (one action per step, never one per invoice),
 * and why the rest waits. The service stores the advances and writes the actions to the
 * outbox in the run's transaction; this module only decides.
 *
 * Pure (HOUSE_STYLE §3): `today` is the run's date, never the clock. docs/dunning.md
 * says the rules in plain words; decide.test.ts proves each.
 */
import type { CustomerStatus, RiskCategory } from '../customers/model.ts';
import { addDays, compareDates, daysBetween, type CalendarDate } from '../shared/calendar-date.ts';
import { sumCents, type Cents } from '../shared/money.ts';
import {
  checkPolicy,
  checkScenario,
  isWrittenChannel,
  orderedSteps,
  type DunningPolicy,
  type Scenario,
  type ScenarioStep,
} from './scenario.ts';

/**
 * Where an invoice's step stands:
 * - `pending`: waiting for a collector's approval, or not yet handed to the outbox;
 * - `done`: the message was handed to the outbox and has not failed, or the call was made;
 * - `failed`: the message failed (bounced, undeliverable).
 */
export type CarriedOut = 'pending' | 'done' | 'failed';

/** The step an invoice last reached, and when. */
export type InvoiceDunningState = {
  stepId: string;
  /** The run date on which the invoice reached the step. */
  reachedOn: CalendarDate;
  carriedOut: CarriedOut;
};

/** An invoice as the run sees it. */
export type InvoiceInDunning = {
  invoiceId: string;
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  amountCents: Cents;
  /** What is left to pay after payments and credit notes allocated to it. */
  openCents: Cents;
  disputed: boolean;
  /** Under a live payment promise or payment plan. */
  promised: boolean;
  /** `null` until the invoice reaches its first step. */
  state: InvoiceDunningState | null;
};

/** A customer and its invoices in one currency, as the run sees them. */
export type CustomerForDunning = {
  customerId: string;
  riskCategory: RiskCategory;
  status: CustomerStatus;
  /** A collector follows the customer by hand: the run leaves it alone. */
  manualFollowUp: boolean;
  /** `null`: the customer has no scenario. */
  scenario: Scenario | null;
  /** The last day the customer was contacted (any channel that reaches it). */
  lastContactOn: CalendarDate | null;
  /** Unapplied payments plus open credit notes, as a positive amount. */
  creditsCents: Cents;
  currency: string;
  invoices: readonly InvoiceInDunning[];
};

/** One step to carry out for a customer today, with every invoice that reached it. */
export type DunningAction = {
  step: ScenarioStep;
  /** Oldest due date first. */
  invoiceIds: string[];
  /** The sum of those invoices' open amounts. */
  totalOpenCents: Cents;
};

/** An invoice's new state: it reached `stepId` today, `pending` until carried out. */
export type StepAdvance = { invoiceId: string; stepId: string };

/**
 * Why a step whose date has come was passed over:
 * - `pre_due_passed`: a pre-due step when the due date has come (no courtesy message after it);
 * - `conditions_not_met`: the customer's risk category or overdue total is outside the step's.
 */
export type SkipReason = 'pre_due_passed' | 'conditions_not_met';

/** A step passed over today on the way to an invoice's next one; nothing is stored for it. */
export type SkippedStep = { invoiceId: string; stepId: string; reason: SkipReason };

/**
 * Why an invoice (or the whole customer) that had a step due is not dunned today:
 * - the customer: `closed`, `in_litigation` (its status), `manual_follow_up`, `no_scenario`;
 * - the invoice: `disputed`, `promised` (a live promise or payment plan), `awaiting_approval`
 *   (its current step is still pending), `previous_step_failed`, `step_not_in_scenario`
 *   (its state names a step the customer's scenario no longer has: a person places it);
 * - the money: `below_tolerance` (the dunnable open total is below the policy's tolerance),
 *   `covered_by_credits` (credits cover everything that would be dunned: apply them);
 * - the calendar: `recent_contact` (the minimum gap since the last contact has not passed).
 */
export type HoldReason =
  | 'closed'
  | 'in_litigation'
  | 'manual_follow_up'
  | 'no_scenario'
  | 'disputed'
  | 'promised'
  | 'awaiting_approval'
  | 'previous_step_failed'
  | 'step_not_in_scenario'
  | 'below_tolerance'
  | 'covered_by_credits'
  | 'recent_contact';

/**
 * What is held back. For a reason of the whole customer (its status, manual follow-up, no
 * scenario), one entry with `invoiceId` and `stepId` `null`; otherwise one per invoice,
 * with the step it would have reached (`null` when the step is unknown).
 */
export type HeldBack = { invoiceId: string | null; stepId: string | null; reason: HoldReason };

/** What the run decides for one customer on one day. */
export type CustomerDecision = {
  customerId: string;
  currency: string;
  /** In the scenario's order; one per step. */
  actions: DunningAction[];
  /** One per invoice of the actions, in the same order. */
  advances: StepAdvance[];
  /** Invoices with a dunning state and nothing left open: they leave the scenario. */
  leaves: string[];
  skipped: SkippedStep[];
  heldBack: HeldBack[];
};

/** What one invoice does today, before the customer's own rules (money, calendar) apply. */
type InvoiceOutcome =
  | { kind: 'idle'; skipped: SkippedStep[] }
  | { kind: 'held'; skipped: SkippedStep[]; held: HeldBack }
  | { kind: 'climbs'; skipped: SkippedStep[]; invoice: InvoiceInDunning; step: ScenarioStep };

type Climb = Extract<InvoiceOutcome, { kind: 'climbs' }>;

/** What every invoice of the customer is judged against. */
type RunContext = {
  today: CalendarDate;
  riskCategory: RiskCategory;
  /** Open amounts past due and not disputed: what a step's minimum is compared with. */
  overdueCents: Cents;
};

/**
 * The decision for `customer` on `today` under `policy`. The rules, in order:
 * 1. An invoice with nothing open leaves the scenario if it had a state (`leaves`); only
 *    invoices with something open are dunned, a partly paid one for what is left.
 * 2. A closed customer, one in litigation, one under manual follow-up, or one without a
 *    scenario is held back whole (`heldBack` with `invoiceId: null`) when it has anything open.
 * 3. Each invoice climbs at most one step a run: the step after its current one (the first
 *    step, without a state) once that step's date (due date + offset) has come. An invoice
 *    that reached its step on or after `today` has been decided already and waits.
 *    On the way, steps are passed over (`skipped`) when they are pre-due and the due date
 *    has come, or when their conditions do not hold; the walk goes on to the next step
 *    whose date has come, in the same run, because nothing was carried out for them.
 * 4. The invoice does not climb (`heldBack`) when it is disputed or promised, or when its
 *    current step is still pending or has failed.
 * 5. Then, for the customer: if its dunnable open total (open, not disputed, not promised)
 *    is below the tolerance, nothing climbs; a step that contacts the customer waits for
 *    the minimum gap since the last contact; and if the customer's credits cover every
 *    invoice still climbing, nothing goes out (`covered_by_credits`).
 * 6. The invoices left climb (`advances`), grouped into one action per step.
 *
 * Throws a RangeError when the scenario or the policy fails its check, or the credits are
 * negative: both are checked when stored, so that is a bug, not an input to report.
 */
export function decideCustomer(
  customer: CustomerForDunning,
  today: CalendarDate,
  policy: DunningPolicy,
): CustomerDecision {
  assertDecidable(customer, policy);
  const invoices = customer.invoices.toSorted(byDueDate);
  const open = invoices.filter((invoice) => invoice.openCents > 0);
  const decision: CustomerDecision = {
    customerId: customer.customerId,
    currency: customer.currency,
    actions: [],
    advances: [],
    leaves: invoices
      .filter((invoice) => invoice.openCents <= 0 && invoice.state !== null)
      .map((invoice) => invoice.invoiceId),
    skipped: [],
    heldBack: [],
  };
  const customerHolds = customerHoldReasons(customer);
  if (open.length === 0) {
    return decision;
  }
  if (customer.scenario === null || customerHolds.length > 0) {
    decision.heldBack = customerHolds.map((reason) => ({ invoiceId: null, stepId: null, reason }));
    return decision;
  }
  const steps = orderedSteps(customer.scenario);
  const context: RunContext = {
    today,
    riskCategory: customer.riskCategory,
    overdueCents: sumCents(
      open
        .filter((invoice) => !invoice.disputed && invoice.dueDate < today)
        .map((invoice) => invoice.openCents),
    ),
  };
  const outcomes = open.map((invoice) => invoiceOutcome(invoice, steps, context));
  decision.skipped = outcomes.flatMap((outcome) => outcome.skipped);
  decision.heldBack = outcomes.flatMap((outcome) =>
    outcome.kind === 'held' ? [outcome.held] : [],
  );
  const climbs = outcomes.filter((outcome): outcome is Climb => outcome.kind === 'climbs');
  const { going, held } = applyCustomerRules(customer, open, climbs, today, policy);
  decision.heldBack.push(...held);
  decision.actions = groupByStep(going, steps);
  decision.advances = decision.actions.flatMap((action) =>
    action.invoiceIds.map((invoiceId) => ({ invoiceId, stepId: action.step.id })),
  );
  return decision;
}

function assertDecidable(customer: CustomerForDunning, policy: DunningPolicy): void {
  const problems = [
    ...(customer.scenario === null ? [] : checkScenario(customer.scenario)),
    ...checkPolicy(policy),
  ];
  if (problems.length > 0) {
    const codes = problems.map((issue) => `${issue.field}: ${issue.code}`).join(', ');
    throw new RangeError(`Cannot decide dunning for ${customer.customerId}: ${codes}`);
  }
  if (customer.creditsCents < 0) {
    throw new RangeError(`Credits are a positive amount: ${customer.creditsCents}`);
  }
}

/** Oldest due date first, then by number, so every list of the decision reads the same. */
function byDueDate(a: InvoiceInDunning, b: InvoiceInDunning): number {
  return (
    compareDates(a.dueDate, b.dueDate) ||
    compareText(a.number, b.number) ||
    compareText(a.invoiceId, b.invoiceId)
  );
}

/** By UTF-16 code units, as `compareDates` does: the machine's locale never enters. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reasons the whole customer is left alone. `prospect` has no invoices, normally; with
 * some it is dunned like `active`, and `on_hold` is dunned too (the hold is a step).
 */
function customerHoldReasons(customer: CustomerForDunning): HoldReason[] {
  return [
    ...(customer.status === 'closed' ? (['closed'] as const) : []),
    ...(customer.status === 'in_litigation' ? (['in_litigation'] as const) : []),
    ...(customer.manualFollowUp ? (['manual_follow_up'] as const) : []),
    ...(customer.scenario === null ? (['no_scenario'] as const) : []),
  ];
}

/** The step `invoice` would climb to today, and whether the invoice itself holds it back. */
function invoiceOutcome(
  invoice: InvoiceInDunning,
  steps: readonly ScenarioStep[],
  context: RunContext,
): InvoiceOutcome {
  const { state } = invoice;
  // Reached today already (a second run of the same date), or on a later run date.
  if (state !== null && state.reachedOn >= context.today) {
    return { kind: 'idle', skipped: [] };
  }
  const current = state === null ? -1 : steps.findIndex((step) => step.id === state.stepId);
  if (current < 0 && state !== null) {
    return held(invoice, [], null, 'step_not_in_scenario');
  }
  // Litigation ends dunning: no step follows it (`checkScenario` refuses one anyway).
  if (steps[current]?.channel === 'litigation') {
    return { kind: 'idle', skipped: [] };
  }
  const { step, skipped } = nextStep(invoice, steps.slice(current + 1), context);
  if (step === undefined) {
    return { kind: 'idle', skipped };
  }
  const reason = invoiceHoldReason(invoice);
  return reason === undefined
    ? { kind: 'climbs', skipped, invoice, step }
    : held(invoice, skipped, step.id, reason);
}

function held(
  invoice: InvoiceInDunning,
  skipped: SkippedStep[],
  stepId: string | null,
  reason: HoldReason,
): InvoiceOutcome {
  return { kind: 'held', skipped, held: { invoiceId: invoice.invoiceId, stepId, reason } };
}

/**
 * The first of `later` (the steps after the invoice's current one, in order) whose date
 * has come and which applies, with the steps passed over before it.
 */
function nextStep(
  invoice: InvoiceInDunning,
  later: readonly ScenarioStep[],
  context: RunContext,
): { step: ScenarioStep | undefined; skipped: SkippedStep[] } {
  const skipped: SkippedStep[] = [];
  for (const step of later) {
    if (addDays(invoice.dueDate, step.offsetDays) > context.today) {
      break;
    }
    const reason = skipReason(invoice, step, context);
    if (reason === undefined) {
      return { step, skipped };
    }
    skipped.push({ invoiceId: invoice.invoiceId, stepId: step.id, reason });
  }
  return { step: undefined, skipped };
}

/** Why a step whose date has come does not apply to `invoice` today, if it does not. */
function skipReason(
  invoice: InvoiceInDunning,
  step: ScenarioStep,
  context: RunContext,
): SkipReason | undefined {
  // A pre-due contact checks the invoice will be paid on time: on or after the due date it
  // has no purpose left, whether the invoice is new to the run or its runs were missed.
  if (step.offsetDays < 0 && context.today >= invoice.dueDate) {
    return 'pre_due_passed';
  }
  const isCategoryIn = step.riskCategories?.includes(context.riskCategory) ?? true;
  const isOverdueEnough =
    step.minOverdueCents === null || context.overdueCents >= step.minOverdueCents;
  return isCategoryIn && isOverdueEnough ? undefined : 'conditions_not_met';
}

/** What about the invoice itself stops it climbing; the first that applies. */
function invoiceHoldReason(invoice: InvoiceInDunning): HoldReason | undefined {
  if (invoice.disputed) {
    return 'disputed';
  }
  if (invoice.promised) {
    return 'promised';
  }
  switch (invoice.state?.carriedOut) {
    case 'pending':
      return 'awaiting_approval';
    case 'failed':
      return 'previous_step_failed';
    case 'done':
    case undefined:
      return undefined;
  }
}

/**
 * The customer's own rules over the invoices that would climb: the tolerance, then the
 * gap between contacts, then the credits, each over what the one before let through. The
 * credits come last because they are compared with what would actually go out.
 */
function applyCustomerRules(
  customer: CustomerForDunning,
  open: readonly InvoiceInDunning[],
  climbs: readonly Climb[],
  today: CalendarDate,
  policy: DunningPolicy,
): { going: Climb[]; held: HeldBack[] } {
  const heldFor = (reason: HoldReason) => (climb: Climb) => ({
    invoiceId: climb.invoice.invoiceId,
    stepId: climb.step.id,
    reason,
  });
  const dunnableCents = sumCents(
    open
      .filter((invoice) => !invoice.disputed && !invoice.promised)
      .map((invoice) => invoice.openCents),
  );
  if (dunnableCents < policy.toleranceCents) {
    return { going: [], held: climbs.map(heldFor('below_tolerance')) };
  }
  const isRecent =
    customer.lastContactOn !== null &&
    daysBetween(customer.lastContactOn, today) < policy.minDaysBetweenContacts;
  const waiting = climbs.filter((climb) => isRecent && isWrittenChannel(climb.step.channel));
  const rest = climbs.filter((climb) => !waiting.includes(climb));
  const restCents = sumCents(rest.map((climb) => climb.invoice.openCents));
  const isCovered = rest.length > 0 && customer.creditsCents >= restCents;
  return {
    going: isCovered ? [] : rest,
    held: [
      ...waiting.map(heldFor('recent_contact')),
      ...(isCovered ? rest.map(heldFor('covered_by_credits')) : []),
    ],
  };
}

/** One action per step, in the scenario's order, its invoices oldest first. */
function groupByStep(climbs: readonly Climb[], steps: readonly ScenarioStep[]): DunningAction[] {
  return steps.flatMap((step) => {
    const atStep = climbs.filter((climb) => climb.step.id === step.id);
    return atStep.length === 0
      ? []
      : [
          {
            step,
            invoiceIds: atStep.map((climb) => climb.invoice.invoiceId),
            totalOpenCents: sumCents(atStep.map((climb) => climb.invoice.openCents)),
          },
        ];
  });
}
