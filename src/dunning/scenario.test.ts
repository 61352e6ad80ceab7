import { describe, expect, it } from 'vitest';
import { cents } from '../shared/money.ts';
import {
  checkPolicy,
  checkScenario,
  frenchDefaultScenario,
  orderedSteps,
  type Scenario,
  type ScenarioStep,
} from './scenario.ts';

function step(id: string, offsetDays: number, overrides: Partial<ScenarioStep> = {}): ScenarioStep {
  return {
    id,
    offsetDays,
    channel: 'email',
    templateId: 'reminder_1',
    needsApproval: false,
    minOverdueCents: null,
    riskCategories: null,
    ...overrides,
  };
}

function scenario(...steps: ScenarioStep[]): Scenario {
  return { id: 'sc-1', name: 'Standard', steps };
}

/** Counts up: `id-1`, `id-2`, … */
function counter() {
  let next = 0;
  return {
    newId: () => {
      next += 1;
      return `id-${next}`;
    },
  };
}

describe('checkScenario', () => {
  it('accepts a scenario of distinct offsets, in any order', () => {
    expect(checkScenario(scenario(step('b', 15), step('a', -10), step('c', 5)))).toEqual([]);
  });

  it('refuses a scenario with no step', () => {
    expect(checkScenario(scenario())).toEqual([
      {
        field: 'steps',
        code: 'dunning_no_steps',
        message: 'The scenario needs at least one step',
        params: {},
      },
    ]);
  });

  it('refuses an empty name', () => {
    expect(checkScenario({ ...scenario(step('a', 5)), name: '  ' })).toEqual([
      {
        field: 'name',
        code: 'dunning_scenario_name_required',
        message: 'The scenario needs a name',
        params: {},
      },
    ]);
  });

  it('refuses two steps on the same offset, on the later one, naming the earlier', () => {
    expect(checkScenario(scenario(step('a', 5), step('b', 15), step('c', 15)))).toEqual([
      {
        field: 'steps[2].offsetDays',
        code: 'dunning_step_same_offset',
        message: 'Steps 2 and 3 fall on the same day (15)',
        params: { offset: 15, step: 3, otherStep: 2 },
      },
    ]);
  });

  it('refuses offsets beyond a year either side, or not whole days', () => {
    const issues = checkScenario(
      scenario(step('a', -366), step('b', 365), step('c', -365), step('d', 366), step('e', 1.5)),
    );
    expect(issues.map((issue) => [issue.field, issue.code, issue.params])).toEqual([
      ['steps[0].offsetDays', 'dunning_offset_out_of_range', { offset: -366, max: 365 }],
      ['steps[3].offsetDays', 'dunning_offset_out_of_range', { offset: 366, max: 365 }],
      ['steps[4].offsetDays', 'dunning_offset_out_of_range', { offset: 1.5, max: 365 }],
    ]);
    expect(issues[0]?.message).toBe(
      'A step must lie a whole number of days, at most 365, before or after the due date',
    );
  });

  it('does not compare an offset already refused (NaN equals nothing)', () => {
    expect(checkScenario(scenario(step('a', Number.NaN))).map((issue) => issue.code)).toEqual([
      'dunning_offset_out_of_range',
    ]);
  });

  it('refuses a negative minimum overdue total, and accepts zero', () => {
    expect(
      checkScenario(
        scenario(
          step('a', 5, { minOverdueCents: cents(-1) }),
          step('b', 6, { minOverdueCents: cents(0) }),
        ),
      ),
    ).toEqual([
      {
        field: 'steps[0].minOverdueCents',
        code: 'dunning_negative_minimum',
        message: 'The minimum overdue total cannot be negative',
        params: { amount: -1 },
      },
    ]);
  });

  it('requires a template for e-mail, letter and SMS steps only', () => {
    const issues = checkScenario(
      scenario(
        step('a', 1, { channel: 'email', templateId: null }),
        step('b', 2, { channel: 'letter', templateId: '' }),
        step('c', 3, { channel: 'sms', templateId: null }),
        step('d', 4, { channel: 'call', templateId: null }),
        step('e', 5, { channel: 'task', templateId: null }),
        step('f', 6, { channel: 'hold', templateId: null }),
        step('g', 7, { channel: 'litigation', templateId: null }),
      ),
    );
    expect(issues.map((issue) => [issue.field, issue.code, issue.params])).toEqual([
      ['steps[0].templateId', 'dunning_template_required', { channel: 'email' }],
      ['steps[1].templateId', 'dunning_template_required', { channel: 'letter' }],
      ['steps[2].templateId', 'dunning_template_required', { channel: 'sms' }],
    ]);
  });

  it('refuses any step after a litigation step, and a second litigation step', () => {
    const issues = checkScenario(
      scenario(
        step('a', 30, { channel: 'litigation' }),
        step('b', 45, { channel: 'hold' }),
        step('c', 20),
        step('d', 60, { channel: 'litigation' }),
      ),
    );
    expect(issues).toEqual([
      {
        field: 'steps[1].offsetDays',
        code: 'dunning_step_after_litigation',
        message: 'No step can follow the hand-over to litigation (day 30)',
        params: { offset: 45, litigationOffset: 30 },
      },
      {
        field: 'steps[3].offsetDays',
        code: 'dunning_step_after_litigation',
        message: 'No step can follow the hand-over to litigation (day 30)',
        params: { offset: 60, litigationOffset: 30 },
      },
    ]);
  });

  it('refuses an account hold or litigation on or before the due date', () => {
    const issues = checkScenario(
      scenario(step('a', -5, { channel: 'hold' }), step('b', 0, { channel: 'litigation' })),
    );
    expect(issues.map((issue) => [issue.field, issue.code, issue.params])).toEqual([
      ['steps[0].offsetDays', 'dunning_pre_due_escalation', { offset: -5, channel: 'hold' }],
      ['steps[1].offsetDays', 'dunning_pre_due_escalation', { offset: 0, channel: 'litigation' }],
    ]);
  });

  it('refuses a step whose risk categories are an empty list', () => {
    expect(checkScenario(scenario(step('a', 5, { riskCategories: [] })))).toEqual([
      {
        field: 'steps[0].riskCategories',
        code: 'dunning_no_risk_category',
        message:
          'A step must apply to at least one risk category (leave it empty for every category)',
        params: {},
      },
    ]);
  });

  it('refuses an empty step id and two steps sharing an id', () => {
    const issues = checkScenario(scenario(step('a', 5), step('', 6), step('a', 7)));
    expect(issues.map((issue) => [issue.field, issue.code, issue.params])).toEqual([
      ['steps[1].id', 'dunning_step_id_required', {}],
      ['steps[2].id', 'dunning_step_duplicate_id', { id: 'a' }],
    ]);
  });

  it('reports every problem at once', () => {
    const issues = checkScenario({
      id: 'sc-1',
      name: '',
      steps: [
        step('a', 400, { channel: 'sms', templateId: null }),
        step('a', 10, { minOverdueCents: cents(-5) }),
        step('c', 10),
      ],
    });
    expect(issues.map((issue) => `${issue.field} ${issue.code}`)).toEqual([
      'name dunning_scenario_name_required',
      'steps[0].offsetDays dunning_offset_out_of_range',
      'steps[0].templateId dunning_template_required',
      'steps[1].minOverdueCents dunning_negative_minimum',
      'steps[1].id dunning_step_duplicate_id',
      'steps[2].offsetDays dunning_step_same_offset',
    ]);
  });
});

describe('orderedSteps', () => {
  it('orders the steps by offset, whatever the list order', () => {
    const ordered = orderedSteps(scenario(step('b', 15), step('a', -10), step('c', 5)));
    expect(ordered.map((each) => each.id)).toEqual(['a', 'c', 'b']);
  });
});

describe('checkPolicy', () => {
  it('accepts no tolerance and no gap', () => {
    expect(checkPolicy({ toleranceCents: cents(0), minDaysBetweenContacts: 0 })).toEqual([]);
  });

  it('refuses a negative tolerance', () => {
    expect(checkPolicy({ toleranceCents: cents(-100), minDaysBetweenContacts: 3 })).toEqual([
      {
        field: 'toleranceCents',
        code: 'dunning_negative_tolerance',
        message: 'The dunning tolerance cannot be negative',
        params: { amount: -100 },
      },
    ]);
  });

  it('refuses a negative, fractional or over-a-year gap between contacts', () => {
    for (const days of [-1, 2.5, 366]) {
      expect(checkPolicy({ toleranceCents: cents(0), minDaysBetweenContacts: days })).toEqual([
        {
          field: 'minDaysBetweenContacts',
          code: 'dunning_contact_gap_out_of_range',
          message: 'The gap between two contacts must be a whole number of days from 0 to 365',
          params: { days, max: 365 },
        },
      ]);
    }
    expect(checkPolicy({ toleranceCents: cents(0), minDaysBetweenContacts: 365 })).toEqual([]);
  });
});

describe('frenchDefaultScenario', () => {
  it('is the French default: courtesy J−10, reminders J+5 and J+15, call J+17, formal notice J+30, hold J+45, litigation J+60', () => {
    const defaults = frenchDefaultScenario(counter());
    const common = { minOverdueCents: null, riskCategories: null };
    expect(defaults).toEqual({
      id: 'id-1',
      name: 'Scénario standard',
      steps: [
        {
          id: 'id-2',
          offsetDays: -10,
          channel: 'email',
          templateId: 'courtesy',
          needsApproval: false,
          ...common,
        },
        {
          id: 'id-3',
          offsetDays: 5,
          channel: 'email',
          templateId: 'reminder_1',
          needsApproval: false,
          ...common,
        },
        {
          id: 'id-4',
          offsetDays: 15,
          channel: 'email',
          templateId: 'reminder_2',
          needsApproval: false,
          ...common,
        },
        {
          id: 'id-5',
          offsetDays: 17,
          channel: 'call',
          templateId: 'call_script',
          needsApproval: false,
          ...common,
        },
        {
          id: 'id-6',
          offsetDays: 30,
          channel: 'letter',
          templateId: 'formal_notice',
          needsApproval: true,
          ...common,
        },
        {
          id: 'id-7',
          offsetDays: 45,
          channel: 'hold',
          templateId: null,
          needsApproval: true,
          ...common,
        },
        {
          id: 'id-8',
          offsetDays: 60,
          channel: 'litigation',
          templateId: null,
          needsApproval: true,
          ...common,
        },
      ],
    });
  });

  it('passes its own check', () => {
    expect(checkScenario(frenchDefaultScenario(counter()))).toEqual([]);
  });
});
