/**
 * zod's sentences for its own checks, in each language we speak, for the edges that
 * report a refused input (HTTP bodies and queries, CLI flags). Pure: zod's locales are data.
 */
import { en as zodEnglish, fr as zodFrench } from 'zod/locales';
import type { Language } from './language.ts';
import { findMessage, type MessageParams } from './messages/catalogue.ts';

/** zod's own sentences for its checks, in each of our languages. */
const ZOD_LOCALES = { fr: zodFrench(), en: zodEnglish() } as const;

type ZodRawIssue = Parameters<(typeof ZOD_LOCALES)['fr']['localeError']>[0];

/**
 * A zod issue as zod reports it: its `code`, the fields of its check (`origin`,
 * `minimum`, `expected`…), its English `message`, and for a custom check the `params`
 * it was declared with (Fastify passes the same fields on as a validation error's `params`).
 */
export type ZodIssueFields = {
  code: string;
  message?: string | undefined;
  params?: unknown;
};

/**
 * A zod check's sentence in `language`. A custom check naming a catalogue code
 * (`params: { code, ...its parameters }`), or a check whose `error` is one, is said from
 * the catalogue; any other custom check words its own message, in English, which zod
 * cannot translate.
 */
export function zodIssueMessage(issue: ZodIssueFields, language: Language): string {
  const { code: ours, ...params } = (issue.params ?? {}) as { code?: unknown } & MessageParams;
  if (typeof ours === 'string') {
    return findMessage(language, ours, params) ?? issue.message ?? 'invalid';
  }
  // A schema's own `error` may be a catalogue code (`{ error: 'row_limit' }`): said from it.
  const coded = issue.message === undefined ? undefined : findMessage(language, issue.message);
  if (coded !== undefined) {
    return coded;
  }
  const localized = ZOD_LOCALES[language].localeError(issue as unknown as ZodRawIssue);
  const text = typeof localized === 'string' ? localized : localized?.message;
  return issue.code === 'custom' || text === undefined ? (issue.message ?? 'invalid') : text;
}
