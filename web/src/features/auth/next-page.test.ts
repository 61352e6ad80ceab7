import { describe, expect, it } from 'vitest';
import { safeNextPage } from './next-page.ts';

describe('page to open after login', () => {
  it('returns to the page that was asked, query string included', () => {
    expect(safeNextPage('/customers/42?tab=timeline')).toBe('/customers/42?tab=timeline');
  });

  it.each([
    null,
    '',
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    '/login',
    '/login?next=/x',
  ])('goes to the customers instead of %j', (next) => {
    expect(safeNextPage(next)).toBe('/customers');
  });
});
