/**
 * The daily run against a killed process and a second one at once (issue 9): a run killed
 * mid-way leaves only whole slices behind, and the run resumed sends each customer's
 * reminder once; two runs of one day at once, on two connections, send each once too.
 * PostgreSQL only for the killed process: a second process cannot open PGlite (ADR 8).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import { listMessagePage } from '../../src/jobs/messages.ts';
import { createDeps, type Deps } from '../../src/app/deps.ts';
import { customerDirectory } from '../../src/customers/directory.ts';
import { openDatabase, type DbHandle } from '../../src/db/client.ts';
import { listRuns, runDunning } from '../../src/dunning/run.ts';
import { calendarDate } from '../../src/shared/calendar-date.ts';
import { openTestRuntime, TEST_NOW } from '../db.ts';
import { makeCompany, makeCustomer, makeInvoices } from '../factories.ts';
import { fixedClock } from '../../src/shared/clock.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const CHILD = fileURLToPath(new URL('./dunning-run-child.ts', import.meta.url));
const RUN_ON = calendarDate('2026-03-06');

/** `count` customers, each with one invoice due on 1 March and a billing e-mail. */
async function customers(ctx: Ctx, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    const customer = await makeCustomer(deps, ctx, {
      contacts: [{ role: 'billing', name: null, email: `c${index}@client.test`, phone: null }],
    });
    await makeInvoices(deps, ctx, customer.id, [
      { number: `FA-${index}`, issueDate: '2026-01-30', dueDate: '2026-03-01', amount: 10_000 },
    ]);
  }
}

async function recipientsOf(ctx: Ctx): Promise<string[]> {
  const page = await listMessagePage(deps, ctx, { limit: 500 });
  return page.items.flatMap((message) => message.recipients).toSorted();
}

const expected = (count: number) =>
  Array.from({ length: count }, (_, index) => `c${index}@client.test`).toSorted();

describe('a run killed mid-way', () => {
  it('leaves whole slices only, and the resumed run reminds each customer once', async (test) => {
    if (handle.raw.kind !== 'postgres') {
      console.info(
        'PGlite: a second process cannot open the test database (ADR 8); run on PostgreSQL',
      );
      test.skip();
      return;
    }
    const { ctx, company } = await makeCompany(deps);
    await customers(ctx, 60);
    const { connectionString } = handle.raw.pool.options as { connectionString: string };
    const child = spawn(process.execPath, [
      '--import',
      'tsx',
      CHILD,
      connectionString,
      company.id,
      RUN_ON,
      '10',
    ]);
    const [line] = (await once(child.stdout, 'data')) as [Buffer];
    expect(line.toString()).toMatch(/^10\n/u);
    child.kill('SIGKILL');
    await once(child, 'exit');

    const left = await recipientsOf(ctx);
    expect(left.length % 10).toBe(0);
    expect(left.length).toBeLessThan(60);
    expect((await listRuns(deps, ctx))[0]?.finishedAt).toBeNull();

    const resumed = await runDunning(deps, ctx, { date: RUN_ON, sliceSize: 10 });
    expect(resumed.counts.actions).toBe(60 - left.length);
    expect(await recipientsOf(ctx)).toEqual(expected(60));
    expect((await listRuns(deps, ctx))[0]?.finishedAt).not.toBeNull();
  });
});

describe('two runs of one day at once', () => {
  it('remind each customer once between them', async () => {
    const { ctx } = await makeCompany(deps);
    await customers(ctx, 30);
    let other: DbHandle | undefined;
    let otherDeps = deps;
    if (handle.raw.kind === 'postgres') {
      const { connectionString } = handle.raw.pool.options as { connectionString: string };
      other = await openDatabase(connectionString);
      otherDeps = createDeps(other.db, {
        customers: customerDirectory,
        clock: fixedClock(TEST_NOW),
      });
    } else {
      console.info('PGlite: the two runs share its one connection (no second process can open it)');
    }
    try {
      const [first, second] = await Promise.all([
        runDunning(deps, ctx, { date: RUN_ON, sliceSize: 7 }),
        runDunning(otherDeps, ctx, { date: RUN_ON, sliceSize: 7 }),
      ]);
      expect(first.counts.actions + second.counts.actions).toBe(30);
      expect(await recipientsOf(ctx)).toEqual(expected(30));
    } finally {
      await other?.close();
    }
  });
});
