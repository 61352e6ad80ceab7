/**
 * The customer's account as its portal shows it (issue 10, docs/portal.md): its open
 * invoices and credit notes by due date, each with how late it is, whether it has a
 * document, was approved, is in a dispute (and for how much) or under a promise; the totals
 * per currency; its disputes; the company's name, address and bank details. Read only: the
 * trail records what the customer does, not what it looks at.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { authorize, readerFor } from '../app/policy.ts';
import { readBankDetails, type BankDetails } from '../companies/bank-details.ts';
import type { Company } from '../companies/model.ts';
import { getCompany } from '../companies/service.ts';
import { listCustomersByIds } from '../customers/service.ts';
import { listCauses } from '../disputes/configuration.ts';
import { listDisputes } from '../disputes/read.ts';
import { customerMessageLanguage } from '../dunning/service.ts';
import type { Dispute } from '../disputes/service.ts';
import { listPromises } from '../promises/service.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { Language } from '../shared/language.ts';
import type { Cents } from '../shared/money.ts';
import { listOpenEntries } from './account-reads.ts';
import {
  accountTotals,
  daysLate,
  sortItems,
  type AccountEntry,
  type AccountTotal,
  type ItemDispute,
  type PortalItem,
} from './model.ts';
import { findApprovals, findDocumentInvoiceIds } from './store.ts';

/** A dispute as the customer sees it in its list (never its department, assignee or notes). */
export type PortalDispute = Pick<
  Dispute,
  'id' | 'reference' | 'status' | 'cause' | 'amountCents' | 'currency' | 'raisedOn'
>;

export type PortalAccount = {
  company: { legalName: string; addressLines: string[] };
  bankDetails: BankDetails | null;
  customer: { id: string; code: string; name: string };
  language: Language;
  /** The customer's own language (its messages'); null: the company's French. */
  preferredLanguage: Language | null;
  /** The company's active causes a problem may be reported under, in its order. */
  causes: { code: string; label: string | null }[];
  today: CalendarDate;
  items: PortalItem[];
  totals: AccountTotal[];
  disputes: PortalDispute[];
};

/** The most disputes the portal lists, the newest first (open and resolved). */
const DISPUTES_SHOWN = 50;
/** The most live promises read: one per invoice at most (a new one replaces the old). */
const PROMISES_READ = 500;

/** The company's postal address as lines (street, complement, postal code and city). */
export function companyAddressLines(company: Company): string[] {
  const city = [company.postalCode, company.city].filter((part) => part !== null).join(' ');
  return [company.addressLine1, company.addressLine2, city].filter(
    (line): line is string => line !== null && line.trim() !== '',
  );
}

/**
 * The company, its today (the day late invoices are counted at) and the customer a portal
 * page names, in two statements; 404 for a customer gone.
 */
export async function readAccountHeader(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
): Promise<{
  company: Company;
  today: CalendarDate;
  customer: { id: string; code: string; name: string };
}> {
  const [company, [customer]] = await Promise.all([
    getCompany(deps, ctx.companyId),
    listCustomersByIds(deps.db, readerFor(ctx), [customerId]),
  ]);
  if (customer === undefined) {
    throw new NotFoundError('customer', customerId);
  }
  return {
    company,
    today: deps.clock.today(company.timeZone),
    customer: { id: customer.id, code: customer.code, name: customer.legalName },
  };
}

/**
 * The portal's account of `customerId` (`account:read`: the customer itself, or staff), in
 * `language` (the page's). A fixed number of statements whatever the number of items.
 */
export async function getPortalAccount(
  deps: Deps,
  ctx: Ctx,
  input: { customerId: string; language: Language },
): Promise<PortalAccount> {
  authorize(ctx, 'account:read', { customerId: input.customerId });
  const reader = readerFor(ctx);
  const header = await readAccountHeader(deps, ctx, input.customerId);
  const { today } = header;
  const [entries, bankDetails, disputes, promises, causes, preferredLanguage] = await Promise.all([
    listOpenEntries(deps.db, ctx, input.customerId, today),
    readBankDetails(deps.db, ctx.companyId),
    listDisputes(deps, ctx, { customerId: input.customerId, limit: DISPUTES_SHOWN }),
    listPromises(deps, reader, {
      customerId: input.customerId,
      status: 'live',
      limit: PROMISES_READ,
    }),
    listCauses(deps, reader),
    customerMessageLanguage(deps, reader, input.customerId),
  ]);
  const ids = entries.map((entry) => entry.id);
  const [approvals, documents] = await Promise.all([
    findApprovals(deps.db, ctx.companyId, ids),
    findDocumentInvoiceIds(deps.db, ctx.companyId, ids),
  ]);
  const approvedAt = new Map(
    approvals.map((approval) => [approval.invoiceId, approval.approvedAt]),
  );
  const disputeOf = new Map<string, ItemDispute>();
  for (const { dispute } of disputes) {
    if (dispute.status === 'resolved') {
      continue;
    }
    for (const invoice of dispute.invoices) {
      disputeOf.set(invoice.invoiceId, {
        id: dispute.id,
        reference: dispute.reference,
        status: dispute.status,
        disputedCents: invoice.disputedCents,
      });
    }
  }
  const promiseOf = new Map<string, { promisedOn: CalendarDate; amountCents: Cents }>();
  for (const promise of promises) {
    for (const invoice of promise.invoices) {
      promiseOf.set(invoice.invoiceId, {
        promisedOn: promise.promisedOn,
        amountCents: promise.amountCents,
      });
    }
  }
  const item = (entry: AccountEntry): PortalItem => ({
    ...entry,
    daysLate: daysLate(entry, today),
    hasDocument: documents.has(entry.id),
    approvedAt: approvedAt.get(entry.id) ?? null,
    dispute: disputeOf.get(entry.id) ?? null,
    promise: promiseOf.get(entry.id) ?? null,
  });
  return {
    company: {
      legalName: header.company.legalName,
      addressLines: companyAddressLines(header.company),
    },
    bankDetails,
    customer: header.customer,
    language: input.language,
    preferredLanguage,
    causes: causes
      .filter((cause) => cause.isActive)
      .map((cause) => ({ code: cause.code, label: cause.label })),
    today,
    items: sortItems(entries).map(item),
    totals: accountTotals(entries, today),
    disputes: disputes.map(({ dispute }) => ({
      id: dispute.id,
      reference: dispute.reference,
      status: dispute.status,
      cause: dispute.cause,
      amountCents: dispute.amountCents,
      currency: dispute.currency,
      raisedOn: dispute.raisedOn,
    })),
  };
}
