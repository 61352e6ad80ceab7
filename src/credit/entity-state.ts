/**
 * The state of a legal entity every credit use case starts from: its accounts, the limit in
 * force, the exposure by currency, the live exceptions, the open holds, the policy and the
 * company's today. Read in a fixed number of statements (two index lookups for the accounts,
 * one each for the rest), whatever the entity's size, so the credit check stays in
 * milliseconds at 1,000,000 invoices: the ledger's balances are the kept ones (ADR 6).
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { listAssignableUsers } from '../auth/service.ts';
import type { Company } from '../companies/model.ts';
import { getCompany } from '../companies/service.ts';
import {
  listAccountsOfEntities,
  listEntityAccounts,
  type CreditAccount,
} from '../customers/credit-accounts.ts';
import type { Queryable } from '../db/client.ts';
import { listKeptBalances, type KeptBalance } from '../ledger/kept-balances.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import type { CreditEntity, CreditLimit, CreditPolicy, ExposureParts } from './model.ts';
import { alertRecipientsOf, type AlertRecipient } from './alert-mail.ts';
import { listOpenHolds, sumLiveOrders, type StoredHold } from './order-store.ts';
import {
  entityKey,
  findCurrentLimits,
  listLiveExceptions,
  readCreditPolicy,
  type StoredException,
  type StoredLimit,
} from './store.ts';

/** A limit in force with where it comes from: a stored decision, or the record's typed figure. */
export type LimitInForce = CreditLimit & { id: string | null; reason: string | null };

export type EntityState = {
  /** The account asked about first, then the other accounts of its SIREN. */
  accounts: CreditAccount[];
  entity: CreditEntity;
  limit: LimitInForce | null;
  /** One entry per currency the entity owes or has ordered in. */
  exposures: ExposureParts[];
  exceptions: StoredException[];
  holds: StoredHold[];
  policy: CreditPolicy;
  today: CalendarDate;
  companyCurrency: string;
  /** Who hears of the alerts a decision on this entity raises (empty for a read). */
  alertRecipients: AlertRecipient[];
};

/** The entity of an account: its SIREN when it has one, else the account alone. */
export function entityOf(account: Pick<CreditAccount, 'id' | 'siren'>): CreditEntity {
  return account.siren === null
    ? { kind: 'account', customerId: account.id }
    : { kind: 'siren', siren: account.siren };
}

/**
 * The limit in force for `entity`: the SIREN's decision, else the asking account's own
 * decision (taken before it had a SIREN), else the figure typed on its record (undecided:
 * `source: 'account'`, in the company's currency, no dates).
 */
function limitInForce(
  stored: Map<string, StoredLimit>,
  entity: CreditEntity,
  account: CreditAccount,
  companyCurrency: string,
): LimitInForce | null {
  const decided =
    stored.get(entityKey(entity)) ??
    stored.get(entityKey({ kind: 'account', customerId: account.id }));
  if (decided !== undefined) {
    return decided;
  }
  if (account.creditLimitCents === null) {
    return null;
  }
  return {
    id: null,
    reason: null,
    amountCents: account.creditLimitCents,
    currency: companyCurrency,
    coveredCents: cents(0),
    cover: null,
    validFrom: '0001-01-01' as CalendarDate,
    reviewOn: null,
    expiresOn: null,
    source: 'account',
    authorityLevel: null,
    decidedBy: null,
  };
}

/**
 * The exposure's parts by currency over `accountIds`, from the kept balances and the live
 * orders: one entity's, whatever rows of other accounts the lists hold.
 */
export function exposuresOf(
  accountIds: ReadonlySet<string>,
  balances: readonly KeptBalance[],
  orders: readonly { customerId: string; currency: string; remainingCents: number }[],
): ExposureParts[] {
  const byCurrency = new Map<string, ExposureParts>();
  const partsOf = (currency: string) => {
    const found = byCurrency.get(currency) ?? {
      currency,
      openItemsCents: cents(0),
      ordersCents: cents(0),
      unappliedCashCents: cents(0),
    };
    byCurrency.set(currency, found);
    return found;
  };
  for (const balance of balances.filter((row) => accountIds.has(row.customerId))) {
    const parts = partsOf(balance.currency);
    parts.openItemsCents = cents(parts.openItemsCents + balance.openItemsCents);
    parts.unappliedCashCents = cents(parts.unappliedCashCents + balance.unappliedCashCents);
  }
  for (const order of orders.filter((row) => accountIds.has(row.customerId))) {
    const parts = partsOf(order.currency);
    parts.ordersCents = cents(parts.ordersCents + order.remainingCents);
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** The parts in `currency`, zeros when the entity has none in it. */
export function exposureIn(state: Pick<EntityState, 'exposures'>, currency: string): ExposureParts {
  return (
    state.exposures.find((parts) => parts.currency === currency) ?? {
      currency,
      openItemsCents: cents(0),
      ordersCents: cents(0),
      unappliedCashCents: cents(0),
    }
  );
}

/**
 * The company's currency and time zone, and for a decision who hears of its alerts: read
 * before a transaction opens (ADR 8: PGlite's one connection is the transaction's then).
 */
export type CreditCompany = Pick<Company, 'currency' | 'timeZone'> & {
  alertRecipients: AlertRecipient[];
};

/**
 * The company a credit use case works in. A decision (`forDecision`) also reads the users its
 * alerts go to; the credit check does not (one statement fewer on the ERP's hot path).
 */
export async function creditCompany(
  deps: Deps,
  ctx: Ctx,
  options: { forDecision?: boolean } = {},
): Promise<CreditCompany> {
  const company = await getCompany(deps, ctx.companyId);
  const alertRecipients =
    options.forDecision === true ? alertRecipientsOf(await listAssignableUsers(deps, ctx)) : [];
  return { currency: company.currency, timeZone: company.timeZone, alertRecipients };
}

/**
 * Reads the entity of `customer` on `q`. With `lock` (a decision's transaction) the accounts
 * are locked `FOR UPDATE` first and the ledger's balances `FOR SHARE`: what the decision
 * derives from stands until it commits. Throws `NotFound` for an account not the company's.
 */
export async function readEntityState(
  deps: Deps,
  q: Queryable,
  ctx: Ctx,
  company: CreditCompany,
  customer: { id: string } | { code: string },
  options: { lock?: boolean } = {},
): Promise<EntityState> {
  const lock = options.lock === true;
  const accounts = await listEntityAccounts(q, ctx, customer, { lock });
  const asking = accounts[0];
  if (asking === undefined) {
    throw new NotFoundError('customer', 'id' in customer ? customer.id : customer.code);
  }
  const [state] = await statesOf(deps, q, ctx, company, [{ asking, accounts }], lock);
  return state as EntityState;
}

/**
 * The state of the entity of each of `customerIds` (by customer id), in a fixed number of
 * statements whatever their number: what an orders file reads for a batch. With `lock`
 * every account of every entity is locked at once, in id order, and the balances held.
 * Throws `NotFound` for an id not the company's.
 */
export async function readEntityStates(
  deps: Deps,
  q: Queryable,
  ctx: Ctx,
  company: CreditCompany,
  customerIds: readonly string[],
  options: { lock?: boolean } = {},
): Promise<Map<string, EntityState>> {
  const lock = options.lock === true;
  const ids = [...new Set(customerIds)];
  if (ids.length === 0) {
    return new Map();
  }
  const askingRows = await listAccountsOfEntities(q, ctx, { sirens: [], customerIds: ids });
  const missing = ids.find((id) => !askingRows.some((account) => account.id === id));
  if (missing !== undefined) {
    throw new NotFoundError('customer', missing);
  }
  const accounts = await listAccountsOfEntities(
    q,
    ctx,
    {
      sirens: [...new Set(askingRows.flatMap((account) => account.siren ?? []))],
      customerIds: askingRows.filter((account) => account.siren === null).map((a) => a.id),
    },
    { lock },
  );
  const groups = askingRows.map((row) => {
    const key = entityKey(entityOf(row));
    const members = accounts.filter((account) => entityKey(entityOf(account)) === key);
    const asking = members.find((account) => account.id === row.id) ?? row;
    return { asking, accounts: [asking, ...members.filter((account) => account.id !== row.id)] };
  });
  const states = await statesOf(deps, q, ctx, company, groups, lock);
  return new Map(groups.map((group, index) => [group.asking.id, states[index] as EntityState]));
}

/**
 * The states of `groups` (an asking account and the accounts of its entity, it first), their
 * limits, balances, orders, exceptions, holds and the policy read in one statement each.
 */
async function statesOf(
  deps: Deps,
  q: Queryable,
  ctx: Ctx,
  company: CreditCompany,
  groups: readonly { asking: CreditAccount; accounts: CreditAccount[] }[],
  lock: boolean,
): Promise<EntityState[]> {
  const today = deps.clock.today(company.timeZone);
  const entities = groups.map((group) => entityOf(group.asking));
  const ids = [...new Set(groups.flatMap((group) => group.accounts.map((account) => account.id)))];
  const [stored, balances, orders, exceptions, holds, policy] = await Promise.all([
    findCurrentLimits(q, ctx.companyId, [
      ...entities,
      ...groups.map((group): CreditEntity => ({ kind: 'account', customerId: group.asking.id })),
    ]),
    listKeptBalances(q, ctx, ids, { forShare: lock }),
    sumLiveOrders(q, ctx.companyId, ids),
    listLiveExceptions(q, ctx.companyId, entities, today),
    listOpenHolds(q, ctx.companyId, ids),
    readCreditPolicy(q, ctx.companyId),
  ]);
  return groups.map((group, index) => {
    const entity = entities[index] ?? entityOf(group.asking);
    const members = new Set(group.accounts.map((account) => account.id));
    return {
      accounts: group.accounts,
      entity,
      limit: limitInForce(stored, entity, group.asking, company.currency),
      exposures: exposuresOf(members, balances, orders),
      exceptions: exceptions.get(entityKey(entity)) ?? [],
      holds: holds.filter((hold) => members.has(hold.customerId)),
      policy,
      today,
      companyCurrency: company.currency,
      alertRecipients: company.alertRecipients,
    };
  });
}
