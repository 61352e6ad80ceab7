import { describe, expect, it } from 'vitest';
import { addDays, type CalendarDate } from '../shared/calendar-date.ts';
import type { Issue } from '../shared/errors.ts';
import { MAX_TOTAL_CENTS, cents } from '../shared/money.ts';
import { ROLES, type TRole } from '../shared/schemas.ts';
import {
  DEFAULT_CREDIT_POLICY,
  MAX_EXCEPTION_DAYS,
  authorityLevelOf,
  checkCredit,
  checkCreditPolicy,
  checkException,
  checkLimitDecision,
  exposureTotal,
  isWithinAuthority,
  standsOverLimit,
  thresholdReached,
  type AuthorityLevel,
  type CheckNotice,
  type CreditCheckInput,
  type CreditCheckResult,
  type CreditException,
  type CreditLimit,
  type CreditPolicy,
  type ExceptionInput,
  type ExposureParts,
  type HoldReason,
  type LimitDecisionInput,
} from './model.ts';

const TODAY = '2026-03-15' as CalendarDate;
const YESTERDAY = '2026-03-14' as CalendarDate;
const TOMORROW = '2026-03-16' as CalendarDate;

// A limit of 10 000,00 €: the alert (80 %) is at 8 000,00 €, the hold past 10 000,00 €.
const LIMIT = 1_000_000;

function limitOf(overrides: Partial<CreditLimit> = {}): CreditLimit {
  return {
    amountCents: cents(LIMIT),
    currency: 'EUR',
    coveredCents: cents(0),
    cover: null,
    validFrom: '2026-01-01' as CalendarDate,
    reviewOn: null,
    expiresOn: null,
    source: 'decision',
    authorityLevel: 2,
    decidedBy: { id: 'user-1', name: 'Claire Martin' },
    ...overrides,
  };
}

/** An exception of the whole entity (no order) of 2 000,00 €, live until the end of March. */
function exceptionOf(overrides: Partial<CreditException> = {}): CreditException {
  return {
    id: 'exc-1',
    amountCents: cents(200_000),
    currency: 'EUR',
    expiresOn: '2026-03-31' as CalendarDate,
    orderId: null,
    ...overrides,
  };
}

function partsOf(openItems: number, orders: number, unappliedCash: number): ExposureParts {
  return {
    currency: 'EUR',
    openItemsCents: cents(openItems),
    ordersCents: cents(orders),
    unappliedCashCents: cents(unappliedCash),
  };
}

/** An order of 1 000,00 € from an active customer owing nothing, against LIMIT. */
function checkInput(overrides: Partial<CreditCheckInput> = {}): CreditCheckInput {
  return {
    amountCents: cents(100_000),
    currency: 'EUR',
    status: 'active',
    entityHeld: false,
    limit: limitOf(),
    exposure: partsOf(0, 0, 0),
    exceptions: [],
    orderId: null,
    isOrderCounted: false,
    today: TODAY,
    ...overrides,
  };
}

const HOLD_WITHOUT_LIMIT: CreditPolicy = { ...DEFAULT_CREDIT_POLICY, withoutLimit: 'hold' };
const BLOCK_AT_120: CreditPolicy = { ...DEFAULT_CREDIT_POLICY, blockBps: 12_000 };
const ALERT_AT_50: CreditPolicy = { ...DEFAULT_CREDIT_POLICY, alertBps: 5_000 };
const NO_CEILINGS: CreditPolicy = {
  ...DEFAULT_CREDIT_POLICY,
  ceilings: {
    1: { limitMaxCents: null, exceptionMaxCents: null },
    2: { limitMaxCents: null, exceptionMaxCents: null },
  },
};

/** An issue as the tests compare it: the message is the catalogue's, tested apart. */
function shapeOf(issue: Issue): [string, string] {
  return [issue.field, issue.code];
}

describe('exposureTotal', () => {
  it.each([
    { name: 'nothing owed', parts: partsOf(0, 0, 0), total: 0 },
    { name: 'open items and orders', parts: partsOf(500_000, 200_000, 0), total: 700_000 },
    { name: 'less unapplied cash', parts: partsOf(500_000, 200_000, 100_000), total: 600_000 },
    { name: 'paid ahead, nothing open', parts: partsOf(0, 0, 150_000), total: -150_000 },
    { name: 'paid more than owed', parts: partsOf(100_000, 0, 250_000), total: -150_000 },
    { name: 'credit notes above invoices', parts: partsOf(-50_000, 20_000, 0), total: -30_000 },
  ])('$name → $total', ({ parts, total }) => {
    expect(exposureTotal(parts)).toBe(total);
  });
});

type DecisionRow = {
  name: string;
  input: Partial<CreditCheckInput>;
  policy?: CreditPolicy;
  decision: CreditCheckResult['decision'];
  reasons: HoldReason[];
  notices: CheckNotice[];
  exposureAfterCents: number;
};

const OVER_LIMIT: Pick<DecisionRow, 'decision' | 'reasons' | 'notices'> = {
  decision: 'hold',
  reasons: ['over_limit'],
  notices: [],
};

describe('checkCredit: decision, reasons and notices', () => {
  it.each<DecisionRow>([
    // No limit against a zero limit (docs/credit.md: « zero limit » is not « no limit »).
    {
      name: 'no limit, the policy accepts',
      input: { limit: null },
      decision: 'accept',
      reasons: [],
      notices: ['no_limit'],
      exposureAfterCents: 100_000,
    },
    {
      name: 'no limit, the policy holds',
      input: { limit: null },
      policy: HOLD_WITHOUT_LIMIT,
      decision: 'hold',
      reasons: ['no_limit'],
      notices: [],
      exposureAfterCents: 100_000,
    },
    {
      name: 'zero limit, an order of one cent',
      input: { limit: limitOf({ amountCents: cents(0) }), amountCents: cents(1) },
      ...OVER_LIMIT,
      exposureAfterCents: 1,
    },
    {
      name: 'zero limit, an order of 1 000,00 €',
      input: { limit: limitOf({ amountCents: cents(0) }) },
      ...OVER_LIMIT,
      exposureAfterCents: 100_000,
    },
    {
      // Nothing goes on credit: the unapplied cash pays the whole order.
      name: 'zero limit, the order paid ahead by unapplied cash',
      input: { limit: limitOf({ amountCents: cents(0) }), exposure: partsOf(0, 0, 100_000) },
      decision: 'accept',
      reasons: [],
      notices: [],
      exposureAfterCents: 0,
    },
    {
      name: 'zero limit, the unapplied cash one cent short',
      input: { limit: limitOf({ amountCents: cents(0) }), exposure: partsOf(0, 0, 99_999) },
      ...OVER_LIMIT,
      exposureAfterCents: 1,
    },
    // The block threshold: reaching the limit is accepted, passing it is held.
    {
      name: 'exactly at the limit',
      input: { exposure: partsOf(600_000, 300_000, 0) },
      decision: 'accept',
      reasons: [],
      notices: ['alert_threshold'],
      exposureAfterCents: 1_000_000,
    },
    {
      name: 'one cent over the limit',
      input: { exposure: partsOf(600_000, 300_000, 0), amountCents: cents(100_001) },
      ...OVER_LIMIT,
      exposureAfterCents: 1_000_001,
    },
    {
      name: 'already over before the order',
      input: { exposure: partsOf(1_100_000, 0, 0), amountCents: cents(1) },
      ...OVER_LIMIT,
      exposureAfterCents: 1_100_001,
    },
    // The alert threshold (80 %) is reached at, not only past, 8 000,00 €.
    {
      name: 'exactly 80 % of the limit',
      input: { amountCents: cents(800_000) },
      decision: 'accept',
      reasons: [],
      notices: ['alert_threshold'],
      exposureAfterCents: 800_000,
    },
    {
      name: 'one cent under 80 %',
      input: { amountCents: cents(799_999) },
      decision: 'accept',
      reasons: [],
      notices: [],
      exposureAfterCents: 799_999,
    },
    // Unapplied cash lowers the exposure.
    {
      name: 'unapplied cash makes room for the order',
      input: { exposure: partsOf(1_000_000, 0, 200_000), amountCents: cents(200_000) },
      decision: 'accept',
      reasons: [],
      notices: ['alert_threshold'],
      exposureAfterCents: 1_000_000,
    },
    {
      name: 'the same order without the unapplied cash',
      input: { exposure: partsOf(1_000_000, 0, 0), amountCents: cents(200_000) },
      ...OVER_LIMIT,
      exposureAfterCents: 1_200_000,
    },
    {
      name: 'paid ahead: an order above the limit by the cash',
      input: { exposure: partsOf(0, 0, 300_000), amountCents: cents(1_300_000) },
      decision: 'accept',
      reasons: [],
      notices: ['alert_threshold'],
      exposureAfterCents: 1_000_000,
    },
    // Dates of the limit: both ends inclusive.
    {
      name: 'limit expired yesterday',
      input: { limit: limitOf({ expiresOn: YESTERDAY }) },
      decision: 'hold',
      reasons: ['limit_expired'],
      notices: [],
      exposureAfterCents: 100_000,
    },
    {
      name: 'limit expiring today is still in force',
      input: { limit: limitOf({ expiresOn: TODAY }) },
      decision: 'accept',
      reasons: [],
      notices: [],
      exposureAfterCents: 100_000,
    },
    {
      name: 'limit starting tomorrow',
      input: { limit: limitOf({ validFrom: TOMORROW }) },
      decision: 'hold',
      reasons: ['limit_not_started'],
      notices: [],
      exposureAfterCents: 100_000,
    },
    {
      name: 'limit starting today',
      input: { limit: limitOf({ validFrom: TODAY }) },
      decision: 'accept',
      reasons: [],
      notices: [],
      exposureAfterCents: 100_000,
    },
    {
      name: 'review due today',
      input: { limit: limitOf({ reviewOn: TODAY }) },
      decision: 'accept',
      reasons: [],
      notices: ['review_due'],
      exposureAfterCents: 100_000,
    },
    {
      name: 'review date passed',
      input: { limit: limitOf({ reviewOn: '2026-02-01' as CalendarDate }) },
      decision: 'accept',
      reasons: [],
      notices: ['review_due'],
      exposureAfterCents: 100_000,
    },
    {
      name: 'review due tomorrow',
      input: { limit: limitOf({ reviewOn: TOMORROW }) },
      decision: 'accept',
      reasons: [],
      notices: [],
      exposureAfterCents: 100_000,
    },
    {
      name: 'review due and alert',
      input: { limit: limitOf({ reviewOn: TODAY }), amountCents: cents(800_000) },
      decision: 'accept',
      reasons: [],
      notices: ['alert_threshold', 'review_due'],
      exposureAfterCents: 800_000,
    },
    {
      // Notices go with an accept only.
      name: 'review due on a held order',
      input: { limit: limitOf({ reviewOn: TODAY }), amountCents: cents(1_000_001) },
      ...OVER_LIMIT,
      exposureAfterCents: 1_000_001,
    },
    {
      name: 'limit in another currency',
      input: { limit: limitOf({ currency: 'USD' }) },
      decision: 'hold',
      reasons: ['currency_not_covered'],
      notices: [],
      exposureAfterCents: 100_000,
    },
    // Statuses of the account, and of the entity's other accounts.
    {
      name: 'closed account',
      input: { status: 'closed' },
      decision: 'hold',
      reasons: ['customer_closed'],
      notices: [],
      exposureAfterCents: 100_000,
    },
    {
      name: 'prospect',
      input: { status: 'prospect' },
      decision: 'hold',
      reasons: ['account_not_opened'],
      notices: [],
      exposureAfterCents: 100_000,
    },
    {
      name: 'in litigation',
      input: { status: 'in_litigation' },
      decision: 'hold',
      reasons: ['in_litigation'],
      notices: [],
      exposureAfterCents: 100_000,
    },
    {
      name: 'on credit hold',
      input: { status: 'on_hold' },
      decision: 'hold',
      reasons: ['on_hold'],
      notices: [],
      exposureAfterCents: 100_000,
    },
    {
      name: 'active, another account of the SIREN held',
      input: { entityHeld: true },
      decision: 'hold',
      reasons: ['on_hold'],
      notices: [],
      exposureAfterCents: 100_000,
    },
    {
      name: 'closed, no limit held by the policy',
      input: { status: 'closed', limit: null },
      policy: HOLD_WITHOUT_LIMIT,
      decision: 'hold',
      reasons: ['customer_closed', 'no_limit'],
      notices: [],
      exposureAfterCents: 100_000,
    },
    {
      name: 'closed, no limit accepted by the policy: no notice',
      input: { status: 'closed', limit: null },
      decision: 'hold',
      reasons: ['customer_closed'],
      notices: [],
      exposureAfterCents: 100_000,
    },
    {
      name: 'in litigation and over the limit',
      input: { status: 'in_litigation', amountCents: cents(1_000_001) },
      decision: 'hold',
      reasons: ['in_litigation', 'over_limit'],
      notices: [],
      exposureAfterCents: 1_000_001,
    },
    {
      name: 'on hold and a limit in another currency',
      input: { status: 'on_hold', limit: limitOf({ currency: 'USD' }) },
      decision: 'hold',
      reasons: ['on_hold', 'currency_not_covered'],
      notices: [],
      exposureAfterCents: 100_000,
    },
    {
      name: 'prospect and a limit expired',
      input: { status: 'prospect', limit: limitOf({ expiresOn: YESTERDAY }) },
      decision: 'hold',
      reasons: ['account_not_opened', 'limit_expired'],
      notices: [],
      exposureAfterCents: 100_000,
    },
    {
      name: 'entity held and a limit not started',
      input: { entityHeld: true, limit: limitOf({ validFrom: TOMORROW }) },
      decision: 'hold',
      reasons: ['on_hold', 'limit_not_started'],
      notices: [],
      exposureAfterCents: 100_000,
    },
    // Exceptions: 2 000,00 € of room over an exposure of 10 000,00 € (the limit).
    {
      name: 'entity-wide exception makes room',
      input: {
        exposure: partsOf(1_000_000, 0, 0),
        amountCents: cents(150_000),
        exceptions: [exceptionOf()],
      },
      decision: 'accept',
      reasons: [],
      notices: ['exception_used', 'alert_threshold'],
      exposureAfterCents: 1_150_000,
    },
    {
      name: 'exactly the exception’s room',
      input: {
        exposure: partsOf(1_000_000, 0, 0),
        amountCents: cents(200_000),
        exceptions: [exceptionOf()],
      },
      decision: 'accept',
      reasons: [],
      notices: ['exception_used', 'alert_threshold'],
      exposureAfterCents: 1_200_000,
    },
    {
      name: 'one cent over the exception’s room',
      input: {
        exposure: partsOf(1_000_000, 0, 0),
        amountCents: cents(200_001),
        exceptions: [exceptionOf()],
      },
      ...OVER_LIMIT,
      exposureAfterCents: 1_200_001,
    },
    {
      name: 'within the limit, the exception is not used',
      input: { exceptions: [exceptionOf()] },
      decision: 'accept',
      reasons: [],
      notices: [],
      exposureAfterCents: 100_000,
    },
    {
      name: 'exception expired yesterday',
      input: {
        exposure: partsOf(1_000_000, 0, 0),
        exceptions: [exceptionOf({ expiresOn: YESTERDAY })],
      },
      ...OVER_LIMIT,
      exposureAfterCents: 1_100_000,
    },
    {
      name: 'exception expiring today',
      input: {
        exposure: partsOf(1_000_000, 0, 0),
        exceptions: [exceptionOf({ expiresOn: TODAY })],
      },
      decision: 'accept',
      reasons: [],
      notices: ['exception_used', 'alert_threshold'],
      exposureAfterCents: 1_100_000,
    },
    {
      name: 'exception for another order',
      input: {
        exposure: partsOf(1_000_000, 0, 0),
        orderId: 'order-1',
        exceptions: [exceptionOf({ orderId: 'order-2' })],
      },
      ...OVER_LIMIT,
      exposureAfterCents: 1_100_000,
    },
    {
      name: 'exception for an order, a new order checked',
      input: {
        exposure: partsOf(1_000_000, 0, 0),
        exceptions: [exceptionOf({ orderId: 'order-2' })],
      },
      ...OVER_LIMIT,
      exposureAfterCents: 1_100_000,
    },
    {
      name: 'exception for this order',
      input: {
        exposure: partsOf(1_000_000, 0, 0),
        orderId: 'order-1',
        exceptions: [exceptionOf({ orderId: 'order-1' })],
      },
      decision: 'accept',
      reasons: [],
      notices: ['exception_used', 'alert_threshold'],
      exposureAfterCents: 1_100_000,
    },
    {
      name: 'exception in another currency',
      input: {
        exposure: partsOf(1_000_000, 0, 0),
        exceptions: [exceptionOf({ currency: 'USD' })],
      },
      ...OVER_LIMIT,
      exposureAfterCents: 1_100_000,
    },
    {
      name: 'two exceptions add up',
      input: {
        exposure: partsOf(1_000_000, 0, 0),
        amountCents: cents(200_000),
        exceptions: [
          exceptionOf({ amountCents: cents(100_000) }),
          exceptionOf({ id: 'exc-2', amountCents: cents(100_000) }),
        ],
      },
      decision: 'accept',
      reasons: [],
      notices: ['exception_used', 'alert_threshold'],
      exposureAfterCents: 1_200_000,
    },
    // An exception lets a held customer's orders through, within its room.
    {
      name: 'on hold with an exception, within the limit',
      input: { status: 'on_hold', exceptions: [exceptionOf()] },
      decision: 'accept',
      reasons: [],
      notices: ['exception_used'],
      exposureAfterCents: 100_000,
    },
    {
      name: 'on hold with an exception, over the limit within its room (one notice)',
      input: {
        status: 'on_hold',
        exposure: partsOf(1_000_000, 0, 0),
        amountCents: cents(150_000),
        exceptions: [exceptionOf()],
      },
      decision: 'accept',
      reasons: [],
      notices: ['exception_used', 'alert_threshold'],
      exposureAfterCents: 1_150_000,
    },
    {
      name: 'on hold with an exception, beyond its room',
      input: {
        status: 'on_hold',
        exposure: partsOf(1_000_000, 0, 0),
        amountCents: cents(200_001),
        exceptions: [exceptionOf()],
      },
      ...OVER_LIMIT,
      exposureAfterCents: 1_200_001,
    },
    {
      name: 'on hold with an exception for another order',
      input: {
        status: 'on_hold',
        orderId: 'order-1',
        exceptions: [exceptionOf({ orderId: 'order-2' })],
      },
      decision: 'hold',
      reasons: ['on_hold'],
      notices: [],
      exposureAfterCents: 100_000,
    },
    {
      name: 'entity held with an exception',
      input: { entityHeld: true, exceptions: [exceptionOf()] },
      decision: 'accept',
      reasons: [],
      notices: ['exception_used'],
      exposureAfterCents: 100_000,
    },
    {
      name: 'in litigation: an exception does not release it',
      input: { status: 'in_litigation', exceptions: [exceptionOf()] },
      decision: 'hold',
      reasons: ['in_litigation'],
      notices: [],
      exposureAfterCents: 100_000,
    },
    {
      // No alert on a zero limit: 80 % of nothing says nothing.
      name: 'zero limit with an exception of 1 000,00 €',
      input: {
        limit: limitOf({ amountCents: cents(0) }),
        exceptions: [exceptionOf({ amountCents: cents(100_000) })],
      },
      decision: 'accept',
      reasons: [],
      notices: ['exception_used'],
      exposureAfterCents: 100_000,
    },
    {
      name: 'zero limit with an exception, one cent over it',
      input: {
        limit: limitOf({ amountCents: cents(0) }),
        amountCents: cents(100_001),
        exceptions: [exceptionOf({ amountCents: cents(100_000) })],
      },
      ...OVER_LIMIT,
      exposureAfterCents: 100_001,
    },
    // A re-check: the order already counts in the orders' part.
    {
      name: 'order already counted: not added twice',
      input: { exposure: partsOf(900_000, 100_000, 0), isOrderCounted: true },
      decision: 'accept',
      reasons: [],
      notices: ['alert_threshold'],
      exposureAfterCents: 1_000_000,
    },
    {
      name: 'the same order not counted yet',
      input: { exposure: partsOf(900_000, 100_000, 0) },
      ...OVER_LIMIT,
      exposureAfterCents: 1_100_000,
    },
    // Other thresholds of the policy.
    {
      name: 'block at 120 %: exactly 12 000,00 €, no exception needed',
      input: { amountCents: cents(1_200_000) },
      policy: BLOCK_AT_120,
      decision: 'accept',
      reasons: [],
      notices: ['alert_threshold'],
      exposureAfterCents: 1_200_000,
    },
    {
      name: 'block at 120 %: one cent over',
      input: { amountCents: cents(1_200_001) },
      policy: BLOCK_AT_120,
      ...OVER_LIMIT,
      exposureAfterCents: 1_200_001,
    },
    {
      name: 'alert at 50 %: exactly 5 000,00 €',
      input: { amountCents: cents(500_000) },
      policy: ALERT_AT_50,
      decision: 'accept',
      reasons: [],
      notices: ['alert_threshold'],
      exposureAfterCents: 500_000,
    },
    {
      name: 'alert at 50 %: one cent under',
      input: { amountCents: cents(499_999) },
      policy: ALERT_AT_50,
      decision: 'accept',
      reasons: [],
      notices: [],
      exposureAfterCents: 499_999,
    },
  ])('$name', ({ input, policy, decision, reasons, notices, exposureAfterCents }) => {
    const result = checkCredit(checkInput(input), policy ?? DEFAULT_CREDIT_POLICY);
    expect({
      decision: result.decision,
      reasons: result.reasons,
      notices: result.notices,
      exposureAfterCents: result.exposureAfterCents,
    }).toEqual({ decision, reasons, notices, exposureAfterCents });
  });
});

type FigureKey =
  | 'exposureCents'
  | 'exposureAfterCents'
  | 'limitCents'
  | 'exceptionCents'
  | 'blockAtCents'
  | 'availableCents'
  | 'uncoveredCents'
  | 'usedExceptionIds';

describe('checkCredit: figures', () => {
  it.each<{
    name: string;
    input: Partial<CreditCheckInput>;
    policy?: CreditPolicy;
    figures: Pick<CreditCheckResult, FigureKey>;
  }>([
    {
      name: 'within the limit',
      input: { exposure: partsOf(300_000, 100_000, 50_000) },
      figures: {
        exposureCents: cents(350_000),
        exposureAfterCents: cents(450_000),
        limitCents: cents(LIMIT),
        exceptionCents: cents(0),
        blockAtCents: cents(1_000_000),
        availableCents: cents(650_000),
        uncoveredCents: cents(450_000),
        usedExceptionIds: [],
      },
    },
    {
      name: 'over the limit: nothing available',
      input: { exposure: partsOf(1_100_000, 0, 0), amountCents: cents(1) },
      figures: {
        exposureCents: cents(1_100_000),
        exposureAfterCents: cents(1_100_001),
        limitCents: cents(LIMIT),
        exceptionCents: cents(0),
        blockAtCents: cents(1_000_000),
        availableCents: cents(0),
        uncoveredCents: cents(1_100_001),
        usedExceptionIds: [],
      },
    },
    {
      name: 'insured part: the uncovered rest',
      input: {
        limit: limitOf({ coveredCents: cents(600_000), cover: 'credit_insurance' }),
        exposure: partsOf(500_000, 0, 0),
        amountCents: cents(200_000),
      },
      figures: {
        exposureCents: cents(500_000),
        exposureAfterCents: cents(700_000),
        limitCents: cents(LIMIT),
        exceptionCents: cents(0),
        blockAtCents: cents(1_000_000),
        availableCents: cents(500_000),
        uncoveredCents: cents(100_000),
        usedExceptionIds: [],
      },
    },
    {
      name: 'cover above the exposure: nothing uncovered',
      input: { limit: limitOf({ coveredCents: cents(LIMIT), cover: 'bank_guarantee' }) },
      figures: {
        exposureCents: cents(0),
        exposureAfterCents: cents(100_000),
        limitCents: cents(LIMIT),
        exceptionCents: cents(0),
        blockAtCents: cents(1_000_000),
        availableCents: cents(1_000_000),
        uncoveredCents: cents(0),
        usedExceptionIds: [],
      },
    },
    {
      name: 'paid ahead: more available than the limit',
      input: { exposure: partsOf(0, 0, 300_000) },
      figures: {
        exposureCents: cents(-300_000),
        exposureAfterCents: cents(-200_000),
        limitCents: cents(LIMIT),
        exceptionCents: cents(0),
        blockAtCents: cents(1_000_000),
        availableCents: cents(1_300_000),
        uncoveredCents: cents(0),
        usedExceptionIds: [],
      },
    },
    {
      name: 'no limit: no threshold, nothing covered',
      input: { limit: null, exposure: partsOf(400_000, 0, 0) },
      figures: {
        exposureCents: cents(400_000),
        exposureAfterCents: cents(500_000),
        limitCents: null,
        exceptionCents: cents(0),
        blockAtCents: null,
        availableCents: null,
        uncoveredCents: cents(500_000),
        usedExceptionIds: [],
      },
    },
    {
      name: 'expired limit: no threshold, the limit still reported',
      input: {
        limit: limitOf({
          expiresOn: YESTERDAY,
          coveredCents: cents(50_000),
          cover: 'credit_insurance',
        }),
      },
      figures: {
        exposureCents: cents(0),
        exposureAfterCents: cents(100_000),
        limitCents: cents(LIMIT),
        exceptionCents: cents(0),
        blockAtCents: null,
        availableCents: null,
        uncoveredCents: cents(50_000),
        usedExceptionIds: [],
      },
    },
    {
      name: 'limit in another currency: neither limit nor cover counts',
      input: {
        limit: limitOf({
          currency: 'USD',
          coveredCents: cents(50_000),
          cover: 'credit_insurance',
        }),
      },
      figures: {
        exposureCents: cents(0),
        exposureAfterCents: cents(100_000),
        limitCents: null,
        exceptionCents: cents(0),
        blockAtCents: null,
        availableCents: null,
        uncoveredCents: cents(100_000),
        usedExceptionIds: [],
      },
    },
    {
      name: 'exceptions: only the usable ones count and are listed',
      input: {
        exposure: partsOf(1_000_000, 0, 0),
        amountCents: cents(150_000),
        orderId: 'order-1',
        exceptions: [
          exceptionOf({ amountCents: cents(100_000) }),
          exceptionOf({ id: 'exc-2', amountCents: cents(100_000), orderId: 'order-1' }),
          exceptionOf({ id: 'exc-other-order', orderId: 'order-2' }),
          exceptionOf({ id: 'exc-expired', expiresOn: YESTERDAY }),
          exceptionOf({ id: 'exc-usd', currency: 'USD' }),
        ],
      },
      figures: {
        exposureCents: cents(1_000_000),
        exposureAfterCents: cents(1_150_000),
        limitCents: cents(LIMIT),
        exceptionCents: cents(200_000),
        blockAtCents: cents(1_200_000),
        availableCents: cents(200_000),
        uncoveredCents: cents(1_150_000),
        usedExceptionIds: ['exc-1', 'exc-2'],
      },
    },
    {
      name: 'an exception not needed is not listed as used',
      input: { exceptions: [exceptionOf()] },
      figures: {
        exposureCents: cents(0),
        exposureAfterCents: cents(100_000),
        limitCents: cents(LIMIT),
        exceptionCents: cents(200_000),
        blockAtCents: cents(1_200_000),
        availableCents: cents(1_200_000),
        uncoveredCents: cents(100_000),
        usedExceptionIds: [],
      },
    },
    {
      name: 'order already counted',
      input: { exposure: partsOf(900_000, 100_000, 0), isOrderCounted: true },
      figures: {
        exposureCents: cents(1_000_000),
        exposureAfterCents: cents(1_000_000),
        limitCents: cents(LIMIT),
        exceptionCents: cents(0),
        blockAtCents: cents(1_000_000),
        availableCents: cents(0),
        uncoveredCents: cents(1_000_000),
        usedExceptionIds: [],
      },
    },
    {
      name: 'block at 120 %',
      input: {},
      policy: BLOCK_AT_120,
      figures: {
        exposureCents: cents(0),
        exposureAfterCents: cents(100_000),
        limitCents: cents(LIMIT),
        exceptionCents: cents(0),
        blockAtCents: cents(1_200_000),
        availableCents: cents(1_200_000),
        uncoveredCents: cents(100_000),
        usedExceptionIds: [],
      },
    },
    {
      // 120 % of 10,01 € is 12,012 €: rounded down, so not a cent more passes.
      name: 'block at 120 % of an odd limit, rounded down',
      input: { limit: limitOf({ amountCents: cents(1_001) }), amountCents: cents(1) },
      policy: BLOCK_AT_120,
      figures: {
        exposureCents: cents(0),
        exposureAfterCents: cents(1),
        limitCents: cents(1_001),
        exceptionCents: cents(0),
        blockAtCents: cents(1_201),
        availableCents: cents(1_201),
        uncoveredCents: cents(1),
        usedExceptionIds: [],
      },
    },
  ])('$name', ({ input, policy, figures }) => {
    const result = checkCredit(checkInput(input), policy ?? DEFAULT_CREDIT_POLICY);
    expect({
      exposureCents: result.exposureCents,
      exposureAfterCents: result.exposureAfterCents,
      limitCents: result.limitCents,
      exceptionCents: result.exceptionCents,
      blockAtCents: result.blockAtCents,
      availableCents: result.availableCents,
      uncoveredCents: result.uncoveredCents,
      usedExceptionIds: result.usedExceptionIds,
    }).toEqual(figures);
  });
});

describe('thresholdReached', () => {
  it.each<{
    name: string;
    exposure: number;
    limit: number | null;
    policy?: CreditPolicy;
    expected: 'block' | 'alert' | null;
  }>([
    { name: 'no limit', exposure: 5_000_000, limit: null, expected: null },
    { name: 'zero limit, one cent', exposure: 1, limit: 0, expected: 'block' },
    { name: 'zero limit, nothing owed', exposure: 0, limit: 0, expected: null },
    { name: 'zero limit, paid ahead', exposure: -100, limit: 0, expected: null },
    { name: 'one cent over the limit', exposure: 1_000_001, limit: LIMIT, expected: 'block' },
    // Standing at the limit is not over it, as checkCredit accepts it and standsOverLimit says.
    { name: 'exactly at the limit', exposure: 1_000_000, limit: LIMIT, expected: 'alert' },
    { name: 'exactly 80 %', exposure: 800_000, limit: LIMIT, expected: 'alert' },
    { name: 'one cent under 80 %', exposure: 799_999, limit: LIMIT, expected: null },
    { name: 'paid ahead', exposure: -50, limit: LIMIT, expected: null },
    // 80 % of 10,01 € is 8,008 €, rounded down to 8,00 €.
    { name: 'odd limit, 80 % rounded down', exposure: 800, limit: 1_001, expected: 'alert' },
    { name: 'odd limit, under', exposure: 799, limit: 1_001, expected: null },
    { name: 'odd limit, at it', exposure: 1_001, limit: 1_001, expected: 'alert' },
    { name: 'odd limit, over', exposure: 1_002, limit: 1_001, expected: 'block' },
    {
      name: 'block at 120 %, one cent over',
      exposure: 1_200_001,
      limit: LIMIT,
      policy: BLOCK_AT_120,
      expected: 'block',
    },
    {
      name: 'block at 120 %, exactly',
      exposure: 1_200_000,
      limit: LIMIT,
      policy: BLOCK_AT_120,
      expected: 'alert',
    },
    {
      name: 'alert at 50 %, exactly',
      exposure: 500_000,
      limit: LIMIT,
      policy: ALERT_AT_50,
      expected: 'alert',
    },
    {
      name: 'alert at 50 %, one cent under',
      exposure: 499_999,
      limit: LIMIT,
      policy: ALERT_AT_50,
      expected: null,
    },
  ])('$name → $expected', ({ exposure, limit, policy, expected }) => {
    expect(
      thresholdReached(
        cents(exposure),
        limit === null ? null : { amountCents: cents(limit) },
        policy ?? DEFAULT_CREDIT_POLICY,
      ),
    ).toBe(expected);
  });
});

describe('standsOverLimit', () => {
  it.each<{
    name: string;
    exposure: number;
    limit: CreditLimit | null;
    exceptions: CreditException[];
    policy?: CreditPolicy;
    expected: boolean;
  }>([
    { name: 'no limit', exposure: 5_000_000, limit: null, exceptions: [], expected: false },
    {
      name: 'zero limit, one cent',
      exposure: 1,
      limit: limitOf({ amountCents: cents(0) }),
      exceptions: [],
      expected: true,
    },
    {
      name: 'zero limit, nothing owed',
      exposure: 0,
      limit: limitOf({ amountCents: cents(0) }),
      exceptions: [],
      expected: false,
    },
    {
      name: 'zero limit, within an exception',
      exposure: 100_000,
      limit: limitOf({ amountCents: cents(0) }),
      exceptions: [exceptionOf({ amountCents: cents(100_000) })],
      expected: false,
    },
    {
      name: 'zero limit, one cent over an exception',
      exposure: 100_001,
      limit: limitOf({ amountCents: cents(0) }),
      exceptions: [exceptionOf({ amountCents: cents(100_000) })],
      expected: true,
    },
    {
      name: 'zero limit, an exception for one order ignored',
      exposure: 1,
      limit: limitOf({ amountCents: cents(0) }),
      exceptions: [exceptionOf({ orderId: 'order-1' })],
      expected: true,
    },
    {
      name: 'exactly at the limit',
      exposure: 1_000_000,
      limit: limitOf(),
      exceptions: [],
      expected: false,
    },
    {
      name: 'one cent over',
      exposure: 1_000_001,
      limit: limitOf(),
      exceptions: [],
      expected: true,
    },
    {
      name: 'exactly at the limit plus an exception',
      exposure: 1_200_000,
      limit: limitOf(),
      exceptions: [exceptionOf()],
      expected: false,
    },
    {
      name: 'one cent over the limit plus an exception',
      exposure: 1_200_001,
      limit: limitOf(),
      exceptions: [exceptionOf()],
      expected: true,
    },
    {
      name: 'an exception for one order ignored',
      exposure: 1_000_001,
      limit: limitOf(),
      exceptions: [exceptionOf({ orderId: 'order-1' })],
      expected: true,
    },
    {
      name: 'an exception expired yesterday ignored',
      exposure: 1_000_001,
      limit: limitOf(),
      exceptions: [exceptionOf({ expiresOn: YESTERDAY })],
      expected: true,
    },
    {
      name: 'an exception expiring today counts',
      exposure: 1_000_001,
      limit: limitOf(),
      exceptions: [exceptionOf({ expiresOn: TODAY })],
      expected: false,
    },
    {
      name: 'an exception in another currency ignored',
      exposure: 1_000_001,
      limit: limitOf(),
      exceptions: [exceptionOf({ currency: 'USD' })],
      expected: true,
    },
    {
      name: 'block at 120 %, exactly',
      exposure: 1_200_000,
      limit: limitOf(),
      exceptions: [],
      policy: BLOCK_AT_120,
      expected: false,
    },
    {
      name: 'block at 120 %, one cent over',
      exposure: 1_200_001,
      limit: limitOf(),
      exceptions: [],
      policy: BLOCK_AT_120,
      expected: true,
    },
  ])('$name → $expected', ({ exposure, limit, exceptions, policy, expected }) => {
    expect(
      standsOverLimit(cents(exposure), limit, exceptions, policy ?? DEFAULT_CREDIT_POLICY, TODAY),
    ).toBe(expected);
  });
});

describe('authority', () => {
  it.each<[TRole, AuthorityLevel | null]>([
    ['admin', 3],
    ['credit_manager', 2],
    ['collector', 1],
    ['department_member', null],
    ['read_only', null],
  ])('authorityLevelOf(%s) → %s', (role, level) => {
    expect(authorityLevelOf(role)).toBe(level);
  });

  it('the table covers every role', () => {
    expect(ROLES).toEqual([
      'admin',
      'credit_manager',
      'collector',
      'department_member',
      'read_only',
    ]);
  });

  it.each<[string, CreditPolicy, AuthorityLevel | null, 'limit' | 'exception', number, boolean]>([
    ['no level, a zero limit', DEFAULT_CREDIT_POLICY, null, 'limit', 0, false],
    ['no level, an exception of one cent', DEFAULT_CREDIT_POLICY, null, 'exception', 1, false],
    // A collector's limit ceiling is 0: lowering a limit to zero is the only limit it may set.
    ['collector, a zero limit', DEFAULT_CREDIT_POLICY, 1, 'limit', 0, true],
    ['collector, a limit of one cent', DEFAULT_CREDIT_POLICY, 1, 'limit', 1, false],
    ['collector, an exception of 1 000,00 €', DEFAULT_CREDIT_POLICY, 1, 'exception', 100_000, true],
    ['collector, one cent more', DEFAULT_CREDIT_POLICY, 1, 'exception', 100_001, false],
    [
      'credit manager, a limit of 100 000,00 €',
      DEFAULT_CREDIT_POLICY,
      2,
      'limit',
      10_000_000,
      true,
    ],
    ['credit manager, one cent more', DEFAULT_CREDIT_POLICY, 2, 'limit', 10_000_001, false],
    [
      'credit manager, an exception of 20 000,00 €',
      DEFAULT_CREDIT_POLICY,
      2,
      'exception',
      2_000_000,
      true,
    ],
    ['credit manager, one cent more', DEFAULT_CREDIT_POLICY, 2, 'exception', 2_000_001, false],
    ['administrator, the largest limit', DEFAULT_CREDIT_POLICY, 3, 'limit', MAX_TOTAL_CENTS, true],
    [
      'administrator, the largest exception',
      DEFAULT_CREDIT_POLICY,
      3,
      'exception',
      MAX_TOTAL_CENTS,
      true,
    ],
    ['no ceiling: collector, the largest limit', NO_CEILINGS, 1, 'limit', MAX_TOTAL_CENTS, true],
    [
      'no ceiling: collector, the largest exception',
      NO_CEILINGS,
      1,
      'exception',
      MAX_TOTAL_CENTS,
      true,
    ],
    [
      'no ceiling: credit manager, the largest limit',
      NO_CEILINGS,
      2,
      'limit',
      MAX_TOTAL_CENTS,
      true,
    ],
    [
      'no ceiling: credit manager, the largest exception',
      NO_CEILINGS,
      2,
      'exception',
      MAX_TOTAL_CENTS,
      true,
    ],
    ['no ceiling: still nothing without a level', NO_CEILINGS, null, 'exception', 1, false],
  ])('isWithinAuthority: %s → %s', (_name, policy, level, kind, amount, expected) => {
    expect(isWithinAuthority(policy, level, kind, cents(amount))).toBe(expected);
  });
});

describe('checkCreditPolicy', () => {
  const withCeiling = (
    level: 1 | 2,
    limitMax: number | null,
    exceptionMax: number | null,
  ): CreditPolicy => ({
    ...DEFAULT_CREDIT_POLICY,
    ceilings: {
      ...DEFAULT_CREDIT_POLICY.ceilings,
      [level]: {
        limitMaxCents: limitMax === null ? null : cents(limitMax),
        exceptionMaxCents: exceptionMax === null ? null : cents(exceptionMax),
      },
    },
  });

  it.each<[string, CreditPolicy, [string, string][]]>([
    ['the defaults', DEFAULT_CREDIT_POLICY, []],
    ['no ceilings', NO_CEILINGS, []],
    ['lowest thresholds', { ...DEFAULT_CREDIT_POLICY, alertBps: 1, blockBps: 1 }, []],
    ['highest thresholds', { ...DEFAULT_CREDIT_POLICY, alertBps: 100_000, blockBps: 100_000 }, []],
    ['alert equal to block', { ...DEFAULT_CREDIT_POLICY, alertBps: 10_000 }, []],
    [
      'alert at 0',
      { ...DEFAULT_CREDIT_POLICY, alertBps: 0 },
      [['alertBps', 'credit_threshold_out_of_range']],
    ],
    [
      'block past 1 000 %',
      { ...DEFAULT_CREDIT_POLICY, blockBps: 100_001 },
      [['blockBps', 'credit_threshold_out_of_range']],
    ],
    [
      'alert not an integer',
      { ...DEFAULT_CREDIT_POLICY, alertBps: 8_000.5 },
      [['alertBps', 'credit_threshold_out_of_range']],
    ],
    [
      'alert above block',
      { ...DEFAULT_CREDIT_POLICY, alertBps: 10_001 },
      [['alertBps', 'credit_alert_above_block']],
    ],
    ['zero ceilings', withCeiling(2, 0, 0), []],
    [
      'a negative limit ceiling',
      withCeiling(1, -1, 100_000),
      [['ceilings.1.limitMaxCents', 'negative_amount']],
    ],
    [
      'a negative exception ceiling',
      withCeiling(2, null, -1),
      [['ceilings.2.exceptionMaxCents', 'negative_amount']],
    ],
    ['the largest ceiling', withCeiling(2, MAX_TOTAL_CENTS, MAX_TOTAL_CENTS), []],
    [
      'all at once',
      {
        alertBps: 200_000,
        blockBps: 0,
        withoutLimit: 'accept',
        ceilings: {
          1: { limitMaxCents: cents(-1), exceptionMaxCents: null },
          2: { limitMaxCents: null, exceptionMaxCents: cents(-5) },
        },
      },
      [
        ['alertBps', 'credit_threshold_out_of_range'],
        ['blockBps', 'credit_threshold_out_of_range'],
        ['alertBps', 'credit_alert_above_block'],
        ['ceilings.1.limitMaxCents', 'negative_amount'],
        ['ceilings.2.exceptionMaxCents', 'negative_amount'],
      ],
    ],
  ])('%s', (_name, policy, expected) => {
    expect(checkCreditPolicy(policy).map(shapeOf)).toEqual(expected);
  });

  it('gives the range of a threshold', () => {
    expect(checkCreditPolicy({ ...DEFAULT_CREDIT_POLICY, blockBps: 0 })[0]?.params).toEqual({
      min: 1,
      max: 100_000,
    });
  });

  it('calls a ceiling above the largest total too large, not negative', () => {
    expect(checkCreditPolicy(withCeiling(1, MAX_TOTAL_CENTS + 1, null)).map(shapeOf)).toEqual([
      ['ceilings.1.limitMaxCents', 'amount_too_large'],
    ]);
  });
});

describe('checkLimitDecision', () => {
  function decision(overrides: Partial<LimitDecisionInput> = {}): LimitDecisionInput {
    return {
      amountCents: LIMIT,
      currency: 'EUR',
      coveredCents: 0,
      cover: null,
      validFrom: TODAY,
      reviewOn: '2026-09-15' as CalendarDate,
      expiresOn: '2027-03-15' as CalendarDate,
      ...overrides,
    };
  }

  it.each<[string, Partial<LimitDecisionInput>, [string, string][]]>([
    ['a valid limit', {}, []],
    ['a zero limit', { amountCents: 0 }, []],
    ['no review, no expiry', { reviewOn: null, expiresOn: null }, []],
    ['the largest limit', { amountCents: MAX_TOTAL_CENTS }, []],
    [
      'a limit too large',
      { amountCents: MAX_TOTAL_CENTS + 1 },
      [['amountCents', 'amount_too_large']],
    ],
    ['a limit not an integer', { amountCents: 100.5 }, [['amountCents', 'negative_amount']]],
    ['fully covered', { coveredCents: LIMIT, cover: 'credit_insurance' }, []],
    [
      'covered more than the limit',
      { coveredCents: LIMIT + 1, cover: 'credit_insurance' },
      [['coveredCents', 'credit_cover_above_limit']],
    ],
    ['covered without a cover', { coveredCents: 100 }, [['cover', 'credit_cover_required']]],
    ['a cover with nothing covered', { cover: 'parent_guarantee' }, []],
    ['a negative covered part', { coveredCents: -1 }, [['coveredCents', 'negative_amount']]],
    [
      'expiry before the start (both ahead)',
      {
        validFrom: '2026-04-01' as CalendarDate,
        reviewOn: null,
        expiresOn: '2026-03-31' as CalendarDate,
      },
      [['expiresOn', 'credit_expiry_before_start']],
    ],
    [
      'expiry past',
      { validFrom: '2026-01-01' as CalendarDate, reviewOn: null, expiresOn: YESTERDAY },
      [['expiresOn', 'credit_expiry_past']],
    ],
    ['expiry today', { reviewOn: null, expiresOn: TODAY }, []],
    [
      'review before the start',
      { reviewOn: YESTERDAY },
      [['reviewOn', 'credit_review_before_start']],
    ],
    ['review on the start', { reviewOn: TODAY }, []],
    [
      'all issues at once',
      {
        amountCents: MAX_TOTAL_CENTS + 1,
        coveredCents: MAX_TOTAL_CENTS + 2,
        cover: null,
        validFrom: '2026-03-20' as CalendarDate,
        reviewOn: '2026-03-19' as CalendarDate,
        expiresOn: '2026-03-10' as CalendarDate,
      },
      [
        ['amountCents', 'amount_too_large'],
        ['coveredCents', 'credit_cover_above_limit'],
        ['cover', 'credit_cover_required'],
        ['expiresOn', 'credit_expiry_before_start'],
        ['expiresOn', 'credit_expiry_past'],
        ['reviewOn', 'credit_review_before_start'],
      ],
    ],
    [
      'a negative limit and a negative covered part',
      { amountCents: -1, coveredCents: -1 },
      [
        ['amountCents', 'negative_amount'],
        ['coveredCents', 'negative_amount'],
      ],
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(checkLimitDecision(decision(overrides), TODAY).map(shapeOf)).toEqual(expected);
  });

  it('reports a negative limit as negative_amount only', () => {
    expect(checkLimitDecision(decision({ amountCents: -1 }), TODAY).map(shapeOf)).toEqual([
      ['amountCents', 'negative_amount'],
    ]);
  });

  it('says the largest limit accepted', () => {
    const [issue] = checkLimitDecision(decision({ amountCents: MAX_TOTAL_CENTS + 1 }), TODAY);
    expect(issue?.message).not.toContain('{{');
  });
});

describe('checkException', () => {
  const LAST_DAY = addDays(TODAY, MAX_EXCEPTION_DAYS);

  function exceptionInput(overrides: Partial<ExceptionInput> = {}): ExceptionInput {
    return {
      amountCents: 100_000,
      currency: 'EUR',
      expiresOn: '2026-04-15' as CalendarDate,
      reason: 'Commande de fin de saison, paiement promis le 10 avril',
      ...overrides,
    };
  }

  it('runs a quarter at most: 92 days, to 15 June from 15 March', () => {
    expect([MAX_EXCEPTION_DAYS, LAST_DAY]).toEqual([92, '2026-06-15']);
  });

  it.each<[string, Partial<ExceptionInput>, [string, string][]]>([
    ['a valid exception', {}, []],
    ['one cent', { amountCents: 1 }, []],
    [
      'a zero amount',
      { amountCents: 0 },
      [['amountCents', 'credit_exception_amount_not_positive']],
    ],
    [
      'a negative amount',
      { amountCents: -1 },
      [['amountCents', 'credit_exception_amount_not_positive']],
    ],
    [
      'an amount not an integer',
      { amountCents: 0.5 },
      [['amountCents', 'credit_exception_amount_not_positive']],
    ],
    ['the largest amount', { amountCents: MAX_TOTAL_CENTS }, []],
    [
      'an amount too large',
      { amountCents: MAX_TOTAL_CENTS + 1 },
      [['amountCents', 'amount_too_large']],
    ],
    ['an empty reason', { reason: '' }, [['reason', 'credit_reason_required']]],
    ['a blank reason', { reason: ' \t\n ' }, [['reason', 'credit_reason_required']]],
    ['expiry yesterday', { expiresOn: YESTERDAY }, [['expiresOn', 'credit_expiry_past']]],
    ['expiry today', { expiresOn: TODAY }, []],
    ['exactly MAX_EXCEPTION_DAYS', { expiresOn: '2026-06-15' as CalendarDate }, []],
    [
      'one day longer',
      { expiresOn: '2026-06-16' as CalendarDate },
      [['expiresOn', 'credit_exception_too_long']],
    ],
    [
      'all at once',
      { amountCents: 0, reason: '  ', expiresOn: YESTERDAY },
      [
        ['amountCents', 'credit_exception_amount_not_positive'],
        ['reason', 'credit_reason_required'],
        ['expiresOn', 'credit_expiry_past'],
      ],
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(checkException(exceptionInput(overrides), TODAY, LAST_DAY).map(shapeOf)).toEqual(
      expected,
    );
  });

  it('says how long an exception may run', () => {
    const [issue] = checkException(
      exceptionInput({ expiresOn: '2026-06-16' as CalendarDate }),
      TODAY,
      LAST_DAY,
    );
    expect(issue?.params).toEqual({ days: 92 });
  });

  it('says the largest exception accepted', () => {
    const [issue] = checkException(
      exceptionInput({ amountCents: MAX_TOTAL_CENTS + 1 }),
      TODAY,
      LAST_DAY,
    );
    expect(issue?.message).not.toContain('{{');
  });
});
