import { sql, type Insertable, type RawBuilder, type Selectable } from 'kysely';
import { anyOf, insertRows, updateRows, type ColumnTypes } from '../db/array-parameters.ts';
import type { CopyValue, RowSink } from '../db/bulk-copy.ts';
import type { Queryable } from '../db/client.ts';
import type { CustomerContactTable, CustomerTable } from '../db/schema.ts';
import {
  figuresOf,
  hasKeptEncours,
  hasOverdueItems,
  keptEncours,
  openItemsOf,
  overdueKeys,
  unappliedCashOf,
} from '../ledger/balance-sql.ts';
import { daysBetween, type CalendarDate } from '../shared/calendar-date.ts';
import { capTotal, cents, type Cents } from '../shared/money.ts';
import type {
  Address,
  Contact,
  ContactRole,
  Customer,
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

/** The customer columns as they travel in array parameters (`toRow` gives the values). */
const CUSTOMER_COLUMNS = {
  company_id: 'uuid',
  id: 'uuid',
  code: 'text',
  legal_name: 'text',
  siren: 'text',
  siret: 'text',
  vat_number: 'text',
  billing_address_line1: 'text',
  billing_address_line2: 'text',
  billing_postal_code: 'text',
  billing_city: 'text',
  billing_country: 'text',
  delivery_address_line1: 'text',
  delivery_address_line2: 'text',
  delivery_postal_code: 'text',
  delivery_city: 'text',
  delivery_country: 'text',
  payment_terms: 'text',
  payment_method: 'text',
  deposit_bps: 'integer',
  credit_limit_cents: 'bigint',
  collector_user_id: 'uuid',
  sales_rep: 'text',
  risk_category: 'text',
  status: 'text',
} as const satisfies ColumnTypes<Insertable<CustomerTable>>;

/** Inserts customers with their contacts, a fixed number of statements for any count. */
export async function insertCustomers(
  q: Queryable,
  companyId: string,
  customers: readonly CustomerWithContacts[],
): Promise<void> {
  await insertRows(
    q,
    'customer',
    CUSTOMER_COLUMNS,
    customers.map((customer) => toRow(companyId, customer)),
  );
  await insertContacts(q, companyId, customers);
}

/** Rewrites customers and replaces their contacts, a fixed number of statements for any count. */
export async function updateCustomerRows(
  q: Queryable,
  companyId: string,
  customers: readonly CustomerWithContacts[],
  now: Date,
): Promise<void> {
  if (customers.length === 0) {
    return;
  }
  const { company_id: _company, ...columns } = CUSTOMER_COLUMNS;
  await updateRows(
    q,
    'customer',
    companyId,
    { ...columns, updated_at: 'timestamptz' },
    customers.map((customer) => ({ ...toRow(companyId, customer), updated_at: now })),
  );
  await q
    .deleteFrom('customer_contact')
    .where('company_id', '=', companyId)
    .where(
      'customer_id',
      '=',
      anyOf(
        customers.map((customer) => customer.id),
        'uuid',
      ),
    )
    .execute();
  await insertContacts(q, companyId, customers);
}

/** Contact columns as they travel in array parameters or a COPY (`contactRows` gives the values). */
const CONTACT_COLUMNS = {
  company_id: 'uuid',
  id: 'uuid',
  customer_id: 'uuid',
  role: 'text',
  name: 'text',
  email: 'text',
  phone: 'text',
} as const satisfies ColumnTypes<Insertable<CustomerContactTable>>;

function contactRows(companyId: string, customers: readonly CustomerWithContacts[]) {
  return customers.flatMap((customer) =>
    customer.contacts.map((contact) => ({
      company_id: companyId,
      id: contact.id,
      customer_id: customer.id,
      role: contact.role,
      name: contact.name,
      email: contact.email,
      phone: contact.phone,
    })),
  );
}

async function insertContacts(
  q: Queryable,
  companyId: string,
  customers: readonly CustomerWithContacts[],
): Promise<void> {
  await insertRows(q, 'customer_contact', CONTACT_COLUMNS, contactRows(companyId, customers));
}

/**
 * Sends customers and their contacts down a COPY sink (the demo's bulk load), with the
 * very columns and values `insertCustomers` writes.
 */
export async function copyCustomerRows(
  copy: RowSink,
  companyId: string,
  customers: readonly CustomerWithContacts[],
): Promise<void> {
  const tables = [
    ['customer', CUSTOMER_COLUMNS, customers.map((customer) => toRow(companyId, customer))],
    ['customer_contact', CONTACT_COLUMNS, contactRows(companyId, customers)],
  ] as const;
  for (const [table, types, rows] of tables) {
    const columns = Object.keys(types);
    await copy(
      table,
      columns,
      rows.map((row) =>
        columns.map((column) => (row as Record<string, CopyValue>)[column] ?? null),
      ),
    );
  }
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
    .where('customer_id', '=', anyOf(customerIds, 'uuid'))
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
  return (await findCustomerRecord(q, companyId, id))?.customer;
}

/** A customer with its contacts and when it was created and last changed. */
export async function findCustomerRecord(
  q: Queryable,
  companyId: string,
  id: string,
): Promise<{ customer: CustomerWithContacts; createdAt: Date; updatedAt: Date } | undefined> {
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
  return {
    customer: { ...toCustomer(row), contacts: contacts.get(row.id) ?? [] },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Customers by code, with their contacts: imports look up a whole file's codes at
 * once. `forUpdate` locks them (in id order) until the transaction ends, so what an
 * update is compared with is what it replaces.
 */
export async function findCustomersByCodes(
  q: Queryable,
  companyId: string,
  codes: readonly string[],
  options: { forUpdate?: boolean } = {},
): Promise<Map<string, CustomerWithContacts>> {
  if (codes.length === 0) {
    return new Map();
  }
  const query = q
    .selectFrom('customer')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('code', '=', anyOf(codes, 'text'))
    .orderBy('id');
  const rows = await (options.forUpdate ? query.forUpdate() : query).execute();
  const contacts = await contactsOf(
    q,
    companyId,
    rows.map((row) => row.id),
  );
  return new Map(
    rows.map((row) => [row.code, { ...toCustomer(row), contacts: contacts.get(row.id) ?? [] }]),
  );
}

/** Customers by id, with their contacts, in two statements whatever their number. */
export async function findCustomersByIds(
  q: Queryable,
  companyId: string,
  ids: readonly string[],
): Promise<CustomerWithContacts[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await q
    .selectFrom('customer')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', anyOf(ids, 'uuid'))
    .orderBy('id')
    .execute();
  const contacts = await contactsOf(
    q,
    companyId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...toCustomer(row), contacts: contacts.get(row.id) ?? [] }));
}

/** Every customer of the company by id, code and legal name: a directory to match payers against. */
export async function listCustomerNameRows(
  q: Queryable,
  companyId: string,
): Promise<{ id: string; code: string; name: string }[]> {
  const rows = await q
    .selectFrom('customer')
    .select(['id', 'code', 'legal_name'])
    .where('company_id', '=', companyId)
    .execute();
  return rows.map((row) => ({ id: row.id, code: row.code, name: row.legal_name }));
}

/**
 * The codes and legal names of the customers `ids`, in one statement (`id = ANY($1)`):
 * what the ledger's lists show beside a page of rows.
 */
export async function findCustomerLabelRows(
  q: Queryable,
  companyId: string,
  ids: readonly string[],
): Promise<Map<string, { code: string; name: string }>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await q
    .selectFrom('customer')
    .select(['id', 'code', 'legal_name'])
    .where('company_id', '=', companyId)
    .where('id', '=', anyOf([...new Set(ids)], 'uuid'))
    .execute();
  return new Map(rows.map((row) => [row.id, { code: row.code, name: row.legal_name }]));
}

/** What a report groups a customer by: its code and name, its collector, its risk category. */
export type CustomerGrouping = {
  code: string;
  name: string;
  collectorUserId: string | null;
  riskCategory: string;
};

/** The groupings of the customers `ids`, in one statement (`id = ANY($1)`). */
export async function findCustomerGroupingRows(
  q: Queryable,
  companyId: string,
  ids: readonly string[],
): Promise<Map<string, CustomerGrouping>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await q
    .selectFrom('customer')
    .select(['id', 'code', 'legal_name', 'collector_user_id', 'risk_category'])
    .where('company_id', '=', companyId)
    .where('id', '=', anyOf([...new Set(ids)], 'uuid'))
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        code: row.code,
        name: row.legal_name,
        collectorUserId: row.collector_user_id,
        riskCategory: row.risk_category,
      },
    ]),
  );
}

/** Ids and payment terms by code, for files that name customers (invoices, payments). */
export async function findCustomerTermsByCodes(
  q: Queryable,
  companyId: string,
  codes: readonly string[],
): Promise<Map<string, { id: string; paymentTerms: string }>> {
  if (codes.length === 0) {
    return new Map();
  }
  const rows = await q
    .selectFrom('customer')
    .select(['id', 'code', 'payment_terms'])
    .where('company_id', '=', companyId)
    .where('code', '=', anyOf(codes, 'text'))
    .execute();
  return new Map(rows.map((row) => [row.code, { id: row.id, paymentTerms: row.payment_terms }]));
}

/** The codes among `codes` of customers in `status`, in one statement. */
export async function findCodesInStatus(
  q: Queryable,
  companyId: string,
  codes: readonly string[],
  status: CustomerStatus,
): Promise<Set<string>> {
  if (codes.length === 0) {
    return new Set();
  }
  const rows = await q
    .selectFrom('customer')
    .select('code')
    .where('company_id', '=', companyId)
    .where('code', '=', anyOf(codes, 'text'))
    .where('status', '=', status)
    .execute();
  return new Set(rows.map((row) => row.code));
}

export type CustomerListRow = {
  id: string;
  code: string;
  legalName: string;
  status: CustomerStatus;
  city: string | null;
  riskCategory: RiskCategory;
  collectorUserId: string | null;
  openCents: Cents;
  overdueCents: Cents;
  /** A figure passed `MAX_TOTAL_CENTS` and shows the bound (`capTotal`). */
  amountsCapped: boolean;
  oldestOverdueDays: number | null;
};

export type CustomerListQuery = {
  search?: string | undefined;
  status?: CustomerStatus | undefined;
  collectorId?: string | undefined;
  sort: (typeof CUSTOMER_SORTS)[number];
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
  today: CalendarDate;
  currency: string;
};

type ListSql = RawBuilder<unknown>;

/**
 * The customer columns a list row shows, with its open items `b`, its unapplied cash
 * `pc`. `open_cents` is the encours (docs/formulas.md); collectors are named by the
 * users' capability, not read here.
 */
const LIST_COLUMNS = sql`c.id, c.code, c.legal_name, c.status, c.billing_city, c.risk_category,
        c.collector_user_id,
        (coalesce(b.open_cents, 0) - coalesce(pc.unapplied_cents, 0))::text AS open_cents,
        b.overdue_cents, b.oldest_overdue`;

/** pg_trgm's unit: a search needs at least this many characters to use its index. */
const TRIGRAM_LENGTH = 3;

/**
 * Codes of one page sorted by name or code, read from an index alone (deep pages
 * included: OFFSET walks index entries, not rows). A search of three characters or
 * more is different: its few matches are found first, through the trigram index,
 * then sorted. Left to itself the planner walks the name index in order and tests
 * every name until the page is full (65 ms for "martin" at size L, against 5 ms).
 * Shorter searches have no trigram and match many names: walking the index in order
 * finds a page of them soonest ("ma": 70 ms, against 400 ms to collect and sort all).
 */
function pageByName(
  query: CustomerListQuery,
  filters: ListSql,
): { ctes: ListSql; page: ListSql; order: ListSql } {
  const column = query.sort === 'code' ? sql`c.code` : sql`c.name_key`;
  const order = sql`${column} ${query.order === 'desc' ? sql`DESC` : sql`ASC`}, c.code ASC`;
  const searching = (query.search?.length ?? 0) >= TRIGRAM_LENGTH;
  return {
    ctes: searching
      ? sql`m AS MATERIALIZED (SELECT c.code, c.name_key FROM customer c WHERE ${filters}),`
      : sql``,
    page: searching
      ? sql`SELECT c.code FROM m c ORDER BY ${order} LIMIT ${query.limit} OFFSET ${query.offset}`
      : sql`SELECT c.code FROM customer c WHERE ${filters} ORDER BY ${order} LIMIT ${query.limit} OFFSET ${query.offset}`,
    order,
  };
}

type SegmentCondition = (key: ListSql) => ListSql;

/**
 * Codes of one page sorted by a balance (open amount, overdue amount, oldest overdue
 * date). Most customers owe nothing (or nothing overdue), so instead of summing and
 * sorting every customer, the order is built from segments that are each cheap:
 * customers whose key is set, ranked by key, and customers without one — zero, or no
 * overdue date — in code order, read from the code index until the page is full. The
 * result is the order of `ORDER BY coalesce(key, 0) <direction>, code` (oldest date:
 * nulls last), page for page.
 *
 * The open amount (the encours) is `customer_open_balance.balance_cents`, kept by
 * triggers on `invoice` and `payment`.
 * Overdue amounts and dates depend on `today`, so they are summed once over the
 * company's overdue items only (`k`).
 */
function pageByBalance(
  companyId: string,
  query: CustomerListQuery,
  filters: ListSql,
  hasFilters: boolean,
): { ctes: ListSql; page: ListSql; order: ListSql } {
  const sort = query.sort as Exclude<CustomerListQuery['sort'], 'code' | 'legal_name'>;
  const isOpenAmount = sort === 'open_amount';
  // Not a CTE for the open amount: each segment reads the balance index in its own order.
  const keySource = isOpenAmount ? keptEncours(companyId, query.currency) : sql`k`;
  const hasKey = isOpenAmount
    ? hasKeptEncours(companyId, sql`c.id`, query.currency)
    : hasOverdueItems(companyId, sql`c.id`, query.today, query.currency);
  // Overdue sums are numeric: a sort key past bigint must not fail the list (ADR 9).
  const keyType =
    sort === 'oldest_overdue_days' ? sql`date` : isOpenAmount ? sql`bigint` : sql`numeric`;
  // Oldest overdue date ascending = most days late first, so the direction flips.
  const isAscending =
    sort === 'oldest_overdue_days' ? query.order === 'desc' : query.order === 'asc';
  const direction = isAscending ? sql`ASC` : sql`DESC`;
  const all: SegmentCondition = () => sql`true`;
  const positive: SegmentCondition = (value) => sql`${value} > 0`;
  const negative: SegmentCondition = (value) => sql`${value} < 0`;
  // A credit balance (more credit notes than invoices open) sorts below zero.
  const segments: (SegmentCondition | 'none')[] = {
    open_amount: isAscending
      ? [negative, 'none' as const, positive]
      : [positive, 'none' as const, negative],
    overdue_amount: isAscending ? ['none' as const, all] : [all, 'none' as const],
    oldest_overdue_days: [all, 'none' as const],
  }[sort];
  const reach = query.offset + query.limit;
  // OFFSET 0 keeps the planner from flattening this lookup into a join over every customer.
  const lookupCode = sql`CROSS JOIN LATERAL (SELECT c.code FROM customer c WHERE ${filters} AND c.id = k.customer_id OFFSET 0) c`;
  const parts = segments.map((condition, index) => {
    if (condition === 'none') {
      // One probe of an index per customer, in code order, until the page is full.
      return sql`(SELECT c.code, ${sql.lit(index)} AS segment, NULL::${keyType} AS key
        FROM customer c WHERE ${filters} AND NOT ${hasKey}
        ORDER BY c.code ASC LIMIT ${reach})`;
    }
    // Without filters, only the keys up to the page's last one need a customer's code
    // (ties included, since the code breaks them); with filters, every key does.
    const keys = hasFilters
      ? sql`${keySource} k`
      : sql`(SELECT * FROM ${keySource} k WHERE ${condition(sql`k.key`)}
          ORDER BY k.key ${direction} FETCH FIRST (${reach}) ROWS WITH TIES) k`;
    return sql`(SELECT c.code, ${sql.lit(index)} AS segment, k.key
        FROM ${keys} ${lookupCode}
        WHERE ${condition(sql`k.key`)}
        ORDER BY k.key ${direction}, c.code ASC LIMIT ${reach})`;
  });
  const order = sql`segment, key ${direction}, code ASC`;
  const overdueKey = sort === 'oldest_overdue_days' ? 'oldest' : 'sum';
  return {
    ctes: isOpenAmount
      ? sql``
      : sql`k AS MATERIALIZED (${overdueKeys(companyId, query.today, query.currency, overdueKey)}),`,
    page: sql`${sql.join(parts, sql` UNION ALL `)} ORDER BY ${order} LIMIT ${query.limit} OFFSET ${query.offset}`,
    order: sql`p.segment, p.key ${direction}, p.code ASC`,
  };
}

/**
 * One page of customers with their open and overdue amounts at `today` (how many
 * match: `countCustomerRows`). The page is chosen first (by name on an index, by balance in
 * segments: see `pageByBalance`), then only its customers' open items are summed.
 */
export async function listCustomerRows(
  q: Queryable,
  companyId: string,
  query: CustomerListQuery,
): Promise<CustomerListRow[]> {
  const { filters, isFiltered } = customerListFilters(companyId, query);
  const byName = query.sort === 'code' || query.sort === 'legal_name';
  const { ctes, page, order } = byName
    ? pageByName(query, filters)
    : pageByBalance(companyId, query, filters, isFiltered);
  const pageSql = sql`
      WITH ${ctes} p AS (${page})
      SELECT ${LIST_COLUMNS}
      FROM p
      JOIN customer c ON c.company_id = ${companyId} AND c.code = p.code
      LEFT JOIN LATERAL (${openItemsOf(companyId, sql`c.id`, query.today, query.currency)}) b ON true
      LEFT JOIN LATERAL (${unappliedCashOf(companyId, sql`c.id`, query.currency)}) pc ON true
      ORDER BY ${order}`;

  const result = await pageSql.execute(q);
  return (result.rows as Record<string, unknown>[]).map((row) => {
    const oldest = row['oldest_overdue'] as CalendarDate | null;
    const open = capTotal(BigInt((row['open_cents'] as string | null) ?? '0'));
    const overdue = capTotal(BigInt((row['overdue_cents'] as string | null) ?? '0'));
    return {
      id: row['id'] as string,
      code: row['code'] as string,
      legalName: row['legal_name'] as string,
      status: row['status'] as CustomerStatus,
      city: row['billing_city'] as string | null,
      riskCategory: row['risk_category'] as RiskCategory,
      collectorUserId: row['collector_user_id'] as string | null,
      openCents: open.amount,
      overdueCents: overdue.amount,
      amountsCapped: open.isCapped || overdue.isCapped,
      oldestOverdueDays: oldest === null ? null : daysBetween(oldest, query.today),
    };
  });
}

/** How many customers a list's filters match, all pages together. */
export async function countCustomerRows(
  q: Queryable,
  companyId: string,
  filter: CustomerListFilter,
): Promise<number> {
  const { filters } = customerListFilters(companyId, filter);
  const count = await sql<{
    total: number;
  }>`SELECT count(*)::int AS total FROM customer c WHERE ${filters}`.execute(q);
  return count.rows[0]?.total ?? 0;
}

/** Which customers a list shows, and whether anything but the company narrows it. */
export type CustomerListFilter = Pick<CustomerListQuery, 'search' | 'status' | 'collectorId'>;

/** The WHERE of a customer list over `customer c`: its page, its count and its totals. */
function customerListFilters(
  companyId: string,
  query: CustomerListFilter,
): { filters: ListSql; isFiltered: boolean } {
  const pattern = query.search ? `%${query.search.replace(/[\\%_]/g, '\\$&')}%` : null;
  const filters = sql`c.company_id = ${companyId}
      ${pattern === null ? sql`` : sql`AND (c.name_key LIKE customer_name_key(${pattern}) OR c.code ILIKE ${pattern} OR c.siren::text LIKE ${pattern} OR customer_name_key(c.billing_city) LIKE customer_name_key(${pattern}))`}
      ${query.status === undefined ? sql`` : sql`AND c.status = ${query.status}`}
      ${query.collectorId === undefined ? sql`` : sql`AND c.collector_user_id = ${query.collectorId}`}`;
  return {
    filters,
    isFiltered: pattern !== null || query.status !== undefined || query.collectorId !== undefined,
  };
}

/** The rows matching a list's filters, all pages together, in one currency. */
export type CustomerListTotal = {
  currency: string;
  openCents: Cents;
  overdueCents: Cents;
  customerCount: number;
  amountsCapped: boolean;
};

/**
 * The encours and overdue amounts of the customers a list's filters match, all pages
 * together, per currency, in one statement whose text is the same for any number of
 * customers. It reads every matching customer's figures (~120 ms for 100,000 customers
 * at size L), so it is its own request, asked once per set of filters, never per page.
 * The encours is read from the kept balance (`balance_cents`, one row per customer and
 * currency); overdue amounts depend on `today`, so they are summed from the company's
 * overdue items, through the covering index `invoice_open_due_date_idx`. Sums are
 * numeric, then capped (`capTotal`), never summed across currencies.
 */
export async function sumCustomerRows(
  q: Queryable,
  companyId: string,
  filter: CustomerListFilter,
  today: CalendarDate,
): Promise<CustomerListTotal[]> {
  const { filters } = customerListFilters(companyId, filter);
  const result = await sql<{
    currency: string;
    open_cents: string;
    overdue_cents: string;
    customers: number;
  }>`
    WITH m AS MATERIALIZED (SELECT c.id FROM customer c WHERE ${filters}),
    figures AS (${figuresOf(companyId, sql`m`, today)}),
    per_customer AS (
      SELECT currency, sum(open_cents) AS open_cents, sum(overdue_cents) AS overdue_cents
      FROM figures GROUP BY customer_id, currency
    )
    SELECT currency, sum(open_cents)::text AS open_cents, sum(overdue_cents)::text AS overdue_cents,
      count(*)::int AS customers
    FROM per_customer GROUP BY currency
    ORDER BY currency`.execute(q);
  return result.rows.map((row) => {
    const open = capTotal(BigInt(row.open_cents));
    const overdue = capTotal(BigInt(row.overdue_cents));
    return {
      currency: row.currency,
      openCents: open.amount,
      overdueCents: overdue.amount,
      customerCount: row.customers,
      amountsCapped: open.isCapped || overdue.isCapped,
    };
  });
}
