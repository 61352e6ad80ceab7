/**
 * Payment promises' use cases (docs/promises.md): taking a promise (optionally confirmed to
 * the customer by e-mail, in the same transaction), cancelling one, listing them, the daily
 * check that settles each live promise whose fate is known, the invoices a live promise
 * holds back from dunning, and the promise-kept rate reporting reads.
 *
 * Reading takes `customers:read`; taking and cancelling a promise, and the daily check,
 * `dunning:assign` (collectors, credit managers, admins). "Today" is the company's, read
 * once by the entry point (`createPromise`, the run) and handed down.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { authorize, readerFor } from '../app/policy.ts';
import { recordEvents, type EventInput } from '../audit/service.ts';
import { getCompany } from '../companies/service.ts';
import type { CustomerWithContacts } from '../customers/model.ts';
import { listCustomersByIds, requireCustomer } from '../customers/service.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { queueMessagesInTx } from '../jobs/outbox.ts';
import {
  companyToday,
  listInvoicesByIds,
  listSettlementsOfInvoices,
  type Invoice,
} from '../ledger/service.ts';
import { minDate, type CalendarDate } from '../shared/calendar-date.ts';
import {
  ConflictError,
  DomainError,
  InvalidError,
  invalidField,
  NotFoundError,
} from '../shared/errors.ts';
import type { Language } from '../shared/language.ts';
import { messageOf } from '../shared/messages/catalogue.ts';
import { cents, ZERO_CENTS, type Cents } from '../shared/money.ts';
import {
  checkPromise,
  checkPromiseInput,
  countedWindow,
  DEFAULT_GRACE_DAYS,
  keptRate,
  paidTowards,
  type KeptRate,
  type PromiseFate,
  type PromiseInput,
  type PromiseRecord,
  type PromiseStatus,
} from './model.ts';
import {
  cancelPromiseRows,
  findLivePromisedInvoiceIds,
  findLivePromiseIdsOfInvoices,
  findPromise,
  findPromisesByIds,
  insertPromise,
  listLivePromiseRows,
  listPromiseRows,
  listSettledPromiseRows,
  lockCustomerPromises,
  settlePromiseRows,
} from './store.ts';

export type { KeptRate, PromiseRecord, PromiseStatus } from './model.ts';

/** A promise as a collector takes it (the agenda's « promesse » outcome, the customer page). */
export type CreatePromiseInput = PromiseInput & {
  /** Queue an e-mail confirming it to the customer's billing contact. */
  confirmByEmail?: boolean | undefined;
  /** The agenda action it was taken from. */
  sourceActionId?: string | null | undefined;
  /** The language of the confirmation (the customer's messages'); French when left out. */
  language?: Language | undefined;
};

/** Whom a confirmation goes to: the billing contact with an e-mail, else the first with one. */
function confirmationRecipient(
  customer: CustomerWithContacts,
): { name: string | null; email: string } | undefined {
  const contact =
    customer.contacts.find((entry) => entry.role === 'billing' && entry.email !== null) ??
    customer.contacts.find((entry) => entry.email !== null);
  return contact === undefined || contact.email === null
    ? undefined
    : { name: contact.name, email: contact.email };
}

/** The confirmation's words, from the catalogue, in `language`. */
function confirmationEmail(
  language: Language,
  promise: { amountCents: Cents; currency: string; promisedOn: CalendarDate },
  invoices: readonly Invoice[],
  sender: { person: string | null; company: string },
  recipientName: string | null,
): { subject: string; bodyText: string } {
  const money = { currency: promise.currency };
  const say = (code: Parameters<typeof messageOf>[1], params = {}) =>
    messageOf(language, code, params);
  const lines = [
    recipientName === null || recipientName.trim() === ''
      ? say('promise_email_greeting_anonymous')
      : say('promise_email_greeting', { name: recipientName }),
    '',
    say('promise_email_confirmation', {
      amount: promise.amountCents,
      date: promise.promisedOn,
      ...money,
    }),
    ...invoices.map((invoice) =>
      say('promise_email_invoice', { number: invoice.number, open: invoice.openCents, ...money }),
    ),
    '',
    say('promise_email_closing'),
    '',
    say('promise_email_signature'),
    ...(sender.person === null ? [] : [sender.person]),
    sender.company,
  ];
  return {
    subject: say('promise_email_subject', {
      amount: promise.amountCents,
      date: promise.promisedOn,
      ...money,
    }),
    bodyText: `${lines.join('\n')}\n`,
  };
}

/** What the trail keeps of a promise. */
function promiseFacts(promise: PromiseRecord) {
  return {
    // `amount` and `currency`, as the ledger's events name them: the timeline shows them.
    amount: promise.amountCents,
    currency: promise.currency,
    promisedOn: promise.promisedOn,
    graceDays: promise.graceDays,
    channel: promise.channel,
    invoiceIds: promise.invoiceIds,
  };
}

/**
 * Takes a promise at the company's today: `createPromiseInTx` in a transaction of its own.
 */
export async function createPromise(
  deps: Deps,
  ctx: Ctx,
  input: CreatePromiseInput,
): Promise<{ id: string }> {
  authorize(ctx, 'promise:create', { customerId: input.customerId });
  // Before the transaction: on the embedded database it holds the only session.
  const today = await companyToday(deps, ctx);
  return inTransaction(deps.db, (tx) => createPromiseInTx(deps, tx, ctx, today, input));
}

/**
 * Takes a promise in `tx` at `today` (the company's business date, read once by the
 * caller). Refused (400 `promise_refused`) with every issue of `checkPromiseInput` at once;
 * with `promise_no_email` when a confirmation is asked and the customer has no contact with
 * an e-mail. A live promise already covering one of its invoices is **replaced**: cancelled
 * in the same transaction, so that one payment never counts towards two promises. The
 * confirmation e-mail is queued in `tx` too: it goes out only if the promise is recorded.
 */
export async function createPromiseInTx(
  deps: Deps,
  tx: Tx,
  ctx: Ctx,
  today: CalendarDate,
  input: CreatePromiseInput,
): Promise<{ id: string }> {
  // A customer may promise on its own account through its portal (channel `portal`); its
  // reads below go through `readerFor`, the events still name the customer as the actor.
  authorize(ctx, 'promise:create', { customerId: input.customerId });
  const reader = readerFor(ctx);
  const [customer] = await listCustomersByIds(tx, reader, [input.customerId]);
  if (customer === undefined) {
    throw new NotFoundError('customer', input.customerId);
  }
  await lockCustomerPromises(tx, ctx.companyId, customer.id);
  const invoiceIds = [...new Set(input.invoiceIds)];
  const invoices = await listInvoicesByIds(tx, reader, invoiceIds);
  const issues = checkPromiseInput({ ...input, invoiceIds }, today, invoices);
  if (issues.length > 0) {
    throw new InvalidError('promise_refused', {}, issues);
  }
  const recipient = input.confirmByEmail === true ? confirmationRecipient(customer) : undefined;
  if (input.confirmByEmail === true && recipient === undefined) {
    throw invalidField('confirmByEmail', 'promise_no_email');
  }
  const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]));
  const covered = invoiceIds.flatMap((id) => byId.get(id) ?? []);
  const now = deps.clock.now();
  const promise: PromiseRecord = {
    id: deps.ids.newId(),
    customerId: customer.id,
    amountCents: cents(input.amountCents),
    currency: covered[0]?.currency ?? input.currency ?? '',
    promisedOn: input.promisedOn,
    graceDays: input.graceDays ?? DEFAULT_GRACE_DAYS,
    channel: input.channel,
    note: (input.note ?? '').trim() === '' ? null : (input.note ?? '').trim(),
    takenBy: { id: ctx.actor.type === 'user' ? ctx.actor.id : null, name: ctx.actor.name },
    status: 'live',
    paidCents: ZERO_CENTS,
    settledOn: null,
    sourceActionId: input.sourceActionId ?? null,
    createdOn: today,
    createdAt: now,
    updatedAt: now,
    invoices: covered.map((invoice) => ({
      invoiceId: invoice.id,
      openCentsAtPromise: invoice.openCents,
    })),
    invoiceIds: covered.map((invoice) => invoice.id),
  };
  const replaced = await cancelPromiseRows(
    tx,
    ctx.companyId,
    await findLivePromiseIdsOfInvoices(tx, ctx.companyId, invoiceIds, { forUpdate: true }),
    today,
    now,
  );
  await insertPromise(tx, ctx.companyId, promise);
  let messageId: string | null = null;
  if (recipient !== undefined) {
    // Read in `tx`: the company's name signs the e-mail.
    const company = await getCompany({ ...deps, db: tx }, ctx.companyId);
    const words = confirmationEmail(
      input.language ?? 'fr',
      promise,
      covered,
      { person: ctx.actor.type === 'user' ? ctx.actor.name : null, company: company.legalName },
      recipient.name,
    );
    [messageId = null] = await queueMessagesInTx(deps, tx, ctx, [
      {
        channel: 'email',
        recipients: [recipient.email],
        subject: words.subject,
        bodyText: words.bodyText,
        customerId: customer.id,
        source: { type: 'payment_promise', id: promise.id },
      },
    ]);
  }
  await recordEvents(tx, ctx, [
    ...replaced.map((id): EventInput => ({
      action: 'promise.cancelled',
      entityType: 'payment_promise',
      entityId: id,
      customerId: customer.id,
      data: { reason: 'replaced', replacedBy: promise.id },
    })),
    {
      action: 'promise.created',
      entityType: 'payment_promise',
      entityId: promise.id,
      customerId: customer.id,
      data: {
        ...promiseFacts(promise),
        invoiceNumbers: covered.map((invoice) => invoice.number),
        note: promise.note,
        sourceActionId: promise.sourceActionId,
        confirmationMessageId: messageId,
        replaces: replaced,
      },
    },
  ]);
  return { id: promise.id };
}

function promiseNotFound(id: string): DomainError {
  return new DomainError('not_found', 'payment_promise_not_found', { key: id });
}

/**
 * Cancels a live promise (409 `promise_not_live` once its fate is decided): its invoices go
 * back to their scenario at the next run. The promise as cancelled.
 */
export async function cancelPromise(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: { note?: string | undefined } = {},
): Promise<PromiseRecord> {
  requirePermission(ctx, 'dunning:assign');
  const today = await companyToday(deps, ctx);
  return inTransaction(deps.db, async (tx) => {
    const promise = await findPromise(tx, ctx.companyId, id, { forUpdate: true });
    if (promise === undefined) {
      throw promiseNotFound(id);
    }
    if (promise.status !== 'live') {
      throw new ConflictError('promise_not_live', { status: promise.status });
    }
    const now = deps.clock.now();
    await cancelPromiseRows(tx, ctx.companyId, [id], today, now);
    const note = input.note?.trim() ?? '';
    await recordEvents(tx, ctx, [
      {
        action: 'promise.cancelled',
        entityType: 'payment_promise',
        entityId: id,
        customerId: promise.customerId,
        data: { reason: 'cancelled', ...promiseFacts(promise), note: note === '' ? null : note },
      },
    ]);
    return { ...promise, status: 'cancelled', settledOn: today, updatedAt: now };
  });
}

/** A promise as a list shows it: its invoices named, and for a live one what came in so far. */
export type PromiseView = Omit<PromiseRecord, 'invoices'> & {
  customer: { id: string; code: string; name: string };
  invoices: {
    invoiceId: string;
    number: string;
    openCentsAtPromise: Cents;
    openCents: Cents;
  }[];
};

/**
 * Promises newest first: a customer's, or the company's, by status; `before` (a promise's
 * id) pages on. A live promise shows what was paid towards it so far (`paidCents`). A fixed
 * number of statements per page.
 */
export async function listPromises(
  deps: Deps,
  ctx: Ctx,
  filter: {
    customerId?: string | undefined;
    status?: PromiseStatus | undefined;
    limit: number;
    before?: string | undefined;
  },
): Promise<PromiseView[]> {
  requirePermission(ctx, 'customers:read');
  if (filter.customerId !== undefined) {
    await requireCustomer(deps, ctx, filter.customerId);
  }
  const today = await companyToday(deps, ctx);
  return viewsOf(deps, ctx, await listPromiseRows(deps.db, ctx.companyId, filter), today);
}

/** Promises by id, as stored (the agenda's items name theirs): two statements. */
export async function listPromisesByIds(
  q: Queryable,
  ctx: Ctx,
  ids: readonly string[],
): Promise<PromiseRecord[]> {
  requirePermission(ctx, 'customers:read');
  return findPromisesByIds(q, ctx.companyId, ids);
}

/** One promise, as a list shows it. */
export async function getPromise(deps: Deps, ctx: Ctx, id: string): Promise<PromiseView> {
  requirePermission(ctx, 'customers:read');
  const today = await companyToday(deps, ctx);
  const promise = await findPromise(deps.db, ctx.companyId, id);
  if (promise === undefined) {
    throw promiseNotFound(id);
  }
  const [view] = await viewsOf(deps, ctx, [promise], today);
  if (view === undefined) {
    throw promiseNotFound(id);
  }
  return view;
}

/** `promises` with their invoices and customers named, in three statements at most. */
async function viewsOf(
  deps: Deps,
  ctx: Ctx,
  promises: readonly PromiseRecord[],
  today: CalendarDate,
): Promise<PromiseView[]> {
  if (promises.length === 0) {
    return [];
  }
  const invoiceIds = [...new Set(promises.flatMap((promise) => promise.invoiceIds))];
  const live = promises.filter((promise) => promise.status === 'live');
  const invoices = await listInvoicesByIds(deps.db, ctx, invoiceIds);
  const customers = await listCustomersByIds(deps.db, ctx, [
    ...new Set(promises.map((promise) => promise.customerId)),
  ]);
  const settlements =
    live.length === 0
      ? []
      : await listSettlementsOfInvoices(
          deps.db,
          ctx,
          [...new Set(live.flatMap((promise) => promise.invoiceIds))],
          { from: earliest(live.map((promise) => promise.createdOn)), to: today },
        );
  const invoiceById = new Map(invoices.map((invoice) => [invoice.id, invoice]));
  const customerById = new Map(customers.map((customer) => [customer.id, customer]));
  return promises.map((promise) => {
    const customer = customerById.get(promise.customerId);
    return {
      ...promise,
      paidCents: promise.status === 'live' ? paidTowards(promise, settlements) : promise.paidCents,
      customer: {
        id: promise.customerId,
        code: customer?.code ?? '',
        name: customer?.legalName ?? '',
      },
      invoices: promise.invoices.map((entry) => {
        const invoice = invoiceById.get(entry.invoiceId);
        return {
          ...entry,
          number: invoice?.number ?? '',
          openCents: invoice?.openCents ?? ZERO_CENTS,
        };
      }),
    };
  });
}

function earliest(dates: readonly CalendarDate[]): CalendarDate {
  return dates.reduce((first, date) => minDate(first, date));
}

function latest(dates: readonly CalendarDate[]): CalendarDate {
  return dates.reduce((last, date) => (date > last ? date : last));
}

/** What the daily check decided: the promises it settled, and the live ones due today. */
export type PromiseCheck = {
  kept: PromiseRecord[];
  partlyKept: PromiseRecord[];
  broken: PromiseRecord[];
  /** Live promises whose day is `today` (not kept yet): a collector may call. */
  fallingDue: PromiseRecord[];
};

const FATE_ACTIONS = {
  kept: 'promise.kept',
  partly_kept: 'promise.partly_kept',
  broken: 'promise.broken',
} as const;

/**
 * Settles, in `tx`, every live promise of the company whose fate is known at `today`
 * (`checkPromise`): kept, partly kept or broken, with what was paid towards it, each an
 * event on its customer. Five statements whatever the number of promises (the live ones,
 * their invoices, the settlements, the update, the events). Only a promise still live when
 * updated is settled, and reported: a second check the same day, or one running at the
 * same time on another connection, settles nothing twice.
 */
export async function checkPromisesInTx(
  deps: Deps,
  tx: Tx,
  ctx: Ctx,
  today: CalendarDate,
): Promise<PromiseCheck> {
  requirePermission(ctx, 'dunning:assign');
  const live = await listLivePromiseRows(tx, ctx.companyId);
  const check: PromiseCheck = { kept: [], partlyKept: [], broken: [], fallingDue: [] };
  if (live.length === 0) {
    return check;
  }
  const settlements = await listSettlementsOfInvoices(
    tx,
    ctx,
    [...new Set(live.flatMap((promise) => promise.invoiceIds))],
    {
      from: earliest(live.map((promise) => promise.createdOn)),
      // Allocations dated after today have not happened yet.
      to: minDate(today, latest(live.map((promise) => countedWindow(promise).to))),
    },
  );
  const decided: { promise: PromiseRecord; fate: Exclude<PromiseFate, 'live'> }[] = [];
  for (const promise of live) {
    const paidCents = paidTowards(promise, settlements);
    const fate = checkPromise(promise, paidCents, today);
    if (fate === 'live') {
      if (promise.promisedOn === today) {
        check.fallingDue.push(promise);
      }
    } else {
      decided.push({ promise: { ...promise, paidCents }, fate });
    }
  }
  const now = deps.clock.now();
  const settled = new Set(
    await settlePromiseRows(
      tx,
      ctx.companyId,
      decided.map(({ promise, fate }) => ({
        id: promise.id,
        status: fate,
        paidCents: promise.paidCents,
      })),
      today,
      now,
    ),
  );
  const events: EventInput[] = [];
  for (const { promise, fate } of decided) {
    if (!settled.has(promise.id)) {
      continue;
    }
    const record: PromiseRecord = { ...promise, status: fate, settledOn: today, updatedAt: now };
    (fate === 'kept' ? check.kept : fate === 'partly_kept' ? check.partlyKept : check.broken).push(
      record,
    );
    events.push({
      action: FATE_ACTIONS[fate],
      entityType: 'payment_promise',
      entityId: promise.id,
      customerId: promise.customerId,
      data: { ...promiseFacts(record), paidCents: record.paidCents },
    });
  }
  await recordEvents(tx, ctx, events);
  return check;
}

/**
 * Which of `invoiceIds` a live promise covers, in one statement on `q`: the dunning run
 * holds them back (`promised`).
 */
export async function livePromisedInvoiceIds(
  q: Queryable,
  ctx: Ctx,
  invoiceIds: readonly string[],
): Promise<Set<string>> {
  requirePermission(ctx, 'customers:read');
  return findLivePromisedInvoiceIds(q, ctx.companyId, invoiceIds);
}

/**
 * The promise-kept rate (`keptRate`) over the promises settled from `from` to `to` (both
 * included), the amounts in the company currency.
 */
export async function promiseKeptRate(
  deps: Deps,
  ctx: Ctx,
  window: { from: CalendarDate; to: CalendarDate },
): Promise<KeptRate & { from: CalendarDate; to: CalendarDate }> {
  requirePermission(ctx, 'customers:read');
  if (window.from > window.to) {
    throw invalidField('to', 'promise_period_reversed');
  }
  const company = await getCompany(deps, ctx.companyId);
  const settled = await listSettledPromiseRows(deps.db, ctx.companyId, window);
  return { ...keptRate(settled, company.currency), ...window };
}
