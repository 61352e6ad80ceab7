import { insertRows } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';

export type NewEvent = {
  companyId: string;
  actorType: 'user' | 'api_token' | 'system' | 'cli';
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  customerId: string | null;
  data: Record<string, unknown>;
};

export type StoredEvent = Omit<NewEvent, 'companyId'> & { id: number; occurredAt: Date };

export async function insertEvents(q: Queryable, events: readonly NewEvent[]): Promise<void> {
  await insertRows(
    q,
    'event',
    {
      company_id: 'uuid',
      actor_type: 'text',
      actor_id: 'text',
      action: 'text',
      entity_type: 'text',
      entity_id: 'uuid',
      customer_id: 'uuid',
      data: 'jsonb',
    },
    events.map((event) => ({
      company_id: event.companyId,
      actor_type: event.actorType,
      actor_id: event.actorId,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId,
      customer_id: event.customerId,
      data: JSON.stringify(event.data),
    })),
  );
}

export async function listCustomerEvents(
  q: Queryable,
  companyId: string,
  customerId: string,
  limit: number,
): Promise<StoredEvent[]> {
  const rows = await q
    .selectFrom('event')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('customer_id', '=', customerId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurred_at,
    actorType: row.actor_type as NewEvent['actorType'],
    actorId: row.actor_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    customerId: row.customer_id,
    data: (row.data ?? {}) as Record<string, unknown>,
  }));
}
