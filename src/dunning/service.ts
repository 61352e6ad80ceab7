/**
 * Dunning's stored configuration (docs/dunning.md "Stored per company"): the company's
 * scenarios and the defaults they stand for, each customer's own scenario and manual
 * follow-up, the templates and the policy. A company's configuration is created with the
 * French defaults on its first use, by whichever use case comes first; two at once make
 * one set (the policy's key decides who writes it).
 *
 * Reading takes `customers:read`, which every role has; changing the scenarios, templates
 * and policy takes `dunning:configure` (admins and credit managers); giving a customer
 * its scenario or manual follow-up takes `dunning:assign` (collectors too).
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { recordEvents } from '../audit/service.ts';
import { getCompany } from '../companies/service.ts';
import { getCustomer, requireCustomer } from '../customers/service.ts';
import type { Queryable } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import {
  ConflictError,
  fieldIssue,
  InvalidError,
  NotFoundError,
  type Issue,
} from '../shared/errors.ts';
import type { Language } from '../shared/language.ts';
import {
  checkSettings,
  FRENCH_DEFAULT_SETTINGS,
  frenchDefaultConfiguration,
  resolveScenario,
  scenarioSource,
  type CustomerDunning,
  type DunningSettings,
  type ScenarioSource,
  type StoredScenario,
  type StoredTemplate,
} from './configuration.ts';
import { halfYearOf } from './penalties.ts';
import { floorNotice } from './penalty-rate-table.ts';
import { effectiveRates } from './penalty-rates.ts';
import { checkScenario, type ScenarioStep } from './scenario.ts';
import {
  clearCompanyDefault,
  countCustomersByScenario,
  countCustomersOnScenario,
  deleteScenarioRow,
  findCustomerDunningRow,
  findScenarioRow,
  findSettingsRow,
  findTemplateRow,
  insertScenarioIfAbsent,
  insertSettingsIfAbsent,
  insertTemplatesIfAbsent,
  listScenarioRows,
  listTemplateRows,
  updateSettingsRow,
  upsertCustomerDunningRow,
  upsertScenarioRow,
  upsertTemplateRow,
} from './store.ts';
import { checkTemplate, type MessageTemplate } from './templates.ts';

/**
 * Creates the company's configuration unless it has one, in `tx`: the policy first (its
 * key is the mark: a second caller at once waits for it, then writes nothing), then the
 * default scenario as the company default and the shipped templates in both languages.
 */
async function ensureConfigurationInTx(deps: Deps, tx: Queryable, ctx: Ctx): Promise<void> {
  const now = deps.clock.now();
  if (!(await insertSettingsIfAbsent(tx, ctx.companyId, FRENCH_DEFAULT_SETTINGS, now))) {
    return;
  }
  const { scenario, templates } = frenchDefaultConfiguration(deps.ids);
  await insertScenarioIfAbsent(
    tx,
    ctx.companyId,
    { ...scenario, riskCategory: null, isCompanyDefault: true },
    now,
  );
  await insertTemplatesIfAbsent(tx, ctx.companyId, templates, now);
}

/** The company's policy, its configuration created first when it has none. */
export async function ensureConfiguration(deps: Deps, ctx: Ctx): Promise<DunningSettings> {
  const found = await findSettingsRow(deps.db, ctx.companyId);
  if (found !== undefined) {
    return found;
  }
  await inTransaction(deps.db, (tx) => ensureConfigurationInTx(deps, tx, ctx));
  return (await findSettingsRow(deps.db, ctx.companyId)) ?? FRENCH_DEFAULT_SETTINGS;
}

/** A scenario with how many customers were given it (not those following it by default). */
export type ScenarioSummary = StoredScenario & { customerCount: number };

/** The company's scenarios, the company default first, then by name. */
export async function listScenarios(deps: Deps, ctx: Ctx): Promise<ScenarioSummary[]> {
  requirePermission(ctx, 'customers:read');
  await ensureConfiguration(deps, ctx);
  const [scenarios, counts] = await Promise.all([
    listScenarioRows(deps.db, ctx.companyId),
    countCustomersByScenario(deps.db, ctx.companyId),
  ]);
  return scenarios.map((scenario) => ({
    ...scenario,
    customerCount: counts.get(scenario.id) ?? 0,
  }));
}

export async function getScenario(deps: Deps, ctx: Ctx, id: string): Promise<StoredScenario> {
  requirePermission(ctx, 'customers:read');
  await ensureConfiguration(deps, ctx);
  const scenario = await findScenarioRow(deps.db, ctx.companyId, id);
  if (scenario === undefined) {
    throw new NotFoundError('dunning_scenario', id);
  }
  return scenario;
}

/** A scenario as a credit manager writes it; a step without an id is given one. */
export type ScenarioInput = {
  name: string;
  steps: readonly (Omit<ScenarioStep, 'id'> & { id?: string | undefined })[];
  riskCategory: StoredScenario['riskCategory'];
  isCompanyDefault: boolean;
};

/**
 * Creates a scenario (`id` undefined) or replaces the one of `id`. Refused with every
 * issue of `checkScenario` at once (400); a scenario that is the company default stays it
 * until another takes its place (`dunning_default_required`); making one the company
 * default takes it from the one before. Two defaults of one risk category are a conflict
 * (409, the database's key).
 */
export async function saveScenario(
  deps: Deps,
  ctx: Ctx,
  id: string | undefined,
  input: ScenarioInput,
): Promise<StoredScenario> {
  requirePermission(ctx, 'dunning:configure');
  const scenario = {
    id: id ?? deps.ids.newId(),
    name: input.name.trim(),
    steps: input.steps.map((step) => ({ ...step, id: step.id ?? deps.ids.newId() })),
    riskCategory: input.riskCategory,
    isCompanyDefault: input.isCompanyDefault,
  };
  const issues = checkScenario(scenario);
  if (issues.length > 0) {
    throw new InvalidError('dunning_scenario_refused', {}, issues);
  }
  return inTransaction(deps.db, async (tx) => {
    await ensureConfigurationInTx(deps, tx, ctx);
    const before =
      id === undefined
        ? undefined
        : await findScenarioRow(tx, ctx.companyId, id, { forUpdate: true });
    if (id !== undefined && before === undefined) {
      throw new NotFoundError('dunning_scenario', id);
    }
    if (before?.isCompanyDefault === true && !scenario.isCompanyDefault) {
      throw new InvalidError('dunning_default_required', {}, [
        fieldIssue('isCompanyDefault', 'dunning_default_required'),
      ]);
    }
    const now = deps.clock.now();
    if (scenario.isCompanyDefault) {
      await clearCompanyDefault(tx, ctx.companyId, scenario.id, now);
    }
    const saved = await upsertScenarioRow(tx, ctx.companyId, scenario, now);
    await recordEvents(tx, ctx, [
      {
        action: 'dunning_scenario.saved',
        entityType: 'dunning_scenario',
        entityId: saved.id,
        customerId: null,
        data: {
          before: before === undefined ? null : scenarioFacts(before),
          after: scenarioFacts(saved),
        },
      },
    ]);
    return saved;
  });
}

/** What the audit trail keeps of a scenario: all of it but its instants. */
function scenarioFacts(scenario: StoredScenario) {
  return {
    name: scenario.name,
    steps: scenario.steps,
    riskCategory: scenario.riskCategory,
    isCompanyDefault: scenario.isCompanyDefault,
  };
}

/**
 * Deletes a scenario. Refused (409) while it is the company default or customers were
 * given it: they would be left with a scenario that is gone. The scenario's row is locked
 * first, so a customer given it meanwhile waits and then finds it gone.
 */
export async function deleteScenario(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  requirePermission(ctx, 'dunning:configure');
  await inTransaction(deps.db, async (tx) => {
    await ensureConfigurationInTx(deps, tx, ctx);
    const scenario = await findScenarioRow(tx, ctx.companyId, id, { forUpdate: true });
    if (scenario === undefined) {
      throw new NotFoundError('dunning_scenario', id);
    }
    if (scenario.isCompanyDefault) {
      throw new ConflictError('dunning_scenario_is_default', {});
    }
    const count = await countCustomersOnScenario(tx, ctx.companyId, id);
    if (count > 0) {
      throw new ConflictError('dunning_scenario_in_use', { count });
    }
    await deleteScenarioRow(tx, ctx.companyId, id);
    await recordEvents(tx, ctx, [
      {
        action: 'dunning_scenario.deleted',
        entityType: 'dunning_scenario',
        entityId: id,
        customerId: null,
        data: { before: scenarioFacts(scenario) },
      },
    ]);
  });
}

/** A customer's dunning: its own setting, and the scenario it follows and why. */
export type CustomerDunningView = CustomerDunning & {
  scenario: StoredScenario | null;
  source: ScenarioSource | null;
  /** `penalty_rate_below_floor` when its agreed rate is below the floor of the current half-year. */
  notice: Issue | null;
};

/**
 * The scenario `customerId` follows: its own, else its risk category's default, else the
 * company's default (`resolveScenario`).
 */
export async function scenarioForCustomer(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
): Promise<CustomerDunningView> {
  requirePermission(ctx, 'customers:read');
  const customer = await getCustomer(deps, ctx, customerId);
  await ensureConfiguration(deps, ctx);
  const [own, scenarios] = await Promise.all([
    findCustomerDunningRow(deps.db, ctx.companyId, customerId),
    listScenarioRows(deps.db, ctx.companyId),
  ]);
  const setting = own ?? {
    customerId,
    scenarioId: null,
    manualFollowUp: false,
    language: null,
    contractualRateBps: null,
  };
  const key = { riskCategory: customer.riskCategory, scenarioId: setting.scenarioId };
  const scenario = resolveScenario(key, scenarios) ?? null;
  return {
    ...setting,
    scenario,
    source: scenario === null ? null : scenarioSource(key, scenario),
    notice: await contractualRateNotice(deps, ctx, setting.contractualRateBps),
  };
}

/** The language `customerId`'s messages are written in: its own, else null (French). */
export async function customerMessageLanguage(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
): Promise<Language | null> {
  requirePermission(ctx, 'customers:read');
  return (await findCustomerDunningRow(deps.db, ctx.companyId, customerId))?.language ?? null;
}

/** The highest agreed rate a customer may be given (customer_dunning_contractual_rate_bps_check). */
const MAX_CONTRACTUAL_RATE_BPS = 10_000;

/** The floor notice of an agreed rate, over the company's rates of its current half-year. */
async function contractualRateNotice(
  deps: Deps,
  ctx: Ctx,
  contractualRateBps: number | null,
): Promise<Issue | null> {
  if (contractualRateBps === null) {
    return null;
  }
  const company = await getCompany(deps, ctx.companyId);
  const halfYear = halfYearOf(deps.clock.today(company.timeZone));
  return floorNotice(await effectiveRates(deps.db, ctx.companyId), halfYear, contractualRateBps);
}

/**
 * Gives a customer its own scenario (`null`: back to the defaults) and sets whether a
 * collector follows it by hand. The scenario is locked while it is given, so that it
 * cannot be deleted meanwhile.
 */
export async function assignScenario(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
  input: {
    scenarioId: string | null;
    manualFollowUp: boolean;
    /** The language of its messages; left out: unchanged. */
    language?: Language | null | undefined;
    /** Its agreed late-payment rate in basis points; `null`: the legal one; left out: unchanged. */
    contractualRateBps?: number | null | undefined;
  },
): Promise<CustomerDunningView> {
  requirePermission(ctx, 'dunning:assign');
  const rate = input.contractualRateBps;
  if (
    rate !== undefined &&
    rate !== null &&
    (!Number.isInteger(rate) || rate < 0 || rate > MAX_CONTRACTUAL_RATE_BPS)
  ) {
    throw new InvalidError('penalty_rate_refused', {}, [
      fieldIssue('contractualRateBps', 'penalty_rate_out_of_range', {
        max: MAX_CONTRACTUAL_RATE_BPS,
      }),
    ]);
  }
  // Before the transaction: on the embedded database it holds the only session.
  await requireCustomer(deps, ctx, customerId);
  await inTransaction(deps.db, async (tx) => {
    await ensureConfigurationInTx(deps, tx, ctx);
    if (
      input.scenarioId !== null &&
      (await findScenarioRow(tx, ctx.companyId, input.scenarioId, { forUpdate: true })) ===
        undefined
    ) {
      throw new NotFoundError('dunning_scenario', input.scenarioId);
    }
    const before = await findCustomerDunningRow(tx, ctx.companyId, customerId);
    const after = {
      customerId,
      scenarioId: input.scenarioId,
      manualFollowUp: input.manualFollowUp,
      language: input.language === undefined ? (before?.language ?? null) : input.language,
      contractualRateBps:
        input.contractualRateBps === undefined
          ? (before?.contractualRateBps ?? null)
          : input.contractualRateBps,
    };
    await upsertCustomerDunningRow(tx, ctx.companyId, after, deps.clock.now());
    await recordEvents(tx, ctx, [
      {
        action: 'customer_dunning.assigned',
        entityType: 'customer',
        entityId: customerId,
        customerId,
        data: {
          before: {
            scenarioId: before?.scenarioId ?? null,
            manualFollowUp: before?.manualFollowUp ?? false,
            language: before?.language ?? null,
            contractualRateBps: before?.contractualRateBps ?? null,
          },
          after: {
            scenarioId: after.scenarioId,
            manualFollowUp: after.manualFollowUp,
            language: after.language,
            contractualRateBps: after.contractualRateBps,
          },
        },
      },
    ]);
  });
  return scenarioForCustomer(deps, ctx, customerId);
}

/** The company's templates, by id, French before English. */
export async function listTemplates(deps: Deps, ctx: Ctx): Promise<StoredTemplate[]> {
  requirePermission(ctx, 'customers:read');
  await ensureConfiguration(deps, ctx);
  return listTemplateRows(deps.db, ctx.companyId);
}

export async function getTemplate(
  deps: Deps,
  ctx: Ctx,
  templateId: string,
  language: Language,
): Promise<StoredTemplate> {
  requirePermission(ctx, 'customers:read');
  await ensureConfiguration(deps, ctx);
  const template = await findTemplateRow(deps.db, ctx.companyId, templateId, language);
  if (template === undefined) {
    throw new NotFoundError('dunning_template', `${templateId} (${language})`);
  }
  return template;
}

/**
 * `checkTemplate`'s issues, each with its line as the issue's own `line` too (where an
 * editor puts its marker), or `undefined` when the template may be saved.
 */
export function templateRefusal(template: MessageTemplate): InvalidError | undefined {
  const issues: Issue[] = checkTemplate(template).map((issue) => {
    const line = issue.params?.['line'];
    return typeof line === 'number' ? { ...issue, line } : issue;
  });
  return issues.length === 0 ? undefined : new InvalidError('dunning_template_refused', {}, issues);
}

/**
 * Writes a template in one language, new or replacing the stored one, once it parses and
 * names only known variables (400 with each issue's field and line otherwise).
 */
export async function saveTemplate(
  deps: Deps,
  ctx: Ctx,
  key: { templateId: string; language: Language },
  template: MessageTemplate,
): Promise<StoredTemplate> {
  requirePermission(ctx, 'dunning:configure');
  const refusal = templateRefusal(template);
  if (refusal !== undefined) {
    throw refusal;
  }
  return inTransaction(deps.db, async (tx) => {
    await ensureConfigurationInTx(deps, tx, ctx);
    const before = await findTemplateRow(tx, ctx.companyId, key.templateId, key.language);
    const saved = await upsertTemplateRow(tx, ctx.companyId, key, template, deps.clock.now());
    await recordEvents(tx, ctx, [
      {
        // Templates have no uuid of their own: the event is the company's, and names them.
        action: 'dunning_template.saved',
        entityType: 'dunning_template',
        entityId: ctx.companyId,
        customerId: null,
        data: {
          templateId: key.templateId,
          language: key.language,
          before: before === undefined ? null : { subject: before.subject, body: before.body },
          after: template,
        },
      },
    ]);
    return saved;
  });
}

/** The company's policy: its tolerance, the gap between contacts, the hour of the run. */
export async function getPolicy(deps: Deps, ctx: Ctx): Promise<DunningSettings> {
  requirePermission(ctx, 'customers:read');
  return ensureConfiguration(deps, ctx);
}

/** Replaces the company's policy, once `checkSettings` finds nothing wrong (400 otherwise). */
export async function savePolicy(
  deps: Deps,
  ctx: Ctx,
  settings: DunningSettings,
): Promise<DunningSettings> {
  requirePermission(ctx, 'dunning:configure');
  const issues = checkSettings(settings);
  if (issues.length > 0) {
    throw new InvalidError('dunning_policy_refused', {}, issues);
  }
  await inTransaction(deps.db, async (tx) => {
    await ensureConfigurationInTx(deps, tx, ctx);
    const before = await findSettingsRow(tx, ctx.companyId);
    await updateSettingsRow(tx, ctx.companyId, settings, deps.clock.now());
    await recordEvents(tx, ctx, [
      {
        action: 'dunning_policy.saved',
        entityType: 'dunning_policy',
        entityId: ctx.companyId,
        customerId: null,
        data: { before: before ?? null, after: settings },
      },
    ]);
  });
  return settings;
}
