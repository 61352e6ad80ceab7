/**
 * The daily run's schedule (ADR 22): each company's run of a day is scheduled once its
 * hour has come on its own clocks, once whoever schedules it, and run by the job worker;
 * a company in another time zone waits for its own hour.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/app/deps.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { dunningRunJob, DUNNING_RUN_JOB, scheduleDueRuns } from '../../src/dunning/run-job.ts';
import { listRuns } from '../../src/dunning/run.ts';
import { findJob, runDueJobs } from '../../src/jobs/jobs.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openTestRuntime } from '../db.ts';
import { makeCompany, makeCustomer, makeInvoices } from '../factories.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

function at(instant: string): Deps {
  return { ...deps, clock: fixedClock(new Date(instant)) };
}

describe('the daily run’s schedule', () => {
  it('schedules each company at its own hour, once, and the worker runs it', async () => {
    const paris = await makeCompany(deps);
    const reunion = await makeCompany(deps, { timeZone: 'Indian/Reunion' });
    const customer = await makeCustomer(deps, paris.ctx, {
      contacts: [{ role: 'billing', name: null, email: 'compta@client.test', phone: null }],
    });
    await makeInvoices(deps, paris.ctx, customer.id, [
      { number: 'FA-1', issueDate: '2026-02-01', dueDate: '2026-03-10', amount: 10_000 },
    ]);

    // 05:30 UTC: 06:30 in Paris (before its 7 o'clock), 09:30 in La Réunion.
    const early = await scheduleDueRuns(at('2026-03-16T05:30:00Z'));
    expect(early).toContain(reunion.company.id);
    expect(early).not.toContain(paris.company.id);
    // 06:05 UTC: 07:05 in Paris. Two servers scheduling at once make one job.
    const [first, second] = await Promise.all([
      scheduleDueRuns(at('2026-03-16T06:05:00Z')),
      scheduleDueRuns(at('2026-03-16T06:05:00Z')),
    ]);
    expect([...first, ...second].filter((id) => id === paris.company.id)).toHaveLength(1);
    expect(await scheduleDueRuns(at('2026-03-16T09:00:00Z'))).not.toContain(paris.company.id);

    const counts = await runDueJobs({
      deps: at('2026-03-16T06:06:00Z'),
      owner: 'test-worker',
      definitions: [dunningRunJob()],
      limit: 50,
    });
    expect(counts.failed).toBe(0);
    const job = await findJob(deps, paris.ctx, { kind: DUNNING_RUN_JOB, runKey: '2026-03-16' });
    expect(job?.status).toBe('done');
    const [run] = await listRuns(deps, paris.ctx);
    expect(run).toMatchObject({ runOn: '2026-03-16', counts: { actions: 1, messages: 1 } });
    expect(run?.finishedAt).not.toBeNull();
  });
});
