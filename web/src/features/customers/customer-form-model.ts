/**
 * The customer form's values as typed, and the request they become. The server makes
 * every check the import makes (identifiers, payment terms, amounts, the collector) and
 * names each problem by its field; the form shows it there and keeps what was typed.
 */
import { can } from '../../../../src/app/permissions.ts';
import type {
  TCreateCustomerRequest,
  TCustomerDetail,
  TUpdateCustomerRequest,
} from '../../../../src/customers/schemas.ts';
import type { Language } from '../../../../src/shared/language.ts';
import { cents, parseAmount, toDecimalString } from '../../../../src/shared/money.ts';
import { describePaymentTerms, parsePaymentTerms } from '../../../../src/shared/payment-terms.ts';
import { ROLES, type TProblem } from '../../../../src/shared/schemas.ts';
import type {
  ContactRole,
  CustomerStatus,
  PaymentMethod,
  RiskCategory,
} from './customer-labels.ts';

export type ContactValues = { role: ContactRole; name: string; email: string; phone: string };

export type CustomerFormValues = {
  code: string;
  legalName: string;
  siren: string;
  siret: string;
  vatNumber: string;
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  country: string;
  contacts: ContactValues[];
  paymentTerms: string;
  paymentMethod: PaymentMethod;
  /** The credit limit as typed (`20 000,00`); empty means no limit. */
  creditLimit: string;
  /** Empty means nobody. */
  collectorUserId: string;
  riskCategory: RiskCategory;
  status: CustomerStatus;
};

/** Problems by the request field they are about (`siren`, `contacts.0.email`, …). */
export type FieldErrors = Readonly<Record<string, string>>;

/** A new customer's values; its terms, 30 days net, written in the form's language. */
export function emptyCustomerValues(language: Language): CustomerFormValues {
  return {
    code: '',
    legalName: '',
    siren: '',
    siret: '',
    vatNumber: '',
    line1: '',
    line2: '',
    postalCode: '',
    city: '',
    country: 'FR',
    contacts: [],
    paymentTerms: describePaymentTerms({ kind: 'net', days: 30 }, language),
    paymentMethod: 'transfer',
    creditLimit: '',
    collectorUserId: '',
    riskCategory: 'standard',
    status: 'active',
  };
}

/** `2000000` cents → `20000,00`, which `parseAmount` reads back unchanged. */
export function creditLimitText(amount: number | null): string {
  return amount === null ? '' : toDecimalString(cents(amount)).replace('.', ',');
}

export function customerValues(customer: TCustomerDetail, language: Language): CustomerFormValues {
  const terms = parsePaymentTerms(customer.paymentTerms.code);
  return {
    code: customer.code,
    legalName: customer.legalName,
    siren: customer.siren ?? '',
    siret: customer.siret ?? '',
    vatNumber: customer.vatNumber ?? '',
    line1: customer.billingAddress.line1 ?? '',
    line2: customer.billingAddress.line2 ?? '',
    postalCode: customer.billingAddress.postalCode ?? '',
    city: customer.billingAddress.city ?? '',
    country: customer.billingAddress.country,
    contacts: customer.contacts.map((contact) => ({
      role: contact.role,
      name: contact.name ?? '',
      email: contact.email ?? '',
      phone: contact.phone ?? '',
    })),
    // In words, as the user would type them (`45 jours fin de mois`): the server reads its
    // own descriptions back, in either language, to the same code.
    paymentTerms:
      terms === undefined ? customer.paymentTerms.code : describePaymentTerms(terms, language),
    paymentMethod: customer.paymentMethod,
    creditLimit: creditLimitText(customer.creditLimit),
    collectorUserId: customer.collector?.id ?? '',
    riskCategory: customer.riskCategory,
    status: customer.status,
  };
}

type Built<T> = { ok: true; request: T } | { ok: false; errors: FieldErrors };

const nullIfBlank = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * The update request for `values`; the code is not changed here (invoices and imports
 * name the customer by it). Only the amount is read in the browser, since the request
 * carries cents; its errors use the server's field names.
 */
export function buildUpdateRequest(
  values: CustomerFormValues,
  messages: { invalidAmount: string },
): Built<TUpdateCustomerRequest> {
  let creditLimit: number | null = null;
  if (values.creditLimit.trim() !== '') {
    const parsed = parseAmount(values.creditLimit, 2);
    if (!parsed.ok) {
      return { ok: false, errors: { creditLimit: messages.invalidAmount } };
    }
    creditLimit = parsed.value;
  }
  return {
    ok: true,
    request: {
      legalName: values.legalName,
      siren: nullIfBlank(values.siren),
      siret: nullIfBlank(values.siret),
      vatNumber: nullIfBlank(values.vatNumber),
      billingAddress: {
        line1: nullIfBlank(values.line1),
        line2: nullIfBlank(values.line2),
        postalCode: nullIfBlank(values.postalCode),
        city: nullIfBlank(values.city),
        country: values.country.trim().toUpperCase(),
      },
      contacts: values.contacts.map((contact) => ({
        role: contact.role,
        name: nullIfBlank(contact.name),
        email: nullIfBlank(contact.email),
        phone: nullIfBlank(contact.phone),
      })),
      paymentTerms: values.paymentTerms,
      paymentMethod: values.paymentMethod,
      creditLimit,
      collectorUserId: values.collectorUserId === '' ? null : values.collectorUserId,
      riskCategory: values.riskCategory,
      status: values.status,
    },
  };
}

export function buildCreateRequest(
  values: CustomerFormValues,
  messages: { invalidAmount: string },
): Built<TCreateCustomerRequest> {
  const built = buildUpdateRequest(values, messages);
  if (!built.ok) {
    return built;
  }
  return {
    ok: true,
    request: { ...built.request, code: values.code, legalName: values.legalName },
  };
}

/**
 * The server's problems by field, and those that name no field of the form (shown
 * above it). Zod's paths (`billingAddress.country`, `contacts.0.email`) and the domain's
 * fields (`siren`, `creditLimit`) are both the request's field names.
 */
export function fieldErrorsOf(
  problem: TProblem,
  knownFields: (field: string) => boolean,
  wordIssue: (issue: NonNullable<TProblem['issues']>[number]) => string = (issue) => issue.message,
): { fields: FieldErrors; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const issue of problem.issues ?? []) {
    if (knownFields(issue.field)) {
      fields[issue.field] = fields[issue.field] ?? besideItsField(wordIssue(issue), issue.field);
    } else {
      other.push(wordIssue(issue));
    }
  }
  if ((problem.issues ?? []).length === 0) {
    other.push(problem.detail === '' ? problem.title : problem.detail);
  }
  return { fields, other };
}

/**
 * An issue shown under its own input needs no field name: the server's wording starts
 * with its path (`contacts.0.email : adresse e-mail invalide`), which only says where.
 */
function besideItsField(text: string, field: string): string {
  const rest = text.startsWith(field) ? text.slice(field.length) : '';
  return /^\s*:\s*/u.test(rest) ? rest.replace(/^\s*:\s*/u, '') : text;
}

/** Whether the role may create and change customers: the server's own rule. */
export function canWriteCustomers(role: string): boolean {
  const known = ROLES.find((name) => name === role);
  return known !== undefined && can(known, 'customers:write');
}
