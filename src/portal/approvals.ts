/**
 * « J'approuve cette facture » (issue 10, docs/portal.md): the customer says invoices are
 * right — what the collector's pre-due contact asks for. One approval per invoice: approving
 * again changes nothing and answers the first approval. Each new one is an event
 * `invoice.approved` on the invoice, with the address and the link it came from; staff read
 * them on the customer page.
 */
import { linkTrail, type Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { authorize, readerFor } from '../app/policy.ts';
import { recordEvents } from '../audit/service.ts';
import { requireCustomer } from '../customers/service.ts';
import { inTransaction } from '../db/transaction.ts';
import { listInvoicesByIds } from '../ledger/service.ts';
import { invalidField } from '../shared/errors.ts';
import { requireCustomerInvoices } from './account-reads.ts';
import { findApprovals, insertApprovals, listCustomerApprovals } from './store.ts';

export type ApprovedInvoice = { invoiceId: string; approvedAt: Date };

/** The most approvals one request may give (the contract's 500). */
export const MAX_APPROVALS_PER_REQUEST = 500;

/**
 * Approves `invoiceIds` of `customerId` (`invoice:approve`: the customer on its own
 * account). Each must be the customer's (404 otherwise, nothing written) and an invoice
 * (400 `approval_not_an_invoice` for a credit note). Returns every invoice asked with its
 * approval, the first one for those approved before. Three statements and the events.
 */
export async function approveInvoices(
  deps: Deps,
  ctx: Ctx,
  input: { customerId: string; invoiceIds: readonly string[] },
): Promise<ApprovedInvoice[]> {
  authorize(ctx, 'invoice:approve', { customerId: input.customerId });
  return inTransaction(deps.db, async (tx) => {
    const invoices = await requireCustomerInvoices(tx, ctx, input.customerId, input.invoiceIds);
    const creditNote = invoices.find((invoice) => invoice.kind === 'credit_note');
    if (creditNote !== undefined) {
      throw invalidField('invoiceIds', 'approval_not_an_invoice', { number: creditNote.number });
    }
    const now = deps.clock.now();
    const inserted = await insertApprovals(
      tx,
      ctx.companyId,
      invoices.map((invoice) => ({
        invoiceId: invoice.id,
        customerId: input.customerId,
        approvedAt: now,
        approvedByName: ctx.actor.name,
        accessLinkId: linkTrail(ctx)?.linkId ?? null,
        ip: linkTrail(ctx)?.ip ?? null,
      })),
    );
    const newIds = new Set(inserted.map((approval) => approval.invoiceId));
    await recordEvents(
      tx,
      ctx,
      invoices
        .filter((invoice) => newIds.has(invoice.id))
        .map((invoice) => ({
          action: 'invoice.approved' as const,
          entityType: 'invoice',
          entityId: invoice.id,
          customerId: input.customerId,
          data: { number: invoice.number },
        })),
    );
    const stored = await findApprovals(
      tx,
      ctx.companyId,
      invoices.map((invoice) => invoice.id),
    );
    const approvedAt = new Map(stored.map((approval) => [approval.invoiceId, approval.approvedAt]));
    return invoices.map((invoice) => ({
      invoiceId: invoice.id,
      approvedAt: approvedAt.get(invoice.id) ?? now,
    }));
  });
}

/** An approval as staff read it: the invoice named, who approved, from where. */
export type InvoiceApprovalView = {
  invoiceId: string;
  number: string;
  approvedAt: Date;
  approvedByName: string | null;
  ip: string | null;
};

/** The most approvals a customer page lists, the newest first. */
const APPROVALS_LISTED = 500;

/**
 * A customer's invoice approvals, the newest first (`account:read`: any staff role); 404
 * for a customer the company does not have. Three statements: the customer, the approvals,
 * then their invoices' numbers.
 */
export async function listInvoiceApprovals(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
): Promise<InvoiceApprovalView[]> {
  authorize(ctx, 'account:read', { customerId });
  await requireCustomer(deps, readerFor(ctx), customerId);
  const approvals = await listCustomerApprovals(
    deps.db,
    ctx.companyId,
    customerId,
    APPROVALS_LISTED,
  );
  const invoices = await listInvoicesByIds(
    deps.db,
    readerFor(ctx),
    approvals.map((approval) => approval.invoiceId),
  );
  const numbers = new Map(invoices.map((invoice) => [invoice.id, invoice.number]));
  return approvals.map((approval) => ({
    invoiceId: approval.invoiceId,
    number: numbers.get(approval.invoiceId) ?? '',
    approvedAt: approval.approvedAt,
    approvedByName: approval.approvedByName,
    ip: approval.ip,
  }));
}
