import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../shared/calendar-date.ts';
import type { Issue } from '../shared/errors.ts';
import { MAX_AMOUNT_CENTS, cents } from '../shared/money.ts';
import {
  MAX_ORDER_NUMBER_LENGTH,
  ORDER_STATUSES,
  applyOrderEvent,
  checkOrderInput,
  missingChecklistItems,
  orderFromCheck,
  orderExposure,
  type OrderChecklist,
  type OrderEvent,
  type OrderInput,
  type OrderStatus,
  type SalesOrder,
} from './orders.ts';

const TODAY = '2026-03-15' as CalendarDate;
const ORDERED_ON = '2026-03-01' as CalendarDate;
const CREATED_AT = new Date('2026-03-01T09:00:00Z');
const NOW = new Date('2026-03-15T10:30:00Z');

const ALL_CHECKED: OrderChecklist = {
  pricesAgreed: true,
  deliveryDateConfirmed: true,
  confirmationSent: true,
};

function orderInput(overrides: Partial<OrderInput> = {}): OrderInput {
  return {
    number: 'CDE-2026-0042',
    orderedOn: '2026-03-14' as CalendarDate,
    amountCents: 100_000,
    currency: 'EUR',
    expectedDeliveryOn: '2026-03-30' as CalendarDate,
    specialConditions: null,
    checklist: ALL_CHECKED,
    ...overrides,
  };
}

/** A validated order of 1 000,00 €, nothing invoiced yet. */
function orderOf(overrides: Partial<SalesOrder> = {}): SalesOrder {
  return {
    id: 'order-1',
    number: 'CDE-2026-0042',
    customerId: 'customer-1',
    orderedOn: ORDERED_ON,
    amountCents: cents(100_000),
    currency: 'EUR',
    invoicedCents: cents(0),
    expectedDeliveryOn: '2026-03-30' as CalendarDate,
    deliveredOn: null,
    specialConditions: null,
    checklist: ALL_CHECKED,
    status: 'validated',
    holdReason: null,
    prepaymentRequired: false,
    exceptionId: null,
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

function shapeOf(issue: Issue): [string, string] {
  return [issue.field, issue.code];
}

describe('checkOrderInput', () => {
  it.each<[string, Partial<OrderInput>, [string, string][]]>([
    ['a valid order', {}, []],
    ['an empty number', { number: '' }, [['number', 'order_number_invalid']]],
    ['a blank number', { number: '  \t ' }, [['number', 'order_number_invalid']]],
    ['the longest number', { number: 'N'.repeat(MAX_ORDER_NUMBER_LENGTH) }, []],
    // The length is the trimmed one: spaces around an ERP number are padding.
    ['the longest number, padded', { number: ` ${'N'.repeat(MAX_ORDER_NUMBER_LENGTH)} ` }, []],
    [
      'one character too long',
      { number: 'N'.repeat(MAX_ORDER_NUMBER_LENGTH + 1) },
      [['number', 'order_number_invalid']],
    ],
    ['one cent', { amountCents: 1 }, []],
    ['a zero amount', { amountCents: 0 }, [['amountCents', 'order_amount_not_positive']]],
    ['a negative amount', { amountCents: -100 }, [['amountCents', 'order_amount_not_positive']]],
    [
      'an amount not an integer',
      { amountCents: 100.5 },
      [['amountCents', 'order_amount_not_positive']],
    ],
    ['the largest amount', { amountCents: MAX_AMOUNT_CENTS }, []],
    [
      'an amount too large',
      { amountCents: MAX_AMOUNT_CENTS + 1 },
      [['amountCents', 'amount_too_large']],
    ],
    ['ordered today', { orderedOn: TODAY }, []],
    [
      'ordered tomorrow',
      { orderedOn: '2026-03-16' as CalendarDate },
      [['orderedOn', 'order_date_in_future']],
    ],
    ['delivery the day of the order', { expectedDeliveryOn: '2026-03-14' as CalendarDate }, []],
    [
      'delivery the day before the order',
      { expectedDeliveryOn: '2026-03-13' as CalendarDate },
      [['expectedDeliveryOn', 'order_delivery_before_order']],
    ],
    ['no delivery date', { expectedDeliveryOn: null }, []],
    [
      'all at once',
      {
        number: ' ',
        amountCents: 0,
        orderedOn: '2026-03-17' as CalendarDate,
        expectedDeliveryOn: '2026-03-16' as CalendarDate,
      },
      [
        ['number', 'order_number_invalid'],
        ['amountCents', 'order_amount_not_positive'],
        ['orderedOn', 'order_date_in_future'],
        ['expectedDeliveryOn', 'order_delivery_before_order'],
      ],
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(checkOrderInput(orderInput(overrides), TODAY).map(shapeOf)).toEqual(expected);
  });

  it('says how long a number may be', () => {
    expect(checkOrderInput(orderInput({ number: '' }), TODAY)[0]?.params).toEqual({ max: 60 });
  });

  it('says the largest order amount accepted', () => {
    const [issue] = checkOrderInput(orderInput({ amountCents: MAX_AMOUNT_CENTS + 1 }), TODAY);
    expect(issue?.message).not.toContain('{{');
  });
});

describe('missingChecklistItems', () => {
  it.each<[string, OrderChecklist, (keyof OrderChecklist)[]]>([
    ['all done', ALL_CHECKED, []],
    [
      'nothing done, in the checklist’s order',
      { pricesAgreed: false, deliveryDateConfirmed: false, confirmationSent: false },
      ['pricesAgreed', 'deliveryDateConfirmed', 'confirmationSent'],
    ],
    ['prices not agreed', { ...ALL_CHECKED, pricesAgreed: false }, ['pricesAgreed']],
    [
      'delivery date not confirmed',
      { ...ALL_CHECKED, deliveryDateConfirmed: false },
      ['deliveryDateConfirmed'],
    ],
    ['confirmation not sent', { ...ALL_CHECKED, confirmationSent: false }, ['confirmationSent']],
    [
      'the first and the last missing',
      { pricesAgreed: false, deliveryDateConfirmed: true, confirmationSent: false },
      ['pricesAgreed', 'confirmationSent'],
    ],
  ])('%s', (_name, checklist, expected) => {
    expect(missingChecklistItems(checklist)).toEqual(expected);
  });
});

describe('orderExposure', () => {
  // 1 000,00 € ordered, 400,00 € invoiced: the invoices carry 400,00 €, the order the rest.
  const EXPOSURES: Record<OrderStatus, number> = {
    pending_check: 0,
    validated: 60_000,
    held: 0,
    delivered: 60_000,
    invoiced: 0,
    cancelled: 0,
  };

  it.each(ORDER_STATUSES)('%s, 1 000,00 € ordered and 400,00 € invoiced', (status) => {
    expect(
      orderExposure({ status, amountCents: cents(100_000), invoicedCents: cents(40_000) }),
    ).toBe(EXPOSURES[status]);
  });

  it.each<[OrderStatus, number, number, number]>([
    ['validated', 100_000, 0, 100_000],
    ['delivered', 100_000, 0, 100_000],
    ['delivered', 100_000, 99_999, 1],
    ['validated', 100_000, 100_000, 0],
  ])('%s, %i ordered, %i invoiced → %i', (status, amount, invoiced, expected) => {
    expect(
      orderExposure({ status, amountCents: cents(amount), invoicedCents: cents(invoiced) }),
    ).toBe(expected);
  });
});

describe('applyOrderEvent', () => {
  const DELIVERED_ON = '2026-03-10' as CalendarDate;

  it.each<[string, Partial<SalesOrder>, OrderEvent, Partial<SalesOrder>]>([
    [
      'a validated order delivered',
      {},
      { kind: 'delivered', on: DELIVERED_ON },
      { status: 'delivered', deliveredOn: DELIVERED_ON },
    ],
    [
      'delivered the day it was ordered',
      {},
      { kind: 'delivered', on: ORDERED_ON },
      { status: 'delivered', deliveredOn: ORDERED_ON },
    ],
    [
      'a validated order partly invoiced',
      {},
      { kind: 'invoiced', invoicedCents: 40_000 },
      { invoicedCents: cents(40_000) },
    ],
    [
      'a delivered order partly invoiced',
      { status: 'delivered', deliveredOn: DELIVERED_ON },
      { kind: 'invoiced', invoicedCents: 40_000 },
      { invoicedCents: cents(40_000) },
    ],
    [
      'a validated order invoiced in full',
      {},
      { kind: 'invoiced', invoicedCents: 100_000 },
      { status: 'invoiced', invoicedCents: cents(100_000) },
    ],
    [
      'a delivered order invoiced for the rest',
      { status: 'delivered', deliveredOn: DELIVERED_ON, invoicedCents: cents(40_000) },
      { kind: 'invoiced', invoicedCents: 100_000 },
      { status: 'invoiced', invoicedCents: cents(100_000) },
    ],
    [
      'invoicing the same cumulated amount again',
      { invoicedCents: cents(40_000) },
      { kind: 'invoiced', invoicedCents: 40_000 },
      {},
    ],
    [
      'a pending order cancelled',
      { status: 'pending_check' },
      { kind: 'cancelled' },
      { status: 'cancelled' },
    ],
    ['a validated order cancelled', {}, { kind: 'cancelled' }, { status: 'cancelled' }],
    [
      'a held order cancelled: its hold reason goes',
      { status: 'held', holdReason: 'over_limit' },
      { kind: 'cancelled' },
      { status: 'cancelled', holdReason: null },
    ],
    [
      'a delivered order partly invoiced cancelled',
      { status: 'delivered', deliveredOn: DELIVERED_ON, invoicedCents: cents(40_000) },
      { kind: 'cancelled' },
      { status: 'cancelled' },
    ],
  ])('%s', (_name, from, event, changes) => {
    const order = orderOf(from);
    expect(applyOrderEvent(order, event, NOW)).toEqual({
      ok: true,
      order: { ...order, ...changes, updatedAt: NOW },
    });
    // The order given is left as it was.
    expect(order).toEqual(orderOf(from));
  });

  it.each<[string, Partial<SalesOrder>, OrderEvent, Pick<Issue, 'field' | 'code' | 'params'>]>([
    ...(['pending_check', 'held', 'delivered', 'invoiced', 'cancelled'] as const).map(
      (
        status,
      ): [string, Partial<SalesOrder>, OrderEvent, Pick<Issue, 'field' | 'code' | 'params'>] => [
        `delivering an order ${status}`,
        { status },
        { kind: 'delivered', on: DELIVERED_ON },
        { field: 'status', code: 'order_not_deliverable', params: { status } },
      ],
    ),
    [
      'delivered before it was ordered',
      {},
      { kind: 'delivered', on: '2026-02-28' as CalendarDate },
      { field: 'deliveredOn', code: 'order_delivery_before_order', params: {} },
    ],
    ...(['pending_check', 'held', 'invoiced', 'cancelled'] as const).map(
      (
        status,
      ): [string, Partial<SalesOrder>, OrderEvent, Pick<Issue, 'field' | 'code' | 'params'>] => [
        `invoicing an order ${status}`,
        { status },
        { kind: 'invoiced', invoicedCents: 40_000 },
        { field: 'status', code: 'order_not_invoiceable', params: { status } },
      ],
    ),
    [
      'invoiced cumulated amount below the current one',
      { invoicedCents: cents(40_000) },
      { kind: 'invoiced', invoicedCents: 39_999 },
      {
        field: 'invoicedCents',
        code: 'order_invoiced_out_of_range',
        params: { min: 40_000, max: 100_000 },
      },
    ],
    [
      'invoiced more than ordered',
      {},
      { kind: 'invoiced', invoicedCents: 100_001 },
      {
        field: 'invoicedCents',
        code: 'order_invoiced_out_of_range',
        params: { min: 0, max: 100_000 },
      },
    ],
    [
      'invoiced amount not an integer',
      {},
      { kind: 'invoiced', invoicedCents: 400.5 },
      {
        field: 'invoicedCents',
        code: 'order_invoiced_out_of_range',
        params: { min: 0, max: 100_000 },
      },
    ],
    [
      'cancelling an invoiced order',
      { status: 'invoiced', invoicedCents: cents(100_000) },
      { kind: 'cancelled' },
      { field: 'status', code: 'order_not_cancellable', params: { status: 'invoiced' } },
    ],
    [
      'cancelling a cancelled order',
      { status: 'cancelled' },
      { kind: 'cancelled' },
      { field: 'status', code: 'order_not_cancellable', params: { status: 'cancelled' } },
    ],
  ])('refused: %s', (_name, from, event, expected) => {
    const result = applyOrderEvent(orderOf(from), event, NOW);
    expect(
      result.ok
        ? result
        : { field: result.issue.field, code: result.issue.code, params: result.issue.params },
    ).toEqual(expected);
  });
});

describe('orderFromCheck', () => {
  const received = {
    number: ' CMD-9 ',
    customerId: 'cust-1',
    orderedOn: '2026-03-14' as CalendarDate,
    amountCents: 150_000,
    currency: 'EUR',
    expectedDeliveryOn: null,
    specialConditions: null,
    checklist: { pricesAgreed: true, deliveryDateConfirmed: false, confirmationSent: false },
  };
  const now = new Date('2026-03-15T11:00:00Z');

  it('validates an accepted order with the exception that made room', () => {
    expect(
      orderFromCheck(
        received,
        { decision: 'accept', reasons: [], usedExceptionIds: ['exc-1', 'exc-2'] },
        'ord-1',
        now,
      ),
    ).toMatchObject({
      id: 'ord-1',
      number: 'CMD-9',
      status: 'validated',
      holdReason: null,
      exceptionId: 'exc-1',
      invoicedCents: 0,
      deliveredOn: null,
    });
  });

  it('holds a refused order with its most serious reason', () => {
    expect(
      orderFromCheck(
        received,
        { decision: 'hold', reasons: ['on_hold', 'over_limit'], usedExceptionIds: [] },
        'ord-2',
        now,
      ),
    ).toMatchObject({ status: 'held', holdReason: 'on_hold', exceptionId: null });
  });
});
