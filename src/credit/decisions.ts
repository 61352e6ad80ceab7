/**
 * Credit decisions (docs/credit.md « Decisions »): a limit decided for a legal entity, an
 * exception granted over it, a credit hold placed or released; and the review every decision
 * ends with, which re-checks the entity's held orders, raises or clears its alerts and puts
 * its accounts on hold or takes them off. Each is one transaction that first locks the
 * entity's accounts (then the ledger's balances, shared), records its events, and leaves
 * nothing half-done.
 *
 * Deciding takes `credit:decide`, within the authority level of the role and the ceilings of
 * the company's policy; over them is refused (403 `credit_above_authority`), nothing changed.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { recordEvents, type EventInput } from '../audit/service.ts';
import { setCreditLimitCopiesInTx } from '../customers/credit-accounts.ts';
import { setCustomerStatusesInTx } from '../customers/service.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { queueMessagesInTx } from '../jobs/outbox.ts';
import { addDays, type CalendarDate } from '../shared/calendar-date.ts';
import {
  ConflictError,
  ForbiddenError,
  InvalidError,
  NotFoundError,
  invalidField,
} from '../shared/errors.ts';
import { cents, type Cents } from '../shared/money.ts';
import { alertMessages, recipientsFor } from './alert-mail.ts';
import { creditCompany, exposureIn, readEntityState, type EntityState } from './entity-state.ts';
import {
  MAX_EXCEPTION_DAYS,
  authorityLevelOf,
  checkCredit,
  checkException,
  checkLimitDecision,
  exposureTotal,
  isWithinAuthority,
  standsOverLimit,
  thresholdReached,
  type AuthorityLevel,
  type ExceptionInput,
  type LimitDecisionInput,
} from './model.ts';
import { findOrder, insertHolds, lockHeldOrders, releaseHolds, saveOrder } from './order-store.ts';
import type { HoldSource } from './orders.ts';
import { clearAlerts, insertException, raiseAlert, replaceCurrentLimit } from './store.ts';

/** Who decides, as the decision records it: a user's id (not a token's), the actor's name. */
function decider(ctx: Ctx): { id: string | null; name: string | null } {
  return { id: ctx.actor.type === 'user' ? ctx.actor.id : null, name: ctx.actor.name };
}

/** The role's authority level, or `Forbidden` when it may decide nothing. */
function requireAuthority(ctx: Ctx): AuthorityLevel {
  requirePermission(ctx, 'credit:decide');
  const level = authorityLevelOf(ctx.role);
  if (level === null) {
    throw new ForbiddenError('role_forbidden', { role: ctx.role, permission: 'credit:decide' });
  }
  return level;
}

/**
 * Runs a decision on the entity of `customerId`: the decider's authority level first, then
 * one transaction that locks the entity and reads its state (`readEntityState`, `lock`).
 */
async function decideOnEntity<T>(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
  work: (tx: Tx, state: EntityState, level: AuthorityLevel) => Promise<T>,
): Promise<T> {
  const level = requireAuthority(ctx);
  const company = await creditCompany(deps, ctx, { forDecision: true });
  return inTransaction(deps.db, async (tx) => {
    const state = await readEntityState(deps, tx, ctx, company, { id: customerId }, { lock: true });
    return work(tx, state, level);
  });
}

/** Refuses a decision above what `level` may decide under the policy: 403, nothing changed. */
function requireWithin(
  state: EntityState,
  level: AuthorityLevel,
  kind: 'limit' | 'exception',
  amountCents: Cents,
): void {
  if (!isWithinAuthority(state.policy, level, kind, amountCents)) {
    const ceiling = level === 3 ? null : state.policy.ceilings[level];
    const max = kind === 'limit' ? ceiling?.limitMaxCents : ceiling?.exceptionMaxCents;
    throw new ForbiddenError('credit_above_authority', {
      level,
      max: max ?? 0,
      currency: state.companyCurrency,
    });
  }
}

/** What a review changed, for the answer and the tests. */
export type ReviewOutcome = {
  validatedOrderIds: string[];
  holdsPlaced: string[];
  holdsReleased: string[];
  alertsRaised: ('alert' | 'block')[];
};

/**
 * Ends every decision, in its transaction, on the state read under its locks:
 * 1. an exposure back under the block threshold (plus the exceptions' room) releases the
 *    `over_limit` holds (`release` says how): an account with no hold left is active again;
 * 2. the held orders (oldest first, not those waiting for a prepayment) are checked again
 *    and the accepted ones validated, each counting for the next;
 * 3. the alerts: one raised per threshold the exposure then stands at, those under cleared;
 *    and an exposure over the block threshold puts the active accounts on hold.
 */
export async function reviewEntityInTx(
  deps: Deps,
  tx: Tx,
  ctx: Ctx,
  state: EntityState,
  release: 'limit_raised' | 'exception' | 'under_limit',
): Promise<ReviewOutcome> {
  const now = deps.clock.now();
  const outcome: ReviewOutcome = {
    validatedOrderIds: [],
    holdsPlaced: [],
    holdsReleased: [],
    alertsRaised: [],
  };
  const events: EventInput[] = [];
  const limit = state.limit;
  const exposures = new Map(state.exposures.map((parts) => [parts.currency, { ...parts }]));
  const exposureNow = () =>
    limit === null
      ? cents(0)
      : exposureTotal(exposures.get(limit.currency) ?? exposureIn(state, limit.currency));
  const statusOf = new Map(state.accounts.map((account) => [account.id, account.status]));
  const heldOverLimit = state.holds
    .filter((hold) => hold.source === 'over_limit')
    .map((hold) => hold.customerId);
  if (
    heldOverLimit.length > 0 &&
    !standsOverLimit(exposureNow(), limit, state.exceptions, state.policy, state.today)
  ) {
    await releaseHolds(
      tx,
      ctx.companyId,
      heldOverLimit,
      { kind: release, reason: null, by: decider(ctx) },
      now,
    );
    const otherHolds = new Set(
      state.holds.filter((hold) => hold.source !== 'over_limit').map((hold) => hold.customerId),
    );
    const freed = heldOverLimit.filter(
      (id) => !otherHolds.has(id) && statusOf.get(id) === 'on_hold',
    );
    await setCustomerStatusesInTx(deps, tx, ctx, freed, 'active');
    for (const id of freed) {
      statusOf.set(id, 'active');
    }
    outcome.holdsReleased = heldOverLimit;
    for (const customerId of heldOverLimit) {
      events.push({
        action: 'credit.hold_released',
        entityType: 'customer',
        entityId: customerId,
        customerId,
        data: { source: 'over_limit', kind: release, exposureCents: exposureNow() },
      });
    }
  }
  const ids = state.accounts.map((account) => account.id);
  for (const order of await lockHeldOrders(tx, ctx.companyId, ids)) {
    if (order.prepaymentRequired) {
      continue;
    }
    const exposure = exposures.get(order.currency) ?? exposureIn(state, order.currency);
    const result = checkCredit(
      {
        amountCents: order.amountCents,
        currency: order.currency,
        status: statusOf.get(order.customerId) ?? 'active',
        entityHeld: [...statusOf.values()].some((status) => status === 'on_hold'),
        limit,
        exposure,
        exceptions: state.exceptions,
        orderId: order.id,
        isOrderCounted: false,
        today: state.today,
      },
      state.policy,
    );
    if (result.decision !== 'accept') {
      continue;
    }
    await saveOrder(tx, ctx.companyId, {
      ...order,
      status: 'validated',
      holdReason: null,
      exceptionId: result.usedExceptionIds[0] ?? null,
      updatedAt: now,
    });
    exposures.set(order.currency, {
      ...exposure,
      ordersCents: cents(exposure.ordersCents + order.amountCents - order.invoicedCents),
    });
    outcome.validatedOrderIds.push(order.id);
    events.push({
      action: 'credit.order_validated',
      entityType: 'sales_order',
      entityId: order.id,
      customerId: order.customerId,
      data: { number: order.number, by: release, exposureAfterCents: result.exposureAfterCents },
    });
  }
  if (limit !== null) {
    const exposureCents = exposureNow();
    const level = thresholdReached(exposureCents, limit, state.policy);
    const reached: ('alert' | 'block')[] =
      level === 'block' ? ['alert', 'block'] : level === 'alert' ? ['alert'] : [];
    const asking = state.accounts[0]?.id ?? '';
    for (const reachedLevel of reached) {
      const alertId = deps.ids.newId();
      const raised = await raiseAlert(tx, ctx.companyId, {
        id: alertId,
        entity: state.entity,
        level: reachedLevel,
        exposureCents,
        limitCents: limit.amountCents,
        currency: limit.currency,
        raisedOn: state.today,
        raisedAt: now,
      });
      if (raised) {
        outcome.alertsRaised.push(reachedLevel);
        const account = state.accounts[0];
        if (account !== undefined) {
          await queueMessagesInTx(
            deps,
            tx,
            ctx,
            alertMessages(recipientsFor(state.alertRecipients, account.salesRep), {
              level: reachedLevel,
              customerId: account.id,
              customerCode: account.code,
              customerName: account.legalName,
              exposureCents,
              limitCents: limit.amountCents,
              currency: limit.currency,
              alertId,
            }),
          );
        }
        events.push({
          action: 'credit.alert_raised',
          entityType: 'customer',
          entityId: asking,
          customerId: asking,
          data: {
            level: reachedLevel,
            exposureCents,
            limitCents: limit.amountCents,
            currency: limit.currency,
          },
        });
      }
    }
    const cleared = (['alert', 'block'] as const).filter((l) => !reached.includes(l));
    await clearAlerts(tx, ctx.companyId, state.entity, cleared, now);
    if (standsOverLimit(exposureCents, limit, state.exceptions, state.policy, state.today)) {
      const active = state.accounts.filter((account) => statusOf.get(account.id) === 'active');
      outcome.holdsPlaced = await placeHoldsInTx(
        deps,
        tx,
        ctx,
        active.map((account) => account.id),
        'over_limit',
        null,
      );
    }
  }
  await recordEvents(tx, ctx, events);
  return outcome;
}

/**
 * Puts `customerIds` on credit hold for `source` (a dunning step, the limit crossed, a
 * person), in the caller's transaction: a hold opened on each without one, its status set
 * to `on_hold`, an event each. Returns the accounts newly held.
 */
export async function placeHoldsInTx(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  customerIds: readonly string[],
  source: HoldSource,
  reason: string | null,
): Promise<string[]> {
  const now = deps.clock.now();
  const opened = await insertHolds(
    tx,
    ctx.companyId,
    customerIds.map((customerId) => ({
      id: deps.ids.newId(),
      customerId,
      source,
      reason,
      placedBy: decider(ctx),
      placedAt: now,
    })),
  );
  await setCustomerStatusesInTx(deps, tx, ctx, customerIds, 'on_hold');
  const placed = customerIds.filter((id) => opened.has(id));
  await recordEvents(
    tx,
    ctx,
    placed.map((customerId) => ({
      action: 'credit.hold_placed',
      entityType: 'customer',
      entityId: customerId,
      customerId,
      data: { source, reason },
    })),
  );
  return placed;
}

/** A limit decision as a credit manager takes it. */
export type DecideLimitInput = Omit<LimitDecisionInput, 'validFrom' | 'currency'> & {
  currency?: string | undefined;
  validFrom?: CalendarDate | undefined;
  reason: string | null;
};

/**
 * Decides the limit of the legal entity of `customerId` (its SIREN, shared by its accounts):
 * supersedes the current one, writes the copy on each account, records the decision with its
 * author and authority level, then reviews the entity (a raised limit lets held orders
 * through and releases an `over_limit` hold).
 */
export async function decideCreditLimit(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
  input: DecideLimitInput,
): Promise<{ limitId: string; review: ReviewOutcome }> {
  return decideOnEntity(deps, ctx, customerId, async (tx, state, level) => {
    const decision: LimitDecisionInput = {
      ...input,
      currency: input.currency ?? state.companyCurrency,
      validFrom: input.validFrom ?? state.today,
    };
    const issues = checkLimitDecision(decision, state.today);
    if (issues.length > 0) {
      throw new InvalidError('credit_limit_refused', {}, issues);
    }
    const amountCents = cents(decision.amountCents);
    requireWithin(state, level, 'limit', amountCents);
    const limitId = deps.ids.newId();
    const now = deps.clock.now();
    await replaceCurrentLimit(
      tx,
      ctx.companyId,
      state.entity,
      {
        id: limitId,
        amountCents,
        currency: decision.currency,
        coveredCents: cents(decision.coveredCents),
        cover: decision.cover,
        validFrom: decision.validFrom,
        reviewOn: decision.reviewOn,
        expiresOn: decision.expiresOn,
        source: 'decision',
        authorityLevel: level,
        decidedBy: decider(ctx),
        reason: input.reason,
      },
      now,
    );
    if (decision.currency === state.companyCurrency) {
      const ids = state.accounts.map((account) => account.id);
      await setCreditLimitCopiesInTx(tx, ctx, ids, amountCents, now);
    }
    const asking = state.accounts[0];
    await recordEvents(tx, ctx, [
      {
        action: 'credit.limit_decided',
        entityType: 'credit_limit',
        entityId: limitId,
        customerId: asking?.id ?? customerId,
        data: {
          entity: state.entity,
          amountCents,
          currency: decision.currency,
          coveredCents: decision.coveredCents,
          cover: decision.cover,
          validFrom: decision.validFrom,
          reviewOn: decision.reviewOn,
          expiresOn: decision.expiresOn,
          authorityLevel: level,
          reason: input.reason,
          previous:
            state.limit === null
              ? null
              : {
                  amountCents: state.limit.amountCents,
                  currency: state.limit.currency,
                  source: state.limit.source,
                },
          accounts: state.accounts.map((account) => account.code),
        },
      },
    ]);
    const decided = {
      ...state,
      limit: {
        id: limitId,
        reason: input.reason,
        amountCents,
        currency: decision.currency,
        coveredCents: cents(decision.coveredCents),
        cover: decision.cover,
        validFrom: decision.validFrom,
        reviewOn: decision.reviewOn,
        expiresOn: decision.expiresOn,
        source: 'decision' as const,
        authorityLevel: level,
        decidedBy: decider(ctx),
      },
    };
    return { limitId, review: await reviewEntityInTx(deps, tx, ctx, decided, 'limit_raised') };
  });
}

/** An exception as granted: for the entity, or for one held order. */
export type GrantExceptionInput = Omit<ExceptionInput, 'currency'> & {
  currency?: string | undefined;
  orderId?: string | undefined;
};

/**
 * Grants room over the limit of the entity of `customerId` until `expiresOn`, for a reason,
 * within the authority of the role; then reviews the entity: the held orders that now fit
 * (the one named first, when the exception is for it) are validated.
 */
export async function grantCreditException(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
  input: GrantExceptionInput,
): Promise<{ exceptionId: string; review: ReviewOutcome }> {
  return decideOnEntity(deps, ctx, customerId, async (tx, state, level) => {
    const currency = input.currency ?? state.limit?.currency ?? state.companyCurrency;
    const proposed = { ...input, currency };
    const issues = checkException(proposed, state.today, addDays(state.today, MAX_EXCEPTION_DAYS));
    if (input.orderId !== undefined) {
      const order = await findOrder(tx, ctx.companyId, { id: input.orderId });
      const ids = new Set(state.accounts.map((account) => account.id));
      if (order === undefined || !ids.has(order.customerId)) {
        throw new NotFoundError('sales_order', input.orderId);
      }
      if (order.status !== 'held') {
        throw new ConflictError('credit_order_not_held', {
          number: order.number,
          status: order.status,
        });
      }
    }
    if (issues.length > 0) {
      throw new InvalidError('credit_exception_refused', {}, issues);
    }
    const amountCents = cents(input.amountCents);
    requireWithin(state, level, 'exception', amountCents);
    const exceptionId = deps.ids.newId();
    const exception = {
      id: exceptionId,
      amountCents,
      currency,
      expiresOn: input.expiresOn,
      orderId: input.orderId ?? null,
      reason: input.reason.trim(),
      authorityLevel: level,
      grantedBy: decider(ctx),
      grantedOn: state.today,
    };
    await insertException(tx, ctx.companyId, state.entity, exception, deps.clock.now());
    await recordEvents(tx, ctx, [
      {
        action: 'credit.exception_granted',
        entityType: 'credit_exception',
        entityId: exceptionId,
        customerId: state.accounts[0]?.id ?? customerId,
        data: {
          entity: state.entity,
          amountCents,
          currency,
          expiresOn: input.expiresOn,
          orderId: exception.orderId,
          reason: exception.reason,
          authorityLevel: level,
        },
      },
    ]);
    const granted = {
      ...state,
      exceptions: [...state.exceptions, { ...exception, revokedAt: null }],
    };
    return { exceptionId, review: await reviewEntityInTx(deps, tx, ctx, granted, 'exception') };
  });
}

/** Puts an account on credit hold by hand, with a reason. */
export async function placeCreditHold(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
  reason: string,
): Promise<void> {
  if (reason.trim() === '') {
    throw invalidField('reason', 'credit_reason_required');
  }
  await decideOnEntity(deps, ctx, customerId, async (tx, state) => {
    const account = state.accounts[0];
    if (account?.status === 'closed' || account?.status === 'prospect') {
      throw new ConflictError('credit_hold_not_active', { status: account.status });
    }
    await placeHoldsInTx(deps, tx, ctx, [customerId], 'manual', reason.trim());
  });
}

/**
 * Releases the credit holds of `customerId` (the same rules whichever placed it, a dunning
 * step included): a reason is required; a hold placed by a person or a dunning step needs a
 * credit manager or above; and while the entity's exposure stands over the block threshold
 * with no exception's room, release is refused (409 `credit_still_over_limit`): grant an
 * exception, raise the limit, or ask for a prepayment first.
 */
export async function releaseCreditHold(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
  reason: string,
): Promise<void> {
  if (reason.trim() === '') {
    throw invalidField('reason', 'credit_reason_required');
  }
  await decideOnEntity(deps, ctx, customerId, async (tx, state, level) => {
    const holds = state.holds.filter((hold) => hold.customerId === customerId);
    const account = state.accounts[0];
    if (holds.length === 0 && account?.status !== 'on_hold') {
      throw new ConflictError('credit_not_on_hold', { status: account?.status ?? 'active' });
    }
    if (level < 2 && holds.some((hold) => hold.source !== 'over_limit')) {
      throw new ForbiddenError('credit_above_authority', {
        level,
        max: 0,
        currency: state.companyCurrency,
      });
    }
    const limit = state.limit;
    const exposureCents =
      limit === null ? cents(0) : exposureTotal(exposureIn(state, limit.currency));
    if (standsOverLimit(exposureCents, limit, state.exceptions, state.policy, state.today)) {
      throw new ConflictError('credit_still_over_limit', {
        exposure: exposureCents,
        limit: limit?.amountCents ?? 0,
        currency: limit?.currency ?? state.companyCurrency,
      });
    }
    const hasException = state.exceptions.some((e) => e.currency === limit?.currency);
    const now = deps.clock.now();
    await releaseHolds(
      tx,
      ctx.companyId,
      [customerId],
      { kind: hasException ? 'exception' : 'decision', reason: reason.trim(), by: decider(ctx) },
      now,
    );
    await setCustomerStatusesInTx(deps, tx, ctx, [customerId], 'active');
    await recordEvents(tx, ctx, [
      {
        action: 'credit.hold_released',
        entityType: 'customer',
        entityId: customerId,
        customerId,
        data: {
          sources: holds.map((hold) => hold.source),
          kind: 'decision',
          reason: reason.trim(),
        },
      },
    ]);
  });
}
