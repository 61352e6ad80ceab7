/**
 * The jobs' SQL (ADR 21), and nothing else. Claimed exactly as the outbox's messages are,
 * by the same statements (leases.ts): one UPDATE over a `FOR UPDATE SKIP LOCKED` pick,
 * across every company.
 */
import { sql, type Selectable } from 'kysely';
import type { Queryable } from '../db/client.ts';
import { anyOf } from '../db/array-parameters.ts';
import {
  claimDueRows,
  toLeaseState,
  updateAbandonedRows,
  updateUnderLease,
  toRetryEnd,
  type AbandonOptions,
  type ClaimOptions,
  type Lease,
  type LeasedQueue,
} from './leases.ts';
import type { ClaimedJob, Job, JobStatus, RetryDecision } from './model.ts';
import { jobsDb, type JobTable } from './tables.ts';

type JobRow = Selectable<JobTable>;

/** A claimed job is `running`; a job done or failed has its `finished_at`. */
const JOB_QUEUE: LeasedQueue = {
  table: 'job',
  claimedStatus: 'running',
  finished: { column: 'finished_at', statuses: ['done', 'failed'] },
};

function toJob(row: JobRow): Job {
  return {
    companyId: row.company_id,
    id: row.id,
    kind: row.kind,
    runKey: row.run_key,
    runAt: row.run_at,
    payload: row.payload,
    status: row.status as JobStatus,
    ...toLeaseState(row),
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

/**
 * Inserts the job unless the company has one of that kind and run key already
 * (`ON CONFLICT DO NOTHING`: two servers scheduling the same run make one job). The id of
 * the new job, or undefined when it existed.
 */
export async function insertJob(
  q: Queryable,
  companyId: string,
  job: { id: string; kind: string; runKey: string; runAt: Date; payload: unknown; now: Date },
): Promise<string | undefined> {
  const row = await jobsDb(q)
    .insertInto('job')
    .values({
      company_id: companyId,
      id: job.id,
      kind: job.kind,
      run_key: job.runKey,
      run_at: job.runAt,
      payload: JSON.stringify(job.payload ?? {}),
      next_attempt_at: job.runAt,
      created_at: job.now,
      updated_at: job.now,
    })
    .onConflict((conflict) => conflict.columns(['company_id', 'kind', 'run_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function findJobByRunKey(
  q: Queryable,
  companyId: string,
  kind: string,
  runKey: string,
): Promise<Job | undefined> {
  const row = await jobsDb(q)
    .selectFrom('job')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('kind', '=', kind)
    .where('run_key', '=', runKey)
    .executeTakeFirst();
  return row === undefined ? undefined : toJob(row);
}

/**
 * Claims up to `limit` due jobs of `kinds`, of every company, for `owner` (the outbox's
 * claim: `outbox-store.ts`, `claimDueMessages`).
 */
export async function claimDueJobs(
  q: Queryable,
  options: ClaimOptions & { kinds: readonly string[] },
): Promise<ClaimedJob[]> {
  const ofKinds = sql`d.kind = ${anyOf(options.kinds, 'text')}`;
  const rows = await claimDueRows<JobRow>(q, JOB_QUEUE, ofKinds, options);
  return rows.map((row) => toJob(row) as ClaimedJob);
}

/** Records the outcome of a job's attempt under its lease. Whether the lease still held. */
export async function updateJobOutcome(
  q: Queryable,
  lease: Lease,
  outcome: { status: 'done' } | RetryDecision,
  now: Date,
): Promise<boolean> {
  const end = outcome.status === 'done' ? { status: 'done', lastError: null } : toRetryEnd(outcome);
  return updateUnderLease(q, JOB_QUEUE, lease, end, now);
}

/** Fails the jobs whose worker died during their last attempt. How many. */
export async function updateAbandonedJobs(q: Queryable, options: AbandonOptions): Promise<number> {
  const failed = await updateAbandonedRows<Pick<JobRow, 'id'>>(q, JOB_QUEUE, {
    ...options,
    returning: ['id'],
  });
  return failed.length;
}
