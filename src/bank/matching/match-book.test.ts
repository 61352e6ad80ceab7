import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../shared/calendar-date.ts';
import { cents } from '../../shared/money.ts';
import { MatchBook, settle, type MatchableLine, type OpenItem } from './match-book.ts';

function item(
  id: string,
  customerId: string,
  number: string,
  open: number,
  due: string,
  kind: OpenItem['kind'] = 'invoice',
): OpenItem {
  return {
    id,
    customerId,
    kind,
    number,
    issueDate: calendarDate('2026-01-01'),
    dueDate: calendarDate(due),
    openCents: cents(open),
  };
}

const MARTIN_IBAN = 'FR7610107001011234567890129';

function book(payerAccounts: { iban: string; customerId: string }[] = []) {
  return new MatchBook({
    currency: 'EUR',
    customers: [
      { id: 'martin', code: 'C1', name: 'Boulangerie Martin SARL' },
      { id: 'dupont', code: 'C2', name: 'Transports Dupont SAS' },
    ],
    openItems: [
      item('m1', 'martin', 'FA-2026-000101', 120_000, '2026-02-04'),
      item('m2', 'martin', 'FA-2026-000102', 45_000, '2026-02-11'),
      item('m3', 'martin', 'FA-2026-000103', 30_000, '2026-02-19'),
      item('m4', 'martin', 'FA-2026-000104', 30_000, '2026-02-25'),
      item('mc', 'martin', 'AV-2026-000007', 5_000, '2026-01-25', 'credit_note'),
      item('d1', 'dupont', 'FA-2026-000201', 99_900, '2026-02-07'),
    ],
    payerAccounts,
  });
}

function line(amount: number, text: string | null, payer: Partial<MatchableLine> = {}) {
  return {
    amountCents: cents(amount),
    counterpartyName: null,
    counterpartyIban: null,
    remittanceText: text,
    structuredReferences: [],
    ...payer,
  };
}

describe('the matcher’s proposals', () => {
  it('applies a number written as stored with its exact amount, sure of it', () => {
    const [best] = book().propose(line(120_000, 'REGLEMENT FA-2026-000101'));
    expect(best).toMatchObject({
      customerId: 'martin',
      allocations: [{ invoiceId: 'm1', amountCents: 120_000 }],
      unappliedCents: 0,
      confidence: 99,
    });
    expect(best?.reasons.map((reason) => reason.code)).toEqual(['match_reason_reference']);
  });

  it('reads a rewritten number, and a number one typo away when the amount agrees', () => {
    expect(book().propose(line(45_000, 'FACT 2026000102'))[0]).toMatchObject({
      allocations: [{ invoiceId: 'm2' }],
      confidence: 97,
    });
    const [typo] = book().propose(line(99_900, 'FACTURE FA2026000210'));
    expect(typo).toMatchObject({ customerId: 'dupont', allocations: [{ invoiceId: 'd1' }] });
    expect(typo?.reasons[0]?.code).toBe('match_reason_reference_typo');
    // One typo away but of another amount, from nobody known: no proposal at all.
    expect(book().propose(line(12_300, 'FACTURE FA2026000210'))).toEqual([]);
  });

  it('settles invoices minus a credit note the payer deducted without naming it', () => {
    const [best] = book().propose(line(120_000 + 45_000 - 5_000, 'FA2026000101 FA2026000102'));
    expect(best?.confidence).toBeGreaterThanOrEqual(90);
    expect(best?.allocations).toEqual([
      { invoiceId: 'm1', amountCents: 5_000, creditNoteId: 'mc' },
      { invoiceId: 'm1', amountCents: 115_000 },
      { invoiceId: 'm2', amountCents: 45_000 },
    ]);
  });

  it('keeps an overpayment unapplied and fills a partial payment oldest first, when the payer agrees', () => {
    const martin = { counterpartyName: 'BOULANGERIE MARTIN' };
    expect(book().propose(line(121_000, 'FA-2026-000101', martin))[0]).toMatchObject({
      allocations: [{ invoiceId: 'm1', amountCents: 120_000 }],
      unappliedCents: 1_000,
      confidence: 91,
    });
    expect(book().propose(line(130_000, 'FA-2026-000101 FA-2026-000102', martin))[0]).toMatchObject(
      {
        allocations: [
          { invoiceId: 'm1', amountCents: 120_000 },
          { invoiceId: 'm2', amountCents: 10_000 },
        ],
        unappliedCents: 0,
        confidence: 92,
      },
    );
    // From nobody known, a number with another amount may be another invoice's: not sure.
    expect(book().propose(line(121_000, 'FA-2026-000101'))[0]?.confidence).toBe(85);
  });

  it('reads a number split by a space, padded with zeros, or joined to others by slashes', () => {
    // Joined again, it is the number as stored.
    expect(book().propose(line(120_000, 'FA-2026-000 101'))[0]).toMatchObject({
      allocations: [{ invoiceId: 'm1' }],
      confidence: 99,
    });
    expect(book().propose(line(120_000, 'FA-2026-00000101'))[0]).toMatchObject({
      allocations: [{ invoiceId: 'm1' }],
      confidence: 97,
    });
    expect(book().propose(line(165_000, 'FA-2026-000101/FA-2026-000102'))[0]).toMatchObject({
      allocations: [{ invoiceId: 'm1' }, { invoiceId: 'm2' }],
      confidence: 99,
    });
  });

  it('finds the payer by a known IBAN and the invoice by its amount, or a sum of them', () => {
    const known = book([{ iban: MARTIN_IBAN, customerId: 'martin' }]);
    const payer = { counterpartyIban: MARTIN_IBAN };
    expect(known.propose(line(45_000, 'VIREMENT', payer))[0]).toMatchObject({
      allocations: [{ invoiceId: 'm2', amountCents: 45_000 }],
      confidence: 95,
    });
    // Two invoices of 300 €: the oldest, but not sure enough to apply alone.
    expect(known.propose(line(30_000, 'VIREMENT', payer))[0]).toMatchObject({
      allocations: [{ invoiceId: 'm3' }],
      confidence: 80,
    });
    expect(known.propose(line(165_000, 'VIREMENT', payer))[0]).toMatchObject({
      allocations: [
        { invoiceId: 'm1', amountCents: 120_000 },
        { invoiceId: 'm2', amountCents: 45_000 },
      ],
      confidence: 92,
    });
  });

  it('doubts a number whose invoice belongs to another customer than the known IBAN’s', () => {
    const known = book([{ iban: MARTIN_IBAN, customerId: 'martin' }]);
    const [best] = known.propose(line(99_900, 'FA-2026-000201', { counterpartyIban: MARTIN_IBAN }));
    expect(best).toMatchObject({ customerId: 'dupont', confidence: 95 });
    expect(best?.reasons.map((reason) => reason.code)).toContain(
      'match_reason_iban_other_customer',
    );
  });

  it('does not settle twice what an earlier line of the run settled, and learns the IBAN', () => {
    const matches = book();
    const [first] = matches.propose(
      line(120_000, 'FA-2026-000101', { counterpartyIban: MARTIN_IBAN }),
    );
    if (first === undefined) {
      throw new Error('no proposal');
    }
    matches.consume(first, MARTIN_IBAN);
    expect(matches.propose(line(120_000, 'FA-2026-000101'))).toEqual([]);
    expect([...matches.customersOfIban(MARTIN_IBAN)]).toEqual(['martin']);
  });
});

describe('a number one typo from the truth and equal to another invoice’s', () => {
  it('does not settle the other customer’s invoice on the number alone', () => {
    const matches = new MatchBook({
      currency: 'EUR',
      customers: [
        { id: 'hoarau', code: 'C1', name: 'Hoarau Isolation SA' },
        { id: 'other', code: 'C2', name: 'Menuiserie Blanc SARL' },
      ],
      openItems: [
        item('h1', 'hoarau', 'FA-2026-752887', 281_750, '2026-02-04'),
        item('o1', 'other', 'FA-2026-075287', 218_741, '2026-02-04'),
      ],
      payerAccounts: [],
    });
    // The payer dropped a digit of FA-2026-752887; padded, it reads as FA-2026-075287.
    const proposals = matches.propose(
      line(281_750, 'REGLT FA-2026-75287', { counterpartyName: 'HOARAU ISOLATION SA' }),
    );
    const other = proposals.find((proposal) => proposal.customerId === 'other');
    expect(other?.confidence).toBeLessThan(90);
    expect(proposals[0]?.customerId).toBe('hoarau');
  });
});

describe('settle', () => {
  it('gives the credit notes to the oldest invoices first, then the cash, the rest unapplied', () => {
    const invoices = [
      item('b', 'x', 'F2', 100, '2026-02-02'),
      item('a', 'x', 'F1', 50, '2026-02-01'),
    ];
    const credit = item('c', 'x', 'A1', 70, '2026-01-01', 'credit_note');
    expect(settle(invoices, [credit], cents(100), (entry) => entry.openCents)).toEqual({
      allocations: [
        { invoiceId: 'a', amountCents: 50, creditNoteId: 'c' },
        { invoiceId: 'b', amountCents: 20, creditNoteId: 'c' },
        { invoiceId: 'b', amountCents: 80 },
      ],
      unappliedCents: 20,
    });
  });
});
