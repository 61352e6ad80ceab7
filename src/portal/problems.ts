/**
 * « Il y a un problème » (issue 10, docs/portal.md): the customer opens a dispute on
 * invoices of its own account, with a cause, its message and then its attachments, through
 * the disputes' own use cases (source `portal`), so that it is routed, held back from
 * dunning and answered as any other.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { authorize } from '../app/policy.ts';
import { addAttachment, type NewAttachment } from '../disputes/attachments.ts';
import { openDisputeInTx, type Dispute } from '../disputes/service.ts';
import { inTransaction } from '../db/transaction.ts';
import { companyToday } from '../ledger/service.ts';
import { requireCustomerInvoices } from './account-reads.ts';

/**
 * Opens the customer's dispute (`dispute:open` on its own account) over `invoices`, each
 * for its disputed part (null or absent: all that is open), with `message` as its
 * description. 404 for an invoice that is not the customer's, nothing written; the
 * disputes' refusals otherwise (a credit note, a paid invoice, one already disputed, a part
 * above what is open, an unknown cause).
 */
export async function openPortalDispute(
  deps: Deps,
  ctx: Ctx,
  input: {
    customerId: string;
    invoices: readonly { invoiceId: string; disputedCents?: number | null | undefined }[];
    cause: string;
    message: string;
  },
): Promise<Dispute> {
  authorize(ctx, 'dispute:open', { customerId: input.customerId });
  // Before the transaction: on the embedded database it holds the only session.
  const today = await companyToday(deps, ctx);
  return inTransaction(deps.db, async (tx) => {
    await requireCustomerInvoices(
      tx,
      ctx,
      input.customerId,
      input.invoices.map((invoice) => invoice.invoiceId),
    );
    return openDisputeInTx(deps, tx, ctx, today, {
      invoices: input.invoices,
      cause: input.cause,
      description: input.message,
      source: 'portal',
    });
  });
}

/**
 * Attaches `file` to a dispute of the customer's own account (`dispute:open` on it: what
 * the customer opened it with), through the disputes' own use case: checked for its type,
 * its first bytes and its size, kept with its SHA-256, an event `dispute.attachment_added`.
 * A dispute of another customer is refused there, nothing written.
 */
export async function addPortalDisputeAttachment(
  deps: Deps,
  ctx: Ctx,
  input: { customerId: string; disputeId: string; file: NewAttachment },
): ReturnType<typeof addAttachment> {
  authorize(ctx, 'dispute:open', { customerId: input.customerId });
  return addAttachment(deps, ctx, input.disputeId, input.file);
}
