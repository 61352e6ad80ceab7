/**
 * The late-payment rates a company's penalties are computed from (docs/formulas.md
 * "Late-payment penalties"): the published table Encaisse ships, overlaid by the
 * company's own entries. Reading takes `customers:read`; entering or removing one of the
 * company's own takes `dunning:configure`, audited.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { recordEvents } from '../audit/service.ts';
import { getCompany } from '../companies/service.ts';
import type { Queryable } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { InvalidError } from '../shared/errors.ts';
import { halfYearOf } from './penalties.ts';
import {
  deletePenaltyRateRow,
  findPenaltyRateRow,
  listPenaltyRateRows,
  upsertPenaltyRateRow,
} from './penalty-rate-store.ts';
import {
  checkPenaltyRate,
  overlayRates,
  rateLines,
  type PenaltyRateLine,
  type PenaltyRateSeries,
} from './penalty-rate-table.ts';
import { PUBLISHED_RATES, type HalfYear, type PenaltyRateTable } from './published-rates.ts';

/** The table the company's penalties use: the published one under its own entries. */
export async function effectiveRates(q: Queryable, companyId: string): Promise<PenaltyRateTable> {
  return overlayRates(PUBLISHED_RATES, await listPenaltyRateRows(q, companyId));
}

export type PenaltyRateList = {
  /** The half-year of the company's today: the rate its penalties run at now. */
  currentHalfYear: HalfYear;
  /** Every half-year with a rate, newest first. */
  items: PenaltyRateLine[];
};

/** Each half-year with the published rates, the company's own if any, and those that apply. */
export async function listPenaltyRates(deps: Deps, ctx: Ctx): Promise<PenaltyRateList> {
  requirePermission(ctx, 'customers:read');
  const company = await getCompany(deps, ctx.companyId);
  const today: CalendarDate = deps.clock.today(company.timeZone);
  const rows = await listPenaltyRateRows(deps.db, ctx.companyId);
  return { currentHalfYear: halfYearOf(today), items: rateLines(PUBLISHED_RATES, rows) };
}

export type SavePenaltyRateInput = {
  series: PenaltyRateSeries;
  halfYear: string;
  /** The company's rate in basis points; `null`: back to the published one. */
  basisPoints: number | null;
};

/**
 * Enters the company's own rate of a series for a half-year, replacing the published one
 * in its penalties, or removes it (`basisPoints: null`). Refused (400) unless the
 * half-year reads `YYYY-H1|H2` and the rate is 0 to 5 000 basis points. The list after.
 */
export async function savePenaltyRate(
  deps: Deps,
  ctx: Ctx,
  input: SavePenaltyRateInput,
): Promise<PenaltyRateList> {
  requirePermission(ctx, 'dunning:configure');
  const issues = checkPenaltyRate(input);
  if (issues.length > 0) {
    throw new InvalidError('penalty_rate_refused', {}, issues);
  }
  const key = { series: input.series, halfYear: input.halfYear as HalfYear };
  await inTransaction(deps.db, async (tx) => {
    const before = await findPenaltyRateRow(tx, ctx.companyId, key);
    if (input.basisPoints === null) {
      await deletePenaltyRateRow(tx, ctx.companyId, key);
    } else {
      await upsertPenaltyRateRow(
        tx,
        ctx.companyId,
        { ...key, basisPoints: input.basisPoints },
        deps.clock.now(),
      );
    }
    await recordEvents(tx, ctx, [
      {
        action: 'penalty_rate.saved',
        entityType: 'penalty_rate',
        entityId: ctx.companyId,
        customerId: null,
        data: {
          series: key.series,
          halfYear: key.halfYear,
          before: before?.basisPoints ?? null,
          after: input.basisPoints,
        },
      },
    ]);
  });
  return listPenaltyRates(deps, ctx);
}
