/**
 * The credit tables' SQL (migration 202612070100): limits, the policy, exceptions, alerts and
 * holds. Orders have their own file (`order-store.ts`). Every statement filters on the
 * company; an entity is a SIREN or one account, matched by `entityWhere`.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { anyOf } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { cents, type Cents } from '../shared/money.ts';
import type {
  AuthorityLevel,
  CreditEntity,
  CreditException,
  CreditLimit,
  CreditPolicy,
  LimitCover,
} from './model.ts';
import { DEFAULT_CREDIT_POLICY } from './model.ts';
import { creditDb } from './tables.ts';

/** `siren = …` or `customer_id = …` (the other NULL): the entity's rows of any credit table. */
function entityWhere(entity: CreditEntity): RawBuilder<SqlBool> {
  return entity.kind === 'siren'
    ? sql<SqlBool>`siren = ${entity.siren}`
    : sql<SqlBool>`customer_id = ${entity.customerId}::uuid`;
}

/** The columns of an entity, for an insert. */
function entityColumns(entity: CreditEntity): { siren: string | null; customer_id: string | null } {
  return entity.kind === 'siren'
    ? { siren: entity.siren, customer_id: null }
    : { siren: null, customer_id: entity.customerId };
}

/** A decided limit as stored, with its history fields. */
export type StoredLimit = CreditLimit & {
  id: string;
  reason: string | null;
  decidedAt: Date;
  supersededAt: Date | null;
};

function toLimit(row: {
  id: string;
  amount_cents: number;
  currency: string;
  covered_cents: number;
  cover: string | null;
  valid_from: string;
  review_on: string | null;
  expires_on: string | null;
  source: string;
  authority_level: number;
  decided_by: string | null;
  decided_by_name: string | null;
  reason: string | null;
  decided_at: Date;
  superseded_at: Date | null;
}): StoredLimit {
  return {
    id: row.id,
    amountCents: cents(row.amount_cents),
    currency: row.currency,
    coveredCents: cents(row.covered_cents),
    cover: row.cover as LimitCover | null,
    validFrom: row.valid_from as CalendarDate,
    reviewOn: row.review_on as CalendarDate | null,
    expiresOn: row.expires_on as CalendarDate | null,
    source: row.source as 'decision' | 'import',
    authorityLevel: row.authority_level as AuthorityLevel,
    decidedBy: { id: row.decided_by, name: row.decided_by_name },
    reason: row.reason,
    decidedAt: row.decided_at,
    supersededAt: row.superseded_at,
  };
}

const LIMIT_COLUMNS = [
  'id',
  'amount_cents',
  'currency',
  'covered_cents',
  'cover',
  'valid_from',
  'review_on',
  'expires_on',
  'source',
  'authority_level',
  'decided_by',
  'decided_by_name',
  'reason',
  'decided_at',
  'superseded_at',
] as const;

/** The current limit of each entity given, by its key (`siren:…` / `account:…`), in one statement. */
export async function findCurrentLimits(
  q: Queryable,
  companyId: string,
  entities: readonly CreditEntity[],
): Promise<Map<string, StoredLimit>> {
  const sirens = entities.flatMap((e) => (e.kind === 'siren' ? [e.siren] : []));
  const accounts = entities.flatMap((e) => (e.kind === 'account' ? [e.customerId] : []));
  const found = new Map<string, StoredLimit>();
  if (entities.length === 0) {
    return found;
  }
  const rows = await creditDb(q)
    .selectFrom('credit_limit')
    .select([...LIMIT_COLUMNS, 'siren', 'customer_id'])
    .where('company_id', '=', companyId)
    .where('superseded_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('siren', '=', anyOf(sirens, 'text')),
        eb('customer_id', '=', anyOf(accounts, 'uuid')),
      ]),
    )
    .execute();
  for (const row of rows) {
    found.set(
      row.siren === null ? `account:${row.customer_id}` : `siren:${row.siren}`,
      toLimit(row),
    );
  }
  return found;
}

/** The key `findCurrentLimits` files an entity under. */
export function entityKey(entity: CreditEntity): string {
  return entity.kind === 'siren' ? `siren:${entity.siren}` : `account:${entity.customerId}`;
}

/** An entity's decisions, newest first (at most `limit`). */
export async function listLimitHistory(
  q: Queryable,
  companyId: string,
  entity: CreditEntity,
  limit: number,
): Promise<StoredLimit[]> {
  const rows = await creditDb(q)
    .selectFrom('credit_limit')
    .select(LIMIT_COLUMNS)
    .where('company_id', '=', companyId)
    .where(entityWhere(entity))
    .orderBy('decided_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toLimit);
}

/** A limit to store as the entity's current one. */
export type NewLimit = {
  id: string;
  amountCents: Cents;
  currency: string;
  coveredCents: Cents;
  cover: LimitCover | null;
  validFrom: CalendarDate;
  reviewOn: CalendarDate | null;
  expiresOn: CalendarDate | null;
  source: 'decision' | 'import';
  authorityLevel: AuthorityLevel;
  decidedBy: { id: string | null; name: string | null };
  reason: string | null;
};

/**
 * Supersedes the entity's current limit and stores `limit` as current, in two statements of
 * the caller's transaction (which holds the entity's accounts locked).
 */
export async function replaceCurrentLimit(
  tx: Queryable,
  companyId: string,
  entity: CreditEntity,
  limit: NewLimit,
  now: Date,
): Promise<void> {
  const db = creditDb(tx);
  await db
    .updateTable('credit_limit')
    .set({ superseded_at: now })
    .where('company_id', '=', companyId)
    .where('superseded_at', 'is', null)
    .where(entityWhere(entity))
    .execute();
  await db
    .insertInto('credit_limit')
    .values({
      company_id: companyId,
      id: limit.id,
      ...entityColumns(entity),
      amount_cents: limit.amountCents,
      currency: limit.currency,
      covered_cents: limit.coveredCents,
      cover: limit.cover,
      valid_from: limit.validFrom,
      review_on: limit.reviewOn,
      expires_on: limit.expiresOn,
      authority_level: limit.authorityLevel,
      decided_by: limit.decidedBy.id,
      decided_by_name: limit.decidedBy.name,
      source: limit.source,
      reason: limit.reason,
      decided_at: now,
    })
    .execute();
}

/** The company's credit policy; the defaults when it never set one. */
export async function readCreditPolicy(q: Queryable, companyId: string): Promise<CreditPolicy> {
  const row = await creditDb(q)
    .selectFrom('credit_setting')
    .selectAll()
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  if (row === undefined) {
    return DEFAULT_CREDIT_POLICY;
  }
  const amount = (value: number | null) => (value === null ? null : cents(value));
  return {
    alertBps: row.alert_bps,
    blockBps: row.block_bps,
    withoutLimit: row.without_limit as CreditPolicy['withoutLimit'],
    ceilings: {
      1: {
        limitMaxCents: amount(row.collector_limit_max_cents),
        exceptionMaxCents: amount(row.collector_exception_max_cents),
      },
      2: {
        limitMaxCents: amount(row.manager_limit_max_cents),
        exceptionMaxCents: amount(row.manager_exception_max_cents),
      },
    },
  };
}

/** Stores the company's credit policy, in one statement. */
export async function saveCreditPolicy(
  q: Queryable,
  companyId: string,
  policy: CreditPolicy,
  now: Date,
): Promise<void> {
  const values = {
    alert_bps: policy.alertBps,
    block_bps: policy.blockBps,
    without_limit: policy.withoutLimit,
    collector_limit_max_cents: policy.ceilings[1].limitMaxCents,
    collector_exception_max_cents: policy.ceilings[1].exceptionMaxCents,
    manager_limit_max_cents: policy.ceilings[2].limitMaxCents,
    manager_exception_max_cents: policy.ceilings[2].exceptionMaxCents,
    updated_at: now,
  };
  await creditDb(q)
    .insertInto('credit_setting')
    .values({ company_id: companyId, ...values })
    .onConflict((oc) => oc.column('company_id').doUpdateSet(values))
    .execute();
}

/** An exception as stored, with who granted it and why. */
export type StoredException = CreditException & {
  reason: string;
  authorityLevel: AuthorityLevel;
  grantedBy: { id: string | null; name: string | null };
  grantedOn: CalendarDate;
  revokedAt: Date | null;
};

/**
 * The live exceptions (not revoked, not expired on `today`) of `entities`, by entity key
 * (`entityKey`), soonest to expire first, in one statement whatever their number.
 */
export async function listLiveExceptions(
  q: Queryable,
  companyId: string,
  entities: readonly CreditEntity[],
  today: CalendarDate,
): Promise<Map<string, StoredException[]>> {
  const found = new Map<string, StoredException[]>();
  if (entities.length === 0) {
    return found;
  }
  const sirens = entities.flatMap((e) => (e.kind === 'siren' ? [e.siren] : []));
  const accounts = entities.flatMap((e) => (e.kind === 'account' ? [e.customerId] : []));
  const rows = await creditDb(q)
    .selectFrom('credit_exception')
    .selectAll()
    .where('company_id', '=', companyId)
    .where((eb) =>
      eb.or([
        eb('siren', '=', anyOf(sirens, 'text')),
        eb('customer_id', '=', anyOf(accounts, 'uuid')),
      ]),
    )
    .where('revoked_at', 'is', null)
    .where('expires_on', '>=', today)
    .orderBy('expires_on')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const key = row.siren === null ? `account:${row.customer_id ?? ''}` : `siren:${row.siren}`;
    const list = found.get(key) ?? [];
    list.push({
      id: row.id,
      amountCents: cents(row.amount_cents),
      currency: row.currency,
      expiresOn: row.expires_on as CalendarDate,
      orderId: row.order_id,
      reason: row.reason,
      authorityLevel: row.authority_level as AuthorityLevel,
      grantedBy: { id: row.granted_by, name: row.granted_by_name },
      grantedOn: row.granted_on as CalendarDate,
      revokedAt: row.revoked_at,
    });
    found.set(key, list);
  }
  return found;
}

/** Stores a granted exception, in one statement. */
export async function insertException(
  tx: Queryable,
  companyId: string,
  entity: CreditEntity,
  exception: Omit<StoredException, 'revokedAt'>,
  now: Date,
): Promise<void> {
  await creditDb(tx)
    .insertInto('credit_exception')
    .values({
      company_id: companyId,
      id: exception.id,
      ...entityColumns(entity),
      amount_cents: exception.amountCents,
      currency: exception.currency,
      expires_on: exception.expiresOn,
      reason: exception.reason,
      order_id: exception.orderId,
      authority_level: exception.authorityLevel,
      granted_by: exception.grantedBy.id,
      granted_by_name: exception.grantedBy.name,
      granted_on: exception.grantedOn,
      granted_at: now,
    })
    .execute();
}

/** An alert as stored: which threshold, at what exposure, against which limit. */
export type StoredAlert = {
  id: string;
  entity: CreditEntity;
  level: 'alert' | 'block';
  exposureCents: Cents;
  limitCents: Cents;
  currency: string;
  raisedOn: CalendarDate;
  raisedAt: Date;
};

/** Raises an alert of `level` unless one is open already; whether it did. One statement. */
export async function raiseAlert(
  tx: Queryable,
  companyId: string,
  alert: StoredAlert,
): Promise<boolean> {
  const inserted = await creditDb(tx)
    .insertInto('credit_alert')
    .values({
      company_id: companyId,
      id: alert.id,
      ...entityColumns(alert.entity),
      level: alert.level,
      exposure_cents: alert.exposureCents,
      limit_cents: alert.limitCents,
      currency: alert.currency,
      raised_on: alert.raisedOn,
      raised_at: alert.raisedAt,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return inserted.length > 0;
}

/** Closes the entity's open alerts of `levels` (the exposure is back under them). */
export async function clearAlerts(
  tx: Queryable,
  companyId: string,
  entity: CreditEntity,
  levels: readonly ('alert' | 'block')[],
  now: Date,
): Promise<void> {
  if (levels.length === 0) {
    return;
  }
  await creditDb(tx)
    .updateTable('credit_alert')
    .set({ cleared_at: now })
    .where('company_id', '=', companyId)
    .where(entityWhere(entity))
    .where('level', '=', anyOf(levels, 'text'))
    .where('cleared_at', 'is', null)
    .execute();
}

/** The company's open alerts, newest first, for the credit manager's list. */
export async function listCompanyOpenAlerts(
  q: Queryable,
  companyId: string,
  limit: number,
): Promise<(StoredAlert & { siren: string | null; customerId: string | null })[]> {
  const rows = await creditDb(q)
    .selectFrom('credit_alert')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('cleared_at', 'is', null)
    .orderBy('raised_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => {
    const entity: CreditEntity =
      row.siren === null
        ? { kind: 'account', customerId: row.customer_id ?? '' }
        : { kind: 'siren', siren: row.siren };
    return {
      id: row.id,
      entity,
      siren: row.siren === null ? null : row.siren,
      customerId: row.customer_id,
      level: row.level as 'alert' | 'block',
      exposureCents: cents(row.exposure_cents),
      limitCents: cents(row.limit_cents),
      currency: row.currency,
      raisedOn: row.raised_on as CalendarDate,
      raisedAt: row.raised_at,
    };
  });
}

/** A page of the company's current limits, by id after `after`: the review's walk. */
export async function listCurrentLimitsPage(
  q: Queryable,
  companyId: string,
  after: string | null,
  limit: number,
): Promise<{ id: string; entity: CreditEntity }[]> {
  let query = creditDb(q)
    .selectFrom('credit_limit')
    .select(['id', 'siren', 'customer_id'])
    .where('company_id', '=', companyId)
    .where('superseded_at', 'is', null);
  if (after !== null) {
    query = query.where('id', '>', after);
  }
  const rows = await query.orderBy('id').limit(limit).execute();
  return rows.map((row) => ({
    id: row.id,
    entity:
      row.siren === null
        ? { kind: 'account', customerId: row.customer_id ?? '' }
        : { kind: 'siren', siren: row.siren },
  }));
}

/** The open alerts' levels of `entities`, by entity key, in one statement. */
export async function listOpenAlertLevels(
  q: Queryable,
  companyId: string,
  entities: readonly CreditEntity[],
): Promise<Map<string, Set<'alert' | 'block'>>> {
  const sirens = entities.flatMap((e) => (e.kind === 'siren' ? [e.siren] : []));
  const accounts = entities.flatMap((e) => (e.kind === 'account' ? [e.customerId] : []));
  const levels = new Map<string, Set<'alert' | 'block'>>();
  if (entities.length === 0) {
    return levels;
  }
  const rows = await creditDb(q)
    .selectFrom('credit_alert')
    .select(['siren', 'customer_id', 'level'])
    .where('company_id', '=', companyId)
    .where('cleared_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('siren', '=', anyOf(sirens, 'text')),
        eb('customer_id', '=', anyOf(accounts, 'uuid')),
      ]),
    )
    .execute();
  for (const row of rows) {
    const key = row.siren === null ? `account:${row.customer_id ?? ''}` : `siren:${row.siren}`;
    const found = levels.get(key) ?? new Set();
    found.add(row.level as 'alert' | 'block');
    levels.set(key, found);
  }
  return levels;
}
