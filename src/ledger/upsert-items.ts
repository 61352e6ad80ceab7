/**
 * Use cases that write invoices, credit notes and payments coming from outside
 * (imports, the API): create by business key, update when the source changed,
 * leave alone when identical, so re-importing the same file changes nothing.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { recordEvents, type EventInput } from '../audit/service.ts';
import { requirePermission } from '../auth/service.ts';
import type { Queryable } from '../db/client.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import type { Issue } from '../shared/errors.ts';
import { cents, minCents, type Cents } from '../shared/money.ts';
import { invoiceStatus, type Invoice, type InvoiceKind, type Payment } from './model.ts';
import { allocateInTx } from './service.ts';
import {
  findInvoicesByNumbers,
  findPaymentsByReferences,
  hasLiveAllocation,
  insertInvoices,
  insertPayments,
  updateInvoiceRow,
} from './store.ts';

export type Outcome = 'created' | 'updated' | 'unchanged';

export type InvoiceInput = {
  /** Where the row came from (file line), echoed in issues. */
  line?: number;
  customerId: string;
  kind: InvoiceKind;
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  amountCents: Cents;
  currency: string;
};

export type UpsertResult = { outcomes: Outcome[]; issues: Issue[] };

function issueAt(line: number | undefined, field: string, code: string, message: string): Issue {
  return line === undefined ? { field, code, message } : { line, field, code, message };
}

/**
 * Creates or updates invoices and credit notes by (kind, number). An update keeps
 * what was already allocated: the new open amount is the new amount minus the
 * allocations, and a row whose new amount is below them is refused.
 */
export async function upsertInvoicesInTx(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  inputs: readonly InvoiceInput[],
): Promise<UpsertResult> {
  requirePermission(ctx, 'ledger:write');
  const existing = new Map<string, Invoice>();
  for (const kind of ['invoice', 'credit_note'] as const) {
    const numbers = inputs.filter((input) => input.kind === kind).map((input) => input.number);
    for (const [number, invoice] of await findInvoicesByNumbers(tx, ctx.companyId, kind, numbers)) {
      existing.set(`${kind}:${number}`, invoice);
    }
  }
  const outcomes: Outcome[] = [];
  const issues: Issue[] = [];
  const created: Invoice[] = [];
  const events: EventInput[] = [];
  const now = deps.clock.now();
  for (const input of inputs) {
    const before = existing.get(`${input.kind}:${input.number}`);
    if (!before) {
      const invoice: Invoice = {
        id: deps.ids.newId(),
        customerId: input.customerId,
        kind: input.kind,
        number: input.number,
        issueDate: input.issueDate,
        dueDate: input.dueDate,
        amountCents: input.amountCents,
        currency: input.currency,
        openCents: input.amountCents,
        status: 'open',
      };
      created.push(invoice);
      existing.set(`${input.kind}:${input.number}`, invoice);
      events.push({
        action: input.kind === 'invoice' ? 'invoice.created' : 'credit_note.created',
        entityType: 'invoice',
        entityId: invoice.id,
        customerId: invoice.customerId,
        data: {
          number: invoice.number,
          amount: invoice.amountCents,
          currency: invoice.currency,
          dueDate: invoice.dueDate,
        },
      });
      outcomes.push('created');
      continue;
    }
    const allocated = before.amountCents - before.openCents;
    const isSame =
      before.customerId === input.customerId &&
      before.issueDate === input.issueDate &&
      before.dueDate === input.dueDate &&
      before.amountCents === input.amountCents &&
      before.currency === input.currency;
    if (isSame) {
      outcomes.push('unchanged');
      continue;
    }
    if (
      allocated > 0 &&
      (before.customerId !== input.customerId || before.currency !== input.currency)
    ) {
      issues.push(
        issueAt(
          input.line,
          'customer_code',
          'allocated_item_moved',
          `${input.number} already has allocations: its customer and currency cannot change`,
        ),
      );
      continue;
    }
    if (input.amountCents < allocated) {
      issues.push(
        issueAt(
          input.line,
          'amount',
          'amount_below_allocated',
          `${input.number}: the new amount is below the ${allocated} cents already allocated`,
        ),
      );
      continue;
    }
    const openCents = cents(input.amountCents - allocated);
    const after: Invoice = {
      ...before,
      ...input,
      id: before.id,
      openCents,
      status: invoiceStatus(input.amountCents, openCents),
    };
    await updateInvoiceRow(tx, ctx.companyId, after, now);
    events.push({
      action: input.kind === 'invoice' ? 'invoice.updated' : 'credit_note.updated',
      entityType: 'invoice',
      entityId: before.id,
      customerId: after.customerId,
      data: {
        number: after.number,
        before: {
          issueDate: before.issueDate,
          dueDate: before.dueDate,
          amount: before.amountCents,
        },
        after: { issueDate: after.issueDate, dueDate: after.dueDate, amount: after.amountCents },
      },
    });
    outcomes.push('updated');
  }
  await insertInvoices(tx, ctx.companyId, created);
  await recordEvents(tx, ctx, events);
  return { outcomes, issues };
}

export type PaymentInput = {
  line?: number;
  customerId: string;
  reference: string;
  receivedOn: CalendarDate;
  amountCents: Cents;
  currency: string;
  method: string;
  /** The invoice this payment settles, if the source says so. */
  invoiceNumber?: string | undefined;
};

/**
 * Records payments by reference. A payment naming an invoice is allocated to it,
 * up to the smaller of the two open amounts; what remains is unapplied cash.
 */
export async function upsertPaymentsInTx(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  inputs: readonly PaymentInput[],
): Promise<UpsertResult> {
  requirePermission(ctx, 'ledger:write');
  const existing = await findPaymentsByReferences(
    tx,
    ctx.companyId,
    inputs.map((input) => input.reference),
  );
  const invoiceNumbers = inputs.flatMap((input) =>
    input.invoiceNumber ? [input.invoiceNumber] : [],
  );
  const invoices = await findInvoicesByNumbers(tx, ctx.companyId, 'invoice', invoiceNumbers);
  const outcomes: Outcome[] = [];
  const issues: Issue[] = [];
  for (const input of inputs) {
    const invoice =
      input.invoiceNumber === undefined ? undefined : invoices.get(input.invoiceNumber);
    if (input.invoiceNumber !== undefined) {
      if (!invoice) {
        issues.push(
          issueAt(
            input.line,
            'invoice_number',
            'unknown_invoice',
            `Invoice ${input.invoiceNumber} does not exist`,
          ),
        );
        continue;
      }
      if (invoice.customerId !== input.customerId) {
        issues.push(
          issueAt(
            input.line,
            'invoice_number',
            'other_customer',
            `Invoice ${input.invoiceNumber} belongs to another customer`,
          ),
        );
        continue;
      }
    }
    const before = existing.get(input.reference);
    let payment: Payment;
    let outcome: Outcome;
    if (!before) {
      payment = {
        id: deps.ids.newId(),
        customerId: input.customerId,
        reference: input.reference,
        receivedOn: input.receivedOn,
        amountCents: input.amountCents,
        currency: input.currency,
        unappliedCents: input.amountCents,
        method: input.method,
      };
      await insertPayments(tx, ctx.companyId, [payment]);
      await recordEvents(tx, ctx, [
        {
          action: 'payment.recorded',
          entityType: 'payment',
          entityId: payment.id,
          customerId: payment.customerId,
          data: {
            reference: payment.reference,
            amount: payment.amountCents,
            currency: payment.currency,
            receivedOn: payment.receivedOn,
          },
        },
      ]);
      existing.set(input.reference, payment);
      outcome = 'created';
    } else {
      const isSame =
        before.customerId === input.customerId &&
        before.receivedOn === input.receivedOn &&
        before.amountCents === input.amountCents &&
        before.currency === input.currency;
      if (!isSame) {
        // A bank payment is a fact: a different amount under the same reference is a mistake to look at.
        issues.push(
          issueAt(
            input.line,
            'reference',
            'payment_differs',
            `Payment ${input.reference} already exists with other values; it is not changed`,
          ),
        );
        continue;
      }
      payment = before;
      outcome = 'unchanged';
    }
    if (invoice && !(await hasLiveAllocation(tx, ctx.companyId, payment.id, invoice.id))) {
      const amount = minCents(payment.unappliedCents, invoice.openCents);
      if (amount > 0) {
        await allocateInTx(deps, tx, ctx, {
          invoiceId: invoice.id,
          paymentId: payment.id,
          amount,
          allocatedOn:
            payment.receivedOn > invoice.issueDate ? payment.receivedOn : invoice.issueDate,
        });
        invoices.set(invoice.number, { ...invoice, openCents: cents(invoice.openCents - amount) });
        existing.set(payment.reference, {
          ...payment,
          unappliedCents: cents(payment.unappliedCents - amount),
        });
        outcome = outcome === 'unchanged' ? 'updated' : outcome;
      }
    }
    outcomes.push(outcome);
  }
  return { outcomes, issues };
}
