import { describe, expect, it } from 'vitest';
import { normalizeCustomerCode } from './model.ts';

describe('normalizeCustomerCode', () => {
  it.each([
    ['A001', 'A001'],
    ['a001', 'A001'],
    ['  cli-42 ', 'CLI-42'],
    ['société', 'SOCIÉTÉ'],
    // "e" + combining acute (NFD, as macOS writes file names) is the same code as "é".
    ['soci\u0065\u0301t\u0065\u0301', 'SOCIÉTÉ'],
    ['straße', 'STRASSE'],
  ])('%j is stored as %j', (typed, stored) => {
    expect(normalizeCustomerCode(typed)).toBe(stored);
  });
});
