import { describe, expect, it } from 'vitest';
import { cents } from '../shared/money.ts';
import {
  checkDisputeInput,
  checkDisputeNote,
  disputeTargetRefusal,
  isOpenDispute,
  keptNote,
  MAX_DISPUTE_NOTE_LENGTH,
  type DisputableInvoice,
} from './model.ts';
import { calendarDate } from '../shared/calendar-date.ts';

const OPEN: DisputableInvoice = {
  kind: 'invoice',
  number: 'FA-2026-0042',
  currency: 'EUR',
  openCents: cents(120_000),
};

describe('what may be disputed', () => {
  it.each([
    ['an open invoice', OPEN, undefined],
    ['a partly paid invoice', { ...OPEN, openCents: cents(1) }, undefined],
    ['a paid invoice', { ...OPEN, openCents: cents(0) }, 'dispute_invoice_paid'],
    ['a credit note', { ...OPEN, kind: 'credit_note' as const }, 'dispute_credit_note_refused'],
    [
      'a used credit note (the credit note is said first)',
      { ...OPEN, kind: 'credit_note' as const, openCents: cents(0) },
      'dispute_credit_note_refused',
    ],
  ])('%s: %s', (_label, invoice, expected) => {
    expect(disputeTargetRefusal(invoice)).toBe(expected);
  });
});

describe('what a dispute says', () => {
  it.each([
    ['no amount: the whole open amount', undefined],
    ['a null amount: the whole open amount', null],
    ['one cent', 1],
    ['exactly what is open', 120_000],
  ])('accepts %s', (_label, amountCents) => {
    expect(checkDisputeInput({ reason: 'price', amountCents }, OPEN)).toEqual([]);
  });

  it.each([
    ['zero', 0, 'dispute_amount_not_positive'],
    ['a negative amount', -500, 'dispute_amount_not_positive'],
    ['a fraction of a cent', 10.5, 'dispute_amount_not_positive'],
    ['more than the largest amount', 10_000_000_000_000, 'dispute_amount_too_large'],
    ['one cent more than is open', 120_001, 'dispute_amount_above_open'],
  ])('refuses %s', (_label, amountCents, code) => {
    expect(
      checkDisputeInput({ reason: 'quantity', amountCents }, OPEN).map((issue) => [
        issue.field,
        issue.code,
      ]),
    ).toEqual([['amountCents', code]]);
  });

  it('says how much is open when the amount is above it, in the invoice’s currency', () => {
    const [issue] = checkDisputeInput({ reason: 'price', amountCents: 150_000 }, OPEN);
    expect(issue?.params).toEqual({ open: 120_000, currency: 'EUR', number: 'FA-2026-0042' });
    expect(issue?.message).toBe(
      'The disputed amount is more than the €1,200.00 still open on invoice FA-2026-0042',
    );
  });

  it('gives every issue at once: the amount and the note', () => {
    const issues = checkDisputeInput(
      { reason: 'other', amountCents: 0, note: 'x'.repeat(MAX_DISPUTE_NOTE_LENGTH + 1) },
      OPEN,
    );
    expect(issues.map((issue) => issue.field)).toEqual(['amountCents', 'note']);
  });

  it('measures the note as it is kept: trimmed', () => {
    const padded = `  ${'x'.repeat(MAX_DISPUTE_NOTE_LENGTH)}  `;
    expect(checkDisputeNote('note', padded)).toEqual([]);
    expect(checkDisputeNote('note', `${padded}x`)).toHaveLength(1);
  });
});

describe('a note as kept', () => {
  it.each([
    [undefined, null],
    [null, null],
    ['   ', null],
    ['  Livraison partielle, BL manquant  ', 'Livraison partielle, BL manquant'],
  ])('%j is kept as %j', (note, kept) => {
    expect(keptNote(note)).toBe(kept);
  });
});

describe('an open dispute', () => {
  it('is one not resolved yet', () => {
    expect(isOpenDispute({ resolvedOn: null })).toBe(true);
    expect(isOpenDispute({ resolvedOn: calendarDate('2026-03-15') })).toBe(false);
  });
});
