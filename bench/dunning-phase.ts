import { signIn } from './query-phase.ts';
import { sql } from 'kysely';
import { cliContext } from '../src/app/context.ts';
import type { Deps } from '../src/app/deps.ts';
import type { DemoResult } from '../src/demo/load-demo.ts';
import { listAgenda } from '../src/dunning/agenda.ts';
import { ZAgendaPage } from '../src/dunning/agenda-schemas.ts';
import { CUSTOMERS_PER_SLICE, runDunning, type RunReport } from '../src/dunning/run.ts';
import type { RunCounts } from '../src/dunning/run-store.ts';
import { buildApp } from '../src/server/app.ts';
import type { CalendarDate } from '../src/shared/calendar-date.ts';
import { measure, summarise, timeOnce, type Sample } from './timing.ts';

/** One `runDunning` for the demo's today, timed, with the time of each of its slices. */
export type DunningPass = {
  ms: number;
  counts: RunCounts;
  /** Slices the run went through (`onProgress` calls). */
  slices: number;
  /**
   * From the call to the first slice's commit: the setup, the promises, the leaving
   * sweep over the invoices' states, and the first slice.
   */
  firstSliceMs: number;
  /** The slices after the first, each one transaction; undefined when there was one. */
  otherSlices: Sample | undefined;
  /** Rows added to `outbox_message` by this run. */
  outboxAdded: number;
};

export type AgendaRun = {
  assignee: { id: string; name: string };
  /** Open items of this collector for today (the page's `total`). */
  total: number;
  /** Items on the page (the default limit). */
  items: number;
  /** `listAgenda` on the service. */
  service: Sample;
  /** `GET /api/agenda?assignee=<id>` through Fastify, signed in as the admin. */
  http: Sample;
};

export type DunningRunResults = {
  today: CalendarDate;
  /** Customers with an e-mail address on one of their contacts (the run e-mails them). */
  customersWithEmail: number;
  customers: number;
  /** Customers per slice the runs used (ADR 22's default). */
  sliceSize: number;
  first: DunningPass;
  /** The same date again: must write nothing. */
  second: DunningPass;
  agenda: AgendaRun | undefined;
};

async function outboxCount(deps: Deps, companyId: string): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT count(*)::bigint AS n FROM outbox_message WHERE company_id = ${companyId}`.execute(
    deps.db,
  );
  return result.rows[0]?.n ?? 0;
}

async function timeRun(
  deps: Deps,
  demo: DemoResult,
  today: CalendarDate,
  label: string,
): Promise<{ pass: DunningPass; report: RunReport }> {
  const ctx = cliContext(demo.company.id, 'bench');
  const outboxBefore = await outboxCount(deps, demo.company.id);
  const marks: number[] = [];
  const started = performance.now();
  const run = await timeOnce(() =>
    runDunning(deps, ctx, {
      date: today,
      onProgress: (done) => {
        marks.push(performance.now());
        process.stderr.write(`\r  ${label}: ${done.toLocaleString('en-US')} customers…`);
      },
    }),
  );
  process.stderr.write('\n');
  const gaps = marks.slice(1).map((mark, index) => mark - (marks[index] ?? mark));
  return {
    report: run.value,
    pass: {
      ms: run.ms,
      counts: run.value.counts,
      slices: marks.length,
      firstSliceMs: (marks[0] ?? performance.now()) - started,
      otherSlices: gaps.length === 0 ? undefined : summarise(gaps),
      outboxAdded: (await outboxCount(deps, demo.company.id)) - outboxBefore,
    },
  };
}

/** The collector with the most items to do today. */
async function busiestCollector(
  deps: Deps,
  companyId: string,
  today: CalendarDate,
): Promise<{ id: string; name: string } | undefined> {
  const result = await sql<{ id: string; name: string; n: number }>`
    SELECT u.id, u.display_name AS name, count(*)::bigint AS n
    FROM dunning_action a
    JOIN app_user u ON u.company_id = a.company_id AND u.id = a.assignee_user_id
    WHERE a.company_id = ${companyId} AND a.status IN ('open', 'awaiting_approval')
      AND a.due_on <= ${today}::date
      AND (a.snoozed_until IS NULL OR a.snoozed_until <= ${today}::date)
    GROUP BY u.id, u.display_name
    ORDER BY n DESC, u.id
    LIMIT 1`.execute(deps.db);
  const row = result.rows[0];
  return row === undefined ? undefined : { id: row.id, name: row.name };
}

async function benchAgenda(
  deps: Deps,
  demo: DemoResult,
  today: CalendarDate,
  options: { runs: number; warmup: number },
): Promise<AgendaRun | undefined> {
  const assignee = await busiestCollector(deps, demo.company.id, today);
  if (assignee === undefined) {
    return undefined;
  }
  const ctx = cliContext(demo.company.id, 'bench');
  const page = await listAgenda(deps, ctx, { assignee: assignee.id });
  const service = await measure(() => listAgenda(deps, ctx, { assignee: assignee.id }), options);
  const app = await buildApp({ deps, webDir: '/nonexistent' });
  try {
    const cookie = await signIn(app, demo);
    const url = `/api/agenda?assignee=${assignee.id}`;
    const get = async () => {
      const response = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (response.statusCode !== 200) {
        throw new Error(
          `GET ${url} answered ${response.statusCode}: ${response.body.slice(0, 300)}`,
        );
      }
      return response.json();
    };
    const answered = ZAgendaPage.parse(await get());
    if (answered.total !== page.total) {
      throw new Error(`${url}: the API and listAgenda disagree on the total`);
    }
    const http = await measure(get, options);
    return { assignee, total: page.total, items: page.items.length, service, http };
  } finally {
    await app.close();
  }
}

async function countCustomers(
  deps: Deps,
  companyId: string,
): Promise<{ customers: number; customersWithEmail: number }> {
  const result = await sql<{ customers: number; with_email: number }>`
    SELECT count(*)::bigint AS customers,
      count(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM customer_contact cc
        WHERE cc.company_id = c.company_id AND cc.customer_id = c.id
          AND cc.email IS NOT NULL AND cc.email <> ''))::bigint AS with_email
    FROM customer c WHERE c.company_id = ${companyId}`.execute(deps.db);
  const row = result.rows[0];
  return {
    customers: row?.customers ?? 0,
    customersWithEmail: row?.with_email ?? 0,
  };
}

/**
 * The daily dunning run on a loaded demo (issue 9): `runDunning` for the demo's today,
 * timed with each slice, then the same date again (which must write nothing), then the
 * busiest collector's agenda. It writes actions and messages but applies no payment:
 * run it before the match phase, after anything that reads the ledger as loaded.
 */
export async function benchDunning(
  deps: Deps,
  demo: DemoResult,
  options: { runs: number; warmup: number },
): Promise<DunningRunResults> {
  const today = deps.clock.today(demo.company.timeZone);
  const counted = await countCustomers(deps, demo.company.id);
  const first = await timeRun(deps, demo, today, 'run');
  const second = await timeRun(deps, demo, today, 'same date again');
  if (second.pass.counts.actions > 0 || second.pass.outboxAdded > 0) {
    throw new Error(
      `The second run of ${today} wrote ${second.pass.counts.actions} actions and ${second.pass.outboxAdded} messages`,
    );
  }
  const agenda = await benchAgenda(deps, demo, today, options);
  return {
    today,
    ...counted,
    sliceSize: CUSTOMERS_PER_SLICE,
    first: first.pass,
    second: second.pass,
    agenda,
  };
}
