import { describe, expect, it } from 'vitest';
import type { TMatchSuggestion } from '../../../../src/bank/matching/schemas.ts';
import {
  amountText,
  creditPartsOf,
  formatIban,
  prefillAmounts,
  readMatch,
  requestFromSuggestion,
  type OpenInvoice,
} from './match-form-model.ts';

const CUSTOMER = '11111111-1111-4111-8111-111111111111';
const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const CREDIT = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

const INVOICES: OpenInvoice[] = [
  { id: A, number: 'FA-1', dueDate: '2026-02-01', openAmount: 120_000 },
  { id: B, number: 'FA-2', dueDate: '2026-03-01', openAmount: 45_000 },
];

const SUGGESTION: TMatchSuggestion = {
  customerId: CUSTOMER,
  customerCode: 'MARTIN',
  customerName: 'Boulangerie Martin',
  allocations: [
    {
      invoiceId: A,
      invoiceNumber: 'FA-1',
      amount: 5_000,
      creditNoteId: CREDIT,
      creditNoteNumber: 'AV-1',
    },
    {
      invoiceId: A,
      invoiceNumber: 'FA-1',
      amount: 115_000,
      creditNoteId: null,
      creditNoteNumber: null,
    },
    {
      invoiceId: B,
      invoiceNumber: 'FA-2',
      amount: 45_000,
      creditNoteId: null,
      creditNoteNumber: null,
    },
  ],
  unappliedAmount: 0,
  confidence: 97,
  reasons: [],
};

describe('the request of a suggestion', () => {
  it('sends its allocations as they are, the credit note with its id', () => {
    expect(requestFromSuggestion(SUGGESTION)).toEqual({
      customerId: CUSTOMER,
      allocations: [
        { invoiceId: A, amount: 5_000, creditNoteId: CREDIT },
        { invoiceId: A, amount: 115_000 },
        { invoiceId: B, amount: 45_000 },
      ],
    });
  });
});

describe('the amounts the dialog opens with', () => {
  it("shows the suggestion's cash on each of its invoices", () => {
    expect(prefillAmounts(INVOICES, 160_000, SUGGESTION)).toEqual({
      [A]: '1150,00',
      [B]: '450,00',
    });
  });

  it('spreads the line over the open invoices oldest first without a suggestion', () => {
    expect(prefillAmounts(INVOICES, 130_000, undefined)).toEqual({ [A]: '1200,00', [B]: '100,00' });
    expect(prefillAmounts(INVOICES, 50_000, undefined)).toEqual({ [A]: '500,00', [B]: '' });
  });

  it('writes cents as people type them, and 0 as an empty field', () => {
    expect(amountText(123_456)).toBe('1234,56');
    expect(amountText(5)).toBe('0,05');
    expect(amountText(0)).toBe('');
  });
});

describe('reading the fields', () => {
  const read = (amounts: Record<string, string>, lineAmount = 160_000) =>
    readMatch({
      customerId: CUSTOMER,
      invoices: INVOICES,
      amounts,
      credits: creditPartsOf(SUGGESTION),
      lineAmount,
    });

  it('keeps the credit note and reads each amount digit by digit', () => {
    const match = read({ [A]: '1 150,00', [B]: '400' });
    expect(match.request.allocations).toEqual([
      { invoiceId: A, amount: 5_000, creditNoteId: CREDIT },
      { invoiceId: A, amount: 115_000 },
      { invoiceId: B, amount: 40_000 },
    ]);
    expect(match).toMatchObject({ allocated: 155_000, unapplied: 5_000, excess: 0, isValid: true });
  });

  it('refuses a field that is no amount, or more than is open after the credit note', () => {
    const match = read({ [A]: '1 150,01', [B]: 'abc' });
    expect(match.errors).toEqual({ [A]: 'overOpen', [B]: 'invalid' });
    expect(match.isValid).toBe(false);
  });

  it('refuses cash past the line, by how much', () => {
    const match = read({ [A]: '1150', [B]: '450' }, 150_000);
    expect(match).toMatchObject({
      allocated: 160_000,
      unapplied: 0,
      excess: 10_000,
      isValid: false,
    });
  });

  it('leaves empty and zero fields out: the line then stays unapplied', () => {
    const match = readMatch({
      customerId: CUSTOMER,
      invoices: INVOICES,
      amounts: { [A]: '', [B]: '0' },
      credits: [],
      lineAmount: 77_700,
    });
    expect(match.request.allocations).toEqual([]);
    expect(match).toMatchObject({ allocated: 0, unapplied: 77_700, isValid: true });
  });
});

describe('formatIban', () => {
  it('groups an IBAN by four, as banks print it', () => {
    expect(formatIban('FR7610107001011234567890129')).toBe('FR76 1010 7001 0112 3456 7890 129');
  });
});
