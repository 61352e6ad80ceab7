import { describe, expect, it } from 'vitest';
import { calendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import { formatRate, messageData, type MessageDataInput } from './message-data.ts';
import { PUBLISHED_RATES } from './published-rates.ts';

const d = calendarDate;

function input(overrides: Partial<MessageDataInput> = {}): MessageDataInput {
  return {
    language: 'fr',
    currency: 'EUR',
    today: d('2026-03-02'),
    company: { name: 'Encaisse Démo SAS' },
    customer: { code: 'C0042', name: 'Boulangerie Martin' },
    contact: { name: 'Claire Martin', email: 'compta@martin.fr' },
    collector: { name: 'Julie Lefèvre', email: 'julie@encaisse.example', phone: '' },
    invoices: [
      {
        number: 'FA-1',
        issueDate: d('2026-01-01'),
        dueDate: d('2026-01-31'),
        amountCents: cents(1_200_000),
        openCents: cents(1_000_000),
        settlements: [{ on: d('2026-01-20'), amountCents: cents(200_000) }],
      },
      {
        number: 'FA-2',
        issueDate: d('2026-02-20'),
        dueDate: d('2026-03-22'),
        amountCents: cents(50_000),
        openCents: cents(50_000),
        settlements: [],
      },
    ],
    terms: { contractualRateBasisPoints: null },
    rates: PUBLISHED_RATES,
    portalUrl: 'https://encaisse.test/portail#token',
    ...overrides,
  };
}

const NBSP = '\u00a0';

describe('messageData', () => {
  it('words the invoices, totals and penalties in French', () => {
    const data = messageData(input());
    expect(data.invoices).toEqual([
      {
        number: 'FA-1',
        issue_date: '01/01/2026',
        due_date: '31/01/2026',
        amount: `12${NBSP}000,00${NBSP}€`,
        open_amount: `10${NBSP}000,00${NBSP}€`,
        days_late: 30,
      },
      {
        number: 'FA-2',
        issue_date: '20/02/2026',
        due_date: '22/03/2026',
        amount: `500,00${NBSP}€`,
        open_amount: `500,00${NBSP}€`,
        days_late: 0,
      },
    ]);
    expect(data.totals).toEqual({
      count: 2,
      amount: `12${NBSP}500,00${NBSP}€`,
      open_amount: `10${NBSP}500,00${NBSP}€`,
      overdue_amount: `10${NBSP}000,00${NBSP}€`,
    });
    // Only the late invoice bears interest (10 000 € × 12,15 % × 30 / 365) and the 40 €.
    expect(data.penalties).toEqual({
      rate: `12,15${NBSP}%`,
      interest: `99,86${NBSP}€`,
      indemnity: `40,00${NBSP}€`,
      total: `139,86${NBSP}€`,
    });
    expect(data.today).toBe('02/03/2026');
    expect(data.portal).toEqual({ url: 'https://encaisse.test/portail#token' });
    // No signature of their own: the collector signs with their name.
    expect(data.collector.signature).toBe('Julie Lefèvre');
  });

  it('keeps the indemnity in euros beside interest in another currency', () => {
    const data = messageData(input({ currency: 'USD', language: 'en' }));
    expect(data.penalties.indemnity).toBe('€40.00');
    expect(data.penalties.total).toBe(`${data.penalties.interest} + €40.00`);
  });
});

describe('formatRate', () => {
  it('writes basis points as a percentage in each language', () => {
    expect(formatRate(1_215, 'fr')).toBe(`12,15${NBSP}%`);
    expect(formatRate(786, 'en')).toBe('7.86%');
  });
});
