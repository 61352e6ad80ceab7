/**
 * Disputes (« litiges », issue 10, docs/disputes.md « Opening, routing, resolving »): opening
 * a dispute over one or more invoices of one customer, with the part of each that is
 * disputed; what the daily run holds back (`heldBackAmounts`); the disputes that close by
 * themselves when their invoices are paid (`closeSettledDisputesInTx`). Changing, resolving
 * and reading are `manage.ts` and `read.ts`; causes and departments `configuration.ts`.
 *
 * Who may is `authorize` (src/app/policy.ts): staff by their role, a customer on its own
 * account (the portal). Once it has said yes, what other capabilities are asked (the
 * invoices, the customer) is read as staff who may read (`readerFor`): a link's holder is
 * refused every role permission, yet its dispute needs its invoices. "Today" is the company's
 * business date, read before the transaction, or given by the caller that runs one.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { authorize, readerFor } from '../app/policy.ts';
import { recordEvents } from '../audit/service.ts';
import { listCustomersByIds } from '../customers/service.ts';
import type { Queryable } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import {
  companyToday,
  listInvoicesByIds,
  listSettlementsOfInvoices,
  type Invoice,
} from '../ledger/service.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import {
  ConflictError,
  DomainError,
  fieldIssue,
  InvalidError,
  NotFoundError,
  type Issue,
} from '../shared/errors.ts';
import { messageOf } from '../shared/messages/catalogue.ts';
import { cents, sumCents, type Cents } from '../shared/money.ts';
import { causesOf, type DisputeCause } from './causes.ts';
import {
  checkDisputedAmount,
  checkDisputeNote,
  disputeDeadline,
  disputeTargetRefusal,
  heldBackCents,
  keptNote,
  type Dispute,
  type DisputeActor,
  type DisputedInvoice,
  type DisputeSource,
  type SystemCommentCode,
} from './model.ts';
import { findDepartment, listStoredCauses, type Department } from './store-configuration.ts';
import {
  findHeldBackParts,
  insertOpenDispute,
  insertSystemComments,
  listOpenDisputeInvoices,
  resolveOpenDisputes,
  takeDisputeNumber,
  type DisputeResolution,
} from './store.ts';

export type { Dispute, DisputeSource } from './model.ts';

/** Who acts, as a dispute keeps it: a user's id only (the column is a user's), and the name. */
export function actingPerson(ctx: Ctx): DisputeActor {
  return { id: ctx.actor.type === 'user' ? ctx.actor.id : null, name: ctx.actor.name };
}

/** `LIT-` and the number on six digits: what people say on the phone. */
export function disputeReference(number: number): string {
  return `LIT-${String(number).padStart(6, '0')}`;
}

/** A `DomainError` 404 for the dispute `key` (an id or a reference). */
export function disputeNotFound(key: string): DomainError {
  return new DomainError('not_found', 'dispute_not_found', { key });
}

/** The company's causes, read in `q`. */
export async function causesIn(q: Queryable, ctx: Ctx): Promise<DisputeCause[]> {
  return causesOf(await listStoredCauses(q, ctx.companyId));
}

/**
 * The issue on `field` when `code` is not an active cause of the company; the cause when it is.
 */
export function findActiveCause(
  causes: readonly DisputeCause[],
  code: string,
  field: string,
): { cause: DisputeCause; issues: [] } | { cause: undefined; issues: Issue[] } {
  const cause = causes.find((candidate) => candidate.code === code && candidate.isActive);
  return cause === undefined
    ? { cause: undefined, issues: [fieldIssue(field, 'dispute_cause_unknown', { cause: code })] }
    : { cause, issues: [] };
}

/**
 * The department `id` as a dispute may be routed to it (present and active), or the issue
 * on `field`.
 */
export async function routableDepartment(
  q: Queryable,
  ctx: Ctx,
  id: string,
  field: string,
): Promise<{ department: Department; issues: [] } | { department: undefined; issues: Issue[] }> {
  const department = await findDepartment(q, ctx.companyId, id);
  if (department === undefined) {
    return {
      department: undefined,
      issues: [fieldIssue(field, 'dispute_department_unknown', { key: id })],
    };
  }
  if (!department.isActive) {
    return {
      department: undefined,
      issues: [fieldIssue(field, 'dispute_department_inactive', { name: department.name })],
    };
  }
  return { department, issues: [] };
}

/** What a dispute is opened with. */
export type OpenDisputeInput = {
  invoices: readonly { invoiceId: string; disputedCents?: number | null | undefined }[];
  cause: string;
  description?: string | null | undefined;
  departmentId?: string | null | undefined;
  assignee?: { name?: string | null | undefined; email?: string | null | undefined } | undefined;
  deadline?: CalendarDate | undefined;
};

/**
 * Opens a dispute at the company's today (staff: `source` staff). See `openDisputeInTx` for
 * what is refused.
 */
export async function openDispute(deps: Deps, ctx: Ctx, input: OpenDisputeInput): Promise<Dispute> {
  // Before the transaction: on the embedded database it holds the only session.
  const today = await companyToday(deps, ctx);
  return inTransaction(deps.db, (tx) =>
    openDisputeInTx(deps, tx, ctx, today, { ...input, source: 'staff' }),
  );
}

/** The invoices of `input` in its order; 404 for one the company does not have. */
async function requireInvoices(
  tx: Queryable,
  ctx: Ctx,
  input: OpenDisputeInput,
): Promise<Invoice[]> {
  const found = new Map(
    (
      await listInvoicesByIds(
        tx,
        readerFor(ctx),
        input.invoices.map((invoice) => invoice.invoiceId),
      )
    ).map((invoice) => [invoice.id, invoice]),
  );
  return input.invoices.map(({ invoiceId }) => {
    const invoice = found.get(invoiceId);
    if (invoice === undefined) {
      throw new NotFoundError('invoice', invoiceId);
    }
    return invoice;
  });
}

/** Whether the invoices are one customer's in one currency, named once each (`invoices` issues). */
function checkOneAccount(invoices: readonly Invoice[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  invoices.forEach((invoice, index) => {
    if (seen.has(invoice.id)) {
      issues.push(
        fieldIssue(`invoices.${index}.invoiceId`, 'dispute_invoice_repeated', {
          number: invoice.number,
        }),
      );
    }
    seen.add(invoice.id);
  });
  if (new Set(invoices.map((invoice) => invoice.customerId)).size > 1) {
    issues.push(fieldIssue('invoices', 'dispute_customers_mixed'));
  }
  if (new Set(invoices.map((invoice) => invoice.currency)).size > 1) {
    issues.push(fieldIssue('invoices', 'dispute_currencies_mixed'));
  }
  return issues;
}

/**
 * Opens a dispute in the caller's transaction, at the caller's `today`: over `input.invoices`
 * (1 to 100, all of one customer and one currency), each for its disputed part (absent or
 * null: all that is open), under an active cause of the company, routed to an active
 * department (whose default assignee answers unless one is named), with a deadline (by
 * default the cause's days after today). Refused, with nothing written:
 * - 404 for an invoice the company does not have; 403 when `ctx` may not open one for that
 *   customer (a portal link of another customer);
 * - 409 on a credit note, a paid invoice (`disputeTargetRefusal`), or an invoice already in
 *   an open dispute (`dispute_already_open`, naming it: two collectors at once, one wins) —
 *   a `ConflictError` that leaves `tx` usable, so the agenda can go on;
 * - 400 with every issue at once: invoices of two customers or currencies, a part not above
 *   0 or above what is open (`invoices.<i>.disputedCents`), an unknown cause, department,
 *   a description too long, a deadline before today.
 * A portal `ctx` (audience customer) opens it as the customer: raised by its name.
 */
export async function openDisputeInTx(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  today: CalendarDate,
  input: OpenDisputeInput & { source: DisputeSource },
): Promise<Dispute> {
  const invoices = await requireInvoices(tx, ctx, input);
  const mixed = checkOneAccount(invoices);
  if (mixed.length > 0) {
    throw new InvalidError('dispute_refused', {}, mixed);
  }
  const [first] = invoices;
  if (first === undefined) {
    throw new InvalidError('dispute_refused', {}, [fieldIssue('invoices', 'dispute_refused')]);
  }
  authorize(ctx, 'dispute:open', { customerId: first.customerId });
  for (const invoice of invoices) {
    const refusal = disputeTargetRefusal(invoice);
    if (refusal !== undefined) {
      throw new ConflictError(refusal, { number: invoice.number });
    }
  }
  const cause = findActiveCause(await causesIn(tx, ctx), input.cause, 'cause');
  const department =
    input.departmentId === undefined || input.departmentId === null
      ? undefined
      : await routableDepartment(tx, ctx, input.departmentId, 'departmentId');
  const issues = [
    ...invoices.flatMap((invoice, index) =>
      checkDisputedAmount(
        `invoices.${index}.disputedCents`,
        input.invoices[index]?.disputedCents,
        invoice,
      ),
    ),
    ...cause.issues,
    ...(department?.issues ?? []),
    ...checkDisputeNote('description', input.description),
    ...(input.deadline !== undefined && input.deadline < today
      ? [fieldIssue('deadline', 'dispute_deadline_before_raised', { date: today })]
      : []),
  ];
  if (issues.length > 0 || cause.cause === undefined) {
    throw new InvalidError('dispute_refused', {}, issues);
  }
  const [customer] = await listCustomersByIds(tx, readerFor(ctx), [first.customerId]);
  const parts: DisputedInvoice[] = invoices.map((invoice, index) => {
    const part = input.invoices[index]?.disputedCents;
    return {
      invoiceId: invoice.id,
      disputedCents: part === undefined || part === null ? null : cents(part),
    };
  });
  const amountCents = sumCents(
    invoices.map((invoice, index) => parts[index]?.disputedCents ?? invoice.openCents),
  );
  const routedTo = department?.department;
  const number = await takeDisputeNumber(tx, ctx.companyId);
  const isCustomer = ctx.audience?.kind === 'customer';
  const inserted = await insertOpenDispute(
    tx,
    ctx.companyId,
    {
      id: deps.ids.newId(),
      reference: disputeReference(number),
      customerId: first.customerId,
      cause: cause.cause.code,
      description: keptNote(input.description),
      amountCents,
      currency: first.currency,
      invoices: parts,
      departmentId: routedTo?.id ?? null,
      assignee:
        input.assignee === undefined
          ? (routedTo?.defaultAssignee ?? { name: null, email: null })
          : { name: input.assignee.name ?? null, email: input.assignee.email ?? null },
      deadline: input.deadline ?? disputeDeadline(today, cause.cause.deadlineDays),
      source: isCustomer ? 'portal' : input.source,
      salesRep: customer?.salesRep ?? null,
      raisedOn: today,
      raisedBy: isCustomer ? { id: null, name: customer?.legalName ?? null } : actingPerson(ctx),
    },
    number,
    deps.clock.now(),
  );
  if (inserted.dispute === undefined) {
    const taken = invoices.find((invoice) => inserted.taken.includes(invoice.id)) ?? first;
    throw new ConflictError('dispute_already_open', { number: taken.number });
  }
  const dispute = inserted.dispute;
  await recordEvents(tx, ctx, [
    {
      action: 'dispute.raised',
      entityType: 'dispute',
      entityId: dispute.id,
      customerId: dispute.customerId,
      data: {
        reference: dispute.reference,
        cause: dispute.cause,
        amount: dispute.amountCents,
        currency: dispute.currency,
        invoices: invoices.map((invoice) => invoice.number),
        source: dispute.source,
      },
    },
  ]);
  return dispute;
}

/**
 * The agenda's « litige signalé »: one dispute over those of `invoiceIds` that may still be
 * disputed (open, an invoice, in no open dispute), under `cause` (`other` unless said), with
 * the collector's note, in the caller's transaction. `undefined` when none may. A collector
 * opening one on the same invoice meanwhile is a `ConflictError` that leaves `tx` usable.
 */
export async function raiseDisputeInTx(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  today: CalendarDate,
  invoiceIds: readonly string[],
  input: { cause?: string | undefined; description?: string | null | undefined },
): Promise<Dispute | undefined> {
  authorize(ctx, 'dispute:open');
  const held = await findHeldBackParts(tx, ctx.companyId, invoiceIds);
  const disputable = (await listInvoicesByIds(tx, readerFor(ctx), invoiceIds)).filter(
    (invoice) => disputeTargetRefusal(invoice) === undefined && !held.has(invoice.id),
  );
  if (disputable.length === 0) {
    return undefined;
  }
  return openDisputeInTx(deps, tx, ctx, today, {
    invoices: disputable.map((invoice) => ({ invoiceId: invoice.id })),
    cause: input.cause ?? 'other',
    description: input.description,
    source: 'agenda',
  });
}

/**
 * What open disputes hold back on each of `invoiceIds`: the disputed part, or null for all
 * that is open (the run reminds the rest, `heldBackCents` of model.ts). An invoice in no
 * open dispute is absent. One statement whatever their number, read in `q`, the caller's
 * transaction (its snapshot and its locks).
 */
export async function heldBackAmounts(
  q: Queryable,
  ctx: Ctx,
  invoiceIds: readonly string[],
): Promise<Map<string, Cents | null>> {
  authorize(ctx, 'dispute:read');
  return findHeldBackParts(q, ctx.companyId, invoiceIds);
}

/** Why a dispute closed by itself. */
export type AutomaticClose = {
  disputeId: string;
  reference: string;
  reason: 'paid' | 'credit_note';
};

/**
 * Closes the open disputes whose invoices are all paid (nothing open on any), at `today`,
 * in the caller's transaction (the dunning run's, before its slices): outcome `paid`, or
 * `justified` with its credit note `issued` when a credit note allocated since it opened
 * settled part of them. Resolved by the system (no one, no name), with a comment in the
 * thread and `dispute.resolved` (`automatic: true` and the reason). Bounded statements
 * whatever the number of disputes: the open disputes' invoices, the invoices, their
 * settlements, one update with arrays (and the invoices' keys freed), the comments, the events.
 */
export async function closeSettledDisputesInTx(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  today: CalendarDate,
): Promise<AutomaticClose[]> {
  authorize(ctx, 'dispute:manage');
  const links = await listOpenDisputeInvoices(tx, ctx.companyId);
  if (links.length === 0) {
    return [];
  }
  const reader = readerFor(ctx);
  const invoices = new Map(
    (await listInvoicesByIds(tx, reader, [...new Set(links.map((link) => link.invoiceId))])).map(
      (invoice) => [invoice.id, invoice],
    ),
  );
  const byDispute = new Map<string, typeof links>();
  for (const link of links) {
    byDispute.set(link.disputeId, [...(byDispute.get(link.disputeId) ?? []), link]);
  }
  const settled = [...byDispute.values()].filter((invoicesOf) =>
    invoicesOf.every((link) => (invoices.get(link.invoiceId)?.openCents ?? 0) <= 0),
  );
  if (settled.length === 0) {
    return [];
  }
  const since =
    settled.map((invoicesOf) => invoicesOf[0]?.raisedOn ?? today).toSorted()[0] ?? today;
  const settlements = await listSettlementsOfInvoices(
    tx,
    reader,
    settled.flatMap((invoicesOf) => invoicesOf.map((link) => link.invoiceId)),
    { from: since, to: today },
  );
  const closes = settled.flatMap((invoicesOf): (AutomaticClose & { customerId: string })[] => {
    const [first] = invoicesOf;
    if (first === undefined) {
      return [];
    }
    const ids = new Set(invoicesOf.map((link) => link.invoiceId));
    const credited = settlements.some(
      (settlement) =>
        ids.has(settlement.invoiceId) &&
        settlement.on >= first.raisedOn &&
        settlement.creditNoteCents > 0,
    );
    return [
      {
        disputeId: first.disputeId,
        reference: first.reference,
        customerId: first.customerId,
        reason: credited ? 'credit_note' : 'paid',
      },
    ];
  });
  const resolutions: DisputeResolution[] = closes.map((close) => ({
    disputeId: close.disputeId,
    outcome: close.reason === 'credit_note' ? 'justified' : 'paid',
    creditNote: close.reason === 'credit_note' ? 'issued' : null,
    resolvedOn: today,
    resolvedBy: { id: null, name: null },
    note: null,
  }));
  const now = deps.clock.now();
  const resolved = await resolveOpenDisputes(tx, ctx.companyId, resolutions, now);
  const closed = closes.filter((close) => resolved.has(close.disputeId));
  // Kept as a code, worded for each reader when read (presentComment); the French words in
  // `body` are for what reads the column as it is (migration 202612050200).
  await insertSystemComments(
    tx,
    ctx.companyId,
    closed.map((close) => {
      const code: SystemCommentCode =
        close.reason === 'credit_note' ? 'dispute_closed_by_credit' : 'dispute_closed_paid';
      return {
        id: deps.ids.newId(),
        disputeId: close.disputeId,
        code,
        body: messageOf('fr', code),
      };
    }),
    now,
  );
  await recordEvents(
    tx,
    ctx,
    closed.map((close) => ({
      action: 'dispute.resolved',
      entityType: 'dispute',
      entityId: close.disputeId,
      customerId: close.customerId,
      data: {
        reference: close.reference,
        outcome: close.reason === 'credit_note' ? 'justified' : 'paid',
        creditNote: close.reason === 'credit_note' ? 'issued' : null,
        automatic: true,
        reason: close.reason,
      },
    })),
  );
  return closed.map(({ disputeId, reference, reason }) => ({ disputeId, reference, reason }));
}

/** What is held back now on an invoice open for `openCents` in the open dispute `dispute`. */
export function heldBackNow(dispute: Dispute, invoiceId: string, openCents: Cents): Cents {
  const part = dispute.invoices.find((invoice) => invoice.invoiceId === invoiceId);
  return dispute.status === 'resolved' || part === undefined
    ? cents(0)
    : heldBackCents(openCents, part.disputedCents);
}
