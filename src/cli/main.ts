import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { registerAuditCommands } from './commands/audit.ts';
import { registerCompanyCommands } from './commands/companies.ts';
import { registerDbCommands } from './commands/db.ts';
import { registerDemoCommand } from './commands/demo.ts';
import { registerImportCommands } from './commands/import.ts';
import { registerListCommands } from './commands/lists.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerUserCommands } from './commands/users.ts';
import { LANGUAGES } from '../shared/language.ts';
import { reportError } from './output.ts';
import { cliLanguage, type GlobalOptions } from './runtime.ts';

export function buildProgram(): Command {
  const program = new Command('encaisse')
    .description('Encaisse — credit management and collections, from prospect to cash')
    .option(
      '--db <dir|url>',
      'embedded database directory or postgres:// URL (default: $DATABASE_URL, else ./data)',
    )
    .option('--company <code>', 'company to act on (optional when there is only one)')
    .addOption(
      new Option(
        '--lang <language>',
        'language of messages and tables (default: $ENCAISSE_LANG, else fr)',
      ).choices(LANGUAGES),
    )
    .version(packageVersion(), '-V, --version', 'print the version of Encaisse')
    .exitOverride()
    .showHelpAfterError();
  registerDbCommands(program);
  registerCompanyCommands(program);
  registerDemoCommand(program);
  registerServeCommand(program);
  registerImportCommands(program);
  registerListCommands(program);
  registerUserCommands(program);
  registerAuditCommands(program);
  return program;
}

function packageVersion(): string {
  const packageJson = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

const program = buildProgram();
try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    process.exitCode = reportError(error, cliLanguage(program.opts<GlobalOptions>()));
  }
}
