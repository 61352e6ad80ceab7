import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../../../src/shared/calendar-date.ts';
import {
  amountInputText,
  canDecideCredit,
  canDecideLimit,
  defaultExceptionEnd,
  gaugeOf,
  orderExcessCents,
  readAmountCents,
  type CreditFigures,
} from './credit-model.ts';

const POLICY = { alertBps: 8000, blockBps: 10000 };

describe('the exposure gauge', () => {
  it.each([
    // exposure, limit, policy, within, over, alert mark, block mark, tone
    [550_000, 500_000, POLICY, 90.9, 9.1, 72.7, 90.9, 'block'],
    [500_000, 500_000, POLICY, 100, 0, 80, 100, 'alert'],
    [400_000, 500_000, POLICY, 80, 0, 80, 100, 'alert'],
    [399_999, 500_000, POLICY, 80, 0, 80, 100, 'ok'],
    [-20_000, 500_000, POLICY, 0, 0, 80, 100, 'ok'],
    [0, 0, POLICY, 0, 0, 0, 0, 'ok'],
    [1, 0, POLICY, 0, 100, 0, 0, 'block'],
    // A block threshold above the limit widens the scale to it.
    [550_000, 500_000, { alertBps: 8000, blockBps: 12000 }, 83.3, 8.3, 66.7, 100, 'alert'],
  ] as const)(
    'draws %i against %i',
    (exposure, limit, policy, within, over, alert, block, tone) => {
      expect(gaugeOf(exposure, limit, policy)).toEqual({
        withinPercent: within,
        overPercent: over,
        alertPercent: alert,
        blockPercent: block,
        tone,
      });
    },
  );
});

const TODAY = '2026-03-15';
const creditWith = (overrides: Partial<CreditFigures> = {}): CreditFigures => ({
  limit: { amountCents: 500_000, currency: 'EUR', state: 'in_force' },
  exposures: [{ currency: 'EUR', totalCents: 400_000 }],
  exceptions: [],
  policy: { blockBps: 10000 },
  ...overrides,
});
const ORDER = { id: 'o1', amountCents: 150_000, currency: 'EUR' };

describe('what a held order puts over the limit', () => {
  it.each([
    ['the issue’s case', creditWith(), 50_000],
    ['a fitting order', creditWith({ exposures: [{ currency: 'EUR', totalCents: 300_000 }] }), 0],
    ['no exposure yet', creditWith({ exposures: [] }), 0],
    [
      'the entity’s and the order’s own exceptions counted',
      creditWith({
        exceptions: [
          { amountCents: 10_000, currency: 'EUR', expiresOn: TODAY, orderId: null },
          { amountCents: 20_000, currency: 'EUR', expiresOn: '2026-04-01', orderId: 'o1' },
        ],
      }),
      20_000,
    ],
    [
      'another order’s, another currency’s and an expired exception left out',
      creditWith({
        exceptions: [
          { amountCents: 10_000, currency: 'EUR', expiresOn: '2026-03-14', orderId: null },
          { amountCents: 20_000, currency: 'EUR', expiresOn: '2026-04-01', orderId: 'o2' },
          { amountCents: 30_000, currency: 'USD', expiresOn: '2026-04-01', orderId: null },
        ],
      }),
      50_000,
    ],
    ['a block threshold at 110 %', creditWith({ policy: { blockBps: 11000 } }), 0],
    [
      'a zero limit',
      creditWith({ limit: { amountCents: 0, currency: 'EUR', state: 'in_force' } }),
      550_000,
    ],
    ['no limit', creditWith({ limit: null }), null],
    [
      'a limit in another currency',
      creditWith({ limit: { amountCents: 500_000, currency: 'USD', state: 'in_force' } }),
      null,
    ],
    [
      'an expired limit',
      creditWith({ limit: { amountCents: 500_000, currency: 'EUR', state: 'expired' } }),
      null,
    ],
  ] as const)('%s', (_case, credit, excess) => {
    expect(orderExcessCents(ORDER, credit, TODAY)).toBe(excess);
  });
});

describe('the form helpers', () => {
  it('offers an exception until today + 30 days', () => {
    expect(defaultExceptionEnd('2026-03-15' as CalendarDate)).toBe('2026-04-14');
    expect(defaultExceptionEnd('2026-12-15' as CalendarDate)).toBe('2027-01-14');
  });

  it.each([
    [50_000, 'fr', '500,00'],
    [50_000, 'en', '500.00'],
    [123_456_789, 'fr', '1234567,89'],
    [5, 'fr', '0,05'],
  ] as const)('writes %i for %s as %s', (amount, language, text) => {
    expect(amountInputText(amount, language)).toBe(text);
    expect(readAmountCents(text)).toBe(amount);
  });

  it.each([
    ['1 500,00', 150_000],
    ['1500', 150_000],
    ['2 000,00 ', 200_000],
    ['', undefined],
    ['12,5x', undefined],
    ['1.234', undefined],
  ] as const)('reads %j as %s', (text, amount) => {
    expect(readAmountCents(text)).toBe(amount);
  });

  it.each([
    ['admin', true, true],
    ['credit_manager', true, true],
    ['collector', true, false],
    ['department_member', false, false],
    ['read_only', false, false],
    ['someone', false, false],
  ] as const)('%s: exceptions and holds %s, limits %s', (role, decides, limits) => {
    expect(canDecideCredit(role)).toBe(decides);
    expect(canDecideLimit(role)).toBe(limits);
  });
});
