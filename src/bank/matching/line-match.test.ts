import { describe, expect, it } from 'vitest';
import { paymentReferenceFor, withRates } from './line-match.ts';

describe('paymentReferenceFor', () => {
  it('takes the bank’s own reference, then numbers the line’s later payments', () => {
    const line = { id: 'L1', bankReferences: { accountServicerReference: 'R1', endToEndId: 'E1' } };
    expect(paymentReferenceFor(line, 1)).toBe('R1');
    expect(paymentReferenceFor(line, 3)).toBe('R1-3');
  });

  it('never names a payment after SEPA’s NOTPROVIDED placeholder', () => {
    expect(
      paymentReferenceFor({ id: 'L1', bankReferences: { endToEndId: 'NOTPROVIDED' } }, 1),
    ).toBe('BQ-L1');
    expect(paymentReferenceFor({ id: 'L1', bankReferences: { endToEndId: 'E1' } }, 1)).toBe('E1');
  });
});

describe('withRates', () => {
  it('counts the rates over the incoming lines, 1 when none came in', () => {
    const counts = {
      threshold: 90,
      lines: 5,
      incoming: 4,
      outgoing: 1,
      reversals: 0,
      reversed: 0,
      applied: 3,
      queued: 1,
      payerFound: 4,
      fullyAllocated: 2,
    };
    expect(withRates(counts)).toMatchObject({ payerRate: 1, invoiceRate: 0.5 });
    expect(withRates({ ...counts, incoming: 0 })).toMatchObject({ payerRate: 1, invoiceRate: 1 });
  });
});
