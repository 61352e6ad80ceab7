import { describe, expect, it } from 'vitest';
import { calendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import {
  accountTotals,
  daysLate,
  sortItems,
  statementSections,
  type AccountEntry,
} from './model.ts';

const TODAY = calendarDate('2026-03-15');

function entry(
  number: string,
  dueDate: string,
  openCents: number,
  overrides: Partial<AccountEntry> = {},
): AccountEntry {
  return {
    id: `id-${number}`,
    kind: 'invoice',
    number,
    issueDate: calendarDate('2026-01-01'),
    dueDate: calendarDate(dueDate),
    amountCents: cents(openCents),
    openCents: cents(openCents),
    currency: 'EUR',
    ...overrides,
  };
}

describe('daysLate', () => {
  it.each([
    ['due yesterday', entry('F1', '2026-03-14', 100), 1],
    ['due today (not late yet)', entry('F1', '2026-03-15', 100), 0],
    ['due in April', entry('F1', '2026-04-10', 100), 0],
    ['settled', entry('F1', '2026-02-10', 0), 0],
    ['a credit note', entry('A1', '2026-02-10', 100, { kind: 'credit_note' }), 0],
    ['over a year boundary', entry('F1', '2025-12-31', 100), 74],
  ])('%s', (_name, item, expected) => {
    expect(daysLate(item, TODAY)).toBe(expected);
  });
});

describe('accountTotals', () => {
  it('sums per currency, overdue apart, credit notes as credits, never across currencies', () => {
    expect(
      accountTotals(
        [
          entry('F1', '2026-02-10', 100_000),
          entry('F2', '2026-04-10', 50_000),
          entry('A1', '2026-02-20', 20_000, { kind: 'credit_note' }),
          entry('F3', '2026-03-01', 30_000, { currency: 'USD' }),
        ],
        TODAY,
      ),
    ).toEqual([
      { currency: 'EUR', openCents: 150_000, overdueCents: 100_000, creditsCents: 20_000 },
      { currency: 'USD', openCents: 30_000, overdueCents: 30_000, creditsCents: 0 },
    ]);
  });
});

describe('statementSections', () => {
  it('lists the items by due date with the running balance, a credit note against', () => {
    const [section, ...others] = statementSections(
      [
        entry('F2', '2026-04-10', 50_000),
        entry('F1', '2026-02-10', 123_456),
        entry('A1', '2026-02-20', 10_000, { kind: 'credit_note' }),
      ],
      TODAY,
    );
    expect(others).toEqual([]);
    expect(
      section?.lines.map((line) => [line.number, line.openCents, line.daysLate, line.balanceCents]),
    ).toEqual([
      ['F1', 123_456, 33, 123_456],
      ['A1', -10_000, 0, 113_456],
      ['F2', 50_000, 0, 163_456],
    ]);
    expect(section).toMatchObject({
      openCents: 173_456,
      overdueCents: 123_456,
      creditsCents: 10_000,
      balanceCents: 163_456,
    });
  });

  it('orders items of one due date by number', () => {
    expect(
      sortItems([entry('F2', '2026-03-01', 1), entry('F10', '2026-03-01', 1)]).map((i) => i.number),
    ).toEqual(['F10', 'F2']);
  });
});
