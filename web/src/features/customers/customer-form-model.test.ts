import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from './customer-form-model.ts';

const problem = (issues: { field: string; code: string; message: string }[]) => ({
  type: 'about:blank',
  title: 'Saisie refusée',
  status: 400,
  detail: '',
  code: 'invalid',
  issues,
});

describe('fieldErrorsOf', () => {
  it('shows an issue under its own input without the path that only says where', () => {
    const { fields, other } = fieldErrorsOf(
      problem([
        {
          field: 'contacts.0.email',
          code: 'invalid_format',
          message: 'contacts.0.email\u00a0: adresse e-mail invalide',
        },
        { field: 'siren', code: 'siren_checksum', message: 'Le SIREN 123 456 789 est invalide' },
        { field: 'unknown', code: 'x', message: 'unknown : autre problème' },
      ]),
      (field) => field !== 'unknown',
    );
    expect(fields).toEqual({
      'contacts.0.email': 'adresse e-mail invalide',
      siren: 'Le SIREN 123 456 789 est invalide',
    });
    // Above the form, the field name is all that says which input it is about.
    expect(other).toEqual(['unknown : autre problème']);
  });
});
