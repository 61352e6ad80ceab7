import { z } from 'zod';
import {
  ZAmount,
  ZAmountsCapped,
  ZCents,
  ZCurrency,
  ZExportFormat,
  ZId,
  ZPageQuery,
  ZRole,
  pageOf,
} from '../shared/schemas.ts';

export const CUSTOMER_STATUSES = [
  'prospect',
  'active',
  'on_hold',
  'in_litigation',
  'closed',
] as const;
export const PAYMENT_METHODS = [
  'transfer',
  'sepa_direct_debit',
  'lcr',
  'card',
  'cheque',
  'cash',
] as const;
export const RISK_CATEGORIES = ['low', 'standard', 'high', 'critical'] as const;
export const CONTACT_ROLES = [
  'billing',
  'accounts_payable',
  'purchasing',
  'management',
  'other',
] as const;
export const CUSTOMER_SORTS = [
  'code',
  'legal_name',
  'open_amount',
  'overdue_amount',
  'oldest_overdue_days',
] as const;

export const ZCustomerStatus = z.enum(CUSTOMER_STATUSES).meta({ id: 'CustomerStatus' });
export const ZPaymentMethod = z.enum(PAYMENT_METHODS).meta({ id: 'PaymentMethod' });
export const ZRiskCategory = z.enum(RISK_CATEGORIES).meta({ id: 'RiskCategory' });
export const ZContactRole = z.enum(CONTACT_ROLES).meta({ id: 'ContactRole' });

export const ZAddress = z
  .object({
    line1: z.string().nullable(),
    line2: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().length(2),
  })
  .meta({ id: 'Address' });
export type TAddress = z.infer<typeof ZAddress>;

export const ZContact = z
  .object({
    id: ZId,
    role: ZContactRole,
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  })
  .meta({ id: 'Contact' });
export type TContact = z.infer<typeof ZContact>;

export const ZUserRef = z.object({ id: ZId, displayName: z.string() }).meta({ id: 'UserRef' });

/**
 * The encours (docs/formulas.md): what the customer owes, net — open invoices minus open
 * credit notes minus unapplied payments, in `currency`. The list's `openAmount` and the
 * page's `balance.netBalance` are this one figure.
 */
const ENCOURS_DESCRIPTION =
  'Encours: open invoices − open credit notes − unapplied payments, in minor units of `currency` (docs/formulas.md)';
const OVERDUE_DESCRIPTION =
  'Échu: open invoices past their due date at the company’s today, in minor units of `currency`';

export const ZCustomerSummary = z
  .object({
    id: ZId,
    code: z.string(),
    legalName: z.string(),
    status: ZCustomerStatus,
    city: z.string().nullable(),
    riskCategory: ZRiskCategory,
    collector: ZUserRef.nullable(),
    currency: ZCurrency,
    openAmount: ZCents.meta({ description: ENCOURS_DESCRIPTION }),
    overdueAmount: ZCents.meta({ description: OVERDUE_DESCRIPTION }),
    amountsCapped: ZAmountsCapped,
    oldestOverdueDays: z.number().int().nullable(),
  })
  .meta({ id: 'Customer' });
export type TCustomerSummary = z.infer<typeof ZCustomerSummary>;

export const ZListCustomersQuery = ZPageQuery.extend({
  search: z.string().trim().max(100).optional(),
  status: ZCustomerStatus.optional(),
  collectorId: ZId.optional().meta({
    description: 'Only the customers this user collects (“my customers”)',
  }),
  sort: z.enum(CUSTOMER_SORTS).default('legal_name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type TListCustomersQuery = z.infer<typeof ZListCustomersQuery>;

/** The list as filtered and sorted, every matching customer, as a file. */
export const ZExportCustomersQuery = ZListCustomersQuery.omit({
  page: true,
  pageSize: true,
}).extend({ format: ZExportFormat });
export type TExportCustomersQuery = z.infer<typeof ZExportCustomersQuery>;

/** The rows matching the filters, all pages together, summed in one currency. */
export const ZCustomerListTotal = z
  .object({
    currency: ZCurrency,
    openAmount: ZCents.meta({ description: ENCOURS_DESCRIPTION }),
    overdueAmount: ZCents.meta({ description: OVERDUE_DESCRIPTION }),
    /** Matching customers with an encours or an overdue amount in this currency. */
    customerCount: z.number().int(),
    amountsCapped: ZAmountsCapped,
  })
  .meta({ id: 'CustomerListTotal' });
export type TCustomerListTotal = z.infer<typeof ZCustomerListTotal>;

export const ZCustomerPage = pageOf(ZCustomerSummary).meta({ id: 'CustomerPage' });
export type TCustomerPage = z.infer<typeof ZCustomerPage>;

/** The filters of a customer list, without its paging or order: what its totals cover. */
export const ZCustomerTotalsQuery = ZListCustomersQuery.omit({
  page: true,
  pageSize: true,
  sort: true,
  order: true,
});
export type TCustomerTotalsQuery = z.infer<typeof ZCustomerTotalsQuery>;

/**
 * The totals of every customer a list's filters match (all pages), one line per currency,
 * never summed across currencies. Asked apart from the pages: they cost a read of every
 * matching customer, which a page does not.
 */
export const ZCustomerListTotals = z
  .object({ totals: z.array(ZCustomerListTotal) })
  .meta({ id: 'CustomerListTotals' });
export type TCustomerListTotals = z.infer<typeof ZCustomerListTotals>;

export const ZCustomerBalance = z
  .object({
    currency: ZCurrency,
    /** Open invoices, before credit notes and unapplied cash. */
    invoicesOpen: ZCents,
    overdue: ZCents,
    creditNotesOpen: ZCents,
    unappliedCash: ZCents,
    /** invoicesOpen − creditNotesOpen − unappliedCash: the encours, as the list's `openAmount`. */
    netBalance: ZCents.meta({ description: ENCOURS_DESCRIPTION }),
    amountsCapped: ZAmountsCapped,
  })
  .meta({ id: 'CustomerBalance' });

export const ZCustomerDetail = z
  .object({
    id: ZId,
    code: z.string(),
    legalName: z.string(),
    siren: z.string().nullable(),
    siret: z.string().nullable(),
    vatNumber: z.string().nullable(),
    billingAddress: ZAddress,
    deliveryAddress: ZAddress.nullable(),
    contacts: z.array(ZContact),
    paymentTerms: z.object({
      code: z.string().meta({
        description:
          'The stored terms, a canonical code (`net:30`, `eom:45`, docs/formulas.md): describe them in your own language',
      }),
      label: z.string().meta({
        description:
          'The terms in French, as invoices word them (`30 jours net`), whatever the Accept-Language; kept for older clients',
      }),
      exceedsLegalMaximum: z.boolean(),
    }),
    paymentMethod: ZPaymentMethod,
    depositBps: z.number().int(),
    creditLimit: ZCents.nullable(),
    collector: ZUserRef.nullable(),
    salesRep: z.string().nullable(),
    riskCategory: ZRiskCategory,
    status: ZCustomerStatus,
    balance: ZCustomerBalance,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CustomerDetail' });
export type TCustomerDetail = z.infer<typeof ZCustomerDetail>;

const ZAddressInput = z.object({
  line1: z.string().trim().max(200).nullish(),
  line2: z.string().trim().max(200).nullish(),
  postalCode: z.string().trim().max(20).nullish(),
  city: z.string().trim().max(100).nullish(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});

export const ZContactInput = z.object({
  role: ZContactRole,
  name: z.string().trim().max(200).nullish(),
  email: z.email().nullish(),
  phone: z.string().trim().max(40).nullish(),
});

export const ZCreateCustomerRequest = z
  .object({
    code: z.string().trim().min(1).max(40),
    legalName: z.string().trim().min(1).max(200),
    siren: z.string().trim().nullish(),
    siret: z.string().trim().nullish(),
    vatNumber: z.string().trim().nullish(),
    billingAddress: ZAddressInput.optional(),
    deliveryAddress: ZAddressInput.nullish(),
    contacts: z.array(ZContactInput).max(20).optional(),
    paymentTerms: z.string().trim().optional(),
    paymentMethod: ZPaymentMethod.optional(),
    depositBps: z.number().int().min(0).max(10_000).optional(),
    creditLimit: ZAmount.nullish(),
    collectorUserId: ZId.nullish(),
    salesRep: z.string().trim().max(100).nullish(),
    riskCategory: ZRiskCategory.optional(),
    status: ZCustomerStatus.optional(),
  })
  .meta({ id: 'CreateCustomerRequest' });
export type TCreateCustomerRequest = z.infer<typeof ZCreateCustomerRequest>;

export const ZUpdateCustomerRequest = ZCreateCustomerRequest.omit({ code: true })
  .partial()
  .meta({ id: 'UpdateCustomerRequest' });
export type TUpdateCustomerRequest = z.infer<typeof ZUpdateCustomerRequest>;

/** A user a customer may be given to as its collector. */
export const ZAssignableUser = z
  .object({
    id: ZId,
    displayName: z.string(),
    email: z.string(),
    role: ZRole,
  })
  .meta({ id: 'AssignableUser' });
export type TAssignableUser = z.infer<typeof ZAssignableUser>;
export const ZAssignableUserList = z
  .object({ items: z.array(ZAssignableUser) })
  .meta({ id: 'AssignableUserList' });
