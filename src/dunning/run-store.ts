/**
 * The daily run's SQL (migration 202612022300): `dunning_run`, `dunning_action`,
 * `dunning_action_invoice`, `invoice_dunning`, and the customers' own settings the run
 * reads in slices. Every statement filters on the company; lists travel as array
 * parameters, so a slice is a fixed number of statements whatever its size.
 */
import { sql } from 'kysely';
import { anyOf, unnestRows } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import type { Language } from '../shared/language.ts';
import { cents, type Cents } from '../shared/money.ts';
import type { ActionStatus, PlannedAction } from './run-plan.ts';
import { runDb } from './run-tables.ts';

/** What a run did, by kind of outcome: stored with the run, shown to the credit manager. */
export type RunCounts = {
  customers: number;
  actions: number;
  messages: number;
  awaitingApproval: number;
  tasks: number;
  heldBack: number;
  leaves: number;
  promisesKept: number;
  promisesBroken: number;
};

export type RunRecord = {
  id: string;
  runOn: CalendarDate;
  startedAt: Date;
  finishedAt: Date | null;
  counts: Partial<RunCounts>;
};

/** Marks the day's run begun (or begun again, after a crash or for a second time). */
export async function startRunRow(
  q: Queryable,
  companyId: string,
  run: { id: string; runOn: CalendarDate; now: Date },
): Promise<void> {
  await runDb(q)
    .insertInto('dunning_run')
    .values({
      company_id: companyId,
      id: run.id,
      run_on: run.runOn,
      started_at: run.now,
      finished_at: null,
      counts: '{}',
    })
    .onConflict((oc) =>
      oc.columns(['company_id', 'run_on']).doUpdateSet({ started_at: run.now, finished_at: null }),
    )
    .execute();
}

export async function finishRunRow(
  q: Queryable,
  companyId: string,
  runOn: CalendarDate,
  counts: RunCounts,
  now: Date,
): Promise<void> {
  await runDb(q)
    .updateTable('dunning_run')
    .set({ finished_at: now, counts: JSON.stringify(counts) })
    .where('company_id', '=', companyId)
    .where('run_on', '=', runOn)
    .execute();
}

export async function listRunRows(
  q: Queryable,
  companyId: string,
  limit: number,
): Promise<RunRecord[]> {
  const rows = await runDb(q)
    .selectFrom('dunning_run')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('run_on', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    runOn: row.run_on as CalendarDate,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    counts: row.counts as Partial<RunCounts>,
  }));
}

/** A customer's own settings as the run reads them. */
export type CustomerSetting = {
  scenarioId: string | null;
  manualFollowUp: boolean;
  language: Language | null;
  /** Its agreed late-payment rate in basis points; `null`: the legal rate. */
  contractualRateBps: number | null;
};

export async function findCustomerSettings(
  q: Queryable,
  companyId: string,
  customerIds: readonly string[],
): Promise<Map<string, CustomerSetting>> {
  if (customerIds.length === 0) {
    return new Map();
  }
  const rows = await q
    .selectFrom('customer_dunning')
    .select(['customer_id', 'scenario_id', 'manual_follow_up', 'language', 'contractual_rate_bps'])
    .where('company_id', '=', companyId)
    .where('customer_id', '=', anyOf(customerIds, 'uuid'))
    .execute();
  return new Map(
    rows.map((row) => [
      row.customer_id,
      {
        scenarioId: row.scenario_id,
        manualFollowUp: row.manual_follow_up,
        language: row.language as Language | null,
        contractualRateBps: row.contractual_rate_bps,
      },
    ]),
  );
}

/** An invoice's step, with the status of the action carrying it out. */
export type StoredInvoiceState = {
  invoiceId: string;
  stepId: string;
  reachedOn: CalendarDate;
  actionId: string;
  actionStatus: ActionStatus;
  messageId: string | null;
};

export async function findInvoiceStates(
  q: Queryable,
  companyId: string,
  invoiceIds: readonly string[],
): Promise<Map<string, StoredInvoiceState>> {
  if (invoiceIds.length === 0) {
    return new Map();
  }
  const rows = await runDb(q)
    .selectFrom('invoice_dunning as s')
    .innerJoin('dunning_action as a', (join) =>
      join.onRef('a.company_id', '=', 's.company_id').onRef('a.id', '=', 's.action_id'),
    )
    .select([
      's.invoice_id',
      's.step_id',
      's.reached_on',
      's.action_id',
      'a.status',
      'a.message_id',
    ])
    .where('s.company_id', '=', companyId)
    .where('s.invoice_id', '=', anyOf(invoiceIds, 'uuid'))
    .execute();
  return new Map(
    rows.map((row) => [
      row.invoice_id,
      {
        invoiceId: row.invoice_id,
        stepId: row.step_id,
        reachedOn: row.reached_on as CalendarDate,
        actionId: row.action_id,
        actionStatus: row.status as ActionStatus,
        messageId: row.message_id,
      },
    ]),
  );
}

/**
 * The last day each customer was contacted: an e-mail, letter or SMS handed to the
 * outbox, or a call made. Awaiting approval, dismissed or cancelled actions reached nobody.
 */
export async function findLastContacts(
  q: Queryable,
  companyId: string,
  customerIds: readonly string[],
): Promise<Map<string, CalendarDate>> {
  if (customerIds.length === 0) {
    return new Map();
  }
  const rows = await runDb(q)
    .selectFrom('dunning_action')
    .select(['customer_id', sql<string>`max(run_on)::text`.as('last_on')])
    .where('company_id', '=', companyId)
    .where('customer_id', '=', anyOf(customerIds, 'uuid'))
    .where('kind', '=', 'step')
    .where((eb) =>
      eb.or([
        eb.and([
          eb('channel', 'in', ['email', 'letter', 'sms']),
          eb('status', 'in', ['queued', 'done']),
        ]),
        eb.and([eb('channel', '=', 'call'), eb('status', '=', 'done')]),
      ]),
    )
    .groupBy('customer_id')
    .execute();
  return new Map(rows.map((row) => [row.customer_id, row.last_on as CalendarDate]));
}

/**
 * Writes `actions` unless they exist (their dedupe key): a second run for the date, or a
 * run resumed, writes nothing again. The ids of those written.
 */
export async function insertActions(
  q: Queryable,
  companyId: string,
  actions: readonly PlannedAction[],
  runOn: CalendarDate,
  now: Date,
): Promise<Set<string>> {
  if (actions.length === 0) {
    return new Set();
  }
  const rows = await sql<{ id: string }>`
    INSERT INTO dunning_action (company_id, id, dedupe_key, run_on, customer_id, kind,
      scenario_id, scenario_name, step_id, step_offset, channel, template_id, status,
      assignee_user_id, total_open_cents, currency, oldest_due_date, due_on, note,
      completed_at, created_at, updated_at)
    SELECT ${companyId}::uuid, r.id, r.dedupe_key, ${runOn}::date, r.customer_id, 'step',
      r.scenario_id, r.scenario_name, r.step_id, r.step_offset, r.channel, r.template_id,
      r.status, r.assignee_user_id, r.total_open_cents, r.currency, r.oldest_due_date,
      ${runOn}::date, r.note, CASE WHEN r.status = 'done' THEN ${now}::timestamptz END,
      ${now}::timestamptz, ${now}::timestamptz
    FROM ${unnestRows(
      'r',
      {
        id: 'uuid',
        dedupe_key: 'text',
        customer_id: 'uuid',
        scenario_id: 'uuid',
        scenario_name: 'text',
        step_id: 'text',
        step_offset: 'integer',
        channel: 'text',
        template_id: 'text',
        status: 'text',
        assignee_user_id: 'uuid',
        total_open_cents: 'bigint',
        currency: 'text',
        oldest_due_date: 'date',
        note: 'text',
      },
      actions.map((action) => ({
        id: action.id,
        dedupe_key: action.dedupeKey,
        customer_id: action.customerId,
        scenario_id: action.scenarioId,
        scenario_name: action.scenarioName,
        step_id: action.step.id,
        step_offset: action.step.offsetDays,
        channel: action.step.channel,
        template_id: action.step.templateId,
        status: action.status,
        assignee_user_id: action.assigneeUserId,
        total_open_cents: action.totalOpenCents,
        currency: action.currency,
        oldest_due_date: action.oldestDueDate,
        note: action.note,
      })),
    )}
    ON CONFLICT (company_id, dedupe_key) DO NOTHING
    RETURNING id`.execute(q);
  return new Set(rows.rows.map((row) => row.id));
}

/** The invoices each new action covers, and their states: they reached its step today. */
export async function insertActionInvoicesAndStates(
  q: Queryable,
  companyId: string,
  actions: readonly PlannedAction[],
  runOn: CalendarDate,
): Promise<void> {
  const rows = actions.flatMap((action) =>
    action.invoices.map((invoice) => ({
      action_id: action.id,
      invoice_id: invoice.invoiceId,
      open_cents: invoice.openCents,
      customer_id: action.customerId,
      step_id: action.step.id,
    })),
  );
  if (rows.length === 0) {
    return;
  }
  await sql`INSERT INTO dunning_action_invoice (company_id, action_id, invoice_id, open_cents)
    SELECT ${companyId}::uuid, r.action_id, r.invoice_id, r.open_cents
    FROM ${unnestRows('r', { action_id: 'uuid', invoice_id: 'uuid', open_cents: 'bigint' }, rows)}
    ON CONFLICT DO NOTHING`.execute(q);
  await sql`INSERT INTO invoice_dunning (company_id, invoice_id, customer_id, step_id, reached_on, action_id)
    SELECT ${companyId}::uuid, r.invoice_id, r.customer_id, r.step_id, ${runOn}::date, r.action_id
    FROM ${unnestRows(
      'r',
      { invoice_id: 'uuid', customer_id: 'uuid', step_id: 'text', action_id: 'uuid' },
      rows,
    )}
    ON CONFLICT (company_id, invoice_id) DO UPDATE SET step_id = EXCLUDED.step_id,
      reached_on = EXCLUDED.reached_on, action_id = EXCLUDED.action_id`.execute(q);
}

/** Links queued actions to their outbox messages. */
export async function setActionMessages(
  q: Queryable,
  companyId: string,
  links: readonly { actionId: string; messageId: string }[],
): Promise<void> {
  if (links.length === 0) {
    return;
  }
  await sql`UPDATE dunning_action AS a SET message_id = r.message_id
    FROM ${unnestRows(
      'r',
      { action_id: 'uuid', message_id: 'uuid' },
      links.map((link) => ({ action_id: link.actionId, message_id: link.messageId })),
    )}
    WHERE a.company_id = ${companyId}::uuid AND a.id = r.action_id`.execute(q);
}

/** The next `limit` invoices with a state, by id after `after`: the leaving sweep's slices. */
export async function listStatedInvoiceIds(
  q: Queryable,
  companyId: string,
  after: string | null,
  limit: number,
): Promise<string[]> {
  let query = runDb(q)
    .selectFrom('invoice_dunning')
    .select('invoice_id')
    .where('company_id', '=', companyId);
  if (after !== null) {
    query = query.where('invoice_id', '>', after);
  }
  const rows = await query.orderBy('invoice_id').limit(limit).execute();
  return rows.map((row) => row.invoice_id);
}

/**
 * Invoices paid or credited in full leave their scenario: their states go, and the actions
 * still to do that covered only invoices that left are cancelled. The actions cancelled.
 */
export async function leaveScenario(
  q: Queryable,
  companyId: string,
  invoiceIds: readonly string[],
  now: Date,
): Promise<number> {
  if (invoiceIds.length === 0) {
    return 0;
  }
  await runDb(q)
    .deleteFrom('invoice_dunning')
    .where('company_id', '=', companyId)
    .where('invoice_id', '=', anyOf(invoiceIds, 'uuid'))
    .execute();
  const cancelled = await sql<{ id: string }>`
    UPDATE dunning_action AS a SET status = 'cancelled', updated_at = ${now}::timestamptz
    WHERE a.company_id = ${companyId}::uuid
      AND a.status IN ('open', 'awaiting_approval')
      AND a.kind = 'step'
      AND a.id IN (
        SELECT ai.action_id FROM dunning_action_invoice ai
        WHERE ai.company_id = ${companyId}::uuid AND ai.invoice_id = ${anyOf(invoiceIds, 'uuid')}
      )
      AND NOT EXISTS (
        SELECT 1 FROM dunning_action_invoice other
        WHERE other.company_id = a.company_id AND other.action_id = a.id
          AND other.invoice_id <> ${anyOf(invoiceIds, 'uuid')}
          AND EXISTS (
            SELECT 1 FROM invoice_dunning s
            WHERE s.company_id = other.company_id AND s.invoice_id = other.invoice_id
          )
      )
    RETURNING a.id`.execute(q);
  return cancelled.rows.length;
}

/** An agenda item the run adds (a promise to check, credits to apply): once per key. */
export type NewAgendaItem = {
  id: string;
  dedupeKey: string;
  kind: 'promise_due' | 'promise_broken' | 'credits_to_apply' | 'follow_up';
  customerId: string;
  assigneeUserId: string | null;
  totalOpenCents: Cents;
  currency: string;
  oldestDueDate: CalendarDate | null;
  dueOn: CalendarDate;
  promiseId: string | null;
  note: string | null;
  invoices: { invoiceId: string; openCents: Cents }[];
};

export async function insertAgendaItems(
  q: Queryable,
  companyId: string,
  items: readonly NewAgendaItem[],
  runOn: CalendarDate,
  now: Date,
): Promise<Set<string>> {
  if (items.length === 0) {
    return new Set();
  }
  const inserted = await sql<{ id: string }>`
    INSERT INTO dunning_action (company_id, id, dedupe_key, run_on, customer_id, kind, status,
      assignee_user_id, total_open_cents, currency, oldest_due_date, due_on, promise_id, note,
      created_at, updated_at)
    SELECT ${companyId}::uuid, r.id, r.dedupe_key, ${runOn}::date, r.customer_id, r.kind, 'open',
      r.assignee_user_id, r.total_open_cents, r.currency, r.oldest_due_date, r.due_on,
      r.promise_id, r.note, ${now}::timestamptz, ${now}::timestamptz
    FROM ${unnestRows(
      'r',
      {
        id: 'uuid',
        dedupe_key: 'text',
        customer_id: 'uuid',
        kind: 'text',
        assignee_user_id: 'uuid',
        total_open_cents: 'bigint',
        currency: 'text',
        oldest_due_date: 'date',
        due_on: 'date',
        promise_id: 'uuid',
        note: 'text',
      },
      items.map((item) => ({
        id: item.id,
        dedupe_key: item.dedupeKey,
        customer_id: item.customerId,
        kind: item.kind,
        assignee_user_id: item.assigneeUserId,
        total_open_cents: item.totalOpenCents,
        currency: item.currency,
        oldest_due_date: item.oldestDueDate,
        due_on: item.dueOn,
        promise_id: item.promiseId,
        note: item.note,
      })),
    )}
    ON CONFLICT (company_id, dedupe_key) DO NOTHING
    RETURNING id`.execute(q);
  const ids = new Set(inserted.rows.map((row) => row.id));
  const links = items
    .filter((item) => ids.has(item.id))
    .flatMap((item) =>
      item.invoices.map((invoice) => ({
        action_id: item.id,
        invoice_id: invoice.invoiceId,
        open_cents: invoice.openCents,
      })),
    );
  if (links.length > 0) {
    await sql`INSERT INTO dunning_action_invoice (company_id, action_id, invoice_id, open_cents)
      SELECT ${companyId}::uuid, r.action_id, r.invoice_id, r.open_cents
      FROM ${unnestRows('r', { action_id: 'uuid', invoice_id: 'uuid', open_cents: 'bigint' }, links)}
      ON CONFLICT DO NOTHING`.execute(q);
  }
  return ids;
}

/** `bigint` columns come back as numbers (client.ts's parser); sums as text. */
export function centsOf(value: string | number): Cents {
  return cents(Number(value));
}
