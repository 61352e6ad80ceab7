/**
 * The demo ledger as the canonical import files of docs/import.md: which columns,
 * and how each record becomes lines. Pure: a batch in, rows of text out.
 *
 * The canonical files cannot say everything the demo holds, so the replay differs
 * in a few documented ways (docs/import.md, "Replaying the demo ledger"):
 * - a payment that settles several invoices, or leaves cash unapplied, becomes one
 *   line per allocation plus one line without `invoice_number` for the unapplied
 *   part; a payment that stays one line keeps its reference, the lines of a split
 *   one are `REF/1`, `REF/2`… — so every invoice receives exactly the demo's
 *   payments and every unapplied cent stays unapplied;
 * - a credit note is imported open: the files have no way to allocate it to its
 *   invoice, so that invoice stays open by the credit note's amount until someone
 *   allocates it (the customer's net balance is the same);
 * - a customer keeps one contact (its billing contact, else accounts payable, else
 *   the first), imported as the billing contact, and no collector (the importing
 *   company has no demo users); French phone numbers are written `04 72 …` rather
 *   than `+33 4 72 …`, which the formula rule would have prefixed with `'`.
 */
import type {
  CustomerColumn,
  ImportKind,
  InvoiceColumn,
  PaymentColumn,
} from '../imports/table/column-mapping.ts';
import { cents, toDecimalString, type Cents } from '../shared/money.ts';
import type { ExportColumn, ExportColumnType, ExportRow } from '../exports/table-writer.ts';
import type { DemoBatch, DemoContact, DemoCustomer } from './generate.ts';

type ColumnOf<C extends string> = ExportColumn & { name: C; type: ExportColumnType };

/**
 * The columns of `customers.csv` the demo fills. `address_line2` (the demo has none)
 * and `collector_email` (see above) are left out, so a re-import leaves them alone.
 */
export const CUSTOMER_EXPORT_COLUMNS = [
  { name: 'code', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'siren', type: 'text' },
  { name: 'siret', type: 'text' },
  { name: 'vat_number', type: 'text' },
  { name: 'address_line1', type: 'text' },
  { name: 'postal_code', type: 'text' },
  { name: 'city', type: 'text' },
  { name: 'country', type: 'text' },
  { name: 'payment_terms', type: 'text' },
  { name: 'payment_method', type: 'text' },
  { name: 'email', type: 'text' },
  { name: 'phone', type: 'text' },
  { name: 'contact_name', type: 'text' },
  { name: 'sales_rep', type: 'text' },
  { name: 'risk_category', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'credit_limit', type: 'decimal' },
  { name: 'deposit_percent', type: 'decimal' },
] as const satisfies readonly ColumnOf<CustomerColumn>[];

/** The columns of `invoices.csv`: all of them. */
export const INVOICE_EXPORT_COLUMNS = [
  { name: 'number', type: 'text' },
  { name: 'customer_code', type: 'text' },
  { name: 'issue_date', type: 'date' },
  { name: 'due_date', type: 'date' },
  { name: 'amount', type: 'decimal' },
  { name: 'currency', type: 'text' },
  { name: 'kind', type: 'text' },
] as const satisfies readonly ColumnOf<InvoiceColumn>[];

/** The columns of `payments.csv`: all of them. */
export const PAYMENT_EXPORT_COLUMNS = [
  { name: 'reference', type: 'text' },
  { name: 'customer_code', type: 'text' },
  { name: 'date', type: 'date' },
  { name: 'amount', type: 'decimal' },
  { name: 'currency', type: 'text' },
  { name: 'invoice_number', type: 'text' },
  { name: 'method', type: 'text' },
] as const satisfies readonly ColumnOf<PaymentColumn>[];

/** Each file's columns, in the order its rows hold them. */
export const DEMO_EXPORT_COLUMNS: Record<ImportKind, readonly ExportColumn[]> = {
  customers: CUSTOMER_EXPORT_COLUMNS,
  invoices: INVOICE_EXPORT_COLUMNS,
  payments: PAYMENT_EXPORT_COLUMNS,
};

/** The rows of one batch, file by file. */
export type DemoExportRows = Record<ImportKind, ExportRow[]>;

// The demo is in euros (`DemoOptions.currency`): two decimals.
function euros(amount: Cents): string {
  return toDecimalString(amount, 2);
}

const CONTACT_PREFERENCE: readonly DemoContact['role'][] = ['billing', 'accounts_payable'];

/** The contact the import's single billing contact is made of. */
function exportedContact(customer: DemoCustomer): DemoContact | undefined {
  for (const role of CONTACT_PREFERENCE) {
    const contact = customer.contacts.find((candidate) => candidate.role === role);
    if (contact !== undefined) {
      return contact;
    }
  }
  return customer.contacts[0];
}

/** `+33 4 72 12 34 56` → `04 72 12 34 56`: the same number, in the form French files use. */
export function nationalPhone(phone: string): string {
  return phone.startsWith('+33 ') ? `0${phone.slice(4)}` : phone;
}

function customerRow(customer: DemoCustomer): ExportRow {
  const contact = exportedContact(customer);
  return [
    customer.code,
    customer.legalName,
    customer.siren,
    customer.siret,
    customer.vatNumber,
    customer.billingAddressLine1,
    customer.billingPostalCode,
    customer.billingCity,
    customer.billingCountry,
    customer.paymentTerms,
    customer.paymentMethod,
    contact?.email ?? '',
    contact === undefined ? '' : nationalPhone(contact.phone),
    contact?.name ?? '',
    customer.salesRep,
    customer.riskCategory,
    customer.status,
    customer.creditLimitCents === null ? '' : euros(customer.creditLimitCents),
    // Basis points are hundredths of a percent, written as cents are: 3000 → "30.00".
    toDecimalString(cents(customer.depositBps), 2),
  ];
}

/**
 * Turns a batch into file rows (see the module comment for what changes). A batch is
 * self-contained (`generateDemo`), so every code and number it refers to is in it.
 */
export function demoExportRows(batch: DemoBatch): DemoExportRows {
  const codes = new Map(batch.customers.map((customer) => [customer.id, customer.code]));
  const codeOf = (customerId: string) => {
    const code = codes.get(customerId);
    if (code === undefined) {
      throw new Error(`Demo batch refers to customer ${customerId}, which it does not hold`);
    }
    return code;
  };
  const numbers = new Map(batch.invoices.map((invoice) => [invoice.id, invoice.number]));
  const allocationsOf = new Map<string, { invoiceNumber: string; amount: Cents }[]>();
  for (const allocation of batch.allocations) {
    if (allocation.paymentId === null) {
      continue;
    }
    const parts = allocationsOf.get(allocation.paymentId) ?? [];
    parts.push({
      invoiceNumber: numbers.get(allocation.invoiceId) ?? '',
      amount: allocation.amountCents,
    });
    allocationsOf.set(allocation.paymentId, parts);
  }

  const payments: ExportRow[] = [];
  for (const payment of batch.payments) {
    const parts = [...(allocationsOf.get(payment.id) ?? [])];
    if (payment.unappliedCents > 0) {
      parts.push({ invoiceNumber: '', amount: payment.unappliedCents });
    }
    const customerCode = codeOf(payment.customerId);
    parts.forEach((part, index) => {
      payments.push([
        parts.length === 1 ? payment.reference : `${payment.reference}/${index + 1}`,
        customerCode,
        payment.receivedOn,
        euros(part.amount),
        payment.currency,
        part.invoiceNumber,
        payment.method,
      ]);
    });
  }

  return {
    customers: batch.customers.map(customerRow),
    invoices: batch.invoices.map((invoice) => [
      invoice.number,
      codeOf(invoice.customerId),
      invoice.issueDate,
      invoice.dueDate,
      euros(invoice.amountCents),
      invoice.currency,
      invoice.kind,
    ]),
    payments,
  };
}
