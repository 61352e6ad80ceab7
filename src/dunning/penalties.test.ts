import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, calendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import { latePaymentPenalty, halfYearOf, type LateInvoice } from './penalties.ts';
import { PUBLISHED_RATES } from './published-rates.ts';

const LEGAL = { contractualRateBasisPoints: null };
const d = calendarDate;

function invoice(
  amountCents: number,
  dueDate: string,
  settlements: readonly [string, number][] = [],
): LateInvoice {
  return {
    amountCents: cents(amountCents),
    dueDate: d(dueDate),
    settlements: settlements.map(([on, amount]) => ({ on: d(on), amountCents: cents(amount) })),
  };
}

describe('halfYearOf', () => {
  it('puts June in the first half-year and July in the second', () => {
    expect(halfYearOf(d('2026-06-30'))).toBe('2026-H1');
    expect(halfYearOf(d('2026-07-01'))).toBe('2026-H2');
  });
});

describe('latePaymentPenalty', () => {
  it('charges 30 days at the ECB rate + 10 points on an unpaid invoice (the worked example)', () => {
    // 10 000,00 € due 31/01/2026, unpaid on 02/03/2026: 10 000 × 12,15 % × 30 / 365 = 99,86 €.
    const penalty = latePaymentPenalty(
      invoice(1_000_000, '2026-01-31'),
      d('2026-03-02'),
      LEGAL,
      PUBLISHED_RATES,
    );
    expect(penalty).toEqual({
      daysLate: 30,
      interestCents: 9_986,
      indemnity: { amountCents: 4_000, currency: 'EUR' },
      tranches: [
        {
          from: '2026-02-01',
          to: '2026-03-02',
          days: 30,
          baseCents: 1_000_000,
          halfYear: '2026-H1',
          rateBasisPoints: 1_215,
        },
      ],
      notices: [],
    });
  });

  it('counts each tranche of a partly paid invoice at the rate of its half-year', () => {
    // 12 000 € due 31/05/2025; 5 000 € paid 20/06, the rest 09/08.
    const penalty = latePaymentPenalty(
      invoice(1_200_000, '2025-05-31', [
        ['2025-08-09', 700_000],
        ['2025-06-20', 500_000],
      ]),
      d('2025-12-31'),
      LEGAL,
      PUBLISHED_RATES,
    );
    expect(penalty.tranches).toEqual([
      expect.objectContaining({
        from: '2025-06-01',
        to: '2025-06-20',
        days: 20,
        baseCents: 1_200_000,
        rateBasisPoints: 1_315,
      }),
      expect.objectContaining({
        from: '2025-06-21',
        to: '2025-06-30',
        days: 10,
        baseCents: 700_000,
        rateBasisPoints: 1_315,
      }),
      expect.objectContaining({
        from: '2025-07-01',
        to: '2025-08-09',
        days: 40,
        baseCents: 700_000,
        rateBasisPoints: 1_215,
      }),
    ]);
    // 8 646,58 + 2 521,92 + 9 320,55 cents = 204,89 €.
    expect(penalty.interestCents).toBe(20_489);
    expect(penalty.daysLate).toBe(70);
    expect(penalty.indemnity).not.toBeNull();
  });

  it('counts the days of a leap year over 366', () => {
    // 1 000 € due 28/02/2024, 30 days at 14,50 %: 100 000 × 1 450 × 30 / 3 660 000 = 1 188,5.
    const penalty = latePaymentPenalty(
      invoice(100_000, '2024-02-28'),
      d('2024-03-29'),
      LEGAL,
      PUBLISHED_RATES,
    );
    expect(penalty.interestCents).toBe(1_189);
  });

  it('charges nothing, not even the indemnity, on an invoice paid by its due date', () => {
    const penalty = latePaymentPenalty(
      invoice(100_000, '2026-01-31', [['2026-01-31', 100_000]]),
      d('2026-06-01'),
      LEGAL,
      PUBLISHED_RATES,
    );
    expect(penalty).toMatchObject({ daysLate: 0, interestCents: 0, indemnity: null, tranches: [] });
  });

  it('charges nothing before the day after the due date', () => {
    const penalty = latePaymentPenalty(
      invoice(100_000, '2026-01-31'),
      d('2026-01-31'),
      LEGAL,
      PUBLISHED_RATES,
    );
    expect(penalty).toMatchObject({ daysLate: 0, interestCents: 0, indemnity: null });
  });

  it('counts one day for a payment the day after the due date', () => {
    const penalty = latePaymentPenalty(
      invoice(3_650_000, '2026-01-31', [['2026-02-01', 3_650_000]]),
      d('2026-06-01'),
      LEGAL,
      PUBLISHED_RATES,
    );
    // 36 500 € × 12,15 % / 365 = 12,15 €.
    expect(penalty).toMatchObject({ daysLate: 1, interestCents: 1_215 });
  });

  it('bears interest only on what a credit note before the due date left', () => {
    const penalty = latePaymentPenalty(
      invoice(1_000_000, '2026-01-31', [['2026-01-15', 500_000]]),
      d('2026-03-02'),
      LEGAL,
      PUBLISHED_RATES,
    );
    expect(penalty.tranches).toEqual([expect.objectContaining({ baseCents: 500_000, days: 30 })]);
    expect(penalty.interestCents).toBe(4_993);
  });

  it('uses the agreed rate and warns when it is below three times the legal interest rate', () => {
    const penalty = latePaymentPenalty(
      invoice(1_000_000, '2026-01-31'),
      d('2026-03-02'),
      { contractualRateBasisPoints: 700 },
      PUBLISHED_RATES,
    );
    expect(penalty.tranches[0]?.rateBasisPoints).toBe(700);
    expect(penalty.notices).toEqual([
      { code: 'penalty_rate_below_floor', params: { halfYear: '2026-H1', rate: 700, floor: 786 } },
    ]);
  });

  it('does not warn about an agreed rate at the floor or above', () => {
    const penalty = latePaymentPenalty(
      invoice(1_000_000, '2026-01-31'),
      d('2026-03-02'),
      { contractualRateBasisPoints: 786 },
      PUBLISHED_RATES,
    );
    expect(penalty.notices).toEqual([]);
  });

  it('uses the latest known rate for a half-year the table does not have yet, and says so', () => {
    const penalty = latePaymentPenalty(invoice(1_000_000, '2026-06-15'), d('2026-07-10'), LEGAL, {
      ecbMainRefinancing: { '2026-H1': 215 },
      legalInterest: {},
    });
    expect(penalty.tranches.map((tranche) => [tranche.halfYear, tranche.days])).toEqual([
      ['2026-H1', 15],
      ['2026-H2', 10],
    ]);
    expect(penalty.notices).toEqual([
      { code: 'penalty_rate_assumed', params: { halfYear: '2026-H2', usedHalfYear: '2026-H1' } },
    ]);
  });

  it('refuses a half-year with no rate at or before it', () => {
    expect(() =>
      latePaymentPenalty(invoice(100, '2010-01-01'), d('2010-02-01'), LEGAL, PUBLISHED_RATES),
    ).toThrow(/No ECB rate/);
  });

  it('never decreases as the days pass, and stops growing once paid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 600 }),
        (amount, payAfter, extra, more) => {
          const due = d('2025-03-31');
          const paidOn = addDays(due, payAfter);
          const late = invoice(amount, due, [[paidOn, amount]]);
          const early = latePaymentPenalty(late, addDays(due, extra), LEGAL, PUBLISHED_RATES);
          const later = latePaymentPenalty(
            late,
            addDays(due, extra + more),
            LEGAL,
            PUBLISHED_RATES,
          );
          expect(later.interestCents).toBeGreaterThanOrEqual(early.interestCents);
          const paid = latePaymentPenalty(late, addDays(paidOn, more), LEGAL, PUBLISHED_RATES);
          expect(paid.daysLate).toBe(payAfter);
          expect(latePaymentPenalty(late, paidOn, LEGAL, PUBLISHED_RATES).interestCents).toBe(
            paid.interestCents,
          );
        },
      ),
    );
  });
});
