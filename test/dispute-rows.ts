/**
 * Disputes and departments written straight into their tables, for the tests of what reads
 * them (the dispute report): any day, status and outcome, without the use cases' rules of
 * today. Each as `openDispute` and `resolveDispute` leave it: a resolved dispute's invoices
 * are no longer `is_open`.
 */
import type { Ctx } from '../src/app/context.ts';
import type { Deps } from '../src/app/deps.ts';
import { disputesDb } from '../src/disputes/tables.ts';

export type DepartmentRef = { id: string; code: string; name: string };

/** A department of `ctx`'s company. */
export async function addDepartment(
  deps: Deps,
  ctx: Ctx,
  code: string,
  name: string,
): Promise<DepartmentRef> {
  const id = deps.ids.newId();
  const now = deps.clock.now();
  await disputesDb(deps.db)
    .insertInto('department')
    .values({ company_id: ctx.companyId, id, code, name, created_at: now, updated_at: now })
    .execute();
  return { id, code, name };
}

export type DisputeRowSpec = {
  customerId: string;
  cause: string;
  department?: DepartmentRef;
  currency?: string;
  invoices: { invoiceId: string; disputedCents: number | null }[];
  amountCents: number;
  raisedOn: string;
  deadline: string;
  salesRep: string | null;
  status?: 'open' | 'waiting_department' | 'waiting_customer';
  resolved?: { on: string; outcome: 'justified' | 'rejected' | 'corrected' };
};

let disputeNumber = 0;

/** A dispute of `ctx`'s company and its invoices; its id. */
export async function addDispute(deps: Deps, ctx: Ctx, spec: DisputeRowSpec): Promise<string> {
  disputeNumber += 1;
  const id = deps.ids.newId();
  const now = deps.clock.now();
  const db = disputesDb(deps.db);
  await db
    .insertInto('dispute')
    .values({
      company_id: ctx.companyId,
      id,
      reference: `LIT-${String(disputeNumber).padStart(6, '0')}`,
      customer_id: spec.customerId,
      cause: spec.cause,
      amount_cents: spec.amountCents,
      currency: spec.currency ?? 'EUR',
      department_id: spec.department?.id ?? null,
      deadline: spec.deadline,
      status: spec.resolved === undefined ? (spec.status ?? 'open') : 'resolved',
      outcome: spec.resolved?.outcome ?? null,
      credit_note: spec.resolved?.outcome === 'justified' ? 'issued' : null,
      sales_rep: spec.salesRep,
      raised_on: spec.raisedOn,
      resolved_on: spec.resolved?.on ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('dispute_invoice')
    .values(
      spec.invoices.map((invoice) => ({
        company_id: ctx.companyId,
        dispute_id: id,
        invoice_id: invoice.invoiceId,
        customer_id: spec.customerId,
        disputed_cents: invoice.disputedCents,
        is_open: spec.resolved === undefined,
      })),
    )
    .execute();
  return id;
}

/** The ids of the company's invoices, by number. */
export async function invoiceIdsByNumber(deps: Deps, ctx: Ctx): Promise<Map<string, string>> {
  const rows = await disputesDb(deps.db)
    .selectFrom('invoice')
    .select(['id', 'number'])
    .where('company_id', '=', ctx.companyId)
    .execute();
  return new Map(rows.map((row) => [row.number, row.id]));
}
