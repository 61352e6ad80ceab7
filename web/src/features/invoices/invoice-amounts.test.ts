import { describe, expect, it } from 'vitest';
import { signedAmount } from './invoice-amounts.ts';

describe('open item amounts', () => {
  it('shows a credit note negative whichever sign it is stored with', () => {
    expect(signedAmount({ kind: 'credit_note' }, 12_000)).toBe(-12_000);
    expect(signedAmount({ kind: 'credit_note' }, -12_000)).toBe(-12_000);
    expect(signedAmount({ kind: 'invoice' }, 12_000)).toBe(12_000);
  });
});
