import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext, type Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import { verifyAuditTrail } from '../../src/audit/service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { instantOn } from '../../src/demo/demo-dunning.ts';
import { loadDemo, type DemoResult } from '../../src/demo/load-demo.ts';
import { listAgenda } from '../../src/dunning/agenda.ts';
import { listRuns } from '../../src/dunning/run.ts';
import { listScenarios } from '../../src/dunning/service.ts';
import { addDays, todayIn, type CalendarDate } from '../../src/shared/calendar-date.ts';
import { ConflictError } from '../../src/shared/errors.ts';
import { openTestRuntime } from '../db.ts';

let handle: DbHandle;
let deps: Deps;
let demo: DemoResult;
let ctx: Ctx;
let today: CalendarDate;
const phases: string[] = [];

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
  demo = await loadDemo(handle, deps, {
    size: 'S',
    seed: 5,
    operator: 'tester',
    dunning: true,
    onProgress: (progress) => phases.push(progress.phase),
  });
  ctx = cliContext(demo.company.id, 'tester');
  today = deps.clock.today(demo.company.timeZone);
}, 240_000);

afterAll(async () => {
  await handle.close();
});

/** What the demo's dunning wrote, table by table: to see that nothing changes. */
async function dunningCounts(companyId: string) {
  const result = await sql<{ table: string; n: number }>`
    SELECT 'run' AS table, count(*)::int AS n FROM dunning_run WHERE company_id = ${companyId}
    UNION ALL SELECT 'action', count(*)::int FROM dunning_action WHERE company_id = ${companyId}
    UNION ALL SELECT 'message', count(*)::int FROM outbox_message WHERE company_id = ${companyId}
    UNION ALL SELECT 'promise', count(*)::int FROM payment_promise WHERE company_id = ${companyId}
    UNION ALL SELECT 'setting', count(*)::int FROM customer_dunning WHERE company_id = ${companyId}
    UNION ALL SELECT 'scenario', count(*)::int FROM dunning_scenario WHERE company_id = ${companyId}
    UNION ALL SELECT 'event', count(*)::int FROM event WHERE company_id = ${companyId}`.execute(
    handle.db,
  );
  return result.rows;
}

describe('the demo with its dunning replayed (size S)', () => {
  it('shows the replay on the progress line, after the rows', () => {
    expect(phases.at(-1)).toBe('dunning');
    expect(phases.indexOf('dunning')).toBeGreaterThan(phases.lastIndexOf('rows'));
    expect(demo.dunning).toMatchObject({ days: 30, runs: 31 });
  });

  it('has the standard scenario, « Grands comptes » for low risk, « Risque élevé » for high and critical', async () => {
    const scenarios = await listScenarios(deps, ctx);
    expect(scenarios.map((scenario) => [scenario.name, scenario.riskCategory])).toEqual(
      expect.arrayContaining([
        ['Scénario standard', null],
        ['Grands comptes', 'low'],
        ['Risque élevé', 'high'],
        ['Risque élevé (critique)', 'critical'],
      ]),
    );
    // A few customers are given « Grands comptes » as their own scenario.
    expect(
      scenarios.find((scenario) => scenario.name === 'Grands comptes')?.customerCount,
    ).toBeGreaterThanOrEqual(2);
    const settings = await sql<{ english: number; manual: number }>`
      SELECT count(*) FILTER (WHERE language = 'en')::int AS english,
             count(*) FILTER (WHERE manual_follow_up)::int AS manual
        FROM customer_dunning WHERE company_id = ${demo.company.id}`.execute(handle.db);
    expect(settings.rows[0]?.english).toBeGreaterThanOrEqual(2);
    expect(settings.rows[0]?.manual).toBeGreaterThanOrEqual(2);
  });

  it('gives every customer a contact with an e-mail address on a reserved domain', async () => {
    const contacts = await sql<{ customers: number; without: number; unreserved: number }>`
      SELECT count(DISTINCT c.id)::int AS customers,
             count(DISTINCT c.id) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM customer_contact k
                WHERE k.company_id = c.company_id AND k.customer_id = c.id
                  AND k.email IS NOT NULL))::int AS without,
             (SELECT count(*)::int FROM customer_contact k
               WHERE k.company_id = ${demo.company.id} AND k.email NOT LIKE '%.example') AS unreserved
        FROM customer c WHERE c.company_id = ${demo.company.id}`.execute(handle.db);
    expect(contacts.rows[0]).toEqual({
      customers: demo.counts.customers,
      without: 0,
      unreserved: 0,
    });
  });

  it('has a finished run for each of the last 30 days and today', async () => {
    const runs = await listRuns(deps, ctx, 40);
    const expected = Array.from({ length: 31 }, (_, index) => addDays(today, -index));
    expect(runs.map((run) => run.runOn)).toEqual(expected);
    expect(runs.every((run) => run.finishedAt !== null)).toBe(true);
    // A past run happened on its own morning.
    const oldest = runs.at(-1);
    expect(oldest && todayIn(demo.company.timeZone, oldest.startedAt)).toBe(addDays(today, -30));
    expect(oldest?.startedAt).toEqual(instantOn(addDays(today, -30), 7, 0, 'Europe/Paris'));
  });

  it('has messages sent, queued (today’s only), bounced and failed, and letters with their PDF', async () => {
    const statuses = await sql<{ status: string; channel: string; n: number; reasons: number }>`
      SELECT status, channel, count(*)::int AS n, count(last_error)::int AS reasons
        FROM outbox_message WHERE company_id = ${demo.company.id}
       GROUP BY status, channel ORDER BY status, channel`.execute(handle.db);
    const count = (status: string, channel = 'email') =>
      statuses.rows.find((row) => row.status === status && row.channel === channel);
    expect(
      ['sent', 'queued', 'bounced', 'failed'].filter((status) => (count(status)?.n ?? 0) === 0),
    ).toEqual([]);
    expect(count('failed')).toMatchObject({ n: 1, reasons: 1 });
    expect(count('bounced')?.reasons).toBe(count('bounced')?.n);
    expect(count('sent', 'letter')?.n ?? 0).toBeGreaterThan(0);

    const queued = await sql<{ day: string }>`
      SELECT DISTINCT (created_at AT TIME ZONE 'Europe/Paris')::date::text AS day
        FROM outbox_message WHERE company_id = ${demo.company.id} AND status = 'queued'
         AND channel = 'email'`.execute(handle.db);
    expect(queued.rows.map((row) => row.day)).toEqual([today]);

    const letters = await sql<{ n: number; pdfs: number }>`
      SELECT count(*)::int AS n,
             count(*) FILTER (WHERE attachment_type = 'application/pdf'
               AND substr(attachment, 1, 4) = '\\x25504446'::bytea)::int AS pdfs
        FROM outbox_message WHERE company_id = ${demo.company.id} AND channel = 'letter'`.execute(
      handle.db,
    );
    expect(letters.rows[0]?.n).toBeGreaterThan(0);
    expect(letters.rows[0]?.pdfs).toBe(letters.rows[0]?.n);

    // The customers written to in English got English e-mails.
    const english = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM outbox_message m
        JOIN customer_dunning d ON d.company_id = m.company_id AND d.customer_id = m.customer_id
       WHERE m.company_id = ${demo.company.id} AND d.language = 'en'`.execute(handle.db);
    expect(english.rows[0]?.n).toBeGreaterThan(0);
  });

  it('leaves an agenda for today, with past calls completed, promises taken and steps approved', async () => {
    const agenda = await listAgenda(deps, ctx, { assignee: 'all' });
    expect(agenda.today).toBe(today);
    expect(agenda.total).toBeGreaterThan(0);
    const done = await sql<{ outcome: string; n: number }>`
      SELECT outcome, count(*)::int AS n FROM dunning_action
       WHERE company_id = ${demo.company.id} AND outcome IS NOT NULL
       GROUP BY outcome`.execute(handle.db);
    const outcomes = new Map(done.rows.map((row) => [row.outcome, row.n]));
    expect(outcomes.get('approved') ?? 0).toBeGreaterThan(0);
    expect(outcomes.get('promise_given') ?? 0).toBeGreaterThan(0);
    expect(outcomes.get('voicemail') ?? 0).toBeGreaterThan(0);
    const promises = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM payment_promise WHERE company_id = ${demo.company.id}`.execute(
      handle.db,
    );
    expect(promises.rows[0]?.n).toBeGreaterThan(0);
    expect(demo.dunning?.completed).toBeGreaterThan(0);
    expect(demo.dunning?.approved).toBeGreaterThan(0);
  });

  it('keeps the audit trail whole', async () => {
    expect(await verifyAuditTrail(deps, ctx)).toMatchObject({ ok: true });
  });

  it('changes nothing when loaded a second time', async () => {
    const before = await dunningCounts(demo.company.id);

    await expect(
      loadDemo(handle, deps, { size: 'S', seed: 5, operator: 'tester', dunning: true }),
    ).rejects.toBeInstanceOf(ConflictError);

    expect(await dunningCounts(demo.company.id)).toEqual(before);
  });
});
