import { CommanderError, type Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { LANGUAGES, type Language } from '../shared/language.ts';
import { buildProgram } from './program.ts';

/** Every command of the program, itself first. */
function commandsOf(command: Command): Command[] {
  return [command, ...command.commands.flatMap(commandsOf)];
}

/** What a command line is refused with, and what commander printed on stderr. */
async function refusal(language: Language, args: readonly string[]) {
  let printed = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
    printed += String(text);
    return true;
  });
  // An embedded database in memory, should a refused line ever run its command.
  const error: unknown = await buildProgram(language)
    .parseAsync(['--db', 'memory://program-test', ...args], { from: 'user' })
    .then(
      () => undefined,
      (refused: unknown) => refused,
    );
  vi.restoreAllMocks();
  expect(error).toBeInstanceOf(CommanderError);
  return { message: (error as CommanderError).message, printed };
}

describe('the help of encaisse', () => {
  it('is in French by default words, in English with the English catalogue', () => {
    expect(buildProgram('fr').helpInformation()).toMatch(
      /^Utilisation : encaisse \[options\] \[commande\]\n\nEncaisse — gestion du crédit client/,
    );
    expect(buildProgram('en').helpInformation()).toMatch(
      /^Usage: encaisse \[options\] \[command\]\n\nEncaisse — credit management/,
    );
  });

  it('words the titles, defaults and arguments commander adds in the language', () => {
    const list = (language: Language, ...path: string[]) =>
      path
        .reduce<Command | undefined>(
          (command, name) => command?.commands.find((sub) => sub.name() === name),
          buildProgram(language),
        )
        ?.helpInformation();

    expect(list('fr', 'invoices', 'list')).toMatch(
      /\n {2}--order <order> +asc ou desc \(par défaut : "asc"\)\n/,
    );
    expect(list('en', 'invoices', 'list')).toMatch(
      /\n {2}--order <order> +asc or desc \(default: "asc"\)\n/,
    );
    expect(list('fr', 'import', 'customers')).toMatch(
      /\nArguments :\n {2}file +le fichier CSV ou XLSX à lire\n/,
    );
    expect(list('en', 'import', 'customers')).toMatch(
      /\nArguments:\n {2}file +the CSV or XLSX file to read\n/,
    );
    // Commander wraps the description: a line may end at any space but the French ones.
    expect(buildProgram('fr').helpInformation()).toMatch(
      /\(valeurs\s+possibles :\s+"fr",\s+"en"\)/,
    );
  });

  it('leaves none of commander’s English in the French help of any command', () => {
    for (const command of commandsOf(buildProgram('fr'))) {
      const help = command.helpInformation();

      expect(help).not.toMatch(
        /Usage:|Arguments:|Options:|Commands:|display help|default:|choices:|\[command\]/,
      );
      // French spaces its colons: commander's wrapping must not start a line with one.
      expect(help).not.toMatch(/^\s+[:;?!»]/m);
    }
  });

  it('describes every command and option in each language, under the same names', () => {
    const [french, english] = LANGUAGES.map((language) => commandsOf(buildProgram(language)));
    const names = (commands: Command[] = []) =>
      commands.map((command) => [
        command.name(),
        command.registeredArguments.map((argument) => argument.name()),
        command.options.map((option) => option.flags),
      ]);

    expect(names(french)).toEqual(names(english));
    french?.forEach((command, at) => {
      const other = english?.[at];

      expect(command.description()).not.toBe('');
      expect(command.description()).not.toBe(other?.description());
      command.options.forEach((option, index) => {
        expect(option.description).not.toBe(other?.options[index]?.description);
      });
    });
  });
});

describe('the refusals of a command line', () => {
  it.each([
    [
      ['invoices', 'list', '--due-from', '32/13/2025'],
      "erreur : Option invalide --due-from : « 32/13/2025 » n'est pas une date : écrivez 31/12/2025, 2025-12-31 ou 20251231",
      'error: Invalid option --due-from: "32/13/2025" is not a date: write 31/12/2025, 2025-12-31 or 20251231',
    ],
    [
      ['--lang', 'de'],
      "erreur : Option invalide --lang : « de » n'est pas accepté : écrivez fr ou en",
      'error: Invalid option --lang: "de" is not accepted: write fr or en',
    ],
    [
      ['invoices', 'list', '--due-fro', '2026-01-01'],
      'erreur : Option inconnue --due-fro\n(Vouliez-vous dire --due-from ?)',
      'error: Unknown option --due-fro\n(Did you mean --due-from?)',
    ],
    [
      ['invoices', 'list', '--stat'],
      'erreur : Option inconnue --stat\n(Vouliez-vous dire --sort ou --status ?)',
      'error: Unknown option --stat\n(Did you mean --sort or --status?)',
    ],
    [['--bogus'], 'erreur : Option inconnue --bogus', 'error: Unknown option --bogus'],
    [
      ['invoice', 'list'],
      'erreur : Commande inconnue « invoice »\n(Vouliez-vous dire invoices ?)',
      'error: Unknown command "invoice"\n(Did you mean invoices?)',
    ],
    [
      ['import', 'customers'],
      "erreur : Il manque l'argument <file>",
      'error: Missing argument <file>',
    ],
    [
      ['invoices', 'list', '--due-from'],
      "erreur : L'option --due-from <date> attend une valeur",
      'error: Option --due-from <date> needs a value',
    ],
    [
      ['companies', 'create', '--name', 'ACME'],
      "erreur : L'option --code <code> est obligatoire",
      'error: Option --code <code> is required',
    ],
    [
      ['db', 'migrate', 'now'],
      "erreur : Trop d'arguments : encaisse db migrate prend 0 argument, pas 1",
      'error: Too many arguments: encaisse db migrate takes 0 arguments, not 1',
    ],
    [
      ['users', 'set-role', 'a@acme.test', 'admin', 'now'],
      "erreur : Trop d'arguments : encaisse users set-role prend 2 arguments, pas 3",
      'error: Too many arguments: encaisse users set-role takes 2 arguments, not 3',
    ],
  ])('%j', async (args, french, english) => {
    expect((await refusal('fr', args)).message).toBe(french);
    expect((await refusal('en', args)).message).toBe(english);
  });

  it('is printed once, then the help of the command, in its language', async () => {
    const { printed } = await refusal('fr', ['invoices', 'list', '--due-from', '32/13/2025']);

    expect(printed.match(/--due-from :/g)).toHaveLength(1);
    expect(printed).toMatch(
      /^erreur : Option invalide --due-from : .*\n\nUtilisation : encaisse invoices list \[options\]\n/,
    );
  });
});
