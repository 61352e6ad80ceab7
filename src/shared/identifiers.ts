/**
 * Business identifiers: customer codes, and French company identifiers and bank
 * accounts (SIREN, SIRET, intra-EU VAT number, IBAN, the RIB of a French account).
 * Each `isValid…` accepts the forms people type (spaces, lower case) and checks the
 * number's own keys; none says whether the number exists (that needs INSEE's Sirene or
 * the EU's VIES, which are I/O and not done here).
 *
 * Pure (HOUSE_STYLE §3).
 */
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { fieldIssue, type Issue } from './errors.ts';

/**
 * A customer code as it is stored and compared: trimmed, in NFC, in capitals. Codes
 * are typed by people and exported by ERPs in whatever case each prefers; `a001`
 * and `A001` are one customer, never two (ADR 12). Sage and most French ERPs show
 * account codes in capitals, so that is the form kept.
 */
export function normalizeCustomerCode(code: string): string {
  return code.trim().normalize('NFC').toUpperCase();
}

// Whitespace of every kind, including the no-break spaces (U+00A0, U+202F) that word
// processors put in "732 829 320" and that `\s` covers in JavaScript.
const WHITESPACE = /\s+/g;

/**
 * The SIREN of La Poste. Its establishments are too many for the 5-digit NIC under the
 * Luhn key, so INSEE numbers them with a different rule (see `isValidSiret`).
 */
export const LA_POSTE_SIREN = '356000000';

/** Luhn (mod 10) over a digit string: doubling every second digit from the right. */
function hasValidLuhnKey(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    const digit = Number(digits.charAt(digits.length - 1 - index));
    const weighted = index % 2 === 1 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return sum % 10 === 0;
}

function digitSum(digits: string): number {
  let sum = 0;
  for (const digit of digits) {
    sum += Number(digit);
  }
  return sum;
}

/** Removes every space (ordinary or no-break): `732 829 320` → `732829320`. */
export function normalizeSiren(text: string): string {
  return text.replace(WHITESPACE, '');
}

/** Removes every space (ordinary or no-break): `732 829 320 00074` → `73282932000074`. */
export function normalizeSiret(text: string): string {
  return text.replace(WHITESPACE, '');
}

/**
 * Whether `text` (spaces allowed) is a well-formed SIREN: 9 digits whose Luhn key is right
 * (INSEE). `000000000` passes Luhn but is never issued, so it is refused.
 */
export function isValidSiren(text: string): boolean {
  const siren = normalizeSiren(text);
  return /^\d{9}$/.test(siren) && siren !== '000000000' && hasValidLuhnKey(siren);
}

/**
 * Whether `text` (spaces allowed) is a well-formed SIRET: 14 digits (SIREN + 5-digit NIC)
 * whose first 9 are a valid SIREN and whose Luhn key over all 14 is right.
 *
 * La Poste exception (INSEE): for SIREN 356000000 a SIRET is also valid when the sum of its
 * 14 digits is a multiple of 5 (`35600000049837`: sum 45, Luhn wrong). Luhn still
 * accepts the others, notably the head office `35600000000048` (digit sum 26).
 */
export function isValidSiret(text: string): boolean {
  const siret = normalizeSiret(text);
  if (!/^\d{14}$/.test(siret) || !isValidSiren(siret.slice(0, 9))) {
    return false;
  }
  if (hasValidLuhnKey(siret)) {
    return true;
  }
  return siret.startsWith(LA_POSTE_SIREN) && digitSum(siret) % 5 === 0;
}

/**
 * The French intra-EU VAT number of a SIREN: `FR` + key + SIREN, where the key is
 * (12 + 3 × (SIREN mod 97)) mod 97 on two digits, as the DGFiP computes it (the same as
 * `SIREN‖12 mod 97`, since 100 ≡ 3 mod 97). `732829320` → `FR44732829320`.
 * Throws a RangeError when `siren` is not a valid SIREN: it has no VAT number.
 */
export function frenchVatNumber(siren: string): string {
  const normalized = normalizeSiren(siren);
  if (!isValidSiren(normalized)) {
    throw new RangeError(`Not a valid SIREN: ${siren}`);
  }
  return `FR${frenchVatKey(normalized)}${normalized}`;
}

function frenchVatKey(nineDigits: string): string {
  return String((12 + 3 * (Number(nineDigits) % 97)) % 97).padStart(2, '0');
}

/** Upper case, without spaces, dots or dashes: `fr 44 732.829.320` → `FR44732829320`. */
export function normalizeVatNumber(text: string): string {
  return text.replace(/[\s.-]+/g, '').toUpperCase();
}

// VIES country prefixes: the 27 member states (Greece is EL, not GR) and XI for Northern
// Ireland (Protocol on Ireland/Northern Ireland, 2021). GB numbers have not been EU VAT numbers since 2021.
const EU_VAT_PREFIXES = new Set([
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'EL',
  'ES',
  'FI',
  'FR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
  'XI',
]);
const EU_VAT_SHAPE = /^[A-Z]{2}[0-9A-Z+*]{2,13}$/;
// New-style French keys are alphanumeric, without I and O (confusable with 1 and 0).
const FRENCH_VAT_SHAPE = /^FR([0-9A-HJ-NP-Z]{2})(\d{9})$/;

/**
 * The SIREN inside a French VAT number, or `undefined` when `text` is not one (Monaco
 * numbers, `FRxx000…`, carry no SIREN).
 */
export function sirenOfFrenchVatNumber(text: string): string | undefined {
  const match = FRENCH_VAT_SHAPE.exec(normalizeVatNumber(text));
  const nineDigits = match?.[2];
  return nineDigits !== undefined && !nineDigits.startsWith('000') ? nineDigits : undefined;
}

/**
 * Whether `text` is a plausible intra-EU VAT number; lower case and spaces are accepted.
 *
 * - **French numbers (`FR`) are fully checked**: `FR` + 2-character key + 9 digits. The
 *   9 digits must be a valid SIREN, except Monaco's (`FRxx000…`), which are VAT numbers
 *   without a SIREN. A numeric key must equal (12 + 3 × (digits mod 97)) mod 97. An
 *   alphanumeric key ("new style", given to a few entities) is checked for shape only.
 * - **Other EU numbers get a format check only**: a VIES country prefix (`DE`, `EL`, `XI`…)
 *   and `^[A-Z]{2}[0-9A-Z+*]{2,13}$`. Their national check digits are not verified, and
 *   numbers from outside the EU (`GB`, `CH`) are refused.
 */
export function isValidFrenchVatNumber(text: string): boolean {
  const vat = normalizeVatNumber(text);
  const prefix = vat.slice(0, 2);
  if (prefix !== 'FR') {
    return EU_VAT_PREFIXES.has(prefix) && EU_VAT_SHAPE.test(vat);
  }
  const match = FRENCH_VAT_SHAPE.exec(vat);
  const key = match?.[1];
  const nineDigits = match?.[2];
  if (key === undefined || nineDigits === undefined) {
    return false;
  }
  const isMonaco = nineDigits.startsWith('000');
  if (!isMonaco && !isValidSiren(nineDigits)) {
    return false;
  }
  return /^\d{2}$/.test(key) ? key === frenchVatKey(nineDigits) : true;
}

/** Upper case without spaces or dashes (`fr76 3000 6000…` → `FR7630006000…`); no validation. */
export function normalizeIban(text: string): string {
  return electronicFormatIBAN(text.replace(WHITESPACE, '')) ?? '';
}

/**
 * Whether `text` (spaces and lower case allowed) is a valid IBAN: known country and
 * length, ISO 13616 mod-97 key, and the national format (ibantools).
 */
export function isValidIban(text: string): boolean {
  const iban = normalizeIban(text);
  return iban !== '' && isValidIBAN(iban);
}

// The RIB rule's letters (Banque de France): A and J count 1, B, K and S 2, … I, R and Z 9.
// S starts its series at 2, not 1, so the three series are not a plain `index mod 9`.
const RIB_LETTER_DIGITS = 'A1B2C3D4E5F6G7H8I9J1K2L3M4N5O6P7Q8R9S2T3U4V5W6X7Y8Z9';

function ribDigits(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => {
    const at = RIB_LETTER_DIGITS.indexOf(letter);
    return RIB_LETTER_DIGITS.charAt(at + 1);
  });
}

/** `text mod 97`, a few digits at a time (the number may have 30 digits; a double has 15). */
function mod97(digits: string): number {
  let remainder = 0;
  for (let start = 0; start < digits.length; start += 7) {
    remainder = Number(`${remainder}${digits.slice(start, start + 7)}`) % 97;
  }
  return remainder;
}

/**
 * The IBAN of a French account known by its RIB, as CFONB statements name it: bank code
 * (5 digits), branch code (5 digits), account number (11 digits or capital letters).
 *
 * - The RIB key is 97 − ((89 × bank + 15 × branch + 3 × account) mod 97), the account's
 *   letters counted as digits by the RIB rule (A, J → 1; B, K, S → 2; … I, R, Z → 9).
 * - The IBAN is `FR` + check digits + bank + branch + account (letters kept) + key; the check
 *   digits are 98 − (BBAN‖`FR00` mod 97), letters counted A = 10 … Z = 35 (ISO 13616).
 *
 * `30006 00001 12345678901` → `FR7630006000011234567890189`. Throws a RangeError when the
 * parts do not have that shape: they name no account.
 */
export function ibanFromRib(bankCode: string, branchCode: string, accountNumber: string): string {
  const account = accountNumber.toUpperCase();
  if (!/^\d{5}$/.test(bankCode) || !/^\d{5}$/.test(branchCode) || !/^[0-9A-Z]{11}$/.test(account)) {
    throw new RangeError(`Not a RIB: ${bankCode} ${branchCode} ${accountNumber}`);
  }
  const weighted = 89 * Number(bankCode) + 15 * Number(branchCode) + 3 * Number(ribDigits(account));
  const key = String(97 - (weighted % 97)).padStart(2, '0');
  const bban = `${bankCode}${branchCode}${account}${key}`;
  const letterCodes = `${bban}FR00`.replace(/[A-Z]/g, (letter) =>
    String(letter.charCodeAt(0) - 55),
  );
  const checkDigits = String(98 - mod97(letterCodes)).padStart(2, '0');
  return `FR${checkDigits}${bban}`;
}

/**
 * The issue codes of `checkCustomerIdentifiers`:
 * - `invalid_siren`, `invalid_siret`, `invalid_vat_number`, `invalid_iban`: the value alone
 *   is malformed (see the matching `isValid…`);
 * - `siret_siren_mismatch`: both are valid, but the SIRET does not start with the SIREN;
 * - `vat_number_siren_mismatch`: a valid French VAT number that is not the SIREN's (compared
 *   with the SIREN, or with the SIRET's first 9 digits when no SIREN is given).
 */
export type IdentifierIssueCode =
  | 'invalid_siren'
  | 'invalid_siret'
  | 'invalid_vat_number'
  | 'invalid_iban'
  | 'siret_siren_mismatch'
  | 'vat_number_siren_mismatch';

/** The identifiers of a customer; blank or absent values are not checked. */
export type CustomerIdentifiers = {
  siren?: string | undefined;
  siret?: string | undefined;
  vatNumber?: string | undefined;
  iban?: string | undefined;
};

function present(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * Checks a customer's identifiers alone and against each other; returns every problem at
 * once (errors as data, HOUSE_STYLE §6), with `field` among `siren`, `siret`, `vatNumber`,
 * `iban` and `code` an `IdentifierIssueCode`. A consistency check runs only when both
 * values are valid on their own, so one typo gives one issue. A non-French VAT number is
 * not compared with the SIREN: a French company's own number is always `FR…`, but a
 * customer may be invoiced through a foreign registration.
 */
export function checkCustomerIdentifiers(identifiers: CustomerIdentifiers): Issue[] {
  const issues: Issue[] = [];
  const siren = present(identifiers.siren);
  const siret = present(identifiers.siret);
  const vatNumber = present(identifiers.vatNumber);
  const iban = present(identifiers.iban);

  const isSirenValid = siren !== undefined && isValidSiren(siren);
  const isSiretValid = siret !== undefined && isValidSiret(siret);
  if (siren !== undefined && !isSirenValid) {
    issues.push(fieldIssue('siren', 'invalid_siren', { value: siren }));
  }
  if (siret !== undefined && !isSiretValid) {
    issues.push(fieldIssue('siret', 'invalid_siret', { value: siret }));
  }
  if (vatNumber !== undefined && !isValidFrenchVatNumber(vatNumber)) {
    issues.push(fieldIssue('vatNumber', 'invalid_vat_number', { value: vatNumber }));
  }
  if (iban !== undefined && !isValidIban(iban)) {
    issues.push(fieldIssue('iban', 'invalid_iban', { value: iban }));
  }

  const normalizedSiren = isSirenValid ? normalizeSiren(siren) : undefined;
  const sirenOfSiret = isSiretValid ? normalizeSiret(siret).slice(0, 9) : undefined;
  if (
    normalizedSiren !== undefined &&
    sirenOfSiret !== undefined &&
    sirenOfSiret !== normalizedSiren
  ) {
    issues.push(
      fieldIssue('siret', 'siret_siren_mismatch', { value: siret ?? '', siren: normalizedSiren }),
    );
  }
  const referenceSiren = normalizedSiren ?? sirenOfSiret;
  if (
    referenceSiren !== undefined &&
    vatNumber !== undefined &&
    isValidFrenchVatNumber(vatNumber) &&
    normalizeVatNumber(vatNumber).startsWith('FR') &&
    sirenOfFrenchVatNumber(vatNumber) !== referenceSiren
  ) {
    issues.push(
      fieldIssue('vatNumber', 'vat_number_siren_mismatch', {
        value: vatNumber,
        siren: referenceSiren,
        expected: frenchVatNumber(referenceSiren),
      }),
    );
  }
  return issues;
}
