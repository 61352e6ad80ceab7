import { describe, expect, it } from 'vitest';
import { calendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import {
  collectorActivity,
  isoWeeks,
  isoWeekStart,
  type PromiseWeek,
} from './collector-activity-rules.ts';

const day = calendarDate;

function promises(
  collectorId: string | null,
  week: string,
  currency: string,
  figures: Partial<Omit<PromiseWeek, 'collectorId' | 'week' | 'currency'>>,
): PromiseWeek {
  const zero = cents(0);
  return {
    collectorId,
    week: day(week),
    currency,
    taken: 0,
    takenCents: zero,
    due: 0,
    dueKept: 0,
    duePartlyKept: 0,
    dueBroken: 0,
    dueCents: zero,
    duePaidCents: zero,
    decided: 0,
    decidedKept: 0,
    decidedCents: zero,
    decidedPaidCents: zero,
    ...figures,
  };
}

describe('ISO weeks', () => {
  it.each([
    ['2026-03-09', '2026-03-09'], // a Monday is its own week's
    ['2026-03-15', '2026-03-09'], // a Sunday ends it
    ['2026-01-01', '2025-12-29'], // across a new year
    ['2024-03-01', '2024-02-26'], // across a leap day
  ])('starts the week of %s on Monday %s', (date, monday) => {
    expect(isoWeekStart(day(date))).toBe(monday);
  });

  it('lists the Mondays of every week from the first day’s to the last’s', () => {
    expect(isoWeeks(day('2026-03-04'), day('2026-03-16'))).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
    ]);
    expect(isoWeeks(day('2026-03-16'), day('2026-03-04'))).toEqual([]);
  });
});

describe('collectorActivity', () => {
  const weeks = [day('2026-03-02'), day('2026-03-09')];

  it('folds a collector’s weeks, zeros for a quiet one, with the kept rates of the period', () => {
    // Week of 2 March: 3 e-mails, 4 calls (3 reached), 2 promises taken (1 500,00 €).
    // Week of 9 March: decided 3 promises in EUR — one kept (1 000,00 €), one partly kept
    // (200,00 € paid of 500,00 €), one broken (300,00 €) — and one kept in USD ($50.00).
    const activity = collectorActivity(
      weeks,
      [{ collectorId: 'u1', week: day('2026-03-02'), messages: 3, calls: 4, callsReached: 3 }],
      [
        promises('u1', '2026-03-02', 'EUR', { taken: 2, takenCents: cents(150_000) }),
        promises('u1', '2026-03-09', 'EUR', {
          due: 3,
          dueKept: 1,
          duePartlyKept: 1,
          dueBroken: 1,
          dueCents: cents(180_000),
          duePaidCents: cents(120_000),
          decided: 3,
          decidedKept: 1,
          decidedCents: cents(180_000),
          decidedPaidCents: cents(120_000),
        }),
        promises('u1', '2026-03-09', 'USD', {
          decided: 1,
          decidedKept: 1,
          decidedCents: cents(5_000),
          decidedPaidCents: cents(5_000),
        }),
      ],
    );
    expect(activity).toHaveLength(1);
    const [collector] = activity;
    expect(collector?.weeks[0]).toMatchObject({
      week: '2026-03-02',
      contacts: 7,
      messages: 3,
      calls: 4,
      callsReached: 3,
      callsNotReached: 1,
      promisesTaken: 2,
      promisesDecided: 0,
      keptRateByCount: null,
      amounts: [
        expect.objectContaining({ currency: 'EUR', takenCents: 150_000, keptRateByAmount: null }),
      ],
    });
    expect(collector?.weeks[1]).toMatchObject({
      week: '2026-03-09',
      contacts: 0,
      promisesDecided: 4,
      promisesDecidedKept: 2,
      // 2 kept of 4 decided; by amount 1 200 of 1 800 € (66,7 %) and $50 of $50.
      keptRateByCount: 50,
      amounts: [
        expect.objectContaining({
          currency: 'EUR',
          decidedPaidCents: 120_000,
          keptRateByAmount: 66.7,
        }),
        expect.objectContaining({ currency: 'USD', keptRateByAmount: 100 }),
      ],
    });
    expect(collector?.total).toMatchObject({
      contacts: 7,
      promisesTaken: 2,
      promisesDue: 3,
      promisesDecided: 4,
      keptRateByCount: 50,
      amounts: [
        {
          currency: 'EUR',
          takenCents: 150_000,
          dueCents: 180_000,
          duePaidCents: 120_000,
          decidedCents: 180_000,
          decidedPaidCents: 120_000,
          keptRateByAmount: 66.7,
        },
        expect.objectContaining({ currency: 'USD', keptRateByAmount: 100 }),
      ],
    });
  });

  it('puts the collectors in the order of their id, nobody’s last, and refuses a week outside', () => {
    const calls = (collectorId: string | null) => ({
      collectorId,
      week: day('2026-03-09'),
      messages: 0,
      calls: 1,
      callsReached: 0,
    });
    expect(
      collectorActivity(weeks, [calls(null), calls('u2'), calls('u1')], []).map(
        (row) => row.collectorId,
      ),
    ).toEqual(['u1', 'u2', null]);
    expect(() =>
      collectorActivity(weeks, [{ ...calls('u1'), week: day('2026-03-16') }], []),
    ).toThrow(RangeError);
  });
});
