import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, calendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import {
  checkPromise,
  checkPromiseInput,
  countedWindow,
  keptRate,
  paidTowards,
  promiseDeadline,
  ratioBasisPoints,
  type InvoiceSettlement,
  type PromisableInvoice,
  type PromiseInput,
} from './model.ts';

const day = calendarDate;
const TODAY = day('2026-03-16');

/** 1 000,00 € promised for 20 March, 3 grace days, taken on 16 March. */
const PROMISE = {
  amountCents: cents(100_000),
  promisedOn: day('2026-03-20'),
  graceDays: 3,
  createdOn: TODAY,
  invoices: [{ invoiceId: 'f1' }, { invoiceId: 'f2' }],
};

describe('checkPromise', () => {
  it.each([
    // paid, today, fate
    [100_000, '2026-03-16', 'kept'], // paid in full on the day it was taken
    [100_000, '2026-03-19', 'kept'], // early
    [120_000, '2026-03-20', 'kept'], // more than promised
    [99_999, '2026-03-20', 'live'], // its day, not all paid: still live
    [0, '2026-03-23', 'live'], // the last grace day
    [100_000, '2026-03-23', 'kept'], // paid by the last grace day
    [0, '2026-03-24', 'broken'], // the day after the last grace day
    [1, '2026-03-24', 'partly_kept'],
    [99_999, '2026-04-30', 'partly_kept'],
    [100_000, '2026-04-30', 'kept'],
  ] as const)('paid %i, on %s: %s', (paid, today, fate) => {
    expect(checkPromise(PROMISE, cents(paid), day(today))).toBe(fate);
  });

  it('with no grace days, is broken the day after its day', () => {
    const strict = { ...PROMISE, graceDays: 0 };
    expect(checkPromise(strict, cents(0), day('2026-03-20'))).toBe('live');
    expect(checkPromise(strict, cents(0), day('2026-03-21'))).toBe('broken');
  });

  it('is kept whenever the amount is reached, and never live past its deadline', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 20_000_000 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: -30, max: 120 }),
        (amount, paid, graceDays, offset) => {
          const promise = { amountCents: cents(amount), promisedOn: TODAY, graceDays };
          const today = addDays(TODAY, offset);
          const expected =
            paid >= amount
              ? 'kept'
              : offset <= graceDays
                ? 'live'
                : paid > 0
                  ? 'partly_kept'
                  : 'broken';
          expect(checkPromise(promise, cents(paid), today)).toBe(expected);
        },
      ),
    );
  });
});

describe('paidTowards', () => {
  const settle = (invoiceId: string, on: string, amount: number): InvoiceSettlement => ({
    invoiceId,
    on: day(on),
    amountCents: cents(amount),
  });

  it('counts the covered invoices from the day it was taken to its deadline', () => {
    expect(countedWindow(PROMISE)).toEqual({ from: TODAY, to: day('2026-03-23') });
    expect(promiseDeadline(PROMISE)).toBe('2026-03-23');
    const settlements = [
      settle('f1', '2026-03-15', 5_000), // before the promise: not promised
      settle('f1', '2026-03-16', 10_000), // the day it was taken
      settle('f2', '2026-03-23', 20_000), // the last grace day
      settle('f2', '2026-03-24', 40_000), // too late
      settle('f3', '2026-03-18', 80_000), // another invoice
    ];
    expect(paidTowards(PROMISE, settlements)).toBe(30_000);
  });

  it('is the sum of the settlements inside the window, whatever their order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            invoiceId: fc.constantFrom('f1', 'f2', 'f3'),
            offset: fc.integer({ min: -10, max: 20 }),
            amount: fc.integer({ min: 1, max: 1_000_000 }),
          }),
        ),
        (entries) => {
          const settlements = entries.map((entry) => ({
            invoiceId: entry.invoiceId,
            on: addDays(TODAY, entry.offset),
            amountCents: cents(entry.amount),
          }));
          const expected = entries
            .filter((entry) => entry.invoiceId !== 'f3' && entry.offset >= 0 && entry.offset <= 7)
            .reduce((total, entry) => total + entry.amount, 0);
          expect(paidTowards(PROMISE, settlements)).toBe(expected);
          expect(paidTowards(PROMISE, settlements.toReversed())).toBe(expected);
        },
      ),
    );
  });
});

describe('checkPromiseInput', () => {
  const invoice = (overrides: Partial<PromisableInvoice> = {}): PromisableInvoice => ({
    id: 'f1',
    customerId: 'c1',
    kind: 'invoice',
    number: 'F-001',
    currency: 'EUR',
    openCents: cents(60_000),
    ...overrides,
  });
  const input = (overrides: Partial<PromiseInput> = {}): PromiseInput => ({
    customerId: 'c1',
    amountCents: 50_000,
    promisedOn: day('2026-03-20'),
    invoiceIds: ['f1'],
    channel: 'phone',
    ...overrides,
  });
  const codes = (given: PromiseInput, invoices: PromisableInvoice[] = [invoice()]) =>
    checkPromiseInput(given, TODAY, invoices).map((issue) => [issue.field, issue.code]);

  it('takes a promise on open invoices of the customer, for today up to a year ahead', () => {
    expect(codes(input())).toEqual([]);
    expect(codes(input({ promisedOn: TODAY }))).toEqual([]);
    expect(codes(input({ promisedOn: addDays(TODAY, 365), amountCents: 60_000 }))).toEqual([]);
    expect(codes(input({ graceDays: 0 }))).toEqual([]);
    expect(codes(input({ graceDays: 60 }))).toEqual([]);
  });

  it.each([
    [{ amountCents: 0 }, 'amountCents', 'promise_amount_not_positive'],
    [{ amountCents: -5 }, 'amountCents', 'promise_amount_not_positive'],
    [{ amountCents: 1.5 }, 'amountCents', 'promise_amount_not_positive'],
    [{ amountCents: 60_001 }, 'amountCents', 'promise_amount_above_open'],
    [{ promisedOn: day('2026-03-15') }, 'promisedOn', 'promise_date_past'],
    [{ promisedOn: addDays(TODAY, 366) }, 'promisedOn', 'promise_date_too_far'],
    [{ graceDays: -1 }, 'graceDays', 'promise_grace_out_of_range'],
    [{ graceDays: 61 }, 'graceDays', 'promise_grace_out_of_range'],
    [{ graceDays: 2.5 }, 'graceDays', 'promise_grace_out_of_range'],
    [{ invoiceIds: [] }, 'invoiceIds', 'promise_no_invoices'],
    [{ invoiceIds: ['f9'] }, 'invoiceIds[0]', 'promise_invoice_unknown'],
    [{ currency: 'USD' }, 'invoiceIds[0]', 'promise_invoice_currency'],
  ] as const)('refuses %o: %s %s', (overrides, field, code) => {
    expect(codes(input(overrides))).toEqual([[field, code]]);
  });

  it('refuses invoices of another customer, credit notes, settled ones, and mixed currencies', () => {
    const invoices = [
      invoice(),
      invoice({ id: 'f2', customerId: 'c2' }),
      invoice({ id: 'a1', kind: 'credit_note', number: 'A-001' }),
      invoice({ id: 'f3', number: 'F-003', openCents: cents(0) }),
      invoice({ id: 'f4', number: 'F-004', currency: 'USD' }),
    ];
    expect(codes(input({ invoiceIds: ['f1', 'f2', 'a1', 'f3', 'f4'] }), invoices)).toEqual([
      ['invoiceIds[1]', 'promise_invoice_unknown'],
      ['invoiceIds[2]', 'promise_not_an_invoice'],
      ['invoiceIds[3]', 'promise_invoice_not_open'],
      ['invoiceIds[4]', 'promise_invoice_currency'],
    ]);
  });

  it('reports every problem at once', () => {
    expect(codes(input({ amountCents: 0, promisedOn: day('2026-01-01'), invoiceIds: [] }))).toEqual(
      [
        ['amountCents', 'promise_amount_not_positive'],
        ['promisedOn', 'promise_date_past'],
        ['invoiceIds', 'promise_no_invoices'],
      ],
    );
  });
});

describe('keptRate', () => {
  const settled = (status: string, amount: number, paid: number, currency = 'EUR') => ({
    status: status as 'kept' | 'partly_kept' | 'broken' | 'live' | 'cancelled',
    amountCents: cents(amount),
    paidCents: cents(paid),
    currency,
  });

  it('counts kept promises over settled ones, and paid over promised amounts', () => {
    const rate = keptRate(
      [
        settled('kept', 100_000, 100_000),
        settled('kept', 50_000, 80_000), // paid more: counts as 50 000
        settled('partly_kept', 40_000, 10_000),
        settled('broken', 10_000, 0),
        settled('live', 999_999, 0), // not settled
        settled('cancelled', 999_999, 0), // withdrawn
        settled('kept', 30_000, 30_000, 'USD'), // counted, but not in euros
      ],
      'EUR',
    );
    expect(rate).toEqual({
      count: { kept: 3, partlyKept: 1, broken: 1, rate: 6_000 },
      amount: { currency: 'EUR', promisedCents: 200_000, paidCents: 160_000, rate: 8_000 },
    });
  });

  it('has no rate without a settled promise', () => {
    expect(keptRate([settled('live', 1, 0)], 'EUR')).toEqual({
      count: { kept: 0, partlyKept: 0, broken: 0, rate: null },
      amount: { currency: 'EUR', promisedCents: 0, paidCents: 0, rate: null },
    });
  });

  it('rounds half up, exactly, past 2^53 once scaled', () => {
    expect(ratioBasisPoints(1, 3)).toBe(3_333);
    expect(ratioBasisPoints(2, 3)).toBe(6_667);
    expect(ratioBasisPoints(1, 8)).toBe(1_250);
    expect(ratioBasisPoints(1, 80_000)).toBe(0); // 0.125 bp
    expect(ratioBasisPoints(1, 20_000)).toBe(1); // 0.5 bp, half up
    expect(ratioBasisPoints(999_999_999_999_999, 999_999_999_999_999)).toBe(10_000);
    expect(ratioBasisPoints(5, 0)).toBeNull();
  });
});
