/**
 * Orders received by the batch (issue 12: "orders come in from the ERP (API, CSV)"): the
 * file import's door to what `receiveOrder` does one order at a time, with the same rules
 * (`checkOrderInput`, `checkCredit`, the review that raises the alerts) and in a number of
 * statements that grows with the batch's customers, never with its orders.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { recordEvents } from '../audit/service.ts';
import type { Tx } from '../db/client.ts';
import type { Issue } from '../shared/errors.ts';
import { cents, type Cents } from '../shared/money.ts';
import { reviewEntityInTx } from './decisions.ts';
import {
  creditCompany,
  exposureIn,
  readEntityStates,
  type CreditCompany,
  type EntityState,
} from './entity-state.ts';
import { checkCredit, type CreditCheckResult, type ExposureParts } from './model.ts';
import type { ReceiveOrderInput } from './order-service.ts';
import { checkOrderInput, orderFromCheck, type SalesOrder } from './orders.ts';
import {
  findOrderTermsByNumbers,
  insertOrders,
  type StoredOrderTerms,
} from './receive-orders-store.ts';
import { entityKey } from './store.ts';

/**
 * The company as orders are received in it, with who hears of the alerts they raise: read
 * before the transaction opens (ADR 8), as `receiveOrder` reads it.
 */
export function creditCompanyForOrders(deps: Deps, ctx: Ctx): Promise<CreditCompany> {
  return creditCompany(deps, ctx, { forDecision: true });
}

/** One order of a batch: what `receiveOrder` is given, its customer by id, and its line. */
export type BatchOrderInput = Omit<ReceiveOrderInput, 'customer'> & {
  customerId: string;
  /** Where the order comes from (a file's line), echoed in its answer and its issues. */
  line: number;
};

/** What an order received again is compared on: what the ERP sends, not what followed. */
export const ORDER_TERMS = [
  'customerId',
  'orderedOn',
  'amountCents',
  'currency',
  'expectedDeliveryOn',
  'specialConditions',
  'pricesAgreed',
  'deliveryDateConfirmed',
  'confirmationSent',
] as const;
export type OrderTerm = (typeof ORDER_TERMS)[number];

/**
 * What became of one order of a batch:
 * - `created`: a new number, checked and stored `validated` or `held` (`check` says why);
 * - `unchanged`: the number is stored with the same terms: nothing done;
 * - `changed`: the number is stored with other `terms`: nothing done, an order already
 *   checked is not rewritten (its delivery, invoicing and cancellation come through the API);
 * - `refused`: `checkOrderInput`'s issues (their `line` set), nothing stored.
 */
export type BatchOrderOutcome =
  | { line: number; outcome: 'created'; order: SalesOrder; check: CreditCheckResult }
  | { line: number; outcome: 'unchanged'; orderId: string }
  | { line: number; outcome: 'changed'; orderId: string; terms: OrderTerm[] }
  | { line: number; outcome: 'refused'; issues: Issue[] };

/**
 * Receives a batch of orders in `tx`, as `receiveOrder` receives one: each new number is
 * checked against its entity's credit read under the entity's locks, in the batch's order,
 * each order validated counting for the next ones of the same entity; then the new orders are
 * inserted (one statement per `ROWS_PER_STATEMENT`), their events recorded in one call, and
 * each entity that validated an order is reviewed once, on its exposure with them all (its
 * alerts raised or cleared: the exposure only grew, so the state at the end is the one the
 * orders received one by one would leave).
 *
 * Statements: one lookup of the numbers, then `readEntityStates` for every customer with a
 * new order at once (a fixed count: the accounts of every entity locked, then limits,
 * balances, orders, exceptions, holds and policy), the inserts and the events, and for each
 * entity that validated an order one review (a fixed count unless it releases or places
 * holds). A state is kept per customer, not per entity, because the limit in force depends on
 * the asking account when its SIREN has no decision of its own (its own decision or typed
 * figure).
 *
 * A number given twice in `orders` is a caller's bug (the import refuses it as
 * `duplicate_in_file`): it throws. Takes `orders:write`.
 */
export async function receiveOrdersInTx(
  deps: Deps,
  tx: Tx,
  ctx: Ctx,
  company: CreditCompany,
  orders: readonly BatchOrderInput[],
): Promise<BatchOrderOutcome[]> {
  requirePermission(ctx, 'orders:write');
  const numbers = orders.map((order) => order.number.trim());
  if (new Set(numbers).size !== numbers.length) {
    throw new Error('receiveOrdersInTx: an order number is given twice in the batch');
  }
  const stored = await findOrderTermsByNumbers(tx, ctx.companyId, numbers);
  const fresh = orders.filter((order) => !stored.has(order.number.trim()));
  // Every entity of the batch, locked at once in id order: a fixed number of statements.
  const states = await readEntityStates(
    deps,
    tx,
    ctx,
    company,
    fresh.map((order) => order.customerId),
    { lock: true },
  );
  // What this batch's validated orders add to each entity's exposure, by currency.
  const added = new Map<string, Map<string, Cents>>();
  const toReview = new Map<string, EntityState>();
  const now = deps.clock.now();
  const outcomes: BatchOrderOutcome[] = [];
  const created: { order: SalesOrder; check: CreditCheckResult }[] = [];
  for (const input of orders) {
    const number = input.number.trim();
    const before = stored.get(number);
    if (before !== undefined) {
      outcomes.push(compareWithStored(input, before, company.currency));
      continue;
    }
    const state = states.get(input.customerId);
    if (state === undefined) {
      throw new Error(`receiveOrdersInTx: no state read for customer ${input.customerId}`);
    }
    const currency = input.currency ?? state.companyCurrency;
    const issues = checkOrderInput({ ...input, currency }, state.today);
    if (issues.length > 0) {
      outcomes.push({
        line: input.line,
        outcome: 'refused',
        issues: issues.map((issue) => ({ ...issue, line: input.line })),
      });
      continue;
    }
    const key = entityKey(state.entity);
    const addedToEntity = added.get(key) ?? new Map<string, Cents>();
    added.set(key, addedToEntity);
    const asking = state.accounts.find((account) => account.id === input.customerId);
    if (asking === undefined) {
      throw new Error(`receiveOrdersInTx: customer ${input.customerId} is not in its state`);
    }
    const check = checkCredit(
      {
        amountCents: cents(input.amountCents),
        currency,
        status: asking.status,
        entityHeld: state.accounts.some((account) => account.status === 'on_hold'),
        limit: state.limit,
        exposure: withAdded(exposureIn(state, currency), addedToEntity),
        exceptions: state.exceptions.filter((exception) => exception.orderId === null),
        orderId: null,
        isOrderCounted: false,
        today: state.today,
      },
      state.policy,
    );
    const order = orderFromCheck(
      { ...input, number, customerId: asking.id, currency },
      check,
      deps.ids.newId(),
      now,
    );
    if (order.status === 'validated') {
      addedToEntity.set(currency, cents((addedToEntity.get(currency) ?? 0) + order.amountCents));
      toReview.set(key, state);
    }
    created.push({ order, check });
    outcomes.push({ line: input.line, outcome: 'created', order, check });
  }
  await insertOrders(
    tx,
    ctx.companyId,
    created.map(({ order }) => order),
  );
  await recordEvents(
    tx,
    ctx,
    created.map(({ order, check }) => ({
      action: check.decision === 'accept' ? 'credit.order_validated' : 'credit.order_held',
      entityType: 'sales_order',
      entityId: order.id,
      customerId: order.customerId,
      data: {
        number: order.number,
        amountCents: order.amountCents,
        currency: order.currency,
        by: 'check',
        reasons: check.reasons,
        notices: check.notices,
        exposureCents: check.exposureCents,
        exposureAfterCents: check.exposureAfterCents,
        limitCents: check.limitCents,
      },
    })),
  );
  for (const [key, state] of toReview) {
    await reviewEntityInTx(deps, tx, ctx, counted(state, added.get(key)), 'under_limit');
  }
  return outcomes;
}

/** `parts` with the batch's validated orders in its currency added to the orders part. */
function withAdded(parts: ExposureParts, added: ReadonlyMap<string, Cents>): ExposureParts {
  return { ...parts, ordersCents: cents(parts.ordersCents + (added.get(parts.currency) ?? 0)) };
}

/** `state` with the batch's validated orders counted in its exposures, as the review reads it. */
function counted(state: EntityState, added: ReadonlyMap<string, Cents> = new Map()): EntityState {
  const currencies = new Set([...state.exposures.map((parts) => parts.currency), ...added.keys()]);
  return {
    ...state,
    exposures: [...currencies]
      .sort((a, b) => a.localeCompare(b))
      .map((currency) => withAdded(exposureIn(state, currency), added)),
  };
}

/** An order whose number is stored: `unchanged` on the same terms, else `changed` and which. */
function compareWithStored(
  input: BatchOrderInput,
  before: StoredOrderTerms,
  companyCurrency: string,
): BatchOrderOutcome {
  const given: Record<OrderTerm, string | number | boolean | null> = {
    customerId: input.customerId,
    orderedOn: input.orderedOn,
    amountCents: input.amountCents,
    currency: input.currency ?? companyCurrency,
    expectedDeliveryOn: input.expectedDeliveryOn,
    specialConditions: input.specialConditions,
    pricesAgreed: input.checklist.pricesAgreed,
    deliveryDateConfirmed: input.checklist.deliveryDateConfirmed,
    confirmationSent: input.checklist.confirmationSent,
  };
  const kept: Record<OrderTerm, string | number | boolean | null> = {
    customerId: before.customerId,
    orderedOn: before.orderedOn,
    amountCents: before.amountCents,
    currency: before.currency,
    expectedDeliveryOn: before.expectedDeliveryOn,
    specialConditions: before.specialConditions,
    pricesAgreed: before.checklist.pricesAgreed,
    deliveryDateConfirmed: before.checklist.deliveryDateConfirmed,
    confirmationSent: before.checklist.confirmationSent,
  };
  const terms = ORDER_TERMS.filter((term) => given[term] !== kept[term]);
  return terms.length === 0
    ? { line: input.line, outcome: 'unchanged', orderId: before.id }
    : { line: input.line, outcome: 'changed', orderId: before.id, terms };
}
