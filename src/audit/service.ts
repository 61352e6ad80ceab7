import { linkTrail, type Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { can } from '../app/permissions.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { ForbiddenError } from '../shared/errors.ts';
import { checkKnownHead, judgeChain, type AuditVerification, type KnownHead } from './model.ts';
import {
  findEventHash,
  findFirstBrokenEvent,
  listCustomerEvents,
  listEntityEvents,
  prepareStaging,
  readChainSummary,
  stageEvents,
  type StoredEvent,
} from './store.ts';
import type { AuditAction } from './schemas.ts';

export { PENDING_EVENTS_TABLE, PENDING_EVENT_COLUMNS, prepareBulkEvents } from './store.ts';
export type { StoredEvent } from './store.ts';

export type EventInput = {
  action: AuditAction;
  entityType: string;
  entityId: string;
  customerId: string | null;
  data?: Record<string, unknown>;
};

/**
 * Appends what `ctx.actor` just did to the event trail, inside the caller's
 * transaction so the change and its record land together or not at all. The
 * events are staged now and numbered and chained when the transaction commits
 * (ADR 14): the company's chain is locked only then, after every row lock the
 * use case took, and only while its own events are chained. Called outside a
 * transaction, it opens one, so that a batch lands whole.
 */
export async function recordEvents(
  tx: Queryable,
  ctx: Ctx,
  events: readonly EventInput[],
): Promise<void> {
  if (events.length === 0) {
    return;
  }
  if (!isTransaction(tx)) {
    await tx.transaction().execute((inner) => recordEvents(inner, ctx, events));
    return;
  }
  const prepared = preparedCompanies.get(tx) ?? new Set<string>();
  if (!prepared.has(ctx.companyId)) {
    await prepareStaging(tx, ctx.companyId);
    prepared.add(ctx.companyId);
    preparedCompanies.set(tx, prepared);
  }
  const trail = linkTrail(ctx);
  await stageEvents(
    tx,
    ctx.companyId,
    events.map((event) => ({
      actorType: ctx.actor.type,
      actorId: ctx.actor.id,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      customerId: event.customerId,
      data: trail === undefined ? (event.data ?? {}) : { ...event.data, ...trail },
    })),
  );
}

/**
 * The companies whose staging each open transaction has prepared: a use case that
 * records events row by row then pays one statement per call, not two. A
 * transaction object lives as long as its transaction, so the entry goes with it.
 */
const preparedCompanies = new WeakMap<Tx, Set<string>>();

function isTransaction(q: Queryable): q is Tx {
  return q.isTransaction;
}

/** The events about one customer, newest first (its timeline). */
export async function readCustomerEvents(
  q: Queryable,
  ctx: Ctx,
  customerId: string,
  limit: number,
): Promise<StoredEvent[]> {
  return listCustomerEvents(q, ctx.companyId, customerId, limit);
}

/** The events about any of `entities` (e.g. an invoice and its allocations), newest first. */
export async function readEntityEvents(
  q: Queryable,
  ctx: Ctx,
  entities: readonly { entityType: string; entityId: string }[],
  limit: number,
): Promise<StoredEvent[]> {
  return listEntityEvents(q, ctx.companyId, entities, limit);
}

/**
 * Checks the company's whole chain: every event follows the one before it (no
 * gap), hashes to what is stored from the previous hash, and the last one is the
 * head's. Reads one snapshot, so events committed meanwhile are not mistaken for
 * a break. With `known`, a head printed by an earlier verify and kept outside the
 * database, also checks that the event it names still has that hash: the one
 * change the chain alone cannot show is its recomputation, head included.
 * Administrators only: the trail is everyone's actions.
 */
export async function verifyAuditTrail(
  deps: Deps,
  ctx: Ctx,
  known?: KnownHead,
): Promise<AuditVerification> {
  if (!can(ctx.role, 'users:manage')) {
    throw new ForbiddenError();
  }
  return deps.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const summary = await readChainSummary(tx, ctx.companyId);
      const verdict = judgeChain(await findFirstBrokenEvent(tx, ctx.companyId), summary);
      return known === undefined
        ? verdict
        : checkKnownHead(verdict, known, await findEventHash(tx, ctx.companyId, known.seq));
    });
}
