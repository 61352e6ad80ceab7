import { sql } from 'kysely';
import { ROWS_PER_STATEMENT, unnestRows } from '../db/array-parameters.ts';
import type { BulkSession } from '../db/bulk-copy.ts';
import type { Queryable, Tx } from '../db/client.ts';
import type { BrokenRow, ChainSummary } from './model.ts';

export type ActorType = 'user' | 'api_token' | 'system' | 'cli' | 'department' | 'customer';

/** An event to append; the database gives it its seq, its hash and (unless set) its time. */
export type NewEvent = {
  actorType: ActorType;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  customerId: string | null;
  data: Record<string, unknown>;
};

export type StoredEvent = NewEvent & { seq: number; occurredAt: Date };

/**
 * The session's staging table (migration 202612011200): rows COPYed or inserted
 * here after `event_pending_prepare(company)` are numbered, chained and moved
 * into `event` when the transaction commits.
 */
export const PENDING_EVENTS_TABLE = 'pg_temp.event_pending';

/** Its columns, in the order a COPY sends them (`occurred_at` defaults to the transaction's start). */
export const PENDING_EVENT_COLUMNS = [
  'company_id',
  'actor_type',
  'actor_id',
  'action',
  'entity_type',
  'entity_id',
  'customer_id',
  'data',
] as const;

/** Opens the session's staging and marks `companyId` for chaining at COMMIT (once per transaction). */
export async function prepareStaging(tx: Tx, companyId: string): Promise<void> {
  await sql`SELECT event_pending_prepare(${companyId}::uuid)`.execute(tx);
}

/**
 * Stages `events` of `companyId` in `tx`, after `prepareStaging`: one statement per
 * `ROWS_PER_STATEMENT` events, each with one array parameter per column. They reach
 * `event` at COMMIT (and vanish with a rollback).
 */
export async function stageEvents(
  tx: Tx,
  companyId: string,
  events: readonly NewEvent[],
): Promise<void> {
  for (let start = 0; start < events.length; start += ROWS_PER_STATEMENT) {
    const rows = events.slice(start, start + ROWS_PER_STATEMENT).map((event) => ({
      actor_type: event.actorType,
      actor_id: event.actorId,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId,
      customer_id: event.customerId,
      data: JSON.stringify(event.data),
    }));
    // The company's marker again, should an early chaining (SET CONSTRAINTS … IMMEDIATE)
    // have consumed it: without one, these rows would be dropped at COMMIT unchained.
    await sql`WITH marked AS (
        INSERT INTO pg_temp.event_pending_company (company_id) VALUES (${companyId}::uuid)
        ON CONFLICT DO NOTHING
      )
      INSERT INTO pg_temp.event_pending
        (company_id, actor_type, actor_id, action, entity_type, entity_id, customer_id, data)
      SELECT ${companyId}::uuid, row.*
        FROM ${unnestRows(
          'row',
          {
            actor_type: 'text',
            actor_id: 'text',
            action: 'text',
            entity_type: 'text',
            entity_id: 'uuid',
            customer_id: 'uuid',
            data: 'jsonb',
          },
          rows,
        )}`.execute(tx);
  }
}

/** Opens the staging for a bulk session that COPYs into `PENDING_EVENTS_TABLE`. */
export async function prepareBulkEvents(
  session: Pick<BulkSession, 'query'>,
  companyId: string,
): Promise<void> {
  await session.query('SELECT event_pending_prepare($1::uuid)', [companyId]);
}

export async function listCustomerEvents(
  q: Queryable,
  companyId: string,
  customerId: string,
  limit: number,
): Promise<StoredEvent[]> {
  const rows = await q
    .selectFrom('event')
    .select([
      'seq',
      'occurred_at',
      'actor_type',
      'actor_id',
      'action',
      'entity_type',
      'entity_id',
      'customer_id',
      'data',
    ])
    .where('company_id', '=', companyId)
    .where('customer_id', '=', customerId)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map(storedEventOf);
}

/**
 * The events about any of `entities` (an invoice and its allocations, say), newest
 * first: one statement, the pairs as two array parameters joined on the entity index.
 */
export async function listEntityEvents(
  q: Queryable,
  companyId: string,
  entities: readonly { entityType: string; entityId: string }[],
  limit: number,
): Promise<StoredEvent[]> {
  if (entities.length === 0) {
    return [];
  }
  const keys = unnestRows(
    'k',
    { entity_type: 'text', entity_id: 'uuid' },
    entities.map((entity) => ({ entity_type: entity.entityType, entity_id: entity.entityId })),
  );
  const { rows } = await sql<EventRow>`
    SELECT e.seq, e.occurred_at, e.actor_type, e.actor_id, e.action, e.entity_type,
      e.entity_id, e.customer_id, e.data
    FROM ${keys}
    JOIN event e ON e.company_id = ${companyId} AND e.entity_type = k.entity_type AND e.entity_id = k.entity_id
    ORDER BY e.seq DESC
    LIMIT ${limit}`.execute(q);
  return rows.map(storedEventOf);
}

type EventRow = {
  seq: number;
  occurred_at: Date;
  actor_type: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  customer_id: string | null;
  data: unknown;
};

/** An event row as the domain reads it. */
function storedEventOf(row: EventRow): StoredEvent {
  return {
    seq: row.seq,
    occurredAt: row.occurred_at,
    actorType: row.actor_type as ActorType,
    actorId: row.actor_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    customerId: row.customer_id,
    data: (row.data ?? {}) as Record<string, unknown>,
  };
}

/**
 * The first event, in seq order, that does not follow the one before it (a gap)
 * or whose stored hash is not sha256(previous stored hash ‖ its canonical bytes).
 * Each link is checked on its own, so one statement checks the whole chain
 * without recomputing it in sequence.
 */
export async function findFirstBrokenEvent(
  q: Queryable,
  companyId: string,
): Promise<BrokenRow | undefined> {
  const result = await sql<{
    seq: number;
    hash: string;
    previous_seq: number | null;
    is_linked: boolean;
    is_next_linked: boolean | null;
  }>`
    WITH checked AS (
      SELECT seq, hash, lag(seq) OVER w AS previous_seq,
             hash = sha256(coalesce(lag(hash) OVER w, ''::bytea)
               || event_canonical(seq, company_id, occurred_at, actor_type, actor_id, action,
                                  entity_type, entity_id, customer_id, data)) AS is_linked
        FROM event
       WHERE company_id = ${companyId}
      WINDOW w AS (ORDER BY seq)
    ), flagged AS (
      SELECT seq, hash, previous_seq, is_linked,
             lead(is_linked) OVER (ORDER BY seq) AS is_next_linked
        FROM checked
    )
    SELECT seq, encode(hash, 'hex') AS hash, previous_seq, is_linked, is_next_linked
      FROM flagged
     WHERE seq <> coalesce(previous_seq, 0) + 1 OR NOT is_linked
     ORDER BY seq
     LIMIT 1`.execute(q);
  const row = result.rows[0];
  return row === undefined
    ? undefined
    : {
        seq: row.seq,
        hash: row.hash,
        previousSeq: row.previous_seq,
        isLinked: row.is_linked,
        isNextLinked: row.is_next_linked,
      };
}

/** How many events the company has, its last one and its head row. */
export async function readChainSummary(q: Queryable, companyId: string): Promise<ChainSummary> {
  const result = await sql<{
    events: number;
    last_seq: number | null;
    last_hash: string | null;
    head_seq: number | null;
    head_hash: string | null;
  }>`
    SELECT (SELECT count(*) FROM event WHERE company_id = ${companyId})::bigint AS events,
           last.seq AS last_seq, encode(last.hash, 'hex') AS last_hash,
           head.seq AS head_seq, encode(head.hash, 'hex') AS head_hash
      FROM (SELECT 1) AS one
      LEFT JOIN LATERAL (SELECT seq, hash FROM event WHERE company_id = ${companyId}
                          ORDER BY seq DESC LIMIT 1) AS last ON true
      LEFT JOIN event_chain_head AS head ON head.company_id = ${companyId}`.execute(q);
  const row = result.rows[0];
  const pair = (seq: number | null | undefined, hash: string | null | undefined) =>
    seq === null || seq === undefined || hash === null || hash === undefined ? null : { seq, hash };
  return {
    events: row?.events ?? 0,
    last: pair(row?.last_seq, row?.last_hash),
    head: pair(row?.head_seq, row?.head_hash),
  };
}

/** The stored hash of one event, hex. */
export async function findEventHash(
  q: Queryable,
  companyId: string,
  seq: number,
): Promise<string | undefined> {
  const row = await q
    .selectFrom('event')
    .select(sql<string>`encode(hash, 'hex')`.as('hash'))
    .where('company_id', '=', companyId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row?.hash;
}
