import type { Ctx } from '../app/context.ts';
import type { Queryable } from '../db/client.ts';
import { insertEvents, listCustomerEvents, type StoredEvent } from './store.ts';

export type EventInput = {
  action: string;
  entityType: string;
  entityId: string;
  customerId: string | null;
  data?: Record<string, unknown>;
};

/**
 * Appends what `ctx.actor` just did to the event trail, inside the caller's
 * transaction so the change and its record land together or not at all.
 */
export async function recordEvents(
  tx: Queryable,
  ctx: Ctx,
  events: readonly EventInput[],
): Promise<void> {
  await insertEvents(
    tx,
    events.map((event) => ({
      companyId: ctx.companyId,
      actorType: ctx.actor.type,
      actorId: ctx.actor.id,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      customerId: event.customerId,
      data: event.data ?? {},
    })),
  );
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
