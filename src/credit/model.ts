/**
 * Credit limits and exposure (issue 12, docs/credit.md): what a legal entity owes and has
 * ordered, against the limit decided for it, and what the credit check answers an order.
 *
 * Pure (HOUSE_STYLE §3): the limit, the exposure's parts, the exceptions and today come in as
 * arguments; nothing here reads a table.
 */
import type { CalendarDate } from '../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../shared/errors.ts';
import { MAX_TOTAL_CENTS, cents, percentOf, toDecimalString, type Cents } from '../shared/money.ts';
import type { TRole } from '../shared/schemas.ts';

/**
 * Whose limit it is: a SIREN (every account of that legal entity shares it) or one account
 * without a SIREN (a foreign customer, a private person).
 */
export type CreditEntity =
  | { kind: 'siren'; siren: string }
  | { kind: 'account'; customerId: string };

/** What covers part of a limit: a credit insurer's cover, a bank's or a parent's guarantee. */
export const LIMIT_COVERS = [
  'credit_insurance',
  'bank_guarantee',
  'parent_guarantee',
  'other',
] as const;
export type LimitCover = (typeof LIMIT_COVERS)[number];

/**
 * Who may decide how much (docs/credit.md « Authority »): 1 a collector, 2 a credit manager,
 * 3 an administrator (the CFO), each up to the ceiling the company's policy sets.
 */
export type AuthorityLevel = 1 | 2 | 3;

/**
 * A limit in force. `source`: `decision` (decided in Encaisse), `import` (a limits file),
 * `account` (only typed on the customer record, never decided: no one answers for it).
 */
export type CreditLimit = {
  amountCents: Cents;
  currency: string;
  coveredCents: Cents;
  cover: LimitCover | null;
  validFrom: CalendarDate;
  reviewOn: CalendarDate | null;
  expiresOn: CalendarDate | null;
  source: 'decision' | 'import' | 'account';
  authorityLevel: AuthorityLevel | null;
  decidedBy: { id: string | null; name: string | null } | null;
};

/**
 * The exposure's parts ("encours") in one currency, summed over the entity's accounts:
 * - `openItemsCents`: open invoices less open credit notes (the ledger's kept balance);
 * - `ordersCents`: what remains to invoice of validated and delivered orders;
 * - `unappliedCashCents`: payments received and not yet allocated.
 */
export type ExposureParts = {
  currency: string;
  openItemsCents: Cents;
  ordersCents: Cents;
  unappliedCashCents: Cents;
};

/** Open items + orders − unapplied cash. Negative when the entity has paid ahead. */
export function exposureTotal(parts: ExposureParts): Cents {
  return cents(parts.openItemsCents + parts.ordersCents - parts.unappliedCashCents);
}

/** An exception granted over the limit: `amountCents` more, until `expiresOn` (inclusive). */
export type CreditException = {
  id: string;
  amountCents: Cents;
  currency: string;
  expiresOn: CalendarDate;
  orderId: string | null;
};

/** The company's credit policy (credit_setting), with its defaults. */
export type CreditPolicy = {
  /** Share of the limit that raises an alert, in basis points (8000 = 80 %). */
  alertBps: number;
  /** Share of the limit from which the check holds an order (10000 = 100 %). */
  blockBps: number;
  /** What the check answers an entity with no limit at all: accept, or hold for a decision. */
  withoutLimit: 'accept' | 'hold';
  /** Highest limit and exception each level may decide (null: no ceiling). Level 3 has none. */
  ceilings: Readonly<
    Record<1 | 2, { limitMaxCents: Cents | null; exceptionMaxCents: Cents | null }>
  >;
};

/**
 * Defaults: an alert at 80 % and a hold at 100 % (the issue's example). A collector may only
 * set a zero limit (nothing on credit: the cautious decision) and grants exceptions up to
 * 1 000 €; a credit manager decides limits up to
 * 100 000 € and exceptions up to 20 000 €; above, the administrator (the CFO).
 */
export const DEFAULT_CREDIT_POLICY: CreditPolicy = {
  alertBps: 8000,
  blockBps: 10000,
  withoutLimit: 'accept',
  ceilings: {
    1: { limitMaxCents: cents(0), exceptionMaxCents: cents(100_000) },
    2: { limitMaxCents: cents(10_000_000), exceptionMaxCents: cents(2_000_000) },
  },
};

/** The largest total accepted, as `amount_too_large` says it. */
const TOTAL_MAX = { max: toDecimalString(MAX_TOTAL_CENTS) };

/** Every problem of a policy at once. */
export function checkCreditPolicy(policy: CreditPolicy): Issue[] {
  const issues: Issue[] = [];
  for (const [field, bps] of [
    ['alertBps', policy.alertBps],
    ['blockBps', policy.blockBps],
  ] as const) {
    if (!Number.isInteger(bps) || bps < 1 || bps > 100_000) {
      issues.push(fieldIssue(field, 'credit_threshold_out_of_range', { min: 1, max: 100_000 }));
    }
  }
  if (policy.alertBps > policy.blockBps) {
    issues.push(fieldIssue('alertBps', 'credit_alert_above_block'));
  }
  for (const level of [1, 2] as const) {
    const ceiling = policy.ceilings[level];
    for (const [name, value] of [
      ['limitMaxCents', ceiling.limitMaxCents],
      ['exceptionMaxCents', ceiling.exceptionMaxCents],
    ] as const) {
      if (value !== null && value < 0) {
        issues.push(fieldIssue(`ceilings.${level}.${name}`, 'negative_amount'));
      } else if (value !== null && value > MAX_TOTAL_CENTS) {
        issues.push(fieldIssue(`ceilings.${level}.${name}`, 'amount_too_large', TOTAL_MAX));
      }
    }
  }
  return issues;
}

/** The authority level of a role: what it may decide. A read-only role decides nothing. */
export function authorityLevelOf(role: TRole): AuthorityLevel | null {
  switch (role) {
    case 'admin':
      return 3;
    case 'credit_manager':
      return 2;
    case 'collector':
      return 1;
    case 'department_member':
    case 'read_only':
      return null;
  }
}

/**
 * Whether `level` may decide `kind` of `amountCents`; level 3 always may. A limit lowered
 * is a decision like another: its amount is what is checked.
 */
export function isWithinAuthority(
  policy: CreditPolicy,
  level: AuthorityLevel | null,
  kind: 'limit' | 'exception',
  amountCents: Cents,
): boolean {
  if (level === null) {
    return false;
  }
  if (level === 3) {
    return true;
  }
  const ceiling = policy.ceilings[level];
  const max = kind === 'limit' ? ceiling.limitMaxCents : ceiling.exceptionMaxCents;
  return max === null || amountCents <= max;
}

/** A limit as someone proposes it, before it is stored. */
export type LimitDecisionInput = {
  amountCents: number;
  currency: string;
  coveredCents: number;
  cover: LimitCover | null;
  validFrom: CalendarDate;
  reviewOn: CalendarDate | null;
  expiresOn: CalendarDate | null;
};

/** Every problem of a proposed limit at once (its authority is checked apart). */
export function checkLimitDecision(input: LimitDecisionInput, today: CalendarDate): Issue[] {
  const issues: Issue[] = [];
  const isAmountValid = Number.isSafeInteger(input.amountCents) && input.amountCents >= 0;
  if (!isAmountValid) {
    issues.push(fieldIssue('amountCents', 'negative_amount'));
  } else if (input.amountCents > MAX_TOTAL_CENTS) {
    issues.push(fieldIssue('amountCents', 'amount_too_large', TOTAL_MAX));
  }
  if (!Number.isSafeInteger(input.coveredCents) || input.coveredCents < 0) {
    issues.push(fieldIssue('coveredCents', 'negative_amount'));
  } else if (isAmountValid && input.coveredCents > input.amountCents) {
    // Compared only with a valid limit: a negative one already says what is wrong.
    issues.push(fieldIssue('coveredCents', 'credit_cover_above_limit'));
  }
  if (input.coveredCents > 0 && input.cover === null) {
    issues.push(fieldIssue('cover', 'credit_cover_required'));
  }
  if (input.expiresOn !== null && input.expiresOn < input.validFrom) {
    issues.push(fieldIssue('expiresOn', 'credit_expiry_before_start'));
  }
  if (input.expiresOn !== null && input.expiresOn < today) {
    issues.push(fieldIssue('expiresOn', 'credit_expiry_past'));
  }
  if (input.reviewOn !== null && input.reviewOn < input.validFrom) {
    issues.push(fieldIssue('reviewOn', 'credit_review_before_start'));
  }
  return issues;
}

/** Whether the limit applies on `today`: started, and not expired. */
export function limitState(
  limit: CreditLimit,
  today: CalendarDate,
): 'in_force' | 'not_started' | 'expired' {
  if (today < limit.validFrom) {
    return 'not_started';
  }
  if (limit.expiresOn !== null && today > limit.expiresOn) {
    return 'expired';
  }
  return 'in_force';
}

/** The customer's status as the check reads it (customers' own statuses). */
export type AccountStatus = 'prospect' | 'active' | 'on_hold' | 'in_litigation' | 'closed';

/**
 * Why the check holds an order, most serious first in `reasons`:
 * - `customer_closed`: the account is closed: an explicit refusal, not a credit question;
 * - `account_not_opened`: a prospect, whose account opening is not complete;
 * - `in_litigation`: handed over to litigation;
 * - `on_hold`: the customer is on credit hold (the limit crossed, or a dunning step);
 * - `currency_not_covered`: the order is in another currency than the limit;
 * - `limit_expired` / `limit_not_started`: no limit applies today (a decision is due);
 * - `no_limit`: none was ever decided, and the policy holds such customers;
 * - `over_limit`: the exposure with this order would exceed the block threshold.
 */
export const HOLD_REASONS = [
  'customer_closed',
  'account_not_opened',
  'in_litigation',
  'on_hold',
  'currency_not_covered',
  'limit_expired',
  'limit_not_started',
  'no_limit',
  'over_limit',
] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/**
 * Said with an accept, for whoever reads it: the limit's review date has passed, the
 * exposure with the order crosses the alert threshold, an exception made room, or the
 * entity has no limit and the policy accepts it.
 */
export type CheckNotice = 'review_due' | 'alert_threshold' | 'exception_used' | 'no_limit';

/** What the check is given: the order, the entity's state and figures, and today. */
export type CreditCheckInput = {
  amountCents: Cents;
  currency: string;
  /** The statuses of the entity's accounts; the first is the ordering one. */
  status: AccountStatus;
  /** Another account of the same SIREN is on hold or in litigation: the entity is. */
  entityHeld: boolean;
  limit: CreditLimit | null;
  /** The exposure in the order's currency (zeros when the entity owes nothing in it). */
  exposure: ExposureParts;
  /** Live exceptions of the entity, any currency (those of other currencies do not count). */
  exceptions: readonly CreditException[];
  /** The order the check is for, when it is one already received (its own exception counts). */
  orderId: string | null;
  /** Whether the order's own amount is already in `exposure.ordersCents` (a re-check). */
  isOrderCounted: boolean;
  today: CalendarDate;
};

/** What the check answers: accept or hold, why, and every figure it used. */
export type CreditCheckResult = {
  decision: 'accept' | 'hold';
  reasons: HoldReason[];
  notices: CheckNotice[];
  exposureCents: Cents;
  /** The exposure once this order counts. */
  exposureAfterCents: Cents;
  limitCents: Cents | null;
  /** The exceptions' room added to the limit, in the order's currency. */
  exceptionCents: Cents;
  /** Where the check holds: the block threshold of the limit, plus the exceptions. */
  blockAtCents: Cents | null;
  /** What may still be ordered before the hold (0 when none), null without a limit. */
  availableCents: Cents | null;
  /** The exposure above the covered part: the company's own risk. */
  uncoveredCents: Cents;
  usedExceptionIds: string[];
};

/** `bps` of `amount`, rounded down: a threshold never lets a cent more through than it says. */
function threshold(amount: Cents, bps: number): Cents {
  return percentOf(amount, bps, 'down');
}

/**
 * The credit check (docs/credit.md « The credit check »). Holds when the account's status
 * forbids an order, when no limit applies and one is needed, or when the exposure with the
 * order would exceed the block threshold of the limit plus the live exceptions; accepts
 * otherwise, with notices. An exception for a given order only counts for that order.
 * A zero limit holds any order that would leave something owed on credit (one covered by cash
 * paid ahead passes); no limit at all follows the policy.
 */
export function checkCredit(input: CreditCheckInput, policy: CreditPolicy): CreditCheckResult {
  const reasons: HoldReason[] = [];
  const notices: CheckNotice[] = [];
  const exposureCents = exposureTotal(input.exposure);
  const exposureAfterCents = input.isOrderCounted
    ? exposureCents
    : cents(exposureCents + input.amountCents);
  const usable = input.exceptions.filter(
    (exception) =>
      exception.currency === input.currency &&
      exception.expiresOn >= input.today &&
      (exception.orderId === null || exception.orderId === input.orderId),
  );
  const exceptionCents = cents(usable.reduce((sum, exception) => sum + exception.amountCents, 0));
  switch (input.status) {
    case 'closed':
      reasons.push('customer_closed');
      break;
    case 'prospect':
      reasons.push('account_not_opened');
      break;
    case 'in_litigation':
      reasons.push('in_litigation');
      break;
    case 'on_hold':
    case 'active':
      // An exception granted is the decision that lets a held customer's orders through
      // again, within its room (the limit check below still applies).
      if (input.status === 'on_hold' || input.entityHeld) {
        if (usable.length === 0) {
          reasons.push('on_hold');
        } else {
          notices.push('exception_used');
        }
      }
      break;
  }
  const limit = input.limit;
  let blockAtCents: Cents | null = null;
  if (limit === null) {
    if (policy.withoutLimit === 'hold') {
      reasons.push('no_limit');
    } else {
      notices.push('no_limit');
    }
  } else if (limit.currency !== input.currency) {
    reasons.push('currency_not_covered');
  } else {
    const state = limitState(limit, input.today);
    if (state === 'expired') {
      reasons.push('limit_expired');
    } else if (state === 'not_started') {
      reasons.push('limit_not_started');
    } else {
      blockAtCents = cents(threshold(limit.amountCents, policy.blockBps) + exceptionCents);
      if (limit.amountCents === 0 && exceptionCents === 0) {
        // A zero limit: nothing on credit, however small (« zero limit » is not « no limit »).
        if (exposureAfterCents > 0) {
          reasons.push('over_limit');
        }
      } else if (exposureAfterCents > blockAtCents) {
        reasons.push('over_limit');
      } else if (
        exposureAfterCents > threshold(limit.amountCents, policy.blockBps) &&
        !notices.includes('exception_used')
      ) {
        notices.push('exception_used');
      }
      if (
        exposureAfterCents >= threshold(limit.amountCents, policy.alertBps) &&
        limit.amountCents > 0
      ) {
        notices.push('alert_threshold');
      }
      if (limit.reviewOn !== null && limit.reviewOn <= input.today) {
        notices.push('review_due');
      }
    }
  }
  const ordered = [...reasons].sort((a, b) => HOLD_REASONS.indexOf(a) - HOLD_REASONS.indexOf(b));
  const covered = limit === null || limit.currency !== input.currency ? 0 : limit.coveredCents;
  return {
    decision: ordered.length === 0 ? 'accept' : 'hold',
    reasons: ordered,
    notices: ordered.length === 0 ? notices : [],
    exposureCents,
    exposureAfterCents,
    limitCents: limit === null || limit.currency !== input.currency ? null : limit.amountCents,
    exceptionCents,
    blockAtCents,
    availableCents: blockAtCents === null ? null : cents(Math.max(0, blockAtCents - exposureCents)),
    uncoveredCents: cents(Math.max(0, exposureAfterCents - covered)),
    usedExceptionIds: notices.includes('exception_used') ? usable.map((e) => e.id) : [],
  };
}

/**
 * Which threshold an exposure stands at, for the alerts: `block` over the block threshold (at
 * the limit itself is still within it, as the check accepts), `alert` at or above the alert
 * threshold, else none. No limit, or a limit of
 * another currency, raises nothing: there is nothing to cross.
 */
export function thresholdReached(
  exposureCents: Cents,
  limit: Pick<CreditLimit, 'amountCents'> | null,
  policy: Pick<CreditPolicy, 'alertBps' | 'blockBps'>,
): 'block' | 'alert' | null {
  if (limit === null) {
    return null;
  }
  if (limit.amountCents === 0) {
    return exposureCents > 0 ? 'block' : null;
  }
  if (exposureCents > threshold(limit.amountCents, policy.blockBps)) {
    return 'block';
  }
  if (exposureCents >= threshold(limit.amountCents, policy.alertBps)) {
    return 'alert';
  }
  return null;
}

/**
 * Whether `exposureCents` stands over the block threshold plus the room of the entity's live
 * exceptions in the limit's currency (those for one order do not count: they only let that
 * order through): the line past which the accounts go on credit hold, and under which a hold
 * may be released. No limit never stands over.
 */
export function standsOverLimit(
  exposureCents: Cents,
  limit: Pick<CreditLimit, 'amountCents' | 'currency'> | null,
  exceptions: readonly CreditException[],
  policy: Pick<CreditPolicy, 'blockBps'>,
  today: CalendarDate,
): boolean {
  if (limit === null) {
    return false;
  }
  const room = exceptions
    .filter((e) => e.currency === limit.currency && e.orderId === null && e.expiresOn >= today)
    .reduce((sum, e) => sum + e.amountCents, 0);
  if (limit.amountCents === 0 && room === 0) {
    return exposureCents > 0;
  }
  return exposureCents > threshold(limit.amountCents, policy.blockBps) + room;
}

/** An exception as someone proposes it. */
export type ExceptionInput = {
  amountCents: number;
  currency: string;
  expiresOn: CalendarDate;
  reason: string;
};

/** The longest an exception may run: a quarter. Longer is a new limit, to be decided as one. */
export const MAX_EXCEPTION_DAYS = 92;

/** Every problem of a proposed exception at once (its authority is checked apart). */
export function checkException(
  input: ExceptionInput,
  today: CalendarDate,
  lastDay: CalendarDate,
): Issue[] {
  const issues: Issue[] = [];
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
    issues.push(fieldIssue('amountCents', 'credit_exception_amount_not_positive'));
  } else if (input.amountCents > MAX_TOTAL_CENTS) {
    issues.push(fieldIssue('amountCents', 'amount_too_large', TOTAL_MAX));
  }
  if (input.reason.trim() === '') {
    issues.push(fieldIssue('reason', 'credit_reason_required'));
  }
  if (input.expiresOn < today) {
    issues.push(fieldIssue('expiresOn', 'credit_expiry_past'));
  } else if (input.expiresOn > lastDay) {
    issues.push(fieldIssue('expiresOn', 'credit_exception_too_long', { days: MAX_EXCEPTION_DAYS }));
  }
  return issues;
}
