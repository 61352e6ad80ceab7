/**
 * The HTTP contract of credit management (`/api/credit-check`, `/api/customers/:id/credit…`,
 * `/api/orders`, `/api/credit/…`): the check, a customer's credit, limits, exceptions, holds,
 * orders and the policy. Amounts are integer minor units; thresholds basis points.
 */
import { z } from 'zod';
import { ZCalendarDate, ZCents, ZCurrency, ZId } from '../shared/schemas.ts';
import { OPENING_ITEM_CODES } from './account-opening.ts';
import { HOLD_REASONS, LIMIT_COVERS } from './model.ts';
import { HOLD_SOURCES, MAX_ORDER_NUMBER_LENGTH, ORDER_STATUSES } from './orders.ts';

export const ZHoldReason = z.enum(HOLD_REASONS).meta({
  id: 'CreditHoldReason',
  description:
    'customer_closed, account_not_opened (a prospect), in_litigation, on_hold (credit hold), currency_not_covered (the limit is in another currency), limit_expired, limit_not_started, no_limit (none decided and the policy holds), over_limit',
});
export const ZCheckNotice = z
  .enum(['review_due', 'alert_threshold', 'exception_used', 'no_limit'])
  .meta({ id: 'CreditCheckNotice' });
export const ZOrderStatus = z.enum(ORDER_STATUSES).meta({ id: 'OrderStatus' });
export const ZLimitCover = z.enum(LIMIT_COVERS).meta({ id: 'CreditLimitCover' });

const ZEntity = z
  .union([
    z.object({ kind: z.literal('siren'), siren: z.string() }),
    z.object({ kind: z.literal('account'), customerId: ZId }),
  ])
  .meta({
    id: 'CreditEntity',
    description:
      'The legal entity: its SIREN (shared by its accounts), or one account without a SIREN',
  });

const ZExposure = z
  .object({
    currency: z.string(),
    openItemsCents: ZCents.meta({ description: 'Open invoices less open credit notes' }),
    ordersCents: ZCents.meta({
      description: 'What remains to invoice of validated and delivered orders',
    }),
    unappliedCashCents: ZCents.meta({ description: 'Payments received, not yet allocated' }),
    totalCents: ZCents.meta({ description: 'open items + orders − unapplied cash' }),
  })
  .meta({ id: 'CreditExposure' });

export const ZCreditCheckRequest = z
  .object({
    customerId: ZId.optional(),
    customerCode: z.string().trim().min(1).max(40).optional(),
    amountCents: z
      .number()
      .int()
      .meta({ description: 'The order’s amount incl. tax, more than 0' }),
    currency: ZCurrency.optional().meta({ description: 'The limit’s currency by default' }),
    orderNumber: z.string().max(MAX_ORDER_NUMBER_LENGTH).optional().meta({
      description:
        'An order already received: its own exception counts, its amount is not added twice',
    }),
  })
  .refine((body) => (body.customerId === undefined) !== (body.customerCode === undefined), {
    message: 'Give customerId or customerCode, one of them',
    path: ['customerCode'],
  })
  .meta({ id: 'CreditCheckRequest' });

export const ZCreditCheckAnswer = z
  .object({
    decision: z.enum(['accept', 'hold']),
    reasons: z
      .array(ZHoldReason)
      .meta({ description: 'Why it holds, most serious first; empty on accept' }),
    notices: z.array(ZCheckNotice),
    customer: z.object({ id: ZId, code: z.string(), name: z.string() }),
    entity: ZEntity,
    currency: z.string(),
    exposure: ZExposure,
    exposureAfterCents: ZCents,
    limitCents: ZCents.nullable().meta({ description: 'null: no limit in this currency' }),
    limitSource: z.enum(['decision', 'import', 'account']).nullable(),
    exceptionCents: ZCents,
    blockAtCents: ZCents.nullable(),
    availableCents: ZCents.nullable(),
    uncoveredCents: ZCents,
    usedExceptionIds: z.array(ZId),
    today: ZCalendarDate,
  })
  .meta({ id: 'CreditCheckAnswer' });

const ZDecider = z.object({ id: ZId.nullable(), name: z.string().nullable() }).nullable();

const ZLimit = z
  .object({
    id: ZId.nullable().meta({ description: 'null: the figure typed on the record, never decided' }),
    amountCents: ZCents,
    currency: z.string(),
    coveredCents: ZCents,
    cover: ZLimitCover.nullable(),
    validFrom: ZCalendarDate,
    reviewOn: ZCalendarDate.nullable(),
    expiresOn: ZCalendarDate.nullable(),
    source: z.enum(['decision', 'import', 'account']),
    authorityLevel: z.number().int().nullable(),
    decidedBy: ZDecider,
    reason: z.string().nullable(),
    state: z.enum(['in_force', 'not_started', 'expired']),
  })
  .meta({ id: 'CreditLimit' });

const ZException = z
  .object({
    id: ZId,
    amountCents: ZCents,
    currency: z.string(),
    expiresOn: ZCalendarDate,
    orderId: ZId.nullable(),
    reason: z.string(),
    authorityLevel: z.number().int(),
    grantedBy: ZDecider,
    grantedOn: ZCalendarDate,
  })
  .meta({ id: 'CreditException' });

export const ZCustomerCredit = z
  .object({
    entity: ZEntity,
    accounts: z.array(
      z.object({ id: ZId, code: z.string(), name: z.string(), status: z.string() }),
    ),
    limit: ZLimit.nullable(),
    history: z
      .array(ZLimit)
      .meta({ description: 'The entity’s decisions, newest first (20 at most)' }),
    exposures: z.array(ZExposure),
    usedBps: z.number().int().nullable().meta({
      description:
        'Exposure in the limit’s currency over the limit, in basis points; null without a limit',
    }),
    level: z.enum(['alert', 'block']).nullable(),
    policy: z.object({ alertBps: z.number().int(), blockBps: z.number().int() }),
    exceptions: z.array(ZException),
    holds: z.array(
      z.object({
        customerId: ZId,
        source: z.enum(HOLD_SOURCES),
        reason: z.string().nullable(),
        placedAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'CustomerCredit' });

export const ZDecideLimitRequest = z
  .object({
    amountCents: z.number().int().meta({ description: '0 is a zero limit (nothing on credit)' }),
    currency: ZCurrency.optional(),
    coveredCents: z.number().int().default(0),
    cover: ZLimitCover.nullable().default(null),
    validFrom: ZCalendarDate.optional(),
    reviewOn: ZCalendarDate.nullable().default(null),
    expiresOn: ZCalendarDate.nullable().default(null),
    reason: z.string().max(2000).nullable().default(null),
  })
  .meta({ id: 'DecideCreditLimitRequest' });

export const ZReviewOutcome = z
  .object({
    validatedOrderIds: z.array(ZId),
    holdsPlaced: z.array(ZId),
    holdsReleased: z.array(ZId),
    alertsRaised: z.array(z.enum(['alert', 'block'])),
  })
  .meta({ id: 'CreditReviewOutcome' });

export const ZGrantExceptionRequest = z
  .object({
    amountCents: z.number().int(),
    currency: ZCurrency.optional(),
    expiresOn: ZCalendarDate,
    reason: z.string().max(2000),
    orderId: ZId.optional().meta({ description: 'For this held order only' }),
  })
  .meta({ id: 'GrantCreditExceptionRequest' });

export const ZReasonRequest = z
  .object({ reason: z.string().max(2000) })
  .meta({ id: 'ReasonRequest' });

const ZChecklist = z.object({
  pricesAgreed: z.boolean().default(false),
  deliveryDateConfirmed: z.boolean().default(false),
  confirmationSent: z.boolean().default(false),
});

export const ZReceiveOrderRequest = z
  .object({
    number: z.string().max(200),
    customerId: ZId.optional(),
    customerCode: z.string().trim().min(1).max(40).optional(),
    orderedOn: ZCalendarDate,
    amountCents: z.number().int(),
    currency: ZCurrency.optional(),
    expectedDeliveryOn: ZCalendarDate.nullable().default(null),
    specialConditions: z.string().max(4000).nullable().default(null),
    checklist: ZChecklist.default({
      pricesAgreed: false,
      deliveryDateConfirmed: false,
      confirmationSent: false,
    }),
  })
  .refine((body) => (body.customerId === undefined) !== (body.customerCode === undefined), {
    message: 'Give customerId or customerCode, one of them',
    path: ['customerCode'],
  })
  .meta({ id: 'ReceiveOrderRequest' });

export const ZSalesOrder = z
  .object({
    id: ZId,
    number: z.string(),
    customerId: ZId,
    orderedOn: ZCalendarDate,
    amountCents: ZCents,
    currency: z.string(),
    invoicedCents: ZCents,
    remainingCents: ZCents.meta({ description: 'What it adds to the exposure now' }),
    expectedDeliveryOn: ZCalendarDate.nullable(),
    deliveredOn: ZCalendarDate.nullable(),
    specialConditions: z.string().nullable(),
    checklist: z.object({
      pricesAgreed: z.boolean(),
      deliveryDateConfirmed: z.boolean(),
      confirmationSent: z.boolean(),
    }),
    missingChecklist: z.array(
      z.enum(['pricesAgreed', 'deliveryDateConfirmed', 'confirmationSent']),
    ),
    status: ZOrderStatus,
    holdReason: z.union([ZHoldReason, z.literal('prepayment_required')]).nullable(),
    prepaymentRequired: z.boolean(),
    exceptionId: ZId.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'SalesOrder' });

export const ZReceivedOrder = z
  .object({
    order: ZSalesOrder,
    check: ZCreditCheckAnswer.omit({
      customer: true,
      entity: true,
      currency: true,
      exposure: true,
      limitSource: true,
      today: true,
    }),
  })
  .meta({ id: 'ReceivedOrder' });

export const ZOrderList = z.object({ items: z.array(ZSalesOrder) }).meta({ id: 'OrderList' });

export const ZListOrdersQuery = z.object({
  customerId: ZId.optional(),
  status: ZOrderStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ZOrderDeliveryRequest = z
  .object({ deliveredOn: ZCalendarDate })
  .meta({ id: 'OrderDeliveryRequest' });
export const ZOrderInvoicingRequest = z
  .object({
    invoicedCents: z.number().int().meta({ description: 'The cumulated amount invoiced so far' }),
    invoiceNumbers: z.array(z.string().max(60)).max(100).optional().meta({
      description:
        'The invoices (the ledger’s, of the customer’s entity) issued for it: the invoicing lag is measured on them, and the order’s documents are found from them',
    }),
  })
  .meta({ id: 'OrderInvoicingRequest' });
export const ZHeldOrderDecisionRequest = z
  .object({
    kind: z.enum(['prepayment', 'prepayment_received', 'refuse']),
    reason: z.string().max(2000),
  })
  .meta({ id: 'HeldOrderDecisionRequest' });

export const ZCreditPolicy = z
  .object({
    alertBps: z.number().int(),
    blockBps: z.number().int(),
    withoutLimit: z.enum(['accept', 'hold']),
    ceilings: z.object({
      collector: z.object({
        limitMaxCents: ZCents.nullable(),
        exceptionMaxCents: ZCents.nullable(),
      }),
      creditManager: z.object({
        limitMaxCents: ZCents.nullable(),
        exceptionMaxCents: ZCents.nullable(),
      }),
    }),
  })
  .meta({ id: 'CreditPolicy' });

export const ZCreditAlertList = z
  .object({
    items: z.array(
      z.object({
        id: ZId,
        entity: ZEntity,
        level: z.enum(['alert', 'block']),
        exposureCents: ZCents,
        limitCents: ZCents,
        currency: z.string(),
        raisedOn: ZCalendarDate,
      }),
    ),
  })
  .meta({ id: 'CreditAlertList' });

export const ZAccountOpening = z
  .object({
    status: z.string(),
    isComplete: z.boolean(),
    blockingMissing: z.array(z.enum(OPENING_ITEM_CODES)),
    items: z.array(
      z.object({
        code: z.enum(OPENING_ITEM_CODES),
        state: z.enum(['done', 'missing', 'warning']),
        blocking: z.boolean(),
        reason: z.string().optional(),
        params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      }),
    ),
  })
  .meta({ id: 'AccountOpening' });

export const ZActivationRequest = z
  .object({
    override: z
      .object({ reason: z.string().max(2000) })
      .optional()
      .meta({
        description:
          'Activate despite blocking items missing (administrators and credit managers), with a reason kept in the audit trail',
      }),
  })
  .meta({ id: 'ActivationRequest' });

export const ZInvoicingLagQuery = z.object({
  from: ZCalendarDate.optional().meta({ description: '90 days before `to` by default' }),
  to: ZCalendarDate.optional().meta({ description: 'Today by default' }),
});

const ZLagFigures = z.object({
  links: z
    .number()
    .int()
    .meta({ description: 'Invoices of delivered orders issued in the period' }),
  meanDays: z
    .number()
    .nullable()
    .meta({ description: 'Mean days from delivery to invoice, to a tenth' }),
  bands: z.array(z.object({ upToDays: z.number().int().nullable(), links: z.number().int() })),
});

export const ZInvoicingLag = z
  .object({
    from: ZCalendarDate,
    to: ZCalendarDate,
    overall: ZLagFigures,
    customers: z
      .array(ZLagFigures.extend({ customerId: ZId, code: z.string(), name: z.string() }))
      .meta({
        description: 'The 50 customers invoiced the latest after delivery, longest mean first',
      }),
  })
  .meta({ id: 'InvoicingLag' });
