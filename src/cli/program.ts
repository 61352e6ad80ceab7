import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { LANGUAGES, type Language } from '../shared/language.ts';
import { registerAuditCommands } from './commands/audit.ts';
import { registerBankCommands } from './commands/bank.ts';
import { registerMatchCommand } from './commands/match.ts';
import { registerCompanyCommands } from './commands/companies.ts';
import { registerDbCommands } from './commands/db.ts';
import { registerCreditCommands } from './commands/credit.ts';
import { registerDisputeCommands } from './commands/disputes.ts';
import { registerDemoCommand } from './commands/demo.ts';
import { registerDunningCommands } from './commands/dunning.ts';
import { registerImportCommands } from './commands/import.ts';
import { registerListCommands } from './commands/lists.ts';
import { registerMessageCommands } from './commands/messages.ts';
import { registerPortalCommands } from './commands/portal.ts';
import { registerReportCommands } from './commands/report.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerUserCommands } from './commands/users.ts';
import { helpWords, LocalizedCommand } from './localized-command.ts';

/**
 * The `encaisse` program, speaking `language` in its help and its refusals as in its
 * output: the language is decided before commander parses the command line (main.ts).
 */
export function buildProgram(language: Language): Command {
  const help = helpWords(language);
  // Set before the subcommands: each copies the help option and command, `exitOverride` and
  // `showHelpAfterError` when it is made.
  const program = new LocalizedCommand('encaisse', language)
    .description(help('program'))
    .option('--db <dir|url>', help('optionDb'))
    .option('--company <code>', help('optionCompany'))
    .addOption(new Option('--lang <language>', help('optionLang')).choices(LANGUAGES))
    .version(packageVersion(), '-V, --version', help('optionVersion'))
    .helpOption('-h, --help', help('optionHelp'))
    .helpCommand('help [command]', help('commandHelp'))
    .exitOverride()
    .showHelpAfterError();
  registerDbCommands(program, language);
  registerCompanyCommands(program, language);
  registerDemoCommand(program, language);
  registerServeCommand(program, language);
  registerImportCommands(program, language);
  registerBankCommands(program, language);
  registerMatchCommand(program, language);
  registerDunningCommands(program, language);
  registerListCommands(program, language);
  registerMessageCommands(program, language);
  registerDisputeCommands(program, language);
  registerCreditCommands(program, language);
  registerPortalCommands(program, language);
  registerReportCommands(program, language);
  registerUserCommands(program, language);
  registerAuditCommands(program, language);
  return program;
}

function packageVersion(): string {
  const packageJson = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}
