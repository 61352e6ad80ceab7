/**
 * A FEC's receivables into the ledger (`encaisse import fec`): `prepareFec` reads and
 * plans the file without the database, `applyFec` matches the plan with what is stored
 * and writes it through the ledger's doors, inside the import's transaction
 * (`importFec` in ../service.ts). docs/import.md ("FEC") says what is built and when.
 *
 * - **Customers** the file names and the company lacks are created, with the plan's net
 *   terms; a stored customer is left as it is (its terms, its name, its contacts).
 * - **Invoices and credit notes** are upserted by number. The FEC has no due date: a new
 *   one is due by its customer's terms, a stored one keeps its own.
 * - **Payments** are upserted by reference, the line's source key (`BQ/125/2`).
 * - **Allocations** follow the lettering, through the allocation door by numbers: a pair
 *   already allocated is not allocated again, and one that Encaisse has less left open
 *   for than the books allocates what is left, with a notice.
 * - An item an earlier FEC of the period gave that this file lacks is named in a
 *   notice, never deleted.
 *
 * The books are planned and written a slice of customers at a time (about
 * `TABLE_BATCH_RECORDS` items, ADR 15): a lettering stays within one customer, so a
 * slice allocates its own new items before inserting them, and no row is inserted
 * then updated. Every statement carries its rows in array parameters (ADR 13).
 */
import type { Ctx } from '../../app/context.ts';
import type { Deps } from '../../app/deps.ts';
import { findCustomerIdsByCodes, newCustomerFields } from '../../customers/service.ts';
import { planCustomerUpserts, type CustomerUpsertInput } from '../../customers/upsert-customers.ts';
import { chunksOf } from '../../db/array-parameters.ts';
import type { Queryable } from '../../db/client.ts';
import { planKeyedAllocations, type KeyedAllocationRequest } from '../../ledger/allocations.ts';
import { refuseOpenTotalOverflows } from '../../ledger/open-totals.ts';
import {
  listSourcedItems,
  planInvoiceUpserts,
  planPaymentUpserts,
  type InvoiceInput,
  type Outcome,
  type PaymentInput,
} from '../../ledger/upsert-items.ts';
import { maxDate, minDate, type CalendarDate } from '../../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../../shared/errors.ts';
import { addCents, type CurrencyCode } from '../../shared/money.ts';
import {
  computeDueDate,
  formatPaymentTermsCode,
  parsePaymentTerms,
} from '../../shared/payment-terms.ts';
import { TABLE_BATCH_RECORDS } from '../table/read-table.ts';
import { fecEntryKey, type FecLine } from './fec-format.ts';
import { MAX_FEC_ISSUES, parseFec, type FecFormat, type ParseFecOptions } from './parse-fec.ts';
import {
  planFec,
  type FecPlan,
  type PlanFecOptions,
  type PlannedAllocation,
  type PlannedCreditNote,
  type PlannedInvoice,
  type PlannedPayment,
} from './plan-fec.ts';

/** How many items of a kind an import created, updated and found unchanged. */
export type FecCounts = Record<Outcome, number>;

/** What `applyFec` did, kind by kind. */
export type FecOutcomes = {
  customers: FecCounts;
  invoices: FecCounts;
  creditNotes: FecCounts;
  payments: FecCounts;
  allocations: FecCounts;
};

/** How far `applyFec` is: items of every kind, planned and written or not. */
export type FecProgress = { done: number; count: number };

/** The options of `prepareFec`: the reader's and the plan's. */
export type PrepareFecOptions = Pick<ParseFecOptions, 'decimalPoint'> &
  Omit<PlanFecOptions, 'openingJournals'> & { currency: CurrencyCode };

/**
 * A file read and planned, or refused as a whole. `errors` are the refused lines (their
 * own problems, their entry's, a number given to two customers), `leftOut` the lines
 * read but not planned (refused, or of a refused entry); `period` spans the file's
 * entry dates, over which an earlier FEC's items are looked for.
 */
export type PreparedFec =
  | { ok: false; errors: Issue[] }
  | {
      ok: true;
      format: FecFormat;
      lineCount: number;
      leftOut: number;
      plan: FecPlan;
      /** The items the file names, refused entries included: they are not missing from it. */
      named: ReadonlySet<string>;
      period: { from: CalendarDate; to: CalendarDate } | undefined;
      errors: Issue[];
    };

const itemName = (kind: 'invoice' | 'credit_note' | 'payment', key: string) => `${kind}:${key}`;

/**
 * Reads and plans a FEC. An entry with a refused line, or that does not balance, is
 * left out whole, each of its other lines reported (`fec_entry_refused`, up to
 * `MAX_FEC_ISSUES` of them): importing half of an entry would book half of a fact.
 */
export function prepareFec(
  bytes: Uint8Array,
  fileName: string,
  options: PrepareFecOptions,
): PreparedFec {
  const parsed = parseFec(bytes, fileName, {
    decimalPoint: options.decimalPoint,
    currency: options.currency,
  });
  if (!parsed.ok) {
    return { ok: false, errors: parsed.issues };
  }
  const { lines, refusedEntries } = parsed;
  const isRefused = (line: FecLine) => refusedEntries.has(fecEntryKey(line));
  const kept = refusedEntries.size === 0 ? lines : lines.filter((line) => !isRefused(line));
  // A line with a problem of its own (the first of an unbalanced entry) is not told again.
  const hasIssue = new Set(parsed.issues.map((issue) => issue.line));
  const entryRefusals = lines
    .filter((line) => isRefused(line) && !hasIssue.has(line.line))
    .slice(0, MAX_FEC_ISSUES)
    .map((line) =>
      fieldIssue(
        'EcritureNum',
        'fec_entry_refused',
        { line: line.line, entry: line.ecritureNum, journal: line.journalCode },
        line.line,
      ),
    );
  const plan = planFec(kept, options);
  const named = kept === lines ? plan : planFec(lines, options);
  let period: { from: CalendarDate; to: CalendarDate } | undefined;
  for (const { ecritureDate } of lines) {
    if (period === undefined) {
      period = { from: ecritureDate, to: ecritureDate };
    } else {
      period.from = minDate(period.from, ecritureDate);
      period.to = maxDate(period.to, ecritureDate);
    }
  }
  return {
    ok: true,
    format: parsed.format,
    lineCount: parsed.lineCount,
    leftOut: parsed.lineCount - kept.length,
    plan,
    named: new Set([
      ...named.invoices.map((invoice) => itemName('invoice', invoice.number)),
      ...named.creditNotes.map((note) => itemName('credit_note', note.number)),
      ...named.payments.map((payment) => itemName('payment', payment.reference)),
    ]),
    period,
    errors: [...parsed.issues, ...entryRefusals, ...plan.issues],
  };
}

/** What `applyFec` did and found. */
export type AppliedFec = FecOutcomes & { errors: Issue[]; notices: Issue[] };

/** Counts of nothing yet, for every kind. */
export function noFecOutcomes(): FecOutcomes {
  const none = (): FecCounts => ({ created: 0, updated: 0, unchanged: 0 });
  return {
    customers: none(),
    invoices: none(),
    creditNotes: none(),
    payments: none(),
    allocations: none(),
  };
}

function countOutcomes(counts: FecCounts, planned: readonly Outcome[]): void {
  for (const outcome of planned) {
    counts[outcome] += 1;
  }
}

/** The items of some customers: all of each one's, since a lettering stays within one. */
type CustomerBooks = {
  invoices: PlannedInvoice[];
  creditNotes: PlannedCreditNote[];
  payments: PlannedPayment[];
  allocations: PlannedAllocation[];
};

/**
 * Writes a prepared FEC's plan in `tx`: the customers, then their books a slice of
 * customers at a time (`booksInSlices`, `applyBooks`). A refused item (a payment stored
 * with another amount, a total past its bound) is reported on its line and left out,
 * with the allocations that draw on it.
 */
export async function applyFec(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  prepared: Extract<PreparedFec, { ok: true }>,
  onProgress: (progress: FecProgress) => void = () => undefined,
): Promise<AppliedFec> {
  const { plan } = prepared;
  const outcomes = noFecOutcomes();
  let errors: Issue[] = [];
  let notices = [...plan.notices, ...(await findAbsentItems(tx, ctx, prepared))];
  const slices = booksInSlices(plan);
  const progress: FecProgress = {
    done: 0,
    count: slices.reduce((total, books) => total + sizeOf(books), plan.customers.length),
  };

  for (const slice of chunksOf(plan.customers, TABLE_BATCH_RECORDS)) {
    const upserts = slice.map((customer): CustomerUpsertInput => ({
      code: customer.code,
      // A stored customer stays as it is: the books say nothing of its terms or contacts.
      build: (stored) => {
        if (stored === undefined) {
          const fields = newCustomerFields(customer.code, customer.name);
          return { ...fields, paymentTerms: formatPaymentTermsCode(customer.paymentTerms) };
        }
        const { id: _id, contacts: _contacts, ...fields } = stored;
        return fields;
      },
    }));
    const planned = await planCustomerUpserts(deps, tx, ctx, upserts);
    await planned.write();
    countOutcomes(
      outcomes.customers,
      upserts.map((upsert) => planned.outcomes.get(upsert.code) ?? 'unchanged'),
    );
    progress.done += slice.length;
    onProgress(progress);
  }
  const customers = await findCustomerIdsByCodes(
    tx,
    ctx,
    plan.customers.map((customer) => customer.code),
  );

  for (const books of slices) {
    const applied = await applyBooks(deps, tx, ctx, books, customers);
    for (const kind of ['invoices', 'creditNotes', 'payments', 'allocations'] as const) {
      for (const outcome of ['created', 'updated', 'unchanged'] as const) {
        outcomes[kind][outcome] += applied[kind][outcome];
      }
    }
    // Concatenated, not pushed: a slice may refuse more items than a call takes arguments.
    errors = errors.concat(applied.errors);
    notices = notices.concat(applied.notices);
    progress.done += sizeOf(books);
    onProgress(progress);
  }
  return { ...outcomes, errors, notices };
}

/**
 * Plans a slice's invoices, credit notes and payments, then its lettering over them,
 * and only then writes them: a new item is inserted with what its allocations leave
 * open, and an allocation drawing on an item refused is left out (its line says why).
 */
async function applyBooks(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  books: CustomerBooks,
  customers: CustomerIds,
): Promise<AppliedFec> {
  const outcomes = noFecOutcomes();
  // One look at the slice's customers' open totals for its three kinds.
  const bounded = await refuseOpenTotalOverflows(
    tx,
    ctx.companyId,
    [
      ...documentInputs(books.invoices, 'invoice', customers),
      ...documentInputs(books.creditNotes, 'credit_note', customers),
      ...paymentInputs(books.payments, customers),
    ],
    (input) => ('kind' in input ? input.kind : 'payment'),
  );
  const ofKind = (kind: InvoiceInput['kind']) =>
    bounded.kept.filter((input): input is InvoiceInput => 'kind' in input && input.kind === kind);
  const invoices = await planInvoiceUpserts(deps, tx, ctx, ofKind('invoice'));
  const creditNotes = await planInvoiceUpserts(deps, tx, ctx, ofKind('credit_note'));
  const payments = await planPaymentUpserts(
    deps,
    tx,
    ctx,
    bounded.kept.filter((input): input is PaymentInput => !('kind' in input)),
  );
  countOutcomes(outcomes.invoices, invoices.outcomes);
  countOutcomes(outcomes.creditNotes, creditNotes.outcomes);
  countOutcomes(outcomes.payments, payments.outcomes);
  const refused = [
    ...bounded.issues,
    ...invoices.issues,
    ...creditNotes.issues,
    ...payments.issues,
  ];

  const refusedLines = new Set(refused.map((issue) => issue.line));
  const usable = new Set(
    [
      ...books.invoices.map(
        (item) => [itemName('invoice', item.number), item.source.line] as const,
      ),
      ...books.creditNotes.map(
        (item) => [itemName('credit_note', item.number), item.source.line] as const,
      ),
      ...books.payments.map(
        (item) => [itemName('payment', item.reference), item.source.line] as const,
      ),
    ].flatMap(([name, line]) => (refusedLines.has(line) ? [] : [name])),
  );
  const lettered = books.allocations.filter(
    (allocation) =>
      usable.has(itemName('invoice', allocation.invoiceNumber)) &&
      usable.has(sourceName(allocation)),
  );
  const allocations = await planKeyedAllocations(deps, tx, ctx, lettered.map(keyedRequest), {
    created: {
      invoices: [...invoices.created, ...creditNotes.created],
      payments: payments.created,
    },
    revised: [...invoices.revised, ...creditNotes.revised],
    kept: { invoices: [...invoices.kept, ...creditNotes.kept], payments: payments.kept },
  });
  await invoices.write(allocations.settled.invoices);
  await creditNotes.write(allocations.settled.invoices);
  await payments.write(allocations.settled.payments);
  await allocations.write();
  const notices: Issue[] = [];
  allocations.results.forEach((result, index) => {
    const allocation = lettered[index];
    if (allocation === undefined || result.outcome === 'refused') {
      return;
    }
    if (result.outcome !== 'nothing_left') {
      outcomes.allocations[result.outcome] += 1;
    }
    const allocated = result.outcome === 'created' ? result.amountCents : 0;
    if (result.outcome !== 'unchanged' && allocated < allocation.amountCents) {
      notices.push(reducedNotice(allocation, allocated));
    }
  });
  return { ...outcomes, errors: [...refused, ...allocations.issues], notices };
}

/**
 * The plan's items by slices of whole customers, each of about `TABLE_BATCH_RECORDS`
 * items (a customer with more is a slice of its own), with the allocations between
 * them merged by pair (`mergePairs`).
 */
function booksInSlices(plan: FecPlan): CustomerBooks[] {
  const byCustomer = new Map<string, CustomerBooks>();
  const booksOf = (code: string): CustomerBooks => {
    let books = byCustomer.get(code);
    if (books === undefined) {
      books = { invoices: [], creditNotes: [], payments: [], allocations: [] };
      byCustomer.set(code, books);
    }
    return books;
  };
  for (const item of plan.invoices) {
    booksOf(item.customerCode).invoices.push(item);
  }
  for (const item of plan.creditNotes) {
    booksOf(item.customerCode).creditNotes.push(item);
  }
  for (const item of plan.payments) {
    booksOf(item.customerCode).payments.push(item);
  }
  for (const item of mergePairs(plan.allocations)) {
    booksOf(item.customerCode).allocations.push(item);
  }
  const groups: CustomerBooks[][] = [];
  let size = TABLE_BATCH_RECORDS;
  for (const books of byCustomer.values()) {
    if (size >= TABLE_BATCH_RECORDS) {
      groups.push([]);
      size = 0;
    }
    groups.at(-1)?.push(books);
    size += sizeOf(books);
  }
  return groups.map((group) => ({
    invoices: group.flatMap((books) => books.invoices),
    creditNotes: group.flatMap((books) => books.creditNotes),
    payments: group.flatMap((books) => books.payments),
    allocations: group.flatMap((books) => books.allocations),
  }));
}

function sizeOf(books: CustomerBooks): number {
  return (
    books.invoices.length +
    books.creditNotes.length +
    books.payments.length +
    books.allocations.length
  );
}

type CustomerIds = ReadonlyMap<string, { id: string; paymentTerms: string }>;

/**
 * The ledger's inputs for invoices or credit notes: due by the customer's terms, or by
 * the due date already stored (the FEC has none of its own).
 */
function documentInputs(
  documents: readonly (PlannedInvoice | PlannedCreditNote)[],
  kind: InvoiceInput['kind'],
  customers: CustomerIds,
): InvoiceInput[] {
  return documents.flatMap((document) => {
    const customer = customers.get(document.customerCode);
    if (customer === undefined) {
      return [];
    }
    const terms = parsePaymentTerms(customer.paymentTerms);
    return [
      {
        line: document.source.line,
        customerId: customer.id,
        kind,
        number: document.number,
        issueDate: document.issueDate,
        dueDate: terms ? computeDueDate(document.issueDate, terms) : document.issueDate,
        keepsStoredDueDate: true,
        amountCents: document.amountCents,
        currency: document.currency,
        sourceKey: document.source.key,
      },
    ];
  });
}

function paymentInputs(
  payments: readonly PlannedPayment[],
  customers: CustomerIds,
): PaymentInput[] {
  return payments.flatMap((payment) => {
    const customer = customers.get(payment.customerCode);
    return customer === undefined
      ? []
      : [
          {
            line: payment.source.line,
            customerId: customer.id,
            reference: payment.reference,
            receivedOn: payment.receivedOn,
            amountCents: payment.amountCents,
            currency: payment.currency,
            method: 'transfer',
            sourceKey: payment.source.key,
          },
        ];
  });
}

function keyedRequest(allocation: PlannedAllocation): KeyedAllocationRequest {
  return {
    line: allocation.line,
    invoiceNumber: allocation.invoiceNumber,
    from:
      allocation.from.kind === 'payment'
        ? { paymentReference: allocation.from.reference }
        : { creditNoteNumber: allocation.from.number },
    atMostCents: allocation.amountCents,
    allocatedOn: allocation.allocatedOn,
  };
}

function sourceName(allocation: PlannedAllocation): string {
  return allocation.from.kind === 'payment'
    ? itemName('payment', allocation.from.reference)
    : itemName('credit_note', allocation.from.number);
}

/**
 * One allocation per invoice and source: a credit note whose lines are lettered with
 * an invoice under two letters allocates once, their sum, on the later date.
 */
function mergePairs(allocations: readonly PlannedAllocation[]): PlannedAllocation[] {
  const merged = new Map<string, PlannedAllocation>();
  for (const allocation of allocations) {
    const key = `${allocation.invoiceNumber}\u0000${sourceName(allocation)}`;
    const known = merged.get(key);
    if (known === undefined) {
      merged.set(key, { ...allocation });
    } else {
      known.amountCents = addCents(known.amountCents, allocation.amountCents);
      known.allocatedOn = maxDate(known.allocatedOn, allocation.allocatedOn);
    }
  }
  return [...merged.values()];
}

function reducedNotice(allocation: PlannedAllocation, allocated: number): Issue {
  const source =
    allocation.from.kind === 'payment' ? allocation.from.reference : allocation.from.number;
  return fieldIssue(
    'EcritureLet',
    'fec_allocation_reduced',
    {
      letter: allocation.letter,
      customer: allocation.customerCode,
      planned: allocation.amountCents,
      source,
      number: allocation.invoiceNumber,
      allocated,
      currency: allocation.currency,
    },
    allocation.line,
  );
}

/**
 * The items earlier FECs of the file's period gave that the file no longer names, as
 * notices (at most `MAX_FEC_ISSUES`, then a count): they stay in the ledger, since an
 * entry deleted in the books may have been paid, dunned or disputed here meanwhile.
 */
async function findAbsentItems(
  tx: Queryable,
  ctx: Ctx,
  prepared: Extract<PreparedFec, { ok: true }>,
): Promise<Issue[]> {
  if (prepared.period === undefined) {
    return [];
  }
  const absent = (await listSourcedItems(tx, ctx, prepared.period)).filter(
    (item) => !prepared.named.has(itemName(item.kind, item.key)),
  );
  const notices = absent.slice(0, MAX_FEC_ISSUES).map((item) =>
    fieldIssue('file', 'fec_item_absent', {
      number: item.key,
      date: item.date,
      amount: item.amountCents,
      currency: item.currency,
      source: item.sourceKey,
      ...(item.kind === 'invoice' ? {} : { context: item.kind }),
    }),
  );
  if (absent.length > MAX_FEC_ISSUES) {
    notices.push(
      fieldIssue('file', 'fec_too_many_absent', { count: absent.length, shown: MAX_FEC_ISSUES }),
    );
  }
  return notices;
}
