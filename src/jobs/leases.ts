/**
 * The lease both queues are claimed with (ADR 21), written once: `outbox_message` and `job`
 * carry the same columns for it (tables.ts, `LeaseColumns`) and differ only in the status of
 * a claimed row, the instant stamped when a row is done, and which rows a worker may take.
 * These statements serve every company, since one worker claims for all of them.
 */
import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { Queryable } from '../db/client.ts';
import type { LeaseState, RetryDecision } from './model.ts';
import type { LeaseColumns } from './tables.ts';

/** A table whose rows are claimed with a lease. */
export type LeasedQueue = {
  table: 'outbox_message' | 'job';
  /** The status of a claimed row, while a worker holds its lease: `sending`, `running`. */
  claimedStatus: string;
  /**
   * The column set to the instant a row reaches one of `statuses`, as the table's `…_check`
   * wants: a message's `sent_at` once `sent`, a job's `finished_at` once `done` or `failed`.
   */
  finished: { column: string; statuses: readonly string[] };
};

/** Who holds a row's lease, for which attempt: an outcome is recorded only under it. */
export type Lease = { companyId: string; id: string; leaseOwner: string; attempts: number };

/**
 * What ending an attempt writes besides releasing the lease: the row's new status, its error
 * (null clears it), and the instant of its next attempt when it is queued again.
 */
export type LeaseEnd = { status: string; lastError: string | null; nextAttemptAt?: Date };

/** The end of a failed attempt: queued again after the backoff, or failed for good. */
export function toRetryEnd(decision: RetryDecision): LeaseEnd {
  return decision.status === 'queued'
    ? { status: 'queued', nextAttemptAt: decision.nextAttemptAt, lastError: decision.reason }
    : { status: 'failed', lastError: decision.reason };
}

/** Who claims, how many rows at most, leased until when, at which instant. */
export type ClaimOptions = { owner: string; limit: number; leaseUntil: Date; now: Date };

/**
 * Claims up to `limit` due rows of `queue`, of every company, for `owner`, in one statement
 * (ADR 21): the rows are picked oldest due first and locked with `FOR UPDATE SKIP LOCKED`,
 * so two workers claiming at once never take the same one (the second skips what the first
 * locked; once the first commits, its lease keeps them out of the filter), and set to the
 * claimed status with the lease and one more attempt. A claimed row whose lease ran out is
 * claimed again. `where`: the queue's own condition on the rows it may take, named `d`.
 */
export async function claimDueRows<Row>(
  q: Queryable,
  queue: LeasedQueue,
  where: RawBuilder<unknown>,
  options: ClaimOptions,
): Promise<Row[]> {
  const table = sql.table(queue.table);
  // A literal, not a parameter: the pick then says the partial index's own predicate
  // (`outbox_message_due_idx`, `job_due_idx`), which the planner matches in any plan.
  const claimed = sql.lit(queue.claimedStatus);
  const { rows } = await sql<Row>`UPDATE ${table} AS c
    SET status = ${claimed}, lease_owner = ${options.owner}, lease_until = ${options.leaseUntil},
      attempts = c.attempts + 1, updated_at = ${options.now}
    WHERE (c.company_id, c.id) IN (
      SELECT d.company_id, d.id FROM ${table} AS d
      WHERE d.status IN ('queued', ${claimed}) AND ${where}
        AND d.next_attempt_at <= ${options.now}
        AND (d.lease_until IS NULL OR d.lease_until < ${options.now})
      ORDER BY d.next_attempt_at
      LIMIT ${options.limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING c.*`.execute(q);
  return rows;
}

/** The SET list that ends an attempt at `now`: `end`, and the lease released. */
function endingChanges(queue: LeasedQueue, end: LeaseEnd, now: Date): RawBuilder<unknown> {
  const isFinished = queue.finished.statuses.includes(end.status);
  return sql.join([
    sql`status = ${end.status}`,
    sql`last_error = ${end.lastError}`,
    ...(end.nextAttemptAt === undefined ? [] : [sql`next_attempt_at = ${end.nextAttemptAt}`]),
    ...(isFinished ? [sql`${sql.ref(queue.finished.column)} = ${now}`] : []),
    sql`lease_owner = NULL`,
    sql`lease_until = NULL`,
    sql`updated_at = ${now}`,
  ]);
}

/**
 * Records `end` on the row of `lease` and releases the lease, only if it still holds (the
 * claimed status, the same owner, the same attempt): a worker whose lease ran out, and whose
 * row another worker took meanwhile, changes nothing. Whether it did.
 */
export async function updateUnderLease(
  q: Queryable,
  queue: LeasedQueue,
  lease: Lease,
  end: LeaseEnd,
  now: Date,
): Promise<boolean> {
  const result = await sql`UPDATE ${sql.table(queue.table)}
    SET ${endingChanges(queue, end, now)}
    WHERE company_id = ${lease.companyId} AND id = ${lease.id}
      AND status = ${sql.lit(queue.claimedStatus)}
      AND lease_owner = ${lease.leaseOwner} AND attempts = ${lease.attempts}`.execute(q);
  return result.numAffectedRows === 1n;
}

/** The instant, the attempts a row gets in all, and why it fails once they are spent. */
export type AbandonOptions = { now: Date; maxAttempts: number; reason: string };

/**
 * Fails, with `reason`, the rows of every company whose worker died during their last
 * attempt (claimed, their lease run out, `maxAttempts` begun), which no claim would take
 * again. `where`: the queue's own condition on them, named `d`. Their `returning` columns.
 */
export async function updateAbandonedRows<Row>(
  q: Queryable,
  queue: LeasedQueue,
  options: AbandonOptions & {
    where?: RawBuilder<unknown>;
    returning: readonly (keyof Row & string)[];
  },
): Promise<Row[]> {
  const conditions = [
    sql`d.status = ${sql.lit(queue.claimedStatus)}`,
    ...(options.where === undefined ? [] : [options.where]),
    sql`d.lease_until < ${options.now}`,
    sql`d.attempts >= ${options.maxAttempts}`,
  ];
  const failed: LeaseEnd = { status: 'failed', lastError: options.reason };
  const { rows } = await sql<Row>`UPDATE ${sql.table(queue.table)} AS d
    SET ${endingChanges(queue, failed, options.now)}
    WHERE ${sql.join(conditions, sql` AND `)}
    RETURNING ${sql.join(options.returning.map((column) => sql.ref(`d.${column}`)))}`.execute(q);
  return rows;
}

/** The lease columns of a row, as the model words them. */
export function toLeaseState(
  row: Pick<
    Selectable<LeaseColumns>,
    'attempts' | 'next_attempt_at' | 'lease_owner' | 'lease_until' | 'last_error'
  >,
): LeaseState {
  return {
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    leaseOwner: row.lease_owner,
    leaseUntil: row.lease_until,
    lastError: row.last_error,
  };
}
