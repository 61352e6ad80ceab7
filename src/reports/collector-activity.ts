/**
 * The collectors' activity (issue 11, docs/formulas.md « Collector activity »): per
 * collector and ISO week, the contacts (messages sent, calls made, reached or not), the
 * promises taken, falling due and kept, and the promise-kept rates by count and by amount.
 *
 * Two statements of sums, whatever the number of actions and promises — the agenda's
 * (`listActionActivity`) and the promises' (`listPromiseActivity`) — folded by the pure
 * rules of collector-activity-rules.ts, then the collectors named with one more.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { findUserDisplayNames } from '../auth/service.ts';
import { getCompany } from '../companies/service.ts';
import { listActionActivity } from '../dunning/activity-sums.ts';
import { listPromiseActivity } from '../promises/promise-activity.ts';
import { addDays, type CalendarDate } from '../shared/calendar-date.ts';
import { fieldIssue, InvalidError, type Issue } from '../shared/errors.ts';
import {
  collectorActivity,
  isoWeeks,
  isoWeekStart,
  type ActivityFigures,
  type ActivityWeekRow,
} from './collector-activity-rules.ts';

/** The weeks shown by default, up to today's; and at most. */
export const DEFAULT_ACTIVITY_WEEKS = 12;
export const MAX_ACTIVITY_WEEKS = 106;

export type CollectorActivityInput = {
  /** The first day of the period (its week is counted whole); 11 weeks before `to`'s by default. */
  from?: CalendarDate | undefined;
  /** The last day of the period (its week counted whole); the company's today by default. */
  to?: CalendarDate | undefined;
  /** One collector's activity (a user's id, `none`: what nobody's name is on); all by default. */
  collectorId?: string | undefined;
};

export type CollectorActivityReport = {
  /** The Monday of the first week, the Sunday of the last. */
  from: CalendarDate;
  to: CalendarDate;
  /** The Mondays of the weeks, oldest first. */
  weeks: CalendarDate[];
  /** By collector's name, then what nobody's name is on (`collector.id` null). */
  collectors: {
    collector: { id: string | null; name: string | null };
    weeks: ActivityWeekRow[];
    total: ActivityFigures;
  }[];
};

/**
 * The collectors' activity over the ISO weeks of `input.from` to `input.to` (`ledger:read`:
 * every staff role). 400 `report_invalid` with every issue at once: `from` after `to`
 * (`collector_activity_from_after_to`), more than `MAX_ACTIVITY_WEEKS` weeks
 * (`collector_activity_too_many_weeks`).
 */
export async function collectorActivityReport(
  deps: Deps,
  ctx: Ctx,
  input: CollectorActivityInput = {},
): Promise<CollectorActivityReport> {
  requirePermission(ctx, 'ledger:read');
  const company = await getCompany(deps, ctx.companyId);
  const to = input.to ?? deps.clock.today(company.timeZone);
  const from = input.from ?? addDays(isoWeekStart(to), -7 * (DEFAULT_ACTIVITY_WEEKS - 1));
  const weeks = isoWeeks(from, to);
  const issues: Issue[] = [];
  if (from > to) {
    issues.push(fieldIssue('from', 'collector_activity_from_after_to', { from, to }));
  } else if (weeks.length > MAX_ACTIVITY_WEEKS) {
    issues.push(
      fieldIssue('from', 'collector_activity_too_many_weeks', { max: MAX_ACTIVITY_WEEKS }),
    );
  }
  if (issues.length > 0) {
    throw new InvalidError('report_invalid', {}, issues);
  }
  const period = {
    from: isoWeekStart(from),
    to: addDays(isoWeekStart(to), 6),
    collectorId: input.collectorId === 'none' ? null : input.collectorId,
  };
  const actions = await listActionActivity(deps.db, ctx, {
    ...period,
    timeZone: company.timeZone,
  });
  const promises = await listPromiseActivity(deps.db, ctx, period);
  const activity = collectorActivity(weeks, actions, promises);
  const names = await findUserDisplayNames(
    deps,
    ctx,
    activity.flatMap((row) => (row.collectorId === null ? [] : [row.collectorId])),
  );
  const nameOf = (id: string | null) => (id === null ? null : (names.get(id) ?? null));
  return {
    from: period.from,
    to: period.to,
    weeks,
    collectors: activity
      .map((row) => ({
        collector: { id: row.collectorId, name: nameOf(row.collectorId) },
        weeks: row.weeks,
        total: row.total,
      }))
      .sort(
        (a, b) =>
          Number(a.collector.id === null) - Number(b.collector.id === null) ||
          (a.collector.name ?? '').localeCompare(b.collector.name ?? '', 'fr') ||
          (a.collector.id ?? '').localeCompare(b.collector.id ?? ''),
      ),
  };
}
