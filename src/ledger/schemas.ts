import { z } from 'zod';
import {
  ZAmount,
  ZAmountsCapped,
  ZCalendarDate,
  ZCents,
  ZCurrency,
  ZExportFormat,
  ZId,
  ZPageQuery,
  pageOf,
} from '../shared/schemas.ts';

export const INVOICE_KINDS = ['invoice', 'credit_note'] as const;
export const INVOICE_STATUSES = ['open', 'partially_paid', 'paid'] as const;
export const ZInvoiceKind = z.enum(INVOICE_KINDS).meta({ id: 'InvoiceKind' });
export const ZInvoiceStatus = z.enum(INVOICE_STATUSES).meta({ id: 'InvoiceStatus' });

export const ZInvoice = z
  .object({
    id: ZId,
    kind: ZInvoiceKind,
    number: z.string(),
    customerId: ZId,
    customerCode: z.string(),
    customerName: z.string(),
    issueDate: ZCalendarDate,
    dueDate: ZCalendarDate,
    amount: ZCents,
    openAmount: ZCents,
    currency: ZCurrency,
    status: ZInvoiceStatus,
    /** Days past the due date at the company's today; 0 when not yet due or settled. */
    daysLate: z.number().int(),
  })
  .meta({ id: 'Invoice' });
export type TInvoice = z.infer<typeof ZInvoice>;

/**
 * The statuses a list asks for: `unpaid` = open or partially paid; `overdue` = unpaid
 * and past due; `all` = every status.
 */
export const INVOICE_STATUS_FILTERS = [...INVOICE_STATUSES, 'unpaid', 'overdue', 'all'] as const;
export const ZInvoiceStatusFilter = z.enum(INVOICE_STATUS_FILTERS);
export type TInvoiceStatusFilter = z.infer<typeof ZInvoiceStatusFilter>;
/**
 * What a list opens on when no status is given (the API, the CLI and the web list):
 * what is still to collect. With the default sort (due date ascending) the oldest
 * overdue item comes first. `status=all` asks for every status.
 */
export const DEFAULT_INVOICE_STATUS_FILTER = 'unpaid' satisfies TInvoiceStatusFilter;

export const ZListInvoicesQuery = ZPageQuery.extend({
  customerId: ZId.optional(),
  /** A customer's code, compared as codes are stored (trimmed, in capitals). */
  customerCode: z.string().trim().max(40).optional(),
  /** Part of the invoice or credit note number, in any case. */
  search: z.string().trim().max(100).optional(),
  kind: ZInvoiceKind.optional(),
  status: ZInvoiceStatusFilter.default(DEFAULT_INVOICE_STATUS_FILTER).meta({
    description:
      'unpaid (the default) = open or partially paid; overdue = unpaid and past due; all = every status',
  }),
  issuedFrom: ZCalendarDate.optional(),
  issuedTo: ZCalendarDate.optional(),
  dueFrom: ZCalendarDate.optional(),
  dueTo: ZCalendarDate.optional(),
  sort: z.enum(['due_date', 'issue_date', 'number', 'amount', 'open_amount']).default('due_date'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type TListInvoicesQuery = z.infer<typeof ZListInvoicesQuery>;

/** The list as filtered and sorted, every matching row, as a file. */
export const ZExportInvoicesQuery = ZListInvoicesQuery.omit({ page: true, pageSize: true }).extend({
  format: ZExportFormat,
});
export type TExportInvoicesQuery = z.infer<typeof ZExportInvoicesQuery>;
/**
 * The rows matching a list's filters, summed per currency (never across currencies),
 * every page included. Credit notes count negative, as the list shows them.
 */
export const ZInvoiceTotal = z
  .object({
    currency: ZCurrency,
    count: z.number().int(),
    /** Invoices minus credit notes. */
    amount: ZCents,
    /** Still open: invoices minus credit notes. */
    openAmount: ZCents,
    /** Open invoices past their due date at the company's today. */
    overdueAmount: ZCents,
    amountsCapped: ZAmountsCapped,
  })
  .meta({ id: 'InvoiceTotal' });
export type TInvoiceTotal = z.infer<typeof ZInvoiceTotal>;
export const ZInvoicePage = pageOf(ZInvoice).meta({ id: 'InvoicePage' });
export type TInvoicePage = z.infer<typeof ZInvoicePage>;

/** The filters of an invoice list, without its paging or order: what its totals cover. */
export const ZInvoiceTotalsQuery = ZListInvoicesQuery.omit({
  page: true,
  pageSize: true,
  sort: true,
  order: true,
});
export type TInvoiceTotalsQuery = z.infer<typeof ZInvoiceTotalsQuery>;

/**
 * The totals of every row a list's filters match (all pages), per currency. Asked apart
 * from the pages: they read every matching row, which a page does not.
 */
export const ZInvoiceListTotals = z
  .object({ totals: z.array(ZInvoiceTotal) })
  .meta({ id: 'InvoiceListTotals' });
export type TInvoiceListTotals = z.infer<typeof ZInvoiceListTotals>;

export const ZPayment = z
  .object({
    id: ZId,
    reference: z.string(),
    customerId: ZId,
    customerCode: z.string(),
    customerName: z.string(),
    receivedOn: ZCalendarDate,
    amount: ZCents,
    unappliedAmount: ZCents,
    currency: ZCurrency,
    method: z.string(),
  })
  .meta({ id: 'Payment' });
export type TPayment = z.infer<typeof ZPayment>;

export const ZListPaymentsQuery = ZPageQuery.extend({
  customerId: ZId.optional(),
  receivedFrom: ZCalendarDate.optional(),
  receivedTo: ZCalendarDate.optional(),
  hasUnapplied: z.enum(['true', 'false']).optional(),
});
export type TListPaymentsQuery = z.infer<typeof ZListPaymentsQuery>;
export const ZPaymentPage = pageOf(ZPayment).meta({ id: 'PaymentPage' });
export type TPaymentPage = z.infer<typeof ZPaymentPage>;

/** The filters of a payment list, without its paging: what its totals cover. */
export const ZPaymentTotalsQuery = ZListPaymentsQuery.omit({ page: true, pageSize: true });
export type TPaymentTotalsQuery = z.infer<typeof ZPaymentTotalsQuery>;

/** The payment list as filtered, every matching row in the list's order, as a file. */
export const ZExportPaymentsQuery = ZPaymentTotalsQuery.extend({ format: ZExportFormat });
export type TExportPaymentsQuery = z.infer<typeof ZExportPaymentsQuery>;

/**
 * The payments a list's filters match, summed per currency (never across currencies),
 * every page included.
 */
export const ZPaymentTotal = z
  .object({
    currency: ZCurrency,
    count: z.number().int(),
    /** What was received. */
    amount: ZCents,
    /** Still to apply to an invoice (unapplied cash). */
    unappliedAmount: ZCents,
    amountsCapped: ZAmountsCapped,
  })
  .meta({ id: 'PaymentTotal' });
export type TPaymentTotal = z.infer<typeof ZPaymentTotal>;

/** The totals of every payment a list's filters match (all pages), per currency. */
export const ZPaymentListTotals = z
  .object({ totals: z.array(ZPaymentTotal) })
  .meta({ id: 'PaymentListTotals' });
export type TPaymentListTotals = z.infer<typeof ZPaymentListTotals>;

export const ZAllocation = z
  .object({
    id: ZId,
    invoiceId: ZId,
    invoiceNumber: z.string(),
    paymentId: ZId.nullable(),
    paymentReference: z.string().nullable(),
    creditNoteId: ZId.nullable(),
    creditNoteNumber: z.string().nullable(),
    amount: ZCents,
    currency: ZCurrency,
    allocatedOn: ZCalendarDate,
    undoneAt: z.string().nullable(),
    undoneOn: ZCalendarDate.nullable().meta({
      description: 'The company’s business date when it was undone: live before that day',
    }),
  })
  .meta({ id: 'Allocation' });
export type TAllocation = z.infer<typeof ZAllocation>;
export const ZAllocationList = z
  .object({ items: z.array(ZAllocation) })
  .meta({ id: 'AllocationList' });
export type TAllocationList = z.infer<typeof ZAllocationList>;

export const ZCreateAllocationRequest = z
  .object({
    invoiceId: ZId,
    paymentId: ZId.optional(),
    creditNoteId: ZId.optional(),
    amount: ZAmount.positive(),
    allocatedOn: ZCalendarDate.optional(),
  })
  .refine((value) => (value.paymentId === undefined) !== (value.creditNoteId === undefined), {
    message: 'Give either paymentId or creditNoteId',
    path: ['paymentId'],
    params: { code: 'one_source' },
  })
  .meta({ id: 'CreateAllocationRequest' });
export type TCreateAllocationRequest = z.infer<typeof ZCreateAllocationRequest>;
