/**
 * Account opening (issue 12, docs/credit.md « Account opening »): the checklist a prospect's
 * page shows until it is complete, and its activation: a prospect becomes `active` only with
 * no blocking item missing, or when an administrator or a credit manager overrides with a
 * reason. The checklist's rules are `account-opening.ts` (pure); the limit it asks for is
 * the entity's decided one, with its author.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { recordEvents } from '../audit/service.ts';
import { listCustomersByIds, setCustomerStatusesInTx } from '../customers/service.ts';
import type { Queryable } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  fieldIssue,
  invalidField,
} from '../shared/errors.ts';
import {
  DEFAULT_OPENING_POLICY,
  decideActivation,
  openingChecklist,
  type CreditLimitDecision,
  type OpeningChecklist,
} from './account-opening.ts';
import { creditCompany, readEntityState, type EntityState } from './entity-state.ts';

/** The decided limit as the checklist reads it: typed-only figures have no author. */
function limitDecisionOf(state: EntityState): CreditLimitDecision | null {
  const limit = state.limit;
  if (limit === null) {
    return null;
  }
  return {
    amountCents: limit.amountCents,
    decidedBy:
      limit.source === 'account' ? null : (limit.decidedBy?.name ?? limit.decidedBy?.id ?? null),
    decidedAt: limit.validFrom,
  };
}

/** The checklist of `customerId` on `q`, from its record and its entity's state. */
async function checklistOn(
  q: Queryable,
  ctx: Ctx,
  customerId: string,
  state: EntityState,
): Promise<OpeningChecklist> {
  const [customer] = await listCustomersByIds(q, ctx, [customerId]);
  if (customer === undefined) {
    throw new NotFoundError('customer', customerId);
  }
  return openingChecklist({
    customer,
    creditLimit: limitDecisionOf(state),
    policy: DEFAULT_OPENING_POLICY,
  });
}

/** The account-opening checklist of a customer (prospect or not: it says what is missing). */
export async function getAccountOpening(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
): Promise<OpeningChecklist & { status: string }> {
  requirePermission(ctx, 'customers:read');
  const company = await creditCompany(deps, ctx);
  const state = await readEntityState(deps, deps.db, ctx, company, { id: customerId });
  const checklist = await checklistOn(deps.db, ctx, customerId, state);
  return { ...checklist, status: state.accounts[0]?.status ?? 'prospect' };
}

/**
 * Activates a prospect: refused (409 `blocking_items_missing`, an issue per missing item)
 * while blocking items are missing, unless `override` is given by a role that may with a
 * reason; recorded with what was passed over. Only a prospect is activated here.
 */
export async function activateCustomer(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
  override?: { reason: string },
): Promise<OpeningChecklist> {
  requirePermission(ctx, 'customers:write');
  const company = await creditCompany(deps, ctx);
  return inTransaction(deps.db, async (tx) => {
    const state = await readEntityState(deps, tx, ctx, company, { id: customerId }, { lock: true });
    const status = state.accounts[0]?.status;
    if (status !== 'prospect') {
      throw new ConflictError('credit_not_prospect', { status: status ?? 'active' });
    }
    const checklist = await checklistOn(tx, ctx, customerId, state);
    const decision = decideActivation(
      checklist,
      override === undefined ? undefined : { reason: override.reason, byRole: ctx.role },
    );
    if (!decision.allowed) {
      const missing = decision.missing.map((code) =>
        fieldIssue(code, 'opening_item_missing', { item: code }),
      );
      switch (decision.reason) {
        case 'override_role_not_allowed':
          throw new ForbiddenError(decision.reason);
        case 'override_reason_required':
          throw invalidField('reason', decision.reason);
        case 'blocking_items_missing':
          throw new ConflictError(decision.reason, {}, missing);
      }
    }
    await setCustomerStatusesInTx(deps, tx, ctx, [customerId], 'active');
    await recordEvents(tx, ctx, [
      {
        action: 'credit.account_opened',
        entityType: 'customer',
        entityId: customerId,
        customerId,
        data: {
          overridden: decision.overridden,
          passedOver: decision.missing,
          reason: decision.overridden ? (override?.reason.trim() ?? null) : null,
        },
      },
    ]);
    return checklist;
  });
}
