/**
 * The invoicing lag over a period (docs/credit.md « Invoicing lag »): overall and for the
 * customers invoiced the latest after delivery, from one grouped statement.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { addDays, type CalendarDate } from '../shared/calendar-date.ts';
import { invalidField } from '../shared/errors.ts';
import { creditCompany } from './entity-state.ts';
import { LAG_BANDS, addLagSums, lagFigures, type LagFigures } from './invoicing-lag.ts';
import { sumInvoicingLag } from './order-store.ts';

/** The customers the answer names: those with the longest mean lag. */
const TOP_CUSTOMERS = 50;
/** The period by default: the last quarter. */
const DEFAULT_DAYS = 90;

export type InvoicingLag = {
  from: CalendarDate;
  to: CalendarDate;
  overall: LagFigures;
  customers: (LagFigures & { customerId: string; code: string; name: string })[];
};

/** The lag of the invoices issued from `from` to `to` (the last 90 days by default). */
export async function getInvoicingLag(
  deps: Deps,
  ctx: Ctx,
  period: { from?: CalendarDate | undefined; to?: CalendarDate | undefined },
): Promise<InvoicingLag> {
  requirePermission(ctx, 'ledger:read');
  const company = await creditCompany(deps, ctx);
  const to = period.to ?? deps.clock.today(company.timeZone);
  const from = period.from ?? addDays(to, -DEFAULT_DAYS);
  if (from > to) {
    throw invalidField('from', 'invoicing_lag_period_reversed');
  }
  const groups = await sumInvoicingLag(deps.db, ctx.companyId, { from, to }, LAG_BANDS);
  const longest = groups
    .map((group) => ({ group, figures: lagFigures(group) }))
    .sort(
      (a, b) =>
        (b.figures.meanDays ?? 0) - (a.figures.meanDays ?? 0) ||
        a.group.customerId.localeCompare(b.group.customerId),
    )
    .slice(0, TOP_CUSTOMERS);
  const names = await deps.customers.namesOf(
    deps.db,
    ctx,
    longest.map((entry) => entry.group.customerId),
  );
  return {
    from,
    to,
    overall: lagFigures(addLagSums(groups)),
    customers: longest.map(({ group, figures }) => ({
      ...figures,
      customerId: group.customerId,
      code: names.get(group.customerId)?.code ?? '',
      name: names.get(group.customerId)?.name ?? '',
    })),
  };
}
