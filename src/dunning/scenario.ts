/**
 * Dunning scenarios ("scénarios de relance"): the ordered steps a customer's invoices go
 * through, each dated relative to the invoice's due date, and the company's dunning
 * policy. Types, the checks a scenario and a policy must pass before they are stored, and
 * the default scenario a French credit manager recognises.
 *
 * Pure (HOUSE_STYLE §3): no I/O, ids come in through an `IdGenerator`. The rules of the
 * daily run are in `decide.ts`; docs/dunning.md says both in plain words.
 */
import type { RiskCategory } from '../customers/model.ts';
import { fieldIssue, type Issue } from '../shared/errors.ts';
import type { Cents } from '../shared/money.ts';
import type { IdGenerator } from '../shared/ids.ts';

/**
 * How a step reaches the customer, or what it does instead:
 * - `email`, `letter` (a PDF), `sms`: a message from the step's template;
 * - `call`: a phone call, an agenda task for a collector with the template as call script;
 * - `task`: an internal task (check a delivery receipt, ask sales);
 * - `hold`: the customer goes on hold (no new orders);
 * - `litigation`: the file goes to litigation, and dunning stops.
 */
export const CHANNELS = ['email', 'letter', 'sms', 'call', 'task', 'hold', 'litigation'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The channels that send the customer a message, which a template must write. */
const MESSAGE_CHANNELS: ReadonlySet<Channel> = new Set(['email', 'letter', 'sms']);

/**
 * The channels that contact the customer, and so count for the minimum gap between two
 * contacts (`DunningPolicy.minDaysBetweenContacts`). An internal task, an account hold or
 * a hand-over to litigation does not speak to the customer.
 */
const CONTACT_CHANNELS: ReadonlySet<Channel> = new Set(['email', 'letter', 'sms', 'call']);

/**
 * The channels that act against a customer's account: only an invoice past due can
 * justify them, so they never stand before or on the due date.
 */
const OVERDUE_ONLY_CHANNELS: ReadonlySet<Channel> = new Set(['hold', 'litigation']);

/** Whether a step on `channel` contacts the customer (and so waits for the minimum gap). */
/**
 * Whether a step writes to the customer by itself (e-mail, letter, SMS): those wait for
 * the minimum gap between contacts. A call is a person's: it follows the written reminder
 * on purpose (the default scenario calls two days after the second one).
 */
export function isWrittenChannel(channel: Channel): boolean {
  return MESSAGE_CHANNELS.has(channel);
}

export function isContactChannel(channel: Channel): boolean {
  return CONTACT_CHANNELS.has(channel);
}

/** A step lies at most a year before or after the due date. */
export const MAX_STEP_OFFSET_DAYS = 365;

/** The minimum gap between two contacts is at most a year: more would stop dunning. */
export const MAX_DAYS_BETWEEN_CONTACTS = 365;

/** One step of a scenario. */
export type ScenarioStep = {
  id: string;
  /** Days from the invoice's due date to the step's date; negative = before it (pre-due). */
  offsetDays: number;
  channel: Channel;
  /** The message, letter or call script; required for `email`, `letter` and `sms`. */
  templateId: string | null;
  /** The step waits for a collector's approval instead of going out by itself. */
  needsApproval: boolean;
  /** The step applies only when the customer's overdue total is at least this; `null`: always. */
  minOverdueCents: Cents | null;
  /** The risk categories the step applies to; `null`: every category. */
  riskCategories: readonly RiskCategory[] | null;
};

/**
 * A scenario: its steps run in the order of their offsets (two steps never share one),
 * whatever order the list gives them in.
 */
export type Scenario = {
  id: string;
  name: string;
  steps: readonly ScenarioStep[];
};

/** The company's settings for the daily run. */
export type DunningPolicy = {
  /** A customer whose dunnable open total is below this is left alone (small remainders). */
  toleranceCents: Cents;
  /** Days that must pass after a contact before the next one; 0: no gap. */
  minDaysBetweenContacts: number;
};

/** A scenario's steps in the order they run: by offset, the list's order between equals. */
export function orderedSteps(scenario: Scenario): ScenarioStep[] {
  return scenario.steps.toSorted((a, b) => a.offsetDays - b.offsetDays);
}

/**
 * Every reason `scenario` cannot be stored, at once, each on the field at fault
 * (`steps[2].offsetDays`) with a stable code:
 * - `dunning_scenario_name_required`: the name is empty;
 * - `dunning_no_steps`: a scenario with no step would never remind anyone;
 * - `dunning_step_id_required`, `dunning_step_duplicate_id`: each step needs its own id,
 *   which the invoices' dunning state names;
 * - `dunning_offset_out_of_range`: the offset is not a whole number of days within
 *   ±`MAX_STEP_OFFSET_DAYS`;
 * - `dunning_step_same_offset`: two steps on one day would leave their order to chance
 *   (and an invoice climbs one step a day);
 * - `dunning_template_required`: an e-mail, letter or SMS has no template to write it;
 * - `dunning_negative_minimum`: a minimum overdue total below zero;
 * - `dunning_no_risk_category`: an empty list of categories would make the step apply to
 *   nobody (`null` means every category);
 * - `dunning_pre_due_escalation`: an account hold or a hand-over to litigation on or
 *   before the due date, when the invoice is not yet late;
 * - `dunning_step_after_litigation`: litigation ends dunning, so no step may follow it.
 */
export function checkScenario(scenario: Scenario): Issue[] {
  const issues: Issue[] = [];
  if (scenario.name.trim() === '') {
    issues.push(fieldIssue('name', 'dunning_scenario_name_required'));
  }
  if (scenario.steps.length === 0) {
    issues.push(fieldIssue('steps', 'dunning_no_steps'));
  }
  scenario.steps.forEach((step, index) => {
    issues.push(...checkStep(step, `steps[${index}]`));
  });
  issues.push(...checkStepIds(scenario.steps), ...checkStepOrder(scenario.steps));
  return issues;
}

function isValidOffset(offset: number): boolean {
  return Number.isSafeInteger(offset) && Math.abs(offset) <= MAX_STEP_OFFSET_DAYS;
}

/** What one step must satisfy on its own. */
function checkStep(step: ScenarioStep, path: string): Issue[] {
  const issues: Issue[] = [];
  const offset = step.offsetDays;
  if (!isValidOffset(offset)) {
    issues.push(
      fieldIssue(`${path}.offsetDays`, 'dunning_offset_out_of_range', {
        offset,
        max: MAX_STEP_OFFSET_DAYS,
      }),
    );
  } else if (OVERDUE_ONLY_CHANNELS.has(step.channel) && offset <= 0) {
    issues.push(
      fieldIssue(`${path}.offsetDays`, 'dunning_pre_due_escalation', {
        offset,
        channel: step.channel,
      }),
    );
  }
  if (MESSAGE_CHANNELS.has(step.channel) && (step.templateId ?? '').trim() === '') {
    issues.push(
      fieldIssue(`${path}.templateId`, 'dunning_template_required', { channel: step.channel }),
    );
  }
  if (step.minOverdueCents !== null && step.minOverdueCents < 0) {
    issues.push(
      fieldIssue(`${path}.minOverdueCents`, 'dunning_negative_minimum', {
        amount: step.minOverdueCents,
      }),
    );
  }
  if (step.riskCategories?.length === 0) {
    issues.push(fieldIssue(`${path}.riskCategories`, 'dunning_no_risk_category'));
  }
  return issues;
}

/** Each step has an id of its own: an invoice's dunning state names its step by id. */
function checkStepIds(steps: readonly ScenarioStep[]): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  steps.forEach((step, index) => {
    const field = `steps[${index}].id`;
    if (step.id.trim() === '') {
      issues.push(fieldIssue(field, 'dunning_step_id_required'));
    } else if (seen.has(step.id)) {
      issues.push(
        fieldIssue(field, 'dunning_step_duplicate_id', {
          id: step.id,
        }),
      );
    }
    seen.add(step.id);
  });
  return issues;
}

/**
 * Offsets are distinct, and nothing comes after a litigation step. Each later step of a
 * pair is reported, on its own index, naming the earlier one (1-based, as people count).
 */
function checkStepOrder(steps: readonly ScenarioStep[]): Issue[] {
  const issues: Issue[] = [];
  // Offsets already refused as out of range are not compared: NaN equals nothing.
  const hasValidOffset = (step: ScenarioStep) => isValidOffset(step.offsetDays);
  const litigationOffsets = steps
    .filter((step) => hasValidOffset(step) && step.channel === 'litigation')
    .map((step) => step.offsetDays);
  const firstLitigation =
    litigationOffsets.length === 0 ? undefined : Math.min(...litigationOffsets);
  steps.forEach((step, index) => {
    if (!hasValidOffset(step)) {
      return;
    }
    const earlier = steps.findIndex((other) => other.offsetDays === step.offsetDays);
    if (earlier < index) {
      issues.push(
        fieldIssue(`steps[${index}].offsetDays`, 'dunning_step_same_offset', {
          offset: step.offsetDays,
          step: index + 1,
          otherStep: earlier + 1,
        }),
      );
    } else if (firstLitigation !== undefined && step.offsetDays > firstLitigation) {
      issues.push(
        fieldIssue(`steps[${index}].offsetDays`, 'dunning_step_after_litigation', {
          offset: step.offsetDays,
          litigationOffset: firstLitigation,
        }),
      );
    }
  });
  return issues;
}

/**
 * Every reason `policy` cannot be stored, at once:
 * - `dunning_negative_tolerance`: a tolerance below zero;
 * - `dunning_contact_gap_out_of_range`: the gap between contacts is not a whole number of
 *   days from 0 to `MAX_DAYS_BETWEEN_CONTACTS`.
 */
export function checkPolicy(policy: DunningPolicy): Issue[] {
  const issues: Issue[] = [];
  if (policy.toleranceCents < 0) {
    issues.push(
      fieldIssue('toleranceCents', 'dunning_negative_tolerance', { amount: policy.toleranceCents }),
    );
  }
  const days = policy.minDaysBetweenContacts;
  if (!Number.isSafeInteger(days) || days < 0 || days > MAX_DAYS_BETWEEN_CONTACTS) {
    issues.push(
      fieldIssue('minDaysBetweenContacts', 'dunning_contact_gap_out_of_range', {
        days,
        max: MAX_DAYS_BETWEEN_CONTACTS,
      }),
    );
  }
  return issues;
}

/** The template ids of the default scenario, stable so that the default templates match. */
export const DEFAULT_TEMPLATE_IDS = {
  courtesy: 'courtesy',
  firstReminder: 'reminder_1',
  secondReminder: 'reminder_2',
  callScript: 'call_script',
  formalNotice: 'formal_notice',
} as const;

const TEMPLATES = DEFAULT_TEMPLATE_IDS;

type DefaultStep = Pick<ScenarioStep, 'offsetDays' | 'channel' | 'templateId' | 'needsApproval'>;

/**
 * The steps of the default scenario (docs/dunning.md has the table).
 *
 * The call comes at J+17 rather than J+16: two days after the second reminder, the
 * customer has had a working day or two to answer it, and a call the morning after an
 * e-mail nobody has read yet is a wasted call. A person signs off what commits the
 * company: the formal notice (it starts the legal clock and claims the penalties and the
 * 40 € indemnity, C. com. L441-10 II), the account hold and the hand-over to litigation.
 */
const DEFAULT_STEPS: readonly DefaultStep[] = [
  // 1–2 weeks before the due date: not to ask for money, but to check the customer is
  // satisfied and the invoice approved, so that disputes surface before the due date.
  { offsetDays: -10, channel: 'email', templateId: TEMPLATES.courtesy, needsApproval: false },
  { offsetDays: 5, channel: 'email', templateId: TEMPLATES.firstReminder, needsApproval: false },
  { offsetDays: 15, channel: 'email', templateId: TEMPLATES.secondReminder, needsApproval: false },
  { offsetDays: 17, channel: 'call', templateId: TEMPLATES.callScript, needsApproval: false },
  { offsetDays: 30, channel: 'letter', templateId: TEMPLATES.formalNotice, needsApproval: true },
  { offsetDays: 45, channel: 'hold', templateId: null, needsApproval: true },
  { offsetDays: 60, channel: 'litigation', templateId: null, needsApproval: true },
];

/**
 * The default scenario of a new company, with fresh ids from `ids` (the scenario's first,
 * then each step's in order): J−10 courtesy e-mail, J+5 and J+15 reminders, J+17 call,
 * J+30 formal notice, J+45 account hold, J+60 litigation. Its name is data the credit
 * manager reads and may rename, so it is in French.
 */
export function frenchDefaultScenario(ids: IdGenerator): Scenario {
  const id = ids.newId();
  return {
    id,
    name: 'Scénario standard',
    steps: DEFAULT_STEPS.map((step) => ({
      id: ids.newId(),
      ...step,
      minOverdueCents: null,
      riskCategories: null,
    })),
  };
}
