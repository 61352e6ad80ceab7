import { isTimeZone } from '../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../shared/errors.ts';
import { isCurrencyCode } from '../shared/money.ts';
import { isValidFrenchVatNumber, isValidSiren } from '../shared/identifiers.ts';

export type Company = {
  id: string;
  code: string;
  legalName: string;
  siren: string | null;
  vatNumber: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
  currency: string;
  timeZone: string;
};

export type NewCompany = Omit<Company, 'id'>;

/** Checks a company's identity before it is stored: code, SIREN, VAT, currency, time zone. */
export function checkCompany(company: NewCompany): Issue[] {
  const issues: Issue[] = [];
  if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(company.code)) {
    issues.push(fieldIssue('code', 'invalid_company_code', { value: company.code }));
  }
  if (company.siren !== null && !isValidSiren(company.siren)) {
    issues.push(fieldIssue('siren', 'invalid_siren', { value: company.siren }));
  }
  if (company.vatNumber !== null && !isValidFrenchVatNumber(company.vatNumber)) {
    issues.push(fieldIssue('vatNumber', 'invalid_vat_number', { value: company.vatNumber }));
  }
  if (!isCurrencyCode(company.currency)) {
    issues.push(fieldIssue('currency', 'unknown_currency', { value: company.currency }));
  }
  if (!isTimeZone(company.timeZone)) {
    issues.push(fieldIssue('timeZone', 'unknown_time_zone', { value: company.timeZone }));
  }
  return issues;
}
