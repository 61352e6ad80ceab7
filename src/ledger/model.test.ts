import { describe, expect, it } from 'vitest';
import { calendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import { planAllocations, reviseInvoice, type Invoice, type Payment } from './model.ts';

const invoice = (id: string, overrides: Partial<Invoice> = {}): Invoice => ({
  id,
  customerId: 'c1',
  kind: 'invoice',
  number: `FA-${id}`,
  issueDate: calendarDate('2026-01-05'),
  dueDate: calendarDate('2026-02-04'),
  amountCents: cents(250_000),
  currency: 'EUR',
  openCents: cents(150_000),
  status: 'partially_paid',
  ...overrides,
});

const payment = (id: string, unapplied: number): Payment => ({
  id,
  customerId: 'c1',
  reference: `VIR-${id}`,
  receivedOn: calendarDate('2026-02-01'),
  amountCents: cents(unapplied),
  currency: 'EUR',
  unappliedCents: cents(unapplied),
  method: 'transfer',
});

const ids = () => {
  let next = 0;
  return () => `a${(next += 1)}`;
};

const on = calendarDate('2026-02-10');

describe('reviseInvoice', () => {
  const stored = invoice('i1');
  const same = {
    customerId: stored.customerId,
    kind: stored.kind,
    number: stored.number,
    issueDate: stored.issueDate,
    dueDate: stored.dueDate,
    amountCents: stored.amountCents,
    currency: stored.currency,
  };

  it('leaves an identical item unchanged', () => {
    expect(reviseInvoice(stored, same)).toEqual({ outcome: 'unchanged' });
  });

  it('keeps what is allocated when the amount changes: 2,600.00 with 1,000.00 allocated leaves 1,600.00 open', () => {
    expect(reviseInvoice(stored, { ...same, amountCents: cents(260_000) })).toEqual({
      outcome: 'updated',
      after: { ...stored, amountCents: 260_000, openCents: 160_000, status: 'partially_paid' },
    });
  });

  it('refuses an amount below what is allocated, and moving an allocated item', () => {
    expect(reviseInvoice(stored, { ...same, amountCents: cents(99_999) })).toMatchObject({
      outcome: 'refused',
      issue: { field: 'amount', code: 'amount_below_allocated' },
    });
    expect(reviseInvoice(stored, { ...same, customerId: 'c2' })).toMatchObject({
      outcome: 'refused',
      issue: { field: 'customer_code', code: 'allocated_item_moved' },
    });
  });

  it('settles an item whose new amount equals what is allocated', () => {
    expect(reviseInvoice(stored, { ...same, amountCents: cents(100_000) })).toMatchObject({
      outcome: 'updated',
      after: { openCents: 0, status: 'paid' },
    });
  });
});

describe('planAllocations', () => {
  it('checks each request against what the earlier ones left: the second of two 1,000.00 on 1,500.00 open is refused', () => {
    const parties = {
      invoices: new Map([['i1', invoice('i1')]]),
      payments: new Map([['p1', payment('p1', 300_000)]]),
    };
    const request = { invoiceId: 'i1', paymentId: 'p1', amount: cents(100_000), allocatedOn: on };
    const plan = planAllocations([request, request], parties, ids());
    expect(plan.allocations).toEqual([
      {
        id: 'a1',
        invoiceId: 'i1',
        paymentId: 'p1',
        creditNoteId: null,
        amountCents: 100_000,
        allocatedOn: on,
        undoneAt: null,
        undoneOn: null,
        request: 0,
      },
    ]);
    expect(plan.rejected).toEqual([
      {
        request: 1,
        issues: [expect.objectContaining({ field: 'amount', code: 'exceeds_open_amount' })],
      },
    ]);
    expect(plan.invoices).toEqual([
      expect.objectContaining({ id: 'i1', openCents: 50_000, status: 'partially_paid' }),
    ]);
    expect(plan.payments).toEqual([expect.objectContaining({ id: 'p1', unappliedCents: 200_000 })]);
  });

  it('allocates "remaining" as the smaller of both open amounts, and skips it when nothing is left', () => {
    const parties = {
      invoices: new Map([
        ['i1', invoice('i1')],
        ['i2', invoice('i2', { openCents: cents(250_000), status: 'open' })],
      ]),
      payments: new Map([['p1', payment('p1', 200_000)]]),
    };
    const plan = planAllocations(
      [
        { invoiceId: 'i1', paymentId: 'p1', amount: 'remaining', allocatedOn: on },
        { invoiceId: 'i2', paymentId: 'p1', amount: 'remaining', allocatedOn: on },
        { invoiceId: 'i1', paymentId: 'p1', amount: 'remaining', allocatedOn: on },
      ],
      parties,
      ids(),
    );
    expect(plan.allocations.map((a) => [a.invoiceId, a.amountCents])).toEqual([
      ['i1', 150_000],
      ['i2', 50_000],
    ]);
    expect(plan.skipped).toEqual([2]);
    expect(plan.payments).toEqual([expect.objectContaining({ unappliedCents: 0 })]);
  });

  it('allocates "remaining" up to what a request says at most', () => {
    const parties = {
      invoices: new Map([['i1', invoice('i1')]]),
      payments: new Map([['p1', payment('p1', 200_000)]]),
    };
    const plan = planAllocations(
      [
        {
          invoiceId: 'i1',
          paymentId: 'p1',
          amount: 'remaining',
          atMost: cents(60_000),
          allocatedOn: on,
        },
        {
          invoiceId: 'i1',
          paymentId: 'p1',
          amount: 'remaining',
          atMost: cents(500_000),
          allocatedOn: on,
        },
      ],
      parties,
      ids(),
    );
    expect(plan.allocations.map((a) => a.amountCents)).toEqual([60_000, 90_000]);
  });

  it('lowers both the invoice and the credit note it draws on', () => {
    const parties = {
      invoices: new Map([
        ['i1', invoice('i1')],
        [
          'cn1',
          invoice('cn1', {
            kind: 'credit_note',
            amountCents: cents(30_000),
            openCents: cents(30_000),
            status: 'open',
          }),
        ],
      ]),
      payments: new Map<string, Payment>(),
    };
    const plan = planAllocations(
      [{ invoiceId: 'i1', creditNoteId: 'cn1', amount: cents(30_000), allocatedOn: on }],
      parties,
      ids(),
    );
    expect(plan.invoices.map((i) => [i.id, i.openCents, i.status])).toEqual([
      ['i1', 120_000, 'partially_paid'],
      ['cn1', 0, 'paid'],
    ]);
  });

  it('refuses, with every reason, a request whose parties are missing or ambiguous', () => {
    const parties = { invoices: new Map<string, Invoice>(), payments: new Map<string, Payment>() };
    const plan = planAllocations(
      [
        { invoiceId: 'x', paymentId: 'p9', amount: cents(1), allocatedOn: on },
        { invoiceId: 'x', amount: cents(1), allocatedOn: on },
      ],
      parties,
      ids(),
    );
    expect(plan.rejected.map((r) => r.issues.map((issue) => [issue.field, issue.code]))).toEqual([
      [
        ['invoiceId', 'invoice_not_found'],
        ['paymentId', 'payment_not_found'],
      ],
      [
        ['invoiceId', 'invoice_not_found'],
        ['paymentId', 'one_source'],
      ],
    ]);
  });
});
