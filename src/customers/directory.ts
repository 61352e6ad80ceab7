/**
 * The customers' answer to the `CustomerDirectory` port (src/app/customer-directory.ts):
 * how the ledger's lists, below this capability, learn the code and name of each row's
 * customer without reading its table (ADR 19).
 */
import type { CustomerDirectory } from '../app/customer-directory.ts';
import { requirePermission } from '../app/permissions.ts';
import { findCustomerLabelRows, findCustomerTermsByCodes } from './store.ts';

export const customerDirectory: CustomerDirectory = {
  async findIdByCode(q, ctx, code) {
    requirePermission(ctx, 'customers:read');
    return (await findCustomerTermsByCodes(q, ctx.companyId, [code])).get(code)?.id;
  },
  async namesOf(q, ctx, ids) {
    requirePermission(ctx, 'customers:read');
    return findCustomerLabelRows(q, ctx.companyId, ids);
  },
};
