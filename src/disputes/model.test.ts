import { describe, expect, it } from 'vitest';
import { cents } from '../shared/money.ts';
import { causesOf } from './causes.ts';
import {
  canMoveTo,
  checkDisputedAmount,
  disputeDeadline,
  disputeTargetRefusal,
  heldBackCents,
  isOpenDispute,
  type DisputableInvoice,
} from './model.ts';
import { calendarDate } from '../shared/calendar-date.ts';

const invoice: DisputableInvoice = {
  id: 'i1',
  customerId: 'c1',
  kind: 'invoice',
  number: 'FA-1',
  currency: 'EUR',
  openCents: cents(50_000),
};

describe('the disputed part of an invoice', () => {
  it.each([
    ['no amount: all that is open', undefined, []],
    ['null: all that is open', null, []],
    ['one cent', 1, []],
    ['exactly what is open', 50_000, []],
    ['zero', 0, ['dispute_amount_not_positive']],
    ['a negative amount', -1, ['dispute_amount_not_positive']],
    ['a fraction of a cent', 1.5, ['dispute_amount_not_positive']],
    ['more than the largest amount', 10_000_000_000_000, ['dispute_amount_too_large']],
    ['one cent more than is open', 50_001, ['dispute_amount_above_open']],
  ])('%s', (_label, amount, codes) => {
    expect(
      checkDisputedAmount('invoices.0.disputedCents', amount, invoice).map((issue) => issue.code),
    ).toEqual(codes);
  });

  it('says how much is open, on the field it was given', () => {
    expect(checkDisputedAmount('invoices.2.disputedCents', 50_001, invoice)).toEqual([
      expect.objectContaining({
        field: 'invoices.2.disputedCents',
        params: { open: 50_000, currency: 'EUR', number: 'FA-1' },
      }),
    ]);
  });
});

describe('what the run holds back', () => {
  it.each([
    [50_000, null, 50_000],
    [50_000, 12_000, 12_000],
    // A payment came since: never more than what is still open.
    [8_000, 12_000, 8_000],
  ])('open %i, disputed %s: %i', (open, part, held) => {
    expect(heldBackCents(cents(open), part === null ? null : cents(part))).toBe(held);
  });
});

describe('what may be disputed and moved', () => {
  it('refuses a credit note and a paid invoice', () => {
    expect(disputeTargetRefusal(invoice)).toBeUndefined();
    expect(disputeTargetRefusal({ ...invoice, kind: 'credit_note' })).toBe(
      'dispute_credit_note_refused',
    );
    expect(disputeTargetRefusal({ ...invoice, openCents: cents(0) })).toBe('dispute_invoice_paid');
  });

  it('moves between the open statuses, never out of resolved', () => {
    expect(canMoveTo('open', 'waiting_department')).toBe(true);
    expect(canMoveTo('waiting_customer', 'open')).toBe(true);
    expect(canMoveTo('resolved', 'open')).toBe(false);
    expect(canMoveTo('open', 'resolved')).toBe(false);
    expect(isOpenDispute({ status: 'waiting_customer' })).toBe(true);
    expect(isOpenDispute({ status: 'resolved' })).toBe(false);
  });

  it('gives the deadline from the cause’s days', () => {
    expect(disputeDeadline(calendarDate('2026-02-26'), 5)).toBe('2026-03-03');
  });
});

describe('the company’s causes', () => {
  it('lays its rows over the defaults, then its own, by position', () => {
    const causes = causesOf([
      { code: 'price', label: 'Prix ou remise', deadlineDays: 3, isActive: true, position: 10 },
      { code: 'other', label: 'Autre', deadlineDays: 10, isActive: false, position: 110 },
      { code: 'missing_pallet', label: 'Palette', deadlineDays: 4, isActive: true, position: 15 },
    ]);
    expect(causes.slice(0, 3).map((cause) => [cause.code, cause.label, cause.isDefault])).toEqual([
      ['price', 'Prix ou remise', true],
      ['missing_pallet', 'Palette', false],
      ['discount_not_applied', null, true],
    ]);
    expect(causes.find((cause) => cause.code === 'other')?.isActive).toBe(false);
    expect(causes).toHaveLength(12);
  });
});
