import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidArgumentError } from 'commander';
import { InvalidError } from '../shared/errors.ts';
import { dateArgument, parseOptions } from './options.ts';

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
    expect(parseOptions(schema, { search: 'Électricité' }, 'fr')).toEqual({
      search: 'Électricité',
    });
  });
});

describe('dateArgument', () => {
  it('reads a date in the forms the imports read', () => {
    expect(['31/12/2025', '2025-12-31', '20251231'].map(dateArgument('fr'))).toEqual([
      '2025-12-31',
      '2025-12-31',
      '2025-12-31',
    ]);
  });

  it('refuses anything else in the language of the command, leaving the option to commander', () => {
    const refusal = (language: 'fr' | 'en') => () => dateArgument(language)('32/13/2025');

    expect(refusal('fr')).toThrow(
      new InvalidArgumentError(
        "« 32/13/2025 » n'est pas une date : écrivez 31/12/2025, 2025-12-31 ou 20251231",
      ),
    );
    expect(refusal('en')).toThrow(
      new InvalidArgumentError(
        '"32/13/2025" is not a date: write 31/12/2025, 2025-12-31 or 20251231',
      ),
    );
  });
});
