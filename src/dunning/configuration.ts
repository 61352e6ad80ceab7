/**
 * What a company stores of its dunning (docs/dunning.md "Stored per company"): its
 * scenarios with the defaults they stand for, its templates, its policy and hour, each
 * customer's own setting; the French defaults a new company starts with; and which
 * scenario a customer follows.
 *
 * Pure (HOUSE_STYLE §3): no I/O, ids come in through an `IdGenerator`.
 */
import type { RiskCategory } from '../customers/model.ts';
import { fieldIssue, type Issue } from '../shared/errors.ts';
import type { IdGenerator } from '../shared/ids.ts';
import { LANGUAGES, type Language } from '../shared/language.ts';
import { cents } from '../shared/money.ts';
import { defaultTemplate, type DefaultTemplateId } from './default-templates.ts';
import {
  checkPolicy,
  DEFAULT_TEMPLATE_IDS,
  frenchDefaultScenario,
  type DunningPolicy,
  type Scenario,
} from './scenario.ts';
import type { MessageTemplate } from './templates.ts';

/** A scenario as stored: which customers it is the default of, besides those given it. */
export type StoredScenario = Scenario & {
  /** The default scenario of the customers of this category; `null`: of none. */
  riskCategory: RiskCategory | null;
  /** The default scenario of every customer neither given one nor covered by a category. */
  isCompanyDefault: boolean;
  createdAt: Date;
  updatedAt: Date;
};

/** A template in one language, as stored. */
export type StoredTemplate = MessageTemplate & {
  templateId: string;
  language: Language;
  updatedAt: Date;
};

/** The company's policy and the hour its daily run starts at (its time zone). */
export type DunningSettings = DunningPolicy & { runHour: number };

/** A customer's own dunning setting; a customer without one follows the defaults. */
export type CustomerDunning = {
  customerId: string;
  /** Its own scenario; `null`: its risk category's default, else the company's. */
  scenarioId: string | null;
  /** A collector follows it by hand: the daily run leaves it alone. */
  manualFollowUp: boolean;
  /** The language its messages are written in; `null`: French. */
  language: Language | null;
  /** Its agreed late-payment rate in basis points a year; `null`: the legal rate. */
  contractualRateBps: number | null;
};

/**
 * The French defaults: 10,00 € of tolerance (nobody is reminded of the cents a payment
 * left), a week between two contacts (a customer is not chased twice in a week, whatever
 * its invoices), and the run at 7 o'clock, so that the messages are in the inbox before
 * the working day starts and the collector's calls of the day are in the agenda.
 */
export const FRENCH_DEFAULT_SETTINGS: DunningSettings = {
  toleranceCents: cents(1_000),
  minDaysBetweenContacts: 7,
  runHour: 7,
};

/** The hour of the run is a whole hour of the day, 0 to 23. */
const LAST_RUN_HOUR = 23;

/**
 * Every reason `settings` cannot be stored: `checkPolicy`'s, and
 * `dunning_run_hour_out_of_range` for an hour that is not a whole hour from 0 to 23.
 */
export function checkSettings(settings: DunningSettings): Issue[] {
  const issues = checkPolicy(settings);
  const hour = settings.runHour;
  if (!Number.isSafeInteger(hour) || hour < 0 || hour > LAST_RUN_HOUR) {
    issues.push(fieldIssue('runHour', 'dunning_run_hour_out_of_range', { hour }));
  }
  return issues;
}

/** What a new company starts with: the default scenario (company default) and the templates. */
export function frenchDefaultConfiguration(ids: IdGenerator): {
  scenario: Scenario;
  templates: { templateId: string; language: Language; template: MessageTemplate }[];
} {
  const templateIds: DefaultTemplateId[] = Object.values(DEFAULT_TEMPLATE_IDS);
  return {
    scenario: frenchDefaultScenario(ids),
    templates: templateIds.flatMap((templateId) =>
      LANGUAGES.map((language) => ({
        templateId,
        language,
        template: defaultTemplate(templateId, language),
      })),
    ),
  };
}

/**
 * The scenario a customer follows: its own, else its risk category's default, else the
 * company's default; `undefined` when none applies (the run holds it back, `no_scenario`).
 */
export function resolveScenario(
  customer: { riskCategory: RiskCategory; scenarioId: string | null },
  scenarios: readonly StoredScenario[],
): StoredScenario | undefined {
  const own =
    customer.scenarioId === null
      ? undefined
      : scenarios.find((scenario) => scenario.id === customer.scenarioId);
  return (
    own ??
    scenarios.find((scenario) => scenario.riskCategory === customer.riskCategory) ??
    scenarios.find((scenario) => scenario.isCompanyDefault)
  );
}

/** Why a customer follows its scenario: given it, by its risk category, or the company's. */
export type ScenarioSource = 'customer' | 'risk_category' | 'company_default';

/** Which rule of `resolveScenario` chose `scenario` for `customer`. */
export function scenarioSource(
  customer: { riskCategory: RiskCategory; scenarioId: string | null },
  scenario: StoredScenario,
): ScenarioSource {
  if (customer.scenarioId === scenario.id) {
    return 'customer';
  }
  return scenario.riskCategory === customer.riskCategory ? 'risk_category' : 'company_default';
}
