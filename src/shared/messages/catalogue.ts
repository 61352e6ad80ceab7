/**
 * The server's words, by stable code, in every language we speak (DESIGN.md: "codes in
 * the API, words at the edge"). Errors carry a code and its parameters; HTTP, the CLI
 * and the web turn them into a sentence here, in the reader's language (the web calls
 * `findMessage` itself), so a code reads the same everywhere.
 */
import { createInstance } from 'i18next';
import { formatDate, parseCalendarDate } from '../calendar-date.ts';
import { toLanguage, type Language } from '../language.ts';
import { cents, formatMoney, isCurrencyCode } from '../money.ts';
import { bankEn } from './bank.en.ts';
import { bankFr } from './bank.fr.ts';
import { cliHelpEn, cliRefusalsEn } from './cli-help.en.ts';
import { cliHelpFr, cliRefusalsFr } from './cli-help.fr.ts';
import { cliOutputCodesEn, cliOutputEn } from './cli-output.en.ts';
import { cliOutputCodesFr, cliOutputFr } from './cli-output.fr.ts';
import { disputesCliHelpEn, disputesCliOutputEn, disputesEn } from './disputes.en.ts';
import { disputesCliHelpFr, disputesCliOutputFr, disputesFr } from './disputes.fr.ts';
import { disputeReportsEn } from './dispute-reports.en.ts';
import { disputeReportsFr } from './dispute-reports.fr.ts';
import { disputeThreadEn } from './dispute-thread.en.ts';
import { disputeThreadFr } from './dispute-thread.fr.ts';
import { dunningEn } from './dunning.en.ts';
import { dunningFr } from './dunning.fr.ts';
import { errorsEn } from './errors.en.ts';
import { errorsFr } from './errors.fr.ts';
import { fecEn } from './fec.en.ts';
import { fecFr } from './fec.fr.ts';
import { forecastEn } from './forecast.en.ts';
import { forecastFr } from './forecast.fr.ts';
import { importReportEn, importsEn, type ImportVariant } from './imports.en.ts';
import { importReportFr, importsFr } from './imports.fr.ts';
import { insightsEn } from './insights.en.ts';
import { insightsFr } from './insights.fr.ts';
import { matchingEn } from './matching.en.ts';
import { matchingFr } from './matching.fr.ts';
import { creditCliHelpEn, creditCliOutputEn, creditEn } from './credit.en.ts';
import { documentsEn } from './documents.en.ts';
import { documentsFr } from './documents.fr.ts';
import { creditCliHelpFr, creditCliOutputFr, creditFr } from './credit.fr.ts';
import { screeningCliHelpEn, screeningCliOutputEn, screeningEn } from './screening.en.ts';
import { screeningCliHelpFr, screeningCliOutputFr, screeningFr } from './screening.fr.ts';
import { promisesEn } from './promises.en.ts';
import { payersEn } from './payers.en.ts';
import { payersFr } from './payers.fr.ts';
import { reportsEn } from './reports.en.ts';
import { reportsFr } from './reports.fr.ts';
import { promisesFr } from './promises.fr.ts';
import { portalEn } from './portal.en.ts';
import { portalFr } from './portal.fr.ts';
import { messagesCliHelpEn, messagesCliOutputEn, messagesEn } from './messages.en.ts';
import { messagesCliHelpFr, messagesCliOutputFr, messagesFr } from './messages.fr.ts';
import { vocabularyEn } from './vocabulary.en.ts';
import { vocabularyFr } from './vocabulary.fr.ts';

/** The resources of the `server` namespace, by language: one flat `codes` for every part. */
export const SERVER_MESSAGES = {
  fr: {
    ...errorsFr,
    codes: {
      ...errorsFr.codes,
      ...importsFr,
      ...cliRefusalsFr,
      ...cliOutputCodesFr,
      ...bankFr,
      ...fecFr,
      ...matchingFr,
      ...dunningFr,
      ...promisesFr,
      ...creditFr,
      ...documentsFr,
      ...screeningFr,
      ...disputesFr,
      ...disputeThreadFr,
      ...disputeReportsFr,
      ...reportsFr,
      ...forecastFr,
      ...insightsFr,
      ...payersFr,
      ...portalFr,
      ...messagesFr,
    },
    importReport: importReportFr,
    cliHelp: {
      ...cliHelpFr,
      ...messagesCliHelpFr,
      ...disputesCliHelpFr,
      ...creditCliHelpFr,
      ...screeningCliHelpFr,
    },
    cliOutput: {
      ...cliOutputFr,
      ...messagesCliOutputFr,
      ...disputesCliOutputFr,
      ...creditCliOutputFr,
      ...screeningCliOutputFr,
    },
    vocabulary: vocabularyFr,
  },
  en: {
    ...errorsEn,
    codes: {
      ...errorsEn.codes,
      ...importsEn,
      ...cliRefusalsEn,
      ...cliOutputCodesEn,
      ...bankEn,
      ...fecEn,
      ...matchingEn,
      ...dunningEn,
      ...promisesEn,
      ...creditEn,
      ...documentsEn,
      ...screeningEn,
      ...disputesEn,
      ...disputeThreadEn,
      ...disputeReportsEn,
      ...reportsEn,
      ...forecastEn,
      ...insightsEn,
      ...payersEn,
      ...portalEn,
      ...messagesEn,
    },
    importReport: importReportEn,
    cliHelp: {
      ...cliHelpEn,
      ...messagesCliHelpEn,
      ...disputesCliHelpEn,
      ...creditCliHelpEn,
      ...screeningCliHelpEn,
    },
    cliOutput: {
      ...cliOutputEn,
      ...messagesCliOutputEn,
      ...disputesCliOutputEn,
      ...creditCliOutputEn,
      ...screeningCliOutputEn,
    },
    vocabulary: vocabularyEn,
  },
} as const;
export type ServerMessages = (typeof SERVER_MESSAGES)['en'];

/** The parameters a message is written with: values only, never markup. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Suffixes i18next picks by parameter: `_one`/`_other` by `count`, `_payment`/`_credit_note`
 * by `context` (what an allocation draws on), so one stable code has several sentences.
 */
type Variant = 'one' | 'other' | 'payment' | 'credit_note' | ImportVariant;
type VariantBase<K> = K extends `${infer Base}_${Variant}` ? Base : never;
type CodeKey = keyof ServerMessages['codes'];
/** Every code an error or an issue may carry. */
export type MessageCode = Exclude<CodeKey, `${string}_${Variant}`> | VariantBase<CodeKey>;
export type ProblemTitleCode = keyof ServerMessages['titles'];
/** The words of the CLI's own output (its headings, footers, labels). */
export type CliWord =
  | Exclude<keyof ServerMessages['cli'], `${string}_${Variant}`>
  | VariantBase<keyof ServerMessages['cli']>;

type Resources = { readonly [key: string]: string | Resources };

/**
 * French has a third plural form, `many`, for large round counts (« 1 000 000 de lignes »,
 * CLDR), which i18next asks for: without it a count of a million printed the raw key. It
 * reads as the `other` sentence, so every `_other` gets its `_many` twin.
 */
function withManyForms(tree: Resources): Resources {
  const copy: Record<string, string | Resources> = {};
  for (const [key, value] of Object.entries(tree)) {
    copy[key] = typeof value === 'string' ? value : withManyForms(value);
    const base = key.endsWith('_other') ? key.slice(0, -'_other'.length) : undefined;
    if (base !== undefined && typeof value === 'string' && !(`${base}_many` in tree)) {
      copy[`${base}_many`] = value;
    }
  }
  return copy;
}

const translator = createInstance();
void translator.init({
  resources: {
    fr: { server: withManyForms(SERVER_MESSAGES.fr) },
    en: { server: SERVER_MESSAGES.en },
  },
  lng: 'fr',
  fallbackLng: 'fr',
  ns: ['server'],
  defaultNS: 'server',
  // Resources are in the bundle: ready at once, so a message can be built anywhere.
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

// `{{amount, money}}`: minor units said in the reader's format, in the `currency` parameter.
translator.services.formatter?.add('money', (value: unknown, language, options) => {
  const currency = (options as { currency?: unknown }).currency;
  return typeof value === 'number' && typeof currency === 'string' && isCurrencyCode(currency)
    ? formatMoney(cents(value), currency, toLanguage(language))
    : String(value);
});

// `{{date, day}}`: a business date (`YYYY-MM-DD`) in the reader's format (31/12/2025).
translator.services.formatter?.add('day', (value: unknown, language) => {
  const date = typeof value === 'string' ? parseCalendarDate(value) : undefined;
  return date === undefined ? String(value) : formatDate(date, toLanguage(language));
});

// Keys are built from codes at run time, so the typed overloads of `t` do not apply.
const say = translator.t.bind(translator) as (
  key: string,
  options: Record<string, unknown>,
) => string;

/** The sentence for `code` in `language`, or `undefined` when the catalogue has none. */
export function findMessage(
  language: Language,
  code: string,
  params: MessageParams = {},
): string | undefined {
  const key = `codes.${code}`;
  const { count, context } = params;
  const variant = {
    ...(typeof count === 'number' ? { count } : {}),
    ...(typeof context === 'string' ? { context } : {}),
  };
  if (!translator.exists(key, { lng: language, ...variant })) {
    return undefined;
  }
  return say(key, { lng: language, ...params });
}

/** The sentence for a code the catalogue holds (checked by the type). */
export function messageOf(
  language: Language,
  code: MessageCode,
  params: MessageParams = {},
): string {
  return findMessage(language, code, params) ?? code;
}

/** The short title of a problem type (`not_found` → « Introuvable »). */
export function problemTitle(language: Language, code: ProblemTitleCode): string {
  return say(`titles.${code}`, { lng: language });
}

/** One of the CLI's words in `language`. */
export function cliWord(language: Language, key: CliWord, params: MessageParams = {}): string {
  return say(`cli.${key}`, { lng: language, ...params });
}

/** The product's words for list values, by group (`customerStatus`, `invoiceKind`…). */
export type Vocabulary = ServerMessages['vocabulary'];

/** The word for `value` of `group` in `language`, as the web shows it too. */
export function vocabularyWord<G extends keyof Vocabulary>(
  language: Language,
  group: G,
  value: keyof Vocabulary[G] & string,
): string {
  return say(`vocabulary.${group}.${value}`, { lng: language });
}

/** A text of the CLI's help (`--help`): what a command or an option does, commander's words. */
export type CliHelpWord = keyof ServerMessages['cliHelp'];

/** One of the CLI's help texts in `language`. */
export function cliHelpWord(
  language: Language,
  key: CliHelpWord,
  params: MessageParams = {},
): string {
  return say(`cliHelp.${key}`, { lng: language, ...params });
}

/** What a CLI command prints when it succeeds (`cli-output.*.ts`), plurals by `count`. */
export type CliOutputWord =
  | Exclude<keyof ServerMessages['cliOutput'], `${string}_${Variant}`>
  | VariantBase<keyof ServerMessages['cliOutput']>;

/** One of the CLI's output sentences in `language`. */
export function cliOutputWord(
  language: Language,
  key: CliOutputWord,
  params: MessageParams = {},
): string {
  return say(`cliOutput.${key}`, { lng: language, ...params });
}

/** A line of the report `encaisse import` prints (`summary` takes a `count` of rows). */
export type ImportReportWord =
  | Exclude<keyof ServerMessages['importReport'], `${string}_${Variant}`>
  | VariantBase<keyof ServerMessages['importReport']>;

/** One of the import report's words in `language`. */
export function importReportWord(
  language: Language,
  key: ImportReportWord,
  params: MessageParams = {},
): string {
  return say(`importReport.${key}`, { lng: language, ...params });
}

/** `label: text`, with the reader's typography (French spaces the colon). */
export function labelled(language: Language, label: string, text: string): string {
  return say('phrases.labelled', { lng: language, label, text });
}

/** Sentences one after the other, separated as the reader's language does (`;`). */
export function joinSentences(language: Language, sentences: readonly string[]): string {
  return sentences.join(say('phrases.separator', { lng: language }));
}

/** Whether `code` names a problem type with a title. */
export function isProblemTitleCode(code: string): code is ProblemTitleCode {
  return Object.hasOwn(SERVER_MESSAGES.en.titles, code);
}
