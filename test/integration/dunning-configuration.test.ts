/**
 * Dunning's stored configuration on a real database: the French defaults created once,
 * even by two first uses at once (on PostgreSQL, two connections side by side); which
 * scenario a customer follows; the refusals of a scenario and a template at save; the
 * preview of a template on a real customer's invoices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/app/deps.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { previewTemplate } from '../../src/dunning/preview.ts';
import {
  assignScenario,
  deleteScenario,
  getPolicy,
  listScenarios,
  listTemplates,
  savePolicy,
  saveScenario,
  saveTemplate,
  scenarioForCustomer,
  type ScenarioInput,
} from '../../src/dunning/service.ts';
import { ConflictError, InvalidError } from '../../src/shared/errors.ts';
import { cents } from '../../src/shared/money.ts';
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

const NBSP = '\u00a0';

function oneEmailScenario(name: string, overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    name,
    steps: [
      {
        offsetDays: 10,
        channel: 'email',
        templateId: 'reminder_1',
        needsApproval: false,
        minOverdueCents: null,
        riskCategories: null,
      },
    ],
    riskCategory: null,
    isCompanyDefault: false,
    ...overrides,
  };
}

async function refusal(promise: Promise<unknown>): Promise<InvalidError> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InvalidError);
  return error as InvalidError;
}

describe('the French defaults', () => {
  it('are created once, even by two first uses at once', async () => {
    const { ctx } = await makeCompany(deps);
    const [firstScenarios, firstTemplates] = await Promise.all([
      listScenarios(deps, ctx),
      listTemplates(deps, ctx),
      getPolicy(deps, ctx),
    ]);
    expect(firstScenarios).toHaveLength(1);
    expect(firstTemplates).toHaveLength(10);
    const scenarios = await listScenarios(deps, ctx);
    expect(scenarios).toHaveLength(1);
    expect(scenarios[0]).toMatchObject({
      name: 'Scénario standard',
      isCompanyDefault: true,
      riskCategory: null,
      customerCount: 0,
    });
    expect(scenarios[0]?.steps.map((step) => [step.offsetDays, step.channel])).toEqual([
      [-10, 'email'],
      [5, 'email'],
      [15, 'email'],
      [17, 'call'],
      [30, 'letter'],
      [45, 'hold'],
      [60, 'litigation'],
    ]);
    const templates = await listTemplates(deps, ctx);
    expect(templates.map((template) => `${template.templateId}/${template.language}`)).toEqual([
      'call_script/fr',
      'call_script/en',
      'courtesy/fr',
      'courtesy/en',
      'formal_notice/fr',
      'formal_notice/en',
      'reminder_1/fr',
      'reminder_1/en',
      'reminder_2/fr',
      'reminder_2/en',
    ]);
    expect(await getPolicy(deps, ctx)).toEqual({
      toleranceCents: 1_000,
      minDaysBetweenContacts: 7,
      runHour: 7,
    });
  });

  it('are created once when two first uses both write at once', async () => {
    const { ctx } = await makeCompany(deps);
    await Promise.all([
      saveScenario(deps, ctx, undefined, oneEmailScenario('Grands comptes')),
      savePolicy(deps, ctx, { toleranceCents: cents(500), minDaysBetweenContacts: 3, runHour: 6 }),
    ]);
    const scenarios = await listScenarios(deps, ctx);
    expect(scenarios.map((scenario) => scenario.name).toSorted()).toEqual([
      'Grands comptes',
      'Scénario standard',
    ]);
    expect(await listTemplates(deps, ctx)).toHaveLength(10);
    expect(await getPolicy(deps, ctx)).toEqual({
      toleranceCents: 500,
      minDaysBetweenContacts: 3,
      runHour: 6,
    });
  });
});

describe('the scenario a customer follows', () => {
  it('is its own, else its risk category’s, else the company’s', async () => {
    const { ctx } = await makeCompany(deps);
    const risky = await makeCustomer(deps, ctx, { riskCategory: 'high' });
    const plain = await makeCustomer(deps, ctx, { riskCategory: 'low' });
    const standard = (await listScenarios(deps, ctx))[0];
    const high = await saveScenario(
      deps,
      ctx,
      undefined,
      oneEmailScenario('Risque élevé', { riskCategory: 'high' }),
    );
    const own = await saveScenario(deps, ctx, undefined, oneEmailScenario('Sur mesure'));

    expect(await scenarioForCustomer(deps, ctx, plain.id)).toMatchObject({
      scenarioId: null,
      manualFollowUp: false,
      scenario: { id: standard?.id },
      source: 'company_default',
    });
    expect(await scenarioForCustomer(deps, ctx, risky.id)).toMatchObject({
      scenario: { id: high.id },
      source: 'risk_category',
    });
    expect(
      await assignScenario(deps, ctx, risky.id, { scenarioId: own.id, manualFollowUp: true }),
    ).toMatchObject({
      scenarioId: own.id,
      manualFollowUp: true,
      scenario: { id: own.id },
      source: 'customer',
    });
    expect((await listScenarios(deps, ctx)).find((s) => s.id === own.id)?.customerCount).toBe(1);
    const back = await assignScenario(deps, ctx, risky.id, {
      scenarioId: null,
      manualFollowUp: false,
    });
    expect(back).toMatchObject({ scenario: { id: high.id }, source: 'risk_category' });
  });

  it('cannot be deleted while given to a customer, nor while the company default', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);
    const own = await saveScenario(deps, ctx, undefined, oneEmailScenario('Sur mesure'));
    await assignScenario(deps, ctx, customer.id, { scenarioId: own.id, manualFollowUp: false });
    await expect(deleteScenario(deps, ctx, own.id)).rejects.toMatchObject({
      reason: 'dunning_scenario_in_use',
      params: { count: 1 },
    });
    const standard = (await listScenarios(deps, ctx)).find((s) => s.isCompanyDefault);
    await expect(deleteScenario(deps, ctx, standard?.id ?? '')).rejects.toBeInstanceOf(
      ConflictError,
    );
    await assignScenario(deps, ctx, customer.id, { scenarioId: null, manualFollowUp: false });
    await deleteScenario(deps, ctx, own.id);
    expect((await listScenarios(deps, ctx)).map((s) => s.name)).toEqual(['Scénario standard']);
  });

  it('moves the company default to the scenario made default', async () => {
    const { ctx } = await makeCompany(deps);
    const before = (await listScenarios(deps, ctx))[0];
    const made = await saveScenario(
      deps,
      ctx,
      undefined,
      oneEmailScenario('Nouveau défaut', { isCompanyDefault: true }),
    );
    const scenarios = await listScenarios(deps, ctx);
    expect(scenarios.map((s) => [s.id, s.isCompanyDefault])).toEqual([
      [made.id, true],
      [before?.id, false],
    ]);
    const error = await refusal(
      saveScenario(deps, ctx, made.id, oneEmailScenario('Nouveau défaut')),
    );
    expect(error.issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['isCompanyDefault', 'dunning_default_required'],
    ]);
  });
});

describe('saving', () => {
  it('refuses a scenario with two steps on one day, naming both fields at fault', async () => {
    const { ctx } = await makeCompany(deps);
    const step = {
      channel: 'email' as const,
      templateId: 'reminder_1',
      needsApproval: false,
      minOverdueCents: null,
      riskCategories: null,
    };
    const error = await refusal(
      saveScenario(deps, ctx, undefined, {
        ...oneEmailScenario(''),
        steps: [
          { ...step, offsetDays: 5 },
          { ...step, offsetDays: 5 },
        ],
      }),
    );
    expect(error.reason).toBe('dunning_scenario_refused');
    expect(error.issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['name', 'dunning_scenario_name_required'],
      ['steps[1].offsetDays', 'dunning_step_same_offset'],
    ]);
    expect(error.issues[1]?.params).toEqual({ offset: 5, step: 2, otherStep: 1 });
    expect(await listScenarios(deps, ctx)).toHaveLength(1);
  });

  it('refuses a template naming an unknown variable, with its field and line', async () => {
    const { ctx } = await makeCompany(deps);
    const error = await refusal(
      saveTemplate(
        deps,
        ctx,
        { templateId: 'reminder_1', language: 'fr' },
        { subject: 'Relance', body: 'Bonjour,\n\nVous devez {{ totals.du }}.\n' },
      ),
    );
    expect(error.reason).toBe('dunning_template_refused');
    expect(error.issues).toEqual([
      expect.objectContaining({
        field: 'body',
        code: 'template_unknown_variable',
        line: 3,
        params: { line: 3, name: 'totals.du' },
      }),
    ]);
    const saved = await saveTemplate(
      deps,
      ctx,
      { templateId: 'reminder_1', language: 'fr' },
      { subject: 'Relance {{ customer.code }}', body: 'Vous devez {{ totals.open_amount }}.' },
    );
    expect(saved).toMatchObject({ templateId: 'reminder_1', language: 'fr' });
    const templates = await listTemplates(deps, ctx);
    expect(
      templates.find((t) => t.templateId === 'reminder_1' && t.language === 'fr'),
    ).toMatchObject({ subject: 'Relance {{ customer.code }}' });
  });

  it('refuses a policy out of its bounds, every field at once', async () => {
    const { ctx } = await makeCompany(deps);
    const error = await refusal(
      savePolicy(deps, ctx, {
        toleranceCents: cents(-1),
        minDaysBetweenContacts: 400,
        runHour: 24,
      }),
    );
    expect(error.issues.map((issue) => issue.field)).toEqual([
      'toleranceCents',
      'minDaysBetweenContacts',
      'runHour',
    ]);
  });
});

describe('the preview', () => {
  it('fills a template with a real customer’s invoices, in French', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx, {
      code: 'MARTIN',
      legalName: 'Boulangerie Martin SARL',
      contacts: [{ role: 'billing', name: 'Claire Martin', email: 'compta@martin.example' }],
    });
    // Today is 15 March 2026: the first is 39 days late, the second not yet due.
    await makeInvoices(deps, ctx, customer.id, [
      { number: 'FA-2026-0101', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 123_456 },
      { number: 'FA-2026-0102', issueDate: '2026-03-01', dueDate: '2026-03-31', amount: 50_000 },
    ]);
    await makePayment(deps, ctx, customer.id, {
      reference: 'VIR-1',
      receivedOn: '2026-03-01',
      amount: 10_000,
      invoiceNumber: 'FA-2026-0102',
    });
    const preview = await previewTemplate(
      deps,
      ctx,
      {
        template: {
          subject: 'Relance {{ customer.name }} ({{ customer.code }})',
          body: `{{ contact.name }}
{% for invoice in invoices %}{{ invoice.number }} du {{ invoice.issue_date }}, échue le {{ invoice.due_date }} : {{ invoice.open_amount }} sur {{ invoice.amount }} ({{ invoice.days_late }} j)
{% endfor %}Total : {{ totals.open_amount }}, échu {{ totals.overdue_amount }}
Pénalités : {{ penalties.rate }}, {{ penalties.interest }} + {{ penalties.indemnity }} = {{ penalties.total }}
{{ today }}`,
        },
      },
      'fr',
      customer.id,
    );
    expect(preview.subject).toBe('Relance Boulangerie Martin SARL (MARTIN)');
    // 1 234,56 € at 12,15 % (ECB 2,15 % + 10 points, 2026-H1) for 39 days:
    // 123 456 × 1 215 × 39 / (10 000 × 365) = 1 602,7 → 16,03 €.
    expect(preview.body).toBe(
      [
        'Claire Martin',
        `FA-2026-0101 du 05/01/2026, échue le 04/02/2026 : 1${NBSP}234,56${NBSP}€ sur 1${NBSP}234,56${NBSP}€ (39 j)`,
        `FA-2026-0102 du 01/03/2026, échue le 31/03/2026 : 400,00${NBSP}€ sur 500,00${NBSP}€ (0 j)`,
        `Total : 1${NBSP}634,56${NBSP}€, échu 1${NBSP}234,56${NBSP}€`,
        `Pénalités : 12,15${NBSP}%, 16,03${NBSP}€ + 40,00${NBSP}€ = 56,03${NBSP}€`,
        '15/03/2026',
      ].join('\n'),
    );
    expect(preview).toMatchObject({ invoiceCount: 2, currency: 'EUR' });
  });

  it('fills a stored template in English', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx, { legalName: 'Transports Dupont SAS' });
    await makeInvoices(deps, ctx, customer.id, [
      { number: 'FA-2026-0201', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 123_456 },
    ]);
    const preview = await previewTemplate(
      deps,
      ctx,
      { templateId: 'reminder_1' },
      'en',
      customer.id,
    );
    expect(preview.subject).toBe('Reminder: overdue invoice(s) — Transports Dupont SAS');
    expect(preview.body).toContain(
      '- Invoice FA-2026-0201 of 05 Jan 2026, due 04 Feb 2026: €1,234.56 outstanding',
    );
  });
});
