export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return value === 'fr' || value === 'en';
}

/** French unless it is clearly English: French is the product's first language. */
export function toLanguage(value: string | null | undefined): Language {
  return isLanguage(value) ? value : 'fr';
}
