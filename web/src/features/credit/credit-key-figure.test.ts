import { describe, expect, it } from 'vitest';
import type { TCustomerCredit } from './credit-api.ts';
import { limitFigureOf, type LimitFigure } from './credit-key-figure.ts';

type Figures = Pick<TCustomerCredit, 'limit' | 'exposures' | 'usedBps' | 'level'>;

const LIMIT: NonNullable<TCustomerCredit['limit']> = {
  id: '00000000-0000-4000-8000-000000000001',
  amountCents: 500_000,
  currency: 'EUR',
  coveredCents: 0,
  cover: null,
  validFrom: '2026-01-01',
  reviewOn: null,
  expiresOn: null,
  source: 'decision',
  authorityLevel: 2,
  decidedBy: null,
  reason: null,
  state: 'in_force',
};

const exposure = (currency: string, totalCents: number) => ({
  currency,
  openItemsCents: totalCents,
  ordersCents: 0,
  unappliedCashCents: 0,
  totalCents,
});

const credit = (overrides: Partial<Figures>): Figures => ({
  limit: LIMIT,
  exposures: [],
  usedBps: 0,
  level: null,
  ...overrides,
});

describe('the « Plafond d’encours » key figure, as the « Crédit » tab reckons it', () => {
  it.each<[string, Figures, LimitFigure | null]>([
    ['no limit', credit({ limit: null, usedBps: null }), null],
    [
      // 4 000,00 € of invoices and 1 500,00 € of orders: the orders count, as in the tab.
      'over the limit once the orders count',
      credit({
        exposures: [{ ...exposure('EUR', 550_000), openItemsCents: 400_000, ordersCents: 150_000 }],
        usedBps: 11_000,
        level: 'alert',
      }),
      {
        limitCents: 500_000,
        currency: 'EUR',
        exposureCents: 550_000,
        ratio: 1.1,
        excessCents: 50_000,
        tone: 'over',
      },
    ],
    [
      'at the alert threshold',
      credit({ exposures: [exposure('EUR', 400_000)], usedBps: 8_000, level: 'alert' }),
      {
        limitCents: 500_000,
        currency: 'EUR',
        exposureCents: 400_000,
        ratio: 0.8,
        excessCents: 0,
        tone: 'alert',
      },
    ],
    [
      'past the block threshold though not over the limit (a threshold under 100 %)',
      credit({ exposures: [exposure('EUR', 490_000)], usedBps: 9_800, level: 'block' }),
      {
        limitCents: 500_000,
        currency: 'EUR',
        exposureCents: 490_000,
        ratio: 0.98,
        excessCents: 0,
        tone: 'over',
      },
    ],
    [
      'only the limit’s currency counts',
      credit({ exposures: [exposure('USD', 900_000), exposure('EUR', 100_000)], usedBps: 2_000 }),
      {
        limitCents: 500_000,
        currency: 'EUR',
        exposureCents: 100_000,
        ratio: 0.2,
        excessCents: 0,
        tone: 'ok',
      },
    ],
    [
      'nothing owed',
      credit({ exposures: [], usedBps: 0 }),
      {
        limitCents: 500_000,
        currency: 'EUR',
        exposureCents: 0,
        ratio: 0,
        excessCents: 0,
        tone: 'ok',
      },
    ],
    [
      'a zero limit with something owed',
      credit({
        limit: { ...LIMIT, amountCents: 0 },
        exposures: [exposure('EUR', 1)],
        usedBps: null,
        level: 'block',
      }),
      {
        limitCents: 0,
        currency: 'EUR',
        exposureCents: 1,
        ratio: Number.POSITIVE_INFINITY,
        excessCents: 1,
        tone: 'over',
      },
    ],
    [
      'a zero limit with nothing owed',
      credit({ limit: { ...LIMIT, amountCents: 0 }, exposures: [], usedBps: null }),
      { limitCents: 0, currency: 'EUR', exposureCents: 0, ratio: 0, excessCents: 0, tone: 'ok' },
    ],
  ])('%s', (_, given, expected) => {
    expect(limitFigureOf(given)).toEqual(expected);
  });
});
