import { describe, expect, it } from 'vitest';
import {
  amountCents,
  amountText,
  buildScenarioRequest,
  dayLabel,
  issueTarget,
  newStepRow,
  scenarioIssuesOf,
  sortStepsByDay,
  type ScenarioValues,
  type StepRow,
} from './step-editor-model.ts';

const messages = { invalidAmount: 'Montant illisible', invalidDay: 'Jour illisible' };

const row = (key: string, offsetDays: number | '', changes: Partial<StepRow> = {}): StepRow => ({
  key,
  id: key.startsWith('new') ? undefined : key,
  offsetDays,
  channel: 'email',
  templateId: 'reminder_1',
  needsApproval: false,
  minOverdue: '',
  riskCategories: [],
  ...changes,
});

const values = (steps: StepRow[]): ScenarioValues => ({
  name: ' Standard ',
  isCompanyDefault: true,
  riskCategory: null,
  steps,
});

const problem = (issues: { field: string; code: string; message: string }[]) => ({
  type: 'about:blank',
  title: 'Saisie refusée',
  status: 400,
  detail: 'Le scénario ne peut pas être enregistré',
  code: 'invalid',
  reason: 'dunning_scenario_refused',
  issues,
});

describe('a step’s day', () => {
  it.each([
    [-10, 'J\u221210'],
    [-1, 'J\u22121'],
    [0, 'J'],
    [5, 'J+5'],
    [365, 'J+365'],
  ])('%i days from the due date reads %s', (offset, label) => {
    expect(dayLabel(offset)).toBe(label);
  });
});

describe('amounts in euros, cents exactly', () => {
  it.each([
    ['1 500,00', 150_000],
    ['1\u00a0234,56', 123_456],
    ['0,1', 10],
    ['19,99', 1_999],
    ['1234.56', 123_456],
    ['0,29', 29],
  ])('%s is %i cents', (text, expected) => {
    expect(amountCents(text)).toBe(expected);
  });

  it('reads an empty input as no minimum, and refuses what it cannot read', () => {
    expect(amountCents('  ')).toBeNull();
    expect(amountCents('douze')).toBeUndefined();
    expect(amountCents('1.234')).toBeUndefined();
  });

  it.each([
    [null, ''],
    [0, '0,00'],
    [29, '0,29'],
    [150_000, '1500,00'],
    [123_456, '1234,56'],
  ])('%s cents are written %s, and read back the same', (amount, text) => {
    expect(amountText(amount)).toBe(text);
    expect(amountCents(text)).toBe(amount);
  });
});

describe('building the request', () => {
  it('sends the steps by day, keeps the stored ids, and says which row each one is', () => {
    const built = buildScenarioRequest(
      values([
        row('s30', 30, { channel: 'letter', templateId: 'formal_notice', needsApproval: true }),
        row('new-1', 45, { channel: 'hold', templateId: 'reminder_1' }),
        row('s-10', -10, { templateId: 'courtesy', minOverdue: '1 500,00' }),
        row('s5', 5, { riskCategories: ['high', 'critical'] }),
      ]),
      messages,
    );
    expect(built.ok).toBe(true);
    if (!built.ok) {
      return;
    }
    expect(built.stepKeys).toEqual(['s-10', 's5', 's30', 'new-1']);
    expect(built.request).toEqual({
      name: 'Standard',
      isCompanyDefault: true,
      riskCategory: null,
      steps: [
        {
          id: 's-10',
          offsetDays: -10,
          channel: 'email',
          templateId: 'courtesy',
          needsApproval: false,
          minOverdueCents: 150_000,
          riskCategories: null,
        },
        {
          id: 's5',
          offsetDays: 5,
          channel: 'email',
          templateId: 'reminder_1',
          needsApproval: false,
          minOverdueCents: null,
          riskCategories: ['high', 'critical'],
        },
        {
          id: 's30',
          offsetDays: 30,
          channel: 'letter',
          templateId: 'formal_notice',
          needsApproval: true,
          minOverdueCents: null,
          riskCategories: null,
        },
        // A new step has no id (the server gives it one); a hold has no template.
        {
          offsetDays: 45,
          channel: 'hold',
          templateId: null,
          needsApproval: false,
          minOverdueCents: null,
          riskCategories: null,
        },
      ],
    });
  });

  it('refuses an amount or a day it cannot read, on the step', () => {
    const built = buildScenarioRequest(
      values([row('a', 5, { minOverdue: '12,3,4' }), row('b', '')]),
      messages,
    );
    expect(built).toEqual({
      ok: false,
      issues: {
        steps: { a: { minOverdueCents: 'Montant illisible' }, b: { offsetDays: 'Jour illisible' } },
        scenario: {},
        other: [],
      },
    });
  });
});

describe('the server’s refusal, on the step at fault', () => {
  it('reads both ways a field names a step', () => {
    expect(issueTarget('steps[1].offsetDays')).toEqual({ step: 1, field: 'offsetDays' });
    expect(issueTarget('steps.12.templateId')).toEqual({ step: 12, field: 'templateId' });
    expect(issueTarget('steps[0]')).toEqual({ step: 0, field: '' });
    expect(issueTarget('steps')).toEqual({ step: undefined, field: 'steps' });
    expect(issueTarget('name')).toEqual({ step: undefined, field: 'name' });
  });

  it('places every issue at once: each step by the order it was sent, the name on the name', () => {
    const issues = scenarioIssuesOf(
      problem([
        { field: 'name', code: 'dunning_scenario_name_required', message: 'Nom requis' },
        { field: 'steps[1].offsetDays', code: 'dunning_step_same_offset', message: 'Même jour' },
        { field: 'steps[2].templateId', code: 'dunning_template_required', message: 'Modèle' },
        { field: 'steps[2]', code: 'x', message: 'Étape refusée' },
        { field: 'steps[9].channel', code: 'x', message: 'Hors liste' },
        { field: 'somethingElse', code: 'x', message: 'Autre' },
      ]),
      ['k0', 'k1', 'k2'],
    );
    expect(issues).toEqual({
      steps: {
        k1: { offsetDays: 'Même jour' },
        k2: { templateId: 'Modèle', step: 'Étape refusée' },
      },
      scenario: { name: 'Nom requis' },
      other: ['Hors liste', 'Autre'],
    });
  });

  it('puts a refusal without issues above the form', () => {
    expect(scenarioIssuesOf({ ...problem([]), issues: [] }, []).other).toEqual([
      'Le scénario ne peut pas être enregistré',
    ]);
  });
});

describe('adding and ordering steps', () => {
  it('adds an e-mail a week after the last step, on a day no step has', () => {
    let next = 0;
    const key = () => `new-${++next}`;
    expect(newStepRow([], key)).toMatchObject({ key: 'new-1', offsetDays: 5, id: undefined });
    expect(newStepRow([row('a', -10), row('b', 60)], key).offsetDays).toBe(67);
    expect(newStepRow([row('a', 362)], key).offsetDays).toBe(365);
  });

  it('orders by day, an empty day last, ties in their order', () => {
    const sorted = sortStepsByDay([row('a', 5), row('b', ''), row('c', -10), row('d', 5)]);
    expect(sorted.map((step) => step.key)).toEqual(['c', 'a', 'd', 'b']);
  });
});
