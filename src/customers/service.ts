import type { Ctx } from '../app/context.ts';
import type { RowSink } from '../db/bulk-copy.ts';
import type { Deps } from '../app/deps.ts';
import type { TTimelineEvent } from '../audit/schemas.ts';
import { readCustomerEvents, recordEvents } from '../audit/service.ts';
import { timelineUserIds, toTimelineEvents } from '../audit/timeline.ts';
import { requirePermission } from '../app/permissions.ts';
import { assertUserInCompany, findUserDisplayNames, listAssignableUsers } from '../auth/service.ts';
import { getCompany } from '../companies/service.ts';
import { getCustomerBalance } from '../ledger/service.ts';
import type { Queryable } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { ConflictError, InvalidError, NotFoundError, fieldIssue } from '../shared/errors.ts';
import { cents } from '../shared/money.ts';
import { normalizeCustomerCode, normalizeSiren, normalizeSiret } from '../shared/identifiers.ts';
import {
  DEFAULT_PAYMENT_TERMS,
  checkCustomer,
  diffCustomer,
  emptyAddress,
  normalizePaymentTerms,
  type Address,
  type CustomerFields,
  type CustomerStatus,
  type CustomerWithContacts,
} from './model.ts';
import {
  describePaymentTerms,
  parsePaymentTerms,
  termsExceedLegalMaximum,
} from '../shared/payment-terms.ts';
import type {
  TAssignableUser,
  TCreateCustomerRequest,
  TCustomerDetail,
  TCustomerListTotals,
  TCustomerPage,
  TCustomerTotalsQuery,
  TListCustomersQuery,
  TUpdateCustomerRequest,
} from './schemas.ts';
import {
  findCustomerById,
  findCustomersByIds,
  findCustomerGroupingRows,
  findCustomerRecord,
  findCustomerTermsByCodes,
  listCustomerNameRows,
  copyCustomerRows,
  insertCustomers,
  countCustomerRows,
  listCustomerRows,
  type CustomerGrouping,
  type CustomerListFilter,
  type CustomerListRow,
  sumCustomerRows,
  updateCustomerRows,
  findCodesInStatus,
} from './store.ts';

type AddressInput = NonNullable<TCreateCustomerRequest['billingAddress']>;

function toAddress(input: AddressInput, base: Address = emptyAddress()): Address {
  return {
    line1: input.line1 === undefined ? base.line1 : input.line1 || null,
    line2: input.line2 === undefined ? base.line2 : input.line2 || null,
    postalCode: input.postalCode === undefined ? base.postalCode : input.postalCode || null,
    city: input.city === undefined ? base.city : input.city || null,
    country: input.country ?? base.country,
  };
}

function blankToNull(text: string | null | undefined): string | null {
  return text === undefined || text === null || text.trim() === '' ? null : text.trim();
}

/**
 * Applies a create or update request onto `base`, normalizing identifiers and
 * payment terms. Unknown payment terms are kept as typed so `checkCustomer`
 * reports them with the user's own words.
 */
function applyRequest(
  base: CustomerFields,
  input: TUpdateCustomerRequest,
): CustomerFields & { contacts?: NonNullable<TCreateCustomerRequest['contacts']> } {
  const fields: CustomerFields = {
    ...base,
    legalName: input.legalName ?? base.legalName,
    siren:
      input.siren === undefined
        ? base.siren
        : blankToNull(input.siren && normalizeSiren(input.siren)),
    siret:
      input.siret === undefined
        ? base.siret
        : blankToNull(input.siret && normalizeSiret(input.siret)),
    vatNumber:
      input.vatNumber === undefined
        ? base.vatNumber
        : blankToNull(input.vatNumber?.replace(/\s/g, '').toUpperCase()),
    billingAddress: input.billingAddress
      ? toAddress(input.billingAddress, base.billingAddress)
      : base.billingAddress,
    deliveryAddress:
      input.deliveryAddress === undefined
        ? base.deliveryAddress
        : input.deliveryAddress === null
          ? null
          : toAddress(input.deliveryAddress, base.deliveryAddress ?? emptyAddress()),
    paymentTerms:
      input.paymentTerms === undefined
        ? base.paymentTerms
        : (normalizePaymentTerms(input.paymentTerms) ?? input.paymentTerms),
    paymentMethod: input.paymentMethod ?? base.paymentMethod,
    depositBps: input.depositBps ?? base.depositBps,
    creditLimitCents:
      input.creditLimit === undefined
        ? base.creditLimitCents
        : input.creditLimit === null
          ? null
          : cents(input.creditLimit),
    collectorUserId:
      input.collectorUserId === undefined ? base.collectorUserId : input.collectorUserId,
    salesRep: input.salesRep === undefined ? base.salesRep : blankToNull(input.salesRep),
    riskCategory: input.riskCategory ?? base.riskCategory,
    status: input.status ?? base.status,
  };
  return input.contacts === undefined ? fields : { ...fields, contacts: input.contacts };
}

export function newCustomerFields(code: string, legalName: string): CustomerFields {
  return {
    code,
    legalName,
    siren: null,
    siret: null,
    vatNumber: null,
    billingAddress: emptyAddress(),
    deliveryAddress: null,
    paymentTerms: DEFAULT_PAYMENT_TERMS,
    paymentMethod: 'transfer',
    depositBps: 0,
    creditLimitCents: null,
    collectorUserId: null,
    salesRep: null,
    riskCategory: 'standard',
    status: 'active',
  };
}

function assertValid(fields: CustomerFields): void {
  const issues = checkCustomer(fields);
  if (issues.length > 0) {
    throw new InvalidError('customer_invalid', { code: fields.code }, issues);
  }
}

export async function createCustomer(
  deps: Deps,
  ctx: Ctx,
  input: TCreateCustomerRequest,
): Promise<TCustomerDetail> {
  requirePermission(ctx, 'customers:write');
  const { contacts, ...fields } = applyRequest(
    newCustomerFields(normalizeCustomerCode(input.code), input.legalName),
    input,
  );
  assertValid(fields);
  if (fields.collectorUserId !== null) {
    await assertUserInCompany(deps, ctx, fields.collectorUserId, 'collectorUserId');
  }
  // Two requests with one code at once: the second insert waits for the first, then
  // fails on the unique key, which `inTransaction` answers as a conflict naming it.
  const id = await inTransaction(deps.db, async (tx) => {
    const customer = saveNew(deps, fields, contacts ?? []);
    await insertCustomersWithEvents(tx, ctx, [customer]);
    return customer.id;
  });
  return getCustomer(deps, ctx, id);
}

/** A new customer with ids for it and its contacts. */
export function saveNew(
  deps: Deps,
  fields: CustomerFields,
  contacts: NonNullable<TCreateCustomerRequest['contacts']>,
): CustomerWithContacts {
  return {
    ...fields,
    id: deps.ids.newId(),
    contacts: contacts.map((contact) => ({
      id: deps.ids.newId(),
      role: contact.role,
      name: blankToNull(contact.name),
      email: blankToNull(contact.email),
      phone: blankToNull(contact.phone),
    })),
  };
}

export async function insertCustomersWithEvents(
  tx: Queryable,
  ctx: Ctx,
  customers: readonly CustomerWithContacts[],
): Promise<void> {
  await insertCustomers(tx, ctx.companyId, customers);
  await recordEvents(
    tx,
    ctx,
    customers.map((customer) => ({
      action: 'customer.created',
      entityType: 'customer',
      entityId: customer.id,
      customerId: customer.id,
      data: { code: customer.code, legalName: customer.legalName },
    })),
  );
}

export async function updateCustomer(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: TUpdateCustomerRequest,
): Promise<TCustomerDetail> {
  requirePermission(ctx, 'customers:write');
  if (input.collectorUserId) {
    await assertUserInCompany(deps, ctx, input.collectorUserId, 'collectorUserId');
  }
  await inTransaction(deps.db, async (tx) => {
    const before = await findCustomerById(tx, ctx.companyId, id);
    if (!before) {
      throw new NotFoundError('customer', id);
    }
    const { contacts, ...fields } = applyRequest(before, input);
    assertValid(fields);
    if (before.status === 'prospect' && fields.status === 'active') {
      // The account opening decides it (issue 12): its checklist, or an override with a reason.
      throw new ConflictError('prospect_activation_through_opening', {}, [
        fieldIssue('status', 'prospect_activation_through_opening'),
      ]);
    }
    const after: CustomerWithContacts = {
      ...fields,
      id,
      contacts: contacts === undefined ? before.contacts : saveNew(deps, fields, contacts).contacts,
    };
    const changes = diffCustomer(before, after);
    if (Object.keys(changes).length > 0) {
      await saveChanges(deps, tx, ctx, [{ after, changes }]);
    }
  });
  return getCustomer(deps, ctx, id);
}

/** Writes customers with their field-level changes (`diffCustomer`) and records them. */
export async function saveChanges(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  changed: readonly { after: CustomerWithContacts; changes: Record<string, unknown> }[],
): Promise<void> {
  await updateCustomerRows(
    tx,
    ctx.companyId,
    changed.map(({ after }) => after),
    deps.clock.now(),
  );
  await recordEvents(
    tx,
    ctx,
    changed.map(({ after, changes }) => ({
      action: 'customer.updated',
      entityType: 'customer',
      entityId: after.id,
      customerId: after.id,
      data: { changes },
    })),
  );
}

export type { CustomerGrouping } from './store.ts';

/**
 * What the reports group the customers `ids` by (code, name, collector, risk category), in
 * one statement read in `q`; an id the company has no customer for is absent.
 */
export async function listCustomerGroupings(
  q: Queryable,
  ctx: Ctx,
  ids: readonly string[],
): Promise<Map<string, CustomerGrouping>> {
  requirePermission(ctx, 'customers:read');
  return findCustomerGroupingRows(q, ctx.companyId, ids);
}

/** Customers by id with their contacts, in the caller's transaction (the dunning run's slice). */
export async function listCustomersByIds(
  q: Queryable,
  ctx: Ctx,
  ids: readonly string[],
): Promise<CustomerWithContacts[]> {
  requirePermission(ctx, 'customers:read');
  return findCustomersByIds(q, ctx.companyId, ids);
}

/**
 * Puts customers on hold or in litigation (a dunning step carried out), in the caller's
 * transaction, each change recorded as a customer's update. Customers already in that
 * status are left as they are.
 */
export async function setCustomerStatusesInTx(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  ids: readonly string[],
  status: CustomerStatus,
): Promise<void> {
  const changed = (await findCustomersByIds(tx, ctx.companyId, ids))
    .filter((customer) => customer.status !== status)
    .map((before) => {
      const after = { ...before, status };
      return { after, changes: diffCustomer(before, after) };
    });
  if (changed.length > 0) {
    await saveChanges(deps, tx, ctx, changed);
  }
}

/** Looks up customers by code for an import, in the caller's transaction. */
export async function findCustomerIdsByCodes(
  tx: Queryable,
  ctx: Ctx,
  codes: readonly string[],
): Promise<Map<string, { id: string; paymentTerms: string }>> {
  return findCustomerTermsByCodes(tx, ctx.companyId, [...new Set(codes)]);
}

/**
 * The codes among `codes` of customers still prospects, in one statement: an import may not
 * make one active (its account opening does, issue 12).
 */
export async function findProspectCodes(
  tx: Queryable,
  ctx: Ctx,
  codes: readonly string[],
): Promise<Set<string>> {
  return findCodesInStatus(tx, ctx.companyId, [...new Set(codes)], 'prospect');
}

/**
 * Sends a fresh company's customers and contacts down a COPY sink (the demo's bulk load,
 * ADR 7), as `insertCustomers` writes them.
 */
export async function copyCustomers(
  copy: RowSink,
  ctx: Ctx,
  customers: readonly CustomerWithContacts[],
): Promise<void> {
  requirePermission(ctx, 'customers:write');
  await copyCustomerRows(copy, ctx.companyId, customers);
}

/** The company's customers by id, code and name, in the caller's transaction (cash application). */
export async function listCustomerNames(
  tx: Queryable,
  ctx: Ctx,
): Promise<{ id: string; code: string; name: string }[]> {
  requirePermission(ctx, 'customers:read');
  return listCustomerNameRows(tx, ctx.companyId);
}

/** Throws `NotFound` unless the customer exists in the context's company (a cheap check). */
export async function requireCustomer(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  requirePermission(ctx, 'customers:read');
  if (!(await findCustomerById(deps.db, ctx.companyId, id))) {
    throw new NotFoundError('customer', id);
  }
}

export async function getCustomer(deps: Deps, ctx: Ctx, id: string): Promise<TCustomerDetail> {
  requirePermission(ctx, 'customers:read');
  const record = await findCustomerRecord(deps.db, ctx.companyId, id);
  if (!record) {
    throw new NotFoundError('customer', id);
  }
  const { customer } = record;
  const balance = await getCustomerBalance(deps, ctx, id);
  const names = await findUserDisplayNames(
    deps,
    ctx,
    customer.collectorUserId ? [customer.collectorUserId] : [],
  );
  const terms = parsePaymentTerms(customer.paymentTerms);
  return {
    id: customer.id,
    code: customer.code,
    legalName: customer.legalName,
    siren: customer.siren,
    siret: customer.siret,
    vatNumber: customer.vatNumber,
    billingAddress: customer.billingAddress,
    deliveryAddress: customer.deliveryAddress,
    contacts: customer.contacts,
    paymentTerms: {
      // The code is what clients word in their reader's language (ADR 18: the web does);
      // `label` stays the French words older clients already show, whatever the language.
      code: customer.paymentTerms,
      label: terms ? describePaymentTerms(terms, 'fr') : customer.paymentTerms,
      exceedsLegalMaximum: terms ? termsExceedLegalMaximum(terms) : false,
    },
    paymentMethod: customer.paymentMethod,
    depositBps: customer.depositBps,
    creditLimit: customer.creditLimitCents,
    collector:
      customer.collectorUserId === null
        ? null
        : { id: customer.collectorUserId, displayName: names.get(customer.collectorUserId) ?? '' },
    salesRep: customer.salesRep,
    riskCategory: customer.riskCategory,
    status: customer.status,
    balance: {
      currency: balance.currency,
      invoicesOpen: balance.invoicesOpen,
      overdue: balance.overdue,
      creditNotesOpen: balance.creditNotesOpen,
      unappliedCash: balance.unappliedCash,
      netBalance: balance.netBalance,
      amountsCapped: balance.amountsCapped,
    },
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** Which customers a list's query shows: an empty search is no search. */
export function toCustomerListFilter(query: TCustomerTotalsQuery): CustomerListFilter {
  return {
    search: query.search || undefined,
    status: query.status,
    collectorId: query.collectorId,
  };
}

/** A list row and the collector it shows, named by the users' capability. */
export type NamedCustomerRow = CustomerListRow & {
  collector: { id: string; displayName: string } | null;
};

/**
 * Names the collectors of a page or a batch of list rows, with one lookup, on `q`
 * (an export's snapshot: on the embedded database it holds the only session).
 */
export async function nameCollectors(
  deps: Deps,
  ctx: Ctx,
  rows: readonly CustomerListRow[],
  q: Queryable = deps.db,
): Promise<NamedCustomerRow[]> {
  const ids = rows.flatMap((row) => (row.collectorUserId === null ? [] : [row.collectorUserId]));
  const names = await findUserDisplayNames(deps, ctx, ids, q);
  return rows.map((row) => ({
    ...row,
    collector:
      row.collectorUserId === null
        ? null
        : { id: row.collectorUserId, displayName: names.get(row.collectorUserId) ?? '' },
  }));
}

export async function listCustomers(
  deps: Deps,
  ctx: Ctx,
  query: TListCustomersQuery,
): Promise<TCustomerPage> {
  requirePermission(ctx, 'customers:read');
  const company = await getCompany(deps, ctx.companyId);
  const filter = toCustomerListFilter(query);
  const [rows, total] = await Promise.all([
    listCustomerRows(deps.db, ctx.companyId, {
      ...filter,
      sort: query.sort,
      order: query.order,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
      today: deps.clock.today(company.timeZone),
      currency: company.currency,
    }),
    countCustomerRows(deps.db, ctx.companyId, filter),
  ]);
  const named = await nameCollectors(deps, ctx, rows);
  return {
    items: named.map((row) => ({
      id: row.id,
      code: row.code,
      legalName: row.legalName,
      status: row.status,
      city: row.city,
      riskCategory: row.riskCategory,
      collector: row.collector,
      currency: company.currency,
      openAmount: row.openCents,
      overdueAmount: row.overdueCents,
      amountsCapped: row.amountsCapped,
      oldestOverdueDays: row.oldestOverdueDays,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The encours and overdue amounts of every customer the filters match, per currency
 * (docs/formulas.md): what the list's footer shows, whatever page is on screen.
 */
export async function summarizeCustomers(
  deps: Deps,
  ctx: Ctx,
  query: TCustomerTotalsQuery,
): Promise<TCustomerListTotals> {
  requirePermission(ctx, 'customers:read');
  const company = await getCompany(deps, ctx.companyId);
  const totals = await sumCustomerRows(
    deps.db,
    ctx.companyId,
    toCustomerListFilter(query),
    deps.clock.today(company.timeZone),
  );
  return {
    totals: totals.map((line) => ({
      currency: line.currency,
      openAmount: line.openCents,
      overdueAmount: line.overdueCents,
      customerCount: line.customerCount,
      amountsCapped: line.amountsCapped,
    })),
  };
}

/** Users a customer may be given to as its collector (the form's choices). */
export async function listCollectorChoices(deps: Deps, ctx: Ctx): Promise<TAssignableUser[]> {
  const users = await listAssignableUsers(deps, ctx);
  return users.map((user) => ({
    id: user.id,
    displayName: user.displayName,
    email: user.email,
    role: user.role,
  }));
}

/** The customer's timeline, newest first, read from the append-only event trail. */
export async function getCustomerTimeline(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
  limit = 200,
): Promise<TTimelineEvent[]> {
  await requireCustomer(deps, ctx, customerId);
  const events = await readCustomerEvents(deps.db, ctx, customerId, limit);
  return toTimelineEvents(events, await findUserDisplayNames(deps, ctx, timelineUserIds(events)));
}
