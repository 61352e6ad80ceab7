/**
 * The dispute reports' SQL (tables `dispute`, `dispute_invoice`, `department`): each part of
 * the report is one grouped statement, whatever the number of disputes; the rules of
 * report-model.ts fold the few rows they give. Every statement filters on the company.
 *
 * « Open on `asOf` »: raised on or before it, and not resolved by the end of it.
 */
import { sql, type RawBuilder } from 'kysely';
import { arrayParameter } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { cents, type Cents } from '../shared/money.ts';
import {
  AGE_BUCKET_STARTS,
  AGE_BUCKETS,
  RECURRING_MIN_COUNT,
  RECURRING_TOP,
  type OpenDisputeGroup,
  type ReportDepartment,
  type ResolvedDisputeGroup,
} from './report-model.ts';

/** `d` (a dispute) open at the end of `asOf`. */
function isOpenOn(asOf: CalendarDate): RawBuilder<unknown> {
  return sql`d.raised_on <= ${asOf}::date AND (d.resolved_on IS NULL OR d.resolved_on > ${asOf}::date)`;
}

type DepartmentColumns = {
  department_id: string | null;
  department_code: string | null;
  department_name: string | null;
};

function departmentOf(row: DepartmentColumns): ReportDepartment | null {
  return row.department_id === null
    ? null
    : { id: row.department_id, code: row.department_code ?? '', name: row.department_name ?? '' };
}

/**
 * The disputes open on `asOf`, counted and summed by cause, department, currency, age class
 * (`width_bucket` over `AGE_BUCKET_STARTS`) and whether their deadline passed.
 */
export async function groupOpenDisputes(
  q: Queryable,
  companyId: string,
  asOf: CalendarDate,
): Promise<OpenDisputeGroup[]> {
  const { rows } = await sql<
    DepartmentColumns & {
      cause: string;
      currency: string;
      bucket: number;
      is_overdue: boolean;
      count: number;
      amount_cents: number;
    }
  >`
    SELECT d.cause, d.currency, d.department_id,
      dep.code AS department_code, dep.name AS department_name,
      width_bucket(${asOf}::date - d.raised_on, ${arrayParameter(AGE_BUCKET_STARTS, 'integer')}) AS bucket,
      d.deadline < ${asOf}::date AS is_overdue,
      count(*)::bigint AS count, sum(d.amount_cents)::bigint AS amount_cents
    FROM dispute d
    LEFT JOIN department dep ON dep.company_id = d.company_id AND dep.id = d.department_id
    WHERE d.company_id = ${companyId} AND ${isOpenOn(asOf)}
    GROUP BY d.cause, d.currency, d.department_id, dep.code, dep.name, 6, 7`.execute(q);
  return rows.map((row) => ({
    cause: row.cause,
    department: departmentOf(row),
    currency: row.currency,
    bucket: AGE_BUCKETS[row.bucket] ?? '61+',
    isOverdue: row.is_overdue,
    count: row.count,
    amountCents: cents(row.amount_cents),
  }));
}

/**
 * The disputes resolved from `from` to `asOf` (both included), counted by cause and the
 * department they were routed to when resolved, with their days from raised to resolved.
 */
export async function groupResolvedDisputes(
  q: Queryable,
  companyId: string,
  window: { from: CalendarDate; asOf: CalendarDate },
): Promise<ResolvedDisputeGroup[]> {
  const { rows } = await sql<
    DepartmentColumns & { cause: string; count: number; total_days: number }
  >`
    SELECT d.cause, d.department_id, dep.code AS department_code, dep.name AS department_name,
      count(*)::bigint AS count, sum(d.resolved_on - d.raised_on)::bigint AS total_days
    FROM dispute d
    LEFT JOIN department dep ON dep.company_id = d.company_id AND dep.id = d.department_id
    WHERE d.company_id = ${companyId}
      AND d.resolved_on >= ${window.from}::date AND d.resolved_on <= ${window.asOf}::date
    GROUP BY d.cause, d.department_id, dep.code, dep.name`.execute(q);
  return rows.map((row) => ({
    cause: row.cause,
    department: departmentOf(row),
    count: row.count,
    totalDays: row.total_days,
  }));
}

/** An invoice of a dispute open on `asOf`, with its disputed part (null: all that is open). */
export type OpenDisputedInvoice = {
  disputeId: string;
  invoiceId: string;
  currency: string;
  disputedCents: Cents | null;
};

/** The invoices of the disputes open on `asOf`, in one statement. */
export async function listOpenDisputedInvoices(
  q: Queryable,
  companyId: string,
  asOf: CalendarDate,
): Promise<OpenDisputedInvoice[]> {
  const { rows } = await sql<{
    dispute_id: string;
    invoice_id: string;
    currency: string;
    disputed_cents: number | null;
  }>`
    SELECT d.id AS dispute_id, di.invoice_id, d.currency, di.disputed_cents
    FROM dispute d
    JOIN dispute_invoice di ON di.company_id = d.company_id AND di.dispute_id = d.id
    WHERE d.company_id = ${companyId} AND ${isOpenOn(asOf)}`.execute(q);
  return rows.map((row) => ({
    disputeId: row.dispute_id,
    invoiceId: row.invoice_id,
    currency: row.currency,
    disputedCents: row.disputed_cents === null ? null : cents(row.disputed_cents),
  }));
}

/** A cause that came back for one customer or sales rep, over the window. */
export type RecurringGroup<Key extends string> = Record<Key, string> & {
  cause: string;
  currency: string;
  count: number;
  amountCents: Cents;
};

/**
 * The (customer, cause) pairs with `RECURRING_MIN_COUNT` disputes or more raised from
 * `from` to `asOf`, the `RECURRING_TOP` with the most (then the larger amount).
 */
export async function listRecurringByCustomer(
  q: Queryable,
  companyId: string,
  window: { from: CalendarDate; asOf: CalendarDate },
): Promise<RecurringGroup<'customerId'>[]> {
  const rows = await recurringBy(q, companyId, window, sql.ref('d.customer_id'));
  return rows.map(({ key, ...row }) => ({ customerId: key, ...row }));
}

/** The same per sales rep (as the customer's was when each dispute was opened). */
export async function listRecurringBySalesRep(
  q: Queryable,
  companyId: string,
  window: { from: CalendarDate; asOf: CalendarDate },
): Promise<RecurringGroup<'salesRep'>[]> {
  const rows = await recurringBy(q, companyId, window, sql.ref('d.sales_rep'));
  return rows.map(({ key, ...row }) => ({ salesRep: key, ...row }));
}

async function recurringBy(
  q: Queryable,
  companyId: string,
  window: { from: CalendarDate; asOf: CalendarDate },
  key: RawBuilder<unknown>,
): Promise<RecurringGroup<'key'>[]> {
  const { rows } = await sql<{
    key: string;
    cause: string;
    currency: string;
    count: number;
    amount_cents: number;
  }>`
    SELECT ${key}::text AS key, d.cause, d.currency,
      count(*)::bigint AS count, sum(d.amount_cents)::bigint AS amount_cents
    FROM dispute d
    WHERE d.company_id = ${companyId} AND ${key} IS NOT NULL
      AND d.raised_on >= ${window.from}::date AND d.raised_on <= ${window.asOf}::date
    GROUP BY ${key}, d.cause, d.currency
    HAVING count(*) >= ${RECURRING_MIN_COUNT}
    ORDER BY count(*) DESC, sum(d.amount_cents) DESC, 1, d.cause, d.currency
    LIMIT ${RECURRING_TOP}`.execute(q);
  return rows.map((row) => ({
    key: row.key,
    cause: row.cause,
    currency: row.currency,
    count: row.count,
    amountCents: cents(row.amount_cents),
  }));
}
