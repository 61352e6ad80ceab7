import { describe, expect, it } from 'vitest';
import { calendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import { demoExportRows, nationalPhone } from './export-rows.ts';
import type { DemoBatch, DemoCustomer, DemoInvoice, DemoPayment } from './generate.ts';

const customer: DemoCustomer = {
  id: 'cust-1',
  code: 'C00001',
  legalName: 'Transports Moreau SARL',
  siren: '732829320',
  siret: '73282932000074',
  vatNumber: 'FR44732829320',
  billingAddressLine1: '12 rue de la Paix',
  billingPostalCode: '69002',
  billingCity: 'Lyon',
  billingCountry: 'FR',
  paymentTerms: 'eom:45',
  paymentMethod: 'transfer',
  depositBps: 1250,
  creditLimitCents: cents(1_500_000),
  salesRep: 'Claire Vasseur',
  riskCategory: 'high',
  status: 'active',
  profile: 'slightly_late',
  contacts: [
    {
      id: 'k1',
      role: 'management',
      name: 'Paul Moreau',
      email: 'p.moreau@moreau.fr',
      phone: '+33 6 11 22 33 44',
    },
    {
      id: 'k2',
      role: 'accounts_payable',
      name: 'Anne Roux',
      email: 'compta@moreau.fr',
      phone: '+33 4 72 12 34 56',
    },
  ],
};

function invoice(
  id: string,
  kind: DemoInvoice['kind'],
  number: string,
  amount: number,
  open: number,
): DemoInvoice {
  return {
    id,
    customerId: customer.id,
    kind,
    number,
    issueDate: calendarDate('2026-01-10'),
    dueDate: calendarDate(kind === 'invoice' ? '2026-02-28' : '2026-01-10'),
    amountCents: cents(amount),
    currency: 'EUR',
    openCents: cents(open),
    status: open === 0 ? 'paid' : open === amount ? 'open' : 'partially_paid',
  };
}

function payment(id: string, reference: string, amount: number, unapplied: number): DemoPayment {
  return {
    id,
    customerId: customer.id,
    reference,
    receivedOn: calendarDate('2026-03-02'),
    amountCents: cents(amount),
    currency: 'EUR',
    unappliedCents: cents(unapplied),
    method: 'transfer',
  };
}

// FA-1 (1,000.00) is settled by the credit note AV-1 (200.00) and 800.00 of VIR-A; VIR-A
// also pays 400.00 of FA-2 and leaves 100.00 unapplied; VIR-B pays FA-3 alone; VIR-C is
// cash nobody has matched yet.
const batch: DemoBatch = {
  customers: [customer],
  invoices: [
    invoice('i1', 'invoice', 'FA-2026-000001', 100_000, 0),
    invoice('cn1', 'credit_note', 'AV-2026-000001', 20_000, 0),
    invoice('i2', 'invoice', 'FA-2026-000002', 50_000, 10_000),
    invoice('i3', 'invoice', 'FA-2026-000003', 30_000, 0),
  ],
  payments: [
    payment('p1', 'VIR-20260302-0000001', 130_000, 10_000),
    payment('p2', 'VIR-20260302-0000002', 30_000, 0),
    payment('p3', 'VIR-20260302-0000003', 5_000, 5_000),
  ],
  allocations: [
    {
      id: 'a1',
      invoiceId: 'i1',
      paymentId: 'p1',
      creditNoteId: null,
      amountCents: cents(80_000),
      allocatedOn: calendarDate('2026-03-02'),
    },
    {
      id: 'a2',
      invoiceId: 'i2',
      paymentId: 'p1',
      creditNoteId: null,
      amountCents: cents(40_000),
      allocatedOn: calendarDate('2026-03-02'),
    },
    {
      id: 'a3',
      invoiceId: 'i1',
      paymentId: null,
      creditNoteId: 'cn1',
      amountCents: cents(20_000),
      allocatedOn: calendarDate('2026-01-10'),
    },
    {
      id: 'a4',
      invoiceId: 'i3',
      paymentId: 'p2',
      creditNoteId: null,
      amountCents: cents(30_000),
      allocatedOn: calendarDate('2026-03-02'),
    },
  ],
};

describe('demoExportRows', () => {
  const rows = demoExportRows(batch);

  it('writes a customer with its billing-side contact, a national phone number and decimal amounts', () => {
    expect(rows.customers).toEqual([
      [
        'C00001',
        'Transports Moreau SARL',
        '732829320',
        '73282932000074',
        'FR44732829320',
        '12 rue de la Paix',
        '69002',
        'Lyon',
        'FR',
        'eom:45',
        'transfer',
        'compta@moreau.fr',
        '04 72 12 34 56',
        'Anne Roux',
        'Claire Vasseur',
        'high',
        'active',
        '15000.00',
        '12.50',
      ],
    ]);
  });

  it('writes invoices and credit notes with positive amounts and their kind', () => {
    expect(rows.invoices).toEqual([
      ['FA-2026-000001', 'C00001', '2026-01-10', '2026-02-28', '1000.00', 'EUR', 'invoice'],
      ['AV-2026-000001', 'C00001', '2026-01-10', '2026-01-10', '200.00', 'EUR', 'credit_note'],
      ['FA-2026-000002', 'C00001', '2026-01-10', '2026-02-28', '500.00', 'EUR', 'invoice'],
      ['FA-2026-000003', 'C00001', '2026-01-10', '2026-02-28', '300.00', 'EUR', 'invoice'],
    ]);
  });

  it('splits a payment into one line per invoice it settles plus one for its unapplied cash', () => {
    expect(rows.payments).toEqual([
      [
        'VIR-20260302-0000001/1',
        'C00001',
        '2026-03-02',
        '800.00',
        'EUR',
        'FA-2026-000001',
        'transfer',
      ],
      [
        'VIR-20260302-0000001/2',
        'C00001',
        '2026-03-02',
        '400.00',
        'EUR',
        'FA-2026-000002',
        'transfer',
      ],
      ['VIR-20260302-0000001/3', 'C00001', '2026-03-02', '100.00', 'EUR', '', 'transfer'],
      [
        'VIR-20260302-0000002',
        'C00001',
        '2026-03-02',
        '300.00',
        'EUR',
        'FA-2026-000003',
        'transfer',
      ],
      ['VIR-20260302-0000003', 'C00001', '2026-03-02', '50.00', 'EUR', '', 'transfer'],
    ]);
  });

  it('leaves a customer without contacts, credit limit or deposit with empty cells and 0.00', () => {
    const bare = demoExportRows({
      ...batch,
      customers: [{ ...customer, contacts: [], creditLimitCents: null, depositBps: 0 }],
    });
    expect(bare.customers[0]?.slice(11, 14)).toEqual(['', '', '']);
    expect(bare.customers[0]?.slice(17)).toEqual(['', '0.00']);
  });
});

describe('nationalPhone', () => {
  it.each([
    ['+33 4 72 12 34 56', '04 72 12 34 56'],
    ['+33 6 11 22 33 44', '06 11 22 33 44'],
    ['+32 2 555 12 12', '+32 2 555 12 12'],
    ['04 72 12 34 56', '04 72 12 34 56'],
  ])('writes %j as %j', (phone, expected) => {
    expect(nationalPhone(phone)).toBe(expected);
  });
});
