import type { Command } from 'commander';
import { z } from 'zod';
import { findCompanies } from '../../companies/service.ts';
import { ZTrustedProxies } from '../../http/trusted-proxies.ts';
import { parseOptions } from '../options.ts';
import { cliLanguage, withRuntime, type GlobalOptions } from '../runtime.ts';

const ZServeOptions = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().default('127.0.0.1'),
  trustedProxies: ZTrustedProxies,
  // `true` from the flag, or the text of SECURE_COOKIES; anything else is refused, not ignored.
  secureCookies: z
    .union([z.literal(true), z.enum(['true', 'false', ''])])
    .transform((v) => v === true || v === 'true'),
  // Readable lines on a terminal, JSON for files, pipes and log collectors.
  logFormat: z
    .enum(['pretty', 'json', ''])
    .transform((format) => (format === '' ? (process.stdout.isTTY ? 'pretty' : 'json') : format)),
});

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the web application and the API')
    .option('--port <n>', 'port to listen on', process.env['PORT'] ?? '3000')
    .option('--host <address>', 'address to listen on', process.env['HOST'] ?? '127.0.0.1')
    .option(
      '--trusted-proxies <list>',
      'reverse proxies whose X-Forwarded-For/-Proto are believed: addresses or CIDRs, comma-separated (default: $TRUSTED_PROXIES, else none)',
      process.env['TRUSTED_PROXIES'] ?? '',
    )
    .option(
      '--secure-cookies',
      'mark the session cookie Secure even over plain HTTP (default: $SECURE_COOKIES; it always is over HTTPS)',
      process.env['SECURE_COOKIES'] ?? 'false',
    )
    .option(
      '--log-format <format>',
      'pretty (one line per request) or json (default: $LOG_FORMAT, else pretty on a terminal, json otherwise)',
      process.env['LOG_FORMAT'] ?? '',
    )
    .action(async (raw: unknown, command: Command) => {
      const { port, host, trustedProxies, secureCookies, logFormat } = parseOptions(
        ZServeOptions,
        raw,
        cliLanguage(command.optsWithGlobals<GlobalOptions>()),
      );
      await withRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ deps, handle }) => {
        // Loaded here: the HTTP stack is the heaviest import, and only `serve` needs it.
        const { buildApp } = await import('../../http/app.ts');
        const app = await buildApp({
          deps,
          log: { level: process.env['LOG_LEVEL'] ?? 'info', format: logFormat },
          secureCookies,
          trustedProxies,
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
