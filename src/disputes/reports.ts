/**
 * The dispute report (issue 10, docs/disputes.md « Reports »): one use case reading a few
 * grouped statements (report-store.ts), the open invoices' amounts from the ledger and the
 * names of the twenty recurring customers from the customers' service; the rules of
 * report-model.ts fold them.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { authorize } from '../app/policy.ts';
import { getCompany } from '../companies/service.ts';
import { listCustomersByIds } from '../customers/service.ts';
import { listInvoicesByIds } from '../ledger/service.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { heldBackCents } from './model.ts';
import {
  blockedByCurrency,
  openByAge,
  openByCause,
  openByDepartment,
  resolutionByCause,
  resolutionByDepartment,
  windowStart,
  type DisputeReport,
  type HeldBackPart,
} from './report-model.ts';
import {
  groupOpenDisputes,
  groupResolvedDisputes,
  listOpenDisputedInvoices,
  listRecurringByCustomer,
  listRecurringBySalesRep,
  type OpenDisputedInvoice,
} from './report-store.ts';

export type DisputeReportOptions = {
  /** The day the report is counted at (ages, deadlines, the year looked back); default today. */
  asOf?: CalendarDate | undefined;
};

/**
 * The dispute report on `asOf` (the company's today by default): the disputes open then by
 * cause, department and age; those resolved in the year before it, with their average days;
 * what the open ones hold back from dunning; the causes that came back per customer and per
 * sales rep over that year. Reading takes `dispute:read` (every staff role).
 *
 * The held-back amounts are counted on the invoices' open amounts as they are now (the
 * ledger keeps no past open amounts): on today's report they are what the daily run holds
 * back; on a past day's, what those disputes would hold back now.
 */
export async function disputeReport(
  deps: Deps,
  ctx: Ctx,
  options: DisputeReportOptions = {},
): Promise<DisputeReport> {
  authorize(ctx, 'dispute:read');
  // The company's today (companyToday) and its currency, the age classes' own, in one read.
  const company = await getCompany(deps, ctx.companyId);
  const asOf = options.asOf ?? deps.clock.today(company.timeZone);
  const window = { from: windowStart(asOf), asOf };
  const [open, resolved, disputedInvoices, byCustomer, bySalesRep] = await Promise.all([
    groupOpenDisputes(deps.db, ctx.companyId, asOf),
    groupResolvedDisputes(deps.db, ctx.companyId, window),
    listOpenDisputedInvoices(deps.db, ctx.companyId, asOf),
    listRecurringByCustomer(deps.db, ctx.companyId, window),
    listRecurringBySalesRep(deps.db, ctx.companyId, window),
  ]);
  const [heldBack, customers] = await Promise.all([
    heldBackParts(deps, ctx, disputedInvoices),
    listCustomersByIds(deps.db, ctx, [...new Set(byCustomer.map((row) => row.customerId))]),
  ]);
  const customerById = new Map(customers.map((customer) => [customer.id, customer]));
  return {
    asOf,
    openByCause: openByCause(open),
    openByDepartment: openByDepartment(open),
    openByAge: openByAge(open, company.currency),
    resolutionByCause: resolutionByCause(resolved),
    resolutionByDepartment: resolutionByDepartment(resolved),
    blocked: blockedByCurrency(heldBack),
    recurringByCustomer: byCustomer.map(({ customerId, ...row }) => {
      const customer = customerById.get(customerId);
      return {
        customer: {
          id: customerId,
          code: customer?.code ?? '',
          name: customer?.legalName ?? '',
        },
        ...row,
      };
    }),
    recurringBySalesRep: bySalesRep,
  };
}

/** What each invoice of an open dispute holds back: its disputed part, capped at what is open. */
async function heldBackParts(
  deps: Deps,
  ctx: Ctx,
  disputedInvoices: readonly OpenDisputedInvoice[],
): Promise<HeldBackPart[]> {
  const invoices = await listInvoicesByIds(
    deps.db,
    ctx,
    disputedInvoices.map((row) => row.invoiceId),
  );
  const openById = new Map(invoices.map((invoice) => [invoice.id, invoice.openCents]));
  return disputedInvoices.flatMap((row) => {
    const openCents = openById.get(row.invoiceId);
    return openCents === undefined
      ? []
      : [
          {
            disputeId: row.disputeId,
            currency: row.currency,
            heldBackCents: heldBackCents(openCents, row.disputedCents),
          },
        ];
  });
}
