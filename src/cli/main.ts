import { CommanderError } from 'commander';
import { reportError } from './output.ts';
import { buildProgram } from './program.ts';
import { cliLanguage, langOption } from './runtime.ts';

// Decided before commander parses, so that its help and refusals speak it too.
const language = cliLanguage(langOption(process.argv.slice(2)));
const program = buildProgram(language);
try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed it (reworded by `LocalizedCommand`), or the help or version.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    process.exitCode = reportError(error, language);
  }
}
