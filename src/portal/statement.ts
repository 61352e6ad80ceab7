/**
 * The statement of account the customer downloads from its portal (issue 10): its open
 * items at the company's today, per currency, with the running balance and where to pay, as
 * a PDF in the reader's language. Each download is an event `portal.document_downloaded`
 * (`document: statement`) on the customer, with the address and the link.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { authorize } from '../app/policy.ts';
import { recordEvents } from '../audit/service.ts';
import { readBankDetails } from '../companies/bank-details.ts';
import type { Language } from '../shared/language.ts';
import { companyAddressLines, readAccountHeader } from './account.ts';
import { listOpenEntries } from './account-reads.ts';
import { statementSections } from './model.ts';
import { renderStatement } from './statement-pdf.ts';

/**
 * The statement of `customerId` as a PDF (`account:read`), in `language`, and its file name
 * (`releve-<code>-<date>.pdf`).
 */
export async function downloadStatement(
  deps: Deps,
  ctx: Ctx,
  input: { customerId: string; language: Language },
): Promise<{ fileName: string; content: Uint8Array }> {
  authorize(ctx, 'account:read', { customerId: input.customerId });
  const header = await readAccountHeader(deps, ctx, input.customerId);
  const { today } = header;
  const [entries, bankDetails] = await Promise.all([
    listOpenEntries(deps.db, ctx, input.customerId, today),
    readBankDetails(deps.db, ctx.companyId),
  ]);
  const content = await renderStatement(
    {
      company: {
        legalName: header.company.legalName,
        addressLines: companyAddressLines(header.company),
      },
      customer: header.customer,
      today,
      sections: statementSections(entries, today),
      bankDetails,
    },
    input.language,
  );
  await recordEvents(deps.db, ctx, [
    {
      action: 'portal.document_downloaded',
      entityType: 'customer',
      entityId: input.customerId,
      customerId: input.customerId,
      data: { document: 'statement', asOf: today },
    },
  ]);
  return { fileName: `releve-${header.customer.code}-${today}.pdf`, content };
}
