/**
 * The ledger's side of the aged balance (*balance âgée*, issue 11, docs/formulas.md « Aged
 * balance »): what each customer had open on a date, as the ledger stood that day, summed
 * per currency and bucket in one statement. The buckets themselves are the reports' rule
 * (src/reports/aging.ts); this door only applies the thresholds it is given.
 *
 * As of a date D, a document issued (a payment received) on or before D had open its amount
 * less the allocations live on D: made on or before D and not undone on or before D. The
 * statement starts from what is open now (`open_cents`, `unapplied_cents`, kept by the
 * ledger) and undoes what changed after D, so that today costs a scan of the open items
 * only and a past date adds the allocations made or undone since:
 *
 *     open on D = open now + Σ allocations live now but made after D
 *                          − Σ allocations live on D but undone since
 */
import { sql } from 'kysely';
import type { Ctx } from '../app/context.ts';
import { requirePermission } from '../app/permissions.ts';
import type { Queryable } from '../db/client.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { cents, type Cents } from '../shared/money.ts';

/** A customer's open items in one currency on a date, per bucket and column. */
export type AgedBalanceSum = {
  customerId: string;
  currency: string;
  /**
   * The open invoices of each bucket: `buckets[k]` those `k` of the thresholds reach (0: not
   * yet due), one more than the thresholds.
   */
  buckets: Cents[];
  creditNotesOpen: Cents;
  unappliedCash: Cents;
};

/** The sums of an aged balance: its customers' (a page of them, or all), and the totals. */
export type AgedBalanceSums = {
  sums: AgedBalanceSum[];
  /** How many customer × currency sums there are in all, before the page. */
  count: number;
  /** One per currency, over every customer (`customerId` empty). */
  totals: AgedBalanceSum[];
};

/** How the customers are ordered: most open first, or most overdue first; `limit` (null: all). */
export type AgedBalancePage = { order: 'open' | 'overdue'; limit: number | null };

/**
 * What each customer had open on `asOf`, per currency: its invoices by bucket, its credit
 * notes not yet applied, its unapplied cash; all of them, or the `page` asked (ordered and
 * cut by the database, so that the largest balances of 100,000 customers cost no transfer
 * of the others); and the totals per currency of every customer. `thresholds` are the first
 * day past due of each late bucket, increasing (`[1, 31, 61, 91]` for the default buckets):
 * an invoice `d` days past due on `asOf` (`asOf − due date`) is in bucket
 * `width_bucket(d, thresholds)`, the number of thresholds `≤ d`. Customers with nothing
 * open are left out.
 *
 * Two statements: whether any allocation was made or undone after `asOf`; then the sums,
 * from the open items alone when none was (today, as a rule: an index-only scan of the
 * open items), else with each changed document's delta joined to it (a past date).
 */
export async function agedBalanceSums(
  q: Queryable,
  ctx: Ctx,
  input: {
    asOf: CalendarDate;
    thresholds: readonly number[];
    /** Only this currency's sums. */
    currency?: string | undefined;
    page?: AgedBalancePage | undefined;
  },
): Promise<AgedBalanceSums> {
  requirePermission(ctx, 'ledger:read');
  const { asOf, thresholds } = input;
  const companyId = ctx.companyId;
  const date = sql`${asOf}::date`;
  const bounds = sql`${`{${thresholds.join(',')}}`}::int[]`;
  const { rows: moved } = await sql<{ moved: boolean }>`
    SELECT EXISTS (
      SELECT 1 FROM allocation
      WHERE company_id = ${companyId} AND undone_at IS NULL AND allocated_on > ${date}
    ) OR EXISTS (
      SELECT 1 FROM allocation WHERE company_id = ${companyId} AND undone_on > ${date}
    ) AS moved
  `.execute(q);
  const isMoved = moved[0]?.moved === true;
  const columns = thresholds.length + 1;
  const inCurrency = (alias: 'i' | 'p') =>
    input.currency === undefined
      ? sql``
      : sql`AND ${sql.ref(`${alias}.currency`)} = ${input.currency}`;
  const names = Array.from({ length: columns }, (_, k) => sql.ref(`b${k}`));
  const list = (parts: ReturnType<typeof sql>[], separator = sql`, `) => sql.join(parts, separator);
  // What each allocation made or undone since the date changes on the document on its
  // `column` side: added back when made after the date, taken off again when it was live on
  // it and undone since. Summed with what is open now, per customer and bucket, without
  // ever summing per document: a document's zero adds nothing.
  const movedOn = (column: 'invoice_id' | 'credit_note_id' | 'payment_id') => sql`
    SELECT ${sql.ref(column)} AS document_id,
      CASE WHEN undone_at IS NULL THEN amount_cents ELSE -amount_cents END AS delta
    FROM allocation
    WHERE company_id = ${companyId} AND ${sql.ref(column)} IS NOT NULL
      AND ((undone_at IS NULL AND allocated_on > ${date})
        OR (undone_on > ${date} AND allocated_on <= ${date}))`;
  const invoices = sql`
    SELECT i.customer_id, i.currency, i.kind, i.due_date, i.open_cents AS open
    FROM invoice AS i
    WHERE i.company_id = ${companyId} AND i.open_cents > 0 AND i.issue_date <= ${date}
      ${inCurrency('i')}
    ${
      isMoved
        ? sql`UNION ALL
    SELECT i.customer_id, i.currency, i.kind, i.due_date, m.delta
    FROM (${movedOn('invoice_id')} UNION ALL ${movedOn('credit_note_id')}) AS m
    JOIN invoice AS i ON i.company_id = ${companyId} AND i.id = m.document_id
    WHERE i.issue_date <= ${date} ${inCurrency('i')}`
        : sql``
    }`;
  const payments = sql`
    SELECT p.customer_id, p.currency, p.unapplied_cents AS open
    FROM payment AS p
    WHERE p.company_id = ${companyId} AND p.unapplied_cents > 0 AND p.received_on <= ${date}
      ${inCurrency('p')}
    ${
      isMoved
        ? sql`UNION ALL
    SELECT p.customer_id, p.currency, m.delta
    FROM (${movedOn('payment_id')}) AS m
    JOIN payment AS p ON p.company_id = ${companyId} AND p.id = m.document_id
    WHERE p.received_on <= ${date} ${inCurrency('p')}`
        : sql``
    }`;
  // The page's order, then the customer and currency: a page never depends on the plan.
  const order =
    input.page?.order === 'overdue'
      ? list(
          names.slice(1).map((name) => sql`${name}`),
          sql` + `,
        )
      : list(
          names.map((name) => sql`${name}`),
          sql` + `,
        );
  const limit =
    input.page === undefined || input.page.limit === null ? sql`ALL` : sql`${input.page.limit}`;
  const { rows } = await sql<{
    line: 'customer' | 'total';
    customer_id: string | null;
    currency: string;
    credit_notes: string;
    unapplied: string;
    row_count: number | null;
    [bucket: `b${number}`]: string;
  }>`
    WITH parts AS (
      SELECT o.customer_id, o.currency,
        ${list(names.map((name, k) => sql`coalesce(sum(o.open) FILTER (WHERE o.bucket = ${k}), 0) AS ${name}`))},
        coalesce(sum(o.open) FILTER (WHERE o.kind = 'credit_note'), 0) AS credit_notes,
        0::bigint AS unapplied
      FROM (
        SELECT d.customer_id, d.currency, d.kind, d.open,
          CASE WHEN d.kind = 'invoice' THEN width_bucket(${date} - d.due_date, ${bounds}) END
            AS bucket
        FROM (${invoices}) AS d
      ) AS o
      GROUP BY 1, 2
      UNION ALL
      SELECT c.customer_id, c.currency, ${list(names.map((name) => sql`0::bigint AS ${name}`))},
        0, sum(c.open)
      FROM (${payments}) AS c
      GROUP BY 1, 2
    ),
    customers AS (
      SELECT customer_id, currency, ${list(names.map((name) => sql`sum(${name}) AS ${name}`))},
        sum(credit_notes) AS credit_notes, sum(unapplied) AS unapplied
      FROM parts
      GROUP BY 1, 2
      HAVING ${list(
        names.map((name) => sql`sum(${name}) <> 0`),
        sql` OR `,
      )}
        OR sum(credit_notes) <> 0 OR sum(unapplied) <> 0
    )
    (
      SELECT 'customer' AS line, customer_id, currency,
        ${list(names.map((name) => sql`${name}::text AS ${name}`))},
        credit_notes::text AS credit_notes, unapplied::text AS unapplied,
        (count(*) OVER ())::int AS row_count
      FROM customers
      ORDER BY ${order} DESC, customer_id, currency
      LIMIT ${limit}
    )
    UNION ALL
    (
      SELECT 'total', NULL, currency, ${list(names.map((name) => sql`sum(${name})::text`))},
        sum(credit_notes)::text, sum(unapplied)::text, NULL
      FROM customers
      GROUP BY currency
    )
  `.execute(q);
  const sumOf = (row: (typeof rows)[number]): AgedBalanceSum => ({
    customerId: row.customer_id ?? '',
    currency: row.currency,
    buckets: names.map((_, k) => cents(Number(row[`b${k}`]))),
    creditNotesOpen: cents(Number(row.credit_notes)),
    unappliedCash: cents(Number(row.unapplied)),
  });
  const customers = rows.filter((row) => row.line === 'customer');
  return {
    sums: customers.map(sumOf),
    count: customers[0]?.row_count ?? 0,
    totals: rows.filter((row) => row.line === 'total').map(sumOf),
  };
}

/** Whether the company has an invoice or a credit note in `currency`. */
export async function companyUsesCurrency(
  q: Queryable,
  ctx: Ctx,
  currency: string,
): Promise<boolean> {
  requirePermission(ctx, 'ledger:read');
  const { rows } = await sql<{ used: boolean }>`
    SELECT EXISTS (
      SELECT 1 FROM invoice WHERE company_id = ${ctx.companyId} AND currency = ${currency}
    ) AS used
  `.execute(q);
  return rows[0]?.used === true;
}

/**
 * The day the company's first invoice or credit note was issued when it is after `date`
 * (a report as of `date` would be as of a ledger not started); null when one was issued on
 * or before it, or none at all. The usual answer costs one index probe: a document on or
 * before the date is found at once; the first date is looked for only when there is none.
 */
export async function firstDocumentDateAfter(
  q: Queryable,
  ctx: Ctx,
  date: CalendarDate,
): Promise<CalendarDate | null> {
  requirePermission(ctx, 'ledger:read');
  const { rows } = await sql<{ first: string | null }>`
    SELECT CASE
      WHEN EXISTS (
        SELECT 1 FROM invoice WHERE company_id = ${ctx.companyId} AND issue_date <= ${date}::date
      ) THEN NULL
      ELSE (SELECT min(issue_date)::text FROM invoice WHERE company_id = ${ctx.companyId})
    END AS first
  `.execute(q);
  return (rows[0]?.first ?? null) as CalendarDate | null;
}

/** What the DSO needs of one month, in one currency (issue 11, src/reports/dso.ts). */
export type MonthFigures = {
  /** The first day of the month. */
  month: CalendarDate;
  currency: string;
  /** Invoices less credit notes issued in the month, tax included (*CA TTC*). */
  salesCents: Cents;
  /** The invoices' open amounts at the month's last day, as the ledger stood that day. */
  receivablesCents: Cents;
  /** The part of `receivablesCents` not yet due then: due on or after the last day. */
  notDueCents: Cents;
};

/**
 * Sales, receivables and receivables not yet due for every month from `from` to `to` (first
 * days of months), per currency, in one statement: the running sums of each month's changes
 * (an invoice adds to the receivables from its issue month, and to the part not yet due
 * until the month its due date is passed in; an allocation on it takes its amount off from
 * the month it was made, or the invoice issued if later, until the month it was undone —
 * off the part not yet due only while the invoice was). The portfolio's changes are kept
 * by triggers, a few rows a month (`ledger_month_change`, ADR 24); one customer's are worked
 * out from its documents by the same SQL rules. Changes before `from` count in its month;
 * months without any change are absent.
 */
export async function monthFigures(
  q: Queryable,
  ctx: Ctx,
  input: { from: CalendarDate; to: CalendarDate; customerId?: string | undefined },
): Promise<MonthFigures[]> {
  requirePermission(ctx, 'ledger:read');
  const companyId = ctx.companyId;
  const from = sql`${input.from}::date`;
  const changes =
    input.customerId === undefined
      ? sql`SELECT currency, month, sales_cents, receivables_cents, not_due_cents
          FROM ledger_month_change WHERE company_id = ${companyId}`
      : sql`SELECT i.currency, e.*
          FROM invoice AS i
          CROSS JOIN LATERAL ledger_document_month_changes(i.kind, i.issue_date, i.due_date,
            i.amount_cents) AS e
          WHERE i.company_id = ${companyId} AND i.customer_id = ${input.customerId}::uuid
          UNION ALL
          SELECT i.currency, e.*
          FROM allocation AS a
          JOIN invoice AS i ON i.company_id = a.company_id AND i.id = a.invoice_id
          CROSS JOIN LATERAL ledger_allocation_month_changes(i.issue_date, i.due_date,
            a.allocated_on, a.undone_on, a.amount_cents) AS e
          WHERE a.company_id = ${companyId} AND i.customer_id = ${input.customerId}::uuid`;
  const rows = await sql<{
    month: string;
    currency: string;
    sales: string;
    receivables: string;
    not_due: string;
  }>`
    WITH by_month AS (
      SELECT greatest(month, ${from}) AS month, currency,
        coalesce(sum(sales_cents) FILTER (WHERE month >= ${from}), 0) AS sales,
        sum(receivables_cents) AS receivables, sum(not_due_cents) AS not_due
      FROM (${changes}) AS changes
      WHERE month <= ${input.to}::date
      GROUP BY 1, 2
    ),
    running AS (
      SELECT month, currency, sales,
        sum(receivables) OVER (PARTITION BY currency ORDER BY month) AS receivables,
        sum(not_due) OVER (PARTITION BY currency ORDER BY month) AS not_due
      FROM by_month
    )
    SELECT month::text, currency, sales::text, receivables::text,
      not_due::text
    FROM running
    ORDER BY currency, month
  `.execute(q);
  return rows.rows.map((row) => ({
    month: row.month as CalendarDate,
    currency: row.currency,
    salesCents: cents(Number(row.sales)),
    receivablesCents: cents(Number(row.receivables)),
    notDueCents: cents(Number(row.not_due)),
  }));
}
