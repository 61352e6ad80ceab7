import { afterEach, describe, expect, it, vi } from 'vitest';
import { cliLanguage, langOption } from './runtime.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('langOption', () => {
  it.each([
    [[], {}],
    [['--lang', 'en', 'customers', 'list'], { lang: 'en' }],
    [['customers', 'list', '--lang=en'], { lang: 'en' }],
    [['--lang', 'en', 'invoices', 'list', '--lang', 'fr'], { lang: 'fr' }],
    [['--lang=de'], { lang: 'de' }],
    // Not an option after `--`; no value, nothing to read (commander refuses the line).
    [['import', 'customers', '--', '--lang', 'en'], {}],
    [['customers', 'list', '--lang'], {}],
    [['customers', 'list', '--language', 'en'], {}],
  ])('reads %j as %j', (args, options) => {
    expect(langOption(args)).toEqual(options);
  });

  it('decides the language with ENCAISSE_LANG, else French', () => {
    vi.stubEnv('ENCAISSE_LANG', 'en');

    expect(cliLanguage(langOption(['--lang', 'fr']))).toBe('fr');
    expect(cliLanguage(langOption(['customers', 'list']))).toBe('en');
    vi.stubEnv('ENCAISSE_LANG', '');

    expect(cliLanguage(langOption(['customers', 'list']))).toBe('fr');
    expect(cliLanguage(langOption(['--lang', 'de']))).toBe('fr');
  });
});
