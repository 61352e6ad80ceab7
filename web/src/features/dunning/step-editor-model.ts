/**
 * The scenario editor's values as typed, and the request they become (docs/dunning.md
 * « Scenarios »). The server checks every rule and reports every problem at once, each on
 * its field (`steps[1].offsetDays`); the editor shows each on the step at fault, which it
 * finds again by the order it sent the steps in.
 */
import type {
  TDunningScenario,
  TSaveDunningScenarioRequest,
} from '../../../../src/dunning/schemas.ts';
import { cents, parseAmount, toDecimalString } from '../../../../src/shared/money.ts';
import type { TProblem } from '../../../../src/shared/schemas.ts';

type Issue = NonNullable<TProblem['issues']>[number];
type Step = TDunningScenario['steps'][number];
export type Channel = Step['channel'];
export type TRiskCategory = NonNullable<TDunningScenario['riskCategory']>;

/** One step as the editor holds it: amounts as typed, a key of its own for React and issues. */
export type StepRow = {
  /** The editor's own key: the step's id once saved, a fresh one for a new step. */
  key: string;
  /** The stored step's id (its invoices name it), kept on save; undefined for a new step. */
  id: string | undefined;
  /** Days from the due date, negative before it; `''` while the input is empty. */
  offsetDays: number | '';
  channel: Channel;
  templateId: string | null;
  needsApproval: boolean;
  /** The minimum overdue total in euros as typed (`1 500,00`); empty: no minimum. */
  minOverdue: string;
  /** Empty: every risk category. */
  riskCategories: TRiskCategory[];
};

export type ScenarioValues = {
  name: string;
  isCompanyDefault: boolean;
  riskCategory: TRiskCategory | null;
  steps: StepRow[];
};

/** The channels that need a template (the server's `dunning_template_required`). */
export const TEMPLATE_CHANNELS: readonly Channel[] = ['email', 'letter', 'sms', 'call'];

/**
 * A step's day as a credit manager writes it: `J−10` ten days before the due date (U+2212,
 * the typographic minus), `J+5` five days after, `J` the due date itself.
 */
export function dayLabel(offsetDays: number): string {
  if (offsetDays === 0) {
    return 'J';
  }
  return offsetDays < 0 ? `J\u2212${-offsetDays}` : `J+${offsetDays}`;
}

/** `150000` cents → `1500,00`, which `amountCents` reads back unchanged. */
export function amountText(amount: number | null): string {
  return amount === null ? '' : toDecimalString(cents(amount)).replace('.', ',');
}

/**
 * An amount in euros as typed (`1 234,56`, `1234.5`) → cents, digit by digit (never via a
 * float); `null` for an empty input, `undefined` when it cannot be read.
 */
export function amountCents(text: string): number | null | undefined {
  if (text.trim() === '') {
    return null;
  }
  const parsed = parseAmount(text, 2);
  return parsed.ok ? parsed.value : undefined;
}

export function stepRowOf(step: Step): StepRow {
  return {
    key: step.id,
    id: step.id,
    offsetDays: step.offsetDays,
    channel: step.channel,
    templateId: step.templateId,
    needsApproval: step.needsApproval,
    minOverdue: amountText(step.minOverdueCents),
    riskCategories: step.riskCategories === null ? [] : [...step.riskCategories],
  };
}

export function scenarioValues(scenario: TDunningScenario): ScenarioValues {
  return {
    name: scenario.name,
    isCompanyDefault: scenario.isCompanyDefault,
    riskCategory: scenario.riskCategory,
    steps: sortStepsByDay(scenario.steps.map(stepRowOf)),
  };
}

/** A new scenario: one e-mail at J+5, the first reminder, to start from. */
export function emptyScenarioValues(newKey: () => string): ScenarioValues {
  return {
    name: '',
    isCompanyDefault: false,
    riskCategory: null,
    steps: [newStepRow([], newKey)],
  };
}

/**
 * A step to add: an e-mail a week after the last step (J+5 for the first), a day no other
 * step has, so that adding one never makes a refusal by itself.
 */
export function newStepRow(steps: readonly StepRow[], newKey: () => string): StepRow {
  const days = steps.map((step) => (step.offsetDays === '' ? 0 : step.offsetDays));
  const offsetDays = days.length === 0 ? 5 : Math.min(Math.max(...days) + 7, 365);
  return {
    key: newKey(),
    id: undefined,
    offsetDays,
    channel: 'email',
    templateId: 'reminder_1',
    needsApproval: false,
    minOverdue: '',
    riskCategories: [],
  };
}

/** The steps in the order they run: by day; an empty day last; ties keep their order. */
export function sortStepsByDay(steps: readonly StepRow[]): StepRow[] {
  const dayOf = (step: StepRow) =>
    step.offsetDays === '' ? Number.POSITIVE_INFINITY : step.offsetDays;
  return steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => dayOf(a.step) - dayOf(b.step) || a.index - b.index)
    .map(({ step }) => step);
}

/** Problems by the step's key and field, and those about the scenario itself. */
export type ScenarioIssues = {
  steps: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** `name`, `riskCategory`, `isCompanyDefault`, `steps` (no step at all). */
  scenario: Readonly<Record<string, string>>;
  /** Problems that name no field this editor shows. */
  other: readonly string[];
};

export const NO_ISSUES: ScenarioIssues = { steps: {}, scenario: {}, other: [] };

type Built =
  | { ok: true; request: TSaveDunningScenarioRequest; stepKeys: string[] }
  | { ok: false; issues: ScenarioIssues };

/**
 * The request for `values`, its steps by day, and the key of each step in the order sent
 * (`stepKeys[i]` is `steps[i]`), to place the server's issues. Only what the browser must
 * convert is checked here (a day and an amount it cannot read); the rest is the server's.
 */
export function buildScenarioRequest(
  values: ScenarioValues,
  messages: { invalidAmount: string; invalidDay: string },
): Built {
  const steps = sortStepsByDay(values.steps);
  const problems: Record<string, Record<string, string>> = {};
  const built = steps.map((step) => {
    const minOverdueCents = amountCents(step.minOverdue);
    const stepProblems: Record<string, string> = {};
    if (minOverdueCents === undefined) {
      stepProblems['minOverdueCents'] = messages.invalidAmount;
    }
    if (step.offsetDays === '' || !Number.isSafeInteger(step.offsetDays)) {
      stepProblems['offsetDays'] = messages.invalidDay;
    }
    if (Object.keys(stepProblems).length > 0) {
      problems[step.key] = stepProblems;
    }
    const hasTemplate = TEMPLATE_CHANNELS.includes(step.channel);
    return {
      ...(step.id === undefined ? {} : { id: step.id }),
      offsetDays: step.offsetDays === '' ? 0 : step.offsetDays,
      channel: step.channel,
      templateId: hasTemplate ? step.templateId : null,
      needsApproval: step.needsApproval,
      minOverdueCents: minOverdueCents ?? null,
      riskCategories: step.riskCategories.length === 0 ? null : [...step.riskCategories],
    };
  });
  if (Object.keys(problems).length > 0) {
    return { ok: false, issues: { steps: problems, scenario: {}, other: [] } };
  }
  return {
    ok: true,
    request: {
      name: values.name.trim(),
      steps: built,
      riskCategory: values.riskCategory,
      isCompanyDefault: values.isCompanyDefault,
    },
    stepKeys: steps.map((step) => step.key),
  };
}

/**
 * Where an issue's field points: a step (`steps[1].offsetDays` from the domain's check,
 * `steps.1.offsetDays` from the request's schema) and its field, or the scenario's own.
 */
export function issueTarget(
  field: string,
): { step: number; field: string } | { step: undefined; field: string } {
  const match = /^steps(?:\[(\d+)\]|\.(\d+))(?:\.(.+))?$/u.exec(field);
  if (match === null) {
    return { step: undefined, field };
  }
  return { step: Number(match[1] ?? match[2]), field: match[3] ?? '' };
}

const SCENARIO_FIELDS = new Set(['name', 'riskCategory', 'isCompanyDefault', 'steps']);

/**
 * The server's refusal placed on the editor: each step issue on the step sent at its index
 * (`stepKeys`), under its field (or under the step as a whole when it names none), the
 * scenario's own issues under theirs; what fits nowhere goes above the form.
 */
export function scenarioIssuesOf(
  problem: TProblem,
  stepKeys: readonly string[],
  wordIssue: (issue: Issue) => string = (issue) => issue.message,
): ScenarioIssues {
  const steps: Record<string, Record<string, string>> = {};
  const scenario: Record<string, string> = {};
  const other: string[] = [];
  for (const issue of problem.issues ?? []) {
    const target = issueTarget(issue.field);
    const text = wordIssue(issue);
    if (target.step !== undefined) {
      const key = stepKeys[target.step];
      if (key !== undefined) {
        const own = (steps[key] ??= {});
        const field = target.field === '' ? 'step' : target.field;
        own[field] = own[field] === undefined ? text : `${own[field]} ${text}`;
        continue;
      }
    }
    if (target.step === undefined && SCENARIO_FIELDS.has(target.field)) {
      scenario[target.field] = scenario[target.field] ?? text;
    } else {
      other.push(text);
    }
  }
  if ((problem.issues ?? []).length === 0) {
    other.push(problem.detail === '' ? problem.title : problem.detail);
  }
  return { steps, scenario, other };
}

/** Whether the editor has anything to show for a step. */
export function stepHasIssues(issues: ScenarioIssues, key: string): boolean {
  return Object.keys(issues.steps[key] ?? {}).length > 0;
}
