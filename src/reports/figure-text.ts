/**
 * A report's figures as people read them, for the CLI's tables and the PDFs: one decimal
 * (`45,2` in French, `45.2` in English, `—` for none) and amounts in their currency
 * (`1 234,56 €`; an amount in a code ISO 4217 does not know keeps its minor units and code).
 *
 * Pure (HOUSE_STYLE §3).
 */
import type { Language } from '../shared/language.ts';
import { formatMoney, isCurrencyCode, toDecimalString, type Cents } from '../shared/money.ts';

const ONE_DECIMAL: Readonly<Record<Language, Intl.NumberFormat>> = {
  fr: new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/** A figure with one decimal; `—` for none. */
export function formatOneDecimal(value: number | null, language: Language): string {
  return value === null ? '—' : ONE_DECIMAL[language].format(value);
}

/** An amount of a report in its currency. */
export function formatReportMoney(amount: Cents, currency: string, language: Language): string {
  return isCurrencyCode(currency)
    ? formatMoney(amount, currency, language)
    : `${toDecimalString(amount)} ${currency}`;
}
