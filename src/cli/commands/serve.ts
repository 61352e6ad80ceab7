import type { Command } from 'commander';
import { z } from 'zod';
import { findCompanies } from '../../companies/service.ts';
import { parseOptions } from '../options.ts';
import { withRuntime, type GlobalOptions } from '../runtime.ts';

const ZServeOptions = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().default('127.0.0.1'),
});

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the web application and the API')
    .option('--port <n>', 'port to listen on', process.env['PORT'] ?? '3000')
    .option('--host <address>', 'address to listen on', process.env['HOST'] ?? '127.0.0.1')
    .action(async (raw: unknown, command: Command) => {
      const { port, host } = parseOptions(ZServeOptions, raw);
      await withRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ deps, handle }) => {
        // Loaded here: the HTTP stack is the heaviest import, and only `serve` needs it.
        const { buildApp } = await import('../../http/app.ts');
        const app = await buildApp({
          deps,
          log: { level: process.env['LOG_LEVEL'] ?? 'info' },
          secureCookies: process.env['SECURE_COOKIES'] === 'true',
        });
        const address = await app.listen({ port, host });
        const companies = await findCompanies(deps);
        console.log(
          `Encaisse is running on ${address} (database: ${handle.kind} ${handle.location})`,
        );
        if (companies.length === 0) {
          console.log('No company yet: run `encaisse demo` to create the demo company.');
        }
        await new Promise<void>((resolve) => {
          const stop = () => {
            void app.close().then(() => resolve());
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      });
    });
}
