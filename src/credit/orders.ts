/**
 * Orders from the ERP (issue 12, docs/credit.md « Orders »): what an order is, what may be
 * received, its validation checklist, and the moves of its status.
 *
 * Pure (HOUSE_STYLE §3).
 */
import type { CalendarDate } from '../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../shared/errors.ts';
import type { MessageCode } from '../shared/messages/catalogue.ts';
import { MAX_AMOUNT_CENTS, cents, toDecimalString, type Cents } from '../shared/money.ts';
import type { CreditCheckResult, HoldReason } from './model.ts';

/**
 * - `pending_check`: received, the check not made yet;
 * - `validated`: accepted by the check, or released by a decision: counts in the exposure;
 * - `held`: refused by the check, waiting for a decision (`holdReason`);
 * - `delivered`: shipped, still counting until invoiced;
 * - `invoiced`: invoiced in full, the invoices carry the exposure;
 * - `cancelled`: withdrawn by the ERP, or refused for good.
 */
export const ORDER_STATUSES = [
  'pending_check',
  'validated',
  'held',
  'delivered',
  'invoiced',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Why a customer is on credit hold: its exposure crossed the limit, a dunning step, a person. */
export const HOLD_SOURCES = ['over_limit', 'dunning', 'manual'] as const;
export type HoldSource = (typeof HOLD_SOURCES)[number];

/** The validation the issue asks of sales: prices and conditions, delivery date, confirmation. */
export type OrderChecklist = {
  pricesAgreed: boolean;
  deliveryDateConfirmed: boolean;
  confirmationSent: boolean;
};

export type SalesOrder = {
  id: string;
  number: string;
  customerId: string;
  orderedOn: CalendarDate;
  amountCents: Cents;
  currency: string;
  invoicedCents: Cents;
  expectedDeliveryOn: CalendarDate | null;
  deliveredOn: CalendarDate | null;
  specialConditions: string | null;
  checklist: OrderChecklist;
  status: OrderStatus;
  /** Why it is held; `prepayment_required` once the decision is « on prepayment ». */
  holdReason: HoldReason | 'prepayment_required' | null;
  prepaymentRequired: boolean;
  /** The exception that let it through, when one did. */
  exceptionId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** An order as the ERP sends it. */
export type OrderInput = {
  number: string;
  orderedOn: CalendarDate;
  amountCents: number;
  currency: string;
  expectedDeliveryOn: CalendarDate | null;
  specialConditions: string | null;
  checklist: OrderChecklist;
};

/** The longest order number we keep (ERP numbers are short; longer is a wrong column). */
export const MAX_ORDER_NUMBER_LENGTH = 60;

/**
 * The order as the check leaves it: validated when accepted, else held with the most serious
 * reason; the exception that made room, when one did. Nothing invoiced nor delivered yet.
 */
export function orderFromCheck(
  input: Omit<OrderInput, 'amountCents'> & { customerId: string; amountCents: number },
  check: Pick<CreditCheckResult, 'decision' | 'reasons' | 'usedExceptionIds'>,
  id: string,
  now: Date,
): SalesOrder {
  return {
    id,
    number: input.number.trim(),
    customerId: input.customerId,
    orderedOn: input.orderedOn,
    amountCents: cents(input.amountCents),
    currency: input.currency,
    invoicedCents: cents(0),
    expectedDeliveryOn: input.expectedDeliveryOn,
    deliveredOn: null,
    specialConditions: input.specialConditions,
    checklist: input.checklist,
    status: check.decision === 'accept' ? 'validated' : 'held',
    holdReason: check.reasons[0] ?? null,
    prepaymentRequired: false,
    exceptionId: check.usedExceptionIds[0] ?? null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Every problem of a received order at once. */
export function checkOrderInput(input: OrderInput, today: CalendarDate): Issue[] {
  const issues: Issue[] = [];
  const number = input.number.trim();
  if (number === '' || number.length > MAX_ORDER_NUMBER_LENGTH) {
    issues.push(fieldIssue('number', 'order_number_invalid', { max: MAX_ORDER_NUMBER_LENGTH }));
  }
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
    issues.push(fieldIssue('amountCents', 'order_amount_not_positive'));
  } else if (input.amountCents > MAX_AMOUNT_CENTS) {
    issues.push(
      fieldIssue('amountCents', 'amount_too_large', { max: toDecimalString(MAX_AMOUNT_CENTS) }),
    );
  }
  if (input.orderedOn > today) {
    issues.push(fieldIssue('orderedOn', 'order_date_in_future'));
  }
  if (input.expectedDeliveryOn !== null && input.expectedDeliveryOn < input.orderedOn) {
    issues.push(fieldIssue('expectedDeliveryOn', 'order_delivery_before_order'));
  }
  return issues;
}

/** What is missing of an order's validation checklist, in the checklist's order. */
export function missingChecklistItems(checklist: OrderChecklist): (keyof OrderChecklist)[] {
  return (['pricesAgreed', 'deliveryDateConfirmed', 'confirmationSent'] as const).filter(
    (item) => !checklist[item],
  );
}

/** What a live order adds to the exposure: what remains to invoice of it; 0 otherwise. */
export function orderExposure(
  order: Pick<SalesOrder, 'status' | 'amountCents' | 'invoicedCents'>,
): Cents {
  return order.status === 'validated' || order.status === 'delivered'
    ? cents(order.amountCents - order.invoicedCents)
    : cents(0);
}

/** Moves the ERP reports on an order after the check. */
export type OrderEvent =
  | { kind: 'delivered'; on: CalendarDate }
  | { kind: 'invoiced'; invoicedCents: number; invoiceNumbers?: readonly string[] | undefined }
  | { kind: 'cancelled' };

/**
 * The order after `event`, or the issue refusing it: delivery of a validated order only;
 * invoicing (cumulated amount, at most the order's) of a validated or delivered one, which
 * becomes `invoiced` once invoiced in full; cancelling anything not invoiced in full.
 */
export function applyOrderEvent(
  order: SalesOrder,
  event: OrderEvent,
  now: Date,
): { ok: true; order: SalesOrder } | { ok: false; issue: Issue } {
  const refused = (code: MessageCode, params: Record<string, string | number> = {}) => ({
    ok: false as const,
    issue: fieldIssue('status', code, { status: order.status, ...params }),
  });
  switch (event.kind) {
    case 'delivered':
      if (order.status !== 'validated') {
        return refused('order_not_deliverable');
      }
      if (event.on < order.orderedOn) {
        return { ok: false, issue: fieldIssue('deliveredOn', 'order_delivery_before_order') };
      }
      return {
        ok: true,
        order: { ...order, status: 'delivered', deliveredOn: event.on, updatedAt: now },
      };
    case 'invoiced': {
      if (order.status !== 'validated' && order.status !== 'delivered') {
        return refused('order_not_invoiceable');
      }
      if (
        !Number.isSafeInteger(event.invoicedCents) ||
        event.invoicedCents < order.invoicedCents ||
        event.invoicedCents > order.amountCents
      ) {
        return {
          ok: false,
          issue: fieldIssue('invoicedCents', 'order_invoiced_out_of_range', {
            min: order.invoicedCents,
            max: order.amountCents,
          }),
        };
      }
      const invoicedCents = cents(event.invoicedCents);
      return {
        ok: true,
        order: {
          ...order,
          invoicedCents,
          status: invoicedCents === order.amountCents ? 'invoiced' : order.status,
          updatedAt: now,
        },
      };
    }
    case 'cancelled':
      if (order.status === 'invoiced' || order.status === 'cancelled') {
        return refused('order_not_cancellable');
      }
      return {
        ok: true,
        order: { ...order, status: 'cancelled', holdReason: null, updatedAt: now },
      };
  }
}
