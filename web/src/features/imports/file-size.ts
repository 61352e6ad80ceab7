import type { Language } from '../../../../src/shared/language.ts';

/** Decimal units, as file managers and browsers in France write sizes (1 Mo = 1 000 000 octets). */
const UNITS: Readonly<Record<Language, readonly string[]>> = {
  fr: ['o', 'ko', 'Mo', 'Go'],
  en: ['B', 'kB', 'MB', 'GB'],
};

/** A size in bytes as people read it: `812 o`, `3,2 ko`, `12,5 Mo`, `1,2 Go`. */
export function formatFileSize(bytes: number, language: Language): string {
  let value = bytes;
  let unit = 0;
  // Moved up once its rounded figure would read 1 000 (999 960 o is `1 Mo`, not `1 000 ko`).
  while (unit < 3 && Math.round(value * 10) / 10 >= 1000) {
    value /= 1000;
    unit += 1;
  }
  const figure = new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
  return `${figure}\u00a0${UNITS[language][unit] ?? ''}`.replace(/\u202f/g, '\u00a0');
}
