import type { Command } from 'commander';
import { z } from 'zod';
import { findCompanies } from '../../companies/service.ts';
import { ZTrustedProxies } from '../../http/trusted-proxies.ts';
import type { Language } from '../../shared/language.ts';
import { helpWords } from '../localized-command.ts';
import { chooseLogFormat } from '../log-format.ts';
import { parseOptions } from '../options.ts';
import { outputWords } from '../output.ts';
import { withRuntime, type GlobalOptions } from '../runtime.ts';

const ZLogFormatText = z.enum(['pretty', 'json', '']);

const ZServeOptions = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().default('127.0.0.1'),
  trustedProxies: ZTrustedProxies,
  // `true` from the flag, or the text of SECURE_COOKIES; anything else is refused, not ignored.
  secureCookies: z
    .union([z.literal(true), z.enum(['true', 'false', ''])])
    .transform((v) => v === true || v === 'true'),
  logFormat: ZLogFormatText.optional(),
  publicUrl: z.url().optional(),
});

/** `LOG_FORMAT`, checked as the flag is, and named as the flag in a refusal. */
const ZLogFormatEnv = z.object({ logFormat: ZLogFormatText.optional() });

/** This machine's address for a browser on it, when no public address was given. */
function localUrl(host: string, port: number): string {
  const name = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(host) ? 'localhost' : host;
  return `http://${name}:${port}`;
}

export function registerServeCommand(program: Command, language: Language): void {
  const help = helpWords(language);
  const say = outputWords(language);
  program
    .command('serve')
    .description(help('serve'))
    .option('--port <n>', help('servePort'), process.env['PORT'] ?? '3000')
    .option('--host <address>', help('serveHost'), process.env['HOST'] ?? '127.0.0.1')
    .option(
      '--trusted-proxies <list>',
      help('serveTrustedProxies'),
      process.env['TRUSTED_PROXIES'] ?? '',
    )
    .option(
      '--secure-cookies',
      help('serveSecureCookies'),
      process.env['SECURE_COOKIES'] ?? 'false',
    )
    // No default from LOG_FORMAT, which would pass for the flag: `chooseLogFormat` weighs both.
    .option('--log-format <format>', help('serveLogFormat'))
    .option('--public-url <url>', help('servePublicUrl'), process.env['PUBLIC_URL'])
    .action(async (raw: unknown, command: Command) => {
      const {
        port,
        host,
        trustedProxies,
        secureCookies,
        logFormat: option,
        publicUrl: configuredUrl,
      } = parseOptions(ZServeOptions, raw, language);
      // The links in the reminders and the API's answers: where people reach this server.
      const publicUrl = configuredUrl ?? localUrl(host, port);
      const env = parseOptions(ZLogFormatEnv, { logFormat: process.env['LOG_FORMAT'] }, language);
      const logFormat = chooseLogFormat({
        option,
        env: env.logFormat,
        // `undefined`, though typed `boolean`, when stdout is a file or a pipe.
        isTty: process.stdout.isTTY,
      });
      await withRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ deps, handle }) => {
        // Loaded here: the HTTP stack and the mailer are the heaviest imports, and only
        // `serve` needs them (every other command runs in a small heap: import-memory.test.ts).
        const { buildApp } = await import('../../server/app.ts');
        const { companyMailers } = await import('../../jobs/mailer.ts');
        const { startOutboxWorker, workerOwner } = await import('../../jobs/outbox-worker.ts');
        const { webhookSmsSender } = await import('../../jobs/sms-webhook.ts');
        const { readSmsSettingsForDelivery } = await import('../../jobs/sms-settings.ts');
        const { startJobWorker } = await import('../../jobs/jobs.ts');
        const { startPolling } = await import('../../jobs/polling.ts');
        const { dunningRunJob, scheduleDueRuns } = await import('../../dunning/run-job.ts');
        const app = await buildApp({
          deps,
          log: { level: process.env['LOG_LEVEL'] ?? 'info', format: logFormat },
          secureCookies,
          trustedProxies,
          publicUrl,
        });
        const address = await app.listen({ port, host });
        const companies = await findCompanies(deps);
        console.log(say('serveRunning', { address, kind: handle.kind, location: handle.location }));
        if (companies.length === 0) {
          console.log(say('serveNoCompany'));
        }
        // The server delivers what the outbox holds: each company's e-mails through its own
        // SMTP settings (ADR 21). Several servers on one database share the work by leases.
        const mailers = companyMailers(deps.db);
        const outbox = startOutboxWorker({
          db: deps.db,
          owner: workerOwner(),
          clock: deps.clock,
          mailerFor: (companyId) => mailers.mailerFor(companyId),
          // Each company's SMS through its own webhook (sms_setting); without one they wait.
          smsSender: webhookSmsSender((companyId) =>
            readSmsSettingsForDelivery(deps.db, companyId),
          ),
          onError: (error) => app.log.error({ err: error }, 'outbox delivery failed'),
        });
        // Each company's daily dunning run, scheduled once its hour has come (ADR 22), and
        // run by whichever server claims it first.
        const scheduler = startPolling({
          intervalMs: 60_000,
          runBatch: async () => {
            await scheduleDueRuns(deps);
            return false;
          },
          onError: (error) => app.log.error({ err: error }, 'dunning scheduling failed'),
        });
        const jobs = startJobWorker({
          deps,
          definitions: [dunningRunJob({ publicUrl })],
          onError: (error) => app.log.error({ err: error }, 'job failed'),
        });
        await new Promise<void>((resolve) => {
          const stop = () => {
            void Promise.all([scheduler.stop(), jobs.stop(), outbox.stop()])
              .then(() => mailers.close())
              .then(() => app.close())
              .then(() => resolve());
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      });
    });
}
