/**
 * Dunning's configuration over HTTP: the French defaults, a scenario created, replaced,
 * given to a customer and refused deletion while it is, the templates and their preview
 * on a customer, the policy; refusals as problems in French (400), 403 for a read-only
 * user, 409 deleting a scenario in use.
 */
import { describe, expect, it } from 'vitest';
import {
  ZCustomerDunning,
  ZDunningPolicy,
  ZDunningScenario,
  ZDunningScenarioList,
  ZDunningTemplate,
  ZDunningTemplateList,
  ZTemplatePreview,
} from '../../../src/dunning/schemas.ts';
import { makeCompany, makeCustomer, makeInvoices, makeUser } from '../../factories.ts';
import { expectProblem, signIn, writeHeaders, type Session, useHttpApp } from './http-helpers.ts';

const http = useHttpApp();

async function companyWith(role: 'admin' | 'read_only' | 'collector' = 'admin') {
  const { ctx } = await makeCompany(http.deps);
  const user = await makeUser(http.deps, ctx, role);
  const session = await signIn(http.app, user.email, user.password);
  return { ctx, session };
}

function send(session: Session, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) {
  return http.app.inject({
    method,
    url,
    headers: writeHeaders(session),
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

function get(session: Session, url: string) {
  return http.app.inject({ url, headers: { cookie: session.cookie } });
}

const TWO_STEPS = {
  name: 'Grands comptes',
  steps: [
    { offsetDays: 10, channel: 'email', templateId: 'reminder_1' },
    { offsetDays: 40, channel: 'letter', templateId: 'formal_notice', needsApproval: true },
  ],
};

describe('/api/dunning/scenarios', () => {
  it('lists the French default, creates, replaces, assigns and refuses to delete one in use', async () => {
    const { ctx, session } = await companyWith('admin');
    const customer = await makeCustomer(http.deps, ctx);

    const listed = await get(session, '/api/dunning/scenarios');
    expect(listed.statusCode).toBe(200);
    const [standard] = ZDunningScenarioList.parse(listed.json()).items;
    expect(standard).toMatchObject({ name: 'Scénario standard', isCompanyDefault: true });
    expect(standard?.steps).toHaveLength(7);

    const created = await send(session, 'POST', '/api/dunning/scenarios', TWO_STEPS);
    expect(created.statusCode).toBe(201);
    const scenario = ZDunningScenario.parse(created.json());
    expect(scenario.steps.map((step) => [step.offsetDays, step.needsApproval])).toEqual([
      [10, false],
      [40, true],
    ]);

    const replaced = await send(session, 'PUT', `/api/dunning/scenarios/${scenario.id}`, {
      ...TWO_STEPS,
      name: 'Grands comptes (2026)',
      steps: scenario.steps,
      riskCategory: 'critical',
    });
    expect(replaced.statusCode).toBe(200);
    expect(ZDunningScenario.parse(replaced.json())).toMatchObject({
      name: 'Grands comptes (2026)',
      riskCategory: 'critical',
      steps: scenario.steps,
    });

    const assigned = await send(session, 'PUT', `/api/customers/${customer.id}/dunning`, {
      scenarioId: scenario.id,
    });
    expect(assigned.statusCode).toBe(200);
    expect(ZCustomerDunning.parse(assigned.json())).toMatchObject({
      scenarioId: scenario.id,
      manualFollowUp: false,
      source: 'customer',
      scenario: { id: scenario.id },
    });
    const read = await get(session, `/api/customers/${customer.id}/dunning`);
    expect(ZCustomerDunning.parse(read.json()).scenarioId).toBe(scenario.id);

    const refused = await send(session, 'DELETE', `/api/dunning/scenarios/${scenario.id}`);
    const problem = expectProblem(refused, 409);
    expect(problem).toMatchObject({ reason: 'dunning_scenario_in_use', params: { count: 1 } });
    expect(problem.detail).toBe(
      'Le scénario est attribué à 1 client\u00a0: donnez-lui d’abord un autre scénario',
    );

    await send(session, 'PUT', `/api/customers/${customer.id}/dunning`, { scenarioId: null });
    expect(
      (await send(session, 'DELETE', `/api/dunning/scenarios/${scenario.id}`)).statusCode,
    ).toBe(204);
    expectProblem(await get(session, `/api/dunning/scenarios/${scenario.id}`), 404);
  });

  it('refuses two steps on one day with a 400 in French naming the field', async () => {
    const { session } = await companyWith('admin');
    const response = await send(session, 'POST', '/api/dunning/scenarios', {
      name: 'Doublon',
      steps: [
        { offsetDays: 5, channel: 'email', templateId: 'reminder_1' },
        { offsetDays: 5, channel: 'sms' },
      ],
    });
    const problem = expectProblem(response, 400);
    expect(problem.code).toBe('invalid');
    expect(problem.reason).toBe('dunning_scenario_refused');
    expect(problem.issues?.map((issue) => [issue.field, issue.code, issue.message])).toEqual([
      [
        'steps[1].templateId',
        'dunning_template_required',
        'Une étape d’e-mail, de courrier ou de SMS a besoin d’un modèle',
      ],
      ['steps[1].offsetDays', 'dunning_step_same_offset', expect.stringContaining('1 et 2')],
    ]);
  });

  it('lets a read-only user read, and refuses it any change (403)', async () => {
    const { session } = await companyWith('read_only');
    expect((await get(session, '/api/dunning/scenarios')).statusCode).toBe(200);
    expect((await get(session, '/api/dunning/policy')).statusCode).toBe(200);
    expectProblem(await send(session, 'POST', '/api/dunning/scenarios', TWO_STEPS), 403);
    expectProblem(
      await send(session, 'PUT', '/api/dunning/policy', {
        toleranceCents: 0,
        minDaysBetweenContacts: 0,
        runHour: 6,
      }),
      403,
    );
  });

  it('lets a collector put a customer under manual follow-up, not edit a scenario', async () => {
    const { ctx, session } = await companyWith('collector');
    const customer = await makeCustomer(http.deps, ctx);
    const response = await send(session, 'PUT', `/api/customers/${customer.id}/dunning`, {
      scenarioId: null,
      manualFollowUp: true,
    });
    expect(response.statusCode).toBe(200);
    expect(ZCustomerDunning.parse(response.json())).toMatchObject({
      manualFollowUp: true,
      source: 'company_default',
    });
    expectProblem(await send(session, 'POST', '/api/dunning/scenarios', TWO_STEPS), 403);
  });
});

describe('/api/dunning/templates', () => {
  it('lists, saves, refuses an unknown variable with its line, and previews on a customer', async () => {
    const { ctx, session } = await companyWith('admin');
    const list = ZDunningTemplateList.parse((await get(session, '/api/dunning/templates')).json());
    expect(list.items).toHaveLength(10);

    const refused = await send(session, 'PUT', '/api/dunning/templates/reminder_1/fr', {
      subject: 'Relance',
      body: 'Bonjour,\n{{ client.nom }}',
    });
    const problem = expectProblem(refused, 400);
    expect(problem.issues).toEqual([
      expect.objectContaining({
        field: 'body',
        line: 2,
        code: 'template_unknown_variable',
        message: 'Ligne 2\u00a0: la variable client.nom n’existe pas',
      }),
    ]);

    const saved = await send(session, 'PUT', '/api/dunning/templates/reminder_1/fr', {
      subject: 'Relance {{ customer.code }}',
      body: 'Vous nous devez {{ totals.open_amount }}.',
    });
    expect(saved.statusCode).toBe(200);
    expect(ZDunningTemplate.parse(saved.json())).toMatchObject({
      templateId: 'reminder_1',
      language: 'fr',
    });
    const read = await get(session, '/api/dunning/templates/reminder_1/fr');
    expect(ZDunningTemplate.parse(read.json()).subject).toBe('Relance {{ customer.code }}');
    expectProblem(await get(session, '/api/dunning/templates/nope/fr'), 404);

    const customer = await makeCustomer(http.deps, ctx, { code: 'MARTIN' });
    await makeInvoices(http.deps, ctx, customer.id, [
      { number: 'FA-1', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 123_456 },
    ]);
    const preview = await send(session, 'POST', '/api/dunning/templates/preview', {
      customerId: customer.id,
      language: 'fr',
      templateId: 'reminder_1',
    });
    expect(preview.statusCode).toBe(200);
    expect(ZTemplatePreview.parse(preview.json())).toEqual({
      subject: 'Relance MARTIN',
      body: 'Vous nous devez 1\u00a0234,56\u00a0€.',
      invoiceCount: 1,
      currency: 'EUR',
    });
    expectProblem(
      await send(session, 'POST', '/api/dunning/templates/preview', {
        customerId: customer.id,
        language: 'fr',
      }),
      400,
    );
  });
});

describe('/api/dunning/policy', () => {
  it('starts with the French defaults and refuses a policy out of bounds', async () => {
    const { session } = await companyWith('admin');
    expect(ZDunningPolicy.parse((await get(session, '/api/dunning/policy')).json())).toEqual({
      toleranceCents: 1_000,
      minDaysBetweenContacts: 7,
      runHour: 7,
    });
    const problem = expectProblem(
      await send(session, 'PUT', '/api/dunning/policy', {
        toleranceCents: -5,
        minDaysBetweenContacts: 7,
        runHour: 25,
      }),
      400,
    );
    expect(problem.issues?.map((issue) => issue.field)).toEqual(['toleranceCents', 'runHour']);
    const saved = await send(session, 'PUT', '/api/dunning/policy', {
      toleranceCents: 2_000,
      minDaysBetweenContacts: 10,
      runHour: 6,
    });
    expect(ZDunningPolicy.parse(saved.json())).toEqual({
      toleranceCents: 2_000,
      minDaysBetweenContacts: 10,
      runHour: 6,
    });
  });
});
