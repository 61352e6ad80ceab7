/**
 * The customers of one of the aged balance's groups (issue 11): a collector's (or those
 * without one), a risk category's — what the drill-down of a collector's or a category's cell
 * hands the ledger, which may not read this table (ADR 19), as one array parameter.
 */
import type { Ctx } from '../app/context.ts';
import { requirePermission } from '../app/permissions.ts';
import type { Queryable } from '../db/client.ts';

/** A group of customers: by collector (`null`: none), or by risk category. */
export type CustomerGroup = { collectorId: string | null } | { category: string };

/** The ids of the company's customers in `group`, in one statement. */
export async function listCustomerIdsInGroup(
  q: Queryable,
  ctx: Ctx,
  group: CustomerGroup,
): Promise<string[]> {
  requirePermission(ctx, 'customers:read');
  let query = q.selectFrom('customer').select('id').where('company_id', '=', ctx.companyId);
  if ('category' in group) {
    query = query.where('risk_category', '=', group.category);
  } else if (group.collectorId === null) {
    query = query.where('collector_user_id', 'is', null);
  } else {
    query = query.where('collector_user_id', '=', group.collectorId);
  }
  return (await query.execute()).map((row) => row.id);
}
