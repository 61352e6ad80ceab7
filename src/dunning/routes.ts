/**
 * Dunning's configuration over HTTP (docs/api.md): the scenarios, a customer's own
 * scenario and manual follow-up, the templates and their preview on a real customer, the
 * policy. Thin: parse, call one use case, map to the answer's schema.
 */
import { z } from 'zod';
import type { Deps } from '../app/deps.ts';
import { answer, noContent, problems } from '../http/openapi.ts';
import type { PublicUrlOption } from '../http/public-url.ts';
import type { App } from '../http/types.ts';
import { cents } from '../shared/money.ts';
import { ZId } from '../shared/schemas.ts';
import { registerAgendaRoutes } from './agenda-routes.ts';
import type { DunningSettings, StoredScenario, StoredTemplate } from './configuration.ts';
import { registerPenaltyRateRoutes } from './penalty-rate-routes.ts';
import { previewTemplate } from './preview.ts';
import {
  ZAssignDunningRequest,
  ZCustomerDunning,
  ZDunningPolicy,
  ZDunningScenario,
  ZDunningScenarioList,
  ZDunningTemplate,
  ZDunningTemplateList,
  ZMessageTemplate,
  ZPreviewTemplateRequest,
  ZSaveDunningScenarioRequest,
  ZTemplateParams,
  ZTemplatePreview,
  type TCustomerDunning,
  type TDunningPolicy,
  type TDunningScenario,
  type TDunningTemplate,
  type TSaveDunningScenarioRequest,
} from './schemas.ts';
import {
  assignScenario,
  deleteScenario,
  getPolicy,
  getScenario,
  getTemplate,
  listScenarios,
  listTemplates,
  savePolicy,
  saveScenario,
  scenarioForCustomer,
  saveTemplate,
  type CustomerDunningView,
  type ScenarioInput,
} from './service.ts';

const ZIdParams = z.object({ id: ZId });
const tags = ['dunning'];

function presentScenario(scenario: StoredScenario): TDunningScenario {
  return {
    id: scenario.id,
    name: scenario.name,
    steps: scenario.steps.map((step) => ({
      id: step.id,
      offsetDays: step.offsetDays,
      channel: step.channel,
      templateId: step.templateId,
      needsApproval: step.needsApproval,
      minOverdueCents: step.minOverdueCents,
      riskCategories: step.riskCategories === null ? null : [...step.riskCategories],
    })),
    riskCategory: scenario.riskCategory,
    isCompanyDefault: scenario.isCompanyDefault,
    createdAt: scenario.createdAt.toISOString(),
    updatedAt: scenario.updatedAt.toISOString(),
  };
}

function scenarioInput(body: TSaveDunningScenarioRequest): ScenarioInput {
  return {
    name: body.name,
    steps: body.steps.map((step) => ({
      ...step,
      minOverdueCents: step.minOverdueCents === null ? null : cents(step.minOverdueCents),
    })),
    riskCategory: body.riskCategory,
    isCompanyDefault: body.isCompanyDefault,
  };
}

function presentCustomerDunning(view: CustomerDunningView): TCustomerDunning {
  return {
    customerId: view.customerId,
    scenarioId: view.scenarioId,
    manualFollowUp: view.manualFollowUp,
    language: view.language,
    contractualRateBps: view.contractualRateBps,
    notice: view.notice,
    scenario: view.scenario === null ? null : presentScenario(view.scenario),
    source: view.source,
  };
}

function presentTemplate(template: StoredTemplate): TDunningTemplate {
  return {
    templateId: template.templateId,
    language: template.language,
    subject: template.subject,
    body: template.body,
    updatedAt: template.updatedAt.toISOString(),
  };
}

function presentPolicy(settings: DunningSettings): TDunningPolicy {
  return {
    toleranceCents: settings.toleranceCents,
    minDaysBetweenContacts: settings.minDaysBetweenContacts,
    runHour: settings.runHour,
  };
}

export function registerDunningRoutes(app: App, deps: Deps, options: PublicUrlOption = {}): void {
  registerScenarioRoutes(app, deps);
  registerTemplateRoutes(app, deps);
  registerAgendaRoutes(app, deps, options);
  registerPenaltyRateRoutes(app, deps);
}

function registerScenarioRoutes(app: App, deps: Deps): void {
  app.get(
    '/dunning/scenarios',
    {
      schema: {
        operationId: 'listDunningScenarios',
        tags,
        summary: 'The company’s dunning scenarios, the company default first',
        description:
          'A company starts with the French default scenario (docs/dunning.md), created on first use.',
        response: {
          200: answer('The scenarios, with the customers given each', ZDunningScenarioList),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const scenarios = await listScenarios(deps, request.ctx);
      return {
        items: scenarios.map((scenario) => ({
          ...presentScenario(scenario),
          customerCount: scenario.customerCount,
        })),
      };
    },
  );
  app.post(
    '/dunning/scenarios',
    {
      schema: {
        operationId: 'createDunningScenario',
        tags,
        summary: 'Create a dunning scenario',
        description:
          'Refused (400) with every issue at once, each on its field (`steps[1].offsetDays`). Making it the company default takes that from the one before; two scenarios for one risk category are a 409.',
        body: ZSaveDunningScenarioRequest,
        response: {
          201: answer('The scenario, as saved', ZDunningScenario),
          ...problems(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      const saved = await saveScenario(deps, request.ctx, undefined, scenarioInput(request.body));
      return reply.code(201).send(presentScenario(saved));
    },
  );
  app.get(
    '/dunning/scenarios/:id',
    {
      schema: {
        operationId: 'getDunningScenario',
        tags,
        summary: 'One dunning scenario',
        params: ZIdParams,
        response: {
          200: answer('The scenario', ZDunningScenario),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => presentScenario(await getScenario(deps, request.ctx, request.params.id)),
  );
  app.put(
    '/dunning/scenarios/:id',
    {
      schema: {
        operationId: 'replaceDunningScenario',
        tags,
        summary: 'Replace a dunning scenario: its name, steps and the defaults it stands for',
        description:
          'The company default stays it until another scenario is made the default (400 `dunning_default_required`).',
        params: ZIdParams,
        body: ZSaveDunningScenarioRequest,
        response: {
          200: answer('The scenario, as saved', ZDunningScenario),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) =>
      presentScenario(
        await saveScenario(deps, request.ctx, request.params.id, scenarioInput(request.body)),
      ),
  );
  app.delete(
    '/dunning/scenarios/:id',
    {
      schema: {
        operationId: 'deleteDunningScenario',
        tags,
        summary: 'Delete a dunning scenario',
        description: 'Refused (409) while it is the company default or customers were given it.',
        params: ZIdParams,
        response: {
          204: noContent('Deleted'),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      await deleteScenario(deps, request.ctx, request.params.id);
      return reply.code(204).send();
    },
  );
  app.get(
    '/customers/:id/dunning',
    {
      schema: {
        operationId: 'getCustomerDunning',
        tags,
        summary: 'The scenario a customer follows, and why; whether it is followed by hand',
        description:
          'Its own scenario, else its risk category’s default, else the company default.',
        params: ZIdParams,
        response: {
          200: answer('The customer’s dunning', ZCustomerDunning),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) =>
      presentCustomerDunning(await scenarioForCustomer(deps, request.ctx, request.params.id)),
  );
  app.put(
    '/customers/:id/dunning',
    {
      schema: {
        operationId: 'assignCustomerDunning',
        tags,
        summary: 'Give a customer its own scenario (or none), and set its manual follow-up',
        params: ZIdParams,
        body: ZAssignDunningRequest,
        response: {
          200: answer('The customer’s dunning, as saved', ZCustomerDunning),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) =>
      presentCustomerDunning(
        await assignScenario(deps, request.ctx, request.params.id, request.body),
      ),
  );
}

function registerTemplateRoutes(app: App, deps: Deps): void {
  app.get(
    '/dunning/templates',
    {
      schema: {
        operationId: 'listDunningTemplates',
        tags,
        summary: 'The company’s message templates, in French and English',
        response: {
          200: answer('The templates', ZDunningTemplateList),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => ({ items: (await listTemplates(deps, request.ctx)).map(presentTemplate) }),
  );
  app.get(
    '/dunning/templates/:templateId/:language',
    {
      schema: {
        operationId: 'getDunningTemplate',
        tags,
        summary: 'One template in one language',
        params: ZTemplateParams,
        response: {
          200: answer('The template', ZDunningTemplate),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { templateId, language } = request.params;
      return presentTemplate(await getTemplate(deps, request.ctx, templateId, language));
    },
  );
  app.put(
    '/dunning/templates/:templateId/:language',
    {
      schema: {
        operationId: 'saveDunningTemplate',
        tags,
        summary: 'Write a template in one language (new, or replacing the stored one)',
        description:
          'Refused (400) when it does not parse (`template_syntax`) or names a variable that does not exist (`template_unknown_variable`), each issue with its field and line.',
        params: ZTemplateParams,
        body: ZMessageTemplate,
        response: {
          200: answer('The template, as saved', ZDunningTemplate),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) =>
      presentTemplate(await saveTemplate(deps, request.ctx, request.params, request.body)),
  );
  app.post(
    '/dunning/templates/preview',
    {
      schema: {
        operationId: 'previewDunningTemplate',
        tags,
        summary: 'A template filled for a real customer: its invoices, totals and penalties',
        description:
          'A stored template (`templateId`) or words being edited (`template`, checked first), in the language asked, over the customer’s open invoices in the company currency, today.',
        body: ZPreviewTemplateRequest,
        response: {
          200: answer('The message as it would go out', ZTemplatePreview),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { customerId, language, templateId, template } = request.body;
      const source = template === undefined ? { templateId: templateId ?? '' } : { template };
      return previewTemplate(deps, request.ctx, source, language, customerId);
    },
  );
  app.get(
    '/dunning/policy',
    {
      schema: {
        operationId: 'getDunningPolicy',
        tags,
        summary: 'The company’s dunning policy: tolerance, gap between contacts, hour of the run',
        response: {
          200: answer('The policy', ZDunningPolicy),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => presentPolicy(await getPolicy(deps, request.ctx)),
  );
  app.put(
    '/dunning/policy',
    {
      schema: {
        operationId: 'saveDunningPolicy',
        tags,
        summary: 'Replace the company’s dunning policy',
        body: ZDunningPolicy,
        response: {
          200: answer('The policy, as saved', ZDunningPolicy),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) =>
      presentPolicy(
        await savePolicy(deps, request.ctx, {
          ...request.body,
          toleranceCents: cents(request.body.toleranceCents),
        }),
      ),
  );
}
