import type { Command } from 'commander';
import { openDatabase } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import type { Language } from '../../shared/language.ts';
import { helpWords } from '../localized-command.ts';
import { outputWords, printJson } from '../output.ts';
import { databaseLocation, type GlobalOptions } from '../runtime.ts';

export function registerDbCommands(program: Command, language: Language): void {
  const help = helpWords(language);
  const say = outputWords(language);
  const db = program.command('db').description(help('db'));
  db.command('migrate')
    .description(help('dbMigrate'))
    .option('--json', help('jsonResult'))
    .action(async (options: { json?: boolean }, command: Command) => {
      const global = command.optsWithGlobals<GlobalOptions>();
      const handle = await openDatabase(databaseLocation(global));
      try {
        const result = await migrate(handle);
        if (options.json) {
          printJson({ database: handle.kind, ...result });
        } else {
          const { location } = handle;
          console.log(
            result.applied.length === 0
              ? say('schemaUpToDate', { count: result.alreadyApplied, location })
              : say('migrationsApplied', {
                  count: result.applied.length,
                  migrations: result.applied.join(', '),
                  location,
                }),
          );
        }
      } finally {
        await handle.close();
      }
    });
}
