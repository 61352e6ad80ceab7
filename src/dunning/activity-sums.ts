/**
 * The agenda's side of the collectors' activity (issue 11, docs/formulas.md « Collector
 * activity »): per collector and ISO week, the messages that went out and the calls made,
 * summed in one statement.
 *
 * - A **message** is a step by e-mail, letter or SMS handed to the outbox (queued, or done):
 *   the run's `findLastContacts` rule. It counts on the day it went: its approval's, else
 *   its run's. A bounce later does not take it back: it was sent.
 * - A **call** is a call step, or a promise, broken promise or follow-up item, completed
 *   with a call's outcome (`OUTCOMES`: not an approval or a dismissal), on the day it was
 *   recorded. It **reached** the customer unless its outcome is a voicemail or a wrong number.
 *
 * An action counts for the user who completed it, else its assignee; `null` for neither.
 */
import { sql } from 'kysely';
import type { Ctx } from '../app/context.ts';
import { requirePermission } from '../app/permissions.ts';
import type { Queryable } from '../db/client.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { OUTCOMES } from './agenda-rank.ts';

/** What one collector did in one week (its Monday). */
export type ActionActivitySum = {
  collectorId: string | null;
  week: CalendarDate;
  messages: number;
  calls: number;
  callsReached: number;
};

/**
 * The messages and calls of the weeks of `from` to `to` (both included), in the company's
 * `timeZone` (a call recorded at 23:30 in Paris is that day's), per collector and week; of
 * one collector only when `collectorId` is given (`null`: the actions of nobody).
 */
export async function listActionActivity(
  q: Queryable,
  ctx: Ctx,
  input: {
    from: CalendarDate;
    to: CalendarDate;
    timeZone: string;
    collectorId?: string | null | undefined;
  },
): Promise<ActionActivitySum[]> {
  requirePermission(ctx, 'ledger:read');
  const collector =
    input.collectorId === undefined
      ? sql``
      : input.collectorId === null
        ? sql`AND a.who IS NULL`
        : sql`AND a.who = ${input.collectorId}::uuid`;
  const { rows } = await sql<{
    who: string | null;
    week: string;
    messages: number;
    calls: number;
    reached: number;
  }>`
    SELECT a.who, date_trunc('week', a.day)::date::text AS week,
      count(*) FILTER (WHERE a.is_message)::int AS messages,
      count(*) FILTER (WHERE NOT a.is_message)::int AS calls,
      count(*) FILTER (
        WHERE NOT a.is_message AND a.outcome NOT IN ('voicemail', 'wrong_number')
      )::int AS reached
    FROM (
      SELECT coalesce(completed_by, assignee_user_id) AS who,
        coalesce((completed_at AT TIME ZONE ${input.timeZone})::date, run_on) AS day,
        channel IS NOT NULL AND channel <> 'call' AS is_message, outcome
      FROM dunning_action
      WHERE company_id = ${ctx.companyId}
        -- An action is decided on its run's day and carried out on or after it.
        AND run_on <= ${input.to}::date
        AND (
          (kind = 'step' AND channel IN ('email', 'letter', 'sms')
            AND status IN ('queued', 'done') AND message_id IS NOT NULL)
          OR (status = 'done' AND outcome = ANY(${`{${OUTCOMES.join(',')}}`}::text[])
            AND (channel = 'call'
              OR (channel IS NULL AND kind IN ('promise_due', 'promise_broken', 'follow_up'))))
        )
    ) AS a
    WHERE a.day BETWEEN ${input.from}::date AND ${input.to}::date ${collector}
    GROUP BY 1, 2
  `.execute(q);
  return rows.map((row) => ({
    collectorId: row.who,
    week: row.week as CalendarDate,
    messages: row.messages,
    calls: row.calls,
    callsReached: row.reached,
  }));
}
