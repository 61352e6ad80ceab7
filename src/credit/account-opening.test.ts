import { describe, expect, it } from 'vitest';
import type { Address, Contact, CustomerWithContacts } from '../customers/model.ts';
import { PAYMENT_METHODS } from '../customers/schemas.ts';
import { addDays, calendarDate, daysBetween } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import { computeDueDate, parsePaymentTerms, type PaymentTerms } from '../shared/payment-terms.ts';
import type { TRole } from '../shared/schemas.ts';
import {
  DEFAULT_OPENING_POLICY,
  checkOpeningPolicy,
  decideActivation,
  longestTermDays,
  openingChecklist,
  type ActivationDecision,
  type ActivationOverride,
  type CreditLimitDecision,
  type OpeningChecklist,
  type OpeningItem,
  type OpeningItemCode,
  type OpeningPolicy,
} from './account-opening.ts';

const DECIDED_ON = calendarDate('2025-03-14');

function address(overrides: Partial<Address> = {}): Address {
  return {
    line1: '12 rue de la Paix',
    line2: null,
    postalCode: '75002',
    city: 'Paris',
    country: 'FR',
    ...overrides,
  };
}

function contact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: 'contact-1',
    role: 'accounts_payable',
    name: 'Service fournisseurs',
    email: 'fournisseurs@client.fr',
    phone: null,
    ...overrides,
  };
}

// A customer every item of the default policy accepts.
function customer(overrides: Partial<CustomerWithContacts> = {}): CustomerWithContacts {
  return {
    id: 'customer-1',
    code: 'C001',
    legalName: 'Client SA',
    siren: '732829320',
    siret: null,
    vatNumber: 'FR44732829320',
    billingAddress: address(),
    deliveryAddress: null,
    paymentTerms: 'net:30',
    paymentMethod: 'transfer',
    depositBps: 0,
    creditLimitCents: cents(500_000),
    collectorUserId: null,
    salesRep: null,
    riskCategory: 'standard',
    status: 'prospect',
    contacts: [contact()],
    ...overrides,
  };
}

function decision(overrides: Partial<CreditLimitDecision> = {}): CreditLimitDecision {
  return { amountCents: cents(500_000), decidedBy: 'user-1', decidedAt: DECIDED_ON, ...overrides };
}

function checklist(
  customerOverrides: Partial<CustomerWithContacts> = {},
  options: { creditLimit?: CreditLimitDecision | null; policy?: Partial<OpeningPolicy> } = {},
): OpeningChecklist {
  return openingChecklist({
    customer: customer(customerOverrides),
    creditLimit: options.creditLimit === undefined ? decision() : options.creditLimit,
    policy: { ...DEFAULT_OPENING_POLICY, ...options.policy },
  });
}

function item(list: OpeningChecklist, code: OpeningItemCode): OpeningItem | undefined {
  return list.items.find((entry) => entry.code === code);
}

function terms(code: string): PaymentTerms {
  const parsed = parsePaymentTerms(code);
  if (parsed === undefined) {
    throw new Error(`test setup: bad code ${code}`);
  }
  return parsed;
}

describe('openingChecklist', () => {
  it('lists every item, in order, for a customer ready to open', () => {
    expect(checklist()).toEqual({
      items: [
        { code: 'siren', state: 'done', blocking: true },
        { code: 'billing_address', state: 'done', blocking: true },
        { code: 'delivery_address', state: 'done', blocking: false, reason: 'same_as_billing' },
        {
          code: 'payables_contact',
          state: 'done',
          blocking: true,
          params: { contactId: 'contact-1' },
        },
        {
          code: 'payment_terms',
          state: 'done',
          blocking: true,
          params: { code: 'net:30', longestDays: 30 },
        },
        { code: 'payment_method', state: 'done', blocking: false },
        { code: 'deposit', state: 'done', blocking: false, params: { bps: 0 } },
        {
          code: 'credit_limit',
          state: 'done',
          blocking: true,
          params: { amountCents: 500_000, decidedBy: 'user-1', decidedAt: '2025-03-14' },
        },
      ],
      isComplete: true,
      blockingMissing: [],
    });
  });

  it('lists every blocking item missing for an empty prospect, in checklist order', () => {
    const list = checklist(
      {
        siren: null,
        vatNumber: null,
        billingAddress: address({ line1: null, postalCode: null, city: null }),
        contacts: [],
        paymentTerms: 'net:90',
      },
      { creditLimit: null },
    );
    expect(list.isComplete).toBe(false);
    expect(list.blockingMissing).toEqual([
      'siren',
      'billing_address',
      'payables_contact',
      'payment_terms',
      'credit_limit',
    ]);
  });
});

describe('siren', () => {
  it.each<
    [string, Partial<CustomerWithContacts>, Partial<OpeningPolicy>, Omit<OpeningItem, 'code'>]
  >([
    ['a valid SIREN', {}, {}, { state: 'done', blocking: true }],
    ['a SIREN typed with spaces', { siren: '732 829 320' }, {}, { state: 'done', blocking: true }],
    [
      'a SIREN with a wrong Luhn key',
      { siren: '732829321' },
      {},
      { state: 'missing', blocking: true, reason: 'siren_invalid', params: { value: '732829321' } },
    ],
    [
      'a SIREN of 8 digits',
      { siren: '73282932' },
      {},
      { state: 'missing', blocking: true, reason: 'siren_invalid', params: { value: '73282932' } },
    ],
    [
      'no SIREN but a valid SIRET',
      { siren: null, siret: '732 829 320 00074' },
      {},
      { state: 'done', blocking: true, reason: 'siren_from_siret', params: { siren: '732829320' } },
    ],
    [
      'no SIREN and an invalid SIRET',
      { siren: null, siret: '73282932000075' },
      {},
      { state: 'missing', blocking: true, reason: 'no_siren' },
    ],
    ['no SIREN', { siren: null }, {}, { state: 'missing', blocking: true, reason: 'no_siren' }],
    [
      'a blank SIREN',
      { siren: '   ' },
      {},
      { state: 'missing', blocking: true, reason: 'no_siren' },
    ],
    [
      'a French customer with only a VAT number',
      { siren: null, vatNumber: 'FR44732829320' },
      {},
      { state: 'missing', blocking: true, reason: 'no_siren' },
    ],
    [
      'a foreign customer with a VAT number',
      { siren: null, vatNumber: 'DE123456789', billingAddress: address({ country: 'DE' }) },
      {},
      { state: 'done', blocking: true, reason: 'foreign_customer', params: { country: 'DE' } },
    ],
    [
      'a foreign customer without a VAT number',
      { siren: null, vatNumber: null, billingAddress: address({ country: 'BE' }) },
      {},
      { state: 'missing', blocking: true, reason: 'no_vat_number', params: { country: 'BE' } },
    ],
    [
      'a foreign customer with a blank VAT number',
      { siren: null, vatNumber: ' ', billingAddress: address({ country: 'BE' }) },
      {},
      { state: 'missing', blocking: true, reason: 'no_vat_number', params: { country: 'BE' } },
    ],
    [
      'a foreign customer with a VAT number, the policy asking a SIREN abroad',
      { siren: null, vatNumber: 'DE123456789', billingAddress: address({ country: 'DE' }) },
      { isSirenRequiredAbroad: true },
      { state: 'missing', blocking: true, reason: 'no_siren' },
    ],
    [
      'a customer billed abroad with a valid SIREN',
      { billingAddress: address({ country: 'MC' }) },
      {},
      { state: 'done', blocking: true },
    ],
  ])('%s', (_label, overrides, policy, expected) => {
    expect(item(checklist(overrides, { policy }), 'siren')).toEqual({ code: 'siren', ...expected });
  });
});

describe('addresses', () => {
  it.each<[string, Partial<Address>, Omit<OpeningItem, 'code' | 'blocking'>]>([
    ['a complete address', {}, { state: 'done' }],
    ['no second line', { line2: null }, { state: 'done' }],
    [
      'no street line',
      { line1: null },
      { state: 'missing', reason: 'billing_address_incomplete', params: { fields: 'line1' } },
    ],
    [
      'a blank postal code',
      { postalCode: '  ' },
      { state: 'missing', reason: 'billing_address_incomplete', params: { fields: 'postalCode' } },
    ],
    [
      'nothing but a country',
      { line1: null, postalCode: null, city: '' },
      {
        state: 'missing',
        reason: 'billing_address_incomplete',
        params: { fields: 'line1,postalCode,city' },
      },
    ],
  ])('billing: %s', (_label, overrides, expected) => {
    expect(item(checklist({ billingAddress: address(overrides) }), 'billing_address')).toEqual({
      code: 'billing_address',
      blocking: true,
      ...expected,
    });
  });

  it.each<[string, Address | null, Omit<OpeningItem, 'code' | 'blocking'>]>([
    ['none: same as billing', null, { state: 'done', reason: 'same_as_billing' }],
    ['a complete one', address({ line1: 'ZI des Mûriers', city: 'Lyon' }), { state: 'done' }],
    [
      'one without a city',
      address({ city: ' ' }),
      { state: 'missing', reason: 'delivery_address_incomplete', params: { fields: 'city' } },
    ],
  ])('delivery: %s', (_label, deliveryAddress, expected) => {
    expect(item(checklist({ deliveryAddress }), 'delivery_address')).toEqual({
      code: 'delivery_address',
      blocking: false,
      ...expected,
    });
  });

  it('leaves the checklist incomplete, but activation open, without a delivery city', () => {
    const list = checklist({ deliveryAddress: address({ city: null }) });
    expect([list.isComplete, list.blockingMissing]).toEqual([false, []]);
  });
});

describe('payables_contact', () => {
  it.each<[string, Contact[], Omit<OpeningItem, 'code' | 'blocking'>]>([
    ['no contact', [], { state: 'missing', reason: 'no_payables_contact' }],
    [
      'only a billing contact, with an e-mail',
      [contact({ role: 'billing' })],
      { state: 'missing', reason: 'no_payables_contact' },
    ],
    [
      'an accounts-payable contact without an e-mail',
      [contact({ email: null })],
      { state: 'missing', reason: 'no_payables_email' },
    ],
    [
      'an accounts-payable contact with a blank e-mail',
      [contact({ email: '  ' })],
      { state: 'missing', reason: 'no_payables_email' },
    ],
    [
      'two accounts-payable contacts, the second with an e-mail',
      [contact({ email: null }), contact({ id: 'contact-2' })],
      { state: 'done', params: { contactId: 'contact-2' } },
    ],
  ])('%s', (_label, contacts, expected) => {
    expect(item(checklist({ contacts }), 'payables_contact')).toEqual({
      code: 'payables_contact',
      blocking: true,
      ...expected,
    });
  });
});

describe('payment_terms', () => {
  it.each<[string, Partial<OpeningPolicy>, Omit<OpeningItem, 'code' | 'blocking'>]>([
    ['net:0', {}, { state: 'done', params: { code: 'net:0', longestDays: 0 } }],
    ['net:60', {}, { state: 'done', params: { code: 'net:60', longestDays: 60 } }],
    [
      'net:61',
      {},
      {
        state: 'missing',
        reason: 'terms_over_legal_maximum',
        params: { code: 'net:61', longestDays: 61 },
      },
    ],
    // 45 days end of month, both DGCCRF computations: lawful although 75 days can pass.
    ['eom:45', {}, { state: 'done', params: { code: 'eom:45', longestDays: 75 } }],
    ['eom_plus:45', {}, { state: 'done', params: { code: 'eom_plus:45', longestDays: 75 } }],
    [
      'eom:46',
      {},
      {
        state: 'missing',
        reason: 'terms_over_legal_maximum',
        params: { code: 'eom:46', longestDays: 76 },
      },
    ],
    [
      'eom_plus:46',
      {},
      {
        state: 'missing',
        reason: 'terms_over_legal_maximum',
        params: { code: 'eom_plus:46', longestDays: 76 },
      },
    ],
    [
      'eom_on:45:10',
      {},
      {
        state: 'missing',
        reason: 'terms_over_legal_maximum',
        params: { code: 'eom_on:45:10', longestDays: 85 },
      },
    ],
    ['garbage', {}, { state: 'missing', reason: 'terms_invalid', params: { code: 'garbage' } }],
    ['NET:30', {}, { state: 'missing', reason: 'terms_invalid', params: { code: 'NET:30' } }],
    // A sector limit of 30 days from the invoice date (C. com. L441-11 II, road transport).
    ['net:30', { maxTermDays: 30 }, { state: 'done', params: { code: 'net:30', longestDays: 30 } }],
    [
      'net:31',
      { maxTermDays: 30 },
      {
        state: 'missing',
        reason: 'terms_over_policy_maximum',
        params: { code: 'net:31', longestDays: 31, maxDays: 30 },
      },
    ],
    ['eom:0', { maxTermDays: 30 }, { state: 'done', params: { code: 'eom:0', longestDays: 30 } }],
    [
      'eom:1',
      { maxTermDays: 30 },
      {
        state: 'missing',
        reason: 'terms_over_policy_maximum',
        params: { code: 'eom:1', longestDays: 31, maxDays: 30 },
      },
    ],
    // Below the law's 60 days, the end-of-month derogation is gone.
    [
      'eom:45',
      { maxTermDays: 59 },
      {
        state: 'missing',
        reason: 'terms_over_policy_maximum',
        params: { code: 'eom:45', longestDays: 75, maxDays: 59 },
      },
    ],
    // The law is checked first: its reason wins over the policy's.
    [
      'net:61',
      { maxTermDays: 30 },
      {
        state: 'missing',
        reason: 'terms_over_legal_maximum',
        params: { code: 'net:61', longestDays: 61 },
      },
    ],
  ])('%s with policy %j', (paymentTerms, policy, expected) => {
    expect(item(checklist({ paymentTerms }, { policy }), 'payment_terms')).toEqual({
      code: 'payment_terms',
      blocking: true,
      ...expected,
    });
  });
});

describe('longestTermDays', () => {
  // Every issue date of 2023–2025: each month length and February of 28 and 29 days.
  function scannedLongest(code: string): number {
    const start = calendarDate('2023-01-01');
    let longest = 0;
    for (let offset = 0; offset < 1096; offset += 1) {
      const issue = addDays(start, offset);
      longest = Math.max(longest, daysBetween(issue, computeDueDate(issue, terms(code))));
    }
    return longest;
  }

  it.each([
    ['net:0', 0],
    ['net:60', 60],
    ['eom:0', 30],
    ['eom:45', 75],
    ['eom_plus:0', 30],
    ['eom_plus:45', 75],
    ['eom_on:30:10', 70],
    ['eom_on:0:1', 31],
    ['eom_on:0:31', 61],
    ['eom_on:30:29', 89],
    ['day:30:15', 60],
    ['day:0:1', 30],
    ['day:0:29', 30],
    ['day:0:30', 30],
    ['day:0:31', 30],
  ])('%s reaches %i days, as computeDueDate does', (code, expected) => {
    expect([longestTermDays(terms(code)), scannedLongest(code)]).toEqual([expected, expected]);
  });
});

describe('payment_method', () => {
  it.each(PAYMENT_METHODS.filter((method) => method !== 'cheque'))(
    '%s is done',
    (paymentMethod) => {
      expect(item(checklist({ paymentMethod }), 'payment_method')).toEqual({
        code: 'payment_method',
        state: 'done',
        blocking: false,
      });
    },
  );

  it('warns on a cheque, without keeping the checklist open, even when the item blocks', () => {
    const list = checklist(
      { paymentMethod: 'cheque' },
      { policy: { blockingItems: ['payment_method'] } },
    );
    expect([item(list, 'payment_method'), list.isComplete, list.blockingMissing]).toEqual([
      {
        code: 'payment_method',
        state: 'warning',
        blocking: true,
        reason: 'cheque_discouraged',
        params: { method: 'cheque' },
      },
      true,
      [],
    ]);
  });
});

describe('deposit', () => {
  it.each([0, 1, 3000, 10_000])('is done at %i bps', (depositBps) => {
    expect(item(checklist({ depositBps }), 'deposit')).toEqual({
      code: 'deposit',
      state: 'done',
      blocking: false,
      params: { bps: depositBps },
    });
  });
});

describe('credit_limit', () => {
  it.each<[string, CreditLimitDecision | null, Omit<OpeningItem, 'code' | 'blocking'>]>([
    ['no decision', null, { state: 'missing', reason: 'limit_not_decided' }],
    [
      'a zero limit decided ("no credit")',
      decision({ amountCents: cents(0) }),
      { state: 'done', params: { amountCents: 0, decidedBy: 'user-1', decidedAt: '2025-03-14' } },
    ],
    [
      'a limit without its author',
      decision({ decidedBy: null }),
      { state: 'missing', reason: 'limit_decider_unknown', params: { amountCents: 500_000 } },
    ],
    [
      'a limit with a blank author',
      decision({ decidedBy: ' ' }),
      { state: 'missing', reason: 'limit_decider_unknown', params: { amountCents: 500_000 } },
    ],
  ])('%s', (_label, creditLimit, expected) => {
    expect(item(checklist({}, { creditLimit }), 'credit_limit')).toEqual({
      code: 'credit_limit',
      blocking: true,
      ...expected,
    });
  });

  it('reads the decision, not the amount stored on the customer', () => {
    const list = checklist({ creditLimitCents: cents(100) }, { creditLimit: null });
    expect(list.blockingMissing).toEqual(['credit_limit']);
  });

  it('refuses a negative limit', () => {
    expect(() => checklist({}, { creditLimit: decision({ amountCents: cents(-1) }) })).toThrow(
      RangeError,
    );
  });
});

describe('the policy', () => {
  it('blocks only on the items it names', () => {
    const list = checklist(
      { siren: null, deliveryAddress: address({ line1: null }) },
      { policy: { blockingItems: ['delivery_address'] } },
    );
    expect([
      list.items.filter((entry) => entry.blocking).map((entry) => entry.code),
      list.blockingMissing,
      list.isComplete,
    ]).toEqual([['delivery_address'], ['delivery_address'], false]);
  });

  it.each([
    [60, []],
    [0, []],
    [30, []],
    [61, [{ field: 'maxTermDays', code: 'opening_max_term_days_out_of_range', days: 61 }]],
    [90, [{ field: 'maxTermDays', code: 'opening_max_term_days_out_of_range', days: 90 }]],
    [-1, [{ field: 'maxTermDays', code: 'opening_max_term_days_out_of_range', days: -1 }]],
    [30.5, [{ field: 'maxTermDays', code: 'opening_max_term_days_out_of_range', days: 30.5 }]],
  ])('checkOpeningPolicy with maxTermDays %d', (maxTermDays, expected) => {
    const issues = checkOpeningPolicy({ ...DEFAULT_OPENING_POLICY, maxTermDays });
    expect(
      issues.map((issue) => ({ field: issue.field, code: issue.code, days: issue.params?.days })),
    ).toEqual(expected);
    expect(issues.map((issue) => issue.params?.max)).toEqual(expected.map(() => 60));
  });

  it('refuses to build a checklist past the legal maximum', () => {
    expect(() => checklist({}, { policy: { maxTermDays: 90 } })).toThrow(RangeError);
  });
});

describe('decideActivation', () => {
  const complete = checklist();
  const incomplete = checklist({ siren: null }, { creditLimit: null });

  it.each<[string, OpeningChecklist, ActivationOverride | undefined, ActivationDecision]>([
    ['complete', complete, undefined, { allowed: true, overridden: false, missing: [] }],
    [
      'complete, an override ignored',
      complete,
      { reason: '', byRole: 'collector' },
      { allowed: true, overridden: false, missing: [] },
    ],
    [
      'blocking items missing',
      incomplete,
      undefined,
      { allowed: false, reason: 'blocking_items_missing', missing: ['siren', 'credit_limit'] },
    ],
    [
      'overridden by an admin',
      incomplete,
      { reason: 'Client historique, dossier papier', byRole: 'admin' },
      { allowed: true, overridden: true, missing: ['siren', 'credit_limit'] },
    ],
    [
      'overridden by a credit manager',
      incomplete,
      { reason: 'Accord du directeur financier', byRole: 'credit_manager' },
      { allowed: true, overridden: true, missing: ['siren', 'credit_limit'] },
    ],
    [
      'an override by a collector',
      incomplete,
      { reason: 'Urgent', byRole: 'collector' },
      { allowed: false, reason: 'override_role_not_allowed', missing: ['siren', 'credit_limit'] },
    ],
    [
      'a blank override by a read-only user: the role first',
      incomplete,
      { reason: ' ', byRole: 'read_only' },
      { allowed: false, reason: 'override_role_not_allowed', missing: ['siren', 'credit_limit'] },
    ],
    [
      'an admin override without a reason',
      incomplete,
      { reason: ' \n\t', byRole: 'admin' },
      { allowed: false, reason: 'override_reason_required', missing: ['siren', 'credit_limit'] },
    ],
    [
      'a missing item that does not block',
      checklist({ deliveryAddress: address({ city: null }) }),
      undefined,
      { allowed: true, overridden: false, missing: [] },
    ],
  ])('%s', (_label, list, override, expected) => {
    expect(decideActivation(list, override)).toEqual(expected);
  });

  it.each<[TRole, boolean]>([
    ['admin', true],
    ['credit_manager', false],
  ])('with override roles [admin], %s may override: %s', (byRole, allowed) => {
    const result = decideActivation(
      incomplete,
      { reason: 'Accord', byRole },
      { overrideRoles: ['admin'] },
    );
    expect(result.allowed).toBe(allowed);
  });
});
