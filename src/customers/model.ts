import { fieldIssue, type Issue } from '../shared/errors.ts';
import type { Cents } from '../shared/money.ts';
import { checkCustomerIdentifiers } from '../shared/identifiers.ts';
import {
  parsePaymentTerms,
  parsePaymentTermsText,
  formatPaymentTermsCode,
} from '../shared/payment-terms.ts';
import type {
  CONTACT_ROLES,
  CUSTOMER_STATUSES,
  PAYMENT_METHODS,
  RISK_CATEGORIES,
} from './schemas.ts';

export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export type RiskCategory = (typeof RISK_CATEGORIES)[number];
export type ContactRole = (typeof CONTACT_ROLES)[number];

export type Address = {
  line1: string | null;
  line2: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
};

export type Contact = {
  id: string;
  role: ContactRole;
  name: string | null;
  email: string | null;
  phone: string | null;
};

/** A customer account (capability 1 of PRODUCT.md). */
export type Customer = {
  id: string;
  code: string;
  legalName: string;
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  billingAddress: Address;
  deliveryAddress: Address | null;
  /** Canonical payment-terms code (`net:30`, `eom:45`…), see payment-terms.ts. */
  paymentTerms: string;
  paymentMethod: PaymentMethod;
  /** Deposit required with each order, in basis points (3000 = 30 %). */
  depositBps: number;
  creditLimitCents: Cents | null;
  collectorUserId: string | null;
  salesRep: string | null;
  riskCategory: RiskCategory;
  status: CustomerStatus;
};

export type CustomerWithContacts = Customer & { contacts: Contact[] };

/** The fields a user or an import can set; absent means "keep" on update, "default" on create. */
export type CustomerFields = Omit<Customer, 'id'>;

export const DEFAULT_PAYMENT_TERMS = 'net:30';

export function emptyAddress(): Address {
  return { line1: null, line2: null, postalCode: null, city: null, country: 'FR' };
}

/**
 * Reads payment terms as users write them (`45 jours fin de mois`, `net:30`) into the
 * canonical code, or `undefined` when they cannot be understood.
 */
export function normalizePaymentTerms(text: string): string | undefined {
  const terms = parsePaymentTerms(text) ?? parsePaymentTermsText(text);
  return terms && formatPaymentTermsCode(terms);
}

/** Checks a customer before it is stored; returns every problem at once. */
export function checkCustomer(customer: CustomerFields): Issue[] {
  const issues: Issue[] = [
    ...checkCustomerIdentifiers({
      siren: customer.siren ?? undefined,
      siret: customer.siret ?? undefined,
      vatNumber: customer.vatNumber ?? undefined,
    }),
  ];
  if (customer.code.trim() === '' || customer.code.length > 40) {
    issues.push(fieldIssue('code', 'invalid_code'));
  }
  if (customer.legalName.trim() === '') {
    issues.push(fieldIssue('legalName', 'required', { field: 'legalName' }));
  }
  if (parsePaymentTerms(customer.paymentTerms) === undefined) {
    issues.push(
      fieldIssue('paymentTerms', 'invalid_payment_terms', { value: customer.paymentTerms }),
    );
  }
  if (customer.creditLimitCents !== null && customer.creditLimitCents < 0) {
    issues.push(fieldIssue('creditLimit', 'negative_amount'));
  }
  return issues;
}

/** What changed between two versions of a customer, field by field, for the event trail. */
export function diffCustomer(
  before: CustomerWithContacts,
  after: CustomerWithContacts,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const keys = Object.keys(after) as (keyof CustomerWithContacts)[];
  for (const key of keys) {
    if (key === 'id') {
      continue;
    }
    const from = key === 'contacts' ? before.contacts.map(stripContactId) : before[key];
    const to = key === 'contacts' ? after.contacts.map(stripContactId) : after[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) {
      changes[key] = { from, to };
    }
  }
  return changes;
}

function stripContactId(contact: Contact): Omit<Contact, 'id'> {
  return { role: contact.role, name: contact.name, email: contact.email, phone: contact.phone };
}
