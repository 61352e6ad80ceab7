/**
 * Formatting at the edge, in the interface language: amounts through the server's own
 * `formatMoney` (integer cents, never a float), dates through `formatDate`.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, isTimeZone, parseIsoDate } from '../../../src/shared/calendar-date.ts';
import {
  cents,
  formatMoney,
  parseCurrencyCode,
  toDecimalString,
} from '../../../src/shared/money.ts';
import { toLanguage, type Language } from '../../../src/shared/language.ts';

export function formatAmount(amount: number, currency: string, language: Language): string {
  const code = parseCurrencyCode(currency);
  if (code === undefined) {
    return `${toDecimalString(cents(amount))} ${currency}`;
  }
  return formatMoney(cents(amount), code, language);
}

/** `YYYY-MM-DD` → `31/12/2025` (fr) or `31 Dec 2025` (en); anything else is shown as is. */
export function formatDay(text: string, language: Language): string {
  const date = parseIsoDate(text);
  return date === undefined ? text : formatDate(date, language);
}

export type Formatters = {
  language: Language;
  amount: (amount: number, currency: string) => string;
  day: (text: string) => string;
  /** An instant (ISO timestamp) as date and time in `timeZone`: `31/12/2025 14:05`. */
  dateTime: (instant: string, timeZone: string) => string;
  integer: (value: number) => string;
  /** A ratio as a percentage: 0.425 → `42,5 %`. */
  percent: (ratio: number) => string;
};

export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage);
  return useMemo(() => {
    const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
    const integerFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
    const percentFormat = new Intl.NumberFormat(locale, {
      style: 'percent',
      maximumFractionDigits: 1,
    });
    return {
      language,
      amount: (amount, currency) => formatAmount(amount, currency, language),
      day: (text) => formatDay(text, language),
      dateTime: (instant, timeZone) => {
        const date = new Date(instant);
        if (Number.isNaN(date.getTime())) {
          return instant;
        }
        let format = dateTimeFormats.get(timeZone);
        if (format === undefined) {
          format = new Intl.DateTimeFormat(locale, {
            dateStyle: 'short',
            timeStyle: 'short',
            ...(isTimeZone(timeZone) ? { timeZone } : {}),
          });
          dateTimeFormats.set(timeZone, format);
        }
        return format.format(date);
      },
      integer: (value) => integerFormat.format(value).replace(/\u202f/g, '\u00a0'),
      percent: (ratio) => percentFormat.format(ratio).replace(/\u202f/g, '\u00a0'),
    };
  }, [language]);
}
