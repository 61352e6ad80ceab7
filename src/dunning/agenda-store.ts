/**
 * The agenda's SQL over `dunning_action` and `dunning_action_invoice` (migration
 * 202612022300): what is still to do, ranked as `agendaScore` ranks it, and the changes
 * a collector makes to one action.
 */
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import { anyOf } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import type { Database } from '../db/schema.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import type { Cents } from '../shared/money.ts';
import type { AgendaKind } from './agenda-rank.ts';
import type { ActionStatus } from './run-plan.ts';
import { centsOf } from './run-store.ts';
import { runDb, type DunningActionTable, type RunTables } from './run-tables.ts';
import type { Channel } from './scenario.ts';

export type StoredAction = {
  id: string;
  kind: 'step' | 'promise_due' | 'promise_broken' | 'credits_to_apply' | 'follow_up';
  runOn: CalendarDate;
  customerId: string;
  scenarioId: string | null;
  scenarioName: string | null;
  stepId: string | null;
  stepOffset: number | null;
  channel: Channel | null;
  templateId: string | null;
  status: ActionStatus;
  assigneeUserId: string | null;
  totalOpenCents: Cents;
  currency: string;
  oldestDueDate: CalendarDate | null;
  dueOn: CalendarDate;
  snoozedUntil: CalendarDate | null;
  messageId: string | null;
  promiseId: string | null;
  outcome: string | null;
  note: string | null;
};

function toAction(row: Selectable<DunningActionTable>): StoredAction {
  return {
    id: row.id,
    kind: row.kind as StoredAction['kind'],
    runOn: row.run_on as CalendarDate,
    customerId: row.customer_id,
    scenarioId: row.scenario_id,
    scenarioName: row.scenario_name,
    stepId: row.step_id,
    stepOffset: row.step_offset,
    channel: row.channel as Channel | null,
    templateId: row.template_id,
    status: row.status as ActionStatus,
    assigneeUserId: row.assignee_user_id,
    totalOpenCents: centsOf(row.total_open_cents),
    currency: row.currency,
    oldestDueDate: row.oldest_due_date as CalendarDate | null,
    dueOn: row.due_on as CalendarDate,
    snoozedUntil: row.snoozed_until as CalendarDate | null,
    messageId: row.message_id,
    promiseId: row.promise_id,
    outcome: row.outcome,
    note: row.note,
  };
}

export type AgendaFilter = {
  today: CalendarDate;
  /** A collector's id; `null`: items nobody is assigned; `undefined`: everybody's. */
  assignee?: string | null | undefined;
  kind?: AgendaKind | undefined;
  stepId?: string | undefined;
  limit: number;
};

type ActionDb = ExpressionBuilder<Database & RunTables, 'dunning_action'>;

function kindCondition(eb: ActionDb, kind: AgendaKind) {
  switch (kind) {
    case 'approval':
      return eb('status', '=', 'awaiting_approval');
    case 'call':
      return eb.and([
        eb('kind', '=', 'step'),
        eb('status', '=', 'open'),
        eb('channel', '=', 'call'),
      ]);
    case 'task':
      return eb.and([
        eb('kind', '=', 'step'),
        eb('status', '=', 'open'),
        eb('channel', '<>', 'call'),
      ]);
    case 'promise_due':
    case 'promise_broken':
    case 'credits_to_apply':
    case 'follow_up':
      return eb('kind', '=', kind);
  }
}

function agendaQuery(q: Queryable, companyId: string, filter: AgendaFilter) {
  let query = runDb(q)
    .selectFrom('dunning_action')
    .where('company_id', '=', companyId)
    .where('status', 'in', ['open', 'awaiting_approval'])
    .where((eb) =>
      eb.or([eb('snoozed_until', 'is', null), eb('snoozed_until', '<=', filter.today)]),
    )
    .where('due_on', '<=', filter.today);
  if (filter.assignee !== undefined) {
    query =
      filter.assignee === null
        ? query.where('assignee_user_id', 'is', null)
        : query.where('assignee_user_id', '=', filter.assignee);
  }
  if (filter.kind !== undefined) {
    const kind = filter.kind;
    query = query.where((eb) => kindCondition(eb, kind));
  }
  if (filter.stepId !== undefined) {
    query = query.where('step_id', '=', filter.stepId);
  }
  return query;
}

/** The items to do today, ranked by money at stake and lateness (`agendaScore`), and their count. */
export async function listAgendaRows(
  q: Queryable,
  companyId: string,
  filter: AgendaFilter,
): Promise<{ rows: StoredAction[]; total: number }> {
  const days = sql`greatest(0, ${filter.today}::date - coalesce(oldest_due_date, ${filter.today}::date))
    + CASE WHEN kind = 'promise_broken' THEN 30 ELSE 0 END`;
  const rows = await agendaQuery(q, companyId, filter)
    .selectAll()
    .orderBy(sql`total_open_cents * (30 + ${days})`, 'desc')
    .orderBy('id')
    .limit(filter.limit)
    .execute();
  const counted = await agendaQuery(q, companyId, filter)
    .select(sql<string>`count(*)::text`.as('n'))
    .executeTakeFirst();
  return { rows: rows.map(toAction), total: Number(counted?.n ?? 0) };
}

/** The invoices of `actionIds`, with what was open on each when the action was made. */
export async function listActionInvoices(
  q: Queryable,
  companyId: string,
  actionIds: readonly string[],
): Promise<Map<string, { invoiceId: string; openCents: Cents }[]>> {
  const byAction = new Map<string, { invoiceId: string; openCents: Cents }[]>();
  if (actionIds.length === 0) {
    return byAction;
  }
  const rows = await runDb(q)
    .selectFrom('dunning_action_invoice')
    .select(['action_id', 'invoice_id', 'open_cents'])
    .where('company_id', '=', companyId)
    .where('action_id', '=', anyOf(actionIds, 'uuid'))
    .execute();
  for (const row of rows) {
    const list = byAction.get(row.action_id) ?? [];
    list.push({ invoiceId: row.invoice_id, openCents: centsOf(row.open_cents) });
    byAction.set(row.action_id, list);
  }
  return byAction;
}

/** One action, locked until the transaction ends: what a collector changes is what they saw. */
export async function findActionForUpdate(
  q: Queryable,
  companyId: string,
  id: string,
): Promise<StoredAction | undefined> {
  const row = await runDb(q)
    .selectFrom('dunning_action')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row === undefined ? undefined : toAction(row);
}

export type ActionChange = Partial<{
  status: ActionStatus;
  assigneeUserId: string | null;
  snoozedUntil: CalendarDate | null;
  messageId: string;
  promiseId: string;
  outcome: string;
  note: string | null;
  completedAt: Date;
  completedBy: string | null;
}>;

export async function updateAction(
  q: Queryable,
  companyId: string,
  id: string,
  change: ActionChange,
  now: Date,
): Promise<void> {
  await runDb(q)
    .updateTable('dunning_action')
    .set({
      ...(change.status === undefined ? {} : { status: change.status }),
      ...(change.assigneeUserId === undefined ? {} : { assignee_user_id: change.assigneeUserId }),
      ...(change.snoozedUntil === undefined ? {} : { snoozed_until: change.snoozedUntil }),
      ...(change.messageId === undefined ? {} : { message_id: change.messageId }),
      ...(change.promiseId === undefined ? {} : { promise_id: change.promiseId }),
      ...(change.outcome === undefined ? {} : { outcome: change.outcome }),
      ...(change.note === undefined ? {} : { note: change.note }),
      ...(change.completedAt === undefined ? {} : { completed_at: change.completedAt }),
      ...(change.completedBy === undefined ? {} : { completed_by: change.completedBy }),
      updated_at: now,
    })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute();
}

/** A customer's actions, newest first: the history of its contacts. */
export async function listCustomerActionRows(
  q: Queryable,
  companyId: string,
  customerId: string,
  limit: number,
): Promise<StoredAction[]> {
  const rows = await runDb(q)
    .selectFrom('dunning_action')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('customer_id', '=', customerId)
    .orderBy('run_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toAction);
}
