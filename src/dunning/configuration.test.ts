import { describe, expect, it } from 'vitest';
import { cents } from '../shared/money.ts';
import {
  checkSettings,
  FRENCH_DEFAULT_SETTINGS,
  frenchDefaultConfiguration,
  resolveScenario,
  scenarioSource,
  type StoredScenario,
} from './configuration.ts';

function stored(id: string, extra: Partial<StoredScenario> = {}): StoredScenario {
  return {
    id,
    name: id,
    steps: [],
    riskCategory: null,
    isCompanyDefault: false,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...extra,
  };
}

const scenarios = [
  stored('company', { isCompanyDefault: true }),
  stored('high', { riskCategory: 'high' }),
  stored('own'),
];

describe('resolveScenario', () => {
  it("takes the customer's own scenario first, whatever its category", () => {
    const customer = { riskCategory: 'high' as const, scenarioId: 'own' };
    expect(resolveScenario(customer, scenarios)?.id).toBe('own');
    expect(scenarioSource(customer, scenarios[2]!)).toBe('customer');
  });

  it("takes its risk category's default next", () => {
    const customer = { riskCategory: 'high' as const, scenarioId: null };
    expect(resolveScenario(customer, scenarios)?.id).toBe('high');
    expect(scenarioSource(customer, scenarios[1]!)).toBe('risk_category');
  });

  it("falls back on the company's default", () => {
    const customer = { riskCategory: 'low' as const, scenarioId: null };
    expect(resolveScenario(customer, scenarios)?.id).toBe('company');
    expect(scenarioSource(customer, scenarios[0]!)).toBe('company_default');
  });

  it('falls back when the own scenario is gone, and finds none without a default', () => {
    expect(resolveScenario({ riskCategory: 'low', scenarioId: 'deleted' }, scenarios)?.id).toBe(
      'company',
    );
    expect(resolveScenario({ riskCategory: 'low', scenarioId: null }, [scenarios[1]!])).toBe(
      undefined,
    );
  });
});

describe('frenchDefaultConfiguration', () => {
  it('gives the default scenario and each shipped template in French and English', () => {
    let next = 0;
    const configuration = frenchDefaultConfiguration({ newId: () => `id-${(next += 1)}` });
    expect(configuration.scenario.name).toBe('Scénario standard');
    expect(
      configuration.templates.map(({ templateId, language }) => `${templateId}:${language}`),
    ).toEqual([
      'courtesy:fr',
      'courtesy:en',
      'reminder_1:fr',
      'reminder_1:en',
      'reminder_2:fr',
      'reminder_2:en',
      'call_script:fr',
      'call_script:en',
      'formal_notice:fr',
      'formal_notice:en',
    ]);
  });
});

describe('checkSettings', () => {
  it('accepts the French defaults', () => {
    expect(checkSettings(FRENCH_DEFAULT_SETTINGS)).toEqual([]);
  });

  it('refuses an hour that is not a whole hour of the day, besides the policy', () => {
    const issues = checkSettings({
      toleranceCents: cents(-1),
      minDaysBetweenContacts: 7,
      runHour: 24,
    });
    expect(issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['toleranceCents', 'dunning_negative_tolerance'],
      ['runHour', 'dunning_run_hour_out_of_range'],
    ]);
  });
});
