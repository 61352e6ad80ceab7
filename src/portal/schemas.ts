/**
 * The portal's API shapes (docs/api.md « Portal », /work/briefs/contract.md): the staff side
 * (portal links, approvals, invoice documents, the company's bank details) and the
 * customer's side under `/api/portal` (its account, documents, statement, approvals,
 * problems, promises). The web parses every answer with these.
 */
import { z } from 'zod';
import { ZDisputeStatus } from '../disputes/schemas.ts';
import { LANGUAGES } from '../shared/language.ts';
import { ZCalendarDate, ZCents, ZCurrency, ZId } from '../shared/schemas.ts';

/** A portal link as staff see it (never its token). */
export const ZPortalLink = z
  .object({
    id: ZId,
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable().meta({ description: 'To the minute' }),
    messageId: ZId.nullable().meta({ description: 'The reminder that carried it, if one did' }),
  })
  .meta({ id: 'PortalLink' });
export type TPortalLink = z.infer<typeof ZPortalLink>;

export const ZCreatePortalLinkRequest = z
  .object({
    days: z
      .number()
      .int()
      .min(1)
      .max(365)
      .default(90)
      .meta({ description: 'How many days the link opens the portal' }),
  })
  .meta({ id: 'CreatePortalLinkRequest' });

export const ZCreatedPortalLink = z
  .object({
    link: ZPortalLink.pick({ id: true, createdAt: true, expiresAt: true }),
    url: z.string().meta({ description: '`…/portail#<token>`: shown this once, never again' }),
  })
  .meta({ id: 'CreatedPortalLink' });
export type TCreatedPortalLink = z.infer<typeof ZCreatedPortalLink>;

export const ZPortalLinkList = z
  .object({ items: z.array(ZPortalLink) })
  .meta({ id: 'PortalLinkList' });
export type TPortalLinkList = z.infer<typeof ZPortalLinkList>;

export const ZRevokedPortalLinks = z
  .object({ revoked: z.number().int().meta({ description: 'How many links were revoked' }) })
  .meta({ id: 'RevokedPortalLinks' });

export const ZInvoiceApproval = z
  .object({
    invoiceId: ZId,
    number: z.string(),
    approvedAt: z.string(),
    approvedByName: z.string().nullable(),
    ip: z.string().nullable().meta({ description: 'The address the approval came from' }),
  })
  .meta({ id: 'InvoiceApproval' });
export const ZInvoiceApprovalList = z
  .object({ items: z.array(ZInvoiceApproval) })
  .meta({ id: 'InvoiceApprovalList' });
export type TInvoiceApprovalList = z.infer<typeof ZInvoiceApprovalList>;

export const ZStoredInvoiceDocument = z
  .object({
    fileName: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string().meta({ description: 'SHA-256 of the bytes, in hex' }),
  })
  .meta({ id: 'StoredInvoiceDocument' });

/** Where the company's customers pay. */
export const ZBankDetails = z
  .object({
    accountHolder: z.string(),
    iban: z.string().meta({ description: 'In electronic form: capitals, no spaces' }),
    bic: z.string().nullable(),
    bankName: z.string().nullable(),
  })
  .meta({ id: 'BankDetails' });
export type TBankDetails = z.infer<typeof ZBankDetails>;

export const ZCompanyBankDetails = z
  .object({ bankDetails: ZBankDetails.nullable() })
  .meta({ id: 'CompanyBankDetails' });
export type TCompanyBankDetails = z.infer<typeof ZCompanyBankDetails>;

export const ZSaveBankDetailsRequest = z
  .object({
    accountHolder: z.string().max(1000),
    iban: z.string().max(100).meta({ description: 'Spaces and lower case allowed' }),
    bic: z.string().max(100).nullable().optional(),
    bankName: z.string().max(1000).nullable().optional(),
  })
  .meta({ id: 'SaveBankDetailsRequest' });

export const ZPortalLanguage = z.enum(LANGUAGES);

/** The dispute an item is in, as the customer sees it. */
const ZPortalItemDispute = z.object({
  id: ZId,
  reference: z.string(),
  status: ZDisputeStatus,
  disputedCents: ZCents.nullable().meta({
    description: 'The disputed part of this invoice; null: all that is open on it',
  }),
});

export const ZPortalItem = z
  .object({
    invoiceId: ZId,
    kind: z.enum(['invoice', 'credit_note']),
    number: z.string(),
    issueDate: ZCalendarDate,
    dueDate: ZCalendarDate,
    amountCents: ZCents,
    openCents: ZCents,
    currency: ZCurrency,
    daysLate: z.number().int(),
    hasDocument: z.boolean().meta({ description: 'Its PDF may be downloaded' }),
    approvedAt: z.string().nullable(),
    dispute: ZPortalItemDispute.nullable(),
    promise: z.object({ promisedOn: ZCalendarDate, amountCents: ZCents }).nullable(),
  })
  .meta({ id: 'PortalItem' });
export type TPortalItem = z.infer<typeof ZPortalItem>;

export const ZPortalTotal = z
  .object({
    currency: ZCurrency,
    openCents: ZCents.meta({ description: 'Open on the invoices (credit notes not deducted)' }),
    overdueCents: ZCents.meta({ description: 'The part of openCents past its due date' }),
    creditsCents: ZCents.meta({ description: 'Open on the credit notes (positive)' }),
  })
  .meta({ id: 'PortalTotal' });

export const ZPortalDispute = z
  .object({
    id: ZId,
    reference: z.string(),
    status: ZDisputeStatus,
    cause: z.string(),
    amountCents: ZCents,
    currency: ZCurrency,
    raisedOn: ZCalendarDate,
  })
  .meta({ id: 'PortalDispute' });
export type TPortalDispute = z.infer<typeof ZPortalDispute>;

export const ZPortalAccount = z
  .object({
    company: z.object({ legalName: z.string(), addressLines: z.array(z.string()) }),
    bankDetails: ZBankDetails.nullable(),
    customer: z.object({ code: z.string(), name: z.string() }),
    language: ZPortalLanguage,
    preferredLanguage: ZPortalLanguage.nullable().meta({
      description:
        'The language the company writes to this customer in, which the page opens in unless the reader chose another; null: French',
    }),
    causes: z
      .array(
        z.object({
          code: z.string(),
          label: z
            .string()
            .nullable()
            .meta({ description: 'The company’s own words; null: the default cause’s' }),
        }),
      )
      .meta({ description: 'The causes a problem may be reported under, in the company’s order' }),
    today: ZCalendarDate,
    items: z.array(ZPortalItem),
    totals: z.array(ZPortalTotal),
    disputes: z.array(ZPortalDispute),
  })
  .meta({ id: 'PortalAccount' });
export type TPortalAccount = z.infer<typeof ZPortalAccount>;

export const ZPortalApproveRequest = z
  .object({ invoiceIds: z.array(ZId).min(1).max(500) })
  .meta({ id: 'PortalApproveRequest' });

export const ZPortalApprovals = z
  .object({ approved: z.array(z.object({ invoiceId: ZId, approvedAt: z.string() })) })
  .meta({ id: 'PortalApprovals' });
export type TPortalApprovals = z.infer<typeof ZPortalApprovals>;

export const ZPortalDisputeRequest = z
  .object({
    invoices: z
      .array(z.object({ invoiceId: ZId, disputedCents: ZCents.nullable().optional() }))
      .min(1)
      .max(100),
    cause: z.string().min(1).max(40),
    message: z.string().trim().min(1).max(2000),
  })
  .meta({ id: 'PortalDisputeRequest' });

export const ZPortalOpenedDispute = z
  .object({ dispute: ZPortalDispute })
  .meta({ id: 'PortalOpenedDispute' });
export type TPortalOpenedDispute = z.infer<typeof ZPortalOpenedDispute>;

export const ZPortalPromiseRequest = z
  .object({
    invoiceIds: z.array(ZId).min(1).max(500),
    promisedOn: ZCalendarDate.meta({ description: 'Today or later' }),
    amountCents: ZCents.optional().meta({ description: 'All that is open on them by default' }),
  })
  .meta({ id: 'PortalPromiseRequest' });

export const ZPortalPromise = z
  .object({
    promise: z.object({
      id: ZId,
      promisedOn: ZCalendarDate,
      amountCents: ZCents,
      currency: ZCurrency,
    }),
  })
  .meta({ id: 'PortalPromise' });
export type TPortalPromise = z.infer<typeof ZPortalPromise>;

/** The header a portal page sends its token in. */
export const ZAccessTokenHeaders = z.looseObject({
  'x-access-token': z
    .string()
    .max(200)
    .optional()
    .meta({ description: 'The token of the portal link (the part of its URL after `#`)' }),
});
