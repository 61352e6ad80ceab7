/** The languages Encaisse speaks: French first, English available (PRODUCT.md). */
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return value === 'fr' || value === 'en';
}

/** French unless it is clearly English: French is the product's first language. */
export function toLanguage(value: string | null | undefined): Language {
  return isLanguage(value) ? value : 'fr';
}

/**
 * The language an `Accept-Language` header asks for (RFC 9110 §12.5.4): the supported
 * one with the highest weight, by primary tag (`en-GB` is English); undefined when the
 * header is absent or names neither.
 */
export function findLanguageOfAcceptLanguage(header: string | undefined): Language | undefined {
  let best: { language: Language; weight: number } | undefined;
  for (const part of (header ?? '').split(',')) {
    const [range = '', ...parameters] = part.trim().split(';');
    const primary = range.trim().toLowerCase().split('-')[0];
    if (!isLanguage(primary)) {
      continue;
    }
    const quality = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = quality === undefined ? 1 : Number(quality.slice(2));
    if (Number.isFinite(weight) && weight > 0 && (best === undefined || weight > best.weight)) {
      best = { language: primary, weight };
    }
  }
  return best?.language;
}

/** The language an `Accept-Language` header asks for; French when it names neither. */
export function languageOfAcceptLanguage(header: string | undefined): Language {
  return findLanguageOfAcceptLanguage(header) ?? 'fr';
}

/**
 * The language to answer a request in (ADR 18): what its `Accept-Language` asks for, else
 * the signed-in user's own setting, else French. A header naming neither language (`de`)
 * counts as none, so the user's setting still applies.
 */
export function chooseLanguage(
  acceptLanguage: string | undefined,
  userLanguage: Language | null | undefined,
): Language {
  return findLanguageOfAcceptLanguage(acceptLanguage) ?? userLanguage ?? 'fr';
}
