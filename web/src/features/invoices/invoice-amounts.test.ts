import { describe, expect, it } from 'vitest';
import type { TInvoice } from '../../../../src/ledger/schemas.ts';
import { signedAmount, totalsByCurrency } from './invoice-amounts.ts';

function item(
  kind: TInvoice['kind'],
  amount: number,
  openAmount: number,
  currency = 'EUR',
): TInvoice {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    kind,
    number: 'FA-1',
    customerId: '00000000-0000-4000-8000-000000000002',
    customerCode: 'C1',
    customerName: 'Client',
    issueDate: '2025-10-01',
    dueDate: '2025-10-31',
    amount,
    openAmount,
    currency,
    status: 'open',
    daysLate: 0,
  };
}

describe('open item amounts', () => {
  it('shows a credit note negative whichever sign it is stored with', () => {
    expect(signedAmount({ kind: 'credit_note' }, 12_000)).toBe(-12_000);
    expect(signedAmount({ kind: 'credit_note' }, -12_000)).toBe(-12_000);
    expect(signedAmount({ kind: 'invoice' }, 12_000)).toBe(12_000);
  });

  it('totals invoices minus credit notes, in cents, per currency', () => {
    const totals = totalsByCurrency([
      item('invoice', 123_456, 100_001),
      item('credit_note', 20_000, 20_000),
      item('invoice', 10_000, 10_000, 'CHF'),
    ]);
    expect(totals).toEqual([
      { currency: 'EUR', amount: 103_456, openAmount: 80_001 },
      { currency: 'CHF', amount: 10_000, openAmount: 10_000 },
    ]);
  });
});
