/**
 * Jobs on a real database (ADR 21): one run per (company, kind, run key) however many
 * servers schedule it, run by one worker, retried on the outbox's backoff, and claimed
 * again when its worker's lease runs out. The claim serves every company: a database per
 * test keeps each test's claims its own.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import { openDatabase, type DbHandle } from '../../src/db/client.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import {
  claimJobs,
  findJob,
  runDueJobs,
  scheduleJobInTx,
  type JobDefinition,
} from '../../src/jobs/jobs.ts';
import { openTestRuntime, TEST_NOW } from '../db.ts';
import { makeCompany } from '../factories.ts';

let handle: DbHandle;
let deps: Deps;

beforeEach(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterEach(async () => {
  await handle.close();
});

const at = (seconds: number) => new Date(TEST_NOW.getTime() + seconds * 1000);
const depsAt = (seconds: number, base: Deps = deps): Deps => ({
  ...base,
  clock: { now: () => at(seconds), today: (timeZone) => base.clock.today(timeZone) },
});

/** The test's one kind of job: it notes each run, and fails while `failures` says so. */
function noteJob(failures = 0) {
  const runs: { companyId: string; runKey: string; date: string; actor: string }[] = [];
  let left = failures;
  const definition: JobDefinition<{ date: string }> = {
    kind: 'test_note',
    payload: z.object({ date: z.string() }),
    handle: async (_deps, ctx, job) => {
      // Another run may be running too: let it in, as a real handler's statements would.
      await new Promise((resolve) => setImmediate(resolve));
      if (left > 0) {
        left -= 1;
        throw new Error('the bank file is not there yet');
      }
      runs.push({
        companyId: ctx.companyId,
        runKey: job.runKey,
        date: job.payload.date,
        actor: ctx.actor.type,
      });
    },
  };
  return { definition, runs };
}

async function schedule(ctx: Ctx, runKey: string, runAt = TEST_NOW, payload?: unknown) {
  return inTransaction(deps.db, (tx) =>
    scheduleJobInTx(deps, tx, ctx, {
      kind: 'test_note',
      runKey,
      runAt,
      payload: payload ?? { date: runKey },
    }),
  );
}

describe('scheduling', () => {
  it('makes one job of a run scheduled twice, and tells the second caller it existed', async () => {
    const { ctx } = await makeCompany(deps);
    const first = await schedule(ctx, '2026-03-15');
    const second = await schedule(ctx, '2026-03-15');
    expect(first.isNew).toBe(true);
    expect(second).toEqual({ id: first.id, isNew: false });
    expect(await findJob(deps, ctx, { kind: 'test_note', runKey: '2026-03-15' })).toMatchObject({
      id: first.id,
      status: 'queued',
      attempts: 0,
      runAt: TEST_NOW,
      payload: { date: '2026-03-15' },
    });
  });

  it('makes one job when two servers schedule the same run at the same moment', async () => {
    const { ctx } = await makeCompany(deps);
    const other =
      handle.raw.kind === 'postgres'
        ? await openDatabase(
            (handle.raw.pool.options as { connectionString: string }).connectionString,
          )
        : undefined;
    try {
      const otherDeps = other === undefined ? deps : { ...deps, db: other.db };
      const results = await Promise.all(
        [deps, otherDeps].map((server) =>
          inTransaction(server.db, (tx) =>
            scheduleJobInTx(server, tx, ctx, {
              kind: 'test_note',
              runKey: '2026-03-16',
              runAt: TEST_NOW,
              payload: { date: '2026-03-16' },
            }),
          ),
        ),
      );
      expect(results.filter((result) => result.isNew)).toHaveLength(1);
      expect(results[0]?.id).toBe(results[1]?.id);
    } finally {
      await other?.close();
    }
  });
});

describe('running', () => {
  it('runs a due job once, as the system, with its payload; not before its time', async () => {
    const { ctx } = await makeCompany(deps);
    await schedule(ctx, '2026-03-15', at(3600));
    const { definition, runs } = noteJob();
    const run = (seconds: number) =>
      runDueJobs({ deps: depsAt(seconds), owner: 'w1', definitions: [definition] });
    expect(await run(3599)).toMatchObject({ claimed: 0 });
    expect(await run(3600)).toEqual({ claimed: 1, done: 1, retried: 0, failed: 0 });
    expect(await run(7200)).toMatchObject({ claimed: 0 });
    expect(runs).toEqual([
      { companyId: ctx.companyId, runKey: '2026-03-15', date: '2026-03-15', actor: 'system' },
    ]);
    expect(await findJob(deps, ctx, { kind: 'test_note', runKey: '2026-03-15' })).toMatchObject({
      status: 'done',
      attempts: 1,
      finishedAt: at(3600),
      lastError: null,
    });
  });

  it('runs a failed job again after 1 min, then 5 min, with the reason kept meanwhile', async () => {
    const { ctx } = await makeCompany(deps);
    await schedule(ctx, '2026-03-15');
    const { definition, runs } = noteJob(2);
    const run = (seconds: number) =>
      runDueJobs({ deps: depsAt(seconds), owner: 'w1', definitions: [definition] });
    const job = () => findJob(deps, ctx, { kind: 'test_note', runKey: '2026-03-15' });

    expect(await run(0)).toMatchObject({ claimed: 1, retried: 1 });
    expect(await job()).toMatchObject({
      status: 'queued',
      attempts: 1,
      nextAttemptAt: at(60),
      lastError: 'the bank file is not there yet',
    });
    expect(await run(59)).toMatchObject({ claimed: 0 });
    expect(await run(60)).toMatchObject({ claimed: 1, retried: 1 });
    expect(await job()).toMatchObject({ status: 'queued', attempts: 2, nextAttemptAt: at(360) });
    expect(await run(360)).toMatchObject({ claimed: 1, done: 1 });
    expect(await job()).toMatchObject({ status: 'done', attempts: 3, lastError: null });
    expect(runs).toHaveLength(1);
  });

  it('fails at once a job whose payload does not parse', async () => {
    const { ctx } = await makeCompany(deps);
    await schedule(ctx, '2026-03-15', TEST_NOW, { day: 15 });
    const { definition, runs } = noteJob();
    expect(
      await runDueJobs({ deps: depsAt(0), owner: 'w1', definitions: [definition] }),
    ).toMatchObject({ claimed: 1, failed: 1 });
    const job = await findJob(deps, ctx, { kind: 'test_note', runKey: '2026-03-15' });
    expect(job).toMatchObject({ status: 'failed', attempts: 1, finishedAt: at(0) });
    expect(job?.lastError).toContain('date');
    expect(runs).toEqual([]);
  });

  it('runs again a job whose worker died, once its lease ran out', async () => {
    const { ctx } = await makeCompany(deps);
    await schedule(ctx, '2026-03-15');
    const [claimed] = await claimJobs(deps.db, {
      owner: 'dead',
      kinds: ['test_note'],
      limit: 1,
      leaseSeconds: 600,
      now: TEST_NOW,
    });
    expect(claimed).toMatchObject({ status: 'running', leaseOwner: 'dead', attempts: 1 });
    const { definition, runs } = noteJob();
    const run = (seconds: number) =>
      runDueJobs({ deps: depsAt(seconds), owner: 'w2', definitions: [definition] });
    expect(await run(600)).toMatchObject({ claimed: 0 });
    expect(await run(601)).toMatchObject({ claimed: 1, done: 1 });
    expect(runs).toHaveLength(1);
    expect(await findJob(deps, ctx, { kind: 'test_note', runKey: '2026-03-15' })).toMatchObject({
      status: 'done',
      attempts: 2,
    });
  });

  it('leaves kinds it has no definition for to the workers that have one', async () => {
    const { ctx } = await makeCompany(deps);
    await inTransaction(deps.db, (tx) =>
      scheduleJobInTx(deps, tx, ctx, { kind: 'someone_else', runKey: 'k', runAt: TEST_NOW }),
    );
    const { definition } = noteJob();
    expect(
      await runDueJobs({ deps: depsAt(0), owner: 'w1', definitions: [definition] }),
    ).toMatchObject({ claimed: 0 });
    expect(await findJob(deps, ctx, { kind: 'someone_else', runKey: 'k' })).toMatchObject({
      status: 'queued',
    });
  });

  it('two workers at once run each of 40 jobs of 4 companies once', async () => {
    const companies = await Promise.all([1, 2, 3, 4].map(() => makeCompany(deps)));
    for (const { ctx } of companies) {
      for (let day = 1; day <= 10; day += 1) {
        await schedule(ctx, `2026-03-${String(day).padStart(2, '0')}`);
      }
    }
    const other =
      handle.raw.kind === 'postgres'
        ? await openDatabase(
            (handle.raw.pool.options as { connectionString: string }).connectionString,
          )
        : undefined;
    const { definition, runs } = noteJob();
    const work = async (server: Deps, owner: string) => {
      let done = 0;
      for (;;) {
        const counts = await runDueJobs({
          deps: server,
          owner,
          definitions: [definition],
          limit: 3,
        });
        done += counts.done;
        if (counts.claimed === 0) {
          return done;
        }
      }
    };
    try {
      const otherDeps = depsAt(0, other === undefined ? deps : { ...deps, db: other.db });
      const done = await Promise.all([work(depsAt(0), 'w1'), work(otherDeps, 'w2')]);
      expect(done[0] + done[1]).toBe(40);
    } finally {
      await other?.close();
    }
    const keys = runs.map((run) => `${run.companyId}/${run.runKey}`);
    expect(keys).toHaveLength(40);
    expect(new Set(keys).size).toBe(40);
  });
});
