/**
 * The account-opening checklist (issue 12): what must be known about a customer before it
 * becomes `active`, item by item, and whether it may become active now. The UI shows the
 * checklist until it is complete; the service asks `decideActivation` before it changes
 * the status, and records the override, if any, in the audit trail.
 *
 * Pure (HOUSE_STYLE §3): the customer, its credit-limit decision and the company's policy
 * come in as arguments. account-opening.test.ts proves each item on its boundaries.
 */
import type { ContactRole, CustomerWithContacts, Address } from '../customers/model.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../shared/errors.ts';
import { isValidSiren, isValidSiret } from '../shared/identifiers.ts';
import type { MessageParams } from '../shared/messages/catalogue.ts';
import type { Cents } from '../shared/money.ts';
import {
  parsePaymentTerms,
  termsExceedLegalMaximum,
  type PaymentTerms,
} from '../shared/payment-terms.ts';
import type { TRole } from '../shared/schemas.ts';

/** The items of the checklist, in the order the UI lists them. */
export const OPENING_ITEM_CODES = [
  'siren',
  'billing_address',
  'delivery_address',
  'payables_contact',
  'payment_terms',
  'payment_method',
  'deposit',
  'credit_limit',
] as const;

/** One of `OPENING_ITEM_CODES`. */
export type OpeningItemCode = (typeof OPENING_ITEM_CODES)[number];

/**
 * Where an item stands: `done`; `missing` (what it asks for is absent or wrong); `warning`
 * (acceptable, but the UI draws attention to it). Only `missing` keeps the checklist
 * incomplete, and only a `missing` item that is `blocking` stops the activation.
 */
export type OpeningItemState = 'done' | 'missing' | 'warning';

/**
 * One line of the checklist. `reason` is a stable code of the message catalogue saying why
 * the item is in its state (absent when there is nothing to add to `done`), and `params`
 * the values its sentence names.
 */
export type OpeningItem = {
  code: OpeningItemCode;
  state: OpeningItemState;
  /** Whether this item, when missing, stops the activation (from `OpeningPolicy.blockingItems`). */
  blocking: boolean;
  reason?: string;
  params?: MessageParams;
};

/** A credit limit as it was decided: the amount, who decided it (a user id) and when. */
export type CreditLimitDecision = {
  amountCents: Cents;
  /** `null` when the limit came without an author (an import, an old record). */
  decidedBy: string | null;
  decidedAt: CalendarDate;
};

/** The company's rules for opening an account. */
export type OpeningPolicy = {
  /** The items that stop the activation while missing. */
  blockingItems: readonly OpeningItemCode[];
  /**
   * The longest delay, in days from the invoice date, the company accepts. At
   * `LEGAL_MAX_TERM_DAYS` only the law applies (60 days, or 45 days end of month when
   * agreed: C. com. L441-10 I). Below it, a sector limit (C. com. L441-11: 30 days for
   * road transport…) counted from the invoice date, so the end-of-month derogation, which
   * is the law's, no longer applies. Never above the law (`checkOpeningPolicy`).
   */
  maxTermDays: number;
  /**
   * Whether a customer billed outside France (billing country not `FR`) must have a SIREN.
   * Foreign companies are not in INSEE's Sirene register, so by default their intra-EU
   * VAT number identifies them instead.
   */
  isSirenRequiredAbroad: boolean;
  /** The roles that may activate a customer despite blocking items missing. */
  overrideRoles: readonly TRole[];
};

/**
 * The law's longest term in days from the invoice date (C. com. L441-10 I, "soixante
 * jours à compter de la date d'émission de la facture"); the ceiling of `maxTermDays`.
 */
export const LEGAL_MAX_TERM_DAYS = 60;

/**
 * The default policy: identity, billing address, the payer's contact, lawful terms and a
 * decided credit limit block; a delivery address (none means "deliver to the billing
 * address"), the payment method (a cheque is only discouraged) and the deposit (none is
 * a valid answer) do not. Administrators and credit managers may override.
 */
export const DEFAULT_OPENING_POLICY: OpeningPolicy = {
  blockingItems: ['siren', 'billing_address', 'payables_contact', 'payment_terms', 'credit_limit'],
  maxTermDays: LEGAL_MAX_TERM_DAYS,
  isSirenRequiredAbroad: false,
  overrideRoles: ['admin', 'credit_manager'],
};

/** What `openingChecklist` reads. */
export type OpeningInput = {
  customer: CustomerWithContacts;
  /** The customer's current credit-limit decision, `null` when none was ever made. */
  creditLimit: CreditLimitDecision | null;
  policy: OpeningPolicy;
};

/** The checklist: every item, whether none is missing, and the blocking items missing. */
export type OpeningChecklist = {
  items: OpeningItem[];
  /** No item is `missing` (warnings do not keep the checklist open). */
  isComplete: boolean;
  /** The items both `blocking` and `missing`, in checklist order. */
  blockingMissing: OpeningItemCode[];
};

// The issue's words: "an accounts-payable contact". CONTACT_ROLES has that role exactly
// ("Comptabilité fournisseurs"); `billing` is where invoices and reminders are sent,
// which is not necessarily the department that pays them.
const PAYABLES_ROLE = 'accounts_payable' satisfies ContactRole;

/**
 * Every reason `policy` cannot be used, at once:
 * - `opening_max_term_days_out_of_range`: `maxTermDays` is not a whole number of days from
 *   0 to `LEGAL_MAX_TERM_DAYS`; a sector agreement may shorten the law's maximum, never
 *   lengthen it (C. com. L441-10 I is public policy).
 */
export function checkOpeningPolicy(policy: OpeningPolicy): Issue[] {
  const days = policy.maxTermDays;
  if (!Number.isSafeInteger(days) || days < 0 || days > LEGAL_MAX_TERM_DAYS) {
    return [
      fieldIssue('maxTermDays', 'opening_max_term_days_out_of_range', {
        days,
        max: LEGAL_MAX_TERM_DAYS,
      }),
    ];
  }
  return [];
}

/**
 * The longest delay, in days from the invoice date to the due date, that `terms` can give
 * over all issue dates (see `PaymentTerms` for each kind). The end-of-month kinds reach
 * their longest from the first of a 31-day month, 30 days before its end:
 * - `net`: `days`;
 * - `days_end_of_month`, `end_of_month_days`: `days` + 30;
 * - `days_end_of_month_on`: `days` + 30 + `dayOfMonth` (July then August, or December then
 *   January, have 31 days each, so no day is cut short);
 * - `fixed_day`: `days` + 30 (the day after `dayOfMonth` in a 31-day month waits 30 days
 *   for the next one).
 */
export function longestTermDays(terms: PaymentTerms): number {
  switch (terms.kind) {
    case 'net':
      return terms.days;
    case 'days_end_of_month':
    case 'end_of_month_days':
    case 'fixed_day':
      return terms.days + 30;
    case 'days_end_of_month_on':
      return terms.days + 30 + terms.dayOfMonth;
  }
  return unreachable(terms);
}

// After an exhaustive switch `terms` is `never` (oxlint consistent-return).
function unreachable(terms: never): never {
  throw new RangeError(`Unknown payment terms: ${JSON.stringify(terms)}`);
}

/**
 * The checklist of `input.customer`. Throws a RangeError when `input.policy` fails
 * `checkOpeningPolicy` (the service checks it when the policy is stored) or when the
 * credit limit is negative.
 */
export function openingChecklist(input: OpeningInput): OpeningChecklist {
  const { customer, creditLimit, policy } = input;
  if (checkOpeningPolicy(policy).length > 0) {
    throw new RangeError(`Invalid opening policy: ${JSON.stringify(policy)}`);
  }
  const states: Record<OpeningItemCode, ItemState> = {
    siren: sirenState(customer, policy),
    billing_address: addressState(customer.billingAddress, 'billing_address_incomplete'),
    delivery_address:
      customer.deliveryAddress === null
        ? { state: 'done', reason: 'same_as_billing' }
        : addressState(customer.deliveryAddress, 'delivery_address_incomplete'),
    payables_contact: payablesContactState(customer),
    payment_terms: paymentTermsState(customer.paymentTerms, policy),
    payment_method:
      // A cheque arrives when the customer posts it, is paid in by hand, and can still
      // bounce after it is credited: slow and uncertain cash, whatever the terms say.
      customer.paymentMethod === 'cheque'
        ? { state: 'warning', reason: 'cheque_discouraged', params: { method: 'cheque' } }
        : { state: 'done' },
    // A deposit is a commercial choice, not a missing fact: 0 bps means "no deposit".
    deposit: { state: 'done', params: { bps: customer.depositBps } },
    credit_limit: creditLimitState(creditLimit),
  };
  const items = OPENING_ITEM_CODES.map((code): OpeningItem => ({
    code,
    blocking: policy.blockingItems.includes(code),
    ...states[code],
  }));
  return {
    items,
    isComplete: items.every((item) => item.state !== 'missing'),
    blockingMissing: items
      .filter((item) => item.blocking && item.state === 'missing')
      .map((item) => item.code),
  };
}

type ItemState = Pick<OpeningItem, 'state' | 'reason' | 'params'>;

function isPresent(text: string | null): text is string {
  return text !== null && text.trim() !== '';
}

/**
 * A SIREN (INSEE's `siren`) given and well formed; else the first 9 digits of a
 * well-formed SIRET (INSEE's `siret` = SIREN + NIC); else, for a customer billed abroad
 * when the policy allows it, an intra-EU VAT number (its validity is `checkCustomer`'s,
 * when the customer is stored).
 */
function sirenState(customer: CustomerWithContacts, policy: OpeningPolicy): ItemState {
  if (isPresent(customer.siren)) {
    return isValidSiren(customer.siren)
      ? { state: 'done' }
      : { state: 'missing', reason: 'siren_invalid', params: { value: customer.siren } };
  }
  if (isPresent(customer.siret) && isValidSiret(customer.siret)) {
    const siren = customer.siret.replace(/\s+/g, '').slice(0, 9);
    return { state: 'done', reason: 'siren_from_siret', params: { siren } };
  }
  const country = customer.billingAddress.country;
  if (country !== 'FR' && !policy.isSirenRequiredAbroad) {
    return isPresent(customer.vatNumber)
      ? { state: 'done', reason: 'foreign_customer', params: { country } }
      : { state: 'missing', reason: 'no_vat_number', params: { country } };
  }
  return { state: 'missing', reason: 'no_siren' };
}

/** Enough to post a letter: a street line, a postal code and a city. */
function addressState(address: Address, incomplete: string): ItemState {
  const absent = (['line1', 'postalCode', 'city'] as const).filter(
    (field) => !isPresent(address[field]),
  );
  return absent.length === 0
    ? { state: 'done' }
    : { state: 'missing', reason: incomplete, params: { fields: absent.join(',') } };
}

function payablesContactState(customer: CustomerWithContacts): ItemState {
  const payables = customer.contacts.filter((contact) => contact.role === PAYABLES_ROLE);
  if (payables.length === 0) {
    return { state: 'missing', reason: 'no_payables_contact' };
  }
  const reachable = payables.find((contact) => isPresent(contact.email));
  return reachable === undefined
    ? { state: 'missing', reason: 'no_payables_email' }
    : { state: 'done', params: { contactId: reachable.id } };
}

/**
 * The law first (`termsExceedLegalMaximum`, C. com. L441-10 I, both computations of
 * 45 days end of month), then a stricter sector limit when the policy sets one.
 */
function paymentTermsState(code: string, policy: OpeningPolicy): ItemState {
  const terms = parsePaymentTerms(code);
  if (terms === undefined) {
    return { state: 'missing', reason: 'terms_invalid', params: { code } };
  }
  const longestDays = longestTermDays(terms);
  if (termsExceedLegalMaximum(terms)) {
    return {
      state: 'missing',
      reason: 'terms_over_legal_maximum',
      params: { code, longestDays },
    };
  }
  if (policy.maxTermDays < LEGAL_MAX_TERM_DAYS && longestDays > policy.maxTermDays) {
    return {
      state: 'missing',
      reason: 'terms_over_policy_maximum',
      params: { code, longestDays, maxDays: policy.maxTermDays },
    };
  }
  return { state: 'done', params: { code, longestDays } };
}

/** Decided means an amount (zero is a decision: "no credit") and someone who decided it. */
function creditLimitState(decision: CreditLimitDecision | null): ItemState {
  if (decision === null) {
    return { state: 'missing', reason: 'limit_not_decided' };
  }
  if (decision.amountCents < 0) {
    throw new RangeError(`Negative credit limit: ${decision.amountCents}`);
  }
  if (!isPresent(decision.decidedBy)) {
    return {
      state: 'missing',
      reason: 'limit_decider_unknown',
      params: { amountCents: decision.amountCents },
    };
  }
  return {
    state: 'done',
    params: {
      amountCents: decision.amountCents,
      decidedBy: decision.decidedBy,
      decidedAt: decision.decidedAt,
    },
  };
}

/** An authorised user's decision to activate despite blocking items missing. */
export type ActivationOverride = {
  /** Why, in the user's words; kept in the audit trail. Must not be blank. */
  reason: string;
  byRole: TRole;
};

/**
 * Why an activation is refused:
 * - `blocking_items_missing`: blocking items are missing and there is no override;
 * - `override_role_not_allowed`: the overriding user's role is not in `overrideRoles`;
 * - `override_reason_required`: the override's reason is blank.
 */
export type ActivationRefusal =
  | 'blocking_items_missing'
  | 'override_role_not_allowed'
  | 'override_reason_required';

/**
 * Whether the customer may become `active`. `missing` lists the blocking items missing:
 * passed over when `overridden`, the cause of the refusal otherwise.
 */
export type ActivationDecision =
  | { allowed: true; overridden: boolean; missing: OpeningItemCode[] }
  | { allowed: false; reason: ActivationRefusal; missing: OpeningItemCode[] };

/**
 * Decides the activation from `checklist`. With no blocking item missing it is allowed
 * and any override is ignored (nothing to pass over). Otherwise it needs `override`, from
 * a role of `policy.overrideRoles` (the role is checked before the reason: a user who may
 * not override need not be asked why) with a non-blank reason.
 */
export function decideActivation(
  checklist: OpeningChecklist,
  override?: ActivationOverride,
  policy: Pick<OpeningPolicy, 'overrideRoles'> = DEFAULT_OPENING_POLICY,
): ActivationDecision {
  const missing = [...checklist.blockingMissing];
  if (missing.length === 0) {
    return { allowed: true, overridden: false, missing };
  }
  if (override === undefined) {
    return { allowed: false, reason: 'blocking_items_missing', missing };
  }
  if (!policy.overrideRoles.includes(override.byRole)) {
    return { allowed: false, reason: 'override_role_not_allowed', missing };
  }
  if (override.reason.trim() === '') {
    return { allowed: false, reason: 'override_reason_required', missing };
  }
  return { allowed: true, overridden: true, missing };
}
