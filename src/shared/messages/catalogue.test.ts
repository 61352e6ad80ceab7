import { describe, expect, it } from 'vitest';
import {
  cliOutputWord,
  cliWord,
  findMessage,
  importReportWord,
  messageOf,
  SERVER_MESSAGES,
} from './catalogue.ts';
import { bankEn } from './bank.en.ts';
import { cliRefusalsEn } from './cli-help.en.ts';
import { cliOutputCodesEn } from './cli-output.en.ts';
import { errorsEn } from './errors.en.ts';
import { fecEn } from './fec.en.ts';
import { matchingEn } from './matching.en.ts';
import { importsEn } from './imports.en.ts';

type Tree = { readonly [key: string]: string | Tree };

/** Every sentence of a language's resources, by its dotted key (`codes.required_cell`). */
function sentences(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'string') {
      found.set(path, value);
    } else {
      for (const [inner, sentence] of sentences(value, `${path}.`)) {
        found.set(inner, sentence);
      }
    }
  }
  return found;
}

/** The parameters a sentence names (`{{amount, money}}` → `amount`) and the keys it nests. */
function placeholders(sentence: string): string[] {
  const names = [...sentence.matchAll(/\{\{\s*([^,}\s]+)[^}]*\}\}/g)].map(
    (match) => match[1] ?? '',
  );
  const nested = [...sentence.matchAll(/\$t\(([^)]+)\)/g)].map((match) => `$t(${match[1]})`);
  return [...new Set([...names, ...nested])].sort();
}

const FR = sentences(SERVER_MESSAGES.fr);
const EN = sentences(SERVER_MESSAGES.en);

/**
 * Sentences that read the same in both languages: made of codes, names and punctuation
 * only (`{{where}}: {{message}}` has its colon spaced in French, so it is not one).
 */
const LANGUAGE_NEUTRAL = new Set([
  // Words French shares with English.
  'cli.columnCode',
  'cli.total',
  'vocabulary.customerStatus.prospect',
  'vocabulary.role.credit_manager',
  'cliHelp.usageOptions',
  'cliOutput.columnEmail',
  'cliOutput.columnSiren',
  'vocabulary.dunningChannel.email',
  'codes.dso_sheet',
  // Only parameters and punctuation.
  'importReport.issue',
  'importReport.counts',
]);

/**
 * Known gaps, each to mend in errors.fr.ts: these French sentences leave out parameters
 * that are English words (`entity` is `invoice`, `article` is `An`), so they say less.
 */
const FRENCH_OMITS: Readonly<Record<string, readonly string[]>> = {
  'codes.already_exists': ['article', 'entity'],
  'codes.record_exists': ['entity'],
};

describe('the server message catalogue', () => {
  it('merges its parts without one code hiding another', () => {
    const codes = [
      errorsEn.codes,
      importsEn,
      cliRefusalsEn,
      cliOutputCodesEn,
      bankEn,
      fecEn,
      matchingEn,
    ].flatMap((part) => Object.keys(part));
    const shared = codes.filter((code, at) => codes.indexOf(code) !== at);

    expect(shared).toEqual([]);
  });

  it('has the same keys in French and in English', () => {
    expect([...FR.keys()].sort()).toEqual([...EN.keys()].sort());
  });

  it.each([...EN.keys()])('names the same parameters in French and in English: %s', (key) => {
    const french = [...placeholders(FR.get(key) ?? ''), ...(FRENCH_OMITS[key] ?? [])].sort();

    expect(french).toEqual(placeholders(EN.get(key) ?? ''));
  });

  it('has every sentence translated, except the language-neutral ones it lists', () => {
    const untranslated = [...EN].filter(([key, english]) => FR.get(key) === english);

    expect(untranslated.map(([key]) => key).sort()).toEqual([...LANGUAGE_NEUTRAL].sort());
  });
});

describe('import messages', () => {
  it('says a cell issue in French with guillemets and the escapes of the value', () => {
    expect(messageOf('fr', 'invalid_date', { field: 'due_date', value: String.raw`31\"02` })).toBe(
      String.raw`due_date « 31\"02 » n'est pas une date valide (formats attendus : AAAA-MM-JJ, JJ/MM/AAAA ou AAAAMMJJ).`,
    );
  });

  it('picks the variant the context names, and the code keeps its own sentence', () => {
    expect(messageOf('en', 'required', { field: 'name' })).toBe('name is required');
    expect(messageOf('en', 'required', { field: 'name', context: 'cell' })).toBe(
      'name is required.',
    );
    expect(messageOf('fr', 'required', { field: 'name', context: 'cell' })).toBe(
      'La colonne name doit être renseignée.',
    );
  });

  it('writes figures in the reader’s format', () => {
    const params = { file: 'a.csv', line: 3, length: 40_000, max: 32_767 };

    expect(findMessage('en', 'cell_too_long', params)).toBe(
      '"a.csv": line 3 has a value of 40,000 characters, more than the 32,767 a spreadsheet cell holds.',
    );
    expect(findMessage('fr', 'cell_too_long', params)).toBe(
      'Fichier « a.csv » : la ligne 3 contient une valeur de 40\u202f000 caractères, plus que les 32\u202f767 que peut contenir une cellule de tableur.',
    );
  });

  it.each([
    ['open_invoices', 'open invoices', 'factures ouvertes'],
    ['open_credit_notes', 'open credit notes', 'avoirs non imputés'],
    ['unapplied_payments', 'unapplied payments', 'paiements non affectés'],
  ])(
    'names the open total a line would overflow, as money in its currency: %s',
    (context, en, fr) => {
      const params = { currency: 'EUR', max: 999_999_999_999_999, context };

      expect(messageOf('en', 'total_too_large', params)).toBe(
        `With this line the customer's ${en} in EUR would total more than €9,999,999,999,999.99, the largest total accepted.`,
      );
      expect(messageOf('fr', 'total_too_large', params)).toBe(
        `Avec cette ligne, les ${fr} du client en EUR totaliseraient plus de 9\u00a0999\u00a0999\u00a0999\u00a0999,99\u00a0€, le plus grand total accepté.`,
      );
    },
  );

  it('counts rows in the import report with plurals', () => {
    const params = { file: 'f.csv', counts: '…', verdict: 'enregistré' };

    expect(importReportWord('fr', 'summary', { ...params, count: 1 })).toBe(
      'f.csv : 1 ligne — … (enregistré)',
    );
    expect(importReportWord('fr', 'summary', { ...params, count: 3 })).toBe(
      'f.csv : 3 lignes — … (enregistré)',
    );
    expect(importReportWord('en', 'summary', { ...params, count: 1 })).toBe(
      'f.csv: 1 row — … (enregistré)',
    );
  });
});

describe('plurals', () => {
  it('says a round million in French with the plural sentence, never the raw key', () => {
    for (const count of [1_000_000, 2_000_000]) {
      const sentence = cliWord('fr', 'customersShown', { shown: 50, count });
      expect(sentence).toMatch(/ clients$/);
      expect(sentence).not.toContain('customersShown');
    }
  });
});

describe('CLI output', () => {
  it('counts things with plurals, in the reader’s number format', () => {
    const params = { location: './data' };

    expect(cliOutputWord('fr', 'schemaUpToDate', { ...params, count: 1 })).toBe(
      'Schéma à jour (1 migration) dans ./data',
    );
    expect(cliOutputWord('en', 'fileLines', { count: 12_000 })).toBe('12,000 lines');
    expect(cliOutputWord('fr', 'fileLines', { count: 12_000 })).toBe('12\u202f000 lignes');
  });

  it('says seconds with one decimal, in the reader’s format', () => {
    const params = { name: 'Démo SAS', code: 'demo', seconds: 2.345 };

    expect(cliOutputWord('en', 'demoCreated', params)).toBe(
      'Demo company "Démo SAS" (code demo) created in 2.3 s:',
    );
    expect(cliOutputWord('fr', 'demoCreated', params)).toBe(
      'Société de démonstration « Démo SAS » (code demo) créée en 2,3 s :',
    );
  });
});
