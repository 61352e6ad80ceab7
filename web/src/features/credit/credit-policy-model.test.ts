import { describe, expect, it } from 'vitest';
import {
  canSetCreditPolicy,
  ceilingText,
  policyFieldOf,
  policyRequest,
  policyValues,
  thresholdBps,
  thresholdText,
  type PolicyValues,
  type TCreditPolicy,
} from './credit-policy-model.ts';

const DEFAULTS: TCreditPolicy = {
  alertBps: 8000,
  blockBps: 10000,
  withoutLimit: 'accept',
  ceilings: {
    collector: { limitMaxCents: 0, exceptionMaxCents: 100_000 },
    creditManager: { limitMaxCents: 10_000_000, exceptionMaxCents: 2_000_000 },
  },
};

describe('a threshold typed in percent', () => {
  it.each([
    ['80', 8000],
    ['80 %', 8000],
    ['80%', 8000],
    [' 70 ', 7000],
    ['112,5', 11_250],
    ['112.5', 11_250],
    ['0,01', 1],
    ['1 000', 100_000],
    ['99,99', 9999],
    ['80,125', undefined],
    ['80,001', undefined],
    ['', undefined],
    ['%', undefined],
    ['quatre-vingts', undefined],
    ['8e1', undefined],
  ] as const)('%j is %s basis points', (text, bps) => {
    expect(thresholdBps(text)).toBe(bps);
  });

  it.each([
    [8000, 'fr', '80'],
    [11_250, 'fr', '112,5'],
    [11_250, 'en', '112.5'],
    [7525, 'fr', '75,25'],
    [1, 'en', '0.01'],
    [100_000, 'fr', '1000'],
  ] as const)('%i bps is written %j in %s, and read back', (bps, language, text) => {
    expect(thresholdText(bps, language)).toBe(text);
    expect(thresholdBps(text)).toBe(bps);
  });
});

describe('a ceiling in euros', () => {
  it.each([
    [null, 'fr', ''],
    [0, 'fr', '0,00'],
    [5_000_000, 'fr', '50000,00'],
    [5_000_000, 'en', '50000.00'],
    [123_456, 'fr', '1234,56'],
  ] as const)('%s cents is written %j in %s', (amount, language, text) => {
    expect(ceilingText(amount, language)).toBe(text);
  });
});

describe('the form and its request', () => {
  it('fills the form from the stored policy and gives it back unchanged', () => {
    const values = policyValues(DEFAULTS, 'fr');
    expect(values).toEqual({
      alert: '80',
      block: '100',
      withoutLimit: 'accept',
      collectorLimit: '0,00',
      collectorException: '1000,00',
      managerLimit: '100000,00',
      managerException: '20000,00',
    });
    expect(policyRequest(values)).toEqual({ ok: true, request: DEFAULTS });
  });

  it('reads what an administrator types: spaces, a comma, an empty ceiling', () => {
    const values: PolicyValues = {
      alert: '70 %',
      block: '112,5',
      withoutLimit: 'hold',
      collectorLimit: '',
      collectorException: '1 500,00',
      managerLimit: '50 000,00',
      managerException: '  ',
    };
    expect(policyRequest(values)).toEqual({
      ok: true,
      request: {
        alertBps: 7000,
        blockBps: 11_250,
        withoutLimit: 'hold',
        ceilings: {
          collector: { limitMaxCents: null, exceptionMaxCents: 150_000 },
          creditManager: { limitMaxCents: 5_000_000, exceptionMaxCents: null },
        },
      },
    });
  });

  it('sends nothing while a field does not read, and names each such field', () => {
    const values: PolicyValues = {
      ...policyValues(DEFAULTS, 'fr'),
      alert: '',
      block: 'cent',
      managerLimit: '50 000,001',
      collectorException: '-',
    };
    expect(policyRequest(values)).toEqual({
      ok: false,
      invalid: ['alert', 'block', 'collectorException', 'managerLimit'],
    });
  });
});

describe('a server issue on its field', () => {
  it.each([
    ['alertBps', 'alert'],
    ['blockBps', 'block'],
    ['withoutLimit', 'withoutLimit'],
    ['ceilings.1.limitMaxCents', 'collectorLimit'],
    ['ceilings.1.exceptionMaxCents', 'collectorException'],
    ['ceilings.2.limitMaxCents', 'managerLimit'],
    ['ceilings.2.exceptionMaxCents', 'managerException'],
    ['ceilings.collector.limitMaxCents', 'collectorLimit'],
    ['ceilings.creditManager.exceptionMaxCents', 'managerException'],
    ['ceilings.3.limitMaxCents', undefined],
    ['constructor', undefined],
    ['', undefined],
  ] as const)('%j is on %s', (serverField, field) => {
    expect(policyFieldOf(serverField)).toBe(field);
  });
});

describe('who sets the policy', () => {
  it.each([
    ['admin', true],
    ['credit_manager', false],
    ['collector', false],
    ['department_member', false],
    ['read_only', false],
  ] as const)('%s: %s', (role, expected) => {
    expect(canSetCreditPolicy(role)).toBe(expected);
  });
});
