/** A customer's or an invoice's allocations, and an invoice's timeline, which names them. */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import type { TTimelineEvent } from '../audit/schemas.ts';
import { readEntityEvents } from '../audit/service.ts';
import { timelineUserIds, toTimelineEvents } from '../audit/timeline.ts';
import { findUserDisplayNames } from '../auth/service.ts';
import type { Queryable } from '../db/client.ts';
import { NotFoundError } from '../shared/errors.ts';
import { getInvoice } from './invoice-lists.ts';
import type { TAllocation, TAllocationList } from './schemas.ts';
import { listAllocationRows, type AllocationListRow } from './store.ts';

function presentAllocation(row: AllocationListRow): TAllocation {
  return {
    id: row.id,
    invoiceId: row.invoiceId,
    invoiceNumber: row.invoiceNumber,
    paymentId: row.paymentId,
    paymentReference: row.paymentReference,
    creditNoteId: row.creditNoteId,
    creditNoteNumber: row.creditNoteNumber,
    amount: row.amountCents,
    currency: row.currency,
    allocatedOn: row.allocatedOn,
    undoneAt: row.undoneAt === null ? null : row.undoneAt.toISOString(),
    undoneOn: row.undoneOn,
  };
}

export async function listAllocations(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
): Promise<TAllocationList> {
  requirePermission(ctx, 'ledger:read');
  const rows = await listAllocationRows(deps.db, ctx.companyId, { customerId });
  return { items: rows.map(presentAllocation) };
}

/**
 * The allocations that settled an invoice, or that used a credit note, undone ones
 * included (marked), newest first. NotFound for an invoice of another company.
 */
export async function listInvoiceAllocations(
  deps: Deps,
  ctx: Ctx,
  invoiceId: string,
): Promise<TAllocationList> {
  await getInvoice(deps, ctx, invoiceId);
  const rows = await listAllocationRows(deps.db, ctx.companyId, { invoiceId });
  return { items: rows.map(presentAllocation) };
}

/**
 * An invoice's audit events, newest first: its own (created, updated) and those of
 * every allocation that touched it (made, undone), from the company's audit trail.
 */
export async function getInvoiceTimeline(
  deps: Deps,
  ctx: Ctx,
  invoiceId: string,
  limit = 200,
): Promise<TTimelineEvent[]> {
  await getInvoice(deps, ctx, invoiceId);
  const allocations = await listAllocationRows(deps.db, ctx.companyId, { invoiceId });
  const events = await readEntityEvents(
    deps.db,
    ctx,
    [
      { entityType: 'invoice', entityId: invoiceId },
      ...allocations.map((allocation) => ({
        entityType: 'allocation',
        entityId: allocation.id,
      })),
    ],
    limit,
  );
  return toTimelineEvents(events, await findUserDisplayNames(deps, ctx, timelineUserIds(events)));
}

/** One allocation in the API's form, read in `q` (the transaction that just wrote it). */
export async function presentAllocationById(
  q: Queryable,
  ctx: Ctx,
  allocationId: string,
): Promise<TAllocation> {
  const [row] = await listAllocationRows(q, ctx.companyId, { allocationId });
  if (!row) {
    throw new NotFoundError('allocation', allocationId);
  }
  return presentAllocation(row);
}
