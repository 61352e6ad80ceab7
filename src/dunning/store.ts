/**
 * Dunning's configuration tables (migration 202612020300): `dunning_scenario`,
 * `dunning_template`, `dunning_policy` and `customer_dunning`. SQL only: every statement
 * filters on the company, lists travel as array parameters, and nothing is decided here.
 */
import { sql, type Selectable } from 'kysely';
import { unnestRows } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import type { DunningScenarioTable, DunningTemplateTable } from '../db/schema.ts';
import type { RiskCategory } from '../customers/model.ts';
import type { Language } from '../shared/language.ts';
import { cents } from '../shared/money.ts';
import type {
  CustomerDunning,
  DunningSettings,
  StoredScenario,
  StoredTemplate,
} from './configuration.ts';
import type { Scenario, ScenarioStep } from './scenario.ts';
import type { MessageTemplate } from './templates.ts';

function toScenario(row: Selectable<DunningScenarioTable>): StoredScenario {
  return {
    id: row.id,
    name: row.name,
    steps: row.steps as ScenarioStep[],
    riskCategory: row.risk_category as RiskCategory | null,
    isCompanyDefault: row.is_company_default,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toTemplate(row: Selectable<DunningTemplateTable>): StoredTemplate {
  return {
    templateId: row.template_id,
    language: row.language as Language,
    subject: row.subject,
    body: row.body,
    updatedAt: row.updated_at,
  };
}

/**
 * Writes the company's policy unless it has one, and says whether this call wrote it:
 * the mark that the company's configuration is being created now. A second writer at
 * once waits on the key, then writes nothing.
 */
export async function insertSettingsIfAbsent(
  q: Queryable,
  companyId: string,
  settings: DunningSettings,
  now: Date,
): Promise<boolean> {
  const inserted = await q
    .insertInto('dunning_policy')
    .values({
      company_id: companyId,
      tolerance_cents: settings.toleranceCents,
      min_days_between_contacts: settings.minDaysBetweenContacts,
      run_hour: settings.runHour,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('company_id').doNothing())
    .returning('company_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** A scenario to insert or replace, with the defaults it stands for. */
export type ScenarioRow = Scenario & {
  riskCategory: RiskCategory | null;
  isCompanyDefault: boolean;
};

/** Inserts a scenario unless one of its keys (id, the company default, its category) is taken. */
export async function insertScenarioIfAbsent(
  q: Queryable,
  companyId: string,
  scenario: ScenarioRow,
  now: Date,
): Promise<void> {
  await sql`INSERT INTO dunning_scenario
      (company_id, id, name, steps, risk_category, is_company_default, created_at, updated_at)
    VALUES (${companyId}, ${scenario.id}, ${scenario.name}, ${JSON.stringify(scenario.steps)}::jsonb,
      ${scenario.riskCategory}, ${scenario.isCompanyDefault}, ${now}, ${now})
    ON CONFLICT DO NOTHING`.execute(q);
}

/** Inserts the templates the company does not have yet, in one statement. */
export async function insertTemplatesIfAbsent(
  q: Queryable,
  companyId: string,
  templates: readonly { templateId: string; language: Language; template: MessageTemplate }[],
  now: Date,
): Promise<void> {
  if (templates.length === 0) {
    return;
  }
  await sql`INSERT INTO dunning_template (company_id, template_id, language, subject, body, updated_at)
    SELECT ${companyId}::uuid, row.template_id, row.language, row.subject, row.body, ${now}::timestamptz
    FROM ${unnestRows(
      'row',
      { template_id: 'text', language: 'text', subject: 'text', body: 'text' },
      templates.map((entry) => ({
        template_id: entry.templateId,
        language: entry.language,
        subject: entry.template.subject,
        body: entry.template.body,
      })),
    )}
    ON CONFLICT DO NOTHING`.execute(q);
}

/** The company's scenarios, the company default first, then by name. */
export async function listScenarioRows(q: Queryable, companyId: string): Promise<StoredScenario[]> {
  const rows = await q
    .selectFrom('dunning_scenario')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('is_company_default', 'desc')
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(toScenario);
}

/** How many customers were given each scenario, by scenario id (absent: none). */
export async function countCustomersByScenario(
  q: Queryable,
  companyId: string,
): Promise<Map<string, number>> {
  const rows = await q
    .selectFrom('customer_dunning')
    .select(['scenario_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('company_id', '=', companyId)
    .where('scenario_id', 'is not', null)
    .groupBy('scenario_id')
    .execute();
  return new Map(
    rows.flatMap((row) => (row.scenario_id === null ? [] : [[row.scenario_id, row.count]])),
  );
}

/** One scenario, locked against a concurrent change when `forUpdate`. */
export async function findScenarioRow(
  q: Queryable,
  companyId: string,
  id: string,
  options: { forUpdate: boolean } = { forUpdate: false },
): Promise<StoredScenario | undefined> {
  const query = q
    .selectFrom('dunning_scenario')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id);
  const row = await (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
  return row && toScenario(row);
}

/** Inserts a scenario, or replaces the one of its id (its creation instant kept). */
export async function upsertScenarioRow(
  q: Queryable,
  companyId: string,
  scenario: ScenarioRow,
  now: Date,
): Promise<StoredScenario> {
  const row = await q
    .insertInto('dunning_scenario')
    .values({
      company_id: companyId,
      id: scenario.id,
      name: scenario.name,
      steps: JSON.stringify(scenario.steps),
      risk_category: scenario.riskCategory,
      is_company_default: scenario.isCompanyDefault,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['company_id', 'id']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        steps: eb.ref('excluded.steps'),
        risk_category: eb.ref('excluded.risk_category'),
        is_company_default: eb.ref('excluded.is_company_default'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toScenario(row);
}

/** Takes the company default from whichever scenario but `keepId` holds it. */
export async function clearCompanyDefault(
  q: Queryable,
  companyId: string,
  keepId: string,
  now: Date,
): Promise<void> {
  await q
    .updateTable('dunning_scenario')
    .set({ is_company_default: false, updated_at: now })
    .where('company_id', '=', companyId)
    .where('is_company_default', '=', true)
    .where('id', '<>', keepId)
    .execute();
}

export async function deleteScenarioRow(
  q: Queryable,
  companyId: string,
  id: string,
): Promise<void> {
  await q
    .deleteFrom('dunning_scenario')
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute();
}

/** How many customers were given the scenario `id`, their rows locked against a change. */
export async function countCustomersOnScenario(
  q: Queryable,
  companyId: string,
  id: string,
): Promise<number> {
  const rows = await q
    .selectFrom('customer_dunning')
    .select('customer_id')
    .where('company_id', '=', companyId)
    .where('scenario_id', '=', id)
    .forUpdate()
    .execute();
  return rows.length;
}

/** The company's templates, by template id then language. */
export async function listTemplateRows(q: Queryable, companyId: string): Promise<StoredTemplate[]> {
  const rows = await q
    .selectFrom('dunning_template')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('template_id')
    .orderBy('language', 'desc')
    .execute();
  return rows.map(toTemplate);
}

export async function findTemplateRow(
  q: Queryable,
  companyId: string,
  templateId: string,
  language: Language,
): Promise<StoredTemplate | undefined> {
  const row = await q
    .selectFrom('dunning_template')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('template_id', '=', templateId)
    .where('language', '=', language)
    .executeTakeFirst();
  return row && toTemplate(row);
}

/** Inserts a template in one language, or replaces its words. */
export async function upsertTemplateRow(
  q: Queryable,
  companyId: string,
  key: { templateId: string; language: Language },
  template: MessageTemplate,
  now: Date,
): Promise<StoredTemplate> {
  const row = await q
    .insertInto('dunning_template')
    .values({
      company_id: companyId,
      template_id: key.templateId,
      language: key.language,
      subject: template.subject,
      body: template.body,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['company_id', 'template_id', 'language'])
        .doUpdateSet({ subject: template.subject, body: template.body, updated_at: now }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toTemplate(row);
}

export async function findSettingsRow(
  q: Queryable,
  companyId: string,
): Promise<DunningSettings | undefined> {
  const row = await q
    .selectFrom('dunning_policy')
    .select(['tolerance_cents', 'min_days_between_contacts', 'run_hour'])
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return (
    row && {
      toleranceCents: cents(row.tolerance_cents),
      minDaysBetweenContacts: row.min_days_between_contacts,
      runHour: row.run_hour,
    }
  );
}

/** Replaces the company's policy (it exists once the configuration was created). */
export async function updateSettingsRow(
  q: Queryable,
  companyId: string,
  settings: DunningSettings,
  now: Date,
): Promise<void> {
  await q
    .updateTable('dunning_policy')
    .set({
      tolerance_cents: settings.toleranceCents,
      min_days_between_contacts: settings.minDaysBetweenContacts,
      run_hour: settings.runHour,
      updated_at: now,
    })
    .where('company_id', '=', companyId)
    .execute();
}

export async function findCustomerDunningRow(
  q: Queryable,
  companyId: string,
  customerId: string,
): Promise<CustomerDunning | undefined> {
  const row = await q
    .selectFrom('customer_dunning')
    .select(['customer_id', 'scenario_id', 'manual_follow_up', 'language', 'contractual_rate_bps'])
    .where('company_id', '=', companyId)
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  return (
    row && {
      customerId: row.customer_id,
      scenarioId: row.scenario_id,
      manualFollowUp: row.manual_follow_up,
      language: row.language as Language | null,
      contractualRateBps: row.contractual_rate_bps,
    }
  );
}

/** Writes a customer's own setting, inserted or replaced. */
export async function upsertCustomerDunningRow(
  q: Queryable,
  companyId: string,
  setting: CustomerDunning,
  now: Date,
): Promise<void> {
  await q
    .insertInto('customer_dunning')
    .values({
      company_id: companyId,
      customer_id: setting.customerId,
      scenario_id: setting.scenarioId,
      manual_follow_up: setting.manualFollowUp,
      language: setting.language,
      contractual_rate_bps: setting.contractualRateBps,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['company_id', 'customer_id']).doUpdateSet({
        scenario_id: setting.scenarioId,
        manual_follow_up: setting.manualFollowUp,
        language: setting.language,
        contractual_rate_bps: setting.contractualRateBps,
        updated_at: now,
      }),
    )
    .execute();
}
