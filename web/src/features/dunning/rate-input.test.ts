import { describe, expect, it } from 'vitest';
import { rateBps, rateInputText } from './rate-input.ts';

describe('rateBps', () => {
  it('reads a rate in percent, with a comma or a point, exactly', () => {
    expect(rateBps('12,5')).toBe(1250);
    expect(rateBps('12.15')).toBe(1215);
    expect(rateBps(' 9 ')).toBe(900);
    expect(rateBps('10,65 %')).toBe(1065);
    expect(rateBps('0')).toBe(0);
    expect(rateBps('100')).toBe(10_000);
  });
  it('refuses what is not a rate of 0 to 100 % with two decimals at most', () => {
    for (const text of ['', 'abc', '-1', '12,345', '100,01', '1e2', '12,']) {
      expect(rateBps(text)).toBeUndefined();
    }
  });
});

describe('rateInputText', () => {
  it('writes a stored rate back as the field shows it', () => {
    expect(rateInputText(1250, 'fr')).toBe('12,5');
    expect(rateInputText(1215, 'en')).toBe('12.15');
    expect(rateInputText(900, 'fr')).toBe('9');
    expect(rateInputText(1205, 'fr')).toBe('12,05');
  });
  it('reads back what it writes', () => {
    for (const bps of [0, 5, 50, 305, 1000, 1265, 9999, 10_000]) {
      expect(rateBps(rateInputText(bps, 'fr'))).toBe(bps);
    }
  });
});
