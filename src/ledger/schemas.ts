import { z } from 'zod';
import {
  ZAmount,
  ZCalendarDate,
  ZCents,
  ZCurrency,
  ZId,
  ZPageQuery,
  pageOf,
} from '../shared/schemas.ts';

export const INVOICE_KINDS = ['invoice', 'credit_note'] as const;
export const INVOICE_STATUSES = ['open', 'partially_paid', 'paid'] as const;
export const ZInvoiceKind = z.enum(INVOICE_KINDS);
export const ZInvoiceStatus = z.enum(INVOICE_STATUSES);

export const ZInvoice = z.object({
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
});
export type TInvoice = z.infer<typeof ZInvoice>;

export const ZListInvoicesQuery = ZPageQuery.extend({
  customerId: ZId.optional(),
  kind: ZInvoiceKind.optional(),
  /** `unpaid` = open or partially paid; `overdue` = unpaid and past due. */
  status: z.enum([...INVOICE_STATUSES, 'unpaid', 'overdue']).optional(),
  issuedFrom: ZCalendarDate.optional(),
  issuedTo: ZCalendarDate.optional(),
  dueFrom: ZCalendarDate.optional(),
  dueTo: ZCalendarDate.optional(),
  sort: z.enum(['due_date', 'issue_date', 'number', 'amount', 'open_amount']).default('due_date'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type TListInvoicesQuery = z.infer<typeof ZListInvoicesQuery>;
export const ZInvoicePage = pageOf(ZInvoice);
export type TInvoicePage = z.infer<typeof ZInvoicePage>;

export const ZPayment = z.object({
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
});
export type TPayment = z.infer<typeof ZPayment>;

export const ZListPaymentsQuery = ZPageQuery.extend({
  customerId: ZId.optional(),
  receivedFrom: ZCalendarDate.optional(),
  receivedTo: ZCalendarDate.optional(),
  hasUnapplied: z.enum(['true', 'false']).optional(),
});
export type TListPaymentsQuery = z.infer<typeof ZListPaymentsQuery>;
export const ZPaymentPage = pageOf(ZPayment);
export type TPaymentPage = z.infer<typeof ZPaymentPage>;

export const ZAllocation = z.object({
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
});
export type TAllocation = z.infer<typeof ZAllocation>;
export const ZAllocationList = z.object({ items: z.array(ZAllocation) });
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
  });
export type TCreateAllocationRequest = z.infer<typeof ZCreateAllocationRequest>;
