import { describe, expect, it } from 'vitest';
import { formatAmount, formatDay } from './format.ts';

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
