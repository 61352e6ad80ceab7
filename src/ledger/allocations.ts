/**
 * The one door allocations (lettrage) go through, one or a hundred thousand at a
 * time: the API's single allocation, a payments import, the FEC lettering (by the
 * documents' numbers, `planKeyedAllocations`), later the bank matcher. Three steps,
 * in one transaction:
 * 1. **lock** the invoices, credit notes and payments involved — invoices and
 *   credit notes first, then payments, each in id order (ADR 13), so that two
 *   writers never wait on each other in a circle;
 * 2. **plan** over what was locked (`planAllocations`, pure): every request is
 *   checked against what the earlier ones left open;
 * 3. **write** the plan in a fixed number of statements whatever its size: the
 *   allocations, the new open amounts, the new unapplied amounts, the events.
 * Amounts are derived from the locked rows only, so no concurrent allocation or
 * import can be overwritten by a stale value.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { recordEvents } from '../audit/service.ts';
import { chunksOf } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import { requirePermission } from '../app/permissions.ts';
import { maxDate, type CalendarDate } from '../shared/calendar-date.ts';
import { fieldIssue, InvalidError, NotFoundError, type Issue } from '../shared/errors.ts';
import type { Cents } from '../shared/money.ts';
import { allocationEvent } from './ledger-events.ts';
import {
  planAllocations,
  type Allocation,
  type AllocationParties,
  type AllocationPlan,
  type AllocationRequest,
  type Invoice,
  type InvoiceKind,
  type Payment,
} from './model.ts';
import {
  findInvoicesByKeys,
  findInvoicesForUpdate,
  findLiveAllocationPairs,
  findPaymentsByReferences,
  findPaymentsForUpdate,
  insertAllocations,
  setInvoiceOpenAmounts,
  setPaymentsUnapplied,
} from './store.ts';

/** Locks the parties of allocations, in the ledger's lock order: invoices, then payments. */
export async function lockAllocationParties(
  tx: Queryable,
  ctx: Ctx,
  ids: { invoiceIds: readonly string[]; paymentIds: readonly string[] },
): Promise<AllocationParties> {
  const invoices = await findInvoicesForUpdate(tx, ctx.companyId, [...new Set(ids.invoiceIds)]);
  const payments = await findPaymentsForUpdate(tx, ctx.companyId, [...new Set(ids.paymentIds)]);
  return { invoices, payments };
}

/** How `findMadeAllocations` names a pair: the payment or credit note, then the invoice. */
export function madePairKey(sourceId: string, invoiceId: string): string {
  return `${sourceId}:${invoiceId}`;
}

/**
 * The (source, invoice) pairs already allocated live, among the allocations drawn on
 * these payments or credit notes (`madePairKey`): an import does not allocate twice
 * what a re-import of its file, or someone in between, already allocated.
 */
export async function findMadeAllocations(
  tx: Queryable,
  ctx: Ctx,
  sourceIds: readonly string[],
): Promise<Set<string>> {
  const pairs = await findLiveAllocationPairs(tx, ctx.companyId, sourceIds);
  return new Set(pairs.map((pair) => madePairKey(pair.sourceId, pair.invoiceId)));
}

/**
 * Writes a plan made over parties locked in `tx` (or inserted by it): the
 * allocations, the open amounts of the invoices and credit notes, the unapplied
 * amounts of the payments and one event per allocation.
 */
export async function writeAllocationPlan(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  parties: AllocationParties,
  plan: Pick<AllocationPlan, 'allocations' | 'invoices' | 'payments'>,
): Promise<void> {
  for (const chunk of chunksOf(plan.allocations)) {
    await insertAllocations(tx, ctx.companyId, chunk);
    await recordEvents(
      tx,
      ctx,
      chunk.map((allocation) => allocationEvent('allocation.created', parties, allocation)),
    );
  }
  await setInvoiceOpenAmounts(tx, ctx.companyId, plan.invoices, deps.clock.now());
  await setPaymentsUnapplied(tx, ctx.companyId, plan.payments);
}

/**
 * Applies part of a payment or credit note to an invoice inside `tx` (the API's
 * allocation). Throws `NotFound` for a missing party and `Invalid` with every
 * broken rule.
 */
export async function allocateInTx(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  request: AllocationRequest,
): Promise<Allocation> {
  const parties = await lockAllocationParties(tx, ctx, {
    invoiceIds: request.creditNoteId
      ? [request.invoiceId, request.creditNoteId]
      : [request.invoiceId],
    paymentIds: request.paymentId ? [request.paymentId] : [],
  });
  if (!parties.invoices.has(request.invoiceId)) {
    throw new NotFoundError('invoice', request.invoiceId);
  }
  if (request.paymentId !== undefined && !parties.payments.has(request.paymentId)) {
    throw new NotFoundError('payment', request.paymentId);
  }
  if (
    request.paymentId === undefined &&
    parties.invoices.get(request.creditNoteId ?? '')?.kind !== 'credit_note'
  ) {
    throw new NotFoundError('credit_note', request.creditNoteId ?? '');
  }
  const plan = planAllocations([request], parties, () => deps.ids.newId());
  const issues = plan.rejected.flatMap((rejected) => rejected.issues);
  const [allocation] = plan.allocations;
  if (issues.length > 0 || !allocation) {
    throw new InvalidError('allocation_refused', {}, issues);
  }
  await writeAllocationPlan(deps, tx, ctx, parties, plan);
  return allocation;
}

/** An allocation named by its documents' numbers, as a file's lettering names it. */
export type KeyedAllocationRequest = {
  /** Where it comes from in the file, echoed in its issues. */
  line?: number | undefined;
  invoiceNumber: string;
  from: { paymentReference: string } | { creditNoteNumber: string };
  /** The amount the file allocates; less is allocated when less is left open. */
  atMostCents: Cents;
  /** Never before either document: a lettering dated earlier is dated by the later one. */
  allocatedOn: CalendarDate;
};

/** What became of one `KeyedAllocationRequest`. */
export type KeyedAllocationResult =
  | { outcome: 'created'; amountCents: Cents }
  /** The pair already has a live allocation: none is added. */
  | { outcome: 'unchanged' }
  /** The invoice or its source has nothing left open. */
  | { outcome: 'nothing_left' }
  /** Its issues say why (a document not found, another customer, another currency). */
  | { outcome: 'refused' };

/**
 * What the caller's upserts hold (`RowsUpsertPlan`), which requests may name. Rows
 * planned and not written yet (`created`, `revised`) are read as given, not from the
 * database: a created one has nothing allocated and needs no lock, and what the plan
 * leaves of it comes back in `settled`, for its insert. Rows `kept` as stored are only
 * found by them, without looking them up again; their amounts are read under the lock.
 */
export type PendingParties = {
  created: { invoices: readonly Invoice[]; payments: readonly Payment[] };
  revised: readonly Invoice[];
  kept?: { invoices: readonly Invoice[]; payments: readonly Payment[] } | undefined;
};

/** What `planKeyedAllocations` decided, and how to save it. */
export type KeyedAllocationPlan = {
  results: KeyedAllocationResult[];
  issues: Issue[];
  /** The pending created rows as the plan leaves them, by id. */
  settled: { invoices: Map<string, Invoice>; payments: Map<string, Payment> };
  /** Writes the allocations and the stored rows' new amounts: after the pending rows. */
  write: () => Promise<void>;
};

const NO_PENDING: PendingParties = { created: { invoices: [], payments: [] }, revised: [] };

/**
 * Plans allocations named by numbers and references through the door: the documents
 * are found among `pending`, else in the database; the pairs already allocated are left
 * alone; the others' stored documents are locked (invoices and credit notes, then
 * payments) and the plan made over the locked and pending amounts, each request
 * allocating as much as the file says or as both have left, if less. An unchanged
 * re-import locks nothing.
 */
export async function planKeyedAllocations(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  requests: readonly KeyedAllocationRequest[],
  pending: PendingParties = NO_PENDING,
): Promise<KeyedAllocationPlan> {
  requirePermission(ctx, 'ledger:write');
  const pendingInvoices = [...pending.created.invoices, ...pending.revised];
  const isNew = new Set(
    [...pending.created.invoices, ...pending.created.payments].map((item) => item.id),
  );
  const results: KeyedAllocationResult[] = requests.map(() => ({ outcome: 'refused' }));
  const { found, issues } = await findRequestedParties(tx, ctx, requests, pending);
  // Read first without locks, as the upserts do; what gets allocated is read again
  // under the locks, and a pair allocated in between is seen then. A new row has no
  // allocation to find.
  const notMade = async (candidates: readonly FoundRequest[]) => {
    const made = await findMadeAllocations(
      tx,
      ctx,
      candidates.flatMap(({ sourceId, invoiceId }) =>
        isNew.has(sourceId) || isNew.has(invoiceId) ? [] : [sourceId],
      ),
    );
    return candidates.filter(({ index, invoiceId, sourceId }) => {
      const isMade = made.has(madePairKey(sourceId, invoiceId));
      if (isMade) {
        results[index] = { outcome: 'unchanged' };
      }
      return !isMade;
    });
  };
  const toLock = await notMade(found);
  const isStored = (id: string) => !isNew.has(id);
  const locked = await lockAllocationParties(tx, ctx, {
    invoiceIds: toLock
      .flatMap(({ invoiceId, sourceId, isPayment }) =>
        isPayment ? [invoiceId] : [invoiceId, sourceId],
      )
      .filter(isStored),
    paymentIds: toLock
      .flatMap(({ sourceId, isPayment }) => (isPayment ? [sourceId] : []))
      .filter(isStored),
  });
  // A pending row is as its upsert will write it; the database has it older, or not yet.
  const parties: AllocationParties = {
    invoices: new Map([
      ...locked.invoices,
      ...pendingInvoices.map((item) => [item.id, item] as const),
    ]),
    payments: new Map([
      ...locked.payments,
      ...pending.created.payments.map((item) => [item.id, item] as const),
    ]),
  };
  const toMake = await notMade(toLock);
  const plan = planAllocations(
    toMake.map(({ request, invoiceId, sourceId, isPayment }) => {
      const invoiceDate = parties.invoices.get(invoiceId)?.issueDate ?? request.allocatedOn;
      const sourceDate =
        (isPayment
          ? parties.payments.get(sourceId)?.receivedOn
          : parties.invoices.get(sourceId)?.issueDate) ?? request.allocatedOn;
      return {
        invoiceId,
        ...(isPayment ? { paymentId: sourceId } : { creditNoteId: sourceId }),
        amount: 'remaining',
        atMost: request.atMostCents,
        allocatedOn: maxDate(request.allocatedOn, maxDate(invoiceDate, sourceDate)),
      };
    }),
    parties,
    () => deps.ids.newId(),
  );
  const answer = (request: number, result: KeyedAllocationResult): void => {
    const made = toMake[request];
    if (made !== undefined) {
      results[made.index] = result;
    }
  };
  for (const allocation of plan.allocations) {
    answer(allocation.request, { outcome: 'created', amountCents: allocation.amountCents });
  }
  for (const skipped of plan.skipped) {
    answer(skipped, { outcome: 'nothing_left' });
  }
  for (const rejected of plan.rejected) {
    const line = toMake[rejected.request]?.request.line;
    for (const issue of rejected.issues) {
      issues.push(line === undefined ? issue : { ...issue, line });
    }
  }
  const byId = <Row extends { id: string }>(rows: readonly Row[]) =>
    new Map(rows.filter((row) => isNew.has(row.id)).map((row) => [row.id, row]));
  return {
    results,
    issues,
    settled: { invoices: byId(plan.invoices), payments: byId(plan.payments) },
    write: () =>
      writeAllocationPlan(deps, tx, ctx, parties, {
        allocations: plan.allocations,
        invoices: plan.invoices.filter((item) => isStored(item.id)),
        payments: plan.payments.filter((item) => isStored(item.id)),
      }),
  };
}

/** A request whose documents were found, by id, with its place among the requests. */
type FoundRequest = {
  index: number;
  request: KeyedAllocationRequest;
  invoiceId: string;
  sourceId: string;
  isPayment: boolean;
};

/**
 * The ids of what each request names, among `pending` first, else in the database (one
 * statement for the documents, one for the payments, for those not pending); a request
 * naming a document the company does not have is an issue on its line instead.
 */
async function findRequestedParties(
  tx: Queryable,
  ctx: Ctx,
  requests: readonly KeyedAllocationRequest[],
  pending: PendingParties,
): Promise<{ found: FoundRequest[]; issues: Issue[] }> {
  const documentKey = (kind: InvoiceKind, number: string) => `${kind}:${number}`;
  const documentIds = new Map(
    [...pending.created.invoices, ...pending.revised, ...(pending.kept?.invoices ?? [])].map(
      (item) => [documentKey(item.kind, item.number), item.id],
    ),
  );
  const paymentIds = new Map(
    [...pending.created.payments, ...(pending.kept?.payments ?? [])].map((item) => [
      item.reference,
      item.id,
    ]),
  );
  const wanted = requests.flatMap((request) => [
    { kind: 'invoice' as const, number: request.invoiceNumber },
    ...('creditNoteNumber' in request.from
      ? [{ kind: 'credit_note' as const, number: request.from.creditNoteNumber }]
      : []),
  ]);
  const stored = await findInvoicesByKeys(
    tx,
    ctx.companyId,
    wanted.filter((key) => !documentIds.has(documentKey(key.kind, key.number))),
  );
  for (const item of stored) {
    documentIds.set(documentKey(item.kind, item.number), item.id);
  }
  const storedPayments = await findPaymentsByReferences(
    tx,
    ctx.companyId,
    requests.flatMap((request) =>
      'paymentReference' in request.from && !paymentIds.has(request.from.paymentReference)
        ? [request.from.paymentReference]
        : [],
    ),
  );
  for (const [reference, payment] of storedPayments) {
    paymentIds.set(reference, payment.id);
  }
  const issues: Issue[] = [];
  const found = requests.flatMap((request, index): FoundRequest[] => {
    const invoiceId = documentIds.get(documentKey('invoice', request.invoiceNumber));
    const sourceId =
      'paymentReference' in request.from
        ? paymentIds.get(request.from.paymentReference)
        : documentIds.get(documentKey('credit_note', request.from.creditNoteNumber));
    if (invoiceId === undefined || sourceId === undefined) {
      const missing =
        invoiceId === undefined
          ? fieldIssue('invoiceId', 'invoice_not_found', { key: request.invoiceNumber })
          : 'paymentReference' in request.from
            ? fieldIssue('paymentId', 'payment_not_found', { key: request.from.paymentReference })
            : fieldIssue('creditNoteId', 'credit_note_not_found', {
                key: request.from.creditNoteNumber,
              });
      issues.push(request.line === undefined ? missing : { ...missing, line: request.line });
      return [];
    }
    return [{ index, request, invoiceId, sourceId, isPayment: 'paymentReference' in request.from }];
  });
  return { found, issues };
}
