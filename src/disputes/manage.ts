/**
 * Routing and resolving a dispute (docs/disputes.md « Opening, routing, resolving »): a
 * status move, a department and who must answer, a deadline, a cause, a description; then
 * an outcome. `dispute:manage` (collectors and up); a resolved dispute is no longer changed.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { authorize, readerFor } from '../app/policy.ts';
import { recordEvents } from '../audit/service.ts';
import type { Queryable } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { companyToday, listInvoicesByIds } from '../ledger/service.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import {
  ConflictError,
  DomainError,
  fieldIssue,
  InvalidError,
  NotFoundError,
} from '../shared/errors.ts';
import {
  checkDisputeNote,
  keptNote,
  type CreditNoteState,
  type DecidedOutcome,
  type Dispute,
  type DisputeStatus,
} from './model.ts';
import { getDisputeDetail, getInvoiceDispute, type DisputeDetailView } from './read.ts';
import {
  actingPerson,
  causesIn,
  disputeNotFound,
  findActiveCause,
  openDispute,
  routableDepartment,
  type OpenDisputeInput,
} from './service.ts';
import { findDispute, resolveOpenDisputes, updateOpenDispute, type DisputePatch } from './store.ts';

/** What a change of a dispute may say (absent: left as it is). */
export type UpdateDisputeInput = {
  status?: Exclude<DisputeStatus, 'resolved'> | undefined;
  departmentId?: string | null | undefined;
  assignee?: { name?: string | null | undefined; email?: string | null | undefined } | undefined;
  deadline?: CalendarDate | undefined;
  cause?: string | undefined;
  description?: string | null | undefined;
};

/** The open dispute `id`, read in `tx` for `action`; 404, 403, or 409 once resolved. */
async function requireOpenDispute(tx: Queryable, ctx: Ctx, id: string): Promise<Dispute> {
  const dispute = await findDispute(tx, ctx.companyId, id);
  if (dispute === undefined) {
    throw disputeNotFound(id);
  }
  authorize(ctx, 'dispute:manage', { customerId: dispute.customerId, disputeId: id });
  if (dispute.status === 'resolved') {
    throw new ConflictError('dispute_already_resolved', { reference: dispute.reference });
  }
  return dispute;
}

/** The fields of `dispute` that `patch` changes, as they were and as they become. */
function changesOf(dispute: Dispute, patch: DisputePatch) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const current: Record<keyof DisputePatch, unknown> = {
    status: dispute.status,
    departmentId: dispute.departmentId,
    assignee: dispute.assignee,
    deadline: dispute.deadline,
    cause: dispute.cause,
    description: dispute.description,
  };
  for (const key of Object.keys(patch) as (keyof DisputePatch)[]) {
    if (JSON.stringify(current[key]) !== JSON.stringify(patch[key])) {
      before[key] = current[key];
      after[key] = patch[key];
    }
  }
  return { before, after };
}

/**
 * Changes the open dispute `id`: its status (open, waiting for the department, waiting
 * for the customer), its department (whose default assignee then answers unless one is
 * named), assignee, deadline, cause, description. 409 once resolved (also for a change
 * racing a resolution); 400 with every issue at once for an unknown cause or department, a
 * deadline before the opening, a description too long. Event `dispute.updated` with what
 * changed, before and after.
 */
export async function updateDispute(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: UpdateDisputeInput,
): Promise<DisputeDetailView> {
  await inTransaction(deps.db, async (tx) => {
    const dispute = await requireOpenDispute(tx, ctx, id);
    const cause =
      input.cause === undefined
        ? undefined
        : findActiveCause(await causesIn(tx, ctx), input.cause, 'cause');
    const department =
      input.departmentId === undefined || input.departmentId === null
        ? undefined
        : await routableDepartment(tx, ctx, input.departmentId, 'departmentId');
    const issues = [
      ...(cause?.issues ?? []),
      ...(department?.issues ?? []),
      ...checkDisputeNote('description', input.description),
      ...(input.deadline !== undefined && input.deadline < dispute.raisedOn
        ? [fieldIssue('deadline', 'dispute_deadline_before_raised', { date: dispute.raisedOn })]
        : []),
    ];
    if (issues.length > 0) {
      throw new InvalidError('dispute_refused', {}, issues);
    }
    const movedTo = department?.department;
    const patch: DisputePatch = {
      ...(input.status === undefined ? {} : { status: input.status }),
      ...(input.departmentId === undefined ? {} : { departmentId: input.departmentId }),
      ...(input.assignee !== undefined
        ? { assignee: { name: input.assignee.name ?? null, email: input.assignee.email ?? null } }
        : movedTo !== undefined && movedTo.id !== dispute.departmentId
          ? { assignee: movedTo.defaultAssignee }
          : {}),
      ...(input.deadline === undefined ? {} : { deadline: input.deadline }),
      ...(input.cause === undefined ? {} : { cause: input.cause }),
      ...(input.description === undefined ? {} : { description: keptNote(input.description) }),
    };
    const { before, after } = changesOf(dispute, patch);
    if (Object.keys(after).length === 0) {
      return;
    }
    const updated = await updateOpenDispute(tx, ctx.companyId, id, patch, deps.clock.now());
    if (updated === undefined) {
      throw new ConflictError('dispute_resolved', { reference: dispute.reference });
    }
    await recordEvents(tx, ctx, [
      {
        action: 'dispute.updated',
        entityType: 'dispute',
        entityId: id,
        customerId: dispute.customerId,
        data: { reference: dispute.reference, before, after },
      },
    ]);
  });
  return getDisputeDetail(deps, ctx, id);
}

/** How a person resolves a dispute. */
export type ResolveDisputeInput = {
  outcome: DecidedOutcome;
  creditNote?: CreditNoteState | undefined;
  note?: string | null | undefined;
};

/**
 * Resolves the dispute `id` at the company's today with `input.outcome`: justified (its
 * credit note issued or to issue: required), rejected (its invoices go back into their
 * scenario at the step they had reached), corrected. Its invoices are freed in the same
 * transaction (the run no longer holds them back; a new dispute may be opened on them).
 * 409 when already resolved (also for the second of two resolvers at once); 400 for a
 * credit note missing or not wanted, a note too long. Event `dispute.resolved`.
 */
export async function resolveDispute(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: ResolveDisputeInput,
): Promise<DisputeDetailView> {
  const issues = [
    ...(input.outcome === 'justified' && input.creditNote === undefined
      ? [fieldIssue('creditNote', 'dispute_credit_note_required')]
      : []),
    ...(input.outcome !== 'justified' && input.creditNote !== undefined
      ? [fieldIssue('creditNote', 'dispute_credit_note_not_justified')]
      : []),
    ...checkDisputeNote('note', input.note),
  ];
  if (issues.length > 0) {
    throw new InvalidError('dispute_refused', {}, issues);
  }
  const today = await companyToday(deps, ctx);
  await inTransaction(deps.db, async (tx) => {
    const dispute = await requireOpenDispute(tx, ctx, id);
    const note = keptNote(input.note);
    const creditNote = input.creditNote ?? null;
    const resolved = await resolveOpenDisputes(
      tx,
      ctx.companyId,
      [
        {
          disputeId: id,
          outcome: input.outcome,
          creditNote,
          resolvedOn: today,
          resolvedBy: actingPerson(ctx),
          note,
        },
      ],
      deps.clock.now(),
    );
    if (!resolved.has(id)) {
      throw new ConflictError('dispute_already_resolved', { reference: dispute.reference });
    }
    await recordEvents(tx, ctx, [
      {
        action: 'dispute.resolved',
        entityType: 'dispute',
        entityId: id,
        customerId: dispute.customerId,
        data: {
          reference: dispute.reference,
          outcome: input.outcome,
          creditNote,
          note,
          raisedOn: dispute.raisedOn,
        },
      },
    ]);
  });
  return getDisputeDetail(deps, ctx, id);
}

/**
 * The invoice page's « Lever le litige »: resolves the open dispute of `invoiceId`. 404
 * `dispute_not_open` when it has none.
 */
export async function resolveInvoiceDispute(
  deps: Deps,
  ctx: Ctx,
  invoiceId: string,
  input: ResolveDisputeInput,
): Promise<DisputeDetailView> {
  const open = await getInvoiceDispute(deps, ctx, invoiceId);
  if (open === undefined) {
    const [invoice] = await listInvoicesByIds(deps.db, readerFor(ctx), [invoiceId]);
    if (invoice === undefined) {
      throw new NotFoundError('invoice', invoiceId);
    }
    throw new DomainError('not_found', 'dispute_not_open', { number: invoice.number });
  }
  return resolveDispute(deps, ctx, open.dispute.id, input);
}

/** Opens a dispute (`openDispute`) and answers its page. */
export async function openDisputeDetail(
  deps: Deps,
  ctx: Ctx,
  input: OpenDisputeInput,
): Promise<DisputeDetailView> {
  const dispute = await openDispute(deps, ctx, input);
  return getDisputeDetail(deps, ctx, dispute.id);
}
