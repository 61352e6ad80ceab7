import { describe, expect, it } from 'vitest';
import { buildUrl } from './api.ts';

describe('query strings', () => {
  it('leaves out empty and missing filters and encodes the rest', () => {
    expect(
      buildUrl('/api/customers', { search: 'Dupont & Fils', status: undefined, city: '', page: 2 }),
    ).toBe('/api/customers?search=Dupont+%26+Fils&page=2');
    expect(buildUrl('/api/customers', { search: '' })).toBe('/api/customers');
  });
});
