import {
  Command,
  Help,
  type Argument,
  type ErrorOptions as CommanderErrorOptions,
  type Option,
} from 'commander';
import type { Language } from '../shared/language.ts';
import {
  cliHelpWord,
  cliWord,
  messageOf,
  type CliHelpWord,
  type MessageCode,
  type MessageParams,
} from '../shared/messages/catalogue.ts';

/** The help texts of the CLI in `language`, for the commands' descriptions. */
export function helpWords(
  language: Language,
): (key: CliHelpWord, params?: MessageParams) => string {
  return (key, params) => cliHelpWord(language, key, params);
}

/** The titles commander's `Help.formatHelp` writes, by the catalogue text that replaces each. */
const TITLES: Readonly<Record<string, CliHelpWord>> = {
  'Usage:': 'titleUsage',
  'Arguments:': 'titleArguments',
  'Options:': 'titleOptions',
  'Commands:': 'titleCommands',
};

/** The placeholders commander writes in a usage line (`encaisse [options] [command]`). */
const PLACEHOLDERS: Readonly<Record<string, CliHelpWord>> = {
  '[options]': 'usageOptions',
  '[command]': 'usageCommand',
};

/** A space French puts inside its punctuation (`par défaut :`, `« acme »`): no line breaks there. */
const FRENCH_SPACE = /(?<=«) | (?=[:;?!»])/g;
/** Stands for such a space while commander wraps a text: not whitespace to its `boxWrap`. */
const UNBREAKABLE = '\u{E000}';

/** The default commander shows for an option or an argument: its description, else its value. */
function defaultText({
  defaultValue,
  defaultValueDescription,
}: Option | Argument): string | undefined {
  return defaultValue === undefined
    ? undefined
    : (defaultValueDescription ?? JSON.stringify(defaultValue));
}

/** `a or b`, as the reader's language says it. */
function alternatives(language: Language, items: readonly string[]): string {
  return new Intl.ListFormat(language, { type: 'disjunction' }).format(items);
}

/** Commander's help with its own words in `language`; the descriptions come in it already. */
class LocalizedHelp extends Help {
  readonly #say: (key: CliHelpWord, params?: MessageParams) => string;

  constructor(language: Language) {
    super();
    this.#say = helpWords(language);
  }

  override styleTitle(title: string): string {
    const key = TITLES[title];
    return key === undefined ? title : this.#say(key);
  }

  override boxWrap(text: string, width: number): string {
    return super
      .boxWrap(text.replace(FRENCH_SPACE, UNBREAKABLE), width)
      .replaceAll(UNBREAKABLE, ' ');
  }

  override commandUsage(command: Command): string {
    return this.#placeholders(super.commandUsage(command));
  }

  override subcommandTerm(command: Command): string {
    return this.#placeholders(super.subcommandTerm(command));
  }

  override optionDescription(option: Option): string {
    // Commander's rule: a default is shown for an option that takes a value.
    const showsDefault =
      option.required ||
      option.optional ||
      (option.isBoolean() && typeof option.defaultValue === 'boolean');
    return this.#detailed(
      option.description,
      option.argChoices,
      showsDefault ? defaultText(option) : undefined,
    );
  }

  override argumentDescription(argument: Argument): string {
    return this.#detailed(argument.description, argument.argChoices, defaultText(argument));
  }

  #placeholders(usage: string): string {
    return usage
      .split(' ')
      .map((word) => {
        const key = PLACEHOLDERS[word];
        return key === undefined ? word : this.#say(key);
      })
      .join(' ');
  }

  /** `description (choices: …, default: …)`, as commander writes it, in the help's language. */
  #detailed(
    description: string,
    choices: readonly string[] | undefined,
    shownDefault: string | undefined,
  ): string {
    const details = [
      ...(choices === undefined
        ? []
        : [this.#say('choices', { choices: choices.map((c) => JSON.stringify(c)).join(', ') })]),
      ...(shownDefault === undefined ? [] : [this.#say('defaultValue', { value: shownDefault })]),
    ];
    if (details.length === 0) {
      return description;
    }
    const detail = `(${details.join(', ')})`;
    return description ? `${description} ${detail}` : detail;
  }
}

/** A refusal of the command line, by catalogue code, from the values commander's sentence names. */
type Reading = {
  pattern: RegExp;
  refusal: (
    values: readonly string[],
    command: LocalizedCommand,
  ) => { code: MessageCode; params: MessageParams; similar?: string | undefined };
};

/** Commander's "did you mean" after an unknown option or command (`suggestSimilar`). */
const SIMILAR = String.raw`(?:\n\(Did you mean (?:one of )?(.+)\?\))?`;

/**
 * Commander's refusals (lib/command.js, v14), read back for the values they name: commander
 * passes `error()` an English sentence and a code, nothing else. A refusal not read here
 * needs a feature this CLI does not use (conflicting options, options from the environment,
 * argument parsers) and stays commander's sentence.
 */
const READINGS: Readonly<Record<string, Reading>> = {
  'commander.unknownOption': {
    pattern: new RegExp(`^error: unknown option '(.+?)'${SIMILAR}$`, 's'),
    refusal: ([flag = '', similar]) => ({ code: 'unknown_option', params: { flag }, similar }),
  },
  'commander.unknownCommand': {
    pattern: new RegExp(`^error: unknown command '(.+?)'${SIMILAR}$`, 's'),
    refusal: ([name = '', similar]) => ({ code: 'unknown_command', params: { name }, similar }),
  },
  'commander.missingArgument': {
    pattern: /^error: missing required argument '(.+)'$/s,
    refusal: ([name = '']) => ({ code: 'missing_argument', params: { name } }),
  },
  'commander.optionMissingArgument': {
    pattern: /^error: option '(.+)' argument missing$/s,
    refusal: ([flags = '']) => ({ code: 'option_value_missing', params: { flags } }),
  },
  'commander.missingMandatoryOptionValue': {
    pattern: /^error: required option '(.+)' not specified$/s,
    refusal: ([flags = '']) => ({ code: 'required_option_missing', params: { flags } }),
  },
  // The reason is our parser's (`dateArgument`: already in the command's language), or
  // commander's for a value outside `.choices()`, said again here.
  'commander.invalidArgument': {
    pattern: /^error: option '(.+?)' argument '(.*)' is invalid\. (.*)$/s,
    refusal: ([flags = '', value = '', reason = ''], command) => {
      const option = command.options.find((candidate) => candidate.flags === flags);
      const choices = option?.argChoices;
      return {
        code: 'invalid_option_value',
        params: {
          flag: option?.long ?? flags,
          reason:
            choices === undefined
              ? reason
              : messageOf(command.language, 'not_a_choice', {
                  value,
                  choices: alternatives(command.language, choices),
                }),
        },
      };
    },
  },
  'commander.excessArguments': {
    pattern: /^error: too many arguments/,
    refusal: (_, command) => ({
      code: 'too_many_arguments',
      params: {
        command: commandPath(command),
        count: command.registeredArguments.length,
        received: command.args.length,
      },
    }),
  },
};

function commandPath(command: Command): string {
  return command.parent === null
    ? command.name()
    : `${commandPath(command.parent)} ${command.name()}`;
}

/**
 * A command whose help and refusals of its command line speak `language` (commander's own
 * are English). Its subcommands, made by `createCommand`, speak it too.
 */
export class LocalizedCommand extends Command {
  readonly language: Language;

  constructor(name: string | undefined, language: Language) {
    super(name);
    this.language = language;
  }

  override createCommand(name?: string): LocalizedCommand {
    return new LocalizedCommand(name, this.language);
  }

  override createHelp(): Help {
    return Object.assign(new LocalizedHelp(this.language), this.configureHelp());
  }

  /**
   * Commander calls this with each refusal, then prints it (and the help, with
   * `showHelpAfterError`) and exits or throws: the refusal is reworded first, so it is
   * printed once, in the command's language.
   */
  override error(message: string, errorOptions?: CommanderErrorOptions): never {
    return super.error(this.#reworded(message, errorOptions?.code) ?? message, errorOptions);
  }

  #reworded(message: string, code: string | undefined): string | undefined {
    const reading = code === undefined ? undefined : READINGS[code];
    const values = reading?.pattern.exec(message) ?? null;
    if (reading === undefined || values === null) {
      return undefined;
    }
    const { code: reason, params, similar } = reading.refusal(values.slice(1), this);
    const lines = [
      cliWord(this.language, 'error', { message: messageOf(this.language, reason, params) }),
    ];
    if (similar !== undefined) {
      const names = alternatives(this.language, similar.split(', '));
      lines.push(messageOf(this.language, 'did_you_mean', { names }));
    }
    return lines.join('\n');
  }
}
