import { Argument, CommanderError, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import type { Language } from '../shared/language.ts';
import { LocalizedCommand } from './localized-command.ts';

/** A command that prints nowhere and throws its refusals. */
function command(language: Language): LocalizedCommand {
  return new LocalizedCommand('tool', language)
    .configureOutput({ writeOut: () => {}, writeErr: () => {} })
    .exitOverride();
}

/** The message of the CommanderError `run` throws. */
function refusalOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.message;
    }
    throw error;
  }
  throw new Error('not refused');
}

describe('LocalizedCommand', () => {
  it('words the choices and the default of an argument as of an option', () => {
    const tool = command('fr')
      .addArgument(new Argument('[size]', 'taille').choices(['S', 'M']).default('S'))
      .addOption(new Option('--seed <n>', 'graine').default('1'))
      .helpOption(false);

    expect(tool.helpInformation()).toBe(
      [
        'Utilisation : tool [options] [size]',
        '',
        'Arguments :',
        '  size        taille (valeurs possibles : "S", "M", par défaut : "S")',
        '',
        'Options :',
        '  --seed <n>  graine (par défaut : "1")',
        '',
      ].join('\n'),
    );
  });

  it('leaves its own words, and a refusal it does not read, as they are', () => {
    const tool = command('fr')
      .addOption(new Option('--csv').conflicts('xlsx'))
      .addOption(new Option('--xlsx'));

    expect(refusalOf(() => tool.parse(['--csv', '--xlsx'], { from: 'user' }))).toBe(
      "error: option '--csv' cannot be used with option '--xlsx'",
    );
    expect(refusalOf(() => command('fr').error('Nos mots', { code: 'tool.own' }))).toBe('Nos mots');
  });
});
