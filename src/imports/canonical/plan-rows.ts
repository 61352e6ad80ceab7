/**
 * The database side of an import: each kind's parsed rows become a plan (what
 * will be created, updated or left alone, and the lines refused) made over what
 * is stored, with the write to run if the import commits.
 */
import type { Ctx } from '../../app/context.ts';
import type { Deps } from '../../app/deps.ts';
import { findUserIdsByEmails } from '../../auth/service.ts';
import type { CreditCompany } from '../../credit/entity-state.ts';
import { receiveOrdersInTx, type OrderTerm } from '../../credit/receive-orders.ts';
import type { CustomerWithContacts } from '../../customers/model.ts';
import { computeDueDate, parsePaymentTerms } from '../../shared/payment-terms.ts';
import {
  findCustomerIdsByCodes,
  findProspectCodes,
  newCustomerFields,
} from '../../customers/service.ts';
import {
  planCustomerUpserts,
  type CustomerUpsert,
  type CustomerUpsertInput,
} from '../../customers/upsert-customers.ts';
import type { Queryable, Tx } from '../../db/client.ts';
import { refuseOpenTotalOverflows } from '../../ledger/open-totals.ts';
import {
  planInvoiceUpserts,
  planPaymentUpserts,
  type Outcome,
  type UpsertPlan,
  type UpsertResult,
} from '../../ledger/upsert-items.ts';
import { fieldIssue, type Issue } from '../../shared/errors.ts';
import { cents } from '../../shared/money.ts';
import type { CustomerColumn, OrderColumn } from '../table/column-mapping.ts';
import type { CustomerImportRow } from './customer-rows.ts';
import type { InvoiceImportRow } from './invoice-rows.ts';
import type { OrderImportRow } from './order-rows.ts';
import type { PaymentImportRow } from './payment-rows.ts';

/** Which customer fields each column of a file sets: an update touches only the file's columns. */
const CUSTOMER_FIELD_SETTERS: Partial<
  Record<
    CustomerColumn,
    (target: CustomerUpsert, row: CustomerImportRow, collectorId: string | null) => void
  >
> = {
  name: (t, r) => {
    t.legalName = r.name;
  },
  siren: (t, r) => {
    t.siren = r.siren ?? null;
  },
  siret: (t, r) => {
    t.siret = r.siret ?? null;
    t.siren = r.siren ?? t.siren;
  },
  vat_number: (t, r) => {
    t.vatNumber = r.vatNumber ?? null;
  },
  address_line1: (t, r) => {
    t.billingAddress = { ...t.billingAddress, line1: r.addressLine1 ?? null };
  },
  address_line2: (t, r) => {
    t.billingAddress = { ...t.billingAddress, line2: r.addressLine2 ?? null };
  },
  postal_code: (t, r) => {
    t.billingAddress = { ...t.billingAddress, postalCode: r.postalCode ?? null };
  },
  city: (t, r) => {
    t.billingAddress = { ...t.billingAddress, city: r.city ?? null };
  },
  country: (t, r) => {
    t.billingAddress = { ...t.billingAddress, country: r.country };
  },
  payment_terms: (t, r) => {
    t.paymentTerms = r.paymentTerms;
  },
  payment_method: (t, r) => {
    t.paymentMethod = r.paymentMethod;
  },
  collector_email: (t, _r, collectorId) => {
    t.collectorUserId = collectorId;
  },
  sales_rep: (t, r) => {
    t.salesRep = r.salesRep ?? null;
  },
  risk_category: (t, r) => {
    t.riskCategory = r.riskCategory;
  },
  status: (t, r) => {
    t.status = r.status;
  },
  credit_limit: (t, r) => {
    t.creditLimitCents = r.creditLimit ? cents(r.creditLimit.amount) : null;
  },
  deposit_percent: (t, r) => {
    t.depositBps = r.depositBps;
  },
};

export async function planCustomers(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  rows: readonly CustomerImportRow[],
  columns: readonly CustomerColumn[],
): Promise<UpsertPlan> {
  const issues: Issue[] = [];
  const collectorEmails = rows.flatMap((row) => (row.collectorEmail ? [row.collectorEmail] : []));
  const collectors = await findUserIdsByEmails(tx, ctx, collectorEmails);
  const hasContactColumns = columns.some(
    (c) => c === 'email' || c === 'phone' || c === 'contact_name',
  );
  const upserts: CustomerUpsertInput[] = [];
  // A prospect becomes active through its account opening, not a file (issue 12).
  const prospects = columns.includes('status')
    ? await findProspectCodes(
        tx,
        ctx,
        rows.filter((row) => row.status === 'active').map((row) => row.code),
      )
    : new Set<string>();
  for (const row of rows) {
    if (prospects.has(row.code) && row.status === 'active') {
      issues.push(fieldIssue('status', 'prospect_activation_through_opening', {}, row.line));
      continue;
    }
    const collectorId =
      row.collectorEmail === undefined ? null : collectors.get(row.collectorEmail.toLowerCase());
    if (collectorId === undefined) {
      issues.push(
        fieldIssue(
          'collector_email',
          'unknown_user',
          { email: row.collectorEmail ?? '', context: 'by_email' },
          row.line,
        ),
      );
      continue;
    }
    // What the file says, over what is stored: an update touches only the file's columns.
    const build = (before: CustomerWithContacts | undefined): CustomerUpsert => {
      const {
        id: _id,
        contacts: _contacts,
        ...fields
      } = before ?? { ...newCustomerFields(row.code, row.name), id: '', contacts: [] };
      const target: CustomerUpsert = fields;
      for (const column of columns) {
        CUSTOMER_FIELD_SETTERS[column]?.(target, row, collectorId);
      }
      if (hasContactColumns && (row.email || row.phone || row.contactName)) {
        target.contacts = [
          {
            role: 'billing',
            name: row.contactName ?? null,
            email: row.email ?? null,
            phone: row.phone ?? null,
          },
        ];
      }
      return target;
    };
    upserts.push({ code: row.code, build });
  }
  const plan = await planCustomerUpserts(deps, tx, ctx, upserts);
  return {
    outcomes: upserts.map((upsert) => plan.outcomes.get(upsert.code) ?? 'unchanged'),
    issues,
    write: plan.write,
  };
}

type CustomerRef = { id: string; paymentTerms: string };

/**
 * Pairs each row with its customer (by code); a row naming an unknown customer
 * becomes an issue on its line instead.
 */
async function withCustomers<Row extends { line: number; customerCode: string }>(
  tx: Queryable,
  ctx: Ctx,
  rows: readonly Row[],
  issues: Issue[],
): Promise<{ row: Row; customer: CustomerRef }[]> {
  const customers = await findCustomerIdsByCodes(
    tx,
    ctx,
    rows.map((row) => row.customerCode),
  );
  return rows.flatMap((row) => {
    const customer = customers.get(row.customerCode);
    if (!customer) {
      issues.push(
        fieldIssue('customer_code', 'unknown_customer', { code: row.customerCode }, row.line),
      );
      return [];
    }
    return [{ row, customer }];
  });
}

export async function planInvoices(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  rows: readonly InvoiceImportRow[],
): Promise<UpsertPlan> {
  const issues: Issue[] = [];
  const inputs = (await withCustomers(tx, ctx, rows, issues)).map(({ row, customer }) => {
    // No due date in the file: the customer's negotiated terms decide it.
    const terms = parsePaymentTerms(customer.paymentTerms);
    return {
      line: row.line,
      customerId: customer.id,
      kind: row.kind,
      number: row.number,
      issueDate: row.issueDate,
      dueDate: row.dueDate ?? (terms ? computeDueDate(row.issueDate, terms) : row.issueDate),
      amountCents: row.amount,
      currency: row.currency,
    };
  });
  const bounded = await refuseOpenTotalOverflows(tx, ctx.companyId, inputs, (input) => input.kind);
  const plan = await planInvoiceUpserts(deps, tx, ctx, bounded.kept);
  return { ...plan, issues: [...issues, ...bounded.issues, ...plan.issues] };
}

export async function planPayments(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  rows: readonly PaymentImportRow[],
): Promise<UpsertPlan> {
  const issues: Issue[] = [];
  const inputs = (await withCustomers(tx, ctx, rows, issues)).map(({ row, customer }) => ({
    line: row.line,
    customerId: customer.id,
    reference: row.reference,
    receivedOn: row.date,
    amountCents: row.amount,
    currency: row.currency,
    method: row.method ?? 'transfer',
    invoiceNumber: row.invoiceNumber,
  }));
  const bounded = await refuseOpenTotalOverflows(tx, ctx.companyId, inputs, () => 'payment');
  const plan = await planPaymentUpserts(deps, tx, ctx, bounded.kept);
  return { ...plan, issues: [...issues, ...bounded.issues, ...plan.issues] };
}

/** What the credit check made of the orders a batch, or a file, created. */
export type OrderFigures = { validated: number; held: number };

/** What a batch wrote: an outcome per row kept, the issues of its refused lines; for orders, the check's figures. */
export type AppliedBatch = UpsertResult & { orders?: OrderFigures | undefined };

/** The file's column of each term of an order (and of its number), to name it in a line's issue. */
const ORDER_TERM_COLUMNS: Readonly<Record<OrderTerm | 'number', OrderColumn>> = {
  number: 'number',
  customerId: 'customer_code',
  orderedOn: 'order_date',
  amountCents: 'amount',
  currency: 'currency',
  expectedDeliveryOn: 'expected_delivery_date',
  specialConditions: 'special_conditions',
  pricesAgreed: 'prices_agreed',
  deliveryDateConfirmed: 'delivery_date_confirmed',
  confirmationSent: 'confirmation_sent',
};

/** The column `checkOrderInput` names by its API field (`amountCents` → `amount`). */
function orderColumnOf(field: string): string {
  return Object.hasOwn(ORDER_TERM_COLUMNS, field)
    ? ORDER_TERM_COLUMNS[field as keyof typeof ORDER_TERM_COLUMNS]
    : field;
}

/**
 * Receives a batch of orders (`receiveOrdersInTx`, credit's rules): a new number is checked
 * and stored validated or held; a number stored on the same terms is unchanged; on other
 * terms it is refused (`order_changed`, one issue per term that differs), as is an unknown
 * customer or an order `checkOrderInput` refuses, with its codes on the file's columns.
 * Only the file's columns are compared: a file without the checklist says nothing of it.
 */
export async function applyOrders(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  company: CreditCompany,
  rows: readonly OrderImportRow[],
  columns: readonly OrderColumn[],
): Promise<AppliedBatch> {
  if (!isTransaction(tx)) {
    throw new Error('Orders are received in the import’s transaction');
  }
  const issues: Issue[] = [];
  const numberOf = new Map(rows.map((row) => [row.line, row.number]));
  const received = await receiveOrdersInTx(
    deps,
    tx,
    ctx,
    company,
    (await withCustomers(tx, ctx, rows, issues)).map(({ row, customer }) => ({
      line: row.line,
      customerId: customer.id,
      number: row.number,
      orderedOn: row.orderDate,
      amountCents: row.amount,
      currency: row.currency,
      expectedDeliveryOn: row.expectedDeliveryDate,
      specialConditions: row.specialConditions,
      checklist: {
        pricesAgreed: row.pricesAgreed,
        deliveryDateConfirmed: row.deliveryDateConfirmed,
        confirmationSent: row.confirmationSent,
      },
    })),
  );
  const outcomes: Outcome[] = [];
  const orders: OrderFigures = { validated: 0, held: 0 };
  for (const order of received) {
    switch (order.outcome) {
      case 'created':
        outcomes.push('created');
        orders[order.order.status === 'validated' ? 'validated' : 'held'] += 1;
        break;
      case 'unchanged':
        outcomes.push('unchanged');
        break;
      case 'changed': {
        const terms = order.terms.filter((term) => columns.includes(ORDER_TERM_COLUMNS[term]));
        if (terms.length === 0) {
          outcomes.push('unchanged');
        }
        for (const term of terms) {
          issues.push(
            fieldIssue(
              ORDER_TERM_COLUMNS[term],
              'order_changed',
              { number: numberOf.get(order.line) ?? '' },
              order.line,
            ),
          );
        }
        break;
      }
      case 'refused':
        issues.push(
          ...order.issues.map((issue) => ({ ...issue, field: orderColumnOf(issue.field) })),
        );
        break;
    }
  }
  return { outcomes, issues, orders };
}

/** Whether `q` is a transaction: the import's always is (`runImporter`), as a review needs. */
function isTransaction(q: Queryable): q is Tx {
  return q.isTransaction;
}
