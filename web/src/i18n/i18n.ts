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

/** French unless the user chose English on this browser before. */
function storedLanguage(): Language {
  try {
    return toLanguage(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage can be blocked (private mode, policies): French it is.
    return 'fr';
  }
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

/** Switches the interface and remembers the choice on this browser. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, still switched.
  }
  await i18n.changeLanguage(language);
}
