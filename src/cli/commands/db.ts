import type { Command } from 'commander';
import { openDatabase } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { printJson } from '../output.ts';
import { databaseLocation, type GlobalOptions } from '../runtime.ts';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('Database maintenance');
  db.command('migrate')
    .description('Apply the schema migrations not yet applied')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const global = command.optsWithGlobals<GlobalOptions>();
      const handle = await openDatabase(databaseLocation(global));
      try {
        const result = await migrate(handle);
        if (options.json) {
          printJson({ database: handle.kind, ...result });
        } else {
          console.log(
            result.applied.length === 0
              ? `Schema up to date (${result.alreadyApplied} migrations) on ${handle.location}`
              : `Applied ${result.applied.join(', ')} on ${handle.location}`,
          );
        }
      } finally {
        await handle.close();
      }
    });
}
