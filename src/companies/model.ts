import { isTimeZone } from '../shared/calendar-date.ts';
import type { Issue } from '../shared/errors.ts';
import { isCurrencyCode } from '../shared/money.ts';
import { isValidFrenchVatNumber, isValidSiren } from '../customers/identifiers.ts';

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
    issues.push({
      field: 'code',
      code: 'invalid_code',
      message: `Company code "${company.code}" must be 1–40 lower-case letters, digits or dashes`,
    });
  }
  if (company.siren !== null && !isValidSiren(company.siren)) {
    issues.push({
      field: 'siren',
      code: 'invalid_siren',
      message: `SIREN "${company.siren}" is not valid`,
    });
  }
  if (company.vatNumber !== null && !isValidFrenchVatNumber(company.vatNumber)) {
    issues.push({
      field: 'vatNumber',
      code: 'invalid_vat_number',
      message: `VAT number "${company.vatNumber}" is not valid`,
    });
  }
  if (!isCurrencyCode(company.currency)) {
    issues.push({
      field: 'currency',
      code: 'unknown_currency',
      message: `Unknown currency "${company.currency}"`,
    });
  }
  if (!isTimeZone(company.timeZone)) {
    issues.push({
      field: 'timeZone',
      code: 'unknown_time_zone',
      message: `Unknown time zone "${company.timeZone}"`,
    });
  }
  return issues;
}
