/**
 * Reading a customer's credit (its entity, the limit in force and its history, the exposure
 * by currency, the exceptions and holds), the company's credit policy and its open alerts.
 * Reading takes `customers:read`; setting the policy `credit:configure` (administrators: a
 * credit manager does not set the ceilings of its own authority).
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { InvalidError } from '../shared/errors.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import {
  creditCompany,
  readEntityState,
  type EntityState,
  type LimitInForce,
} from './entity-state.ts';
import {
  checkCreditPolicy,
  exposureTotal,
  limitState,
  thresholdReached,
  type CreditPolicy,
  type ExposureParts,
} from './model.ts';
import {
  listCompanyOpenAlerts,
  listLimitHistory,
  readCreditPolicy,
  saveCreditPolicy,
  type StoredAlert,
  type StoredLimit,
} from './store.ts';

export type LimitView = (LimitInForce | StoredLimit) & {
  state: 'in_force' | 'not_started' | 'expired';
};

export type CustomerCredit = Pick<EntityState, 'entity' | 'exceptions' | 'holds' | 'policy'> & {
  accounts: EntityState['accounts'];
  limit: LimitView | null;
  history: LimitView[];
  exposures: (ExposureParts & { totalCents: number })[];
  usedBps: number | null;
  level: 'alert' | 'block' | null;
};

function viewOf(limit: LimitInForce | StoredLimit, today: CalendarDate): LimitView {
  return { ...limit, state: limitState(limit, today) };
}

/** A customer's credit as its page shows it. */
export async function getCustomerCredit(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
): Promise<CustomerCredit> {
  requirePermission(ctx, 'customers:read');
  const company = await creditCompany(deps, ctx);
  const state = await readEntityState(deps, deps.db, ctx, company, { id: customerId });
  const history = await listLimitHistory(deps.db, ctx.companyId, state.entity, 20);
  const limit = state.limit;
  const exposures = state.exposures.map((parts) => ({
    ...parts,
    totalCents: exposureTotal(parts),
  }));
  const inLimitCurrency =
    limit === null ? undefined : exposures.find((parts) => parts.currency === limit.currency);
  const exposureCents = inLimitCurrency?.totalCents ?? 0;
  return {
    entity: state.entity,
    accounts: state.accounts,
    limit: limit === null ? null : viewOf(limit, state.today),
    history: history.map((entry) => viewOf(entry, state.today)),
    exposures,
    usedBps:
      limit === null || limit.amountCents === 0
        ? null
        : Math.floor((Math.max(0, exposureCents) * 10_000) / limit.amountCents),
    level: limit === null ? null : thresholdReached(cents(exposureCents), limit, state.policy),
    exceptions: state.exceptions,
    holds: state.holds,
    policy: state.policy,
  };
}

/** The company's credit policy (the defaults until it sets one). */
export async function getCreditPolicy(deps: Deps, ctx: Ctx): Promise<CreditPolicy> {
  requirePermission(ctx, 'customers:read');
  return readCreditPolicy(deps.db, ctx.companyId);
}

/** Sets the company's credit policy; every problem refused at once, nothing saved. */
export async function updateCreditPolicy(
  deps: Deps,
  ctx: Ctx,
  policy: CreditPolicy,
): Promise<CreditPolicy> {
  requirePermission(ctx, 'credit:configure');
  const issues = checkCreditPolicy(policy);
  if (issues.length > 0) {
    throw new InvalidError('credit_policy_refused', {}, issues);
  }
  await saveCreditPolicy(deps.db, ctx.companyId, policy, deps.clock.now());
  return policy;
}

/** The company's open alerts, newest first. */
export async function listCreditAlerts(
  deps: Deps,
  ctx: Ctx,
  limit: number,
): Promise<StoredAlert[]> {
  requirePermission(ctx, 'customers:read');
  return listCompanyOpenAlerts(deps.db, ctx.companyId, limit);
}
