/**
 * The daily run as a job (ADR 21, ADR 22): each company's run of a day is one job, keyed
 * by the date, scheduled once its hour has come on its own clocks; any number of servers
 * schedule it, one makes it and one runs it. A run the job repeats (after a crash, a
 * retry) writes nothing twice.
 */
import { z } from 'zod';
import type { Deps } from '../app/deps.ts';
import { findCompanies } from '../companies/service.ts';
import { inTransaction } from '../db/transaction.ts';
import { jobContext, scheduleJobInTx, type JobDefinition } from '../jobs/jobs.ts';
import { hourIn, type CalendarDate } from '../shared/calendar-date.ts';
import { ZCalendarDate } from '../shared/schemas.ts';
import { runDunning } from './run.ts';
import { ensureConfiguration } from './service.ts';
import { reviewCreditExposures } from '../credit/review-run.ts';

export const DUNNING_RUN_JOB = 'dunning_run';

/** The run's job, its reminders' links under `options.publicUrl` (`PUBLIC_URL`). */
export function dunningRunJob(options: { publicUrl?: string } = {}): JobDefinition<{
  date: string;
}> {
  return {
    kind: DUNNING_RUN_JOB,
    payload: z.object({ date: ZCalendarDate }),
    async handle(deps, ctx, job) {
      // The credit review first: a hold the ledger's crossings call for is placed before
      // the day's reminders are decided (issue 12, docs/credit.md « The daily review »).
      await reviewCreditExposures(deps, ctx);
      await runDunning(deps, ctx, { ...options, date: job.payload.date as CalendarDate });
    },
  };
}

/**
 * Schedules today's run of every company whose run hour has come (its time zone, its
 * policy's hour): one statement per company, and nothing when the job exists. The
 * companies whose run was made now.
 */
export async function scheduleDueRuns(deps: Deps): Promise<string[]> {
  const now = deps.clock.now();
  const scheduled: string[] = [];
  for (const company of await findCompanies(deps)) {
    const ctx = jobContext(company.id);
    const policy = await ensureConfiguration(deps, ctx);
    if (hourIn(company.timeZone, now) < policy.runHour) {
      continue;
    }
    const today = deps.clock.today(company.timeZone);
    const job = await inTransaction(deps.db, (tx) =>
      scheduleJobInTx(deps, tx, ctx, {
        kind: DUNNING_RUN_JOB,
        runKey: today,
        runAt: now,
        payload: { date: today },
      }),
    );
    if (job.isNew) {
      scheduled.push(company.id);
    }
  }
  return scheduled;
}
