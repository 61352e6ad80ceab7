import { sql, type Selectable } from 'kysely';
import type { Queryable } from '../db/client.ts';
import type { CustomerTable } from '../db/schema.ts';
import { daysBetween, type CalendarDate } from '../shared/calendar-date.ts';
import { cents, type Cents } from '../shared/money.ts';
import type {
  Address,
  Contact,
  ContactRole,
  Customer,
  CustomerBalance,
  CustomerStatus,
  CustomerWithContacts,
  PaymentMethod,
  RiskCategory,
} from './model.ts';
import type { CUSTOMER_SORTS } from './schemas.ts';

function toAddress(
  line1: string | null,
  line2: string | null,
  postalCode: string | null,
  city: string | null,
  country: string | null,
): Address {
  return { line1, line2, postalCode, city, country: country ?? 'FR' };
}

function toCustomer(row: Selectable<CustomerTable>): Customer {
  const hasDelivery =
    row.delivery_address_line1 !== null ||
    row.delivery_city !== null ||
    row.delivery_postal_code !== null;
  return {
    id: row.id,
    code: row.code,
    legalName: row.legal_name,
    siren: row.siren,
    siret: row.siret,
    vatNumber: row.vat_number,
    billingAddress: toAddress(
      row.billing_address_line1,
      row.billing_address_line2,
      row.billing_postal_code,
      row.billing_city,
      row.billing_country,
    ),
    deliveryAddress: hasDelivery
      ? toAddress(
          row.delivery_address_line1,
          row.delivery_address_line2,
          row.delivery_postal_code,
          row.delivery_city,
          row.delivery_country,
        )
      : null,
    paymentTerms: row.payment_terms,
    paymentMethod: row.payment_method as PaymentMethod,
    depositBps: row.deposit_bps,
    creditLimitCents: row.credit_limit_cents === null ? null : cents(row.credit_limit_cents),
    collectorUserId: row.collector_user_id,
    salesRep: row.sales_rep,
    riskCategory: row.risk_category as RiskCategory,
    status: row.status as CustomerStatus,
  };
}

function toRow(companyId: string, customer: Customer) {
  return {
    company_id: companyId,
    id: customer.id,
    code: customer.code,
    legal_name: customer.legalName,
    siren: customer.siren,
    siret: customer.siret,
    vat_number: customer.vatNumber,
    billing_address_line1: customer.billingAddress.line1,
    billing_address_line2: customer.billingAddress.line2,
    billing_postal_code: customer.billingAddress.postalCode,
    billing_city: customer.billingAddress.city,
    billing_country: customer.billingAddress.country,
    delivery_address_line1: customer.deliveryAddress?.line1 ?? null,
    delivery_address_line2: customer.deliveryAddress?.line2 ?? null,
    delivery_postal_code: customer.deliveryAddress?.postalCode ?? null,
    delivery_city: customer.deliveryAddress?.city ?? null,
    delivery_country: customer.deliveryAddress?.country ?? null,
    payment_terms: customer.paymentTerms,
    payment_method: customer.paymentMethod,
    deposit_bps: customer.depositBps,
    credit_limit_cents: customer.creditLimitCents,
    collector_user_id: customer.collectorUserId,
    sales_rep: customer.salesRep,
    risk_category: customer.riskCategory,
    status: customer.status,
  };
}

export async function insertCustomer(
  q: Queryable,
  companyId: string,
  customer: CustomerWithContacts,
): Promise<void> {
  await q.insertInto('customer').values(toRow(companyId, customer)).execute();
  await insertContacts(q, companyId, customer.id, customer.contacts);
}

export async function updateCustomerRow(
  q: Queryable,
  companyId: string,
  customer: CustomerWithContacts,
  now: Date,
): Promise<void> {
  const { company_id: _company, id: _id, ...fields } = toRow(companyId, customer);
  await q
    .updateTable('customer')
    .set({ ...fields, updated_at: now })
    .where('company_id', '=', companyId)
    .where('id', '=', customer.id)
    .execute();
  await q
    .deleteFrom('customer_contact')
    .where('company_id', '=', companyId)
    .where('customer_id', '=', customer.id)
    .execute();
  await insertContacts(q, companyId, customer.id, customer.contacts);
}

async function insertContacts(
  q: Queryable,
  companyId: string,
  customerId: string,
  contacts: readonly Contact[],
): Promise<void> {
  if (contacts.length === 0) {
    return;
  }
  await q
    .insertInto('customer_contact')
    .values(
      contacts.map((contact) => ({
        company_id: companyId,
        id: contact.id,
        customer_id: customerId,
        role: contact.role,
        name: contact.name,
        email: contact.email,
        phone: contact.phone,
      })),
    )
    .execute();
}

async function contactsOf(
  q: Queryable,
  companyId: string,
  customerIds: readonly string[],
): Promise<Map<string, Contact[]>> {
  const byCustomer = new Map<string, Contact[]>();
  if (customerIds.length === 0) {
    return byCustomer;
  }
  const rows = await q
    .selectFrom('customer_contact')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('customer_id', 'in', customerIds)
    .orderBy('customer_id')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const list = byCustomer.get(row.customer_id) ?? [];
    list.push({
      id: row.id,
      role: row.role as ContactRole,
      name: row.name,
      email: row.email,
      phone: row.phone,
    });
    byCustomer.set(row.customer_id, list);
  }
  return byCustomer;
}

export async function findCustomerById(
  q: Queryable,
  companyId: string,
  id: string,
): Promise<CustomerWithContacts | undefined> {
  const row = await q
    .selectFrom('customer')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) {
    return undefined;
  }
  const contacts = await contactsOf(q, companyId, [row.id]);
  return { ...toCustomer(row), contacts: contacts.get(row.id) ?? [] };
}

/** Customers by code, with their contacts: imports look up a whole file's codes at once. */
export async function findCustomersByCodes(
  q: Queryable,
  companyId: string,
  codes: readonly string[],
): Promise<Map<string, CustomerWithContacts>> {
  const found = new Map<string, CustomerWithContacts>();
  for (let start = 0; start < codes.length; start += 1000) {
    const chunk = codes.slice(start, start + 1000);
    const rows = await q
      .selectFrom('customer')
      .selectAll()
      .where('company_id', '=', companyId)
      .where('code', 'in', chunk)
      .execute();
    const contacts = await contactsOf(
      q,
      companyId,
      rows.map((row) => row.id),
    );
    for (const row of rows) {
      found.set(row.code, { ...toCustomer(row), contacts: contacts.get(row.id) ?? [] });
    }
  }
  return found;
}

export type CustomerListRow = {
  id: string;
  code: string;
  legalName: string;
  status: CustomerStatus;
  city: string | null;
  riskCategory: RiskCategory;
  collector: { id: string; displayName: string } | null;
  openCents: Cents;
  overdueCents: Cents;
  oldestOverdueDays: number | null;
};

export type CustomerListQuery = {
  search?: string | undefined;
  status?: CustomerStatus | undefined;
  sort: (typeof CUSTOMER_SORTS)[number];
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
  today: CalendarDate;
  currency: string;
};

/**
 * One page of customers with their open and overdue amounts at `today`.
 * Sorting by name or code pages the customers first and sums only that page's
 * open items; sorting by an amount must sum every customer's first.
 */
export async function listCustomerRows(
  q: Queryable,
  companyId: string,
  query: CustomerListQuery,
): Promise<{ rows: CustomerListRow[]; total: number }> {
  const pattern = query.search ? `%${query.search.replace(/[\\%_]/g, '\\$&')}%` : null;
  const filters = sql`c.company_id = ${companyId}
      ${pattern === null ? sql`` : sql`AND (c.legal_name ILIKE ${pattern} OR c.code ILIKE ${pattern} OR c.siren LIKE ${pattern})`}
      ${query.status === undefined ? sql`` : sql`AND c.status = ${query.status}`}`;
  const direction = query.order === 'desc' ? sql`DESC` : sql`ASC`;
  const nulls = query.order === 'desc' ? sql`NULLS LAST` : sql`NULLS FIRST`;
  const balance = sql`
      SELECT i.customer_id,
        sum(CASE WHEN i.kind = 'invoice' THEN i.open_cents ELSE -i.open_cents END)::bigint AS open_cents,
        coalesce(sum(i.open_cents) FILTER (WHERE i.kind = 'invoice' AND i.due_date < ${query.today}), 0)::bigint AS overdue_cents,
        min(i.due_date) FILTER (WHERE i.kind = 'invoice' AND i.due_date < ${query.today}) AS oldest_overdue
      FROM invoice i
      WHERE i.company_id = ${companyId} AND i.open_cents > 0 AND i.currency = ${query.currency}`;
  const byName = query.sort === 'code' || query.sort === 'legal_name';
  const orderColumn = {
    code: sql`c.code`,
    legal_name: sql`lower(c.legal_name)`,
    open_amount: sql`coalesce(b.open_cents, 0)`,
    overdue_amount: sql`coalesce(b.overdue_cents, 0)`,
    oldest_overdue_days: sql`b.oldest_overdue`,
  }[query.sort];
  // Oldest overdue date ascending = most days late first, so the direction flips.
  const effectiveDirection =
    query.sort === 'oldest_overdue_days'
      ? query.order === 'desc'
        ? sql`ASC`
        : sql`DESC`
      : direction;
  const effectiveNulls = query.sort === 'oldest_overdue_days' ? sql`NULLS LAST` : nulls;

  const pageSql = byName
    ? sql`
      WITH page AS (
        SELECT c.* FROM customer c WHERE ${filters}
        ORDER BY ${orderColumn} ${direction}, c.code ASC LIMIT ${query.limit} OFFSET ${query.offset}
      )
      SELECT c.id, c.code, c.legal_name, c.status, c.billing_city, c.risk_category,
        u.id AS collector_id, u.display_name AS collector_name,
        b.open_cents, b.overdue_cents, b.oldest_overdue
      FROM page c
      LEFT JOIN LATERAL (${balance} AND i.customer_id = c.id GROUP BY i.customer_id) b ON true
      LEFT JOIN app_user u ON u.company_id = c.company_id AND u.id = c.collector_user_id
      ORDER BY ${orderColumn} ${direction}, c.code ASC`
    : sql`
      WITH b AS (${balance} GROUP BY i.customer_id)
      SELECT c.id, c.code, c.legal_name, c.status, c.billing_city, c.risk_category,
        u.id AS collector_id, u.display_name AS collector_name,
        b.open_cents, b.overdue_cents, b.oldest_overdue
      FROM customer c
      LEFT JOIN b ON b.customer_id = c.id
      LEFT JOIN app_user u ON u.company_id = c.company_id AND u.id = c.collector_user_id
      WHERE ${filters}
      ORDER BY ${orderColumn} ${effectiveDirection} ${effectiveNulls}, c.code ASC
      LIMIT ${query.limit} OFFSET ${query.offset}`;

  const [page, count] = await Promise.all([
    pageSql.execute(q),
    sql<{
      total: number;
    }>`SELECT count(*)::bigint AS total FROM customer c WHERE ${filters}`.execute(q),
  ]);
  const rows = (page.rows as Record<string, unknown>[]).map((row) => {
    const oldest = row['oldest_overdue'] as CalendarDate | null;
    return {
      id: row['id'] as string,
      code: row['code'] as string,
      legalName: row['legal_name'] as string,
      status: row['status'] as CustomerStatus,
      city: row['billing_city'] as string | null,
      riskCategory: row['risk_category'] as RiskCategory,
      collector:
        row['collector_id'] === null
          ? null
          : { id: row['collector_id'] as string, displayName: row['collector_name'] as string },
      openCents: cents((row['open_cents'] as number | null) ?? 0),
      overdueCents: cents((row['overdue_cents'] as number | null) ?? 0),
      oldestOverdueDays: oldest === null ? null : daysBetween(oldest, query.today),
    };
  });
  return { rows, total: count.rows[0]?.total ?? 0 };
}

/** A customer's open items summed at `today`, in the company currency. */
export async function findCustomerBalance(
  q: Queryable,
  companyId: string,
  customerId: string,
  today: CalendarDate,
  currency: string,
): Promise<CustomerBalance> {
  const items = await sql<{
    invoices_open: number;
    overdue: number;
    credit_notes_open: number;
    oldest_due: CalendarDate | null;
  }>`
    SELECT
      coalesce(sum(open_cents) FILTER (WHERE kind = 'invoice'), 0)::bigint AS invoices_open,
      coalesce(sum(open_cents) FILTER (WHERE kind = 'invoice' AND due_date < ${today}), 0)::bigint AS overdue,
      coalesce(sum(open_cents) FILTER (WHERE kind = 'credit_note'), 0)::bigint AS credit_notes_open,
      min(due_date) FILTER (WHERE kind = 'invoice' AND due_date < ${today}) AS oldest_due
    FROM invoice
    WHERE company_id = ${companyId} AND customer_id = ${customerId} AND open_cents > 0 AND currency = ${currency}`.execute(
    q,
  );
  const cash = await sql<{ unapplied: number }>`
    SELECT coalesce(sum(unapplied_cents), 0)::bigint AS unapplied
    FROM payment
    WHERE company_id = ${companyId} AND customer_id = ${customerId} AND unapplied_cents > 0 AND currency = ${currency}`.execute(
    q,
  );
  const row = items.rows[0];
  const invoicesOpen = cents(row?.invoices_open ?? 0);
  const creditNotesOpen = cents(row?.credit_notes_open ?? 0);
  const unappliedCash = cents(cash.rows[0]?.unapplied ?? 0);
  return {
    currency,
    invoicesOpen,
    overdue: cents(row?.overdue ?? 0),
    creditNotesOpen,
    unappliedCash,
    netBalance: cents(invoicesOpen - creditNotesOpen - unappliedCash),
    oldestDueDate: row?.oldest_due ?? null,
  };
}

export async function findCustomerTimestamps(
  q: Queryable,
  companyId: string,
  id: string,
): Promise<{ createdAt: Date; updatedAt: Date } | undefined> {
  const row = await q
    .selectFrom('customer')
    .select(['created_at', 'updated_at'])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { createdAt: row.created_at, updatedAt: row.updated_at };
}
