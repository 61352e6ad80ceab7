/**
 * The collector's agenda (docs/dunning.md "The agenda"): the calls to make, the steps to
 * approve, the promises falling due or broken, the credits to apply, the follow-ups,
 * ranked by money at stake and lateness; and what a collector does with one: complete it
 * with an outcome (a promise or a follow-up in the same gesture), approve or dismiss a
 * step, snooze it, give it to someone else. Each change is one transaction with its event.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { DEFAULT_PUBLIC_URL } from '../access/urls.ts';
import { recordEvents } from '../audit/service.ts';
import { assertUserInCompany } from '../auth/service.ts';
import type { CustomerWithContacts, RiskCategory } from '../customers/model.ts';
import { listCustomersByIds, setCustomerStatusesInTx } from '../customers/service.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { raiseDisputeInTx } from '../disputes/service.ts';
import { queueMessagesInTx } from '../jobs/outbox.ts';
import { listOpenInvoicesOfCustomers, type OpenInvoiceWithSettlements } from '../ledger/service.ts';
import { createPromiseInTx, listPromisesByIds, type PromiseRecord } from '../promises/service.ts';
import { compareDates, type CalendarDate } from '../shared/calendar-date.ts';
import { ConflictError, InvalidError, NotFoundError } from '../shared/errors.ts';
import { sumCents, type Cents } from '../shared/money.ts';
import {
  agendaKind,
  agendaScore,
  daysLateOf,
  type AgendaKind,
  type Outcome,
} from './agenda-rank.ts';
import {
  findActionForUpdate,
  listActionInvoices,
  listAgendaRows,
  updateAction,
  type StoredAction,
} from './agenda-store.ts';
import { reminderLinks } from './reminder-links.ts';
import { emailContact, phoneContact, planActions, wordsFor, type PlanInput } from './run-plan.ts';
import { insertAgendaItems } from './run-store.ts';
import { readSetup, withLetterPdfs, type RunSetup } from './run.ts';
import type { Channel } from './scenario.ts';
import { findCustomerSettings } from './run-store.ts';

export type AgendaQuery = {
  /** `me`: the signed-in user's; `all`: everybody's; else a collector's id. */
  assignee?: string | undefined;
  kind?: AgendaKind | undefined;
  stepId?: string | undefined;
  riskCategory?: RiskCategory | undefined;
  limit?: number | undefined;
};

export type AgendaInvoice = {
  id: string;
  number: string;
  dueDate: CalendarDate;
  openCents: Cents;
  daysLate: number;
};

export type AgendaItem = {
  id: string;
  kind: AgendaKind;
  status: 'open' | 'awaiting_approval';
  customer: { id: string; code: string; name: string; riskCategory: RiskCategory };
  assignee: { id: string; name: string } | null;
  step: { id: string; day: number; channel: Channel; scenarioName: string } | null;
  invoices: AgendaInvoice[];
  totalOpenCents: Cents;
  currency: string;
  daysLate: number;
  dueOn: CalendarDate;
  snoozedUntil: CalendarDate | null;
  score: number;
  script: string | null;
  preview: { subject: string | null; bodyText: string } | null;
  promise: { id: string; amountCents: Cents; promisedOn: CalendarDate; paidCents: Cents } | null;
  contact: { name: string | null; email: string | null; phone: string | null } | null;
  note: string | null;
};

export type AgendaPage = { today: CalendarDate; total: number; items: AgendaItem[] };

/** Items a filter by risk category reads before keeping the customers of that category. */
const RISK_FILTER_WINDOW = 5_000;
const DEFAULT_LIMIT = 200;

/** The signed-in user's id; null for the CLI or an API token, which are no one's agenda. */
function userIdOf(ctx: Ctx): string | null {
  return ctx.actor.type === 'user' ? ctx.actor.id : null;
}

function assigneeFilter(ctx: Ctx, assignee: string | undefined): string | null | undefined {
  const asked = assignee ?? (ctx.role === 'collector' ? 'me' : 'all');
  if (asked === 'all') {
    return undefined;
  }
  return asked === 'me' ? userIdOf(ctx) : asked;
}

function planInput(
  setup: RunSetup,
  customer: CustomerWithContacts,
  language: PlanInput['language'],
  contractualRateBps: number | null,
  invoices: readonly OpenInvoiceWithSettlements[],
  action: StoredAction,
  step: NonNullable<ReturnType<typeof stepOf>>,
): PlanInput {
  const listed = invoices.filter((invoice) => invoice.currency === action.currency);
  const collector =
    action.assigneeUserId === null ? null : (setup.collectors.get(action.assigneeUserId) ?? null);
  return {
    decision: {
      customerId: customer.id,
      currency: action.currency,
      actions: [
        {
          step,
          invoiceIds: listed.map((invoice) => invoice.id),
          totalOpenCents: sumCents(listed.map((invoice) => invoice.openCents)),
        },
      ],
      advances: [],
      leaves: [],
      skipped: [],
      heldBack: [],
    },
    scenario: { id: action.scenarioId ?? '', name: action.scenarioName ?? '' },
    customer,
    language,
    collector,
    invoices: new Map(listed.map((invoice) => [invoice.id, { ...invoice, invoiceId: invoice.id }])),
    today: setup.today,
    sender: setup.sender,
    templates: setup.templates,
    rates: setup.rates,
    contractualRateBps,
  };
}

/** The step an action carries out, as the scenario had it when the action was made. */
function stepOf(action: StoredAction) {
  if (action.kind !== 'step' || action.stepId === null || action.channel === null) {
    return undefined;
  }
  return {
    id: action.stepId,
    offsetDays: action.stepOffset ?? 0,
    channel: action.channel,
    templateId: action.templateId,
    needsApproval: false,
    minOverdueCents: null,
    riskCategories: null,
  };
}

/** What the agenda reads around a set of actions: customers, invoices, languages. */
async function surroundings(q: Queryable, setup: RunSetup, actions: readonly StoredAction[]) {
  const { ctx } = setup;
  const customerIds = [...new Set(actions.map((action) => action.customerId))];
  const customers = new Map(
    (await listCustomersByIds(q, ctx, customerIds)).map((customer) => [customer.id, customer]),
  );
  const openInvoices = await listOpenInvoicesOfCustomers(q, ctx, customerIds);
  const settings = await findCustomerSettings(q, ctx.companyId, customerIds);
  const links = await listActionInvoices(
    q,
    ctx.companyId,
    actions.map((action) => action.id),
  );
  const invoicesById = new Map(openInvoices.map((invoice) => [invoice.id, invoice]));
  const promiseIds = actions.flatMap((action) => action.promiseId ?? []);
  const promises = new Map(
    (await listPromisesByIds(q, ctx, promiseIds)).map((promise) => [promise.id, promise]),
  );
  return { customers, invoicesById, settings, links, promises };
}

function presentItem(
  setup: RunSetup,
  action: StoredAction,
  around: Awaited<ReturnType<typeof surroundings>>,
): AgendaItem | undefined {
  const customer = around.customers.get(action.customerId);
  if (customer === undefined) {
    return undefined;
  }
  const kind = agendaKind(action);
  const invoices = (around.links.get(action.id) ?? []).flatMap(({ invoiceId }) => {
    const invoice = around.invoicesById.get(invoiceId);
    return invoice === undefined ? [] : [invoice];
  });
  const listed: AgendaInvoice[] = invoices.map((invoice) => ({
    id: invoice.id,
    number: invoice.number,
    dueDate: invoice.dueDate,
    openCents: invoice.openCents,
    daysLate: daysLateOf(invoice.dueDate, setup.today),
  }));
  const totalOpenCents =
    listed.length > 0 ? sumCents(listed.map((i) => i.openCents)) : action.totalOpenCents;
  const daysLate = daysLateOf(
    invoices.map((invoice) => invoice.dueDate).toSorted()[0] ?? action.oldestDueDate,
    setup.today,
  );
  const step = stepOf(action);
  const language = around.settings.get(customer.id)?.language ?? 'fr';
  const words = (templateId: string | null) => {
    const template = templateId === null ? undefined : setup.templates(templateId, language);
    if (step === undefined || template === undefined) {
      return undefined;
    }
    const agreed = around.settings.get(customer.id)?.contractualRateBps ?? null;
    const input = planInput(setup, customer, language, agreed, invoices, action, step);
    const first = input.decision.actions[0];
    return first === undefined ? undefined : wordsFor(input, first, template);
  };
  const rendered =
    kind === 'call' ||
    (kind === 'approval' && ['email', 'letter', 'sms'].includes(step?.channel ?? ''))
      ? words(action.templateId)
      : undefined;
  const contact =
    step?.channel === 'call' || step?.channel === 'sms'
      ? (phoneContact(customer.contacts) ?? emailContact(customer.contacts))
      : (emailContact(customer.contacts) ?? phoneContact(customer.contacts));
  const assignee =
    action.assigneeUserId === null ? undefined : setup.collectors.get(action.assigneeUserId);
  return {
    id: action.id,
    kind,
    status: action.status === 'awaiting_approval' ? 'awaiting_approval' : 'open',
    customer: {
      id: customer.id,
      code: customer.code,
      name: customer.legalName,
      riskCategory: customer.riskCategory,
    },
    assignee: assignee === undefined ? null : { id: assignee.id, name: assignee.name },
    step:
      step === undefined
        ? null
        : {
            id: step.id,
            day: step.offsetDays,
            channel: step.channel,
            scenarioName: action.scenarioName ?? '',
          },
    invoices: listed,
    totalOpenCents,
    currency: action.currency,
    daysLate,
    dueOn: action.dueOn,
    snoozedUntil: action.snoozedUntil,
    score: agendaScore({ kind, totalOpenCents, daysLate }),
    script: kind === 'call' ? (rendered?.body ?? null) : null,
    preview:
      kind === 'approval' && rendered !== undefined
        ? { subject: step?.channel === 'sms' ? null : rendered.subject, bodyText: rendered.body }
        : null,
    promise: promiseOf(action, around.promises),
    contact:
      contact === undefined
        ? null
        : { name: contact.name, email: contact.email, phone: contact.phone },
    note: action.note,
  };
}

/** The promise an item is about, as taken, with what came in towards it when it was settled. */
function promiseOf(
  action: StoredAction,
  promises: ReadonlyMap<string, PromiseRecord>,
): AgendaItem['promise'] {
  const promise = action.promiseId === null ? undefined : promises.get(action.promiseId);
  return promise === undefined
    ? null
    : {
        id: promise.id,
        amountCents: promise.amountCents,
        promisedOn: promise.promisedOn,
        paidCents: promise.paidCents,
      };
}

/** The day's items, ranked; a collector sees their own by default, the others everybody's. */
export async function listAgenda(deps: Deps, ctx: Ctx, query: AgendaQuery): Promise<AgendaPage> {
  requirePermission(ctx, 'customers:read');
  const setup = await readSetup(deps, ctx, undefined);
  const limit = query.limit ?? DEFAULT_LIMIT;
  const { rows, total } = await listAgendaRows(deps.db, ctx.companyId, {
    today: setup.today,
    assignee: assigneeFilter(ctx, query.assignee),
    kind: query.kind,
    stepId: query.stepId,
    limit: query.riskCategory === undefined ? limit : RISK_FILTER_WINDOW,
  });
  const around = await surroundings(deps.db, setup, rows);
  const items = rows
    .flatMap((action) => presentItem(setup, action, around) ?? [])
    .filter(
      (item) =>
        query.riskCategory === undefined || item.customer.riskCategory === query.riskCategory,
    );
  return {
    today: setup.today,
    total: query.riskCategory === undefined ? total : items.length,
    items: items.toSorted((a, b) => b.score - a.score).slice(0, limit),
  };
}

/** The action `id`, locked, still to do; else 404 or 409. */
async function openAction(tx: Tx, ctx: Ctx, id: string): Promise<StoredAction> {
  const action = await findActionForUpdate(tx, ctx.companyId, id);
  if (action === undefined) {
    throw new NotFoundError('dunning_action', id);
  }
  if (action.status !== 'open' && action.status !== 'awaiting_approval') {
    throw new ConflictError('dunning_action_closed', { status: action.status });
  }
  return action;
}

async function recordActionEvent(
  tx: Tx,
  ctx: Ctx,
  action: StoredAction,
  event:
    | 'dunning_action.completed'
    | 'dunning_action.approved'
    | 'dunning_action.dismissed'
    | 'dunning_action.snoozed'
    | 'dunning_action.reassigned',
  data: Record<string, unknown>,
): Promise<void> {
  await recordEvents(tx, ctx, [
    {
      action: event,
      entityType: 'dunning_action',
      entityId: action.id,
      customerId: action.customerId,
      data: { kind: agendaKind(action), stepId: action.stepId, ...data },
    },
  ]);
}

export type CompleteInput = {
  outcome: Outcome;
  note?: string | undefined;
  promise?:
    | {
        amountCents: Cents;
        promisedOn: CalendarDate;
        invoiceIds: string[];
        confirmByEmail?: boolean | undefined;
      }
    | undefined;
  followUpOn?: CalendarDate | undefined;
  /** With `dispute_raised`: why, and which of the item's invoices (all by default). */
  dispute?: { reason: string; invoiceIds?: string[] | undefined } | undefined;
};

/**
 * « Litige signalé »: one dispute over the item's invoices that may still be disputed (open,
 * in no open dispute), with the collector's note, under the cause `dispute.reason` (else
 * `other`), so the run holds them back from tomorrow. An invoice already disputed keeps
 * its dispute.
 */
async function disputeInvoices(
  deps: Deps,
  tx: Tx,
  ctx: Ctx,
  today: CalendarDate,
  action: StoredAction,
  input: CompleteInput,
): Promise<void> {
  const links = (await listActionInvoices(tx, ctx.companyId, [action.id])).get(action.id) ?? [];
  const chosen = input.dispute?.invoiceIds;
  const invoiceIds = links
    .map((link) => link.invoiceId)
    .filter((invoiceId) => chosen === undefined || chosen.includes(invoiceId));
  try {
    await raiseDisputeInTx(deps, tx, ctx, today, invoiceIds, {
      cause: input.dispute?.reason,
      description: input.note ?? null,
    });
  } catch (error) {
    if (!(error instanceof ConflictError)) {
      throw error;
    }
  }
}

export type Completed = {
  id: string;
  status: 'done';
  promiseId: string | null;
  followUpId: string | null;
};

/**
 * Records what came of an item: its outcome and note, the promise the customer gave (kept
 * with the promises, checked each day), a follow-up on a later day. One transaction.
 */
export async function completeAction(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: CompleteInput,
): Promise<Completed> {
  requirePermission(ctx, 'dunning:assign');
  const setup = await readSetup(deps, ctx, undefined);
  if (input.outcome === 'promise_given' && input.promise === undefined) {
    throw new InvalidError('dunning_promise_required');
  }
  if (input.followUpOn !== undefined && compareDates(input.followUpOn, setup.today) <= 0) {
    throw new InvalidError('dunning_follow_up_not_later', { today: setup.today });
  }
  return inTransaction(deps.db, async (tx) => {
    const action = await openAction(tx, ctx, id);
    if (action.status === 'awaiting_approval') {
      throw new ConflictError('dunning_action_needs_approval');
    }
    const now = deps.clock.now();
    let promiseId: string | null = null;
    if (input.promise !== undefined) {
      const settings = await findCustomerSettings(tx, ctx.companyId, [action.customerId]);
      const created = await createPromiseInTx(deps, tx, ctx, setup.today, {
        language: settings.get(action.customerId)?.language ?? 'fr',
        customerId: action.customerId,
        amountCents: input.promise.amountCents,
        currency: action.currency,
        promisedOn: input.promise.promisedOn,
        invoiceIds: input.promise.invoiceIds,
        channel: action.channel === 'call' ? 'phone' : 'other',
        note: input.note,
        confirmByEmail: input.promise.confirmByEmail ?? false,
        sourceActionId: action.id,
      });
      promiseId = created.id;
    }
    if (input.outcome === 'dispute_raised') {
      await disputeInvoices(deps, tx, ctx, setup.today, action, input);
    }
    let followUpId: string | null = null;
    if (input.followUpOn !== undefined) {
      const links = (await listActionInvoices(tx, ctx.companyId, [action.id])).get(action.id) ?? [];
      const item = {
        id: deps.ids.newId(),
        dedupeKey: `follow_up:${action.id}`,
        kind: 'follow_up' as const,
        customerId: action.customerId,
        assigneeUserId: action.assigneeUserId ?? userIdOf(ctx),
        totalOpenCents: action.totalOpenCents,
        currency: action.currency,
        oldestDueDate: action.oldestDueDate,
        dueOn: input.followUpOn,
        promiseId,
        note: input.note ?? null,
        invoices: links,
      };
      const written = await insertAgendaItems(tx, ctx.companyId, [item], setup.today, now);
      followUpId = written.has(item.id) ? item.id : null;
    }
    await updateAction(
      tx,
      ctx.companyId,
      id,
      {
        status: 'done',
        outcome: input.outcome,
        note: input.note ?? null,
        completedAt: now,
        completedBy: userIdOf(ctx),
        ...(promiseId === null ? {} : { promiseId }),
      },
      now,
    );
    await recordActionEvent(tx, ctx, action, 'dunning_action.completed', {
      outcome: input.outcome,
      note: input.note ?? null,
      promiseId,
      followUpOn: input.followUpOn ?? null,
    });
    return { id, status: 'done' as const, promiseId, followUpId };
  });
}

/**
 * Approves a step that waited for it: a message is worded now, for the invoices still
 * open, and handed to the outbox; a call or a task opens; a hold or a hand-over to
 * litigation is carried out.
 */
export async function approveAction(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: { note?: string | undefined },
  options: { publicUrl?: string | undefined } = {},
): Promise<{ id: string; status: 'done' | 'queued' | 'open' }> {
  requirePermission(ctx, 'dunning:assign');
  const setup = await readSetup(deps, ctx, undefined);
  return inTransaction(deps.db, async (tx) => {
    const action = await openAction(tx, ctx, id);
    const step = stepOf(action);
    if (action.status !== 'awaiting_approval' || step === undefined) {
      throw new ConflictError('dunning_action_not_awaiting_approval');
    }
    const now = deps.clock.now();
    const around = await surroundings(tx, setup, [action]);
    const customer = around.customers.get(action.customerId);
    if (customer === undefined) {
      throw new NotFoundError('customer', action.customerId);
    }
    const stillOpen = (around.links.get(action.id) ?? []).flatMap(({ invoiceId }) => {
      const invoice = around.invoicesById.get(invoiceId);
      return invoice === undefined ? [] : [invoice];
    });
    const language = around.settings.get(customer.id)?.language ?? 'fr';
    const agreed = around.settings.get(customer.id)?.contractualRateBps ?? null;
    const portalLinks = reminderLinks(deps, ctx, {
      publicUrl: options.publicUrl ?? DEFAULT_PUBLIC_URL,
      now,
    });
    const [planned] = planActions(
      {
        ...planInput(setup, customer, language, agreed, stillOpen, action, step),
        portalUrlFor: (actionId) => portalLinks.urlFor(actionId, customer.id),
      },
      { newId: () => action.id },
    );
    const status =
      planned?.status === 'queued' ? 'queued' : planned?.status === 'open' ? 'open' : 'done';
    const change = {
      status,
      outcome: 'approved',
      note: input.note ?? planned?.note ?? null,
      completedAt: now,
      completedBy: userIdOf(ctx),
    } as const;
    if (planned?.message !== null && planned?.message !== undefined) {
      const [messageId = ''] = await queueMessagesInTx(
        deps,
        tx,
        ctx,
        await withLetterPdfs([planned]),
      );
      await updateAction(tx, ctx.companyId, id, { ...change, messageId }, now);
      await portalLinks.save(tx, [{ actionId: id, messageId }]);
    } else {
      await updateAction(tx, ctx.companyId, id, change, now);
    }
    if (planned?.customerStatus !== null && planned?.customerStatus !== undefined) {
      await setCustomerStatusesInTx(deps, tx, ctx, [customer.id], planned.customerStatus);
    }
    await recordActionEvent(tx, ctx, action, 'dunning_action.approved', {
      channel: step.channel,
      subject: planned?.message?.subject ?? null,
      note: input.note ?? null,
    });
    return { id, status };
  });
}

/** Dismisses a step or an item: nothing goes out, and its invoices may move on. */
export async function dismissAction(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: { note?: string | undefined },
): Promise<{ id: string; status: 'dismissed' }> {
  requirePermission(ctx, 'dunning:assign');
  return inTransaction(deps.db, async (tx) => {
    const action = await openAction(tx, ctx, id);
    const now = deps.clock.now();
    await updateAction(
      tx,
      ctx.companyId,
      id,
      {
        status: 'dismissed',
        outcome: 'dismissed',
        note: input.note ?? null,
        completedAt: now,
        completedBy: userIdOf(ctx),
      },
      now,
    );
    await recordActionEvent(tx, ctx, action, 'dunning_action.dismissed', {
      note: input.note ?? null,
    });
    return { id, status: 'dismissed' as const };
  });
}

/** Puts an item off until `until`, a later day: it leaves the agenda until then. */
export async function snoozeAction(
  deps: Deps,
  ctx: Ctx,
  id: string,
  until: CalendarDate,
): Promise<{ id: string; snoozedUntil: CalendarDate }> {
  requirePermission(ctx, 'dunning:assign');
  const setup = await readSetup(deps, ctx, undefined);
  if (compareDates(until, setup.today) <= 0) {
    throw new InvalidError('dunning_snooze_not_later', { today: setup.today });
  }
  return inTransaction(deps.db, async (tx) => {
    const action = await openAction(tx, ctx, id);
    await updateAction(tx, ctx.companyId, id, { snoozedUntil: until }, deps.clock.now());
    await recordActionEvent(tx, ctx, action, 'dunning_action.snoozed', { until });
    return { id, snoozedUntil: until };
  });
}

/** Gives an item to another collector of the company. */
export async function reassignAction(
  deps: Deps,
  ctx: Ctx,
  id: string,
  assigneeId: string,
): Promise<{ id: string; assignee: { id: string; name: string } }> {
  requirePermission(ctx, 'dunning:assign');
  await assertUserInCompany(deps, ctx, assigneeId, 'assigneeId');
  const setup = await readSetup(deps, ctx, undefined);
  return inTransaction(deps.db, async (tx) => {
    const action = await openAction(tx, ctx, id);
    await updateAction(tx, ctx.companyId, id, { assigneeUserId: assigneeId }, deps.clock.now());
    await recordActionEvent(tx, ctx, action, 'dunning_action.reassigned', {
      from: action.assigneeUserId,
      to: assigneeId,
    });
    return { id, assignee: { id: assigneeId, name: setup.collectors.get(assigneeId)?.name ?? '' } };
  });
}
