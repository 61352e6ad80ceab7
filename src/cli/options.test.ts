import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidError } from '../shared/errors.ts';
import { parseOptions } from './options.ts';

const schema = z.object({ search: z.string().optional(), dueFrom: z.string().optional() });

describe('parseOptions', () => {
  it('refuses an option value holding a NUL or a lone surrogate, naming the flag', () => {
    const refusal = (() => {
      try {
        parseOptions(schema, { search: 'a\u0000b', dueFrom: '\udfff' }, 'en');
      } catch (error) {
        return error;
      }
      return undefined;
    })();

    expect(refusal).toBeInstanceOf(InvalidError);
    expect((refusal as InvalidError).issues).toEqual([
      {
        field: '--search',
        code: 'custom',
        message: 'contains a NUL character (U+0000) at position 2',
      },
      {
        field: '--due-from',
        code: 'custom',
        message: 'contains a lone surrogate (U+DFFF, not a Unicode character) at position 1',
      },
    ]);
  });

  it('passes ordinary values through the schema', () => {
    expect(parseOptions(schema, { search: 'Électricité' })).toEqual({ search: 'Électricité' });
  });
});
