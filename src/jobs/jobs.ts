/**
 * Scheduled work (ADR 21): a job is one run of a kind (`dunning_run` of 2026-12-02),
 * scheduled once whatever the number of servers scheduling it, claimed by one worker at a
 * time, retried with the outbox's backoff. Each kind is one `JobDefinition` in its own file
 * of src/jobs/ (its payload schema and its handler), listed where the worker starts.
 */
import type { z } from 'zod';
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import type { Db, Tx } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import {
  claimDueJobs,
  findJobByRunKey,
  insertJob,
  updateAbandonedJobs,
  updateJobOutcome,
} from './job-store.ts';
import {
  decideJobRetry,
  MAX_ATTEMPTS,
  type ClaimedJob,
  type Job,
  type RetryDecision,
} from './model.ts';
import { DEFAULT_LEASE_SECONDS, workerOwner } from './outbox-worker.ts';
import { startPolling, type Poller } from './polling.ts';

/**
 * One kind of job: its name, the schema of its payload (parsed before the handler runs: a
 * payload that does not parse fails the job at once), and its handler.
 *
 * A handler may run more than once for one job: after a failure, and when its worker died
 * before recording the job done (its lease ran out). So it must be idempotent: what it
 * writes is keyed by the run (a dunning run by company and date), and a second run finds
 * it done (ADR 21, consequences).
 */
export type JobDefinition<Payload = unknown> = {
  kind: string;
  payload: z.ZodType<Payload>;
  handle(deps: Deps, ctx: Ctx, job: ClaimedJob & { payload: Payload }): Promise<void>;
};

/**
 * Any definition, whatever its payload, for a list of them. A method's parameters are
 * checked both ways, so a `JobDefinition<{ date: string }>` fits.
 */
export type AnyJobDefinition = {
  kind: string;
  payload: z.ZodType;
  handle(deps: Deps, ctx: Ctx, job: never): Promise<void>;
};

/** A job acts as the system in its company, with every permission. */
export function jobContext(companyId: string): Ctx {
  return { companyId, actor: { type: 'system', id: null, name: 'jobs' }, role: 'admin' };
}

/**
 * Schedules the run `runKey` of `kind` for `runAt`, in `tx` (the transaction of whatever
 * decides it), unless the company has it already: `ON CONFLICT DO NOTHING` on
 * (company, kind, run key), so two servers scheduling the same day make one job. The job's
 * id and whether this call made it.
 */
export async function scheduleJobInTx(
  deps: Pick<Deps, 'ids' | 'clock'>,
  tx: Tx,
  ctx: Ctx,
  job: { kind: string; runKey: string; runAt: Date; payload?: unknown },
): Promise<{ id: string; isNew: boolean }> {
  const id = await insertJob(tx, ctx.companyId, {
    id: deps.ids.newId(),
    kind: job.kind,
    runKey: job.runKey,
    runAt: job.runAt,
    payload: job.payload ?? {},
    now: deps.clock.now(),
  });
  if (id !== undefined) {
    return { id, isNew: true };
  }
  const existing = await findJobByRunKey(tx, ctx.companyId, job.kind, job.runKey);
  if (existing === undefined) {
    // The conflicting row is committed (the insert waited for it): it cannot vanish.
    throw new Error(`Job ${job.kind} ${job.runKey} conflicted but cannot be found`);
  }
  return { id: existing.id, isNew: false };
}

/** The company's run `runKey` of `kind`, or undefined: what became of a scheduled run. */
export async function findJob(
  deps: Pick<Deps, 'db'>,
  ctx: Ctx,
  job: { kind: string; runKey: string },
): Promise<Job | undefined> {
  return findJobByRunKey(deps.db, ctx.companyId, job.kind, job.runKey);
}

/**
 * Claims up to `limit` due jobs of `kinds`, of every company, for `owner`, leased for
 * `leaseSeconds` from `now`: as the outbox's claim, one statement, `SKIP LOCKED`.
 */
export async function claimJobs(
  db: Db,
  options: {
    owner: string;
    kinds: readonly string[];
    limit: number;
    leaseSeconds: number;
    now: Date;
  },
): Promise<ClaimedJob[]> {
  return claimDueJobs(db, {
    owner: options.owner,
    kinds: options.kinds,
    limit: options.limit,
    now: options.now,
    leaseUntil: new Date(options.now.getTime() + options.leaseSeconds * 1000),
  });
}

/** Records the job done, if its worker still holds the lease. Whether it did. */
export async function completeJob(db: Db, job: ClaimedJob, now: Date): Promise<boolean> {
  return updateJobOutcome(db, job, { status: 'done' }, now);
}

/**
 * Records a failed attempt of the job, if its worker still holds the lease: queued again
 * after the backoff (1 min, 5 min, 30 min, 2 h, 12 h), failed after the last attempt or at
 * once when `isPermanent`. The decision, or undefined when the lease was lost.
 */
export async function failJob(
  db: Db,
  job: ClaimedJob,
  failure: { reason: string; isPermanent?: boolean },
  now: Date,
): Promise<RetryDecision | undefined> {
  const decision = decideJobRetry(
    job.attempts,
    { reason: failure.reason, isPermanent: failure.isPermanent ?? false },
    now,
  );
  return (await updateJobOutcome(db, job, decision, now)) ? decision : undefined;
}

/** What one batch of jobs did. */
export type JobCounts = { claimed: number; done: number; retried: number; failed: number };

/**
 * Runs one batch: fails the jobs abandoned on their last attempt, claims up to `limit` due
 * jobs of the kinds `definitions` name, and runs each, one after the other, recording its
 * outcome. A handler's exception fails the attempt with its message.
 */
export async function runDueJobs(options: {
  deps: Deps;
  owner: string;
  definitions: readonly AnyJobDefinition[];
  limit?: number;
  leaseSeconds?: number;
}): Promise<JobCounts> {
  const { deps } = options;
  const byKind = new Map(options.definitions.map((definition) => [definition.kind, definition]));
  const counts: JobCounts = { claimed: 0, done: 0, retried: 0, failed: 0 };
  counts.failed += await inTransaction(deps.db, (tx) =>
    updateAbandonedJobs(tx, {
      now: deps.clock.now(),
      maxAttempts: MAX_ATTEMPTS,
      reason: 'worker_lost_during_last_attempt',
    }),
  );
  const claimed = await claimJobs(deps.db, {
    owner: options.owner,
    kinds: [...byKind.keys()],
    limit: options.limit ?? 5,
    leaseSeconds: options.leaseSeconds ?? DEFAULT_LEASE_SECONDS,
    now: deps.clock.now(),
  });
  counts.claimed = claimed.length;
  for (const job of claimed) {
    const definition = byKind.get(job.kind);
    const parsed = definition?.payload.safeParse(job.payload);
    if (definition === undefined || parsed?.success !== true) {
      // Claimed only for the kinds defined; a payload that does not parse never will.
      const reason = parsed?.error?.message ?? `no definition for ${job.kind}`;
      await failJob(deps.db, job, { reason, isPermanent: true }, deps.clock.now());
      counts.failed += 1;
      continue;
    }
    try {
      // Its payload parsed by its own schema: the handler gets the type it declared.
      const typed = definition as unknown as JobDefinition;
      await typed.handle(deps, jobContext(job.companyId), { ...job, payload: parsed.data });
      if (await completeJob(deps.db, job, deps.clock.now())) {
        counts.done += 1;
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const decision = await failJob(deps.db, job, { reason }, deps.clock.now());
      if (decision?.status === 'queued') {
        counts.retried += 1;
      } else if (decision?.status === 'failed') {
        counts.failed += 1;
      }
    }
  }
  return counts;
}

/**
 * Runs `runDueJobs` every `intervalMs` (30 s by default), for `serve`:
 * `startJobWorker({ deps, definitions: [dunningRunJob({ publicUrl })], onError: (e) => log.error(e) })`.
 */
export function startJobWorker(options: {
  deps: Deps;
  definitions: readonly AnyJobDefinition[];
  owner?: string;
  intervalMs?: number;
  limit?: number;
  onError(error: unknown): void;
}): Poller {
  const owner = options.owner ?? workerOwner();
  const limit = options.limit ?? 5;
  return startPolling({
    intervalMs: options.intervalMs ?? 30_000,
    onError: (error) => options.onError(error),
    runBatch: async () => {
      const counts = await runDueJobs({ ...options, owner, limit });
      return counts.claimed >= limit;
    },
  });
}
