import { createInstance } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { fr, type Messages } from './fr.ts';
import { LANGUAGES, toLanguage, type Language } from '../../../src/shared/language.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

const STORAGE_KEY = 'encaisse.language';

/** The language chosen on this browser before, if one was (and storage can be read). */
function chosenLanguage(): Language | undefined {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === null ? undefined : toLanguage(stored);
  } catch {
    // Storage can be blocked (private mode, policies).
    return undefined;
  }
}

/** French unless the user chose English on this browser before. */
function storedLanguage(): Language {
  return chosenLanguage() ?? 'fr';
}

/** The app's i18next instance; `initReactI18next` makes it the one `useTranslation` reads. */
export const i18n = createInstance();

i18n.on('languageChanged', (language) => {
  // No document outside a browser: the unit tests word the catalogue through this instance.
  if (typeof document !== 'undefined') {
    document.documentElement.lang = toLanguage(language);
  }
});

// Resources are bundled, so a synchronous init lets the first render speak the right language.
void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'fr',
  supportedLngs: LANGUAGES,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/**
 * Speaks `language` unless the reader chose one on this browser (the portal opens in the
 * language the company writes to the customer in); not remembered: it is not their choice.
 */
export async function adoptLanguage(language: Language): Promise<void> {
  if (chosenLanguage() === undefined && toLanguage(i18n.resolvedLanguage) !== language) {
    await i18n.changeLanguage(language);
  }
}

/** Switches the interface and remembers the choice on this browser. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, still switched.
  }
  await i18n.changeLanguage(language);
}
