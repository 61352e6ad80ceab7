/**
 * Use cases that write invoices, credit notes and payments coming from outside
 * (imports, the API): create by business key, update when the source changed,
 * leave alone when identical, so re-importing the same file changes nothing.
 * Set-based: whatever the number of rows, a fixed number of statements (lookups
 * through one array parameter, writes in statements of 10,000 rows).
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { recordEvents, type EventInput } from '../audit/service.ts';
import { requirePermission } from '../app/permissions.ts';
import { chunksOf } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../shared/errors.ts';
import type { Cents } from '../shared/money.ts';
import { paymentEvent } from './ledger-events.ts';
import {
  findMadeAllocations,
  lockAllocationParties,
  madePairKey,
  writeAllocationPlan,
} from './allocations.ts';
import {
  planAllocations,
  reviseInvoice,
  type AllocationRequest,
  type Invoice,
  type InvoiceKind,
  type Payment,
} from './model.ts';
import {
  findInvoicesByKeys,
  findInvoicesForUpdate,
  findPaymentsByReferences,
  findSourcedItems,
  insertInvoices,
  insertPayments,
  updateInvoiceRows,
  type SourcedItem,
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
  /**
   * `dueDate` is not the source's own (a FEC has none): an item already stored keeps
   * its due date, unless the new issue date passes it.
   */
  keepsStoredDueDate?: boolean | undefined;
  /** The source line it comes from, kept on the item the upsert creates. */
  sourceKey?: string | undefined;
};

export type UpsertResult = { outcomes: Outcome[]; issues: Issue[] };

/**
 * What an upsert found and decided, read under the rows' locks, and how to save
 * it: a dry run or a refused import never calls `write`, so it writes nothing.
 */
export type UpsertPlan = UpsertResult & { write: () => Promise<void> };

/**
 * An upsert's plan with the rows it is to write, for a caller that allocates them in
 * the same transaction before they are written (`planKeyedAllocations`'s `pending`):
 * `write` inserts a new row as `settled` gives it, when it does, so that no row is
 * inserted and then updated (ADR 13).
 */
export type RowsUpsertPlan<Row extends { id: string }> = UpsertResult & {
  /** The rows it will insert, as it will insert them unless `settled` says otherwise. */
  created: readonly Row[];
  /** The stored rows it will rewrite, as they will be. */
  revised: readonly Row[];
  /** The stored rows it leaves as they are, as read without a lock. */
  kept: readonly Row[];
  write: (settled?: ReadonlyMap<string, Row>) => Promise<void>;
};

/** `rows`, each as `settled` gives it if it does. */
function asSettled<Row extends { id: string }>(
  rows: readonly Row[],
  settled: ReadonlyMap<string, Row>,
): readonly Row[] {
  return settled.size === 0 ? rows : rows.map((row) => settled.get(row.id) ?? row);
}

function atLine(line: number | undefined, issue: Issue): Issue {
  return line === undefined ? issue : { ...issue, line };
}

const itemKey = (kind: InvoiceKind, number: string) => `${kind}:${number}`;

async function written({ write, ...result }: UpsertPlan): Promise<UpsertResult> {
  await write();
  return result;
}

/** Plans and writes invoice upserts in `tx` (see `planInvoiceUpserts`). */
export async function upsertInvoicesInTx(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  inputs: readonly InvoiceInput[],
): Promise<UpsertResult> {
  return written(await planInvoiceUpserts(deps, tx, ctx, inputs));
}

/**
 * Plans creating or updating invoices and credit notes by (kind, number). The
 * stored ones are read under their row locks, so an allocation made meanwhile is
 * either already in their open amount or waits for this transaction
 * (`reviseInvoice`).
 */
export async function planInvoiceUpserts(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  inputs: readonly InvoiceInput[],
): Promise<RowsUpsertPlan<Invoice>> {
  requirePermission(ctx, 'ledger:write');
  const existing = new Map(
    (await findInvoicesByKeys(tx, ctx.companyId, inputs)).map((invoice) => [
      itemKey(invoice.kind, invoice.number),
      invoice,
    ]),
  );
  // Only imports change what `reviseInvoice` compares, and they run one at a time;
  // what it derives (the open amount) is read again under the lock of each row that
  // changes, so an allocation made meanwhile is counted, never overwritten. An
  // unchanged re-import locks nothing.
  const changing = inputs.flatMap((input) => {
    const before = existing.get(itemKey(input.kind, input.number));
    return before && reviseInvoice(before, revisionOf(input, before)).outcome !== 'unchanged'
      ? [before.id]
      : [];
  });
  for (const invoice of (await findInvoicesForUpdate(tx, ctx.companyId, changing)).values()) {
    existing.set(itemKey(invoice.kind, invoice.number), invoice);
  }
  const outcomes: Outcome[] = [];
  const issues: Issue[] = [];
  const created: Invoice[] = [];
  const updated: { before: Invoice; after: Invoice }[] = [];
  const kept: Invoice[] = [];
  for (const input of inputs) {
    const key = itemKey(input.kind, input.number);
    const before = existing.get(key);
    if (!before) {
      // Spelled out rather than spread: this runs once per row of a 200,000-row file.
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
        sourceKey: input.sourceKey,
      };
      created.push(invoice);
      existing.set(key, invoice);
      outcomes.push('created');
      continue;
    }
    const revision = reviseInvoice(before, revisionOf(input, before));
    if (revision.outcome === 'refused') {
      issues.push(atLine(input.line, revision.issue));
      continue;
    }
    if (revision.outcome === 'updated') {
      updated.push({ before, after: revision.after });
      existing.set(key, revision.after);
    } else {
      kept.push(before);
    }
    outcomes.push(revision.outcome);
  }
  // Rows and their events are built slice by slice: one slice in memory at a time.
  const write = async (settled: ReadonlyMap<string, Invoice> = new Map()) => {
    const now = deps.clock.now();
    for (const chunk of chunksOf(created)) {
      await insertInvoices(tx, ctx.companyId, asSettled(chunk, settled));
      await recordEvents(tx, ctx, chunk.map(invoiceCreatedEvent));
    }
    for (const chunk of chunksOf(updated)) {
      await updateInvoiceRows(
        tx,
        ctx.companyId,
        chunk.map(({ after }) => after),
        now,
      );
      await recordEvents(tx, ctx, chunk.map(invoiceUpdatedEvent));
    }
  };
  return { outcomes, issues, created, revised: updated.map(({ after }) => after), kept, write };
}

/** What `input` revises `before` to: its due date, or the stored one it keeps. */
function revisionOf(input: InvoiceInput, before: Invoice): InvoiceInput {
  return input.keepsStoredDueDate === true && before.dueDate >= input.issueDate
    ? { ...input, dueDate: before.dueDate }
    : input;
}

function invoiceCreatedEvent(invoice: Invoice): EventInput {
  return {
    action: invoice.kind === 'invoice' ? 'invoice.created' : 'credit_note.created',
    entityType: 'invoice',
    entityId: invoice.id,
    customerId: invoice.customerId,
    data: {
      number: invoice.number,
      amount: invoice.amountCents,
      currency: invoice.currency,
      dueDate: invoice.dueDate,
    },
  };
}

function invoiceUpdatedEvent({ before, after }: { before: Invoice; after: Invoice }): EventInput {
  return {
    action: after.kind === 'invoice' ? 'invoice.updated' : 'credit_note.updated',
    entityType: 'invoice',
    entityId: before.id,
    customerId: after.customerId,
    data: {
      number: after.number,
      before: { issueDate: before.issueDate, dueDate: before.dueDate, amount: before.amountCents },
      after: { issueDate: after.issueDate, dueDate: after.dueDate, amount: after.amountCents },
    },
  };
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
  /** The source line it comes from, kept on the payment the upsert creates. */
  sourceKey?: string | undefined;
};

/** Why a payment line cannot be taken as it is, if it cannot. */
function checkPaymentInput(
  input: PaymentInput,
  invoice: Invoice | undefined,
  before: Payment | undefined,
): Issue | undefined {
  if (input.invoiceNumber !== undefined && !invoice) {
    return fieldIssue('invoice_number', 'unknown_invoice', { number: input.invoiceNumber });
  }
  if (invoice && invoice.customerId !== input.customerId) {
    // Said as the allocation rule says it (`checkAllocation`, same code and variant):
    // the line breaks that rule, so the stable code keeps one meaning and one sentence.
    return fieldIssue('invoice_number', 'other_customer', {
      number: invoice.number,
      source: input.reference,
      context: 'payment',
    });
  }
  const isSame =
    !before ||
    (before.customerId === input.customerId &&
      before.receivedOn === input.receivedOn &&
      before.amountCents === input.amountCents &&
      before.currency === input.currency);
  if (!isSame) {
    // A bank payment is a fact: a different amount under the same reference is a mistake to look at.
    return fieldIssue('reference', 'payment_differs', { reference: input.reference });
  }
  return undefined;
}

/** Plans and writes payment upserts in `tx` (see `planPaymentUpserts`). */
export async function upsertPaymentsInTx(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  inputs: readonly PaymentInput[],
): Promise<UpsertResult> {
  return written(await planPaymentUpserts(deps, tx, ctx, inputs));
}

/**
 * Plans recording payments by reference. A payment naming an invoice is allocated
 * to it, up to the smaller of the two open amounts, through the allocation door
 * (a plan over locked rows, then one batched write); what remains is unapplied
 * cash. A payment already allocated to its invoice is not allocated again.
 */
export async function planPaymentUpserts(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  inputs: readonly PaymentInput[],
): Promise<RowsUpsertPlan<Payment>> {
  requirePermission(ctx, 'ledger:write');
  // Read first without locks: what decides a line (does the invoice exist, is it the
  // customer's, does the payment differ) only changes through imports, which run one
  // at a time. Amounts are read again below, under the locks of what gets allocated.
  const named = await findInvoicesByKeys(
    tx,
    ctx.companyId,
    inputs.flatMap((input) =>
      input.invoiceNumber === undefined
        ? []
        : [{ kind: 'invoice' as const, number: input.invoiceNumber }],
    ),
  );
  const invoices = new Map(named.map((invoice) => [invoice.number, invoice]));
  const existing = await findPaymentsByReferences(
    tx,
    ctx.companyId,
    inputs.map((input) => input.reference),
  );
  // Only a payment that names an invoice can have been allocated by an earlier import.
  const allocated = await findMadeAllocations(
    tx,
    ctx,
    inputs.flatMap((input) => {
      const stored = input.invoiceNumber === undefined ? undefined : existing.get(input.reference);
      return stored === undefined ? [] : [stored.id];
    }),
  );

  const outcomes: (Outcome | undefined)[] = [];
  const issues: Issue[] = [];
  const created: Payment[] = [];
  const createdIds = new Set<string>();
  const kept: Payment[] = [];
  const candidates: { index: number; payment: Payment; invoice: Invoice }[] = [];
  for (const [index, input] of inputs.entries()) {
    const invoice =
      input.invoiceNumber === undefined ? undefined : invoices.get(input.invoiceNumber);
    const before = existing.get(input.reference);
    const issue = checkPaymentInput(input, invoice, before);
    if (issue) {
      issues.push(atLine(input.line, issue));
      outcomes.push(undefined);
      continue;
    }
    let payment = before;
    if (payment) {
      // Stored before this plan, not a row it created for an earlier line.
      if (!createdIds.has(payment.id)) {
        kept.push(payment);
      }
    } else {
      payment = {
        id: deps.ids.newId(),
        customerId: input.customerId,
        reference: input.reference,
        receivedOn: input.receivedOn,
        amountCents: input.amountCents,
        currency: input.currency,
        unappliedCents: input.amountCents,
        method: input.method,
        sourceKey: input.sourceKey,
      };
      created.push(payment);
      createdIds.add(payment.id);
      existing.set(payment.reference, payment);
    }
    outcomes.push(before ? 'unchanged' : 'created');
    if (invoice && !allocated.has(madePairKey(payment.id, invoice.id))) {
      allocated.add(madePairKey(payment.id, invoice.id));
      candidates.push({ index, payment, invoice });
    }
  }

  // Lock what gets allocated (ADR 13: invoices, then payments, in id order) and
  // plan over the locked amounts; new payments are this transaction's own rows.
  const locked = await lockAllocationParties(tx, ctx, {
    invoiceIds: candidates.map(({ invoice }) => invoice.id),
    paymentIds: candidates.flatMap(({ payment }) =>
      createdIds.has(payment.id) ? [] : [payment.id],
    ),
  });
  // An allocation committed between the first read and the locks is seen now.
  const allocatedMeanwhile = await findMadeAllocations(tx, ctx, [...locked.payments.keys()]);
  const parties = {
    invoices: locked.invoices,
    payments: new Map([
      ...created.map((payment) => [payment.id, payment] as const),
      ...locked.payments,
    ]),
  };
  const requests: AllocationRequest[] = [];
  const requestInput: number[] = [];
  for (const { index, payment, invoice } of candidates) {
    if (allocatedMeanwhile.has(madePairKey(payment.id, invoice.id))) {
      continue;
    }
    requests.push({
      invoiceId: invoice.id,
      paymentId: payment.id,
      amount: 'remaining',
      allocatedOn: payment.receivedOn > invoice.issueDate ? payment.receivedOn : invoice.issueDate,
    });
    requestInput.push(index);
  }
  const plan = planAllocations(requests, parties, () => deps.ids.newId());
  for (const { request, issues: broken } of plan.rejected) {
    const index = requestInput[request] ?? -1;
    const line = inputs[index]?.line;
    for (const issue of broken) {
      issues.push(atLine(line, { ...issue, field: 'invoice_number' }));
    }
    outcomes[index] = undefined;
  }
  for (const allocation of plan.allocations) {
    const index = requestInput[allocation.request] ?? -1;
    if (outcomes[index] === 'unchanged') {
      outcomes[index] = 'updated';
    }
  }

  // A payment whose line was refused (its allocation broke a rule) is not recorded;
  // a new one is written with what the plan leaves unapplied, rather than written
  // and then updated.
  const refused = new Set(plan.rejected.map((rejected) => requests[rejected.request]?.paymentId));
  const planned = new Map(plan.payments.map((payment) => [payment.id, payment]));
  const recorded = created.flatMap((payment) =>
    refused.has(payment.id) ? [] : [planned.get(payment.id) ?? payment],
  );
  const write = async (settled: ReadonlyMap<string, Payment> = new Map()) => {
    for (const chunk of chunksOf(recorded)) {
      await insertPayments(tx, ctx.companyId, asSettled(chunk, settled));
      await recordEvents(
        tx,
        ctx,
        chunk.map((payment) =>
          paymentEvent('payment.recorded', payment, { receivedOn: payment.receivedOn }),
        ),
      );
    }
    await writeAllocationPlan(deps, tx, ctx, parties, {
      ...plan,
      payments: plan.payments.filter((payment) => !createdIds.has(payment.id)),
    });
  };
  return {
    outcomes: outcomes.filter((outcome): outcome is Outcome => outcome !== undefined),
    issues,
    created: recorded,
    revised: [],
    kept,
    write,
  };
}

export type { SourcedItem };

/**
 * The company's items created from a source line (a FEC's) and dated from `from` to
 * `to`, read in the import's transaction: what an earlier file of that period gave.
 */
export async function listSourcedItems(
  tx: Queryable,
  ctx: Ctx,
  period: { from: CalendarDate; to: CalendarDate },
): Promise<SourcedItem[]> {
  requirePermission(ctx, 'ledger:read');
  return findSourcedItems(tx, ctx.companyId, period.from, period.to);
}
