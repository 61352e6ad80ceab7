/**
 * The promised dates the cash forecast reads (issue 11, docs/formulas.md « Cash forecast »):
 * a customer's word on when an invoice will be paid beats what its history predicts.
 */
import { sql } from 'kysely';
import type { Ctx } from '../app/context.ts';
import { requirePermission } from '../app/permissions.ts';
import type { Queryable } from '../db/client.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';

/**
 * The promised date of each invoice under a promise live on `asOf`, by invoice id, in one
 * statement. Live on a date: taken on or before it, and its fate not decided (kept, partly
 * kept, broken) nor cancelled on or before it, so a past date sees the promises of that day
 * even when settled since. A newer promise cancels the older ones on its invoices; should
 * two still be live on one invoice, the newer one counts.
 */
export async function promisedDatesOn(
  q: Queryable,
  ctx: Ctx,
  asOf: CalendarDate,
): Promise<Map<string, CalendarDate>> {
  requirePermission(ctx, 'customers:read');
  const { rows } = await sql<{ invoice_id: string; promised_on: string }>`
    SELECT DISTINCT ON (i.invoice_id) i.invoice_id, p.promised_on::text AS promised_on
    FROM payment_promise AS p
    JOIN payment_promise_invoice AS i ON i.company_id = p.company_id AND i.promise_id = p.id
    WHERE p.company_id = ${ctx.companyId} AND p.created_on <= ${asOf}::date
      AND (p.settled_on IS NULL OR p.settled_on > ${asOf}::date)
    ORDER BY i.invoice_id, p.created_on DESC, p.id DESC
  `.execute(q);
  return new Map(rows.map((row) => [row.invoice_id, row.promised_on as CalendarDate]));
}
