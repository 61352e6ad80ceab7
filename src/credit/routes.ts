/**
 * Credit management over HTTP (docs/credit.md, docs/api.md): the ERP's credit check and
 * orders, a customer's credit, the decisions (limit, exception, hold), the policy and the
 * alerts. Thin: parse, call one use case, map to the answer's schema.
 */
import { z } from 'zod';
import type { Deps } from '../app/deps.ts';
import { answer, problems } from '../http/openapi.ts';
import type { App } from '../http/types.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import { ZId } from '../shared/schemas.ts';
import { checkCreditForOrder } from './check.ts';
import {
  decideCreditLimit,
  grantCreditException,
  placeCreditHold,
  releaseCreditHold,
} from './decisions.ts';
import type { CreditPolicy } from './model.ts';
import {
  decideHeldOrder,
  getOrder,
  listOrders,
  receiveOrder,
  recordOrderEvent,
} from './order-service.ts';
import { missingChecklistItems, orderExposure, type SalesOrder } from './orders.ts';
import type { OpeningChecklist } from './account-opening.ts';
import { getInvoicingLag } from './invoicing-lag-service.ts';
import { reviewCreditExposures } from './review-run.ts';
import { activateCustomer, getAccountOpening } from './opening-service.ts';
import {
  ZAccountOpening,
  ZActivationRequest,
  ZCreditAlertList,
  ZCreditCheckAnswer,
  ZCreditCheckRequest,
  ZCreditPolicy,
  ZCustomerCredit,
  ZDecideLimitRequest,
  ZGrantExceptionRequest,
  ZHeldOrderDecisionRequest,
  ZInvoicingLag,
  ZInvoicingLagQuery,
  ZListOrdersQuery,
  ZOrderDeliveryRequest,
  ZOrderInvoicingRequest,
  ZOrderList,
  ZReasonRequest,
  ZReceiveOrderRequest,
  ZReceivedOrder,
  ZReviewOutcome,
  ZSalesOrder,
} from './schemas.ts';
import {
  getCreditPolicy,
  getCustomerCredit,
  listCreditAlerts,
  updateCreditPolicy,
  type CustomerCredit,
} from './service.ts';

const ZIdParams = z.object({ id: ZId });
const tags = ['credit'];

function presentOrder(order: SalesOrder): z.infer<typeof ZSalesOrder> {
  return {
    id: order.id,
    number: order.number,
    customerId: order.customerId,
    orderedOn: order.orderedOn,
    amountCents: order.amountCents,
    currency: order.currency,
    invoicedCents: order.invoicedCents,
    remainingCents: orderExposure(order),
    expectedDeliveryOn: order.expectedDeliveryOn,
    deliveredOn: order.deliveredOn,
    specialConditions: order.specialConditions,
    checklist: order.checklist,
    missingChecklist: missingChecklistItems(order.checklist),
    status: order.status,
    holdReason: order.holdReason,
    prepaymentRequired: order.prepaymentRequired,
    exceptionId: order.exceptionId,
    createdAt: order.createdAt.toISOString(),
  };
}

function presentCredit(credit: CustomerCredit): z.infer<typeof ZCustomerCredit> {
  const limitOf = (limit: NonNullable<CustomerCredit['limit']>) => ({
    id: limit.id,
    amountCents: limit.amountCents,
    currency: limit.currency,
    coveredCents: limit.coveredCents,
    cover: limit.cover,
    validFrom: limit.validFrom,
    reviewOn: limit.reviewOn,
    expiresOn: limit.expiresOn,
    source: limit.source,
    authorityLevel: limit.authorityLevel,
    decidedBy: limit.decidedBy,
    reason: limit.reason,
    state: limit.state,
  });
  return {
    entity: credit.entity,
    accounts: credit.accounts.map((account) => ({
      id: account.id,
      code: account.code,
      name: account.legalName,
      status: account.status,
    })),
    limit: credit.limit === null ? null : limitOf(credit.limit),
    history: credit.history.map(limitOf),
    exposures: credit.exposures,
    usedBps: credit.usedBps,
    level: credit.level,
    policy: { alertBps: credit.policy.alertBps, blockBps: credit.policy.blockBps },
    exceptions: credit.exceptions.map((exception) => ({
      id: exception.id,
      amountCents: exception.amountCents,
      currency: exception.currency,
      expiresOn: exception.expiresOn,
      orderId: exception.orderId,
      reason: exception.reason,
      authorityLevel: exception.authorityLevel,
      grantedBy: exception.grantedBy,
      grantedOn: exception.grantedOn,
    })),
    holds: credit.holds.map((hold) => ({
      customerId: hold.customerId,
      source: hold.source,
      reason: hold.reason,
      placedAt: hold.placedAt.toISOString(),
    })),
  };
}

function presentPolicy(policy: CreditPolicy): z.infer<typeof ZCreditPolicy> {
  return {
    alertBps: policy.alertBps,
    blockBps: policy.blockBps,
    withoutLimit: policy.withoutLimit,
    ceilings: { collector: policy.ceilings[1], creditManager: policy.ceilings[2] },
  };
}

const ceilingOf = (ceiling: {
  limitMaxCents: number | null;
  exceptionMaxCents: number | null;
}) => ({
  limitMaxCents: ceiling.limitMaxCents === null ? null : cents(ceiling.limitMaxCents),
  exceptionMaxCents: ceiling.exceptionMaxCents === null ? null : cents(ceiling.exceptionMaxCents),
});

function presentOpening(
  opening: OpeningChecklist & { status: string },
): z.infer<typeof ZAccountOpening> {
  return {
    status: opening.status,
    isComplete: opening.isComplete,
    blockingMissing: opening.blockingMissing,
    items: opening.items.map((item) => ({
      code: item.code,
      state: item.state,
      blocking: item.blocking,
      ...(item.reason === undefined ? {} : { reason: item.reason }),
      ...(item.params === undefined ? {} : { params: item.params }),
    })),
  };
}

const customerOf = (body: { customerId?: string | undefined; customerCode?: string | undefined }) =>
  body.customerId === undefined ? { code: body.customerCode ?? '' } : { id: body.customerId };

export function registerCreditRoutes(app: App, deps: Deps): void {
  app.post(
    '/credit-check',
    {
      schema: {
        operationId: 'checkCredit',
        tags,
        summary: 'May this order be shipped? The credit check, live',
        description:
          'Accept or hold, with the reasons (most serious first) and every figure used: the exposure (open items + orders − unapplied cash) of the customer’s legal entity, the limit, the exceptions’ room. Reads only: ask as often as needed. A closed customer is an explicit hold (`customer_closed`).',
        body: ZCreditCheckRequest,
        response: {
          200: answer('The answer', ZCreditCheckAnswer),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const answered = await checkCreditForOrder(deps, request.ctx, {
        customer: customerOf(request.body),
        amountCents: request.body.amountCents,
        currency: request.body.currency,
        orderNumber: request.body.orderNumber,
      });
      const answer: z.infer<typeof ZCreditCheckAnswer> = {
        ...answered,
        exposure: { ...answered.exposure, totalCents: answered.exposureCents },
      };
      return answer;
    },
  );
  app.get(
    '/customers/:id/credit',
    {
      schema: {
        operationId: 'getCustomerCredit',
        tags,
        summary: 'A customer’s credit: its entity, limit, exposure, exceptions and holds',
        params: ZIdParams,
        response: { 200: answer('Its credit', ZCustomerCredit), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => presentCredit(await getCustomerCredit(deps, request.ctx, request.params.id)),
  );
  app.get(
    '/customers/:id/account-opening',
    {
      schema: {
        operationId: 'getAccountOpening',
        tags,
        summary: 'The account-opening checklist: what is done, missing, or warned about',
        params: ZIdParams,
        response: {
          200: answer('The checklist', ZAccountOpening),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) =>
      presentOpening(await getAccountOpening(deps, request.ctx, request.params.id)),
  );
  app.post(
    '/customers/:id/activation',
    {
      schema: {
        operationId: 'activateCustomer',
        tags,
        summary: 'Activate a prospect once its account opening is complete',
        description:
          '409 `blocking_items_missing` with an issue per missing item, unless `override` (administrators and credit managers, 403 otherwise) gives a reason; 409 `credit_not_prospect` for a customer that is not a prospect.',
        params: ZIdParams,
        body: ZActivationRequest,
        response: {
          200: answer('The checklist as it stood', ZAccountOpening),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const checklist = await activateCustomer(
        deps,
        request.ctx,
        request.params.id,
        request.body.override,
      );
      return presentOpening({ ...checklist, status: 'active' });
    },
  );
  app.post(
    '/customers/:id/credit-limit',
    {
      schema: {
        operationId: 'decideCreditLimit',
        tags,
        summary: 'Decide the credit limit of the customer’s legal entity',
        description:
          'Shared by every account of its SIREN. Supersedes the current limit; a negative limit or a covered part above it is 400; above the decider’s authority 403 `credit_above_authority`, nothing changed. Held orders that now fit are validated, an over-limit hold released.',
        params: ZIdParams,
        body: ZDecideLimitRequest,
        response: {
          201: answer(
            'The decision and what it changed',
            z.object({ limitId: ZId, review: ZReviewOutcome }),
          ),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const decided = await decideCreditLimit(deps, request.ctx, request.params.id, {
        amountCents: body.amountCents,
        currency: body.currency,
        coveredCents: body.coveredCents,
        cover: body.cover,
        validFrom: body.validFrom as CalendarDate | undefined,
        reviewOn: body.reviewOn as CalendarDate | null,
        expiresOn: body.expiresOn as CalendarDate | null,
        reason: body.reason,
      });
      return reply.code(201).send(decided);
    },
  );
  app.post(
    '/customers/:id/credit-exceptions',
    {
      schema: {
        operationId: 'grantCreditException',
        tags,
        summary: 'Grant an exception over the limit, until a date, for a reason',
        description:
          'For the entity, or for one held order (`orderId`). Without a reason 400; past the authority level 403 `credit_above_authority`. Held orders that fit are validated.',
        params: ZIdParams,
        body: ZGrantExceptionRequest,
        response: {
          201: answer(
            'The exception and what it changed',
            z.object({ exceptionId: ZId, review: ZReviewOutcome }),
          ),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const granted = await grantCreditException(deps, request.ctx, request.params.id, {
        amountCents: body.amountCents,
        currency: body.currency,
        expiresOn: body.expiresOn as CalendarDate,
        reason: body.reason,
        orderId: body.orderId,
      });
      return reply.code(201).send(granted);
    },
  );
  app.post(
    '/customers/:id/credit-hold',
    {
      schema: {
        operationId: 'placeCreditHold',
        tags,
        summary: 'Put a customer on credit hold, with a reason',
        params: ZIdParams,
        body: ZReasonRequest,
        response: { 204: answer('Held', z.null()), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await placeCreditHold(deps, request.ctx, request.params.id, request.body.reason);
      return reply.code(204).send();
    },
  );
  app.post(
    '/customers/:id/credit-hold/release',
    {
      schema: {
        operationId: 'releaseCreditHold',
        tags,
        summary: 'Release a customer’s credit hold, with a reason',
        description:
          'Whoever placed it (the limit crossed, a dunning step, a person). Refused 409 `credit_still_over_limit` while the exposure stands over the limit with no exception; a hold placed by a person or a dunning step needs a credit manager (403).',
        params: ZIdParams,
        body: ZReasonRequest,
        response: { 204: answer('Released', z.null()), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await releaseCreditHold(deps, request.ctx, request.params.id, request.body.reason);
      return reply.code(204).send();
    },
  );
  app.post(
    '/orders',
    {
      schema: {
        operationId: 'receiveOrder',
        tags,
        summary: 'Receive an order from the ERP: checked at once, stored validated or held',
        description:
          'An unknown customer is 404, an order number already received 409 `already_exists`, bad fields 400 with every issue; nothing stored then.',
        body: ZReceiveOrderRequest,
        response: {
          201: answer('The order and its check', ZReceivedOrder),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const received = await receiveOrder(deps, request.ctx, {
        customer: customerOf(body),
        number: body.number,
        orderedOn: body.orderedOn as CalendarDate,
        amountCents: body.amountCents,
        currency: body.currency,
        expectedDeliveryOn: body.expectedDeliveryOn as CalendarDate | null,
        specialConditions: body.specialConditions,
        checklist: body.checklist,
      });
      const { order, check } = received;
      return reply.code(201).send({ order: presentOrder(order), check });
    },
  );
  app.get(
    '/orders',
    {
      schema: {
        operationId: 'listOrders',
        tags,
        summary: 'Orders, newest first, by customer or status (`held`: the credit manager’s queue)',
        querystring: ZListOrdersQuery,
        response: { 200: answer('The orders', ZOrderList), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({
      items: (await listOrders(deps, request.ctx, request.query)).map(presentOrder),
    }),
  );
  app.get(
    '/orders/:id',
    {
      schema: {
        operationId: 'getOrder',
        tags,
        summary: 'One order',
        params: ZIdParams,
        response: { 200: answer('The order', ZSalesOrder), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => presentOrder(await getOrder(deps, request.ctx, request.params.id)),
  );
  const move = (
    path: string,
    operationId: string,
    summary: string,
    body: z.ZodType,
    eventOf: (body: never) => Parameters<typeof recordOrderEvent>[3],
  ) =>
    app.post(
      `/orders/:id/${path}`,
      {
        schema: {
          operationId,
          tags,
          summary,
          params: ZIdParams,
          body,
          response: { 200: answer('The order', ZSalesOrder), ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        presentOrder(
          await recordOrderEvent(
            deps,
            request.ctx,
            { id: request.params.id },
            eventOf(request.body as never),
          ),
        ),
    );
  move(
    'delivery',
    'recordOrderDelivery',
    'The order was delivered',
    ZOrderDeliveryRequest,
    (body: { deliveredOn: string }) => ({
      kind: 'delivered',
      on: body.deliveredOn as CalendarDate,
    }),
  );
  move(
    'invoicing',
    'recordOrderInvoicing',
    'What of the order is invoiced so far',
    ZOrderInvoicingRequest,
    (body: { invoicedCents: number; invoiceNumbers?: string[] | undefined }) => ({
      kind: 'invoiced',
      invoicedCents: body.invoicedCents,
      invoiceNumbers: body.invoiceNumbers,
    }),
  );
  move(
    'cancellation',
    'recordOrderCancellation',
    'The order was cancelled',
    z.object({}).optional(),
    () => ({
      kind: 'cancelled',
    }),
  );
  app.post(
    '/orders/:id/decision',
    {
      schema: {
        operationId: 'decideHeldOrder',
        tags,
        summary: 'Decide a held order: on prepayment, prepayment received, refused',
        description:
          'An exception or a new limit are decided on the customer (`credit-exceptions`, `credit-limit`). 409 when the order is not held.',
        params: ZIdParams,
        body: ZHeldOrderDecisionRequest,
        response: { 200: answer('The order', ZSalesOrder), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentOrder(await decideHeldOrder(deps, request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/reports/invoicing-lag',
    {
      schema: {
        operationId: 'getInvoicingLag',
        tags,
        summary: 'Days from delivery to invoice, overall and per customer, over a period',
        description:
          'Over the invoices linked to delivered orders (`POST /orders/{id}/invoicing` with `invoiceNumbers`) issued in the period: the mean, the links by band (2, 7, 15, 30 days, more), and the 50 customers invoiced the latest. An invoice issued before delivery counts as no lag.',
        querystring: ZInvoicingLagQuery,
        response: { 200: answer('The lag', ZInvoicingLag), ...problems(400, 401, 403) },
      },
    },
    async (request) =>
      getInvoicingLag(deps, request.ctx, {
        from: request.query.from as CalendarDate | undefined,
        to: request.query.to as CalendarDate | undefined,
      }),
  );
  app.get(
    '/credit/policy',
    {
      schema: {
        operationId: 'getCreditPolicy',
        tags,
        summary: 'The company’s credit policy: thresholds and authority ceilings',
        response: { 200: answer('The policy', ZCreditPolicy), ...problems(400, 401, 403) },
      },
    },
    async (request) => presentPolicy(await getCreditPolicy(deps, request.ctx)),
  );
  app.put(
    '/credit/policy',
    {
      schema: {
        operationId: 'updateCreditPolicy',
        tags,
        summary: 'Set the credit policy (administrators)',
        body: ZCreditPolicy,
        response: { 200: answer('The policy', ZCreditPolicy), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { body } = request;
      return presentPolicy(
        await updateCreditPolicy(deps, request.ctx, {
          alertBps: body.alertBps,
          blockBps: body.blockBps,
          withoutLimit: body.withoutLimit,
          ceilings: {
            1: ceilingOf(body.ceilings.collector),
            2: ceilingOf(body.ceilings.creditManager),
          },
        }),
      );
    },
  );
  app.post(
    '/credit/reviews',
    {
      schema: {
        operationId: 'reviewCreditExposures',
        tags,
        summary: 'Review every entity with a limit: the crossings the ledger made alone',
        description:
          'Raises or clears the alerts and places or releases the `over_limit` holds of each entity whose standing changed (the daily run does it too, before the dunning run).',
        response: {
          200: answer(
            'What the review changed',
            z.object({
              entities: z.number().int(),
              reviewed: z.number().int(),
              alertsRaised: z.number().int(),
              holdsPlaced: z.number().int(),
              holdsReleased: z.number().int(),
              ordersValidated: z.number().int(),
            }),
          ),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => reviewCreditExposures(deps, request.ctx),
  );
  app.get(
    '/credit/alerts',
    {
      schema: {
        operationId: 'listCreditAlerts',
        tags,
        summary: 'The open credit alerts, newest first',
        response: { 200: answer('The alerts', ZCreditAlertList), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({
      items: (await listCreditAlerts(deps, request.ctx, 200)).map((alert) => ({
        id: alert.id,
        entity: alert.entity,
        level: alert.level,
        exposureCents: alert.exposureCents,
        limitCents: alert.limitCents,
        currency: alert.currency,
        raisedOn: alert.raisedOn,
      })),
    }),
  );
}
