import { describe, expect, it } from 'vitest';
import { ConflictError } from '../shared/errors.ts';
import { conflictFromUniqueViolation, duplicateKey } from './errors.ts';

describe('duplicateKey', () => {
  it.each([
    [
      'Key (company_id, code)=(0193a1b2-0000-7000-8000-000000000001, RACE1) already exists.',
      { columns: ['code'], values: ['RACE1'] },
    ],
    [
      'Key (company_id, kind, number)=(0193a1b2-0000-7000-8000-000000000001, invoice, FA-1) already exists.',
      { columns: ['kind', 'number'], values: ['invoice', 'FA-1'] },
    ],
    [
      // A value with ", " in it: the last column takes the rest.
      'Key (company_id, reference)=(0193a1b2-0000-7000-8000-000000000001, VIR 1, bis) already exists.',
      { columns: ['reference'], values: ['VIR 1, bis'] },
    ],
    ['Key (email)=(a@b.fr) already exists.', { columns: ['email'], values: ['a@b.fr'] }],
  ])('reads %s', (detail, key) => {
    expect(duplicateKey(detail)).toEqual(key);
  });

  it('gives up on anything else', () => {
    expect(duplicateKey('something else')).toBeUndefined();
  });
});

describe('conflictFromUniqueViolation', () => {
  it('names the entity and the key of a unique violation', () => {
    const conflict = conflictFromUniqueViolation({
      code: '23505',
      table: 'invoice',
      detail:
        'Key (company_id, kind, number)=(0193a1b2-0000-7000-8000-000000000001, invoice, FA-1) already exists.',
    });
    expect(conflict).toBeInstanceOf(ConflictError);
    expect(conflict).toMatchObject({
      message: 'An invoice with kind invoice, number FA-1 already exists',
      issues: [
        {
          field: 'number',
          code: 'duplicate',
          message: 'kind invoice, number FA-1 is already used',
        },
      ],
    });
  });

  it('leaves other errors alone', () => {
    expect(conflictFromUniqueViolation({ code: '40P01' })).toBeUndefined();
    expect(conflictFromUniqueViolation(new Error('boom'))).toBeUndefined();
  });
});
