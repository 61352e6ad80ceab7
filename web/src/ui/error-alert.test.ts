/**
 * Every code of the server's catalogue, worded by the web as it words a problem or an
 * issue (ADR 18), in French and in English: never the raw code, the server's fallback
 * `detail`, an unfilled `{{placeholder}}` or an unresolved `$t(…)`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SERVER_MESSAGES, type MessageParams } from '../../../src/shared/messages/catalogue.ts';
import type { ImportVariant } from '../../../src/shared/messages/imports.en.ts';
import type { Language } from '../../../src/shared/language.ts';
import type { TProblem } from '../../../src/shared/schemas.ts';
import { ApiError } from '../api.ts';
import { i18n } from '../i18n/i18n.ts';
import { describeError, describeIssue } from './error-alert.tsx';

/** What the server would have said: the web must not need it for a code it knows. */
const SERVER_DETAIL = 'SERVER DETAIL';

/** Every `context` that picks a variant of a code (the catalogue's `Variant`, less plurals). */
const IMPORT_VARIANTS = [
  'cell',
  'no_default',
  'empty_text',
  'not_number',
  'ambiguous_mark',
  'ill_formed',
  'decimals',
  'above_max',
  'nul',
  'surrogate',
  'customer_code',
  'invoice_number',
  'credit_note_number',
  'payment_reference',
  'credit_limit',
  'by_email',
  'due_date',
  'for_invoice',
  'open_invoices',
  'open_credit_notes',
  'unapplied_payments',
  'form',
  'twice',
  'customers_file',
  'invoices_file',
  'payments_file',
  'mapped',
  'many_names',
  'no_header',
  'no_worksheet',
  'empty_sheet',
  'zip_parts',
  'zip_size',
  'zip_bomb',
  'zip_liar',
  'xls',
  'not_table',
  'damaged_zip',
  'not_workbook',
  'not_text',
  'in_csv',
  'odd_bytes',
  'lone_unit',
  'no_bom',
  'today',
  'order_number',
  'orders_file',
] as const satisfies readonly ImportVariant[];
// A variant added to `ImportVariant` and not listed above does not compile.
const everyImportVariant: [Exclude<ImportVariant, (typeof IMPORT_VARIANTS)[number]>] extends [never]
  ? true
  : false = true;
const CONTEXTS: readonly string[] = ['payment', 'credit_note', ...IMPORT_VARIANTS];

/** The count that picks each plural form; French says a round million with `_many`. */
const PLURAL_COUNTS = { one: 1, other: 3 } as const;

const CODES: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  fr: SERVER_MESSAGES.fr.codes,
  en: SERVER_MESSAGES.en.codes,
};

/**
 * Sample values for the parameters a code's sentences name, by their format:
 * `{{amount, money}}` minor units (and a currency), `{{date, day}}` a business date,
 * `{{n, number}}` a figure, anything else a short text.
 */
function sampleParams(sentences: readonly string[]): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const sentence of sentences) {
    for (const [, name = '', format = ''] of sentence.matchAll(
      /\{\{\s*([^,}\s]+)\s*(?:,\s*([^}\s]+)\s*)?\}\}/g,
    )) {
      if (format === 'money') {
        params[name] = 123_456;
        params['currency'] ??= 'EUR';
      } else if (format === 'day') {
        params[name] = '2026-03-03';
      } else if (format === 'number') {
        params[name] = 12_345;
      } else {
        params[name] ??= `«${name}»`;
      }
    }
  }
  return params;
}

/** How a caller sends a code: itself, or a base code with the `count` or `context` picking it. */
type Send = { key: string; code: string; params: MessageParams };

function sendsOf(key: string): Send[] {
  const params = sampleParams([CODES.fr[key] ?? '', CODES.en[key] ?? '']);
  const sends: Send[] = [{ key, code: key, params }];
  const plural = /^(.+)_(one|other)$/.exec(key);
  if (plural !== null) {
    const [, base = '', form = 'other'] = plural;
    sends.push({ key, code: base, params: { ...params, count: PLURAL_COUNTS[form as 'one'] } });
  }
  for (const context of CONTEXTS) {
    const base = key.slice(0, -`_${context}`.length);
    if (key.endsWith(`_${context}`) && base !== '') {
      sends.push({ key, code: base, params: { ...params, context } });
    }
  }
  return sends;
}

const SENDS = Object.keys(SERVER_MESSAGES.en.codes).flatMap(sendsOf);

function problemOf(reason: string, params: MessageParams): TProblem {
  return {
    type: 'https://encaisse.dev/problems/invalid',
    title: 'Invalid',
    status: 400,
    detail: SERVER_DETAIL,
    code: 'invalid',
    reason,
    params: { ...params },
  };
}

function expectWorded(sentence: string, send: Send): void {
  expect(sentence).not.toBe(SERVER_DETAIL);
  expect(sentence).not.toBe(send.code);
  expect(sentence).not.toBe(send.key);
  expect(sentence).not.toContain('{{');
  expect(sentence).not.toContain('$t(');
  expect(sentence).not.toMatch(/\bcodes\.|undefined|NaN|\[object /);
  expect(sentence.trim()).not.toBe('');
}

afterAll(async () => {
  await i18n.changeLanguage('fr');
});

describe.each(['fr', 'en'] as const)('every code of the catalogue, worded in %s', (language) => {
  it('covers every code, each sent as itself and as its plural or context variant', () => {
    expect(everyImportVariant).toBe(true);
    expect(new Set(SENDS.map((send) => send.key)).size).toBe(
      Object.keys(SERVER_MESSAGES.en.codes).length,
    );
    expect(SENDS.length).toBeGreaterThan(Object.keys(SERVER_MESSAGES.en.codes).length);
  });

  it.each(SENDS.map((send) => [send.code, send.params, send] as const))(
    'as a problem and as an issue: %s %o',
    async (_code, _params, send) => {
      await i18n.changeLanguage(language);
      const problem = describeError(new ApiError(problemOf(send.code, send.params)));
      const issue = describeIssue({
        field: 'field',
        code: send.code,
        message: SERVER_DETAIL,
        params: { ...send.params },
      });

      expectWorded(problem, send);
      expectWorded(issue, send);
      // The sentence of that very key, in that language, as the catalogue holds it.
      expect(issue).toBe(problem);
    },
  );

  it('says a round million in French with its plural, not the raw code', async () => {
    await i18n.changeLanguage(language);
    const plurals = SENDS.filter((send) => typeof send.params['count'] === 'number');
    expect(plurals.length).toBeGreaterThan(0);
    for (const send of plurals) {
      const sentence = describeIssue({
        field: 'field',
        code: send.code,
        message: SERVER_DETAIL,
        params: { ...send.params, count: 1_000_000 },
      });
      expectWorded(sentence, send);
    }
  });
});
