/**
 * Orders' use cases (docs/credit.md « Orders »): an order received from the ERP is checked at
 * once, under the entity's locks, and stored validated or held; the ERP then reports its
 * delivery, its invoicing and its cancellation; a credit manager decides a held one (on
 * prepayment, prepayment received, refused: an exception or a new limit go through
 * decisions.ts). Receiving takes `orders:write`; deciding `credit:decide`.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { recordEvents } from '../audit/service.ts';
import type { Queryable } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { listInvoicesByNumbers } from '../ledger/service.ts';
import { ConflictError, InvalidError, NotFoundError, fieldIssue } from '../shared/errors.ts';
import { cents } from '../shared/money.ts';
import { reviewEntityInTx } from './decisions.ts';
import { creditCompany, exposureIn, readEntityState, type EntityState } from './entity-state.ts';
import { checkCredit, type CreditCheckResult } from './model.ts';
import {
  findOrder,
  insertOrderInvoices,
  listOrderRows,
  saveOrder,
  setOrderInvoicesDelivered,
} from './order-store.ts';
import { insertOrders } from './receive-orders-store.ts';
import {
  applyOrderEvent,
  checkOrderInput,
  orderFromCheck,
  type OrderEvent,
  type OrderInput,
  type OrderStatus,
  type SalesOrder,
} from './orders.ts';

export type ReceiveOrderInput = Omit<OrderInput, 'currency'> & {
  customer: { id: string } | { code: string };
  currency?: string | undefined;
};

/**
 * Receives an order: checks it against the entity's credit as it stands under the locks, and
 * stores it validated or held (with the first reason) in the same transaction, with its
 * events; a validated order that brings the exposure to a threshold raises its alert. An
 * unknown customer is 404 and a number taken 409 (`already_exists`), nothing stored.
 */
export async function receiveOrder(
  deps: Deps,
  ctx: Ctx,
  input: ReceiveOrderInput,
): Promise<{ order: SalesOrder; check: CreditCheckResult }> {
  requirePermission(ctx, 'orders:write');
  const company = await creditCompany(deps, ctx, { forDecision: true });
  return inTransaction(deps.db, async (tx) => {
    const state = await readEntityState(deps, tx, ctx, company, input.customer, { lock: true });
    const [asking] = state.accounts as [(typeof state.accounts)[number]];
    const currency = input.currency ?? state.companyCurrency;
    const issues = checkOrderInput({ ...input, currency }, state.today);
    if (issues.length > 0) {
      throw new InvalidError('order_refused', {}, issues);
    }
    const check = checkCredit(
      {
        amountCents: cents(input.amountCents),
        currency,
        status: asking.status,
        entityHeld: state.accounts.some((account) => account.status === 'on_hold'),
        limit: state.limit,
        exposure: exposureIn(state, currency),
        exceptions: state.exceptions.filter((exception) => exception.orderId === null),
        orderId: null,
        isOrderCounted: false,
        today: state.today,
      },
      state.policy,
    );
    const now = deps.clock.now();
    const order = orderFromCheck(
      { ...input, customerId: asking.id, currency },
      check,
      deps.ids.newId(),
      now,
    );
    await insertOrders(tx, ctx.companyId, [order]);
    await recordEvents(tx, ctx, [
      {
        action: check.decision === 'accept' ? 'credit.order_validated' : 'credit.order_held',
        entityType: 'sales_order',
        entityId: order.id,
        customerId: asking.id,
        data: {
          number: order.number,
          amountCents: order.amountCents,
          currency,
          by: 'check',
          reasons: check.reasons,
          notices: check.notices,
          exposureCents: check.exposureCents,
          exposureAfterCents: check.exposureAfterCents,
          limitCents: check.limitCents,
        },
      },
    ]);
    if (order.status === 'validated') {
      const exposure = exposureIn(state, currency);
      const counted = {
        ...state,
        exposures: [
          ...state.exposures.filter((parts) => parts.currency !== currency),
          { ...exposure, ordersCents: cents(exposure.ordersCents + order.amountCents) },
        ],
      };
      await reviewEntityInTx(deps, tx, ctx, counted, 'under_limit');
    }
    return { order, check };
  });
}

/** Finds an order of the company by id, or `NotFound`. */
async function requireOrderForUpdate(
  tx: Parameters<typeof findOrder>[0],
  ctx: Ctx,
  key: { id: string } | { number: string },
): Promise<SalesOrder> {
  const order = await findOrder(tx, ctx.companyId, key, { lock: true });
  if (order === undefined) {
    throw new NotFoundError('sales_order', 'id' in key ? key.id : key.number);
  }
  return order;
}

/**
 * What the ERP reports of an order: delivered, invoiced (the cumulated amount), cancelled.
 * The exposure follows: what remains to invoice counts until invoiced; a cancelled order no
 * longer counts. A move its status does not allow is refused (409), nothing changed.
 */
export async function recordOrderEvent(
  deps: Deps,
  ctx: Ctx,
  key: { id: string } | { number: string },
  event: OrderEvent,
): Promise<SalesOrder> {
  requirePermission(ctx, 'orders:write');
  const company = await creditCompany(deps, ctx, { forDecision: true });
  return inTransaction(deps.db, async (tx) => {
    const found = await findOrder(tx, ctx.companyId, key);
    if (found === undefined) {
      throw new NotFoundError('sales_order', 'id' in key ? key.id : key.number);
    }
    // The entity first, then the order (ADR 13's one order: accounts before what hangs on them).
    const state = await readEntityState(
      deps,
      tx,
      ctx,
      company,
      { id: found.customerId },
      { lock: true },
    );
    const order = await requireOrderForUpdate(tx, ctx, { id: found.id });
    const moved = applyOrderEvent(order, event, deps.clock.now());
    if (!moved.ok) {
      throw new ConflictError('order_move_refused', { number: order.number }, [moved.issue]);
    }
    if (event.kind === 'invoiced' && event.invoiceNumbers !== undefined) {
      await linkInvoicesInTx(tx, ctx, state, order, event.invoiceNumbers);
    }
    if (event.kind === 'delivered') {
      await setOrderInvoicesDelivered(tx, ctx.companyId, order.id, event.on);
    }
    await saveOrder(tx, ctx.companyId, moved.order);
    await recordEvents(tx, ctx, [
      {
        action: `order.${event.kind}` as const,
        entityType: 'sales_order',
        entityId: order.id,
        customerId: order.customerId,
        data: {
          number: order.number,
          from: order.status,
          to: moved.order.status,
          ...(event.kind === 'delivered' ? { deliveredOn: event.on } : {}),
          ...(event.kind === 'invoiced' ? { invoicedCents: event.invoicedCents } : {}),
        },
      },
    ]);
    if (event.kind === 'cancelled') {
      // An order that no longer counts may bring the entity back under its limit.
      const exposure = exposureIn(state, order.currency);
      const released = cents(
        exposure.ordersCents -
          (order.status === 'validated' || order.status === 'delivered'
            ? order.amountCents - order.invoicedCents
            : 0),
      );
      await reviewEntityInTx(
        deps,
        tx,
        ctx,
        {
          ...state,
          exposures: [
            ...state.exposures.filter((parts) => parts.currency !== order.currency),
            { ...exposure, ordersCents: released },
          ],
        },
        'under_limit',
      );
    }
    return moved.order;
  });
}

/**
 * Links `order` to the invoices the ERP names (the ledger's, of the order's entity): what the
 * invoicing lag is measured on and what an invoice's evidence is found through. An unknown
 * number, or an invoice of another entity, refuses the whole report (400), nothing linked.
 */
async function linkInvoicesInTx(
  tx: Queryable,
  ctx: Ctx,
  state: EntityState,
  order: SalesOrder,
  numbers: readonly string[],
): Promise<void> {
  const found = await listInvoicesByNumbers(tx, ctx, [...new Set(numbers)]);
  const accounts = new Set(state.accounts.map((account) => account.id));
  const issues = numbers.flatMap((number, index) => {
    const invoice = found.find((candidate) => candidate.number === number);
    return invoice === undefined || !accounts.has(invoice.customerId)
      ? [fieldIssue(`invoiceNumbers[${index}]`, 'order_invoice_unknown', { number })]
      : [];
  });
  if (issues.length > 0) {
    throw new InvalidError('order_refused', {}, issues);
  }
  await insertOrderInvoices(
    tx,
    ctx.companyId,
    found.map((invoice) => ({
      orderId: order.id,
      invoiceId: invoice.id,
      customerId: order.customerId,
      deliveredOn: order.deliveredOn,
      invoicedOn: invoice.issueDate,
      amountCents: invoice.amountCents,
      currency: invoice.currency,
    })),
  );
}

/**
 * A credit manager's decision on a held order:
 * - `prepayment`: the order waits for the money (`prepayment_required`);
 * - `prepayment_received`: the money is in, the order is validated;
 * - `refuse`: the order is cancelled for good.
 * A reason is required; every decision is an event.
 */
export async function decideHeldOrder(
  deps: Deps,
  ctx: Ctx,
  orderId: string,
  decision: { kind: 'prepayment' | 'prepayment_received' | 'refuse'; reason: string },
): Promise<SalesOrder> {
  requirePermission(ctx, 'credit:decide');
  if (decision.reason.trim() === '') {
    throw new InvalidError('credit_reason_required', {}, [
      fieldIssue('reason', 'credit_reason_required'),
    ]);
  }
  const company = await creditCompany(deps, ctx, { forDecision: true });
  return inTransaction(deps.db, async (tx) => {
    const found = await findOrder(tx, ctx.companyId, { id: orderId });
    if (found === undefined) {
      throw new NotFoundError('sales_order', orderId);
    }
    await readEntityState(deps, tx, ctx, company, { id: found.customerId }, { lock: true });
    const order = await requireOrderForUpdate(tx, ctx, { id: orderId });
    if (order.status !== 'held') {
      throw new ConflictError('credit_order_not_held', {
        number: order.number,
        status: order.status,
      });
    }
    if (decision.kind === 'prepayment_received' && !order.prepaymentRequired) {
      throw new ConflictError('credit_order_no_prepayment', { number: order.number });
    }
    const now = deps.clock.now();
    const decided: SalesOrder =
      decision.kind === 'prepayment'
        ? { ...order, prepaymentRequired: true, holdReason: 'prepayment_required', updatedAt: now }
        : decision.kind === 'prepayment_received'
          ? { ...order, status: 'validated', holdReason: null, updatedAt: now }
          : { ...order, status: 'cancelled', holdReason: null, updatedAt: now };
    await saveOrder(tx, ctx.companyId, decided);
    await recordEvents(tx, ctx, [
      {
        action: HELD_ORDER_ACTIONS[decision.kind],
        entityType: 'sales_order',
        entityId: order.id,
        customerId: order.customerId,
        data: {
          number: order.number,
          reason: decision.reason.trim(),
          from: order.status,
          to: decided.status,
        },
      },
    ]);
    return decided;
  });
}

/** The event each decision on a held order records. */
const HELD_ORDER_ACTIONS = {
  prepayment: 'credit.order_prepayment',
  prepayment_received: 'credit.order_prepayment_received',
  refuse: 'credit.order_refused',
} as const;

/** An order by id, or `NotFound`. */
export async function getOrder(deps: Deps, ctx: Ctx, orderId: string): Promise<SalesOrder> {
  requirePermission(ctx, 'ledger:read');
  const order = await findOrder(deps.db, ctx.companyId, { id: orderId });
  if (order === undefined) {
    throw new NotFoundError('sales_order', orderId);
  }
  return order;
}

/** The company's orders (or a customer's), newest first, at most `limit`. */
export async function listOrders(
  deps: Deps,
  ctx: Ctx,
  filter: { customerId?: string | undefined; status?: OrderStatus | undefined; limit: number },
): Promise<SalesOrder[]> {
  requirePermission(ctx, 'ledger:read');
  return listOrderRows(deps.db, ctx.companyId, {
    customerIds: filter.customerId === undefined ? undefined : [filter.customerId],
    status: filter.status,
    limit: filter.limit,
  });
}
