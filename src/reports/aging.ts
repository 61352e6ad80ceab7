/**
 * The aged balance (*balance âgée*): each customer's open items at an as-of date, sorted
 * into buckets by how many days past due they are, with credit notes not yet applied and
 * unapplied cash in their own columns (never netted silently), and the net beside them
 * (the encours, docs/formulas.md "Encours").
 *
 * Days past due follow the ledger's rule (`daysLate`, src/ledger/balances.ts): an invoice
 * due on the as-of date is not yet late; due the day before, it is 1 day late.
 *
 * Pure (HOUSE_STYLE §3): the items and the as-of date come in as arguments.
 */
import { daysBetween, type CalendarDate } from '../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../shared/errors.ts';
import { addCents, cents, subtractCents, ZERO_CENTS, type Cents } from '../shared/money.ts';

/**
 * The upper bounds, in days past due, of the late buckets but the last, which has no
 * upper bound: `[30, 60, 90]` gives "not yet due", 1–30, 31–60, 61–90 and over 90.
 */
export const DEFAULT_AGING_BOUNDS: readonly number[] = [30, 60, 90];

/**
 * One column of the aged balance, as a range of days past due (both ends included):
 * "not yet due" is 0–0, "1–30" is 1–30, "over 90" is 91 with no upper bound (`null`).
 */
export type AgingBucket = { readonly minDaysLate: number; readonly maxDaysLate: number | null };

/**
 * Checks a list of bucket bounds, returning every broken rule at once with a stable code
 * (as `checkAllocation`): `aging_buckets_empty`, then for each bound that is not a whole
 * number `aging_bucket_not_integer`, not above zero `aging_bucket_not_positive`, not
 * above the one before it `aging_buckets_not_increasing`. Empty when the list is valid.
 */
export function checkAgingBounds(bounds: readonly number[], field = 'buckets'): Issue[] {
  if (bounds.length === 0) {
    return [fieldIssue(field, 'aging_buckets_empty')];
  }
  const issues: Issue[] = [];
  bounds.forEach((bound, index) => {
    const path = `${field}.${index}`;
    if (!Number.isSafeInteger(bound)) {
      issues.push(fieldIssue(path, 'aging_bucket_not_integer', { bound }));
    } else if (bound <= 0) {
      issues.push(fieldIssue(path, 'aging_bucket_not_positive', { bound }));
    }
    const previous = bounds[index - 1];
    if (previous !== undefined && !(bound > previous)) {
      issues.push(fieldIssue(path, 'aging_buckets_not_increasing', { bound, previous }));
    }
  });
  return issues;
}

/**
 * The columns the bounds make, "not yet due" first and the open-ended one last
 * (`[30, 60, 90]` → 0–0, 1–30, 31–60, 61–90, 91+). Throws a RangeError on bounds that
 * `checkAgingBounds` refuses: the edges check them first and answer 400.
 */
export function agingBuckets(bounds: readonly number[]): AgingBucket[] {
  assertValidBounds(bounds);
  const buckets: AgingBucket[] = [{ minDaysLate: 0, maxDaysLate: 0 }];
  let from = 1;
  for (const bound of bounds) {
    buckets.push({ minDaysLate: from, maxDaysLate: bound });
    from = bound + 1;
  }
  buckets.push({ minDaysLate: from, maxDaysLate: null });
  return buckets;
}

/**
 * Days an item due on `dueDate` is past due at `asOf`: 0 when due on or after `asOf`
 * (an invoice due today is not late, as `daysLate` in src/ledger/balances.ts).
 */
export function daysPastDue(dueDate: CalendarDate, asOf: CalendarDate): number {
  return Math.max(0, daysBetween(dueDate, asOf));
}

/**
 * The index in `agingBuckets(bounds)` of an invoice due on `dueDate`, at `asOf`: 0 for
 * not yet due; with the default bounds 30 days late is bucket 1 (1–30), 31 is bucket 2.
 */
export function agingBucketIndex(
  dueDate: CalendarDate,
  asOf: CalendarDate,
  bounds: readonly number[],
): number {
  assertValidBounds(bounds);
  const late = daysPastDue(dueDate, asOf);
  if (late === 0) {
    return 0;
  }
  const index = bounds.findIndex((bound) => late <= bound);
  return index < 0 ? bounds.length + 1 : index + 1;
}

/**
 * What the aged balance needs of an open item, whatever else the caller's item carries:
 * an invoice's open amount and due date, a credit note's open amount (*avoir non imputé*),
 * or a payment's unapplied cash (*paiement non affecté*). Amounts are positive.
 */
export type AgingItem =
  | {
      readonly kind: 'invoice';
      readonly currency: string;
      readonly dueDate: CalendarDate;
      readonly openCents: Cents;
    }
  | { readonly kind: 'credit_note'; readonly currency: string; readonly openCents: Cents }
  | { readonly kind: 'unapplied_cash'; readonly currency: string; readonly openCents: Cents };

/**
 * The cell of the aged balance an item falls in, for the drill-down from a cell to the
 * documents behind it: an invoice's bucket, or the credit-note or unapplied-cash column.
 */
export type AgingCell =
  | { readonly column: 'bucket'; readonly index: number }
  | { readonly column: 'credit_notes' }
  | { readonly column: 'unapplied_cash' };

/** The cell of `agingRows` that `item` adds to, at `asOf`. */
export function agingCellOf(
  item: AgingItem,
  asOf: CalendarDate,
  bounds: readonly number[],
): AgingCell {
  switch (item.kind) {
    case 'invoice':
      return { column: 'bucket', index: agingBucketIndex(item.dueDate, asOf, bounds) };
    case 'credit_note':
      return { column: 'credit_notes' };
    case 'unapplied_cash':
      return { column: 'unapplied_cash' };
  }
  return unreachable(item);
}

/**
 * One row of the aged balance: a group of the caller's choosing (a customer, a collector,
 * a risk category) in one currency.
 * - `buckets[i]` is the open invoices of bucket `i` of `agingBuckets(bounds)`;
 * - `invoicesOpen` their sum; `creditNotesOpen` and `unappliedCash` their own columns;
 * - `net` = invoicesOpen − creditNotesOpen − unappliedCash (the encours; may be negative).
 */
export type AgingRow = {
  readonly key: string;
  readonly currency: string;
  readonly buckets: readonly Cents[];
  readonly invoicesOpen: Cents;
  readonly creditNotesOpen: Cents;
  readonly unappliedCash: Cents;
  readonly net: Cents;
};

/**
 * Amounts already summed per bucket and column (the ledger's sums of a customer, or one
 * item's), under a group key and a currency: what `agingRowsOfSums` adds into rows.
 */
export type AgingSum = {
  readonly key: string;
  readonly currency: string;
  /** One amount per bucket of `agingBuckets`, "not yet due" first. */
  readonly buckets: readonly Cents[];
  readonly creditNotesOpen: Cents;
  readonly unappliedCash: Cents;
};

/**
 * The rows of the aged balance at `asOf`: the items grouped by `keyOf(item)` **and** their
 * currency (amounts in two currencies are never added), sorted by key then currency.
 * Items with nothing open (0) are left out; a negative open amount is a bug and throws.
 */
export function agingRows<T extends AgingItem>(
  items: readonly T[],
  keyOf: (item: T) => string,
  asOf: CalendarDate,
  bounds: readonly number[] = DEFAULT_AGING_BOUNDS,
): AgingRow[] {
  const columns = agingBuckets(bounds).length;
  return agingRowsOfSums(
    items.map((item) => {
      if (item.openCents < 0) {
        throw new RangeError(`An open amount is never negative: ${item.openCents}`);
      }
      const row = emptyRow(keyOf(item), item.currency, columns);
      addToRow(row, agingCellOf(item, asOf, bounds), item.openCents);
      return row;
    }),
    columns,
  );
}

/**
 * The rows of sums already placed in their buckets (the ledger's, as `agingThresholds`
 * asks it for them), added up by key and currency as `agingRows` groups items; `columns`
 * is the number of buckets. A group whose every amount is zero is left out.
 */
export function agingRowsOfSums(sums: readonly AgingSum[], columns: number): AgingRow[] {
  const rows = new Map<string, MutableRow>();
  for (const sum of sums) {
    if (sum.buckets.length !== columns) {
      throw new RangeError(`Sums of ${sum.buckets.length} buckets where ${columns} were asked`);
    }
    // NUL separates: neither a key nor a currency code holds one.
    const rowKey = `${sum.key}\u0000${sum.currency}`;
    const row = rows.get(rowKey) ?? emptyRow(sum.key, sum.currency, columns);
    rows.set(rowKey, row);
    sum.buckets.forEach((amount, index) => {
      row.buckets[index] = addCents(row.buckets[index] ?? ZERO_CENTS, amount);
    });
    row.creditNotesOpen = addCents(row.creditNotesOpen, sum.creditNotesOpen);
    row.unappliedCash = addCents(row.unappliedCash, sum.unappliedCash);
  }
  return [...rows.values()]
    .filter(
      (row) =>
        row.creditNotesOpen !== 0 ||
        row.unappliedCash !== 0 ||
        row.buckets.some((amount) => amount !== 0),
    )
    .sort(compareRows)
    .map(finishRow);
}

/**
 * The first day past due of each late bucket, for a database that counts buckets itself
 * (`width_bucket(days past due, thresholds)`): `[30, 60, 90]` → `[1, 31, 61, 91]`, so that
 * 0 days (not yet due) is bucket 0, 1–30 days bucket 1, … and 91 or more the last — the
 * buckets of `agingBucketIndex`. Throws a RangeError on bounds the check refuses.
 */
export function agingThresholds(bounds: readonly number[]): number[] {
  assertValidBounds(bounds);
  return [1, ...bounds.map((bound) => bound + 1)];
}

/**
 * The totals of aged-balance rows: one row per currency (key `''`), each column the sum
 * of the rows in that currency, sorted by currency. All rows must have the same buckets.
 */
export function agingTotals(rows: readonly AgingRow[]): AgingRow[] {
  const totals = new Map<string, MutableRow>();
  for (const row of rows) {
    const total = totals.get(row.currency) ?? emptyRow('', row.currency, row.buckets.length);
    if (total.buckets.length !== row.buckets.length) {
      throw new RangeError('Aged-balance rows with different buckets cannot be totalled');
    }
    totals.set(row.currency, total);
    row.buckets.forEach((amount, index) => {
      total.buckets[index] = addCents(total.buckets[index] ?? ZERO_CENTS, amount);
    });
    total.creditNotesOpen = addCents(total.creditNotesOpen, row.creditNotesOpen);
    total.unappliedCash = addCents(total.unappliedCash, row.unappliedCash);
  }
  return [...totals.values()].sort(compareRows).map(finishRow);
}

/**
 * What a document (an invoice, a credit note, a payment) had left open at `asOf`, as the
 * ledger stood that day: `undefined` when it was not yet issued (or received) on `asOf`;
 * else its amount less the allocations (*lettrages*) live on `asOf` — made on or before
 * it, and not undone on or before it (an allocation undone on day U was live until U − 1).
 */
export function openAmountAsOf(
  document: { readonly date: CalendarDate; readonly amountCents: Cents },
  allocations: readonly {
    readonly amountCents: Cents;
    readonly allocatedOn: CalendarDate;
    readonly undoneOn: CalendarDate | null;
  }[],
  asOf: CalendarDate,
): Cents | undefined {
  if (document.date > asOf) {
    return undefined;
  }
  return allocations
    .filter((allocation) => allocation.allocatedOn <= asOf)
    .filter((allocation) => allocation.undoneOn === null || allocation.undoneOn > asOf)
    .reduce(
      (open, allocation) => subtractCents(open, allocation.amountCents),
      document.amountCents,
    );
}

type MutableRow = {
  key: string;
  currency: string;
  buckets: Cents[];
  creditNotesOpen: Cents;
  unappliedCash: Cents;
};

function emptyRow(key: string, currency: string, columns: number): MutableRow {
  return {
    key,
    currency,
    buckets: Array.from({ length: columns }, () => ZERO_CENTS),
    creditNotesOpen: ZERO_CENTS,
    unappliedCash: ZERO_CENTS,
  };
}

function addToRow(row: MutableRow, cell: AgingCell, amount: Cents): void {
  switch (cell.column) {
    case 'bucket':
      row.buckets[cell.index] = addCents(row.buckets[cell.index] ?? ZERO_CENTS, amount);
      return;
    case 'credit_notes':
      row.creditNotesOpen = addCents(row.creditNotesOpen, amount);
      return;
    case 'unapplied_cash':
      row.unappliedCash = addCents(row.unappliedCash, amount);
      return;
  }
  unreachable(cell);
}

function finishRow(row: MutableRow): AgingRow {
  const invoicesOpen = row.buckets.reduce(addCents, ZERO_CENTS);
  return {
    ...row,
    invoicesOpen,
    net: cents(invoicesOpen - row.creditNotesOpen - row.unappliedCash),
  };
}

function compareRows(a: MutableRow, b: MutableRow): number {
  if (a.key !== b.key) {
    return a.key < b.key ? -1 : 1;
  }
  return a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0;
}

function assertValidBounds(bounds: readonly number[]): void {
  const issues = checkAgingBounds(bounds);
  if (issues.length > 0) {
    throw new RangeError(issues.map((issue) => issue.message).join('; '));
  }
}

// After an exhaustive switch the value is `never`; this fails loudly if one escapes the union.
function unreachable(value: never): never {
  throw new RangeError(`Unknown aged-balance item: ${JSON.stringify(value)}`);
}
