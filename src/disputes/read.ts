/**
 * Reading disputes (docs/disputes.md « Opening, routing, resolving »): the board's list,
 * a dispute's page, an invoice's open dispute. Each dispute comes with its customer, its
 * department and, per invoice, the number, what is open and what is held back now: a page
 * costs three statements whatever its size (the disputes with their invoices and
 * departments, the invoices, the customers' names).
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { authorize, readerFor } from '../app/policy.ts';
import { listAccessLinks, type AccessLink } from '../access/service.ts';
import type { TTimelineEvent } from '../audit/schemas.ts';
import { readEntityEvents } from '../audit/service.ts';
import { timelineUserIds, toTimelineEvents } from '../audit/timeline.ts';
import { findUserDisplayNames } from '../auth/service.ts';
import type { Queryable } from '../db/client.ts';
import { companyToday, listInvoicesByIds } from '../ledger/service.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { NotFoundError } from '../shared/errors.ts';
import { cents, sumCents, type Cents } from '../shared/money.ts';
import { isOpenDispute, type Dispute } from './model.ts';
import { disputeNotFound, heldBackNow } from './service.ts';
import {
  listDisputeAttachmentInfos,
  listDisputeComments,
  listDisputeRecords,
  type DepartmentLabel,
  type DisputeAttachmentInfo,
  type DisputeComment,
  type DisputeFilter,
  type DisputeRecord,
} from './store.ts';

/** One invoice of a dispute as the board shows it. */
export type DisputeInvoiceView = {
  invoiceId: string;
  number: string;
  disputedCents: Cents | null;
  openCents: Cents;
  heldBackCents: Cents;
};

/** A dispute as lists and pages show it. */
export type DisputeView = {
  dispute: Dispute;
  customer: { id: string; code: string; name: string };
  department: DepartmentLabel | null;
  invoices: DisputeInvoiceView[];
  heldBackCents: Cents;
  isOverdue: boolean;
};

/** A dispute's page: the view, its thread, its department links and its events. */
export type DisputeDetailView = DisputeView & {
  comments: DisputeComment[];
  attachments: DisputeAttachmentInfo[];
  links: AccessLink[];
  timeline: TTimelineEvent[];
};

/** `records` with their invoices and customers (two statements), at `today`. */
export async function viewsOf(
  deps: Deps,
  q: Queryable,
  ctx: Ctx,
  records: readonly DisputeRecord[],
  today: CalendarDate,
): Promise<DisputeView[]> {
  const reader = readerFor(ctx);
  const invoiceIds = [
    ...new Set(
      records.flatMap(({ dispute }) => dispute.invoices.map((invoice) => invoice.invoiceId)),
    ),
  ];
  const invoices = new Map(
    (await listInvoicesByIds(q, reader, invoiceIds)).map((invoice) => [invoice.id, invoice]),
  );
  const customers = await deps.customers.namesOf(q, reader, [
    ...new Set(records.map(({ dispute }) => dispute.customerId)),
  ]);
  return records.map(({ dispute, department }) => {
    const lines = dispute.invoices.map((part): DisputeInvoiceView => {
      const invoice = invoices.get(part.invoiceId);
      const openCents = invoice?.openCents ?? cents(0);
      return {
        invoiceId: part.invoiceId,
        number: invoice?.number ?? '',
        disputedCents: part.disputedCents,
        openCents,
        heldBackCents: heldBackNow(dispute, part.invoiceId, openCents),
      };
    });
    const customer = customers.get(dispute.customerId);
    return {
      dispute,
      customer: { id: dispute.customerId, code: customer?.code ?? '', name: customer?.name ?? '' },
      department,
      invoices: lines,
      heldBackCents: sumCents(lines.map((line) => line.heldBackCents)),
      isOverdue: isOpenDispute(dispute) && today > dispute.deadline,
    };
  });
}

/**
 * The company's disputes matching `filter`, newest first, `filter.limit` of them (before
 * `filter.before`). A customer on its portal reads only its own.
 */
export async function listDisputes(
  deps: Deps,
  ctx: Ctx,
  filter: DisputeFilter,
): Promise<DisputeView[]> {
  const own = ctx.audience?.kind === 'customer' ? ctx.audience.customerId : filter.customerId;
  authorize(ctx, 'dispute:read', { customerId: own });
  const today = await companyToday(deps, ctx);
  const records = await listDisputeRecords(deps.db, ctx.companyId, { ...filter, customerId: own });
  return viewsOf(deps, deps.db, ctx, records, today);
}

/** The dispute `id` as the board shows it, read in `q`; 404 when the company has none. */
export async function getDisputeView(
  deps: Deps,
  q: Queryable,
  ctx: Ctx,
  id: string,
  today: CalendarDate,
): Promise<DisputeView> {
  const records = await listDisputeRecords(q, ctx.companyId, { ids: [id], limit: 1 });
  const [view] = await viewsOf(deps, q, ctx, records, today);
  if (view === undefined) {
    throw disputeNotFound(id);
  }
  authorize(ctx, 'dispute:read', { customerId: view.dispute.customerId, disputeId: id });
  return view;
}

/**
 * A dispute's page: the board's view, its thread (comments and attachments, oldest first),
 * its department links (staff only) and its events, newest first.
 */
export async function getDisputeDetail(
  deps: Deps,
  ctx: Ctx,
  id: string,
): Promise<DisputeDetailView> {
  const today = await companyToday(deps, ctx);
  const view = await getDisputeView(deps, deps.db, ctx, id, today);
  const isStaff = (ctx.audience?.kind ?? 'staff') === 'staff';
  const events = isStaff
    ? await readEntityEvents(deps.db, ctx, [{ entityType: 'dispute', entityId: id }], 200)
    : [];
  return {
    ...view,
    comments: await listDisputeComments(deps.db, ctx.companyId, id),
    attachments: await listDisputeAttachmentInfos(deps.db, ctx.companyId, id),
    links: isStaff
      ? await listAccessLinks(deps.db, ctx, { audience: 'department', disputeId: id })
      : [],
    timeline: toTimelineEvents(
      events,
      await findUserDisplayNames(deps, ctx, timelineUserIds(events)),
    ),
  };
}

/** The open dispute of `invoiceId`, or `undefined`; 404 when the invoice is unknown. */
export async function getInvoiceDispute(
  deps: Deps,
  ctx: Ctx,
  invoiceId: string,
): Promise<DisputeView | undefined> {
  const [invoice] = await listInvoicesByIds(deps.db, readerFor(ctx), [invoiceId]);
  if (invoice === undefined) {
    throw new NotFoundError('invoice', invoiceId);
  }
  authorize(ctx, 'dispute:read', { customerId: invoice.customerId });
  const today = await companyToday(deps, ctx);
  const records = await listDisputeRecords(deps.db, ctx.companyId, {
    invoiceId,
    isOpen: true,
    limit: 1,
  });
  const [view] = await viewsOf(deps, deps.db, ctx, records, today);
  return view;
}
