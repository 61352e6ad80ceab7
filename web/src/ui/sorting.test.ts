import { describe, expect, it } from 'vitest';
import { nextSort } from './sorting.ts';

const amountsFirst = new Set(['open_amount']);

describe('sorting by column header', () => {
  it('flips the order of the active column', () => {
    expect(nextSort({ sort: 'code', order: 'asc' }, 'code', amountsFirst)).toEqual({
      sort: 'code',
      order: 'desc',
    });
  });

  it('starts amounts biggest first and names from A', () => {
    expect(nextSort({ sort: 'code', order: 'asc' }, 'open_amount', amountsFirst).order).toBe(
      'desc',
    );
    expect(nextSort({ sort: 'open_amount', order: 'desc' }, 'code', amountsFirst).order).toBe(
      'asc',
    );
  });
});
