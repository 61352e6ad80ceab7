import { describe, expect, it } from 'vitest';
import { calendarDate } from '../shared/calendar-date.ts';
import { cents, MAX_TOTAL_CENTS } from '../shared/money.ts';
import { daysLate, isOverdue, toCustomerBalance } from './balances.ts';

const asOf = calendarDate('2026-03-15');
const item = (kind: 'invoice' | 'credit_note', dueDate: string, open: number) => ({
  kind,
  dueDate: calendarDate(dueDate),
  openCents: cents(open),
});

describe('isOverdue and daysLate', () => {
  it.each([
    ['an open invoice due the day before', item('invoice', '2026-03-14', 100), true, 1],
    ['an open invoice due that very day', item('invoice', '2026-03-15', 100), false, 0],
    ['a settled invoice long past due', item('invoice', '2025-01-01', 0), false, 0],
    ['an open credit note past its date', item('credit_note', '2026-01-01', 100), false, 0],
    ['an open invoice due 1 March 2025', item('invoice', '2025-03-01', 5), true, 379],
  ])('%s: overdue %s, %i days late', (_, entry, overdue, days) => {
    expect(isOverdue(entry, asOf)).toBe(overdue);
    expect(daysLate(entry, asOf)).toBe(days);
  });
});

describe('toCustomerBalance', () => {
  it('nets open invoices, open credit notes and unapplied cash into the encours', () => {
    expect(
      toCustomerBalance('EUR', {
        invoicesOpen: 7_272_550n,
        overdue: 1_000_000n,
        creditNotesOpen: 200_000n,
        unappliedCash: 146_824n,
        oldestDueDate: calendarDate('2025-12-01'),
      }),
    ).toEqual({
      currency: 'EUR',
      invoicesOpen: 7_272_550,
      overdue: 1_000_000,
      creditNotesOpen: 200_000,
      unappliedCash: 146_824,
      netBalance: 6_925_726,
      amountsCapped: false,
      oldestDueDate: '2025-12-01',
    });
  });

  it('computes the encours before capping, so capped figures never give a wrong difference', () => {
    const huge = BigInt(MAX_TOTAL_CENTS) + 500n;
    const balance = toCustomerBalance('EUR', {
      invoicesOpen: huge,
      overdue: 0n,
      creditNotesOpen: 1_000n,
      unappliedCash: 0n,
      oldestDueDate: null,
    });
    expect(balance.invoicesOpen).toBe(MAX_TOTAL_CENTS);
    // huge − 1,000 is below the bound: the encours is exact, not the capped figure − 1,000.
    expect(balance.netBalance).toBe(MAX_TOTAL_CENTS - 500);
    expect(balance.amountsCapped).toBe(true);
  });
});
