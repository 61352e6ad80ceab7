/**
 * The company's bank details (issue 10): where its customers pay, shown on the portal and
 * on a statement of account. Pure (HOUSE_STYLE §3).
 */
import { isValidBIC } from 'ibantools';
import { fieldIssue, type Issue } from '../shared/errors.ts';
import { isValidIban, normalizeIban } from '../shared/identifiers.ts';

export type BankDetails = {
  accountHolder: string;
  /** In electronic form: capitals, no spaces (`FR7630006000011234567890189`). */
  iban: string;
  bic: string | null;
  bankName: string | null;
};

/** The longest account holder or bank name kept (a bank transfer's name field is 70). */
export const MAX_BANK_NAME_LENGTH = 140;

/** Bank details as a person types them: spaces and lower case allowed. */
export type BankDetailsInput = {
  accountHolder: string;
  iban: string;
  bic?: string | null | undefined;
  bankName?: string | null | undefined;
};

function kept(text: string | null | undefined): string | null {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * The details as stored (IBAN and BIC in capitals without spaces, empty texts as none), or
 * every issue at once: a holder is needed, the IBAN must pass its ISO 13616 key and national
 * format (ibantools), the BIC ISO 9362's shape. A wrong IBAN on the portal sends a
 * customer's payment elsewhere: it is refused, never kept as typed.
 */
export function checkBankDetails(
  input: BankDetailsInput,
): { details: BankDetails; issues: [] } | { details?: undefined; issues: Issue[] } {
  const issues: Issue[] = [];
  const accountHolder = kept(input.accountHolder);
  if (accountHolder === null) {
    issues.push(fieldIssue('accountHolder', 'bank_details_holder_missing'));
  } else if (accountHolder.length > MAX_BANK_NAME_LENGTH) {
    issues.push(
      fieldIssue('accountHolder', 'bank_details_too_long', { max: MAX_BANK_NAME_LENGTH }),
    );
  }
  if (!isValidIban(input.iban)) {
    issues.push(fieldIssue('iban', 'invalid_iban', { value: input.iban }));
  }
  const bic = kept(input.bic)?.replace(/\s+/g, '').toUpperCase() ?? null;
  if (bic !== null && !isValidBIC(bic)) {
    issues.push(fieldIssue('bic', 'bank_details_bic_invalid', { value: bic }));
  }
  const bankName = kept(input.bankName);
  if (bankName !== null && bankName.length > MAX_BANK_NAME_LENGTH) {
    issues.push(fieldIssue('bankName', 'bank_details_too_long', { max: MAX_BANK_NAME_LENGTH }));
  }
  if (issues.length > 0 || accountHolder === null) {
    return { issues };
  }
  return { details: { accountHolder, iban: normalizeIban(input.iban), bic, bankName }, issues: [] };
}
