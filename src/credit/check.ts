/**
 * The credit check (docs/credit.md « The credit check »): « may I ship this order? », asked
 * by the ERP (`POST /api/credit-check`, `encaisse credit check`). It reads, never writes: the
 * same question asked twice gets the same answer, and an ERP may ask as often as it likes.
 * The exposure is live (the ledger's kept balances and the live orders), in a fixed number of
 * index lookups: under 10 ms at size L (docs/PERFORMANCE.md « The credit check »).
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { invalidField } from '../shared/errors.ts';
import { MAX_AMOUNT_CENTS, cents } from '../shared/money.ts';
import { creditCompany, exposureIn, readEntityState, type EntityState } from './entity-state.ts';
import { checkCredit, type CreditCheckResult, type ExposureParts } from './model.ts';
import { findOrder } from './order-store.ts';

export type CreditCheckRequest = {
  customer: { id: string } | { code: string };
  amountCents: number;
  currency?: string | undefined;
  /** An order already received: its own exception counts, and its amount is not added twice. */
  orderNumber?: string | undefined;
};

export type CreditCheckAnswer = CreditCheckResult & {
  customer: { id: string; code: string; name: string };
  currency: string;
  exposure: ExposureParts;
  entity: EntityState['entity'];
  limitSource: 'decision' | 'import' | 'account' | null;
  today: string;
};

/** Answers accept or hold for `request`, with the reason and every figure used. */
export async function checkCreditForOrder(
  deps: Deps,
  ctx: Ctx,
  request: CreditCheckRequest,
): Promise<CreditCheckAnswer> {
  requirePermission(ctx, 'ledger:read');
  if (
    !Number.isSafeInteger(request.amountCents) ||
    request.amountCents <= 0 ||
    request.amountCents > MAX_AMOUNT_CENTS
  ) {
    throw invalidField('amountCents', 'order_amount_not_positive');
  }
  const company = await creditCompany(deps, ctx);
  const state = await readEntityState(deps, deps.db, ctx, company, request.customer);
  const [asking] = state.accounts as [EntityState['accounts'][number]];
  const currency = request.currency ?? state.limit?.currency ?? state.companyCurrency;
  const found =
    request.orderNumber === undefined
      ? undefined
      : await findOrder(deps.db, ctx.companyId, { number: request.orderNumber });
  // Another entity's order number says nothing about this one.
  const order = state.accounts.some((account) => account.id === found?.customerId)
    ? found
    : undefined;
  const exposure = exposureIn(state, currency);
  const result = checkCredit(
    {
      amountCents: cents(request.amountCents),
      currency,
      status: asking.status,
      entityHeld: state.accounts.some(
        (account) => account.status === 'on_hold' || account.status === 'in_litigation',
      ),
      limit: state.limit,
      exposure,
      exceptions: state.exceptions,
      orderId: order?.id ?? null,
      isOrderCounted:
        order !== undefined && (order.status === 'validated' || order.status === 'delivered'),
      today: state.today,
    },
    state.policy,
  );
  return {
    ...result,
    customer: { id: asking.id, code: asking.code, name: asking.legalName },
    currency,
    exposure,
    entity: state.entity,
    limitSource: state.limit?.source ?? null,
    today: state.today,
  };
}
