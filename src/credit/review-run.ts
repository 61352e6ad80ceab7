/**
 * The credit review (docs/credit.md « The daily review »): the crossings the ledger made on
 * its own — a large invoice imported, a payment received — with no credit decision after
 * them. It walks the company's decided limits a page at a time; for each page it reads the
 * accounts, the kept balances, the live orders and the open alerts and holds in a fixed
 * number of statements, works out which entities stand at another threshold than their open
 * alerts and holds say, and reviews only those, each in its own transaction under its locks
 * (`reviewEntityInTx`: the same rules as after a decision). Run daily with the dunning run,
 * and by `encaisse credit review`.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { listAccountsOfEntities } from '../customers/credit-accounts.ts';
import { inTransaction } from '../db/transaction.ts';
import { listKeptBalances } from '../ledger/kept-balances.ts';
import { reviewEntityInTx } from './decisions.ts';
import {
  creditCompany,
  entityOf,
  exposureIn,
  exposuresOf,
  readEntityState,
} from './entity-state.ts';
import { exposureTotal, thresholdReached } from './model.ts';
import { listOpenHolds, sumLiveOrders } from './order-store.ts';
import {
  entityKey,
  findCurrentLimits,
  listCurrentLimitsPage,
  listOpenAlertLevels,
  readCreditPolicy,
} from './store.ts';

/** Limits read per page: each page is a fixed number of statements. */
export const REVIEW_PAGE = 1_000;

export type CreditReviewReport = {
  entities: number;
  reviewed: number;
  alertsRaised: number;
  holdsPlaced: number;
  holdsReleased: number;
  ordersValidated: number;
};

/** Reviews every entity with a decided limit whose standing changed since its last review. */
export async function reviewCreditExposures(deps: Deps, ctx: Ctx): Promise<CreditReviewReport> {
  requirePermission(ctx, 'credit:decide');
  const company = await creditCompany(deps, ctx, { forDecision: true });
  const policy = await readCreditPolicy(deps.db, ctx.companyId);
  const report: CreditReviewReport = {
    entities: 0,
    reviewed: 0,
    alertsRaised: 0,
    holdsPlaced: 0,
    holdsReleased: 0,
    ordersValidated: 0,
  };
  let after: string | null = null;
  for (;;) {
    const page = await listCurrentLimitsPage(deps.db, ctx.companyId, after, REVIEW_PAGE);
    if (page.length === 0) {
      return report;
    }
    after = page.at(-1)?.id ?? null;
    report.entities += page.length;
    const entities = page.map((row) => row.entity);
    const accounts = await listAccountsOfEntities(deps.db, ctx, {
      sirens: entities.flatMap((e) => (e.kind === 'siren' ? [e.siren] : [])),
      customerIds: entities.flatMap((e) => (e.kind === 'account' ? [e.customerId] : [])),
    });
    const ids = accounts.map((account) => account.id);
    const [limits, balances, orders, alerts, holds] = await Promise.all([
      findCurrentLimits(deps.db, ctx.companyId, entities),
      listKeptBalances(deps.db, ctx, ids),
      sumLiveOrders(deps.db, ctx.companyId, ids),
      listOpenAlertLevels(deps.db, ctx.companyId, entities),
      listOpenHolds(deps.db, ctx.companyId, ids),
    ]);
    const heldOverLimit = new Set(
      holds.filter((hold) => hold.source === 'over_limit').map((hold) => hold.customerId),
    );
    for (const entity of entities) {
      const key = entityKey(entity);
      const limit = limits.get(key);
      const members = accounts.filter((account) => entityKey(entityOf(account)) === key);
      const first = members[0];
      if (limit === undefined || first === undefined) {
        continue;
      }
      const exposure = exposureIn(
        { exposures: exposuresOf(new Set(members.map((m) => m.id)), balances, orders) },
        limit.currency,
      );
      const level = thresholdReached(exposureTotal(exposure), limit, policy);
      const open = alerts.get(key) ?? new Set();
      const isAlertStale =
        (level === null && open.size > 0) ||
        (level === 'alert' && (open.has('block') || !open.has('alert'))) ||
        (level === 'block' && !open.has('block'));
      const isHoldStale =
        (level === 'block' && members.some((m) => m.status === 'active')) ||
        (level !== 'block' && members.some((m) => heldOverLimit.has(m.id)));
      if (!isAlertStale && !isHoldStale) {
        continue;
      }
      const outcome = await inTransaction(deps.db, async (tx) => {
        const state = await readEntityState(
          deps,
          tx,
          ctx,
          company,
          { id: first.id },
          { lock: true },
        );
        return reviewEntityInTx(deps, tx, ctx, state, 'under_limit');
      });
      report.reviewed += 1;
      report.alertsRaised += outcome.alertsRaised.length;
      report.holdsPlaced += outcome.holdsPlaced.length;
      report.holdsReleased += outcome.holdsReleased.length;
      report.ordersValidated += outcome.validatedOrderIds.length;
    }
  }
}
