/**
 * A template filled for a real customer, before it is saved or sent: its name and code,
 * its billing contact, its open invoices with their amounts and dates in the message's
 * language, their totals and late-payment penalties, its collector. Read through the
 * services of the customers, the users and the ledger (never their tables).
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { listAssignableUsers } from '../auth/service.ts';
import { getCompany } from '../companies/service.ts';
import type { TCustomerDetail } from '../customers/schemas.ts';
import { getCustomer } from '../customers/service.ts';
import { listOpenInvoicesOfCustomers } from '../ledger/service.ts';
import type { Language } from '../shared/language.ts';
import { messageData } from './message-data.ts';
import { effectiveRates } from './penalty-rates.ts';
import { getTemplate, templateRefusal } from './service.ts';
import { findCustomerDunningRow } from './store.ts';
import { renderMessage, SPECIMEN_DATA, type MessageTemplate } from './templates.ts';

/** What to fill: a stored template by id, or words being edited (checked first). */
export type PreviewSource = { templateId: string } | { template: MessageTemplate };

export type TemplatePreview = MessageTemplate & { invoiceCount: number; currency: string };

/** Whom the message is for: the billing contact, else the first contact with an e-mail. */
function recipientOf(customer: TCustomerDetail): { name: string; email: string } {
  const contact =
    customer.contacts.find((entry) => entry.role === 'billing') ??
    customer.contacts.find((entry) => entry.email !== null) ??
    customer.contacts[0];
  return { name: contact?.name ?? '', email: contact?.email ?? '' };
}

/**
 * The message `source` writes for `customerId` in `language`, today, over the customer's
 * open invoices in the company currency (a message speaks of one currency).
 */
export async function previewTemplate(
  deps: Deps,
  ctx: Ctx,
  source: PreviewSource,
  language: Language,
  customerId: string,
): Promise<TemplatePreview> {
  let template: MessageTemplate;
  if ('template' in source) {
    const refusal = templateRefusal(source.template);
    if (refusal !== undefined) {
      throw refusal;
    }
    template = source.template;
  } else {
    template = await getTemplate(deps, ctx, source.templateId, language);
  }
  const customer = await getCustomer(deps, ctx, customerId);
  const company = await getCompany(deps, ctx.companyId);
  const today = deps.clock.today(company.timeZone);
  const invoices = (await listOpenInvoicesOfCustomers(deps.db, ctx, [customerId])).filter(
    (invoice) => invoice.currency === company.currency,
  );
  const [own, rates] = [
    await findCustomerDunningRow(deps.db, ctx.companyId, customerId),
    await effectiveRates(deps.db, ctx.companyId),
  ];
  const collectorId = customer.collector?.id;
  const collector =
    collectorId === undefined
      ? undefined
      : (await listAssignableUsers(deps, ctx)).find((user) => user.id === collectorId);
  const data = messageData({
    language,
    currency: company.currency,
    today,
    company: { name: company.legalName },
    customer: { code: customer.code, name: customer.legalName },
    contact: recipientOf(customer),
    collector: {
      name: collector?.displayName ?? customer.collector?.displayName ?? '',
      email: collector?.email ?? '',
      phone: '',
    },
    invoices: invoices.map((invoice) => ({
      number: invoice.number,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      amountCents: invoice.amountCents,
      openCents: invoice.openCents,
      settlements: invoice.settlements,
    })),
    terms: { contractualRateBasisPoints: own?.contractualRateBps ?? null },
    rates,
    // Each message sent gets its own link; the preview shows what one looks like.
    portalUrl: SPECIMEN_DATA.portal.url,
  });
  return {
    ...renderMessage(template, data),
    invoiceCount: invoices.length,
    currency: company.currency,
  };
}
