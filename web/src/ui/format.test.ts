import { describe, expect, it } from 'vitest';
import { formatAmount, formatDateTime, formatDay, formatPaymentTerms } from './format.ts';

const NBSP = '\u00a0';

describe('formatting at the edge', () => {
  it('writes amounts the French way from integer cents', () => {
    expect(formatAmount(123_456, 'EUR', 'fr')).toBe(`1${NBSP}234,56${NBSP}€`);
    expect(formatAmount(-5, 'EUR', 'fr')).toBe(`-0,05${NBSP}€`);
    expect(formatAmount(123_456, 'EUR', 'en')).toBe('€1,234.56');
  });

  it('still shows an amount whose currency code is unknown', () => {
    expect(formatAmount(123_456, 'XYZ', 'fr')).toBe('1234.56 XYZ');
  });

  it('writes calendar dates as 31/12/2025 in French and leaves anything else as sent', () => {
    expect(formatDay('2025-12-31', 'fr')).toBe('31/12/2025');
    expect(formatDay('2025-12-31', 'en')).toBe('31 Dec 2025');
    expect(formatDay('not a date', 'fr')).toBe('not a date');
  });
});

describe('an instant, as its date in the company’s zone and its time', () => {
  it.each([
    // 08:59 UTC is 09:59 in Paris in winter (UTC+1)…
    ['2026-03-03T08:59:00Z', 'fr', '03/03/2026 09:59'],
    ['2026-03-03T08:59:00Z', 'en', '03 Mar 2026, 09:59'],
    // …and 11:05 in summer (UTC+2); September keeps its three letters (not ICU's `Sept`).
    ['2026-09-05T09:05:00Z', 'en', '05 Sep 2026, 11:05'],
    // The last minutes of a UTC year are already the next day and year in Paris.
    ['2025-12-31T23:30:00Z', 'fr', '01/01/2026 00:30'],
    ['2025-12-31T23:30:00Z', 'en', '01 Jan 2026, 00:30'],
  ] as const)('%s in %s: %s', (instant, language, shown) => {
    expect(formatDateTime(instant, 'Europe/Paris', language)).toBe(shown);
  });

  it('writes the date part exactly as the date formatter writes that day', () => {
    for (const language of ['fr', 'en'] as const) {
      const shown = formatDateTime('2026-03-03T08:59:00Z', 'Europe/Paris', language);
      expect(shown.startsWith(formatDay('2026-03-03', language))).toBe(true);
    }
  });

  it('shows midnight as 00:00, never 24:00, and what is no instant as sent', () => {
    expect(formatDateTime('2026-03-02T23:00:00Z', 'Europe/Paris', 'en')).toBe('03 Mar 2026, 00:00');
    expect(formatDateTime('yesterday', 'Europe/Paris', 'fr')).toBe('yesterday');
  });
});

describe('payment terms, from their code', () => {
  it.each([
    ['net:30', '30 jours net', '30 days net'],
    ['eom:45', '45 jours fin de mois', '45 days end of month'],
    ['net:0', 'à réception', 'due on receipt'],
  ])('%s: « %s », "%s"', (code, french, english) => {
    expect(formatPaymentTerms(code, 'fr')).toBe(french);
    expect(formatPaymentTerms(code, 'en')).toBe(english);
  });

  it('shows a stored value that is no code as it is', () => {
    expect(formatPaymentTerms('selon contrat', 'en')).toBe('selon contrat');
  });
});
