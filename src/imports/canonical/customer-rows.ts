/**
 * Customer rows of an import file (the `customers.csv` columns of DESIGN.md).
 * Pure: a table in, typed rows and per-line errors out. Identifiers and payment
 * terms are checked by the customers capability's own pure rules, so an import
 * accepts exactly what the customer form accepts.
 */
import { z } from 'zod';

import {
  checkCustomerIdentifiers,
  normalizeSiren,
  normalizeSiret,
  normalizeCustomerCode,
  normalizeVatNumber,
} from '../../shared/identifiers.ts';
import {
  DEFAULT_PAYMENT_TERMS,
  type CustomerStatus,
  type PaymentMethod,
  type RiskCategory,
} from '../../customers/model.ts';
import {
  formatPaymentTermsCode,
  parsePaymentTermsText,
  PAYMENT_TERMS_EXCEED_LEGAL_MAXIMUM,
  termsExceedLegalMaximum,
} from '../../shared/payment-terms.ts';
import { fieldIssue, type Issue } from '../../shared/errors.ts';
import type { MessageCode } from '../../shared/messages/catalogue.ts';
import {
  parseAmount,
  parseCurrencyCode,
  type Cents,
  type CurrencyCode,
} from '../../shared/money.ts';
import {
  CUSTOMER_COLUMN_SPEC,
  type ColumnMapping,
  type CustomerColumn,
  type MappedRecord,
} from '../table/column-mapping.ts';
import { parseRows } from '../table/parse-rows.ts';
import type { Table } from '../table/read-table.ts';
import {
  addIssue,
  amountOptions,
  choiceKey,
  optionalText,
  quote,
  readAmount,
  readChoice,
  readPaymentMethod,
  requireText,
  type RowContext,
  type RowParseOptions,
} from '../table/row-fields.ts';

/** Longest customer code (the `customer.code` rule of the customers capability). */
export const MAX_CUSTOMER_CODE_LENGTH = 40;

/**
 * One valid customer line of a file. Every field holds the value the customer
 * gets when it is created from this row (defaults filled in); `columns` of the
 * result tells an update which of them the file actually carries.
 */
export type CustomerImportRow = {
  line: number;
  code: string;
  name: string;
  /** 9 digits, no spaces; taken from the SIRET when only the SIRET is given. */
  siren: string | undefined;
  /** 14 digits, no spaces. */
  siret: string | undefined;
  /** Upper case, no spaces (`FR40303265045`). */
  vatNumber: string | undefined;
  addressLine1: string | undefined;
  addressLine2: string | undefined;
  postalCode: string | undefined;
  city: string | undefined;
  /** ISO 3166-1 alpha-2, `FR` when empty. */
  country: string;
  /** Canonical payment-terms code (`net:30`, `eom:45`…); `net:30` when empty. */
  paymentTerms: string;
  /** `transfer` when empty. */
  paymentMethod: PaymentMethod;
  email: string | undefined;
  phone: string | undefined;
  contactName: string | undefined;
  collectorEmail: string | undefined;
  salesRep: string | undefined;
  /** `standard` when empty. */
  riskCategory: RiskCategory;
  /** `active` when empty. */
  status: CustomerStatus;
  /** `undefined` when empty: no credit limit. */
  creditLimit: { amount: Cents; currency: CurrencyCode } | undefined;
  /** Deposit asked with each order, in basis points (30 % = 3000); 0 when empty. */
  depositBps: number;
};

/** Options of `parseCustomerRows`. */
export type CustomerRowsOptions = RowParseOptions & { mapping?: ColumnMapping | undefined };

/**
 * `parseCustomerRows`'s answer: the valid rows, one issue per problem (a row with
 * any problem is not in `rows`), notices (ignored columns, terms past the legal
 * maximum), and the canonical columns the file has.
 */
export type CustomerRowsResult = {
  rows: CustomerImportRow[];
  errors: Issue[];
  notices: Issue[];
  columns: CustomerColumn[];
};

/** Accepted spellings of `status`, English and French (`choiceKey` form). */
export const CUSTOMER_STATUS_SPELLINGS: Readonly<Record<string, CustomerStatus>> = {
  prospect: 'prospect',
  active: 'active',
  actif: 'active',
  on_hold: 'on_hold',
  bloque: 'on_hold',
  en_attente: 'on_hold',
  in_litigation: 'in_litigation',
  contentieux: 'in_litigation',
  closed: 'closed',
  clos: 'closed',
  ferme: 'closed',
};

/** Accepted spellings of `risk_category`, English and French (`choiceKey` form). */
export const RISK_CATEGORY_SPELLINGS: Readonly<Record<string, RiskCategory>> = {
  low: 'low',
  faible: 'low',
  standard: 'standard',
  normal: 'standard',
  high: 'high',
  eleve: 'high',
  critical: 'critical',
  critique: 'critical',
};

/**
 * Parses the customer rows of a table. Refused: a missing code or name, a code
 * over 40 characters, an invalid SIREN/SIRET/VAT number or a SIRET of another
 * SIREN, payment terms that cannot be read, an unknown payment method, status,
 * risk category or country, a malformed e-mail, a negative credit limit, a deposit
 * outside 0–100 %, the same code twice in the file.
 */
export function parseCustomerRows(
  table: Table,
  options: CustomerRowsOptions = {},
): CustomerRowsResult {
  // A customer file has no currency column: limits are in the company's currency.
  const currency = options.defaultCurrency ?? euro();
  return parseRows(
    table,
    {
      mapping: options.mapping,
      decimalMark: options.decimalMark,
      firstLineOf: options.firstLineOf,
    },
    {
      spec: CUSTOMER_COLUMN_SPEC,
      read: (context, record, notices) => readCustomerRow(context, record, currency, notices),
      keyOf: (row) =>
        row.code === undefined
          ? undefined
          : {
              column: 'code',
              key: row.code,
              variant: 'customer_code',
              value: row.code,
            },
      complete: (row) => completeRow(row),
    },
  );
}

function euro(): CurrencyCode {
  const code = parseCurrencyCode('EUR');
  if (code === undefined) {
    throw new Error('The runtime does not know the euro');
  }
  return code;
}

type PartialCustomerRow = { [K in keyof CustomerImportRow]: CustomerImportRow[K] | undefined };

function readCustomerRow(
  context: RowContext,
  record: MappedRecord<CustomerColumn>,
  currency: CurrencyCode,
  notices: Issue[],
): PartialCustomerRow {
  const { cell } = record;
  const code = readCode(context, cell('code'));
  const name = requireText(context, 'name', cell('name'));
  const identifiers = readIdentifiers(context, cell);
  const paymentTerms = readPaymentTerms(context, cell('payment_terms'), notices);
  const creditLimit = readCreditLimit(context, cell('credit_limit'), currency);
  return {
    line: record.line,
    code,
    name,
    ...identifiers,
    addressLine1: optionalText(cell('address_line1')),
    addressLine2: optionalText(cell('address_line2')),
    postalCode: optionalText(cell('postal_code')),
    city: optionalText(cell('city')),
    country: cell('country') === '' ? 'FR' : readCountry(context, cell('country')),
    paymentTerms,
    paymentMethod:
      cell('payment_method') === ''
        ? 'transfer'
        : readPaymentMethod(context, 'payment_method', cell('payment_method')),
    email: readEmail(context, 'email', cell('email')),
    phone: optionalText(cell('phone')),
    contactName: optionalText(cell('contact_name')),
    collectorEmail: readEmail(context, 'collector_email', cell('collector_email')),
    salesRep: optionalText(cell('sales_rep')),
    riskCategory:
      cell('risk_category') === ''
        ? 'standard'
        : readChoice(
            context,
            'risk_category',
            cell('risk_category'),
            RISK_CATEGORY_SPELLINGS,
            'invalid_risk_category',
          ),
    status:
      cell('status') === ''
        ? 'active'
        : readChoice(
            context,
            'status',
            cell('status'),
            CUSTOMER_STATUS_SPELLINGS,
            'invalid_status',
          ),
    creditLimit,
    depositBps:
      cell('deposit_percent') === '' ? 0 : readDepositBps(context, cell('deposit_percent')),
  };
}

function readCode(context: RowContext, value: string): string | undefined {
  const text = requireText(context, 'code', value);
  const code = text === undefined ? undefined : normalizeCustomerCode(text);
  if (code !== undefined && code.length > MAX_CUSTOMER_CODE_LENGTH) {
    addIssue(context, 'code', 'too_long', {
      value: quote(code),
      length: code.length,
      max: MAX_CUSTOMER_CODE_LENGTH,
    });
    return undefined;
  }
  return code;
}

type Identifiers = Pick<CustomerImportRow, 'siren' | 'siret' | 'vatNumber'>;

// checkCustomerIdentifiers names fields as the customer form does; files use columns.
const IDENTIFIER_COLUMNS: Readonly<Record<string, CustomerColumn>> = {
  siren: 'siren',
  siret: 'siret',
  vatNumber: 'vat_number',
};

/**
 * SIREN, SIRET and VAT number, each optional, checked alone and against each other
 * by the customers capability's rule (a SIRET of another SIREN, a French VAT
 * number of another company are refused). A SIRET is the SIREN followed by the
 * establishment's 5-digit NIC, so a SIRET alone gives the SIREN.
 */
function readIdentifiers(
  context: RowContext,
  cell: MappedRecord<CustomerColumn>['cell'],
): Identifiers {
  const issues = checkCustomerIdentifiers({
    siren: cell('siren'),
    siret: cell('siret'),
    vatNumber: cell('vat_number'),
  });
  for (const issue of issues) {
    const column = IDENTIFIER_COLUMNS[issue.field] ?? issue.field;
    // The customers rule's code and values, said with the column: `siren: SIREN "…" is not valid.`
    addIssue(context, column, issue.code as MessageCode, {
      ...issue.params,
      field: column,
      context: 'cell',
    });
  }
  const siret = cell('siret') === '' ? undefined : normalizeSiret(cell('siret'));
  const siren = cell('siren') === '' ? siret?.slice(0, 9) : normalizeSiren(cell('siren'));
  const vatNumber = cell('vat_number') === '' ? undefined : normalizeVatNumber(cell('vat_number'));
  return { siren, siret, vatNumber };
}

function readPaymentTerms(
  context: RowContext,
  value: string,
  notices: Issue[],
): string | undefined {
  if (value === '') {
    return DEFAULT_PAYMENT_TERMS;
  }
  const terms = parsePaymentTermsText(value);
  if (terms === undefined) {
    addIssue(context, 'payment_terms', 'invalid_payment_terms', {
      value: quote(value),
      context: 'cell',
    });
    return undefined;
  }
  // Accepted with a notice: the customer exists and must be collected; the terms
  // are the seller's compliance problem (C. com. L441-10 I, fine under L441-16).
  if (termsExceedLegalMaximum(terms)) {
    notices.push(
      fieldIssue(
        'payment_terms',
        PAYMENT_TERMS_EXCEED_LEGAL_MAXIMUM,
        { value: quote(value) },
        context.line,
      ),
    );
  }
  return formatPaymentTermsCode(terms);
}

function readCreditLimit(
  context: RowContext,
  value: string,
  currency: CurrencyCode,
): CustomerImportRow['creditLimit'] {
  const amount = readAmount(context, 'credit_limit', value, currency);
  if (amount === undefined) {
    return undefined;
  }
  if (amount < 0) {
    addIssue(context, 'credit_limit', 'negative_amount', {
      value: quote(value),
      context: 'credit_limit',
    });
    return undefined;
  }
  return { amount, currency };
}

/**
 * `30`, `30 %`, `12,5` → basis points (3000, 1250). Read digit by digit with two
 * decimals, so hundredths of a percent are exactly basis points.
 */
function readDepositBps(context: RowContext, value: string): number | undefined {
  const parsed = parseAmount(value.replace(/\s*%$/, ''), 2, amountOptions(context));
  if (!parsed.ok || parsed.value < 0 || parsed.value > 10_000) {
    addIssue(context, 'deposit_percent', 'invalid_percent', { value: quote(value) });
    return undefined;
  }
  return parsed.value;
}

const ZEmail = z.email();

function readEmail(context: RowContext, field: string, value: string): string | undefined {
  if (value === '') {
    return undefined;
  }
  if (!ZEmail.safeParse(value).success) {
    addIssue(context, field, 'invalid_email', { field, value: quote(value) });
    return undefined;
  }
  return value;
}

// Codes that Intl knows as regions but that are not countries an address can be
// in: Ascension, Clipperton, Sark, Diego Garcia, Ceuta & Melilla, Canaries,
// Tristan da Cunha (ISO "exceptionally reserved"), EU, eurozone, UN, Outlying
// Oceania, pseudo-locales and "unknown region".
const NOT_COUNTRIES = new Set([
  'AC',
  'CP',
  'CQ',
  'DG',
  'EA',
  'IC',
  'TA',
  'EU',
  'EZ',
  'UN',
  'QO',
  'XA',
  'XB',
  'ZZ',
]);

let countryByName: Map<string, string> | undefined;

/**
 * Country codes by every way they are written: the code itself, an old code that
 * ICU maps to it (`UK` → `GB`), and its French and English names (`France`,
 * `Royaume-Uni`, `Germany`) in `choiceKey` form. Built once, from ICU's data.
 */
function countryLookup(): Map<string, string> {
  if (countryByName !== undefined) {
    return countryByName;
  }
  const lookup = new Map<string, string>();
  const names = ['fr', 'en'].map(
    (locale) => new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }),
  );
  for (let first = 65; first <= 90; first += 1) {
    for (let second = 65; second <= 90; second += 1) {
      const code = String.fromCharCode(first, second);
      const canonical = new Intl.Locale('und', { region: code }).region ?? code;
      if (NOT_COUNTRIES.has(canonical) || names[0]?.of(canonical) === undefined) {
        continue;
      }
      lookup.set(code.toLowerCase(), canonical);
      for (const displayNames of names) {
        const name = displayNames.of(canonical);
        if (name !== undefined && !lookup.has(choiceKey(name))) {
          lookup.set(choiceKey(name), canonical);
        }
      }
    }
  }
  countryByName = lookup;
  return lookup;
}

function readCountry(context: RowContext, value: string): string | undefined {
  const country = countryLookup().get(choiceKey(value));
  if (country === undefined) {
    addIssue(context, 'country', 'invalid_country', { value: quote(value) });
  }
  return country;
}

/** A row without issues has every required value; anything else is a bug in this file. */
function completeRow(row: PartialCustomerRow): CustomerImportRow {
  const {
    line,
    code,
    name,
    country,
    paymentTerms,
    paymentMethod,
    riskCategory,
    status,
    depositBps,
  } = row;
  if (
    line === undefined ||
    code === undefined ||
    name === undefined ||
    country === undefined ||
    paymentTerms === undefined ||
    paymentMethod === undefined ||
    riskCategory === undefined ||
    status === undefined ||
    depositBps === undefined
  ) {
    throw new Error(`Customer row of line ${line} has no issue but a missing value`);
  }
  return {
    ...row,
    line,
    code,
    name,
    country,
    paymentTerms,
    paymentMethod,
    riskCategory,
    status,
    depositBps,
  };
}
