/**
 * The promises' side of the collectors' activity (issue 11, docs/formulas.md « Collector
 * activity »): per collector (the user who took the promise), ISO week and currency, the
 * promises taken, those falling due and what came of them, and those whose fate was
 * decided — summed in one statement, each promise counted in up to three weeks: its
 * taking's (`created_on`), its day's (`promised_on`), its settling's (`settled_on`).
 *
 * A cancelled promise was withdrawn or replaced, not kept or broken: it counts as taken
 * only. A promise's paid part is capped at its amount (`keptRate`, src/promises/model.ts):
 * paying more than promised does not make up for another.
 */
import { sql } from 'kysely';
import type { Ctx } from '../app/context.ts';
import { requirePermission } from '../app/permissions.ts';
import type { Queryable } from '../db/client.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { cents, type Cents } from '../shared/money.ts';

/** One collector's promises of one week (its Monday), in one currency. */
export type PromiseActivitySum = {
  collectorId: string | null;
  week: CalendarDate;
  currency: string;
  taken: number;
  takenCents: Cents;
  /** Falling due in the week (`promised_on`), and what came of them so far. */
  due: number;
  dueKept: number;
  duePartlyKept: number;
  dueBroken: number;
  dueCents: Cents;
  duePaidCents: Cents;
  /** Kept, partly kept or broken in the week (`settled_on`). */
  decided: number;
  decidedKept: number;
  decidedCents: Cents;
  decidedPaidCents: Cents;
};

/**
 * The promises of the weeks of `from` to `to` (both included), per collector, week and
 * currency; of one collector only when `collectorId` is given (`null`: taken by nobody —
 * the CLI, a token, the portal).
 */
export async function listPromiseActivity(
  q: Queryable,
  ctx: Ctx,
  input: { from: CalendarDate; to: CalendarDate; collectorId?: string | null | undefined },
): Promise<PromiseActivitySum[]> {
  requirePermission(ctx, 'ledger:read');
  const companyId = ctx.companyId;
  const from = sql`${input.from}::date`;
  const to = sql`${input.to}::date`;
  const collector =
    input.collectorId === undefined
      ? sql``
      : input.collectorId === null
        ? sql`AND taken_by IS NULL`
        : sql`AND taken_by = ${input.collectorId}::uuid`;
  const paid = sql`CASE WHEN status IN ('kept', 'partly_kept') THEN least(paid_cents, amount_cents)
    ELSE 0 END`;
  const { rows } = await sql<{
    who: string | null;
    week: string;
    currency: string;
    taken: number;
    taken_cents: string;
    due: number;
    due_kept: number;
    due_partly: number;
    due_broken: number;
    due_cents: string;
    due_paid: string;
    decided: number;
    decided_kept: number;
    decided_cents: string;
    decided_paid: string;
  }>`
    SELECT who, date_trunc('week', day)::date::text AS week, currency,
      sum(taken)::int AS taken, sum(taken * amount_cents)::text AS taken_cents,
      sum(due)::int AS due, sum(due * kept)::int AS due_kept,
      sum(due * partly)::int AS due_partly, sum(due * broken)::int AS due_broken,
      sum(due * amount_cents)::text AS due_cents, sum(due * paid)::text AS due_paid,
      sum(decided)::int AS decided, sum(decided * kept)::int AS decided_kept,
      sum(decided * amount_cents)::text AS decided_cents,
      sum(decided * paid)::text AS decided_paid
    FROM (
      SELECT p.who, p.currency, p.amount_cents, p.paid, p.kept, p.partly, p.broken, e.day,
        e.taken, e.due, e.decided
      FROM (
        SELECT taken_by AS who, currency, amount_cents, ${paid} AS paid,
          (status = 'kept')::int AS kept, (status = 'partly_kept')::int AS partly,
          (status = 'broken')::int AS broken, status, created_on, promised_on, settled_on
        FROM payment_promise
        WHERE company_id = ${companyId} ${collector}
          AND created_on <= ${to}
          AND (created_on >= ${from} OR promised_on >= ${from} OR settled_on >= ${from})
      ) AS p
      CROSS JOIN LATERAL (
        VALUES (p.created_on, 1, 0, 0),
          (CASE WHEN p.status <> 'cancelled' THEN p.promised_on END, 0, 1, 0),
          (CASE WHEN p.status IN ('kept', 'partly_kept', 'broken') THEN p.settled_on END, 0, 0, 1)
      ) AS e (day, taken, due, decided)
      WHERE e.day BETWEEN ${from} AND ${to}
    ) AS events
    GROUP BY 1, 2, 3
  `.execute(q);
  return rows.map((row) => ({
    collectorId: row.who,
    week: row.week as CalendarDate,
    currency: row.currency,
    taken: row.taken,
    takenCents: cents(Number(row.taken_cents)),
    due: row.due,
    dueKept: row.due_kept,
    duePartlyKept: row.due_partly,
    dueBroken: row.due_broken,
    dueCents: cents(Number(row.due_cents)),
    duePaidCents: cents(Number(row.due_paid)),
    decided: row.decided,
    decidedKept: row.decided_kept,
    decidedCents: cents(Number(row.decided_cents)),
    decidedPaidCents: cents(Number(row.decided_paid)),
  }));
}
